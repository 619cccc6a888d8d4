"""Practice e-forms (tờ khai điện tử luyện tập) of the demo procedures.

Pure data, no Django imports. One entry per procedure slug of
``courses.demo.procedures.PROCEDURES``; a seeding command turns each entry into a
``sandbox.PracticeForm`` (sections become ``EFormSectionBlock`` values).

The fields follow the portal's published descriptions of these procedures, which are
secondary sources for the field lists: the real e-forms (TT 04/2020 and TT 01/2022 of
Bộ Tư pháp, Mẫu 12/13/2024/LLTP, TT 68/2025/TT-BTC) were not seen field by field.
Đăng ký thường trú follows Tờ khai thay đổi thông tin cư trú (Mẫu CT01) and đăng ký biến
động đất đai the Đơn đăng ký biến động (Mẫu số 11/ĐK); their fields were not checked
box by box against the real e-forms either.
Fees: bản sao trích lục hộ tịch 8.000 đồng/bản; Phiếu lý lịch tư pháp thêm 5.000
đồng/phiếu từ phiếu thứ 3; lệ phí đăng ký thường trú nộp trực tuyến 10.000 đồng, counted
here per person registered. Editors must verify them on dichvucong.gov.vn.

Field dict keys:
    key        -- ascii snake_case, unique within the form (^[a-z][a-z0-9_]*$)
    label      -- ≤ 120 characters
    kind       -- text | textarea | date | number | choice | cccd | phone; every ID number
                  (citizen, parents, người đi khai, spouse, business owner) is "cccd",
                  which accepts only practice numbers (099…)
    required   -- bool
    choices    -- ";"-separated options when kind is "choice", else ""
    prefill    -- "" | full_name | birth_date | cccd | phone | address (the applicant only)
    help_text  -- ≤ 200 characters, shown under the field
    guide      -- why the field matters and what people get wrong (guided mode only)
    max_length -- the longest text kept, for text and textarea; None for the kind's
                  default (sandbox.blocks.KIND_MAX_LENGTH)

Note: the sandbox joins the lines of what is typed into one line, so textarea help
asks for ";" between items rather than one item per line.
"""


def _field(
    key,
    label,
    kind="text",
    *,
    required=True,
    choices="",
    prefill="",
    help_text="",
    guide="",
    max_length=None,
):
    return {
        "key": key,
        "label": label,
        "kind": kind,
        "required": required,
        "choices": choices,
        "prefill": prefill,
        "help_text": help_text,
        "guide": guide,
        "max_length": max_length,
    }


_DATE_HELP = "Gõ có dấu “/”, ví dụ 05/03/2026"
_CCCD_HELP = "Số luyện tập: 12 chữ số bắt đầu bằng 099. Không nhập số căn cước thật."
_NAME_MAX = 100  # as the practice ID card's name
_BAN_SAO_HELP = "Gõ chữ số. Gõ 0 nếu không cần bản sao. Mỗi bản sao 8.000 đồng."
_BAN_SAO_GUIDE = (
    "Vì sao: bản sao dùng để nộp khi làm các giấy tờ khác cho bé. Giấy khai sinh điện "
    "tử đã có giá trị sử dụng, nên chỉ xin đủ số bản cần dùng cho đỡ tốn tiền."
)


# ---------------------------------------------------------------------------
# Shared pieces of the two birth-registration forms
# ---------------------------------------------------------------------------


def _nguoi_di_khai():
    return [
        _field(
            "nguoi_khai_ho_ten",
            "Họ, chữ đệm và tên người đi khai",
            prefill="full_name",
            help_text="Đã điền sẵn từ tài khoản của bạn; đọc lại cho đúng.",
            guide="Vì sao: cơ quan cần biết ai đứng ra khai và chịu trách nhiệm về lời cam "
            "đoan. Người đi khai là người đang đăng nhập, nên bạn không phải gõ lại.",
            max_length=_NAME_MAX,
        ),
        _field(
            "nguoi_khai_cccd",
            "Số định danh cá nhân (số căn cước) của người đi khai",
            "cccd",
            prefill="cccd",
            help_text="12 chữ số, đã điền sẵn từ tài khoản.",
            guide="Vì sao: cán bộ dùng số này để tra thông tin của bạn trong cơ sở dữ liệu "
            "dân cư, nên bạn không phải chụp căn cước. Hay sai: gõ thiếu hoặc thừa một số.",
        ),
        _field(
            "quan_he_voi_tre",
            "Quan hệ với trẻ",
            "choice",
            choices="Cha;Mẹ;Ông;Bà;Người thân khác",
            help_text="Bạn là gì của bé?",
            guide="Vì sao: cha, mẹ có trách nhiệm đi khai sinh cho con; khi cha, mẹ không "
            "đi được thì ông, bà hoặc người thân khác khai thay. Người được cha, mẹ nhờ "
            "khai thay phải có thêm văn bản ủy quyền.",
        ),
    ]


def _tre():
    return [
        _field(
            "ten_tre",
            "Họ, chữ đệm và tên của trẻ",
            help_text="Gõ có dấu, ví dụ Nguyễn Minh Khang",
            guide="Vì sao: tên được ghi vào Giấy khai sinh và theo con suốt đời; không đặt "
            "tên quá dài, khó dùng. Hay sai: gõ thiếu dấu, gõ sai một chữ mà không đọc lại.",
            max_length=_NAME_MAX,
        ),
        _field(
            "gioi_tinh",
            "Giới tính",
            "choice",
            choices="Nam;Nữ",
            guide="Vì sao: giới tính được ghi trên Giấy khai sinh và dùng để cấp số định danh "
            "cho bé. Xem lại trước khi nộp, vì sửa sau rất mất công.",
        ),
        _field(
            "ngay_sinh",
            "Ngày, tháng, năm sinh của trẻ",
            "date",
            help_text=_DATE_HELP,
            guide="Vì sao: ngày sinh theo bé trên mọi giấy tờ suốt đời, phải giống Giấy chứng "
            "sinh. Hay sai: gõ liền 05032026 không có dấu “/”, hoặc đảo ngày với tháng.",
        ),
        _field(
            "noi_sinh",
            "Nơi sinh",
            help_text="Tên bệnh viện hoặc trạm y tế, rồi xã, tỉnh. Sinh ở nhà thì ghi địa chỉ nhà.",
            guide="Vì sao: nơi sinh trên Giấy khai sinh phải khớp với Giấy chứng sinh. Hay "
            "nhầm: ghi nơi ở của gia đình thay vì nơi bé được sinh ra.",
        ),
        _field(
            "dan_toc",
            "Dân tộc",
            help_text="Ví dụ Kinh, Tày, Khmer",
            guide="Vì sao: dân tộc của con theo dân tộc của cha hoặc mẹ. Nếu cha và mẹ khác "
            "dân tộc thì hai người bàn với nhau chọn một.",
        ),
        _field(
            "que_quan",
            "Quê quán",
            help_text="Xã, tỉnh là quê của cha hoặc của mẹ",
            guide="Vì sao: quê quán của con ghi theo quê của cha hoặc mẹ, do cha mẹ thỏa thuận. "
            "Hay nhầm quê quán với nơi sinh: sinh ở đâu thì ghi ở ô nơi sinh.",
        ),
    ]


def _me_ho_ten():
    return _field(
        "me_ho_ten",
        "Họ, chữ đệm và tên của mẹ",
        help_text="Ghi đúng như trên căn cước của mẹ",
        guide="Vì sao: tên mẹ được in trên Giấy khai sinh của bé. Ghi đúng từng dấu như trên "
        "căn cước để khớp với cơ sở dữ liệu dân cư.",
        max_length=_NAME_MAX,
    )


def _me_so_dinh_danh():
    return _field(
        "me_so_dinh_danh",
        "Số định danh cá nhân (số căn cước) của mẹ",
        "cccd",
        help_text=_CCCD_HELP,
        guide="Vì sao: có số này, cán bộ tự tra được thông tin và nơi cư trú của mẹ, bạn "
        "không phải nộp thêm giấy tờ. Hay sai: gõ nhầm số căn cước của cha vào ô của mẹ.",
    )


def _cha_ho_ten():
    return _field(
        "cha_ho_ten",
        "Họ, chữ đệm và tên của cha",
        required=False,
        help_text="Bỏ trống nếu chưa xác định được cha",
        guide="Vì sao: tên cha được in trên Giấy khai sinh. Nếu chưa xác định được cha thì để "
        "trống phần này; sau này làm thủ tục nhận cha cho con thì ghi bổ sung.",
        max_length=_NAME_MAX,
    )


def _cha_so_dinh_danh():
    return _field(
        "cha_so_dinh_danh",
        "Số định danh cá nhân (số căn cước) của cha",
        "cccd",
        required=False,
        help_text="Số luyện tập: 12 chữ số bắt đầu bằng 099; bỏ trống nếu không khai phần cha",
        guide="Vì sao: có số này, cán bộ tự tra được thông tin của cha, không phải nộp giấy "
        "tờ. Hay sai: gõ nhầm số của mẹ vào ô của cha.",
    )


def _so_ban_sao():
    return _field(
        "so_ban_sao",
        "Số bản sao Giấy khai sinh",
        "number",
        help_text=_BAN_SAO_HELP,
        guide=_BAN_SAO_GUIDE,
    )


# ---------------------------------------------------------------------------
# The forms
# ---------------------------------------------------------------------------

KHAI_SINH_FORM = {
    "cases": [
        "Đăng ký khai sinh đúng hạn (trong 60 ngày kể từ ngày sinh)",
        "Đăng ký khai sinh quá hạn",
    ],
    "fee_units_field": "so_ban_sao",
    "fee_free_units": 0,
    "fee_per_unit": 8000,
    "fee_per_unit_label": "Phí cấp bản sao trích lục hộ tịch: 8.000 đồng/bản",
    # The child's quốc tịch is left out to keep the form at 16 fields: this procedure is
    # for children of Vietnamese parents (khai sinh có yếu tố nước ngoài is another one),
    # so it is always Việt Nam.
    "sections": [
        {"title": "Thông tin người đi khai", "fields": _nguoi_di_khai()},
        {"title": "Thông tin người được khai sinh", "fields": _tre()},
        {
            "title": "Thông tin của mẹ và cha",
            "fields": [
                _me_ho_ten(),
                _field(
                    "me_nam_sinh",
                    "Năm sinh của mẹ",
                    "number",
                    help_text="Gõ 4 chữ số, ví dụ 1995",
                    guide="Vì sao: năm sinh giúp cán bộ đối chiếu đúng người mẹ. Chỉ gõ năm, "
                    "không gõ ngày tháng.",
                ),
                _me_so_dinh_danh(),
                _cha_ho_ten(),
                _field(
                    "cha_nam_sinh",
                    "Năm sinh của cha",
                    "number",
                    required=False,
                    help_text="Gõ 4 chữ số, ví dụ 1992; bỏ trống nếu không khai phần cha",
                    guide="Vì sao: năm sinh giúp cán bộ đối chiếu đúng người cha. Chỉ gõ năm, "
                    "không gõ ngày tháng.",
                ),
                _cha_so_dinh_danh(),
            ],
        },
        {"title": "Bản sao Giấy khai sinh", "fields": [_so_ban_sao()]},
    ],
}

LIEN_THONG_KHAI_SINH_FORM = {
    "cases": [
        "Đăng ký thường trú cho trẻ cùng nơi thường trú của cha, mẹ",
        "Đăng ký thường trú cho trẻ ở địa chỉ khác (cần giấy tờ chỗ ở hợp pháp)",
    ],
    "fee_units_field": "so_ban_sao",
    "fee_free_units": 0,
    "fee_per_unit": 8000,
    "fee_per_unit_label": "Phí cấp bản sao trích lục hộ tịch: 8.000 đồng/bản",
    "sections": [
        {"title": "Thông tin người đi khai", "fields": _nguoi_di_khai()},
        {"title": "Thông tin của trẻ", "fields": _tre()},
        {
            "title": "Thông tin của mẹ và cha",
            "fields": [_me_ho_ten(), _me_so_dinh_danh(), _cha_ho_ten(), _cha_so_dinh_danh()],
        },
        {
            "title": "Thường trú, thẻ bảo hiểm y tế và bản sao",
            "fields": [
                _field(
                    "dia_chi_thuong_tru",
                    "Địa chỉ đăng ký thường trú cho trẻ",
                    help_text="Số nhà, thôn hoặc ấp, xã, tỉnh; thường là nơi thường trú của "
                    "cha hoặc mẹ",
                    guide="Vì sao: đây là nơi bé được đăng ký thường trú. Nếu khác nơi thường "
                    "trú của cha, mẹ thì phải đính kèm giấy tờ chỗ ở hợp pháp, nếu không hồ "
                    "sơ sẽ bị yêu cầu bổ sung.",
                ),
                _field(
                    "noi_kham_chua_benh",
                    "Nơi đăng ký khám chữa bệnh ban đầu (ghi trên thẻ bảo hiểm y tế)",
                    help_text="Ví dụ Trạm y tế xã hoặc bệnh viện gần nhà",
                    guide="Vì sao: nơi này được in trên thẻ bảo hiểm y tế của bé; đưa bé đi "
                    "khám đúng nơi thì được hưởng đủ quyền lợi. Nên chọn nơi gần nhà cho "
                    "tiện đi lại.",
                ),
                _so_ban_sao(),
            ],
        },
    ],
}


def _ket_hon_ben(prefix, *, own):
    """The fields of one party: the applicant's own side (prefilled) or the partner's."""
    who = "của bạn" if own else "của người kết hôn với bạn"
    return [
        _field(
            f"{prefix}_ho_ten",
            f"Họ, chữ đệm và tên {who}",
            prefill="full_name" if own else "",
            help_text="Đã điền sẵn từ tài khoản; đọc lại cho đúng."
            if own
            else "Gõ có dấu, đúng như trên căn cước",
            guide="Vì sao: họ tên được in trên Giấy chứng nhận kết hôn, phải giống hệt căn "
            "cước. Hay sai: gõ thiếu dấu hoặc thiếu chữ đệm.",
            max_length=_NAME_MAX,
        ),
        _field(
            f"{prefix}_ngay_sinh",
            f"Ngày, tháng, năm sinh {who}",
            "date",
            prefill="birth_date" if own else "",
            help_text="Gõ có dấu “/”, ví dụ 20/10/1998",
            guide="Vì sao: cán bộ dùng ngày sinh để xem đã đủ tuổi kết hôn chưa: nam từ đủ 20 "
            "tuổi, nữ từ đủ 18 tuổi. Hay sai: gõ liền không có dấu “/”.",
        ),
        _field(
            f"{prefix}_dan_toc",
            f"Dân tộc {who}",
            help_text="Ví dụ Kinh, Tày, Khmer",
            guide="Vì sao: dân tộc được ghi trên Giấy chứng nhận kết hôn. Ghi giống như trên "
            "căn cước.",
        ),
        _field(
            f"{prefix}_quoc_tich",
            f"Quốc tịch {who}",
            help_text="Thường là Việt Nam",
            guide="Vì sao: thủ tục này dành cho hai công dân Việt Nam ở trong nước. Nếu một "
            "người là người nước ngoài thì phải làm thủ tục khác.",
        ),
        _field(
            f"{prefix}_noi_cu_tru",
            f"Nơi cư trú {who}",
            prefill="address" if own else "",
            help_text="Số nhà, thôn hoặc ấp, xã, tỉnh",
            guide="Vì sao: hồ sơ nộp ở xã nơi một trong hai người cư trú. Nếu người kia ở xã "
            "khác, cán bộ có thể phải hỏi xã đó về tình trạng hôn nhân, mất thêm vài ngày.",
        ),
        _field(
            f"{prefix}_cccd",
            f"Số định danh cá nhân (số căn cước) {who}",
            "cccd",
            prefill="cccd" if own else "",
            help_text=_CCCD_HELP,
            guide="Vì sao: có số căn cước, cán bộ tự tra được tình trạng hôn nhân, nên thường "
            "không phải xin giấy xác nhận tình trạng hôn nhân. Hay sai: gõ thiếu một số.",
        ),
        _field(
            f"{prefix}_lan_ket_hon",
            f"Kết hôn lần thứ mấy ({'bạn' if own else 'người kia'})",
            "choice",
            choices="Lần đầu;Lần thứ hai;Lần thứ ba trở lên",
            guide="Vì sao: nếu đã từng kết hôn, cán bộ sẽ kiểm tra việc ly hôn đã xong chưa. "
            "Phải khai thật: khai sai thì việc đăng ký có thể bị hủy.",
        ),
    ]


KET_HON_FORM = {
    "cases": [
        "Hai bên cùng cư trú tại xã nơi đăng ký kết hôn",
        "Một bên cư trú ở xã khác (nếu phải xác minh thì không quá 5 ngày làm việc)",
    ],
    "fee_units_field": "",
    "fee_free_units": 0,
    "fee_per_unit": 0,
    "fee_per_unit_label": "",
    # The real tờ khai has a "bên nữ" and a "bên nam" column. The practice identity's sex
    # is random, so the form asks which side the applicant is and prefills the applicant's
    # own section; the partner's section is typed in.
    "sections": [
        {
            "title": "Thông tin của bạn (người nộp hồ sơ)",
            "fields": [
                _field(
                    "ben_cua_ban",
                    "Bạn là bên nữ hay bên nam?",
                    "choice",
                    choices="Bên nữ;Bên nam",
                    guide="Vì sao: tờ khai kết hôn ghi riêng bên nữ và bên nam. Phần của bạn "
                    "được điền sẵn từ tài khoản, phần của người kia bạn tự gõ.",
                ),
                *_ket_hon_ben("ban", own=True),
            ],
        },
        {
            "title": "Thông tin của người kết hôn với bạn",
            "fields": _ket_hon_ben("nguoi_kia", own=False),
        },
    ],
}

LY_LICH_TU_PHAP_FORM = {
    "cases": [
        "Công dân Việt Nam có nơi thường trú ở trong nước",
        "Công dân Việt Nam không có nơi thường trú, chỉ có nơi tạm trú ở trong nước",
    ],
    "fee_units_field": "so_luong_phieu",
    "fee_free_units": 2,
    "fee_per_unit": 5000,
    "fee_per_unit_label": "Từ phiếu thứ 3 trở đi: thêm 5.000 đồng/phiếu",
    "sections": [
        {
            "title": "Thông tin người yêu cầu cấp phiếu",
            "fields": [
                _field(
                    "ho_ten",
                    "Họ, chữ đệm và tên",
                    prefill="full_name",
                    help_text="Đã điền sẵn từ tài khoản; đọc lại cho đúng.",
                    guide="Vì sao: họ tên được in trên Phiếu lý lịch tư pháp và phải giống căn "
                    "cước, nếu không nơi nhận phiếu sẽ không chấp nhận.",
                    max_length=_NAME_MAX,
                ),
                _field(
                    "gioi_tinh",
                    "Giới tính",
                    "choice",
                    choices="Nam;Nữ",
                    guide="Vì sao: giới tính được in trên phiếu, giúp phân biệt với người trùng "
                    "họ tên.",
                ),
                _field(
                    "ngay_sinh",
                    "Ngày, tháng, năm sinh",
                    "date",
                    prefill="birth_date",
                    help_text="Gõ có dấu “/”, ví dụ 01/09/2000",
                    guide="Vì sao: ngày sinh cùng họ tên giúp tra đúng người. Hay sai: gõ liền "
                    "không có dấu “/”.",
                ),
                _field(
                    "noi_sinh",
                    "Nơi sinh",
                    help_text="Xã, tỉnh nơi bạn sinh ra, như trên Giấy khai sinh",
                    guide="Vì sao: nơi sinh giúp cơ quan tra đúng người, không nhầm với người "
                    "trùng họ tên, ngày sinh.",
                ),
                _field(
                    "cccd",
                    "Số định danh cá nhân (số căn cước)",
                    "cccd",
                    prefill="cccd",
                    help_text="12 chữ số, đã điền sẵn từ tài khoản.",
                    guide="Vì sao: nộp trực tuyến bằng tài khoản định danh thì cơ quan tự tra "
                    "căn cước, bạn không phải chụp tải lên.",
                ),
                _field(
                    "so_dien_thoai",
                    "Số điện thoại",
                    "phone",
                    prefill="phone",
                    help_text="10 chữ số, bắt đầu bằng số 0",
                    guide="Vì sao: cơ quan và bưu điện gọi hoặc nhắn tin vào số này khi có kết "
                    "quả hoặc cần hỏi thêm. Hay sai: ghi số cũ không còn dùng.",
                ),
            ],
        },
        {
            "title": "Nơi cư trú",
            "fields": [
                _field(
                    "noi_thuong_tru",
                    "Nơi thường trú",
                    prefill="address",
                    help_text="Số nhà, thôn hoặc ấp, xã, tỉnh",
                    guide="Vì sao: phiếu do Công an tỉnh nơi bạn thường trú cấp. Ghi đúng như "
                    "đã đăng ký thường trú.",
                ),
                _field(
                    "noi_tam_tru",
                    "Nơi tạm trú",
                    required=False,
                    help_text="Bỏ trống nếu không có",
                    guide="Vì sao: chỉ ghi khi bạn đang tạm trú ở nơi khác, ví dụ đi làm xa "
                    "nhà. Người không có nơi thường trú thì nộp ở Công an tỉnh nơi tạm trú.",
                ),
                _field(
                    "qua_trinh_cu_tru",
                    "Quá trình cư trú, nghề nghiệp từ năm đủ 14 tuổi đến nay",
                    "textarea",
                    help_text="Mỗi nơi ghi: từ năm nào đến năm nào, ở đâu, làm gì; các nơi "
                    "cách nhau bằng dấu “;”. Ví dụ: 2008–2016 ở xã Tân Hòa, làm ruộng; 2016 "
                    "đến nay ở phường An Bình, thợ may",
                    guide="Vì sao: cơ quan dựa vào đây để tra cứu ở những nơi bạn từng sống. "
                    "Khai thiếu nơi ở thì hồ sơ có thể phải xác minh lâu hơn, tới 15 ngày.",
                ),
            ],
        },
        {
            "title": "Yêu cầu cấp phiếu",
            "fields": [
                _field(
                    "loai_phieu",
                    "Loại phiếu",
                    "choice",
                    choices="Phiếu số 1;Phiếu số 2",
                    help_text="Hỏi nơi nhận hồ sơ cần phiếu số mấy trước khi chọn",
                    guide="Vì sao: Phiếu số 1 dùng cho phần lớn hồ sơ xin việc. Phiếu số 2 ghi "
                    "đầy đủ hơn, chỉ xin khi nơi nhận yêu cầu, và không được nhờ người khác "
                    "làm thay.",
                ),
                _field(
                    "muc_dich",
                    "Mục đích sử dụng phiếu",
                    "textarea",
                    help_text="Ví dụ: bổ sung hồ sơ xin việc",
                    guide="Vì sao: cơ quan cần biết phiếu dùng vào việc gì. Ghi ngắn gọn, đúng "
                    "việc, ví dụ “xin việc”, “đi học”, “đi làm việc ở nước ngoài”.",
                ),
                _field(
                    "so_luong_phieu",
                    "Số lượng phiếu",
                    "number",
                    help_text="Gõ chữ số, ví dụ 2. Từ phiếu thứ 3, mỗi phiếu thêm 5.000 đồng.",
                    guide="Vì sao: số phiếu quyết định số tiền phải trả. Hai phiếu đầu không "
                    "tính thêm; từ phiếu thứ 3 mỗi phiếu thêm 5.000 đồng. Chỉ xin đủ số cần "
                    "dùng.",
                ),
            ],
        },
    ],
}

HO_KINH_DOANH_FORM = {
    "cases": [
        "Một cá nhân đăng ký hộ kinh doanh",
        "Các thành viên hộ gia đình cùng đăng ký hộ kinh doanh",
    ],
    "fee_units_field": "",
    "fee_free_units": 0,
    "fee_per_unit": 0,
    "fee_per_unit_label": "",
    "sections": [
        {
            "title": "Thông tin hộ kinh doanh",
            "fields": [
                _field(
                    "ten_ho_kinh_doanh",
                    "Tên hộ kinh doanh",
                    help_text="Phải bắt đầu bằng “Hộ kinh doanh”, ví dụ Hộ kinh doanh Quán "
                    "bún Cô Nga",
                    guide="Vì sao: tên này được in trên Giấy chứng nhận và dùng làm biển hiệu. "
                    "Hay sai: quên chữ “Hộ kinh doanh” ở đầu, hoặc đặt trùng tên hộ khác.",
                ),
                _field(
                    "dia_chi_tru_so",
                    "Địa chỉ trụ sở (nơi đặt quán, tiệm)",
                    help_text="Số nhà, thôn hoặc ấp, xã, tỉnh",
                    guide="Vì sao: hồ sơ do xã nơi đặt quán nhận và giải quyết. Ghi nơi đặt "
                    "quán, không phải nơi bạn ở nếu hai nơi khác nhau.",
                ),
            ],
        },
        {
            "title": "Ngành nghề, vốn và lao động",
            "fields": [
                _field(
                    "nganh_nghe",
                    "Ngành, nghề kinh doanh",
                    "textarea",
                    help_text="Ghi rõ việc làm, ví dụ: bán bún, phở (dịch vụ ăn uống). Làm "
                    "nhiều việc thì ghi đủ, cách nhau bằng dấu “;”.",
                    guide="Vì sao: hộ kinh doanh chỉ được làm những nghề đã đăng ký. Hay sai: "
                    "ghi chung chung như “buôn bán”, hoặc quên ghi một việc có làm.",
                ),
                _field(
                    "von_kinh_doanh",
                    "Vốn kinh doanh (đồng)",
                    "number",
                    help_text="Chỉ gõ chữ số, ví dụ 30000000 là 30 triệu đồng",
                    guide="Vì sao: vốn là số tiền bỏ ra để làm ăn (bàn ghế, nồi niêu, hàng "
                    "hóa). Ghi ước tính trung thực. Hay sai: gõ chữ “30 triệu” nên máy báo lỗi.",
                ),
                _field(
                    "so_lao_dong",
                    "Số người lao động",
                    "number",
                    help_text="Số người làm thường xuyên ở quán, ví dụ 2",
                    guide="Vì sao: cơ quan cần biết quán có bao nhiêu người làm. Ghi số người "
                    "làm thường xuyên, kể cả người nhà.",
                ),
                _field(
                    "ngay_bat_dau",
                    "Ngày bắt đầu kinh doanh",
                    "date",
                    required=False,
                    help_text="Gõ có dấu “/”, ví dụ 01/03/2026",
                    guide="Vì sao: là ngày quán bắt đầu mở bán, dùng để tính các việc về thuế "
                    "sau này. Hay sai: gõ liền không có dấu “/”.",
                ),
            ],
        },
        {
            "title": "Thông tin chủ hộ kinh doanh",
            "fields": [
                _field(
                    "chu_ho_ho_ten",
                    "Họ, chữ đệm và tên chủ hộ",
                    prefill="full_name",
                    help_text="Đã điền sẵn từ tài khoản; đọc lại cho đúng.",
                    guide="Vì sao: chủ hộ là người đứng tên trên Giấy chứng nhận và chịu trách "
                    "nhiệm về việc kinh doanh của hộ.",
                    max_length=_NAME_MAX,
                ),
                _field(
                    "chu_ho_cccd",
                    "Số định danh cá nhân (số căn cước) của chủ hộ",
                    "cccd",
                    prefill="cccd",
                    help_text="12 chữ số, đã điền sẵn từ tài khoản.",
                    guide="Vì sao: cơ quan tra số này trong cơ sở dữ liệu dân cư, nên bạn không "
                    "phải chụp căn cước tải lên.",
                ),
                _field(
                    "chu_ho_ngay_sinh",
                    "Ngày, tháng, năm sinh của chủ hộ",
                    "date",
                    prefill="birth_date",
                    help_text="Gõ có dấu “/”, ví dụ 15/08/1975",
                    guide="Vì sao: chủ hộ phải đủ 18 tuổi. Ngày sinh giúp cơ quan kiểm tra "
                    "điều này.",
                ),
                _field(
                    "chu_ho_thuong_tru",
                    "Nơi thường trú của chủ hộ",
                    prefill="address",
                    help_text="Số nhà, thôn hoặc ấp, xã, tỉnh",
                    guide="Vì sao: đây là nơi ở của chủ hộ, có thể khác nơi đặt quán. Hay "
                    "nhầm: ghi địa chỉ quán vào ô này.",
                ),
                _field(
                    "chu_ho_dien_thoai",
                    "Số điện thoại của chủ hộ",
                    "phone",
                    prefill="phone",
                    help_text="10 chữ số, bắt đầu bằng số 0",
                    guide="Vì sao: cán bộ gọi số này khi cần hỏi thêm hoặc báo có kết quả. Hay "
                    "sai: ghi số của người khác hoặc số cũ.",
                ),
            ],
        },
    ],
}

BIEN_DONG_DAT_DAI_FORM = {
    "cases": [
        "Chuyển nhượng quyền sử dụng đất (mua bán)",
        "Tặng cho quyền sử dụng đất",
        "Thừa kế quyền sử dụng đất",
        "Thay đổi thông tin người sử dụng đất (họ tên, giấy tờ tùy thân, địa chỉ)",
    ],
    # The registration fee is the province's and the taxes (lệ phí trước bạ, thuế thu
    # nhập cá nhân) are notified later by the tax office: nothing is charged at submission,
    # as in the procedure's online channel.
    "fee_units_field": "",
    "fee_free_units": 0,
    "fee_per_unit": 0,
    "fee_per_unit_label": "",
    "sections": [
        {
            "title": "Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất",
            "fields": [
                _field(
                    "nguoi_su_dung_ho_ten",
                    "Họ, chữ đệm và tên người sử dụng đất",
                    prefill="full_name",
                    help_text="Đã điền sẵn từ tài khoản; phải giống tên ghi trên Giấy chứng nhận.",
                    guide="Vì sao: người đứng tên trên Giấy chứng nhận là người đăng ký biến "
                    "động. Tên khác với trên sổ (thiếu chữ đệm, sai dấu) thì hồ sơ bị yêu cầu "
                    "giải trình.",
                    max_length=_NAME_MAX,
                ),
                _field(
                    "nguoi_su_dung_cccd",
                    "Số định danh cá nhân (số căn cước) của người sử dụng đất",
                    "cccd",
                    prefill="cccd",
                    help_text="12 chữ số, đã điền sẵn từ tài khoản.",
                    guide="Vì sao: cán bộ tra số này trong cơ sở dữ liệu dân cư, nên bạn không "
                    "phải chụp căn cước. Sổ cũ ghi số chứng minh nhân dân cũng không sao: hệ "
                    "thống tự đối chiếu.",
                ),
                _field(
                    "nguoi_su_dung_dia_chi",
                    "Địa chỉ thường trú",
                    prefill="address",
                    help_text="Số nhà, thôn hoặc ấp, xã, tỉnh",
                    guide="Vì sao: cơ quan gửi thông báo nộp thuế, lệ phí và kết quả về địa chỉ "
                    "này. Ghi nơi bạn đang thường trú, không phải địa chỉ thửa đất.",
                ),
                _field(
                    "nguoi_su_dung_dien_thoai",
                    "Số điện thoại liên hệ",
                    "phone",
                    prefill="phone",
                    help_text="10 chữ số, bắt đầu bằng số 0",
                    guide="Vì sao: cán bộ gọi số này để hẹn đo đạc, báo số thuế phải nộp hoặc "
                    "ngày trả sổ. Hay sai: ghi số cũ không còn dùng.",
                ),
            ],
        },
        {
            "title": "Thửa đất và Giấy chứng nhận đã cấp",
            "fields": [
                _field(
                    "thua_dat_so",
                    "Thửa đất số",
                    "number",
                    help_text="Xem dòng “Thửa đất số” trên Giấy chứng nhận, ví dụ 125",
                    guide="Vì sao: số thửa cùng số tờ bản đồ chỉ đúng mảnh đất của bạn trên bản "
                    "đồ địa chính. Hay nhầm: gõ số tờ bản đồ vào ô số thửa.",
                ),
                _field(
                    "to_ban_do_so",
                    "Tờ bản đồ số",
                    "number",
                    help_text="Xem dòng “Tờ bản đồ số” ngay cạnh số thửa, ví dụ 12",
                    guide="Vì sao: một xã có nhiều tờ bản đồ, mỗi tờ có thửa số 1, số 2… Thiếu "
                    "số tờ bản đồ thì cán bộ không tìm được thửa đất.",
                ),
                _field(
                    "dia_chi_thua_dat",
                    "Địa chỉ thửa đất",
                    help_text="Thôn hoặc tổ dân phố, xã, tỉnh nơi có đất",
                    guide="Vì sao: hồ sơ do Văn phòng đăng ký đất đai nơi có đất giải quyết. Sổ "
                    "cấp trước ngày 1/7/2025 còn ghi huyện: ghi theo tên xã, tỉnh hiện nay.",
                ),
                _field(
                    "dien_tich",
                    "Diện tích (m²)",
                    help_text="Gõ đúng như trên Giấy chứng nhận, ví dụ 120,5",
                    guide="Vì sao: diện tích dùng để tính thuế, lệ phí và in trên sổ mới. Gõ "
                    "đúng từng số như trên sổ, kể cả phần lẻ sau dấu phẩy.",
                    max_length=20,
                ),
                _field(
                    "so_phat_hanh_gcn",
                    "Số phát hành Giấy chứng nhận",
                    help_text="Chữ và số in ở trang 1 của sổ, ví dụ CĐ 123456",
                    guide="Vì sao: số phát hành (số sê-ri) cho biết đúng cuốn sổ đang được đăng "
                    "ký thay đổi. Hay nhầm với số vào sổ ở trang 2.",
                    max_length=30,
                ),
                _field(
                    "so_vao_so",
                    "Số vào sổ cấp Giấy chứng nhận",
                    help_text="Ghi ở cuối trang 2 của sổ, ví dụ CS 01234",
                    guide="Vì sao: đây là số mà cơ quan đã ghi khi cấp sổ, dùng để tìm hồ sơ gốc "
                    "của thửa đất trong kho lưu trữ.",
                    max_length=30,
                ),
                _field(
                    "ngay_cap_gcn",
                    "Ngày cấp Giấy chứng nhận",
                    "date",
                    help_text="Gõ có dấu “/”, ví dụ 15/06/2015",
                    guide="Vì sao: ngày cấp giúp cán bộ đối chiếu đúng cuốn sổ. Hay sai: gõ liền "
                    "không có dấu “/”.",
                ),
            ],
        },
        {
            "title": "Nội dung biến động",
            "fields": [
                _field(
                    "noi_dung_bien_dong",
                    "Nội dung biến động",
                    "textarea",
                    help_text="Ghi ngắn gọn đã thay đổi gì, ví dụ: Tặng cho toàn bộ thửa đất "
                    "cho con là Nguyễn Văn A",
                    guide="Vì sao: cán bộ ghi đúng nội dung này vào sổ. Ghi giống như trong hợp "
                    "đồng đã công chứng: tặng cho, chuyển nhượng toàn bộ hay một phần thửa đất, "
                    "cho ai.",
                    max_length=500,
                ),
                _field(
                    "ly_do_bien_dong",
                    "Lý do biến động",
                    "textarea",
                    help_text="Ví dụ: theo hợp đồng tặng cho đã công chứng số 1523/2026, ngày "
                    "10/11/2026",
                    guide="Vì sao: lý do cho biết giấy tờ nào làm căn cứ thay đổi. Ghi số và "
                    "ngày của hợp đồng hoặc văn bản thừa kế đã công chứng, chứng thực.",
                    max_length=500,
                ),
                _field(
                    "cap_gcn_moi",
                    "Có nhu cầu cấp Giấy chứng nhận mới",
                    "choice",
                    choices="Có;Không",
                    help_text="Chọn “Có” nếu muốn nhận sổ mới thay vì ghi thêm vào sổ cũ",
                    guide="Vì sao: nếu không chọn, cơ quan chỉ ghi nội dung thay đổi vào trang "
                    "sau của sổ cũ. Người nhận tặng cho, nhận chuyển nhượng thường cần sổ mới "
                    "đứng tên mình.",
                ),
            ],
        },
    ],
}

THUONG_TRU_FORM = {
    "cases": [
        "Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình",
        "Về ở với người thân (vợ về với chồng, con về với cha mẹ…), được chủ hộ đồng ý",
        "Ở nhà thuê, nhà mượn, ở nhờ, được chủ nhà đồng ý",
    ],
    "fee_units_field": "so_nguoi_dang_ky",
    "fee_free_units": 0,
    "fee_per_unit": 10000,
    "fee_per_unit_label": "Lệ phí đăng ký thường trú nộp trực tuyến: 10.000 đồng mỗi người",
    # The fields of Tờ khai thay đổi thông tin cư trú (Mẫu CT01). The household members
    # moving together are one paragraph here, not the paper form's table.
    "sections": [
        {
            "title": "Thông tin người đề nghị",
            "fields": [
                _field(
                    "ho_ten",
                    "Họ, chữ đệm và tên",
                    prefill="full_name",
                    help_text="Đã điền sẵn từ tài khoản; đọc lại cho đúng.",
                    guide="Vì sao: cán bộ tra họ tên cùng số định danh trong cơ sở dữ liệu dân "
                    "cư. Bạn không phải gõ lại.",
                    max_length=_NAME_MAX,
                ),
                _field(
                    "ngay_sinh",
                    "Ngày, tháng, năm sinh",
                    "date",
                    prefill="birth_date",
                    help_text="Gõ có dấu “/”, ví dụ 14/05/1992",
                    guide="Vì sao: ngày sinh giúp đối chiếu đúng người. Hay sai: gõ liền không "
                    "có dấu “/”.",
                ),
                _field(
                    "gioi_tinh",
                    "Giới tính",
                    "choice",
                    choices="Nam;Nữ",
                    guide="Vì sao: giới tính được ghi vào thông tin cư trú, giúp phân biệt với "
                    "người trùng họ tên.",
                ),
                _field(
                    "so_dinh_danh",
                    "Số định danh cá nhân",
                    "cccd",
                    prefill="cccd",
                    help_text="12 chữ số, đã điền sẵn từ tài khoản.",
                    guide="Vì sao: Công an xã tra số này trong cơ sở dữ liệu dân cư, nên bạn "
                    "không phải chụp căn cước hay nộp giấy xác nhận cư trú cũ.",
                ),
                _field(
                    "so_dien_thoai",
                    "Số điện thoại liên hệ",
                    "phone",
                    prefill="phone",
                    help_text="10 chữ số, bắt đầu bằng số 0",
                    guide="Vì sao: Công an xã gọi hoặc nhắn vào số này khi cần hỏi thêm hoặc "
                    "báo kết quả. Hay sai: ghi số cũ không còn dùng.",
                ),
                _field(
                    "email",
                    "Thư điện tử (email)",
                    required=False,
                    help_text="Bỏ trống nếu không có",
                    guide="Vì sao: thông báo kết quả cũng được gửi về hộp thư này. Không có "
                    "email thì để trống, bạn vẫn nhận tin nhắn và thông báo trên VNeID.",
                    max_length=120,
                ),
            ],
        },
        {
            "title": "Thông tin chủ hộ",
            "fields": [
                _field(
                    "chu_ho_ho_ten",
                    "Họ, chữ đệm và tên chủ hộ",
                    help_text="Người đứng tên chủ hộ ở nơi bạn đến ở; nếu chính bạn là chủ "
                    "hộ thì ghi tên bạn",
                    guide="Vì sao: bạn được đăng ký vào hộ của người này. Ở nhà người thân, "
                    "nhà thuê, mượn thì chủ hộ, chủ nhà phải đồng ý cho bạn đăng ký.",
                    max_length=_NAME_MAX,
                ),
                _field(
                    "quan_he_chu_ho",
                    "Mối quan hệ với chủ hộ",
                    "choice",
                    choices="Là chủ hộ;Vợ;Chồng;Con;Cha, mẹ;Ông, bà;Cháu;Anh, chị, em;"
                    "Người ở thuê, ở mượn, ở nhờ;Quan hệ khác",
                    help_text="Bạn là gì của chủ hộ?",
                    guide="Vì sao: quan hệ với chủ hộ được ghi vào thông tin cư trú. Quan hệ "
                    "gia đình tra được trong cơ sở dữ liệu thì không phải nộp giấy chứng minh.",
                ),
                _field(
                    "chu_ho_so_dinh_danh",
                    "Số định danh cá nhân của chủ hộ",
                    "cccd",
                    help_text=_CCCD_HELP,
                    guide="Vì sao: có số này, Công an xã tìm đúng hộ bạn đăng ký vào. Hay sai: "
                    "gõ số của mình vào ô của chủ hộ.",
                ),
            ],
        },
        {
            "title": "Nội dung đề nghị",
            "fields": [
                _field(
                    "dia_chi_thuong_tru_moi",
                    "Địa chỉ đăng ký thường trú mới",
                    help_text="Số nhà, thôn hoặc tổ dân phố, xã hoặc phường, tỉnh",
                    guide="Vì sao: đây là nơi ở mới được ghi vào Cơ sở dữ liệu về cư trú. Từ "
                    "1/7/2025 không còn cấp huyện: ghi xã, phường rồi tỉnh, thành phố.",
                ),
                _field(
                    "noi_dung_de_nghi",
                    "Nội dung đề nghị",
                    "textarea",
                    help_text="Ví dụ: Đăng ký thường trú vào hộ ông Nguyễn Văn B",
                    guide="Vì sao: cán bộ đọc dòng này để biết bạn xin làm việc gì. Ghi ngắn "
                    "gọn: đăng ký thường trú vào hộ ai, ở đâu.",
                    max_length=500,
                ),
                _field(
                    "thanh_vien_cung_thay_doi",
                    "Những thành viên trong hộ gia đình cùng thay đổi",
                    "textarea",
                    required=False,
                    help_text="Bỏ trống nếu chỉ một mình bạn. Mỗi người: họ tên, ngày sinh, "
                    "quan hệ với chủ hộ; các người cách nhau bằng dấu “;”",
                    guide="Vì sao: con nhỏ, người nhà cùng chuyển đến thì đăng ký luôn trong "
                    "một hồ sơ, không phải nộp riêng từng người.",
                    max_length=1000,
                ),
                _field(
                    "so_nguoi_dang_ky",
                    "Số người đăng ký thường trú trong hồ sơ này (kể cả bạn)",
                    "number",
                    help_text="Gõ chữ số, ví dụ 1. Mỗi người 10.000 đồng lệ phí khi nộp trực "
                    "tuyến.",
                    guide="Vì sao: lệ phí tính theo số người được đăng ký. Chỉ một mình bạn "
                    "thì gõ 1.",
                ),
            ],
        },
    ],
}

PRACTICE_FORMS = {
    "dang-ky-khai-sinh": KHAI_SINH_FORM,
    "lien-thong-khai-sinh": LIEN_THONG_KHAI_SINH_FORM,
    "dang-ky-ket-hon": KET_HON_FORM,
    "cap-phieu-ly-lich-tu-phap": LY_LICH_TU_PHAP_FORM,
    "dang-ky-ho-kinh-doanh": HO_KINH_DOANH_FORM,
    "dang-ky-bien-dong-dat-dai": BIEN_DONG_DAT_DAI_FORM,
    "dang-ky-thuong-tru": THUONG_TRU_FORM,
}
