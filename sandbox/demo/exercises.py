"""Practice exercises (bài tập) of the sandbox, in the order learners meet them.

Pure data, no Django imports. A seeding command turns each dict into a
``sandbox.Exercise``; ``procedure`` is a slug of ``courses.demo.procedures.PROCEDURES``
("" when the exercise needs none). ``goal`` is read by ``sandbox.services.exercises``
and by the scenario set-up:
    delivery_method      -- the submit exercise is won only with this way of receiving
                            the result ("online" | "desk" | "post")
    auto_officer_script  -- how the scripted officer handles the learner's dossier
    setup                -- how the practice identity starts ("web_not_allowed": VNeID
                            web log-in is off until the learner turns it on in the app)
"""

EXERCISES = [
    {
        "slug": "tao-tai-khoan",
        "title": "Tạo tài khoản và đăng nhập Cổng",
        "audience": "citizen",
        "kind": "register",
        "procedure": "",
        "task": (
            "Bác Bảy muốn tự làm thủ tục trên mạng nhưng chưa có tài khoản. Hãy đăng ký một "
            "tài khoản luyện tập bằng số căn cước in trên thẻ luyện tập, rồi nhập mã OTP "
            "hiện trên điện thoại giả lập. Đặt mật khẩu ít nhất 8 ký tự, có chữ hoa, chữ "
            "thường, chữ số và ký tự đặc biệt, rồi đăng nhập bằng số căn cước và mật khẩu đó. "
            "Sau mật khẩu, Cổng gửi một mã xác nhận về ứng dụng VNeID hoặc bằng tin nhắn SMS, "
            "tùy bạn chọn: gõ mã đó để hoàn tất đăng nhập."
        ),
        "goal": {},
        "sort_order": 10,
    },
    {
        "slug": "dang-nhap-vneid",
        "title": "Đăng nhập bằng ứng dụng VNeID",
        "audience": "citizen",
        "kind": "vneid_login",
        "procedure": "",
        "task": (
            "Chị Hoa đã có tài khoản VNeID mức độ 2 và muốn vào Cổng bằng cách quét mã QR. "
            "Hãy bấm “Đăng nhập”, chọn tài khoản định danh điện tử, rồi quét mã QR bằng ứng "
            "dụng VNeID giả lập. Nếu ứng dụng báo chưa cho phép đăng nhập trang web, hãy vào "
            "phần cài đặt của ứng dụng bật quyền này lên, rồi quét lại."
        ),
        "goal": {"setup": "web_not_allowed"},
        "sort_order": 20,
    },
    {
        "slug": "khai-sinh-buu-dien",
        "title": "Nộp hồ sơ khai sinh cho con, nhận kết quả qua bưu điện",
        "audience": "citizen",
        "kind": "submit",
        "procedure": "dang-ky-khai-sinh",
        "task": (
            "Chị Lan vừa sinh con gái được 10 ngày, nhà ở xa xã nên muốn nhận Giấy khai sinh "
            "tại nhà. Hãy nộp hồ sơ đăng ký khai sinh cho bé, xin thêm 1 bản sao Giấy khai "
            "sinh và chọn nhận kết quả qua bưu chính công ích. Bản sao mất 8.000 đồng: nhớ "
            "thanh toán thì hồ sơ mới được xử lý."
        ),
        "goal": {"delivery_method": "post"},
        "sort_order": 30,
    },
    {
        "slug": "khai-sinh-bo-sung",
        "title": "Hồ sơ bị yêu cầu bổ sung: gửi bổ sung",
        "audience": "citizen",
        "kind": "supplement",
        "procedure": "dang-ky-khai-sinh",
        "task": (
            "Anh Tùng làm Giấy khai sinh cho con trai. Hãy nộp hồ sơ đăng ký khai sinh như "
            "bình thường rồi vào “Quản lý hồ sơ” để theo dõi. Cán bộ sẽ báo ảnh Giấy chứng "
            "sinh chưa rõ và yêu cầu bổ sung: đọc kỹ yêu cầu, chụp lại giấy cho rõ nét, đính "
            "kèm rồi bấm “Gửi bổ sung”."
        ),
        "goal": {"auto_officer_script": "supplement"},
        "sort_order": 40,
    },
    {
        "slug": "ly-lich-tu-phap",
        "title": "Xin Phiếu lý lịch tư pháp để nộp hồ sơ xin việc",
        "audience": "citizen",
        "kind": "submit",
        "procedure": "cap-phieu-ly-lich-tu-phap",
        "task": (
            "Anh Phúc được một công ty nhận vào làm và cần nộp Phiếu lý lịch tư pháp. Hãy "
            "nộp yêu cầu cấp Phiếu số 1, ghi mục đích là bổ sung hồ sơ xin việc, xin 3 phiếu. "
            "Sau khi nộp, thanh toán phí trực tuyến: phiếu thứ 3 tính thêm 5.000 đồng, nên "
            "xem kỹ số tiền trước khi trả."
        ),
        "goal": {},
        "sort_order": 50,
    },
    {
        "slug": "ket-hon",
        "title": "Đăng ký kết hôn",
        "audience": "citizen",
        "kind": "submit",
        "procedure": "dang-ky-ket-hon",
        "task": (
            "Chị Duyên và anh Sơn sắp cưới và muốn đăng ký kết hôn. Hãy nộp hồ sơ đăng ký "
            "kết hôn, điền đủ thông tin của cả hai người. Nộp xong, nhớ rằng: khi có kết quả, "
            "cả hai người phải cùng đến xã, mang theo căn cước, để ký vào Sổ hộ tịch và nhận "
            "Giấy chứng nhận kết hôn."
        ),
        "goal": {},
        "sort_order": 60,
    },
    {
        "slug": "ho-kinh-doanh",
        "title": "Đăng ký hộ kinh doanh cho quán bún",
        "audience": "citizen",
        "kind": "submit",
        "procedure": "dang-ky-ho-kinh-doanh",
        "task": (
            "Cô Nga định mở một quán bún nhỏ trước nhà. Hãy nộp hồ sơ đăng ký thành lập hộ "
            "kinh doanh, đặt tên bắt đầu bằng “Hộ kinh doanh”, ví dụ “Hộ kinh doanh Quán bún "
            "Cô Nga”. Ghi ngành nghề là bán bún (dịch vụ ăn uống), vốn 30 triệu đồng (gõ "
            "30000000), 2 người lao động, rồi trả lệ phí để hoàn tất."
        ),
        "goal": {},
        "sort_order": 70,
    },
    {
        "slug": "tiep-nhan-ho-so-du",
        "title": "Tiếp nhận hồ sơ đủ",
        "audience": "official",
        "kind": "desk_accept",
        "procedure": "dang-ky-khai-sinh",
        "task": (
            "Trong danh sách “Hồ sơ chờ tiếp nhận” có một hồ sơ đăng ký khai sinh nộp trực "
            "tuyến. Hãy mở hồ sơ, đọc tờ khai và xem từng giấy tờ đính kèm. Hồ sơ đã đủ và "
            "đúng, nên bấm “Tiếp nhận”: hệ thống sẽ tự tính ngày hẹn trả và gửi phiếu tiếp "
            "nhận cho người dân."
        ),
        "goal": {},
        "sort_order": 80,
    },
    {
        "slug": "yeu-cau-bo-sung-dung",
        "title": "Yêu cầu bổ sung đúng quy định",
        "audience": "official",
        "kind": "desk_supplement",
        "procedure": "dang-ky-khai-sinh",
        "task": (
            "Một hồ sơ đăng ký khai sinh đang chờ tiếp nhận, nhưng ảnh Giấy chứng sinh bị "
            "mờ, không đọc được. Hãy gửi yêu cầu bổ sung: chọn đúng giấy tờ cần bổ sung và "
            "ghi rõ sai ở chỗ nào, ví dụ “ảnh Giấy chứng sinh bị mờ, không đọc được họ tên mẹ "
            "và ngày sinh”. Chỉ yêu cầu giấy tờ có trong thành phần hồ sơ của thủ tục; không "
            "đòi thêm giấy khác như sổ hộ khẩu, vì sổ hộ khẩu đã không còn dùng."
        ),
        "goal": {},
        "sort_order": 90,
    },
]
