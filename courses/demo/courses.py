"""Demo courses loaded by ``manage.py seed_demo``.

Pure data, no Django imports. Three learning paths, one per audience. Facts in the
reading lessons are as of 2026 and come from the national portal's procedure pages and
Vietnamese press reports on online public services; editors must verify them on
dichvucong.gov.vn.
Lesson bodies use simple HTML only: p, ul, li, strong.
Procedure lessons name a slug from ``procedures.PROCEDURES``.
"""

COURSES = [
    {
        "slug": "can-bo-mot-cua",
        "title": "Cán bộ một cửa: làm thạo cả hai phía",
        "audience": "can_bo",
        "duration_minutes": 180,
        "intro": "Khóa học dành cho cán bộ, công chức xã, phường. Bạn tự nộp hồ sơ như một người dân, rồi sang bàn một cửa tiếp nhận, yêu cầu bổ sung và trả kết quả. Học xong, bạn hướng dẫn được người dân tự làm thay vì làm dùm.",
        "completion_note": "Hoàn thành khóa học là đã xem hết các bài, tự làm trọn các bài thực hành ở cả phía người dân và phía bàn một cửa, và được cấp giấy chứng nhận có mã QR để kiểm tra.",
        "lessons": [
            {
                "type": "text",
                "title": "Cán bộ đi trước, người dân làm theo",
                "body": (
                    "<p>Nhiều nơi có đủ dịch vụ công trực tuyến nhưng rất ít người dùng. Có tỉnh, sau 7 tháng chỉ có 241 hồ sơ nộp trực tuyến ở cấp xã, tức 0,25%. Có huyện không có hồ sơ nào.</p>"
                    "<p>Người dân nói: <strong>“được cán bộ hướng dẫn nhưng không nhớ rõ lắm”</strong>. Nhiều cán bộ cũng chưa tự nộp lần nào, nên khi dân hỏi thì “làm dùm” cho nhanh.</p>"
                    "<ul>"
                    "<li>Từ 1/7/2025 chính quyền địa phương có hai cấp: tỉnh và xã. Trung tâm Phục vụ hành chính công cấp xã nhận hồ sơ.</li>"
                    "<li>Từ 1/10/2025, 25 thủ tục thiết yếu như khai sinh, kết hôn, thường trú, đăng ký biến động đất đai không nhận hồ sơ giấy nữa, phải nộp trực tuyến.</li>"
                    "<li>Người dân đăng nhập bằng tài khoản VNeID mức độ 2.</li>"
                    "</ul>"
                    "<p>Vì vậy <strong>bạn phải tự làm được trước</strong>, rồi mới cầm tay chỉ việc cho dân.</p>"
                ),
            },
            {
                "type": "procedure",
                "procedure": "dang-ky-khai-sinh",
                "note": "Làm trọn một hồ sơ phía người dân, rồi tiếp nhận chính hồ sơ đó ở bàn một cửa. Chú ý: tra Cơ sở dữ liệu quốc gia về dân cư thay vì đòi bản chụp căn cước; gửi bản dự thảo Giấy khai sinh cho người dân xác nhận trong 1 ngày; hồ sơ nhận sau 15 giờ thì hẹn ngày làm việc tiếp theo.",
            },
            {
                "type": "procedure",
                "procedure": "lien-thong-khai-sinh",
                "note": "Một hồ sơ, ba kết quả. Chú ý: hồ sơ chỉ được chuyển đi sau khi người dân đã thanh toán xong (nếu có lệ phí); người dân có 7 ngày làm việc để bổ sung, quá hạn thì dừng xử lý. Hãy giải thích điều này khi hướng dẫn.",
            },
            {
                "type": "procedure",
                "procedure": "dang-ky-ket-hon",
                "note": "Thủ tục trực tuyến một phần: cả hai bên phải đến ký. Chú ý: không bắt người dân đi xin giấy xác nhận tình trạng hôn nhân khi bạn tra được trong cơ sở dữ liệu; không tra được thì đề nghị xã nơi cư trú xác minh.",
            },
            {
                "type": "text",
                "title": "Tiếp nhận, hẹn trả và từ chối hồ sơ trực tuyến",
                "body": (
                    "<p>Hồ sơ trực tuyến nằm trong mục <strong>Hồ sơ chờ tiếp nhận</strong>. Mở từng hồ sơ và làm theo thứ tự:</p>"
                    "<ul>"
                    "<li>Xem tờ khai và từng tệp đính kèm. Ảnh phải rõ, đủ trang.</li>"
                    "<li>Đủ thì bấm <strong>Tiếp nhận</strong>: hệ thống tính ngày hẹn trả, trừ ngày nghỉ, và gửi Phiếu tiếp nhận và hẹn trả kết quả cho người dân.</li>"
                    "<li>Hồ sơ không thuộc thẩm quyền hoặc không đủ điều kiện thì <strong>Từ chối tiếp nhận</strong>, ghi rõ lý do. Không được trả về mà không có lý do.</li>"
                    "<li>Hồ sơ trống, không có tệp đính kèm: gọi điện hoặc nhắn cho người dân, hướng dẫn họ đính kèm lại, đừng chỉ bấm trả.</li>"
                    "<li>Sắp trễ hẹn: lập Phiếu xin lỗi và hẹn lại ngày trả kết quả.</li>"
                    "</ul>"
                    "<p>Khi có kết quả: cập nhật kết quả, trả trực tuyến, tại quầy hoặc qua bưu chính công ích, rồi mời người dân đánh giá hài lòng bằng mã hồ sơ.</p>"
                ),
            },
            {
                "type": "text",
                "title": "Yêu cầu bổ sung đúng luật",
                "questions": [
                    {
                        "question": "Hồ sơ khai sinh thiếu ảnh rõ của giấy chứng sinh. Yêu cầu bổ sung nào đúng?",
                        "choices": [
                            "“Hồ sơ chưa đủ, đề nghị bổ sung.”",
                            "“Ảnh giấy chứng sinh bị mờ phần ngày sinh, đề nghị chụp lại cả trang.”",
                            "“Đề nghị nộp thêm bản sao sổ hộ khẩu.”",
                        ],
                        "answer": 2,
                        "explanation": "Phải ghi rõ giấy tờ nào, nội dung gì; sổ hộ khẩu không còn là giấy tờ phải nộp.",
                    },
                    {
                        "question": "Thông tin cư trú của người dân đã có trong Cơ sở dữ liệu quốc gia về dân cư. Bạn làm gì?",
                        "choices": [
                            "Tự tra cứu, không bắt người dân nộp bản chụp",
                            "Yêu cầu người dân xin giấy xác nhận cư trú",
                        ],
                        "answer": 1,
                        "explanation": "Thông tin đã có trong cơ sở dữ liệu thì cán bộ tự tra cứu.",
                    },
                ],
                "body": (
                    "<p>Một yêu cầu bổ sung tốt giúp người dân sửa <strong>một lần là xong</strong>.</p>"
                    "<ul>"
                    "<li>Ghi rõ <strong>giấy tờ nào</strong> và <strong>nội dung gì</strong> cần bổ sung. Ví dụ: “Ảnh giấy chứng sinh bị mờ phần ngày sinh, đề nghị chụp lại cả trang”.</li>"
                    "<li>Ghi thời hạn bổ sung.</li>"
                    "<li><strong>Không yêu cầu giấy tờ mà pháp luật không quy định.</strong></li>"
                    "<li>Thông tin đã có trong Cơ sở dữ liệu quốc gia về dân cư hoặc cơ sở dữ liệu hộ tịch thì tự tra cứu, không bắt nộp bản chụp.</li>"
                    "<li>Người dân đưa bản chụp và bản chính thì tự đối chiếu rồi ký xác nhận, không đòi bản sao chứng thực.</li>"
                    "</ul>"
                ),
            },
            {
                "type": "text",
                "title": "Hướng dẫn tại quầy thay vì làm dùm",
                "body": (
                    "<p>Khi người dân mang giấy tờ đến quầy, hãy giúp họ <strong>tự nộp trên điện thoại của họ</strong>.</p>"
                    "<ul>"
                    "<li>Để người dân tự cầm máy, tự bấm. Bạn chỉ nói và chỉ tay.</li>"
                    "<li>Không hỏi mật khẩu, không hỏi mã OTP của người dân.</li>"
                    "<li>Viết lên giấy 5 bước chính và mã hồ sơ để họ mang về.</li>"
                    "<li>Giới thiệu lớp học ở nhà văn hóa thôn, ấp để họ luyện thêm.</li>"
                    "</ul>"
                    "<p>Lần đầu mất thêm 15 phút. Lần sau người dân tự làm ở nhà, quầy một cửa bớt đông.</p>"
                ),
            },
            {
                "type": "practice",
                "exercise": "khai-sinh-buu-dien",
                "note": "Phía người dân: tự nộp trọn một hồ sơ khai sinh, kể cả thanh toán và đăng ký nhận qua bưu điện.",
            },
            {
                "type": "practice",
                "exercise": "tiep-nhan-ho-so-du",
                "note": "Phía bàn một cửa: kiểm tra đủ thành phần rồi tiếp nhận, hẹn ngày trả.",
            },
            {
                "type": "practice",
                "exercise": "yeu-cau-bo-sung-dung",
                "note": "Ghi rõ giấy tờ nào, nội dung gì, thời hạn; không đòi giấy tờ ngoài quy định.",
            },
        ],
    },
    {
        "slug": "tap-huan-vien-cong-dong",
        "title": "Tập huấn viên cộng đồng: cầm tay chỉ việc",
        "audience": "tap_huan_vien",
        "duration_minutes": 150,
        "intro": "Khóa học dành cho bí thư chi bộ, tổ trưởng dân phố, đoàn viên thanh niên và tổ công nghệ số cộng đồng. Bạn học cách mở một lớp ở hội trường xã với máy chiếu, vài chiếc điện thoại và mạng yếu, để bà con tự nộp được hồ sơ đầu tiên.",
        "completion_note": "Hoàn thành khóa học là đã xem hết các bài, tự làm các bài thực hành và sẵn sàng mở lớp; bạn được cấp giấy chứng nhận có mã QR để kiểm tra.",
        "lessons": [
            {
                "type": "text",
                "title": "Cầm tay chỉ việc: dạy người lớn tuổi thế nào",
                "questions": [
                    {
                        "question": "Bà con bấm mãi không được. Bạn nên làm gì?",
                        "choices": [
                            "Cầm lấy điện thoại bấm hộ cho nhanh",
                            "Chỉ rõ lỗi ở bước nào rồi để bà con tự bấm lại",
                        ],
                        "answer": 2,
                        "explanation": "Làm hộ thì lần sau bà con vẫn không tự làm được.",
                    },
                    {
                        "question": "Thứ tự dạy đúng là gì?",
                        "choices": [
                            "Làm mẫu, làm cùng, rồi để bà con tự làm",
                            "Phát tài liệu rồi để bà con tự đọc",
                        ],
                        "answer": 1,
                    },
                ],
                "body": (
                    "<p>Nói cho nghe rồi thôi thì bà con rất khó làm theo. Phải <strong>cầm tay chỉ việc</strong>.</p>"
                    "<ul>"
                    "<li><strong>Làm mẫu</strong> trên máy chiếu một lần, chậm, từng bước.</li>"
                    "<li><strong>Làm cùng</strong>: mỗi người cầm điện thoại của mình, làm theo từng bước.</li>"
                    "<li><strong>Tự làm</strong>: để bà con tự làm lại từ đầu, bạn chỉ đứng bên cạnh.</li>"
                    "<li>Không giành lấy điện thoại để bấm hộ.</li>"
                    "<li>Mỗi lần chỉ dạy một thủ tục. Khen khi làm đúng.</li>"
                    "<li>Khi bị lỗi, chỉ rõ lỗi ở bước nào. Nhiều người bỏ cuộc vì “không biết lỗi ở khâu nào”.</li>"
                    "</ul>"
                ),
            },
            {
                "type": "text",
                "title": "Chuẩn bị buổi học ở hội trường xã",
                "body": (
                    "<p>Chuẩn bị trước một ngày:</p>"
                    "<ul>"
                    "<li>Máy chiếu, máy tính, ổ cắm kéo dài, sạc dự phòng.</li>"
                    "<li>Tải sẵn video bài học bản nhẹ vào máy, vì mạng ở hội trường thường yếu.</li>"
                    "<li>Lập danh sách lớp theo họ tên và số điện thoại, không cần địa chỉ thư điện tử.</li>"
                    "<li>Phát mã lớp để mỗi người vào lớp trên trang luyện tập.</li>"
                    "<li>Chia nhóm 3–4 người, mỗi nhóm có một người trẻ biết dùng điện thoại để giúp.</li>"
                    "<li>Dặn bà con mang điện thoại đã sạc đầy và căn cước.</li>"
                    "</ul>"
                    "<p>Trong buổi học, điểm danh, rồi nhìn bảng lớp để biết <strong>ai đang bị vướng</strong> mà đến giúp.</p>"
                ),
            },
            {
                "type": "text",
                "title": "Tài khoản VNeID: phần khó nhất",
                "body": (
                    "<p>Nhiều người làm đi làm lại việc tạo tài khoản, nhưng khi đã đăng nhập được thì các bước sau lại thấy dễ. Hãy dành nhiều thời gian nhất cho phần này.</p>"
                    "<ul>"
                    "<li>Để nộp hồ sơ cần tài khoản VNeID <strong>mức độ 2</strong>; mức độ 2 phải làm tại Công an.</li>"
                    "<li>Khi kích hoạt, mã OTP gửi về số điện thoại đã đăng ký. Đổi điện thoại mới thì mã có thể gửi về máy cũ.</li>"
                    "<li>Mật khẩu dài 8–20 ký tự, có chữ hoa, chữ thường, số và ký tự đặc biệt. Thêm mật mã 6 số.</li>"
                    "<li>Đăng nhập trang dịch vụ công: quét mã QR bằng VNeID. Nếu VNeID báo chưa cho phép, bấm đồng ý cấp quyền.</li>"
                    "<li>Dặn bà con tự ghi mật khẩu vào sổ cất kỹ ở nhà, không đưa cho ai.</li>"
                    "</ul>"
                ),
            },
            {
                "type": "procedure",
                "procedure": "dang-ky-khai-sinh",
                "note": "Thủ tục đầu tiên nên dạy: miễn lệ phí, ít giấy tờ, gia đình nào cũng gặp. Cho bà con luyện gõ ngày có dấu “/”, chụp giấy chứng sinh rõ nét và bấm “Lưu hồ sơ”.",
            },
            {
                "type": "procedure",
                "procedure": "cap-phieu-ly-lich-tu-phap",
                "note": "Thanh niên đi xin việc rất cần. Dạy làm trên ứng dụng VNeID, chọn Phiếu số 1 hay số 2, và giải thích phí: 200.000 đồng một phiếu, cộng phí giao dịch của ngân hàng hoặc ví, chỉ trả một lần.",
            },
            {
                "type": "text",
                "title": "Nhận biết cổng giả, không lộ mã OTP",
                "skills": ["safety.accounts", "safety.scams"],
                "body": (
                    "<p>Kẻ gian làm trang web giả giống cổng dịch vụ công để lừa nộp tiền phạt, tiền phí hoặc lấy mã OTP.</p>"
                    "<ul>"
                    "<li>Trang thật: <strong>dichvucong.gov.vn</strong> và <strong>dichvucong.bocongan.gov.vn</strong>. Chú ý đuôi <strong>.gov.vn</strong>.</li>"
                    "<li>Trang giả thường có tên na ná, thêm chữ hoặc đuôi lạ như .top.</li>"
                    "<li><strong>Không cơ quan nào gọi điện hỏi mã OTP</strong> hay mật khẩu.</li>"
                    "<li>Chỉ trả tiền trong mục Quản lý hồ sơ của cổng thật, không trả theo đường link trong tin nhắn lạ.</li>"
                    "<li>Trang luyện tập của lớp có dòng chữ “môi trường thực hành”; ở đó không nhập thông tin thật.</li>"
                    "</ul>"
                ),
            },
            {
                "type": "text",
                "title": "Sau buổi học: theo dõi ai còn vướng",
                "body": (
                    "<p>Buổi học chỉ là bắt đầu.</p>"
                    "<ul>"
                    "<li>Xem bảng lớp: ai chưa xong bài, ai hay bị lỗi ở bước nào.</li>"
                    "<li>Hẹn gặp lại những người còn vướng, nhất là phần tài khoản.</li>"
                    "<li>Khi nhà ai có việc thật như khai sinh cho cháu, đến giúp họ tự nộp lần đầu.</li>"
                    "<li>Báo số người đã học và số hồ sơ nộp thật cho xã để biết lớp học có hiệu quả.</li>"
                    "</ul>"
                ),
            },
            {
                "type": "practice",
                "exercise": "tao-tai-khoan",
                "note": "Tự làm một lần phần khó nhất với bà con: đăng ký, mã OTP, mật khẩu, đăng nhập.",
            },
            {
                "type": "practice",
                "exercise": "khai-sinh-buu-dien",
                "note": "Thủ tục đầu tiên bạn sẽ dạy: làm trọn một lần không cần hướng dẫn.",
            },
        ],
    },
    {
        "slug": "cong-dan-nop-ho-so-lan-dau",
        "allow_guided_practice": True,
        "title": "Lần đầu nộp hồ sơ trực tuyến",
        "audience": "cong_dan",
        "duration_minutes": 90,
        "intro": "Khóa học dành cho bà con lần đầu nộp hồ sơ trên mạng. Bạn học từng bước trên điện thoại: đăng nhập VNeID, làm giấy khai sinh, xin lý lịch tư pháp và theo dõi hồ sơ. Bạn luyện trên trang thực hành nên bấm sai cũng không sao.",
        "completion_note": "Hoàn thành khóa học là đã xem hết các bài và tự nộp xong hồ sơ luyện tập; bạn được cấp giấy chứng nhận có mã QR.",
        "lessons": [
            {
                "type": "text",
                "title": "Nộp hồ sơ trên mạng có lợi gì",
                "body": (
                    "<p>Nộp hồ sơ trực tuyến là làm giấy tờ bằng điện thoại, không phải mang cả xấp giấy lên xã và ngồi chờ.</p>"
                    "<ul>"
                    "<li>Làm ở nhà, lúc nào cũng được.</li>"
                    "<li>Xem được hồ sơ đang ở đâu, có trễ hẹn không.</li>"
                    "<li>Nhận kết quả trên điện thoại, hoặc bưu điện mang đến nhà.</li>"
                    "<li>Từ 1/10/2025, nhiều thủ tục như khai sinh, kết hôn, thường trú chỉ nhận hồ sơ trực tuyến. Đến xã, cán bộ cũng sẽ hướng dẫn bạn nộp trên mạng.</li>"
                    "</ul>"
                    "<p><strong>Bạn không làm hỏng được gì</strong>: ở đây là trang thực hành, không gửi đi đâu cả.</p>"
                ),
            },
            {
                "type": "text",
                "title": "Tài khoản VNeID và cách đăng nhập",
                "skills": ["public_services.identity"],
                "body": (
                    "<p>Tài khoản VNeID là “chìa khóa” để nộp mọi hồ sơ.</p>"
                    "<ul>"
                    "<li>Cần tài khoản <strong>mức độ 2</strong>. Nếu chưa có, mang căn cước ra Công an xã để làm.</li>"
                    "<li>Mã OTP gửi về số điện thoại của bạn. Số điện thoại phải đứng tên bạn.</li>"
                    "<li>Mật khẩu dài 8–20 ký tự, có chữ hoa, chữ thường, số và ký tự đặc biệt. Đừng dùng ngày sinh hay số điện thoại làm mật khẩu.</li>"
                    "<li>Đăng nhập dichvucong.gov.vn: bấm “Đăng nhập”, chọn tài khoản định danh điện tử, mở VNeID quét mã QR.</li>"
                    "<li>Làm sai vài lần cũng đừng nản: đọc dòng báo lỗi, nó cho biết sai ở bước nào.</li>"
                    "</ul>"
                ),
            },
            {
                "type": "procedure",
                "procedure": "dang-ky-khai-sinh",
                "note": "Thủ tục dễ nhất để bắt đầu và không mất tiền. Chú ý ba chỗ hay sai: gõ ngày có dấu “/”, chụp giấy chứng sinh rõ và đủ trang, bấm “Lưu hồ sơ” thường xuyên.",
            },
            {
                "type": "procedure",
                "procedure": "cap-phieu-ly-lich-tu-phap",
                "note": "Làm ngay trên ứng dụng VNeID. Chú ý: chọn đúng Phiếu số 1 hay số 2, đọc số tiền và phí giao dịch trước khi trả, và chỉ trả một lần.",
            },
            {
                "type": "text",
                "title": "Theo dõi hồ sơ và nhận kết quả",
                "skills": ["public_services.track"],
                "body": (
                    "<p>Nộp xong, màn hình hiện <strong>mã hồ sơ</strong>. Chép mã ra giấy hoặc chụp màn hình.</p>"
                    "<ul>"
                    "<li>Vào <strong>Quản lý hồ sơ</strong> để xem hồ sơ: chờ tiếp nhận, đang xử lý, đã xong.</li>"
                    "<li>Nếu thấy <strong>yêu cầu bổ sung</strong>, đọc kỹ cán bộ cần giấy gì, chụp lại và bấm gửi bổ sung. Đừng nộp một hồ sơ mới.</li>"
                    "<li>Nếu trễ hẹn, cơ quan phải gửi phiếu xin lỗi và hẹn lại ngày.</li>"
                    "<li>Có kết quả thì tải về điện thoại, ra quầy nhận, hoặc chờ bưu điện giao.</li>"
                    "<li>Cuối cùng, chấm điểm hài lòng để cơ quan làm tốt hơn.</li>"
                    "</ul>"
                ),
            },
            {
                "type": "text",
                "title": "Giữ an toàn thông tin của bạn",
                "skills": ["safety.accounts", "safety.scams"],
                "questions": [
                    {
                        "question": "Một người gọi điện xưng là công an, hỏi mã OTP vừa gửi về máy bạn. Bạn làm gì?",
                        "choices": [
                            "Đọc mã cho họ vì họ là công an",
                            "Không đọc mã cho bất kỳ ai và cúp máy",
                        ],
                        "answer": 2,
                        "explanation": "Không cơ quan nào hỏi mã OTP hay mật khẩu qua điện thoại.",
                    },
                    {
                        "question": "Trang nào là trang dịch vụ công thật?",
                        "choices": ["dichvucong.gov.vn", "dichvucong-gov.top", "dichvucongvn.com"],
                        "answer": 1,
                        "explanation": "Trang thật có đuôi .gov.vn.",
                    },
                ],
                "body": (
                    "<p>Sợ lộ thông tin là điều ai cũng lo. Nhớ mấy điều sau là an toàn:</p>"
                    "<ul>"
                    "<li>Chỉ vào <strong>dichvucong.gov.vn</strong>, <strong>dichvucong.bocongan.gov.vn</strong> hoặc ứng dụng VNeID.</li>"
                    "<li><strong>Không đọc mã OTP, mật khẩu cho bất kỳ ai</strong>, kể cả người xưng là công an hay cán bộ.</li>"
                    "<li>Không bấm đường link lạ trong tin nhắn đòi nộp phạt, nộp phí.</li>"
                    "<li>Không cho người lạ mượn điện thoại đã đăng nhập VNeID.</li>"
                    "<li>Lỡ gõ nhầm hay chụp mờ cũng đừng lo: cán bộ sẽ yêu cầu bổ sung, bạn sửa lại là được. Chỉ cần khai đúng sự thật.</li>"
                    "</ul>"
                ),
            },
            {
                "type": "practice",
                "exercise": "tao-tai-khoan",
                "note": "Tạo tài khoản và đăng nhập trên trang luyện tập. Bấm sai cũng không sao.",
            },
            {
                "type": "practice",
                "exercise": "khai-sinh-buu-dien",
                "note": "Nộp thử một hồ sơ khai sinh từ đầu đến cuối.",
            },
        ],
    },
]
