"""Demo procedures (hộ kinh doanh, đất đai, cư trú) loaded by ``manage.py seed_demo``.

Pure data, facts as of 2026 from the national portal's procedure pages and the decrees
they cite. Most household-business and land facts come from secondary sources; editors
must verify them on dichvucong.gov.vn before publishing.
Imported by procedures.py, which exposes them as part of PROCEDURES.
"""

_ND_118 = {
    "number": "118/2025/NĐ-CP",
    "title": "Về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia",
    "date": "",
}

_VNEID_LOGIN_SCREEN = {
    "heading": "Đăng nhập",
    "fields": [
        "Tài khoản định danh điện tử cấp bởi Bộ Công an",
        "Quét mã QR bằng ứng dụng VNeID",
        "Quay lại",
    ],
    "highlight": "Tài khoản định danh điện tử cấp bởi Bộ Công an",
}

_LOGIN_STEP = {
    "title": "Đăng nhập bằng tài khoản VNeID",
    "instruction": "Vào dichvucong.gov.vn, bấm “Đăng nhập”, chọn “Tài khoản định danh điện tử cấp bởi Bộ Công an”. Mở ứng dụng VNeID trên điện thoại, quét mã QR trên màn hình và bấm xác nhận. Góc trên trang web hiện tên bạn là đã vào được.",
    "tips": [
        "Cần tài khoản VNeID mức độ 2.",
        "Nếu VNeID hỏi cho phép đăng nhập trang web, bấm đồng ý rồi quét lại.",
    ],
    "mistakes": [
        "Vào trang giả có tên na ná. Trang thật là dichvucong.gov.vn.",
        "Đọc mã OTP cho người gọi điện tự xưng cán bộ. Không ai được hỏi mã OTP của bạn.",
    ],
    "screen": _VNEID_LOGIN_SCREEN,
}

HO_KINH_DOANH = {
    "slug": "dang-ky-ho-kinh-doanh",
    "title": "Đăng ký thành lập hộ kinh doanh",
    "code": "2.000214",  # [S] code under the old regime (NĐ 01/2021); verify the current code
    "sector": "ho-kinh-doanh",
    "life_events": ["kinh-doanh"],
    "agency_level": "xa",
    "agency": "Cơ quan đăng ký kinh doanh cấp xã (nộp tại Trung tâm Phục vụ hành chính công cấp xã)",
    "online_level": "toan_trinh",
    "summary": "Đăng ký để mở quán, mở tiệm, buôn bán nhỏ một cách hợp pháp. Chủ hộ là một người hoặc cả gia đình cùng đứng ra kinh doanh.",
    "audience": "Công dân Việt Nam (cá nhân hoặc các thành viên hộ gia đình)",
    "result": "Giấy chứng nhận đăng ký hộ kinh doanh; mã số đăng ký hộ kinh doanh đồng thời là mã số thuế",
    "conditions": "Chủ hộ là công dân Việt Nam đủ 18 tuổi, có năng lực hành vi dân sự đầy đủ. Ngành, nghề đăng ký không thuộc loại bị cấm kinh doanh. Tên hộ kinh doanh gồm cụm từ “Hộ kinh doanh” và tên riêng.",
    "keywords": [
        "đăng ký kinh doanh",
        "giấy phép kinh doanh hộ gia đình",
        "mở quán",
        "mở tiệm",
        "hộ kinh doanh cá thể",
        "giấy phép buôn bán",
    ],
    "channels": [
        {
            "channel": "truc_tuyen",
            "time_limit_value": 3,
            "time_limit_unit": "ngay_lam_viec",
            "time_limit_note": "Tính từ khi nhận đủ hồ sơ hợp lệ.",
            "fee": 100000,
            "fee_note": "Mức lệ phí do HĐND tỉnh quy định; số tiền đúng hiện trên Cổng trước khi bạn trả.",
            "description": "Nộp trên Cổng Dịch vụ công quốc gia hoặc cổng dịch vụ công của tỉnh; nhận Giấy chứng nhận bản điện tử.",
        },
        {
            "channel": "truc_tiep",
            "time_limit_value": 3,
            "time_limit_unit": "ngay_lam_viec",
            "time_limit_note": "Tính từ khi nhận đủ hồ sơ hợp lệ.",
            "fee": 100000,
            "fee_note": "Mức lệ phí do HĐND tỉnh quy định.",
            "description": "Nộp tại Trung tâm Phục vụ hành chính công của xã, phường nơi đặt địa điểm kinh doanh.",
        },
        {
            "channel": "buu_chinh",
            "time_limit_value": 3,
            "time_limit_unit": "ngay_lam_viec",
            "time_limit_note": "Tính từ khi cơ quan nhận được hồ sơ hợp lệ.",
            "fee": 100000,
            "fee_note": "Mức lệ phí do HĐND tỉnh quy định; cước bưu chính trả theo giá của bưu điện.",
            "description": "Gửi hồ sơ và nhận kết quả qua dịch vụ bưu chính công ích.",
        },
    ],
    "documents": [
        {
            "name": "Giấy đề nghị đăng ký hộ kinh doanh",
            "quantity": "01 bản",
            "lookup_from_database": False,
            "required": True,
            "note": "Nộp trực tuyến thì điền biểu mẫu điện tử trên màn hình.",
            "form_title": "Giấy đề nghị đăng ký hộ kinh doanh (mẫu luyện tập)",
        },
        {
            "name": "Giấy tờ pháp lý của chủ hộ và các thành viên hộ gia đình cùng đăng ký",
            "quantity": "Số định danh cá nhân",
            "lookup_from_database": True,
            "required": True,
            "note": "Thông tin tra được trong Cơ sở dữ liệu quốc gia về dân cư thì không phải tải lên.",
            "form_title": "",
        },
        {
            "name": "Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh",
            "quantity": "01 bản sao",
            "lookup_from_database": False,
            "required": False,
            "note": "Chỉ cần khi các thành viên hộ gia đình cùng đăng ký hộ kinh doanh.",
            "form_title": "",
        },
        {
            "name": "Văn bản ủy quyền của các thành viên cho một người làm chủ hộ",
            "quantity": "01 bản sao",
            "lookup_from_database": False,
            "required": False,
            "note": "Chỉ cần khi các thành viên hộ gia đình cùng đăng ký.",
            "form_title": "",
        },
    ],
    "legal_basis": [
        {"number": "168/2025/NĐ-CP", "title": "Về đăng ký doanh nghiệp", "date": ""},
        {
            "number": "68/2025/TT-BTC",
            "title": "Ban hành biểu mẫu sử dụng trong đăng ký doanh nghiệp, đăng ký hộ kinh doanh",
            "date": "",
        },
        _ND_118,
    ],
    "steps": [
        _LOGIN_STEP,
        {
            "title": "Tìm thủ tục đăng ký hộ kinh doanh",
            "instruction": "Gõ “hộ kinh doanh” vào ô tìm kiếm rồi bấm kính lúp. Chọn dòng “Đăng ký thành lập hộ kinh doanh”. Đọc giấy tờ cần có rồi bấm “Nộp trực tuyến”.",
            "tips": ["Chuẩn bị trước: tên hộ, địa chỉ, việc định làm, số vốn."],
            "mistakes": [
                "Chọn nhầm “Đăng ký thay đổi nội dung đăng ký hộ kinh doanh”. Đó là khi đã có giấy rồi."
            ],
            "screen": {
                "heading": "Tìm kiếm thủ tục",
                "fields": [
                    "Nhập từ khóa tìm kiếm",
                    "Đăng ký thành lập hộ kinh doanh",
                    "Nộp trực tuyến",
                ],
                "highlight": "Đăng ký thành lập hộ kinh doanh",
            },
        },
        {
            "title": "Chọn cơ quan đăng ký kinh doanh",
            "instruction": "Chọn Tỉnh/Thành phố, rồi chọn Xã/Phường nơi đặt quán, tiệm. Cơ quan đăng ký kinh doanh cấp xã đó sẽ nhận hồ sơ. Bấm “Đồng ý”.",
            "tips": ["Chọn theo nơi đặt địa điểm kinh doanh, không phải theo nơi bạn thường trú."],
            "mistakes": ["Chọn xã nơi ở trong khi quán đặt ở xã khác nên hồ sơ bị trả lại."],
            "screen": {
                "heading": "Chọn cơ quan thực hiện",
                "fields": ["Tỉnh/Thành phố", "Xã/Phường/Đặc khu", "Đồng ý"],
                "highlight": "Xã/Phường/Đặc khu",
            },
        },
        {
            "title": "Nhập tên và địa chỉ hộ kinh doanh",
            "instruction": "Thông tin chủ hộ đã được điền sẵn từ tài khoản. Nhập tên hộ kinh doanh, bắt đầu bằng chữ “Hộ kinh doanh”, ví dụ “Hộ kinh doanh Tạp hóa Bình An”. Nhập địa chỉ đặt quán: số nhà, thôn hoặc ấp, xã, và số điện thoại. Bấm “Lưu hồ sơ”.",
            "tips": ["Gõ tên có dấu đầy đủ, ngắn gọn, dễ nhớ."],
            "mistakes": [
                "Đặt tên trùng với hộ khác hoặc dùng từ ngữ không phù hợp nên bị yêu cầu đổi tên.",
                "Quên bấm “Lưu hồ sơ”, rớt mạng là mất phần đã gõ.",
            ],
            "screen": {
                "heading": "Giấy đề nghị đăng ký hộ kinh doanh",
                "fields": ["Tên hộ kinh doanh", "Địa chỉ trụ sở", "Số điện thoại", "Lưu hồ sơ"],
                "highlight": "Tên hộ kinh doanh",
            },
        },
        {
            "title": "Chọn ngành nghề và nhập vốn",
            "instruction": "Ở ô “Ngành, nghề kinh doanh”, gõ vài chữ như “bán lẻ tạp hóa” rồi chọn dòng đúng trong danh sách. Nhập vốn kinh doanh bằng số, không có dấu chấm, ví dụ 50000000. Nhập số người lao động và ngày bắt đầu kinh doanh, ví dụ 01/03/2026.",
            "tips": ["Làm nhiều việc thì chọn đủ từng ngành nghề."],
            "mistakes": [
                "Gõ vốn kiểu “50 triệu” bằng chữ nên máy báo lỗi.",
                "Gõ ngày không có dấu “/” nên không lưu được.",
            ],
            "screen": {
                "heading": "Ngành nghề và vốn",
                "fields": [
                    "Ngành, nghề kinh doanh",
                    "Vốn kinh doanh (đồng)",
                    "Số lao động",
                    "Ngày bắt đầu kinh doanh",
                ],
                "highlight": "Vốn kinh doanh (đồng)",
            },
        },
        {
            "title": "Đính kèm giấy tờ và chọn cách nhận kết quả",
            "instruction": "Nếu cả gia đình cùng đăng ký, chụp biên bản họp gia đình và văn bản ủy quyền rồi bấm “Chọn tệp” để tải lên. Nếu chỉ một mình bạn, thường không phải tải gì thêm. Sau đó chọn nhận Giấy chứng nhận bản điện tử, tại một cửa, hoặc qua bưu chính công ích.",
            "tips": ["Chụp thẳng, đủ trang, không lóa; mỗi giấy một tệp."],
            "mistakes": ["Chụp cả xấp giấy trong một ảnh nhỏ, chữ không đọc được."],
            "screen": {
                "heading": "Thành phần hồ sơ",
                "fields": [
                    "Biên bản họp thành viên hộ gia đình",
                    "Chọn tệp",
                    "Hình thức nhận kết quả",
                ],
                "highlight": "Chọn tệp",
            },
        },
        {
            "title": "Nộp hồ sơ và trả lệ phí",
            "instruction": "Xem lại toàn bộ rồi bấm “Nộp hồ sơ”. Vào “Quản lý hồ sơ”, bấm “Yêu cầu thanh toán”, chọn cổng thanh toán quốc gia rồi chọn ngân hàng hoặc ví. Màn hình ghi lệ phí và phí giao dịch nếu có; trả xong sẽ thấy “Kết quả giao dịch thành công”.",
            "tips": ["Tải biên lai điện tử ở mục “Đã thanh toán” để giữ lại."],
            "mistakes": [
                "Đã trả tiền nhưng màn hình chưa đổi trạng thái nên trả thêm lần nữa. Chờ vài phút rồi xem lại."
            ],
            "screen": {
                "heading": "Thanh toán trực tuyến",
                "fields": ["Lệ phí", "Phí giao dịch", "Chọn ngân hàng hoặc ví", "Thanh toán"],
                "highlight": "Thanh toán",
            },
        },
        {
            "title": "Theo dõi hồ sơ và nhận Giấy chứng nhận",
            "instruction": "Ghi lại mã hồ sơ. Vào “Quản lý hồ sơ” xem trạng thái; nếu có yêu cầu bổ sung, đọc rõ giấy tờ nào còn thiếu và gửi lại. Khi có kết quả, tải Giấy chứng nhận đăng ký hộ kinh doanh về máy.",
            "tips": [
                "Mã số hộ kinh doanh cũng là mã số thuế: hỏi cán bộ thuế về việc khai và nộp thuế."
            ],
            "mistakes": ["Nhận giấy xong mà quên nghĩa vụ thuế, về sau bị nhắc nhở."],
            "screen": {
                "heading": "Quản lý hồ sơ",
                "fields": ["Mã hồ sơ", "Trạng thái: Đã xử lý xong", "Tải kết quả"],
                "highlight": "Tải kết quả",
            },
        },
    ],
}

BIEN_DONG_DAT_DAI = {
    "slug": "dang-ky-bien-dong-dat-dai",
    "title": "Đăng ký biến động đất đai, tài sản gắn liền với đất",
    "code": "",
    "sector": "dat-dai",
    "life_events": ["dat-dai"],
    "agency_level": "tinh",
    "agency": "Văn phòng đăng ký đất đai hoặc Chi nhánh Văn phòng đăng ký đất đai",
    "online_level": "mot_phan",
    "summary": "Đăng ký khi đất đã có Giấy chứng nhận (sổ đỏ) mà có thay đổi: sang tên do mua bán, tặng cho, thừa kế, hoặc đổi thông tin người sử dụng đất.",
    "audience": "Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất là công dân Việt Nam",
    "result": "Giấy chứng nhận được ghi thêm nội dung biến động, hoặc Giấy chứng nhận mới nếu có yêu cầu",
    "conditions": "Đất đã được cấp Giấy chứng nhận. Hợp đồng chuyển nhượng, tặng cho phải được công chứng hoặc chứng thực trước khi nộp. Bản gốc Giấy chứng nhận đã cấp phải nộp cho cơ quan đăng ký. Phải nộp xong thuế, lệ phí theo thông báo thì mới nhận kết quả.",
    "keywords": [
        "sang tên sổ đỏ",
        "sang tên đất",
        "đăng ký biến động",
        "tặng cho đất",
        "thừa kế đất",
        "chuyển nhượng quyền sử dụng đất",
        "sổ hồng",
        "mẫu 11/ĐK",
    ],
    "channels": [
        # time limit: illustrative, the reference gives none; each case has its own limit
        {
            "channel": "truc_tuyen",
            "time_limit_value": 10,
            "time_limit_unit": "ngay_lam_viec",
            "time_limit_note": "Mỗi trường hợp biến động có thời hạn riêng; xem thời hạn ghi ở trường hợp của bạn trên Cổng. Không tính thời gian bạn nộp thuế, lệ phí.",
            "fee": 0,
            "fee_note": "Theo mức thu của HĐND tỉnh. Thuế, lệ phí trước bạ (nếu có) nộp theo thông báo của cơ quan thuế.",
            "description": "Nộp trên Cổng Dịch vụ công quốc gia hoặc cổng của tỉnh; bản gốc Giấy chứng nhận vẫn phải nộp theo hướng dẫn của cán bộ.",
        },
        {
            "channel": "truc_tiep",
            "time_limit_value": 10,
            "time_limit_unit": "ngay_lam_viec",
            "time_limit_note": "Mỗi trường hợp biến động có thời hạn riêng; xem trên Cổng.",
            "fee": 0,
            "fee_note": "Theo mức thu của HĐND tỉnh",
            "description": "Nộp tại Trung tâm Phục vụ hành chính công hoặc nơi tiếp nhận của Văn phòng đăng ký đất đai.",
        },
        {
            "channel": "buu_chinh",
            "time_limit_value": 10,
            "time_limit_unit": "ngay_lam_viec",
            "time_limit_note": "Tính từ khi cơ quan nhận được hồ sơ hợp lệ.",
            "fee": 0,
            "fee_note": "Theo mức thu của HĐND tỉnh; cước bưu chính trả theo giá của bưu điện",
            "description": "Gửi hồ sơ và nhận kết quả qua dịch vụ bưu chính công ích.",
        },
    ],
    "documents": [
        {
            "name": "Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK)",
            "quantity": "01 bản",
            "lookup_from_database": False,
            "required": True,
            "note": "Nộp trực tuyến thì điền trên màn hình. Một số tỉnh dùng mẫu đánh số riêng.",
            "form_title": "Đơn đăng ký biến động đất đai, tài sản gắn liền với đất – Mẫu số 11/ĐK (mẫu luyện tập)",
        },
        {
            "name": "Giấy chứng nhận đã cấp",
            "quantity": "01 bản gốc",
            "lookup_from_database": False,
            "required": True,
            "note": "Chụp đủ các trang để tải lên; bản gốc nộp cho cơ quan đăng ký theo hướng dẫn của cán bộ.",
            "form_title": "",
        },
        {
            "name": "Hợp đồng hoặc văn bản chuyển nhượng, tặng cho, thừa kế",
            "quantity": "01 bản chính",
            "lookup_from_database": False,
            "required": False,
            "note": "Cần khi sang tên; phải công chứng hoặc chứng thực.",
            "form_title": "",
        },
        {
            "name": "Tờ khai lệ phí trước bạ (01/LPTB) và tờ khai thuế thu nhập cá nhân (03/BĐS-TNCN)",
            "quantity": "01 bản mỗi loại",
            "lookup_from_database": False,
            "required": False,
            "note": "Cần khi phát sinh thuế, lệ phí, thường là khi chuyển nhượng, tặng cho.",
            "form_title": "",
        },
        {
            "name": "Mảnh trích đo hoặc bản vẽ tách thửa, hợp thửa",
            "quantity": "01 bản",
            "lookup_from_database": False,
            "required": False,
            "note": "Chỉ cần khi có tách thửa, hợp thửa hoặc thay đổi ranh giới.",
            "form_title": "",
        },
        {
            "name": "Giấy tờ tùy thân (căn cước)",
            "quantity": "Số định danh cá nhân",
            "lookup_from_database": True,
            "required": True,
            "note": "Tra được trong Cơ sở dữ liệu quốc gia về dân cư thì không phải tải lên.",
            "form_title": "",
        },
        {
            "name": "Văn bản ủy quyền",
            "quantity": "01 bản",
            "lookup_from_database": False,
            "required": False,
            "note": "Chỉ cần khi nhờ người khác nộp thay.",
            "form_title": "",
        },
    ],
    "legal_basis": [
        {"number": "31/2024/QH15", "title": "Luật Đất đai", "date": "2024-01-18"},
        {
            "number": "101/2024/NĐ-CP",
            "title": "Quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và Hệ thống thông tin đất đai",
            "date": "",
        },
        _ND_118,
    ],
    "steps": [
        _LOGIN_STEP,
        {
            "title": "Tìm thủ tục và chọn trường hợp",
            "instruction": "Gõ “biến động đất đai” vào ô tìm kiếm, chọn “Đăng ký biến động đất đai, tài sản gắn liền với đất” rồi bấm “Nộp trực tuyến”. Chọn Tỉnh/Thành phố và Văn phòng hoặc Chi nhánh Văn phòng đăng ký đất đai nơi có đất. Ở ô “Trường hợp giải quyết”, chọn đúng việc của bạn: chuyển nhượng, tặng cho, thừa kế…",
            "tips": ["Mỗi trường hợp có thời hạn và giấy tờ riêng, đọc kỹ trước khi chọn."],
            "mistakes": ["Chọn sai trường hợp nên thiếu giấy tờ, bị yêu cầu bổ sung."],
            "screen": {
                "heading": "Chọn cơ quan và trường hợp",
                "fields": [
                    "Tỉnh/Thành phố",
                    "Chi nhánh Văn phòng đăng ký đất đai",
                    "Trường hợp giải quyết",
                    "Đồng ý",
                ],
                "highlight": "Trường hợp giải quyết",
            },
        },
        {
            "title": "Khai người sử dụng đất và thửa đất",
            "instruction": "Mở đơn Mẫu số 11/ĐK trên màn hình. Phần người sử dụng đất đã điền sẵn từ tài khoản. Nhìn vào sổ đỏ để nhập: thửa đất số, tờ bản đồ số, địa chỉ thửa đất, diện tích, số phát hành và số vào sổ của Giấy chứng nhận. Bấm “Lưu hồ sơ”.",
            "tips": [
                "Diện tích gõ bằng số, đúng như trên sổ, ví dụ 120,5.",
                "Ngày cấp sổ gõ có dấu “/”.",
            ],
            "mistakes": ["Nhầm số thửa với số tờ bản đồ. Xem kỹ hai dòng này trên sổ."],
            "screen": {
                "heading": "Đơn đăng ký biến động – Mẫu số 11/ĐK",
                "fields": [
                    "Thửa đất số",
                    "Tờ bản đồ số",
                    "Diện tích (m²)",
                    "Số phát hành Giấy chứng nhận",
                ],
                "highlight": "Thửa đất số",
            },
        },
        {
            "title": "Ghi nội dung biến động",
            "instruction": "Ở mục “Nội dung biến động”, ghi ngắn gọn đã thay đổi gì, ví dụ “Tặng cho toàn bộ thửa đất cho con là Nguyễn Văn A”. Nếu muốn nhận sổ mới, đánh dấu vào ô “Có nhu cầu cấp Giấy chứng nhận mới”. Bấm “Lưu hồ sơ”.",
            "tips": ["Ghi đúng như trong hợp đồng đã công chứng."],
            "mistakes": ["Quên đánh dấu ô cấp Giấy chứng nhận mới khi cần sổ mới."],
            "screen": {
                "heading": "Nội dung biến động",
                "fields": ["Nội dung biến động", "Có nhu cầu cấp Giấy chứng nhận mới", "Lưu hồ sơ"],
                "highlight": "Có nhu cầu cấp Giấy chứng nhận mới",
            },
        },
        {
            "title": "Chụp và đính kèm giấy tờ",
            "instruction": "Ở từng dòng “Thành phần hồ sơ”, bấm “Chọn tệp” và chụp: các trang của Giấy chứng nhận, hợp đồng đã công chứng, tờ khai thuế, lệ phí trước bạ. Chụp thẳng, đủ trang, không lóa, mỗi trang rõ chữ.",
            "tips": ["Chụp cả trang “Những thay đổi sau khi cấp Giấy chứng nhận”."],
            "mistakes": [
                "Chỉ chụp trang đầu của sổ, thiếu các trang sau.",
                "Quên đính kèm nên hồ sơ bị trả về vì “hồ sơ trống”.",
            ],
            "screen": {
                "heading": "Thành phần hồ sơ",
                "fields": [
                    "Giấy chứng nhận đã cấp",
                    "Hợp đồng đã công chứng",
                    "Tờ khai lệ phí trước bạ",
                    "Chọn tệp",
                ],
                "highlight": "Giấy chứng nhận đã cấp",
            },
        },
        {
            "title": "Chọn cách nhận kết quả và nộp",
            "instruction": "Chọn nhận kết quả tại một cửa hoặc qua bưu chính công ích. Xem lại rồi bấm “Nộp hồ sơ” một lần. Ghi lại mã hồ sơ hiện trên màn hình.",
            "tips": [
                "Thủ tục này làm trực tuyến một phần: bản gốc sổ đỏ vẫn phải nộp theo hướng dẫn của cán bộ."
            ],
            "mistakes": [
                "Nghĩ nộp trên mạng là xong, không mang bản gốc sổ đến nên hồ sơ bị chậm."
            ],
            "screen": {
                "heading": "Đăng ký nhận kết quả",
                "fields": [
                    "Nhận trực tiếp tại Bộ phận một cửa",
                    "Nhận qua bưu chính công ích",
                    "Nộp hồ sơ",
                ],
                "highlight": "Nộp hồ sơ",
            },
        },
        {
            "title": "Nộp thuế, lệ phí theo thông báo",
            "instruction": "Khi hồ sơ chuyển sang trạng thái “Yêu cầu thực hiện nghĩa vụ tài chính”, bạn nhận thông báo số thuế, lệ phí phải nộp. Vào “Quản lý hồ sơ”, bấm “Yêu cầu thanh toán”, chọn ngân hàng hoặc ví và trả. Màn hình ghi cả phí giao dịch trước khi bạn bấm trả.",
            "tips": ["Thời gian bạn đi nộp thuế không tính vào thời hạn giải quyết."],
            "mistakes": [
                "Trả tiền theo tin nhắn lạ hoặc đường link lạ. Chỉ trả trong “Quản lý hồ sơ” trên cổng thật."
            ],
            "screen": {
                "heading": "Nghĩa vụ tài chính",
                "fields": ["Thông báo nộp thuế", "Số tiền", "Phí giao dịch", "Thanh toán"],
                "highlight": "Thông báo nộp thuế",
            },
        },
        {
            "title": "Nhận Giấy chứng nhận",
            "instruction": "Theo dõi hồ sơ trong “Quản lý hồ sơ”. Khi có kết quả, mang bản gốc Giấy chứng nhận cũ (nếu chưa nộp) và căn cước đến nhận, hoặc chờ bưu điện giao. Kiểm tra tên, số thửa, diện tích trước khi ký nhận.",
            "tips": ["Nếu trễ hẹn, cơ quan phải gửi phiếu xin lỗi và hẹn lại ngày trả."],
            "mistakes": ["Không kiểm tra thông tin trên sổ mới ngay tại chỗ, về nhà mới thấy sai."],
            "screen": {
                "heading": "Quản lý hồ sơ",
                "fields": ["Mã hồ sơ", "Trạng thái: Đã xử lý xong", "Lịch hẹn trả kết quả"],
                "highlight": "Lịch hẹn trả kết quả",
            },
        },
    ],
}

THUONG_TRU = {
    "slug": "dang-ky-thuong-tru",
    "title": "Đăng ký thường trú",
    "code": "",
    "sector": "cu-tru",
    "life_events": ["cu-tru"],
    "agency_level": "xa",
    "agency": "Công an cấp xã nơi bạn đến ở",
    "online_level": "toan_trinh",
    "summary": "Đăng ký nơi ở lâu dài (thường gọi là nhập hộ khẩu) khi về nhà mới, về ở với người thân hoặc ở nhà thuê, nhà mượn.",
    "audience": "Công dân Việt Nam có chỗ ở hợp pháp",
    "result": "Thông tin thường trú được cập nhật vào Cơ sở dữ liệu về cư trú; bạn nhận thông báo kết quả",
    "conditions": "Có chỗ ở hợp pháp (nhà của mình, nhà người thân, nhà thuê hoặc mượn). Ở nhà không phải của mình thì phải được chủ hộ, chủ nhà đồng ý. Nhà thuê, mượn phải bảo đảm diện tích tối thiểu theo quy định của HĐND tỉnh.",
    "keywords": [
        "nhập hộ khẩu",
        "đăng ký hộ khẩu",
        "chuyển hộ khẩu",
        "thường trú",
        "đăng ký thường trú online",
        "nhập khẩu vào nhà người thân",
    ],
    "channels": [
        {
            "channel": "truc_tuyen",
            "time_limit_value": 7,
            "time_limit_unit": "ngay_lam_viec",
            "time_limit_note": "Tính từ khi nhận đủ hồ sơ hợp lệ.",
            "fee": 0,
            "fee_note": "Theo mức thu của HĐND tỉnh; nếu có lệ phí, Cổng hiện số tiền trước khi bạn trả.",
            "description": "Nộp trên Cổng Dịch vụ công quốc gia, Cổng dịch vụ công Bộ Công an hoặc ứng dụng VNeID.",
        },
        {
            "channel": "truc_tiep",
            "time_limit_value": 7,
            "time_limit_unit": "ngay_lam_viec",
            "time_limit_note": "Tính từ khi nhận đủ hồ sơ hợp lệ.",
            "fee": 0,
            "fee_note": "Theo mức thu của HĐND tỉnh",
            "description": "Nộp tại Công an xã, phường nơi bạn đến ở.",
        },
    ],
    "documents": [
        {
            "name": "Tờ khai thay đổi thông tin cư trú",
            "quantity": "01 bản",
            "lookup_from_database": False,
            "required": True,
            "note": "Nộp trực tuyến thì điền trên màn hình. Tờ khai có phần ghi ý kiến đồng ý của chủ hộ, chủ nhà.",
            "form_title": "Tờ khai thay đổi thông tin cư trú (mẫu luyện tập)",
        },
        {
            "name": "Giấy tờ chứng minh chỗ ở hợp pháp",
            "quantity": "01 bản chụp",
            "lookup_from_database": False,
            "required": True,
            "note": "Ví dụ Giấy chứng nhận quyền sử dụng đất, hợp đồng thuê nhà, hợp đồng mượn nhà. Thông tin đã có trong cơ sở dữ liệu thì không phải nộp.",
            "form_title": "",
        },
        {
            "name": "Văn bản đồng ý của chủ hộ, chủ nhà",
            "quantity": "01 bản",
            "lookup_from_database": False,
            "required": False,
            "note": "Chỉ cần khi ý kiến đồng ý chưa ghi trong tờ khai.",
            "form_title": "",
        },
        {
            "name": "Giấy tờ chứng minh quan hệ với chủ hộ",
            "quantity": "01 bản chụp",
            "lookup_from_database": True,
            "required": False,
            "note": "Cần khi về ở nhà người thân, ví dụ vợ về nhà chồng, con về nhà cha mẹ. Tra được trong cơ sở dữ liệu thì không phải nộp.",
            "form_title": "",
        },
    ],
    "legal_basis": [
        {"number": "68/2020/QH14", "title": "Luật Cư trú", "date": "2020-11-13"},
        _ND_118,
    ],
    "steps": [
        _LOGIN_STEP,
        {
            "title": "Tìm thủ tục đăng ký thường trú",
            "instruction": "Gõ “thường trú” vào ô tìm kiếm rồi bấm kính lúp. Chọn dòng “Đăng ký thường trú” và bấm “Nộp trực tuyến”.",
            "tips": ["Cũng làm được trên dichvucong.bocongan.gov.vn hoặc ứng dụng VNeID."],
            "mistakes": [
                "Chọn nhầm “Đăng ký tạm trú”. Tạm trú là ở có thời hạn; thường trú là ở lâu dài."
            ],
            "screen": {
                "heading": "Tìm kiếm thủ tục",
                "fields": ["Nhập từ khóa tìm kiếm", "Đăng ký thường trú", "Nộp trực tuyến"],
                "highlight": "Đăng ký thường trú",
            },
        },
        {
            "title": "Chọn Công an xã và trường hợp",
            "instruction": "Chọn Tỉnh/Thành phố và Công an xã, phường nơi bạn chuyển đến ở. Chọn trường hợp: nhà của mình, nhà người thân, hay nhà thuê, mượn. Bấm “Đồng ý”.",
            "tips": ["Chọn nơi bạn đến ở, không phải nơi bạn đi."],
            "mistakes": ["Chọn Công an nơi ở cũ nên hồ sơ bị từ chối."],
            "screen": {
                "heading": "Chọn cơ quan thực hiện",
                "fields": ["Tỉnh/Thành phố", "Công an xã/phường", "Trường hợp", "Đồng ý"],
                "highlight": "Trường hợp",
            },
        },
        {
            "title": "Điền tờ khai thay đổi thông tin cư trú",
            "instruction": "Thông tin của bạn đã có sẵn. Nhập địa chỉ nơi đăng ký thường trú, họ tên và số định danh của chủ hộ, quan hệ của bạn với chủ hộ. Ở ô “Nội dung đề nghị”, ghi ví dụ “Đăng ký thường trú vào hộ ông Nguyễn Văn B”. Bấm “Lưu hồ sơ”.",
            "tips": ["Ghi đúng số nhà, thôn, tổ dân phố."],
            "mistakes": ["Quên bấm “Lưu hồ sơ”, rớt mạng là phải gõ lại."],
            "screen": {
                "heading": "Tờ khai thay đổi thông tin cư trú",
                "fields": [
                    "Địa chỉ đăng ký thường trú",
                    "Họ tên chủ hộ",
                    "Quan hệ với chủ hộ",
                    "Lưu hồ sơ",
                ],
                "highlight": "Quan hệ với chủ hộ",
            },
        },
        {
            "title": "Lấy ý kiến đồng ý của chủ hộ",
            "instruction": "Nếu nhà không phải của bạn, chủ hộ hoặc chủ nhà phải đồng ý cho bạn đăng ký. Nhờ chủ hộ ghi ý kiến và ký vào tờ khai, hoặc viết giấy đồng ý riêng, rồi chụp tải lên. Nếu Cổng có cách để chủ hộ xác nhận trên ứng dụng, làm theo hướng dẫn trên màn hình.",
            "tips": ["Nhà của chính bạn thì bỏ qua bước này."],
            "mistakes": ["Không có ý kiến chủ hộ nên hồ sơ bị yêu cầu bổ sung."],
            "screen": {
                "heading": "Ý kiến của chủ hộ",
                "fields": ["Ý kiến đồng ý của chủ hộ", "Chọn tệp", "Lưu hồ sơ"],
                "highlight": "Ý kiến đồng ý của chủ hộ",
            },
        },
        {
            "title": "Đính kèm giấy tờ chỗ ở hợp pháp",
            "instruction": "Bấm “Chọn tệp” và chụp giấy tờ chỗ ở: sổ đỏ, hợp đồng thuê hoặc mượn nhà. Chụp thẳng, đủ trang, không lóa đèn.",
            "tips": ["Hợp đồng nhiều trang thì chụp đủ từng trang."],
            "mistakes": ["Ảnh mờ hoặc thiếu trang có chữ ký nên cán bộ yêu cầu bổ sung."],
            "screen": {
                "heading": "Thành phần hồ sơ",
                "fields": ["Giấy tờ chứng minh chỗ ở hợp pháp", "Chọn tệp", "Thêm thành phần"],
                "highlight": "Chọn tệp",
            },
        },
        {
            "title": "Nộp hồ sơ, trả lệ phí nếu có",
            "instruction": "Xem lại rồi bấm “Nộp hồ sơ” một lần. Nếu tỉnh có thu lệ phí, bấm “Thanh toán”, xem số tiền và phí giao dịch rồi trả. Màn hình hiện mã hồ sơ, hãy chép lại.",
            "tips": ["Tải biên lai điện tử để giữ lại."],
            "mistakes": [
                "Trả tiền hai lần vì màn hình chậm. Xem trạng thái trong “Quản lý hồ sơ” trước."
            ],
            "screen": {
                "heading": "Đăng ký hồ sơ thành công",
                "fields": ["Mã hồ sơ", "Thanh toán", "Quản lý hồ sơ cá nhân"],
                "highlight": "Mã hồ sơ",
            },
        },
        {
            "title": "Theo dõi và xem kết quả",
            "instruction": "Vào “Quản lý hồ sơ” xem trạng thái. Nếu có yêu cầu bổ sung, đọc rõ cần giấy gì rồi gửi lại. Khi xong, bạn nhận thông báo; mở VNeID, mục thông tin cư trú sẽ hiện địa chỉ thường trú mới.",
            "tips": ["Thời hạn giải quyết là 7 ngày làm việc."],
            "mistakes": ["Không mở tin nhắn, thư điện tử nên lỡ yêu cầu bổ sung."],
            "screen": {
                "heading": "Quản lý hồ sơ",
                "fields": ["Mã hồ sơ", "Trạng thái: Đang xử lý", "Bổ sung hồ sơ"],
                "highlight": "Trạng thái: Đang xử lý",
            },
        },
    ],
}

OTHER_PROCEDURES = [HO_KINH_DOANH, BIEN_DONG_DAT_DAI, THUONG_TRU]
