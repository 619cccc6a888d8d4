"""The demo question bank: 20 questions on using the public-service portal safely, tagged
across ``home.skills``. Editors must check every fact on dichvucong.gov.vn before
using them with real learners.

Practical questions name a sandbox exercise by slug (``sandbox/demo/exercises.py``); one
whose exercise is missing is skipped, so this seed can run before or without the
sandbox's.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from sandbox.models import Exercise

from .models import SkillQuestion

QUESTIONS: list[dict[str, Any]] = [
    {
        "slug": "dia-chi-cong-that",
        "skill": "information.evaluate",
        "prompt": "Địa chỉ nào dưới đây là Cổng Dịch vụ công quốc gia thật?",
        "choices": [
            "dichvucong.gov.vn",
            "dichvucong-gov.vn.net",
            "dichvucongquocgia.online",
            "dichvucong.gov.vn.com",
        ],
        "correct": "a",
        "explanation": (
            "Trang của cơ quan nhà nước có đuôi .gov.vn ở cuối địa chỉ. Kẻ gian hay làm trang "
            "giả có tên gần giống, thêm dấu gạch hoặc đuôi khác. Hãy tự gõ dichvucong.gov.vn "
            "thay vì bấm đường dẫn người lạ gửi."
        ),
    },
    {
        "slug": "khong-doc-otp",
        "skill": "safety.accounts",
        "prompt": (
            "Có người gọi điện xưng là cán bộ xã, nhờ bác đọc mã OTP vừa gửi về điện thoại "
            "để “hoàn tất hồ sơ”. Bác nên làm gì?"
        ),
        "choices": [
            "Đọc mã cho họ vì họ là cán bộ",
            "Không đọc mã cho ai, cúp máy và báo công an xã",
            "Chụp màn hình tin nhắn gửi qua Zalo cho họ",
            "Đọc một nửa mã để thử xem họ có thật không",
        ],
        "correct": "b",
        "explanation": (
            "Mã OTP là chìa khóa tài khoản của bác. Cán bộ không bao giờ hỏi mã OTP; ai hỏi "
            "mã là kẻ gian muốn chiếm tài khoản."
        ),
    },
    {
        "slug": "so-dinh-danh-12-so",
        "skill": "public_services.identity",
        "prompt": "Số định danh cá nhân in trên thẻ căn cước có bao nhiêu chữ số?",
        "choices": ["9 chữ số", "10 chữ số", "12 chữ số", "15 chữ số"],
        "correct": "c",
        "explanation": (
            "Số định danh cá nhân có 12 chữ số, in trên thẻ căn cước. Đây cũng là tên đăng "
            "nhập tài khoản trên Cổng: gõ đủ 12 số, không có dấu cách."
        ),
    },
    {
        "slug": "ma-ho-so-de-lam-gi",
        "skill": "public_services.track",
        "prompt": "Nộp hồ sơ xong, Cổng cho bạn một mã hồ sơ. Mã này dùng để làm gì?",
        "choices": [
            "Để đăng nhập Cổng lần sau",
            "Để tra cứu, theo dõi hồ sơ đang được xử lý đến đâu",
            "Để trả tiền lệ phí ở ngân hàng",
            "Không dùng làm gì, có thể bỏ qua",
        ],
        "correct": "b",
        "explanation": (
            "Mã hồ sơ là “số biên nhận” của hồ sơ nộp trực tuyến. Ghi lại mã này để tra cứu "
            "tình trạng hồ sơ hoặc hỏi cán bộ một cửa khi cần."
        ),
    },
    {
        "slug": "yeu-cau-bo-sung",
        "skill": "public_services.track",
        "prompt": "Hồ sơ của bạn chuyển sang trạng thái “Yêu cầu bổ sung”. Điều đó có nghĩa là gì?",
        "choices": [
            "Hồ sơ đã bị từ chối, phải nộp lại từ đầu",
            "Hồ sơ đã xong, chờ nhận kết quả",
            "Cán bộ cần thêm hoặc sửa giấy tờ: đọc nội dung yêu cầu rồi gửi bổ sung",
            "Phải đến trụ sở xã nộp tiền phạt",
        ],
        "correct": "c",
        "explanation": (
            "Yêu cầu bổ sung không phải là từ chối. Đọc kỹ cán bộ cần gì, chuẩn bị giấy tờ đó "
            "rồi gửi bổ sung ngay trên Cổng; hồ sơ sẽ được xử lý tiếp."
        ),
    },
    {
        "slug": "biet-co-ket-qua",
        "skill": "public_services.track",
        "prompt": "Làm sao biết hồ sơ nộp trực tuyến đã có kết quả?",
        "choices": [
            "Đăng nhập Cổng, xem trạng thái hồ sơ trong mục quản lý hồ sơ",
            "Chờ người lạ gọi điện báo",
            "Hỏi trong nhóm chat của thôn",
            "Không thể biết, phải lên xã hỏi mỗi ngày",
        ],
        "correct": "a",
        "explanation": (
            "Trạng thái hồ sơ trên Cổng cho biết hồ sơ đang ở bước nào và khi nào có kết quả. "
            "Cổng cũng gửi thông báo, nhưng nên tự đăng nhập kiểm tra thay vì tin tin nhắn lạ."
        ),
    },
    {
        "slug": "vneid-muc-2-quet-qr",
        "skill": "public_services.identity",
        "prompt": (
            "Muốn dùng ứng dụng VNeID quét mã QR để đăng nhập Cổng Dịch vụ công quốc gia, "
            "tài khoản định danh điện tử cần ở mức độ nào?"
        ),
        "choices": ["Mức độ 1", "Mức độ 2", "Không cần tài khoản", "Mức độ nào cũng được"],
        "correct": "b",
        "explanation": (
            "Tài khoản mức độ 2 được công an xác minh trực tiếp nên dùng được để đăng nhập "
            "Cổng và làm thủ tục. Nếu tài khoản còn ở mức độ 1, hãy đến công an xã để nâng lên."
        ),
    },
    {
        "slug": "tra-le-phi-tren-cong",
        "skill": "public_services.payment",
        "prompt": "Hồ sơ nộp trực tuyến có lệ phí. Cách trả nào an toàn?",
        "choices": [
            "Chuyển khoản vào số tài khoản cá nhân một người nhắn qua Zalo",
            "Bấm nút thanh toán ngay trên Cổng cho đúng hồ sơ đó",
            "Gửi tiền mặt qua người quen nhờ nộp hộ",
            "Nạp thẻ điện thoại rồi gửi mã thẻ cho cán bộ",
        ],
        "correct": "b",
        "explanation": (
            "Lệ phí trả ngay trên Cổng, gắn với mã hồ sơ, nên cơ quan biết bạn đã trả. Không "
            "chuyển tiền vào tài khoản cá nhân ai nhắn tin đòi."
        ),
    },
    {
        "slug": "da-tra-le-phi-chua",
        "skill": "public_services.payment",
        "prompt": "Trả lệ phí xong, làm sao chắc chắn hồ sơ đã được ghi nhận là đã thanh toán?",
        "choices": [
            "Xem thông tin thanh toán của hồ sơ trên Cổng",
            "Hỏi người đã nhắn số tài khoản cho mình",
            "Trả thêm lần nữa cho chắc",
            "Không cần kiểm tra",
        ],
        "correct": "a",
        "explanation": (
            "Hồ sơ trên Cổng ghi rõ đã thanh toán hay chưa. Nếu tiền đã trừ mà Cổng chưa ghi "
            "nhận, liên hệ cơ quan giải quyết kèm mã hồ sơ, đừng trả lần nữa."
        ),
    },
    {
        "slug": "anh-giay-to-rieng-tu",
        "skill": "safety.personal_data",
        "prompt": (
            "Bạn chụp ảnh thẻ căn cước để đính kèm hồ sơ. Nộp xong, nên làm gì với những ảnh đó?"
        ),
        "choices": [
            "Đăng lên Facebook để khoe đã làm xong thủ tục",
            "Gửi vào nhóm chat của thôn để mọi người xem mẫu",
            "Không chia sẻ cho ai; xóa ảnh khỏi điện thoại nếu không còn cần",
            "Gửi cho bất kỳ ai xin để “kiểm tra hộ”",
        ],
        "correct": "c",
        "explanation": (
            "Ảnh giấy tờ có đủ thông tin để kẻ gian mạo danh bạn vay tiền hoặc mở tài khoản. "
            "Chỉ tải lên Cổng, không gửi đi nơi khác."
        ),
    },
    {
        "slug": "mat-khau-manh",
        "skill": "safety.accounts",
        "prompt": "Mật khẩu nào dưới đây mạnh nhất cho tài khoản trên Cổng?",
        "choices": ["12345678", "hoa1985", "Sen#Ho9Tay", "matkhau"],
        "correct": "c",
        "explanation": (
            "Mật khẩu mạnh có từ 8 ký tự, có chữ hoa, chữ thường, chữ số và ký tự đặc biệt, "
            "không dùng ngày sinh hay dãy số dễ đoán, và không dùng chung cho nhiều nơi."
        ),
    },
    {
        "slug": "tin-nhan-khoa-ho-so",
        "skill": "safety.scams",
        "prompt": (
            "Bạn nhận tin nhắn: “Hồ sơ của bạn bị khóa, bấm vào dichvucong-gov.vn.net để mở "
            "khóa”. Bạn nên làm gì?"
        ),
        "choices": [
            "Bấm ngay vào đường dẫn cho kịp",
            "Không bấm; tự gõ dichvucong.gov.vn để xem hồ sơ, rồi báo tin nhắn lừa đảo",
            "Trả lời tin nhắn, gửi số căn cước để họ kiểm tra",
            "Chuyển tiếp cho người thân bấm thử",
        ],
        "correct": "b",
        "explanation": (
            "Đường dẫn không có đuôi .gov.vn là trang giả để lấy mật khẩu và mã OTP. Muốn "
            "xem hồ sơ, tự mở Cổng thật và đăng nhập."
        ),
    },
    {
        "slug": "tim-thu-tuc-tren-cong",
        "skill": "information.find",
        "prompt": (
            "Trên Cổng Dịch vụ công, muốn tìm thủ tục đăng ký khai sinh, cách nhanh nhất là gì?"
        ),
        "choices": [
            "Gõ “khai sinh” vào ô tìm kiếm thủ tục",
            "Xem lần lượt tất cả các thủ tục",
            "Gọi điện cho tổng đài hỏi địa chỉ trang",
            "Tìm trên mạng xã hội một trang nhận làm hộ",
        ],
        "correct": "a",
        "explanation": (
            "Ô tìm kiếm trên Cổng tìm theo tên thủ tục; gõ vài chữ chính như “khai sinh”, "
            "rồi chọn đúng thủ tục và đúng nơi bạn cư trú."
        ),
    },
    {
        "slug": "trang-lam-ho-thu-phi",
        "skill": "information.evaluate",
        "prompt": (
            "Một trang Facebook tên “Dịch vụ công hỗ trợ nhanh” nhận làm hồ sơ hộ, thu "
            "500.000 đồng. Thông tin này đáng tin không?"
        ),
        "choices": [
            "Đáng tin vì tên có chữ “Dịch vụ công”",
            "Không phải kênh chính thức; thành phần hồ sơ và lệ phí xem trên Cổng",
            "Đáng tin nếu trang có nhiều lượt thích",
            "Đáng tin nếu họ gửi ảnh con dấu",
        ],
        "correct": "b",
        "explanation": (
            "Thông tin chính thức về thủ tục, giấy tờ và lệ phí nằm trên Cổng Dịch vụ công. "
            "Trang lạ dùng tên giống cơ quan nhà nước thường là để lừa tiền và lấy giấy tờ."
        ),
    },
    {
        "slug": "kiem-tra-truoc-khi-nop",
        "skill": "public_services.submit",
        "prompt": "Trước khi bấm “Nộp hồ sơ”, bạn nên làm gì?",
        "choices": [
            "Bấm nộp ngay, sai thì cán bộ sửa hộ",
            "Đọc lại thông tin trên tờ khai và xem lại các giấy tờ đã đính kèm",
            "Tắt điện thoại cho đỡ tốn pin",
            "Nhờ người lạ đăng nhập nộp hộ",
        ],
        "correct": "b",
        "explanation": (
            "Kiểm tra lại họ tên, ngày tháng, số giấy tờ và tệp đính kèm giúp hồ sơ không bị "
            "yêu cầu bổ sung, đỡ mất thời gian đi lại."
        ),
    },
    {
        "slug": "anh-dinh-kem-ro-net",
        "skill": "public_services.submit",
        "prompt": "Ảnh giấy tờ đính kèm hồ sơ thế nào thì cán bộ đọc được?",
        "choices": [
            "Chụp nghiêng, thiếu một góc cũng được",
            "Chụp rõ nét, đủ bốn góc, không bị lóa đèn",
            "Chụp thật nhỏ cho nhẹ",
            "Dùng ảnh giấy tờ của người khác làm mẫu",
        ],
        "correct": "b",
        "explanation": (
            "Ảnh mờ, lóa hoặc thiếu góc là lý do hay gặp nhất khiến hồ sơ bị yêu cầu bổ sung."
        ),
    },
    {
        "slug": "thuc-hanh-tao-tai-khoan",
        "skill": "public_services.identity",
        "kind": "practical",
        "exercise": "tao-tai-khoan",
        "prompt": (
            "Tự tạo một tài khoản trên Cổng luyện tập bằng thẻ căn cước luyện tập, rồi đăng "
            "nhập bằng tài khoản đó, không mở phần hướng dẫn."
        ),
        "explanation": "Làm được bài này là bạn đã tự vào Cổng được, không cần nhờ ai.",
    },
    {
        "slug": "thuc-hanh-dang-nhap-vneid",
        "skill": "public_services.identity",
        "kind": "practical",
        "exercise": "dang-nhap-vneid",
        "prompt": (
            "Đăng nhập Cổng luyện tập bằng cách quét mã QR với ứng dụng VNeID giả lập, không "
            "mở phần hướng dẫn."
        ),
        "explanation": (
            "Nếu ứng dụng báo chưa cho phép đăng nhập trang web, hãy bật quyền đó trong cài "
            "đặt của ứng dụng rồi quét lại."
        ),
    },
    {
        "slug": "thuc-hanh-nop-khai-sinh",
        "skill": "public_services.submit",
        "kind": "practical",
        "exercise": "khai-sinh-buu-dien",
        "prompt": (
            "Tự nộp hồ sơ đăng ký khai sinh trên Cổng luyện tập, xin thêm bản sao, trả lệ "
            "phí và chọn nhận kết quả qua bưu điện, không mở phần hướng dẫn."
        ),
        "explanation": "Nhớ thanh toán: hồ sơ có lệ phí chỉ được xử lý khi đã trả.",
    },
    {
        "slug": "thuc-hanh-gui-bo-sung",
        "skill": "public_services.track",
        "kind": "practical",
        "exercise": "khai-sinh-bo-sung",
        "prompt": (
            "Theo dõi hồ sơ trên Cổng luyện tập; khi cán bộ yêu cầu bổ sung, đọc yêu cầu và "
            "gửi bổ sung đúng giấy tờ, không mở phần hướng dẫn."
        ),
        "explanation": "Yêu cầu bổ sung không phải từ chối: gửi đúng thứ cán bộ cần là xong.",
    },
]


@transaction.atomic
def assessments_demo_seed(*, update: bool = False) -> int:
    """Create the demo questions that are missing; with ``update`` rewrite their texts
    from the data. Returns how many were written."""
    written = 0
    for position, data in enumerate(QUESTIONS, start=1):
        question = SkillQuestion.objects.filter(slug=data["slug"]).first()
        if question is not None and not update:
            continue
        exercise = None
        if data.get("exercise"):
            exercise = Exercise.objects.filter(slug=data["exercise"]).first()
            if exercise is None:
                continue
        question = question or SkillQuestion(slug=data["slug"])
        choices = [*data.get("choices", []), "", "", "", ""][:4]
        question.skill = data["skill"]
        question.kind = data.get("kind", SkillQuestion.Kind.CHOICE)
        question.prompt = data["prompt"]
        question.choice_a, question.choice_b, question.choice_c, question.choice_d = choices
        question.correct_choice = data.get("correct", "")
        question.explanation = data["explanation"]
        question.exercise = exercise
        question.sort_order = position * 10
        question.full_clean()
        question.save()
        written += 1
    return written
