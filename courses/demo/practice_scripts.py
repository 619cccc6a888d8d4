"""What a person does in the practice portal for each step of the demo procedures.

Pure data, one list per step, in the order of the procedure's steps in
``procedures_civil.py`` / ``procedures_other.py``. ``seed_demo`` puts each list into its
step's ``practice_script`` (courses.blocks.PracticeActionBlock), from which the tutorial
videos and step pictures are captured (sandbox.capture).

Each action: {"action": ..., "target": ..., "value": ..., "picture": ...}
    open    -- target: a practice-portal address (/thuc-hanh/...)
    press   -- target: a button's or link's text
    fill    -- target: a field's label; value: what to type ({ho_ten}, {cccd},
               {so_dien_thoai}, {ngay_sinh}, {mat_khau} stand for the practice card)
    choose  -- target: a list's label or a question's legend; value: the option's text
    tick    -- target: a checkbox's label
    upload  -- target: the document's name (the heading of its upload box)
    code    -- target: the field's label; types the code the simulated phone received
    point   -- target: a text on screen to point at
    picture -- True on the action whose screen becomes the step's picture (default:
               the step's first action)
Every step starts where the previous one ended; step 1 starts logged out.

The practice card is Nguyễn Thị Mai, born 1992, living at Thôn Đông, xã Tân Lập, tỉnh
Phú Thọ; her husband in the stories, Trần Văn Hùng, has a practice ID number (099…), as
the practice portal accepts no other.

Where the practice portal differs from the real one, the scripts follow the practice
portal: it asks how to receive the result before the photos (so a step about photos
first answers that question, and the later step about the result goes back to it), it
moves a dossier on with “Tua nhanh” instead of waiting for an officer, and it opens a
dossier from “Đăng ký hồ sơ thành công” through “Quản lý hồ sơ cá nhân” (in the list,
a dossier's link is its code, which changes every day).
"""


def _a(action, target, value="", picture=False):
    return {"action": action, "target": target, "value": value, "picture": picture}


# --- What the practice portal shows, word for word ---------------------------------------

_XA_TAN_LAP = "Ủy ban nhân dân xã Tân Lập – tỉnh Phú Thọ (luyện tập)"
_ONLINE = "Nhận kết quả trực tuyến (bản điện tử)"
_DESK = "Nhận trực tiếp tại Bộ phận một cửa"
_POST = "Qua dịch vụ bưu chính công ích"
_DECLARATION = (
    "Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước "
    "pháp luật về cam đoan của mình."
)
_CONSENT = (
    "Tôi đồng ý cho cơ quan giải quyết xử lý dữ liệu cá nhân trong hồ sơ này để giải quyết "
    "thủ tục. (Đây là môi trường thực hành: không nhập thông tin thật.)"
)
_BANK_APP = "Ngân hàng A – ứng dụng ngân hàng · phí chuyển khoản: Miễn phí"
_CODE = "000.00.00.H99"  # the start of every practice dossier code
_IF_NEEDED = "(chỉ khi cần)"  # ends the heading of a document that is not always asked for
_PHOTO_SIZE = "900×1200 px"  # shown beside an attached photo (the capture's sample photo)
_FAST_FORWARD = "Tua nhanh: cán bộ xử lý bước tiếp theo"

# --- The people and places of the stories --------------------------------------------------

_CHONG = "Trần Văn Hùng"
_CHONG_CCCD = "099090004512"
_CHONG_NGAY_SINH = "20/10/1990"
_NHA_CHONG = "Xóm Trại, xã Tân Lập, tỉnh Phú Thọ"
_NHA_MINH = "Số 25, thôn Đông, xã Tân Lập, tỉnh Phú Thọ"
_BENH_VIEN = "Bệnh viện Đa khoa tỉnh Phú Thọ, phường Việt Trì, tỉnh Phú Thọ"
_QUE = "Xã Tân Lập, tỉnh Phú Thọ"


# --- Pieces every procedure shares ---------------------------------------------------------

_VNEID_LOGIN = [
    _a("open", "/thuc-hanh/dang-nhap/"),
    _a("press", "Tài khoản định danh điện tử (VNeID)", picture=True),
    _a("press", "Quét QR và xác nhận đăng nhập"),
]


def _search(words, title, *, picture=True):
    return [
        _a("press", "Nộp hồ sơ"),
        _a("fill", "Từ khóa", words),
        _a("press", "Tìm kiếm"),
        _a("press", title, picture=picture),
    ]


def _agency(agency, case="", *, picture=True):
    """On the procedure's page: the agency, the case, then on to the wizard."""
    chosen = [_a("choose", "Cơ quan thực hiện", agency, picture=picture)]
    if case:
        chosen.append(_a("choose", "Trường hợp", case))
    return [*chosen, _a("press", "Nộp hồ sơ trực tuyến")]


_APPLICANT = [_a("press", "Tiếp tục")]  # "Người nộp là chủ hồ sơ" is ticked already


def _delivery(method, address="", *, picture=False):
    chosen = [_a("choose", "Hình thức nhận kết quả", method, picture=picture)]
    if address:
        chosen.append(_a("fill", "Địa chỉ nhận kết quả (khi chọn bưu điện)", address))
    return [*chosen, _a("press", "Tiếp tục")]


_SUBMIT = [
    _a("tick", _DECLARATION),
    _a("tick", _CONSENT),
    _a("press", "Nộp hồ sơ"),
]

_PAY = [
    _a("choose", "Chọn ngân hàng hoặc ví điện tử", _BANK_APP, picture=True),
    _a("press", "Thanh toán"),
    _a("point", "Tổng tiền bị trừ"),
    _a("press", "Xác nhận thanh toán"),
]

_OPEN_DOSSIER = [
    _a("point", _CODE),
    _a("press", "Quản lý hồ sơ cá nhân"),
    _a("point", "Trạng thái:"),
]


# --- The procedures ------------------------------------------------------------------------

KHAI_SINH = [
    # 1. Đăng nhập bằng tài khoản VNeID
    _VNEID_LOGIN,
    # 2. Tìm thủ tục đăng ký khai sinh
    [*_search("khai sinh", "Đăng ký khai sinh"), _a("point", "Thành phần hồ sơ")],
    # 3. Chọn xã, phường nơi đăng ký
    [
        *_agency(_XA_TAN_LAP, "Đăng ký khai sinh đúng hạn (trong 60 ngày kể từ ngày sinh)"),
        *_APPLICANT,
    ],
    # 4. Điền tờ khai điện tử
    [
        _a("choose", "Quan hệ với trẻ", "Mẹ"),
        _a("fill", "Họ, chữ đệm và tên của trẻ", "Trần Bảo Ngọc", picture=True),
        _a("choose", "Giới tính", "Nữ"),
        _a("fill", "Ngày, tháng, năm sinh của trẻ", "05/03/2026"),
        _a("fill", "Nơi sinh", _BENH_VIEN),
        _a("fill", "Dân tộc", "Kinh"),
        _a("fill", "Quê quán", _QUE),
        _a("fill", "Họ, chữ đệm và tên của mẹ", "{ho_ten}"),
        _a("fill", "Năm sinh của mẹ", "1992"),
        _a("fill", "Số định danh cá nhân (số căn cước) của mẹ", "{cccd}"),
        _a("fill", "Họ, chữ đệm và tên của cha", _CHONG),
        _a("fill", "Số định danh cá nhân (số căn cước) của cha", _CHONG_CCCD),
        _a("fill", "Số bản sao Giấy khai sinh", "0"),
        _a("press", "Lưu và tiếp tục"),
    ],
    # 5. Chụp và đính kèm giấy chứng sinh
    [
        *_delivery(_POST),
        _a("upload", "Giấy chứng sinh", picture=True),
        _a("press", "Tải ảnh lên"),
        _a("point", _PHOTO_SIZE),
    ],
    # 6. Chọn cách nhận kết quả
    [
        _a("press", "3. Nhận kết quả"),
        *_delivery(_POST, _NHA_MINH, picture=True),
        _a("press", "Tiếp tục"),
        _a("point", "Phí, lệ phí"),
    ],
    # 7. Kiểm tra lại và nộp hồ sơ
    [
        _a("point", "Giấy chứng sinh: 1 ảnh"),
        *_SUBMIT,
        _a("point", "Đăng ký hồ sơ thành công"),
        _a("point", _CODE, picture=True),
    ],
    # 8. Xem bản dự thảo và theo dõi hồ sơ
    [
        _a("press", "Quản lý hồ sơ cá nhân"),
        _a("point", "Trạng thái:", picture=True),
        _a("press", _FAST_FORWARD),
        _a("point", "Ngày hẹn trả kết quả"),
        _a("press", "Điện thoại giả lập"),
        _a("point", "Phiếu tiếp nhận hồ sơ"),
    ],
]

LIEN_THONG_KHAI_SINH = [
    # 1. Đăng nhập bằng tài khoản VNeID
    _VNEID_LOGIN,
    # 2. Chọn dịch vụ liên thông khai sinh
    _search(
        "liên thông khai sinh",
        "Liên thông thủ tục đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế "
        "cho trẻ em dưới 6 tuổi",
    ),
    # 3. Chọn nơi đăng ký cho bé
    [
        *_agency(
            _XA_TAN_LAP,
            "Đăng ký thường trú cho trẻ cùng nơi thường trú của cha, mẹ",
            picture=False,
        ),
        *_APPLICANT,
        _a("fill", "Địa chỉ đăng ký thường trú cho trẻ", _NHA_MINH, picture=True),
    ],
    # 4. Điền thông tin của bé
    [
        _a("choose", "Quan hệ với trẻ", "Mẹ"),
        _a("fill", "Họ, chữ đệm và tên của trẻ", "Trần Gia Huy", picture=True),
        _a("choose", "Giới tính", "Nam"),
        _a("fill", "Ngày, tháng, năm sinh của trẻ", "12/01/2026"),
        _a("fill", "Nơi sinh", _BENH_VIEN),
        _a("fill", "Dân tộc", "Kinh"),
        _a("fill", "Quê quán", _QUE),
        _a("fill", "Họ, chữ đệm và tên của mẹ", "{ho_ten}"),
        _a("fill", "Số định danh cá nhân (số căn cước) của mẹ", "{cccd}"),
        _a("fill", "Họ, chữ đệm và tên của cha", _CHONG),
        _a(
            "fill",
            "Nơi đăng ký khám chữa bệnh ban đầu (ghi trên thẻ bảo hiểm y tế)",
            "Trạm y tế xã Tân Lập",
        ),
        _a("fill", "Số bản sao Giấy khai sinh", "1"),
        _a("press", "Lưu và tiếp tục"),
    ],
    # 5. Đính kèm giấy chứng sinh
    [
        *_delivery(_ONLINE),
        _a("point", "Giấy tờ đính kèm", picture=True),
        _a("point", "Giấy tờ chứng minh chỗ ở hợp pháp"),
        _a("press", "Tiếp tục"),
    ],
    # 6. Nộp hồ sơ và trả lệ phí trước
    [*_SUBMIT, _a("point", "Số tiền:"), *_PAY],
    # 7. Ghi lại mã hồ sơ
    [
        _a("point", "Đăng ký hồ sơ thành công"),
        _a("point", _CODE, picture=True),
        _a("point", "Quản lý hồ sơ cá nhân"),
    ],
    # 8. Theo dõi và bổ sung nếu được yêu cầu
    [
        _a("press", "Quản lý hồ sơ cá nhân"),
        _a("point", "Trạng thái:", picture=True),
        _a("press", _FAST_FORWARD),
        _a("point", "Quá trình xử lý"),
        _a("press", "Điện thoại giả lập"),
        _a("point", "Phiếu tiếp nhận hồ sơ"),
    ],
]

KET_HON = [
    # 1. Một người đăng nhập bằng VNeID
    _VNEID_LOGIN,
    # 2. Tìm thủ tục đăng ký kết hôn
    [*_search("kết hôn", "Đăng ký kết hôn"), _a("point", "1.000894")],
    # 3. Chọn xã, phường nơi đăng ký
    [
        *_agency(_XA_TAN_LAP, "Hai bên cùng cư trú tại xã nơi đăng ký kết hôn"),
        *_APPLICANT,
    ],
    # 4. Điền tờ khai cho cả hai người
    [
        _a("choose", "Bạn là bên nữ hay bên nam?", "Bên nữ"),
        _a("fill", "Dân tộc của bạn", "Kinh"),
        _a("fill", "Quốc tịch của bạn", "Việt Nam"),
        _a("choose", "Kết hôn lần thứ mấy (bạn)", "Lần đầu"),
        _a("fill", "Họ, chữ đệm và tên của người kết hôn với bạn", _CHONG, picture=True),
        _a("fill", "Ngày, tháng, năm sinh của người kết hôn với bạn", _CHONG_NGAY_SINH),
        _a("fill", "Dân tộc của người kết hôn với bạn", "Kinh"),
        _a("fill", "Quốc tịch của người kết hôn với bạn", "Việt Nam"),
        _a("fill", "Nơi cư trú của người kết hôn với bạn", _NHA_CHONG),
        _a("fill", "Số định danh cá nhân (số căn cước) của người kết hôn với bạn", _CHONG_CCCD),
        _a("choose", "Kết hôn lần thứ mấy (người kia)", "Lần đầu"),
        _a("press", "Lưu và tiếp tục"),
    ],
    # 5. Đính kèm giấy tờ nếu có
    [
        *_delivery(_DESK),
        _a("point", "Trích lục ghi chú ly hôn hoặc hủy kết hôn", picture=True),
        _a("press", "Tiếp tục"),
    ],
    # 6. Kiểm tra và nộp hồ sơ
    [
        _a("point", "Họ, chữ đệm và tên của người kết hôn với bạn"),
        *_SUBMIT,
        _a("point", _CODE, picture=True),
    ],
    # 7. Chờ lịch hẹn của cán bộ
    [
        _a("press", "Quản lý hồ sơ cá nhân"),
        _a("point", "Trạng thái:", picture=True),
        _a("press", _FAST_FORWARD),
        _a("point", "Ngày hẹn trả kết quả"),
        _a("press", _FAST_FORWARD),
        _a("point", "Quá trình xử lý"),
    ],
    # 8. Cả hai cùng đến ký và nhận giấy
    [
        _a("press", _FAST_FORWARD),
        _a("point", "Trạng thái:"),
        _a("press", "Điện thoại giả lập"),
        _a("point", "Mời ông/bà đến Bộ phận một cửa nhận kết quả", picture=True),
    ],
]

LY_LICH_TU_PHAP = [
    # 1. Mở VNeID và đăng nhập
    _VNEID_LOGIN,
    # 2. Tạo yêu cầu cấp phiếu
    _search("lý lịch tư pháp", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam"),
    # 3. Chọn cơ quan cấp phiếu
    [
        *_agency(
            "Công an cấp tỉnh nơi thường trú (không có nơi thường trú thì nơi tạm trú) – "
            "tỉnh Phú Thọ (luyện tập)",
            "Công dân Việt Nam có nơi thường trú ở trong nước",
        ),
        *_APPLICANT,
    ],
    # 4. Chọn loại phiếu, mục đích và số lượng
    [
        _a("choose", "Loại phiếu", "Phiếu số 1", picture=True),
        _a("fill", "Mục đích sử dụng phiếu", "Bổ sung hồ sơ xin việc"),
        _a("fill", "Số lượng phiếu", "2"),
    ],
    # 5. Kiểm tra tờ khai
    [
        _a("point", "Thông tin người yêu cầu cấp phiếu"),
        _a("choose", "Giới tính", "Nữ"),
        _a("fill", "Nơi sinh", _QUE),
        _a("point", "Nơi cư trú"),
        _a(
            "fill",
            "Quá trình cư trú, nghề nghiệp từ năm đủ 14 tuổi đến nay",
            "2006–2010 ở xã Tân Lập, tỉnh Phú Thọ, học sinh; 2010 đến nay ở xã Tân Lập, "
            "tỉnh Phú Thọ, công nhân may",
            picture=True,
        ),
        _a("press", "Lưu và tiếp tục"),
    ],
    # 6. Chọn cách nhận phiếu
    [
        *_delivery(_ONLINE, picture=True),
        _a("point", "Giấy tờ đính kèm"),
        _a("press", "Tiếp tục"),
    ],
    # 7. Nộp hồ sơ và thanh toán
    [*_SUBMIT, _a("point", "Số tiền:"), *_PAY],
    # 8. Theo dõi và tải phiếu
    [
        *_OPEN_DOSSIER,
        _a("press", _FAST_FORWARD),
        _a("press", _FAST_FORWARD),
        _a("press", _FAST_FORWARD),
        _a("point", "Tải kết quả (bản luyện tập, PDF)", picture=True),
    ],
]

HO_KINH_DOANH = [
    # 1. Đăng nhập bằng tài khoản VNeID
    _VNEID_LOGIN,
    # 2. Tìm thủ tục đăng ký hộ kinh doanh
    [
        *_search("hộ kinh doanh", "Đăng ký thành lập hộ kinh doanh"),
        _a("point", "Thành phần hồ sơ"),
    ],
    # 3. Chọn cơ quan đăng ký kinh doanh
    [*_agency(_XA_TAN_LAP, "Một cá nhân đăng ký hộ kinh doanh"), *_APPLICANT],
    # 4. Nhập tên và địa chỉ hộ kinh doanh
    [
        _a("fill", "Tên hộ kinh doanh", "Hộ kinh doanh Tạp hóa Bình An", picture=True),
        _a("fill", "Địa chỉ trụ sở (nơi đặt quán, tiệm)", _NHA_MINH),
        _a("point", "Thông tin chủ hộ kinh doanh"),
        _a("point", "Số điện thoại của chủ hộ"),
    ],
    # 5. Chọn ngành nghề và nhập vốn
    [
        _a(
            "fill",
            "Ngành, nghề kinh doanh",
            "Bán lẻ hàng tạp hóa: lương thực, thực phẩm đóng gói, đồ uống",
        ),
        _a("fill", "Vốn kinh doanh (đồng)", "50000000", picture=True),
        _a("fill", "Số người lao động", "1"),
        _a("fill", "Ngày bắt đầu kinh doanh", "01/03/2026"),
        _a("press", "Lưu và tiếp tục"),
    ],
    # 6. Đính kèm giấy tờ và chọn cách nhận kết quả
    [
        *_delivery(_ONLINE),
        _a("point", "Biên bản họp thành viên hộ gia đình", picture=True),
        _a("press", "Tiếp tục"),
    ],
    # 7. Nộp hồ sơ và trả lệ phí
    [*_SUBMIT, _a("point", "Số tiền:"), *_PAY],
    # 8. Theo dõi hồ sơ và nhận Giấy chứng nhận
    [
        *_OPEN_DOSSIER,
        _a("press", _FAST_FORWARD),
        _a("press", _FAST_FORWARD),
        _a("press", _FAST_FORWARD),
        _a("point", "Tải kết quả (bản luyện tập, PDF)", picture=True),
    ],
]

BIEN_DONG_DAT_DAI = [
    # 1. Đăng nhập bằng tài khoản VNeID
    _VNEID_LOGIN,
    # 2. Tìm thủ tục và chọn trường hợp
    [
        *_search(
            "biến động đất đai",
            "Đăng ký biến động đất đai, tài sản gắn liền với đất",
            picture=False,
        ),
        _a(
            "choose",
            "Cơ quan thực hiện",
            "Văn phòng đăng ký đất đai hoặc Chi nhánh Văn phòng đăng ký đất đai – tỉnh Phú "
            "Thọ (luyện tập)",
        ),
        _a("choose", "Trường hợp", "Tặng cho quyền sử dụng đất", picture=True),
        _a("press", "Nộp hồ sơ trực tuyến"),
        *_APPLICANT,
    ],
    # 3. Khai người sử dụng đất và thửa đất
    [
        _a("point", "Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất"),
        _a("fill", "Thửa đất số", "125", picture=True),
        _a("fill", "Tờ bản đồ số", "12"),
        _a("fill", "Địa chỉ thửa đất", "Thôn Đông, xã Tân Lập, tỉnh Phú Thọ"),
        _a("fill", "Diện tích (m²)", "120,5"),
        _a("fill", "Số phát hành Giấy chứng nhận", "CĐ 123456"),
        _a("fill", "Số vào sổ cấp Giấy chứng nhận", "CS 01234"),
        _a("fill", "Ngày cấp Giấy chứng nhận", "15/06/2015"),
    ],
    # 4. Ghi nội dung biến động
    [
        _a(
            "fill",
            "Nội dung biến động",
            "Tặng cho toàn bộ thửa đất số 125, tờ bản đồ số 12 cho em trai là Nguyễn Văn Nam",
            picture=True,
        ),
        _a(
            "fill",
            "Lý do biến động",
            "Theo hợp đồng tặng cho quyền sử dụng đất đã công chứng số 1523/2026, ngày 10/11/2026",
        ),
        _a("choose", "Có nhu cầu cấp Giấy chứng nhận mới", "Có"),
        _a("press", "Lưu và tiếp tục"),
    ],
    # 5. Chụp và đính kèm giấy tờ
    [
        *_delivery(_DESK),
        _a("upload", "Giấy chứng nhận đã cấp", picture=True),
        _a("upload", f"Hợp đồng hoặc văn bản chuyển nhượng, tặng cho, thừa kế {_IF_NEEDED}"),
        _a(
            "upload",
            "Tờ khai lệ phí trước bạ (01/LPTB) và tờ khai thuế thu nhập cá nhân "
            f"(03/BĐS-TNCN) {_IF_NEEDED}",
        ),
        _a("press", "Tải ảnh lên"),
        _a("point", _PHOTO_SIZE),
    ],
    # 6. Chọn cách nhận kết quả và nộp
    [
        _a("press", "3. Nhận kết quả"),
        *_delivery(_DESK, picture=True),
        _a("press", "Tiếp tục"),
        *_SUBMIT,
        _a("point", _CODE),
    ],
    # 7. Nộp thuế, lệ phí theo thông báo
    [
        *_OPEN_DOSSIER,
        _a("press", _FAST_FORWARD),
        _a("press", _FAST_FORWARD),
        _a("point", "Quá trình xử lý", picture=True),
    ],
    # 8. Nhận Giấy chứng nhận
    [
        _a("press", _FAST_FORWARD),
        _a("point", "Trạng thái:"),
        _a("point", "Ngày hẹn trả kết quả"),
        _a("press", "Điện thoại giả lập"),
        _a("point", "Mời ông/bà đến Bộ phận một cửa nhận kết quả", picture=True),
    ],
]

THUONG_TRU = [
    # 1. Đăng nhập bằng tài khoản VNeID
    _VNEID_LOGIN,
    # 2. Tìm thủ tục đăng ký thường trú
    [*_search("thường trú", "Đăng ký thường trú"), _a("point", "Thành phần hồ sơ")],
    # 3. Chọn Công an xã và trường hợp
    [
        *_agency(
            _XA_TAN_LAP,
            "Về ở với người thân (vợ về với chồng, con về với cha mẹ…), được chủ hộ đồng ý",
        ),
        *_APPLICANT,
    ],
    # 4. Điền tờ khai thay đổi thông tin cư trú
    [
        _a("choose", "Giới tính", "Nữ"),
        _a("fill", "Họ, chữ đệm và tên chủ hộ", _CHONG),
        _a("choose", "Mối quan hệ với chủ hộ", "Vợ", picture=True),
        _a("fill", "Số định danh cá nhân của chủ hộ", _CHONG_CCCD),
        _a("fill", "Địa chỉ đăng ký thường trú mới", _NHA_CHONG),
        _a("fill", "Nội dung đề nghị", f"Đăng ký thường trú vào hộ ông {_CHONG} (chồng)"),
        _a("fill", "Số người đăng ký thường trú trong hồ sơ này (kể cả bạn)", "1"),
        _a("press", "Lưu và tiếp tục"),
    ],
    # 5. Lấy ý kiến đồng ý của chủ hộ
    [
        *_delivery(_ONLINE),
        _a("upload", f"Văn bản đồng ý của chủ hộ, chủ nhà {_IF_NEEDED}", picture=True),
        _a("press", "Tải ảnh lên"),
        _a("point", _PHOTO_SIZE),
    ],
    # 6. Đính kèm giấy tờ chỗ ở hợp pháp
    [
        _a("upload", "Giấy tờ chứng minh chỗ ở hợp pháp", picture=True),
        _a("press", "Tiếp tục"),
        _a("point", "Giấy tờ chứng minh chỗ ở hợp pháp: 1 ảnh"),
    ],
    # 7. Nộp hồ sơ, trả lệ phí nếu có
    [*_SUBMIT, _a("point", "Số tiền:"), *_PAY, _a("point", _CODE)],
    # 8. Theo dõi và xem kết quả
    [
        _a("press", "Quản lý hồ sơ cá nhân"),
        _a("point", "Trạng thái:", picture=True),
        _a("press", _FAST_FORWARD),
        _a("press", _FAST_FORWARD),
        _a("press", _FAST_FORWARD),
        _a("point", "Tải kết quả (bản luyện tập, PDF)"),
        _a("press", "Điện thoại giả lập"),
        _a("point", "đã có kết quả"),
    ],
]

PRACTICE_SCRIPTS = {
    "dang-ky-khai-sinh": KHAI_SINH,
    "lien-thong-khai-sinh": LIEN_THONG_KHAI_SINH,
    "dang-ky-ket-hon": KET_HON,
    "cap-phieu-ly-lich-tu-phap": LY_LICH_TU_PHAP,
    "dang-ky-ho-kinh-doanh": HO_KINH_DOANH,
    "dang-ky-bien-dong-dat-dai": BIEN_DONG_DAT_DAI,
    "dang-ky-thuong-tru": THUONG_TRU,
}
