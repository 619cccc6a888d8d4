"""Every error the sandbox can show, named by step and field, in plain Vietnamese.

"Đăng nhập nhiều lần nhưng vẫn không thể sử dụng, không biết lỗi ở khâu nào": each
message says which step and which box went wrong and what to do. In guided mode the
``why`` text is shown too. The codes are stable: practice events record them and the
reports count them.
"""

from home.text import vn_number

STEPS = {
    "cccd": "Lấy số CCCD luyện tập",
    "register": "Bước 1 – Đăng ký tài khoản",
    "otp": "Bước 2 – Nhập mã xác nhận (OTP)",
    "password": "Bước 3 – Tạo mật khẩu",
    "login": "Đăng nhập",
    "login_password": "Đăng nhập – Số CCCD và mật khẩu",
    "login_code": "Đăng nhập – Nhập mã xác nhận",
    "vneid": "Đăng nhập bằng VNeID",
    "find": "Tìm thủ tục",
    "agency": "Chọn cơ quan thực hiện",
    "applicant": "Thông tin người nộp",
    "eform": "Tờ khai điện tử",
    "delivery": "Đăng ký nhận kết quả",
    "attachments": "Thành phần hồ sơ",
    "review": "Kiểm tra và nộp hồ sơ",
    "payment": "Thanh toán phí, lệ phí",
    "supplement": "Gửi bổ sung hồ sơ",
    "tracking": "Tra cứu hồ sơ",
    "rating": "Đánh giá hài lòng",
    "desk": "Bộ phận một cửa",
}

# code: (message, why) — the message names what to do; "why" explains in guided mode.
MESSAGES = {
    "cccd_format": (
        "Số CCCD phải gồm đúng 12 chữ số, không có dấu cách hay chữ cái.",
        "Số trên thẻ căn cước có 12 chữ số. Hãy nhìn thẻ và gõ lại từng nhóm.",
    ),
    "cccd_not_practice": (
        "Số này có thể là số căn cước thật của một người. Môi trường thực hành chỉ nhận "
        "số luyện tập bắt đầu bằng 099: hãy bấm “Lấy số CCCD luyện tập”.",
        "Không bao giờ nhập số căn cước thật vào trang luyện tập, kể cả của chính mình.",
    ),
    "cccd_unknown": (
        "Số CCCD luyện tập này chưa được cấp cho bạn. Hãy dùng số in trên thẻ luyện tập của bạn.",
        "Mỗi học viên có thẻ luyện tập riêng; số của người khác không dùng được.",
    ),
    "too_long": (
        "Nội dung quá dài. Hãy viết ngắn gọn lại.",
        "Mỗi ô có giới hạn độ dài, như trên cổng thật. Viết ngắn gọn, đủ ý là được.",
    ),
    "required": (
        "Ô này chưa được điền.",
        "Ô có dấu * là bắt buộc; thiếu nó hệ thống thật cũng không cho đi tiếp.",
    ),
    "name_no_diacritics": (
        "Họ và tên phải gõ có dấu, đúng như trên thẻ căn cước.",
        "Hệ thống so họ tên với Cơ sở dữ liệu dân cư, nơi tên được ghi có dấu.",
    ),
    "name_mismatch": (
        "Họ và tên chưa khớp với thẻ căn cước. Hãy gõ đúng từng chữ, kể cả dấu.",
        "Hệ thống so họ tên với Cơ sở dữ liệu dân cư; sai một dấu cũng bị từ chối.",
    ),
    "date_no_slash": (
        "Ngày sinh phải có dấu “/” giữa ngày, tháng và năm, ví dụ 05/03/1968.",
        "Nhiều người gõ 05031968 liền nhau nên hệ thống không hiểu. Gõ ngày/tháng/năm.",
    ),
    "date_invalid": (
        "Ngày này không có thật. Hãy gõ theo dạng ngày/tháng/năm, ví dụ 05/03/1968.",
        "Kiểm tra lại ngày (1–31) và tháng (1–12).",
    ),
    "birth_date_mismatch": (
        "Ngày sinh chưa khớp với thẻ căn cước.",
        "Hệ thống so ngày sinh với Cơ sở dữ liệu dân cư.",
    ),
    "phone_format": (
        "Số điện thoại phải có 10 chữ số và bắt đầu bằng số 0, ví dụ 0912345678.",
        "Gõ liền các chữ số, không có dấu cách hay dấu chấm.",
    ),
    "phone_not_owner": (
        "Số điện thoại này không đăng ký chính chủ với số CCCD đã nhập, nên không nhận được mã "
        "xác nhận. Hãy dùng số điện thoại đứng tên chính mình (xem trên thẻ luyện tập).",
        "Ngoài đời, nhắn TTTB gửi 1414 để biết SIM có đứng tên mình không; nếu không, "
        "gọi tổng đài nhà mạng để cập nhật.",
    ),
    "email_format": (
        "Địa chỉ thư điện tử chưa đúng dạng, ví dụ ten@gmail.com. Có thể bỏ trống ô này.",
        "Thư điện tử không bắt buộc nhưng nên có để nhận thông báo về hồ sơ.",
    ),
    "captcha_wrong": (
        "Mã kiểm tra (các chữ trong ảnh) chưa đúng. Hãy gõ lại các chữ trong ảnh mới.",
        "Mã kiểm tra chứng minh bạn là người chứ không phải máy. Không phân biệt chữ hoa, thường.",
    ),
    "account_exists": (
        "Số CCCD này đã có tài khoản. Hãy chuyển sang Đăng nhập.",
        "Mỗi số CCCD chỉ có một tài khoản.",
    ),
    "otp_wrong": (
        "Mã xác nhận chưa đúng. Hãy xem lại tin nhắn mới nhất trên điện thoại giả lập "
        "và gõ đủ 6 chữ số.",
        "Mã gồm 6 chữ số trong tin nhắn SMS mới nhất; mã cũ không còn dùng được.",
    ),
    "otp_expired": (
        "Mã xác nhận đã hết hạn (chỉ dùng được trong 5 phút). Bấm “Gửi lại mã” để nhận mã mới.",
        "Mã hết hạn để người khác không dùng lại được. Nhận mã mới rồi gõ ngay.",
    ),
    "otp_too_many": (
        "Bạn đã nhập sai mã quá 5 lần. Bấm “Gửi lại mã” để nhận mã mới.",
        "Giới hạn số lần thử để bảo vệ tài khoản.",
    ),
    "password_short": ("Mật khẩu phải có ít nhất 8 ký tự.", None),
    "password_no_upper": ("Mật khẩu phải có ít nhất một chữ IN HOA (A–Z).", None),
    "password_no_lower": ("Mật khẩu phải có ít nhất một chữ thường (a–z).", None),
    "password_no_digit": ("Mật khẩu phải có ít nhất một chữ số (0–9).", None),
    "password_no_symbol": (
        "Mật khẩu phải có ít nhất một ký tự đặc biệt, ví dụ @ # ! *.",
        None,
    ),
    "password_mismatch": (
        "Hai lần gõ mật khẩu chưa giống nhau. Hãy gõ lại ô “Nhập lại mật khẩu”.",
        "Gõ lại lần hai để chắc chắn bạn nhớ đúng mật khẩu.",
    ),
    "login_failed": (
        "Số CCCD hoặc mật khẩu chưa đúng. Kiểm tra lại; chữ hoa và chữ thường là khác nhau.",
        "Nếu quên mật khẩu, trong đời thật hãy dùng “Quên mật khẩu” để đặt lại qua SMS.",
    ),
    "login_not_activated": (
        "Tài khoản chưa hoàn tất đăng ký: còn thiếu bước nhập mã xác nhận hoặc tạo mật khẩu.",
        "Quay lại Đăng ký, nhập mã xác nhận rồi tạo mật khẩu.",
    ),
    "login_code_wrong": (
        "Mã xác nhận chưa đúng. Hãy xem lại tin nhắn hoặc thông báo VNeID mới nhất trên "
        "điện thoại giả lập và gõ đủ 6 chữ số.",
        "Mã gồm 6 chữ số trong tin mới nhất; mã của lần đăng nhập trước không còn dùng được.",
    ),
    "login_code_expired": (
        "Mã xác nhận đã hết hạn (chỉ dùng được trong 5 phút). Bấm “Gửi lại mã” để nhận mã mới.",
        "Mã hết hạn để người khác không dùng lại được. Nhận mã mới rồi gõ ngay.",
    ),
    "login_code_too_many": (
        "Bạn đã nhập sai mã xác nhận 5 lần nên mã này bị khóa. Hãy đăng nhập lại từ đầu: "
        "gõ số CCCD và mật khẩu, rồi nhập mã mới.",
        "Giới hạn số lần thử để người lạ không đoán được mã, kể cả khi đã biết mật khẩu.",
    ),
    "login_code_restart": (
        "Lần đăng nhập này đã kết thúc. Hãy đăng nhập lại: gõ số CCCD và mật khẩu, rồi nhập "
        "mã mới.",
        "Mã xác nhận chỉ dùng cho một lần đăng nhập.",
    ),
    "login_code_too_soon": (
        "Mã xác nhận vừa được gửi và vẫn dùng được. Hãy xem điện thoại giả lập; muốn nhận mã "
        "mới thì đợi ít giây rồi bấm “Gửi lại mã”.",
        "Mỗi lần gửi lại, mã cũ hết tác dụng; bấm liên tục dễ gõ nhầm mã cũ.",
    ),
    "vneid_level1": (
        "Tài khoản VNeID của bạn mới ở mức 1, chưa dùng được dịch vụ công. Cần nâng lên mức 2 "
        "tại Công an xã, phường nơi cư trú.",
        "Mức 2 cần xác thực trực tiếp (chụp ảnh, lấy vân tay) tại cơ quan Công an.",
    ),
    "vneid_web_not_allowed": (
        "Ứng dụng VNeID chưa cho phép đăng nhập trên trang web. Mở VNeID → Cài đặt → bật "
        "“Cho phép đăng nhập trên web”, rồi quét lại mã QR.",
        "Quyền này mặc định tắt để người khác không đăng nhập thay bạn.",
    ),
    "vneid_old_phone": (
        "Tài khoản VNeID vẫn gắn với điện thoại cũ nên mã xác nhận gửi về máy cũ. "
        "Hãy đăng nhập VNeID trên điện thoại mới để chuyển thiết bị.",
        "VNeID chỉ dùng trên một thiết bị một lúc.",
    ),
    "attachment_missing": (
        "Chưa đính kèm giấy tờ bắt buộc này. Hồ sơ thiếu tệp sẽ bị trả lại là “hồ sơ trống”.",
        "Chụp rõ cả trang giấy, đủ 4 góc, không lóa, rồi bấm “Chọn ảnh”.",
    ),
    "delivery_address": (
        "Chưa có địa chỉ nhận kết quả qua bưu điện.",
        "Nhân viên bưu điện cần địa chỉ đầy đủ: số nhà, thôn/tổ, xã/phường, tỉnh.",
    ),
    "declaration": (
        "Bạn chưa đánh dấu lời cam đoan.",
        "Lời cam đoan là bắt buộc: khai sai sự thật có thể bị từ chối hoặc hủy kết quả.",
    ),
    "consent": (
        "Bạn chưa đồng ý cho xử lý dữ liệu cá nhân để giải quyết hồ sơ.",
        "Luật Bảo vệ dữ liệu cá nhân yêu cầu người dân đồng ý rõ ràng.",
    ),
    "payment_failed": (
        "Giao dịch không thành công, tiền chưa bị trừ. Bạn có thể thử lại hoặc chọn cách khác.",
        "Thường do sai mã OTP ngân hàng hoặc tài khoản không đủ tiền.",
    ),
    "payment_timeout": (
        "Hết thời gian chờ thanh toán. Tiền chưa bị trừ; hãy bấm thanh toán lại.",
        "Cổng thanh toán chỉ giữ giao dịch trong ít phút.",
    ),
    "payment_debited": (
        "Tài khoản đã bị trừ tiền nhưng hồ sơ chưa cập nhật. ĐỪNG thanh toán lại: bấm "
        "“Kiểm tra lại giao dịch” để hệ thống đối soát.",
        "Nếu trả lần nữa bạn sẽ mất tiền hai lần; đối soát sẽ cập nhật hồ sơ.",
    ),
    "tracking_not_found": (
        "Không tìm thấy hồ sơ với mã hồ sơ và số CCCD này. Kiểm tra lại mã (có dạng "
        "000.00.00.H99-261122-0001) và số CCCD của người nộp.",
        "Cần cả mã hồ sơ và đúng số CCCD của người nộp để bảo vệ thông tin.",
    ),
    "rating_not_ready": (
        "Mã hồ sơ chưa đủ điều kiện để được đánh giá: chỉ đánh giá khi đã có kết quả.",
        None,
    ),
    "supplement_missing_file": (
        "Chưa đính kèm giấy tờ được yêu cầu bổ sung.",
        "Xem lại “Thành phần cần bổ sung” ở trên và chụp lại giấy tờ đó cho rõ.",
    ),
    "desk_no_document": (
        "Yêu cầu bổ sung phải nêu rõ giấy tờ nào cần bổ sung.",
        "Quy định: yêu cầu bổ sung phải ghi rõ giấy tờ và nội dung cần bổ sung, một lần.",
    ),
    "desk_document_not_required": (
        "Giấy tờ này không có trong thành phần hồ sơ của thủ tục: không được yêu cầu người dân "
        "nộp thêm giấy tờ mà pháp luật không quy định.",
        "Chỉ được yêu cầu các giấy tờ có trong danh mục thành phần hồ sơ đã công bố.",
    ),
    "desk_document_in_database": (
        "Giấy tờ này đã có trong cơ sở dữ liệu (Cơ sở dữ liệu quốc gia về dân cư hoặc cơ sở dữ "
        "liệu chuyên ngành): cán bộ tự tra cứu, không được yêu cầu người dân nộp hay bổ sung.",
        "Nghị định 45/2020/NĐ-CP về thủ tục hành chính trên môi trường điện tử: cơ quan không "
        "yêu cầu người dân nộp lại thông tin, giấy tờ đã có trong cơ sở dữ liệu mà tự khai "
        "thác. Vì thế cổng dịch vụ công không bắt chụp tải lên các giấy tờ này.",
    ),
    "desk_waiting_official": (
        "Hồ sơ đang chờ cán bộ trong lớp tiếp nhận và xử lý, nên chưa tua nhanh được.",
        "Trong buổi học, hồ sơ của bạn được chuyển đến các bạn đóng vai cán bộ một cửa. "
        "Hết thời gian chờ mà chưa ai xử lý thì cán bộ tự động sẽ làm thay.",
    ),
    "desk_no_reason": (
        "Phải ghi lý do và nội dung cần bổ sung.",
        "Người dân cần biết sửa cái gì, vì sao, để bổ sung đúng một lần.",
    ),
    "desk_wrong_status": (
        "Hồ sơ đang ở trạng thái không thực hiện được thao tác này.",
        None,
    ),
}


class PracticeError(Exception):
    """A mistake the learner made, with the step and field it happened in."""

    def __init__(self, code, *, step, field="", field_label="", detail=""):
        self.code = code
        self.step = step
        self.field = field
        self.field_label = field_label
        message, why = MESSAGES.get(code, (detail or "Có lỗi, hãy kiểm tra lại.", None))
        self.plain = detail or message
        self.why = why
        super().__init__(self.full_message)

    @property
    def step_label(self):
        return STEPS.get(self.step, self.step)

    @property
    def full_message(self):
        where = self.step_label
        if self.field_label:
            where += f", ô “{self.field_label}”"
        return f"{where}: {self.plain}"


def _count(number):
    return vn_number(number)


def too_long_error(*, step, field, field_label, limit, length):
    """The box holds more than ``limit`` characters: say how many it takes and how many
    were typed. What was typed is then not saved anywhere."""
    return PracticeError(
        "too_long",
        step=step,
        field=field,
        field_label=field_label,
        detail=f"Ô này chỉ nhận tối đa {_count(limit)} ký tự, bạn đã gõ {_count(length)} "
        "ký tự. Hãy viết ngắn gọn lại.",
    )


def login_code_wrong_error(*, attempts_left):
    """A wrong confirmation code, saying how many more tries the code takes."""
    message, _why = MESSAGES["login_code_wrong"]
    return PracticeError(
        "login_code_wrong",
        step="login_code",
        field="otp",
        field_label="Mã xác nhận",
        detail=f"{message} Bạn còn {_count(attempts_left)} lần nhập.",
    )


def login_code_too_soon_error(*, channel_label, seconds_left):
    """ "Gửi lại mã" pressed while the code just sent still works: where it went and how
    long to wait for another."""
    return PracticeError(
        "login_code_too_soon",
        step="login_code",
        field="channel",
        detail=f"Mã xác nhận vừa được gửi qua {channel_label} và vẫn dùng được: hãy xem điện "
        f"thoại giả lập. Muốn nhận mã mới, đợi {_count(seconds_left)} giây rồi bấm "
        "“Gửi lại mã”.",
    )


def desk_waiting_official_error(*, minutes_left):
    """ "Tua nhanh" on a dossier waiting for a human official at a shared desk: how long
    until the auto-officer may take it."""
    message, _why = MESSAGES["desk_waiting_official"]
    return PracticeError(
        "desk_waiting_official",
        step="tracking",
        detail=f"{message} Nếu chưa ai xử lý, cán bộ tự động sẽ làm thay sau "
        f"{_count(minutes_left)} phút.",
    )


class PracticeErrors(Exception):
    """Several field errors found at once (a form with more than one mistake)."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("; ".join(error.full_message for error in self.errors))
