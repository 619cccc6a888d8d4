"""Demo procedures (hộ tịch, lý lịch tư pháp) loaded by ``manage.py seed_demo``.

Pure data, facts as of 2026 from the national portal's procedure pages and the laws
they cite. Editors must verify them on dichvucong.gov.vn before publishing.
Imported by procedures.py, which exposes them as part of PROCEDURES.
"""

_LUAT_HO_TICH = {"number": "60/2014/QH13", "title": "Luật Hộ tịch", "date": "2014-11-20"}
_ND_123 = {
    "number": "123/2015/NĐ-CP",
    "title": "Quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch",
    "date": "2015-11-15",
}
_TT_01_2022 = {
    "number": "01/2022/TT-BTP",
    "title": "Quy định chi tiết một số điều và biện pháp thi hành Nghị định số 87/2020/NĐ-CP về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực tuyến",
    "date": "2022-01-04",
}
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

KHAI_SINH = {
    "slug": "dang-ky-khai-sinh",
    "title": "Đăng ký khai sinh",
    "code": "1.001193",
    "sector": "ho-tich",
    "life_events": ["co-con"],
    "agency_level": "xa",
    "agency": "Ủy ban nhân dân cấp xã (Trung tâm Phục vụ hành chính công cấp xã)",
    "online_level": "toan_trinh",
    "summary": "Làm Giấy khai sinh cho trẻ mới sinh. Cha, mẹ hoặc người thân của trẻ nộp hồ sơ, bé được cấp số định danh cá nhân ngay khi đăng ký.",
    "audience": "Công dân Việt Nam (cha, mẹ, ông, bà hoặc người thân có trách nhiệm đi khai sinh cho trẻ)",
    "result": "Giấy khai sinh (bản điện tử và bản giấy); trẻ được cấp số định danh cá nhân",
    "conditions": "Cha, mẹ đi khai sinh cho con trong 60 ngày kể từ ngày sinh. Tên của trẻ không đặt quá dài, khó sử dụng. Người đi khai phải cam đoan nội dung khai là đúng sự thật; cam đoan sai thì việc đăng ký có thể bị từ chối hoặc bị hủy.",
    "keywords": [
        "làm giấy khai sinh",
        "khai sinh cho con",
        "giấy khai sinh",
        "khai sinh online",
        "đăng ký khai sinh trực tuyến",
        "giấy chứng sinh",
    ],
    "channels": [
        {
            "channel": "truc_tuyen",
            "time_limit_value": 1,
            "time_limit_unit": "ngay_lam_viec",
            "time_limit_note": "Hồ sơ nhận sau 15 giờ được hẹn trả vào ngày làm việc tiếp theo.",
            "fee": 0,
            "fee_note": "Miễn lệ phí",
            "description": "Nộp trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn) bằng tài khoản VNeID mức độ 2. Nhận Giấy khai sinh điện tử, có thể xin thêm bản giấy.",
        },
        {
            "channel": "truc_tiep",
            "time_limit_value": 1,
            "time_limit_unit": "ngay_lam_viec",
            "time_limit_note": "Hồ sơ nhận sau 15 giờ được hẹn trả vào ngày làm việc tiếp theo.",
            "fee": 0,
            "fee_note": "Miễn lệ phí",
            "description": "Đến Trung tâm Phục vụ hành chính công của xã, phường; cán bộ hướng dẫn bạn nộp trên Cổng.",
        },
        {
            "channel": "buu_chinh",
            "time_limit_value": 1,
            "time_limit_unit": "ngay_lam_viec",
            "time_limit_note": "Tính từ khi cơ quan nhận được hồ sơ.",
            "fee": 0,
            "fee_note": "Miễn lệ phí; cước bưu chính trả theo giá của bưu điện",
            "description": "Gửi hồ sơ và nhận kết quả qua dịch vụ bưu chính công ích.",
        },
    ],
    "documents": [
        {
            "name": "Tờ khai đăng ký khai sinh",
            "quantity": "01 bản",
            "lookup_from_database": False,
            "required": True,
            "note": "Nộp trực tuyến thì điền biểu mẫu điện tử ngay trên màn hình, không phải tải tờ khai lên.",
            "form_title": "Tờ khai đăng ký khai sinh (mẫu luyện tập)",
        },
        {
            "name": "Giấy chứng sinh",
            "quantity": "01 bản chính hoặc bản chụp",
            "lookup_from_database": False,
            "required": True,
            "note": "Không cần nộp nếu bệnh viện đã gửi giấy chứng sinh điện tử. Không có giấy chứng sinh thì nộp văn bản của người làm chứng; không có người làm chứng thì làm giấy cam đoan về việc sinh.",
            "form_title": "",
        },
        {
            "name": "Giấy tờ tùy thân của người đi khai (căn cước)",
            "quantity": "Chỉ ghi số định danh cá nhân",
            "lookup_from_database": True,
            "required": True,
            "note": "Hệ thống tự tra cứu trong Cơ sở dữ liệu quốc gia về dân cư, bạn không phải chụp tải lên.",
            "form_title": "",
        },
        {
            "name": "Giấy tờ chứng minh nơi cư trú",
            "quantity": "01 bản chụp",
            "lookup_from_database": True,
            "required": False,
            "note": "Chỉ cần khi cán bộ không tra cứu được thông tin cư trú trong Cơ sở dữ liệu quốc gia về dân cư.",
            "form_title": "",
        },
        {
            "name": "Văn bản ủy quyền",
            "quantity": "01 bản",
            "lookup_from_database": False,
            "required": False,
            "note": "Chỉ cần khi nhờ người khác đi khai. Phải chứng thực, trừ khi người được nhờ là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người nhờ.",
            "form_title": "",
        },
        {
            "name": "Biên bản xác nhận trẻ bị bỏ rơi hoặc văn bản xác nhận của cơ sở y tế về việc mang thai hộ",
            "quantity": "01 bản",
            "lookup_from_database": False,
            "required": False,
            "note": "Chỉ dùng cho các trường hợp đặc biệt này.",
            "form_title": "",
        },
    ],
    "legal_basis": [_LUAT_HO_TICH, _ND_123, _TT_01_2022, _ND_118],
    "steps": [
        {
            "title": "Đăng nhập bằng tài khoản VNeID",
            "instruction": "Mở trang dichvucong.gov.vn, bấm nút “Đăng nhập”. Chọn “Tài khoản định danh điện tử cấp bởi Bộ Công an”, màn hình hiện một mã QR. Mở ứng dụng VNeID trên điện thoại, bấm biểu tượng quét mã QR, hướng điện thoại vào mã trên màn hình rồi bấm xác nhận. Trang web tự chuyển sang và góc trên hiện tên của bạn.",
            "tips": [
                "Tài khoản VNeID phải là mức độ 2, làm tại Công an.",
                "Nếu VNeID báo chưa cho phép đăng nhập trang web, bấm đồng ý cấp quyền rồi quét lại.",
            ],
            "mistakes": [
                "Vào nhầm trang giả có tên gần giống. Chỉ dùng dichvucong.gov.vn.",
                "Đọc mã OTP hoặc mật khẩu cho người khác qua điện thoại. Không cơ quan nào hỏi mã OTP của bạn.",
            ],
            "screen": _VNEID_LOGIN_SCREEN,
        },
        {
            "title": "Tìm thủ tục đăng ký khai sinh",
            "instruction": "Bấm vào ô tìm kiếm ở đầu trang, gõ chữ “khai sinh” rồi bấm hình kính lúp. Trong danh sách, chọn dòng “Đăng ký khai sinh”. Đọc qua các giấy tờ cần có, rồi bấm nút “Nộp trực tuyến”.",
            "tips": [
                "Bé dưới 6 tuổi mà muốn làm luôn thường trú và thẻ bảo hiểm y tế thì chọn thủ tục liên thông.",
                "Đọc mục “Thành phần hồ sơ” để chuẩn bị giấy tờ trước khi làm.",
            ],
            "mistakes": [
                "Chọn nhầm “Đăng ký lại khai sinh” hoặc khai sinh có yếu tố nước ngoài. Đọc kỹ tên thủ tục trước khi bấm."
            ],
            "screen": {
                "heading": "Tìm kiếm thủ tục",
                "fields": ["Nhập từ khóa tìm kiếm", "Đăng ký khai sinh", "Nộp trực tuyến"],
                "highlight": "Nộp trực tuyến",
            },
        },
        {
            "title": "Chọn xã, phường nơi đăng ký",
            "instruction": "Chọn Tỉnh/Thành phố, rồi chọn Xã/Phường nơi cha hoặc mẹ của bé cư trú. Bấm “Đồng ý”. Trang tự chuyển sang Cổng dịch vụ công của tỉnh để bạn khai tiếp.",
            "tips": ["Từ ngày 1/7/2025 không còn cấp huyện: bạn chọn thẳng xã, phường."],
            "mistakes": ["Chọn nhầm xã khác nơi cư trú: hồ sơ bị trả lại và phải nộp lại từ đầu."],
            "screen": {
                "heading": "Chọn cơ quan thực hiện",
                "fields": ["Tỉnh/Thành phố", "Xã/Phường/Đặc khu", "Đồng ý"],
                "highlight": "Xã/Phường/Đặc khu",
            },
        },
        {
            "title": "Điền tờ khai điện tử",
            "instruction": "Thông tin của bạn đã được điền sẵn từ tài khoản. Bạn nhập thông tin của bé: họ tên, giới tính, ngày sinh, nơi sinh, dân tộc, quê quán; rồi thông tin của mẹ và cha. Cuối tờ khai, đánh dấu vào ô cam đoan khai đúng sự thật. Xong mỗi phần, bấm “Lưu hồ sơ”.",
            "tips": ["Gõ ngày sinh có dấu “/”, ví dụ 05/03/2026.", "Đặt tên bé ngắn gọn, dễ đọc."],
            "mistakes": [
                "Gõ ngày sinh liền một dãy số như 05032026 nên máy báo lỗi. Gõ đủ dấu “/”.",
                "Không bấm “Lưu hồ sơ”, rớt mạng là mất hết, phải gõ lại.",
            ],
            "screen": {
                "heading": "Tờ khai đăng ký khai sinh",
                "fields": [
                    "Họ, chữ đệm, tên của trẻ",
                    "Ngày, tháng, năm sinh",
                    "Nơi sinh",
                    "Lưu hồ sơ",
                ],
                "highlight": "Ngày, tháng, năm sinh",
            },
        },
        {
            "title": "Chụp và đính kèm giấy chứng sinh",
            "instruction": "Ở mục “Thành phần hồ sơ”, dòng “Giấy chứng sinh”, bấm “Chọn tệp” rồi chọn “Chụp ảnh”. Đặt giấy lên mặt bàn phẳng, chụp thẳng, thấy đủ cả trang, không bị lóa đèn. Khi tên tệp hiện bên cạnh dòng đó là đã đính kèm xong.",
            "tips": [
                "Nếu bệnh viện đã gửi giấy chứng sinh điện tử, hệ thống tự lấy, bạn không cần chụp.",
                "Căn cước của bạn đã có trong hệ thống, không phải chụp.",
            ],
            "mistakes": [
                "Ảnh mờ, mất góc hoặc bị lóa: cán bộ phải yêu cầu bổ sung, bạn mất thêm ngày.",
                "Quên đính kèm: hồ sơ bị trả về với lý do “hồ sơ trống, không có tệp đính kèm”.",
            ],
            "screen": {
                "heading": "Thành phần hồ sơ",
                "fields": ["Giấy chứng sinh", "Chọn tệp", "Chụp ảnh", "Văn bản ủy quyền (nếu có)"],
                "highlight": "Chọn tệp",
            },
        },
        {
            "title": "Chọn cách nhận kết quả",
            "instruction": "Chọn cách bạn muốn nhận Giấy khai sinh: bản điện tử trên Cổng, nhận tại Bộ phận một cửa của xã, hoặc gửi về nhà qua bưu chính công ích. Nếu gửi qua bưu điện, nhập đúng địa chỉ và số điện thoại. Thủ tục này miễn lệ phí nên không có bước trả tiền.",
            "tips": [
                "Giấy khai sinh điện tử có giá trị như bản giấy.",
                "Cước bưu điện trả khi nhận giấy.",
            ],
            "mistakes": ["Ghi thiếu số nhà, thôn, ấp nên bưu điện không giao được."],
            "screen": {
                "heading": "Đăng ký nhận kết quả",
                "fields": [
                    "Nhận kết quả trực tuyến",
                    "Nhận trực tiếp tại Bộ phận một cửa",
                    "Nhận qua bưu chính công ích",
                ],
                "highlight": "Nhận kết quả trực tuyến",
            },
        },
        {
            "title": "Kiểm tra lại và nộp hồ sơ",
            "instruction": "Kéo xuống xem lại từng dòng thông tin và các tệp đã đính kèm. Thấy đúng hết thì bấm “Nộp hồ sơ” một lần. Màn hình hiện “Đăng ký hồ sơ thành công” kèm mã hồ sơ.",
            "tips": ["Chép mã hồ sơ ra giấy hoặc chụp màn hình lại."],
            "mistakes": [
                "Thấy chậm nên bấm “Nộp hồ sơ” nhiều lần, tạo ra nhiều hồ sơ trùng. Bấm một lần rồi chờ."
            ],
            "screen": {
                "heading": "Kiểm tra lại thông tin",
                "fields": ["Thông tin người nộp", "Tờ khai", "Tệp đính kèm", "Nộp hồ sơ"],
                "highlight": "Nộp hồ sơ",
            },
        },
        {
            "title": "Xem bản dự thảo và theo dõi hồ sơ",
            "instruction": "Vào “Quản lý hồ sơ” để xem hồ sơ đang ở bước nào. Cán bộ hộ tịch sẽ gửi bản dự thảo Giấy khai sinh điện tử qua thư điện tử hoặc tin nhắn. Bạn xem kỹ họ tên, ngày sinh của bé và xác nhận trong 1 ngày; không trả lời thì được coi là đồng ý.",
            "tips": [
                "Nếu trễ hẹn, cơ quan gửi phiếu xin lỗi và hẹn lại ngày trả.",
                "Tra cứu hồ sơ cần mã hồ sơ và số căn cước.",
            ],
            "mistakes": [
                "Không xem bản dự thảo, đến khi nhận giấy mới thấy sai tên và phải làm thêm thủ tục sửa."
            ],
            "screen": {
                "heading": "Quản lý hồ sơ",
                "fields": [
                    "Mã hồ sơ",
                    "Trạng thái: Đang xử lý",
                    "Xem bản dự thảo",
                    "Bổ sung hồ sơ",
                ],
                "highlight": "Xem bản dự thảo",
            },
        },
    ],
}

LIEN_THONG_KHAI_SINH = {
    "slug": "lien-thong-khai-sinh",
    "title": "Liên thông thủ tục đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
    "code": "3.000722",
    "sector": "ho-tich",
    "life_events": ["co-con", "cu-tru"],
    "agency_level": "xa",
    "agency": "Ủy ban nhân dân cấp xã (khai sinh), Công an cấp xã (thường trú), cơ quan Bảo hiểm xã hội (thẻ bảo hiểm y tế)",
    "online_level": "toan_trinh",
    "summary": "Nộp một lần mà làm được ba việc cho bé dưới 6 tuổi: Giấy khai sinh, đăng ký thường trú và thẻ bảo hiểm y tế. Dành cho cha mẹ không muốn đi nhiều nơi.",
    "audience": "Công dân Việt Nam là cha, mẹ hoặc người đi khai sinh cho trẻ em dưới 6 tuổi",
    "result": "Giấy khai sinh điện tử, số định danh cá nhân của trẻ, thông tin thường trú được cập nhật và thẻ bảo hiểm y tế điện tử",
    "conditions": "Trẻ dưới 6 tuổi. Người nộp đăng nhập bằng tài khoản định danh điện tử (VNeID) mức độ 2 và không phải ký số vào tờ khai. Nếu cơ quan yêu cầu bổ sung, bạn có 7 ngày làm việc để bổ sung; quá hạn thì hồ sơ bị dừng xử lý.",
    "keywords": [
        "liên thông khai sinh",
        "khai sinh thường trú bảo hiểm y tế",
        "làm giấy khai sinh cho con",
        "nhập hộ khẩu cho con",
        "thẻ bảo hiểm y tế cho trẻ",
        "khai sinh trên VNeID",
    ],
    "channels": [
        {
            "channel": "truc_tuyen",
            "time_limit_value": 3,
            "time_limit_unit": "ngay_lam_viec",
            "time_limit_note": "Khai sinh trong 24 giờ; cần xác minh thì cả gói không quá 5 ngày làm việc. Nộp sau 15 giờ thì tính từ ngày làm việc tiếp theo.",
            "fee": 0,
            "fee_note": "Khai sinh và thẻ bảo hiểm y tế miễn phí; lệ phí đăng ký thường trú (nếu có) theo mức thu của HĐND tỉnh",
            "description": "Nộp trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID. Nếu có lệ phí, phải trả xong thì hồ sơ mới được chuyển đi các cơ quan.",
        },
        {
            "channel": "truc_tiep",
            "time_limit_value": 3,
            "time_limit_unit": "ngay_lam_viec",
            "time_limit_note": "Cần xác minh thì không quá 5 ngày làm việc.",
            "fee": 0,
            "fee_note": "Như nộp trực tuyến",
            "description": "Đến Trung tâm Phục vụ hành chính công của xã, phường; giấy tờ giấy được số hóa và nộp lên Cổng.",
        },
    ],
    "documents": [
        {
            "name": "Tờ khai điện tử liên thông",
            "quantity": "01 bản",
            "lookup_from_database": True,
            "required": True,
            "note": "Điền trên màn hình; nhiều ô được điền sẵn từ cơ sở dữ liệu dân cư, hộ tịch và bảo hiểm.",
            "form_title": "Tờ khai liên thông khai sinh, thường trú, bảo hiểm y tế (mẫu luyện tập)",
        },
        {
            "name": "Giấy chứng sinh",
            "quantity": "01 bản điện tử hoặc bản chụp",
            "lookup_from_database": True,
            "required": True,
            "note": "Bệnh viện đã gửi giấy chứng sinh điện tử thì không phải tải lên. Không có giấy chứng sinh thì dùng giấy tờ thay thế như khi đăng ký khai sinh.",
            "form_title": "",
        },
        {
            "name": "Giấy tờ chứng minh chỗ ở hợp pháp",
            "quantity": "01 bản chụp",
            "lookup_from_database": False,
            "required": False,
            "note": "Chỉ cần khi đăng ký thường trú cho bé ở địa chỉ khác với nơi thường trú của cha, mẹ.",
            "form_title": "",
        },
    ],
    "legal_basis": [
        {
            "number": "63/2024/NĐ-CP",
            "title": "Quy định thực hiện liên thông điện tử 02 nhóm thủ tục hành chính: đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi; đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí, tử tuất",
            "date": "",
        },
        _LUAT_HO_TICH,
        {"number": "68/2020/QH14", "title": "Luật Cư trú", "date": "2020-11-13"},
        _ND_118,
    ],
    "steps": [
        {
            "title": "Đăng nhập bằng tài khoản VNeID",
            "instruction": "Vào dichvucong.gov.vn, bấm “Đăng nhập”, chọn “Tài khoản định danh điện tử cấp bởi Bộ Công an”. Mở ứng dụng VNeID, quét mã QR trên màn hình và bấm xác nhận. Bạn cũng có thể làm ngay trong ứng dụng VNeID, mục “Thủ tục hành chính”.",
            "tips": [
                "Người đăng nhập nên là cha hoặc mẹ của bé, tài khoản mức độ 2.",
                "Không cần chữ ký số.",
            ],
            "mistakes": [
                "Dùng tài khoản mức độ 1 nên không làm được thủ tục. Ra Công an xã để nâng lên mức độ 2."
            ],
            "screen": _VNEID_LOGIN_SCREEN,
        },
        {
            "title": "Chọn dịch vụ liên thông khai sinh",
            "instruction": "Trên trang chủ, bấm “Dịch vụ công liên thông khai sinh, khai tử”. Chọn “Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi”. Màn hình hiện tờ khai với nhiều ô đã điền sẵn.",
            "tips": [
                "Trên ứng dụng VNeID: “Thủ tục hành chính” rồi “Đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT”."
            ],
            "mistakes": [
                "Làm thủ tục khai sinh riêng rồi lại đi đăng ký thường trú, làm thẻ bảo hiểm y tế riêng. Dùng gói liên thông để nộp một lần."
            ],
            "screen": {
                "heading": "Dịch vụ công liên thông",
                "fields": ["Liên thông khai sinh", "Liên thông khai tử", "Bắt đầu"],
                "highlight": "Liên thông khai sinh",
            },
        },
        {
            "title": "Chọn nơi đăng ký cho bé",
            "instruction": "Chọn Tỉnh/Thành phố và Xã/Phường nơi đăng ký khai sinh. Chọn địa chỉ đăng ký thường trú cho bé; thường là nơi thường trú của cha hoặc mẹ. Bấm “Tiếp tục”.",
            "tips": ["Chọn thẳng xã, phường; từ 1/7/2025 không còn cấp huyện."],
            "mistakes": [
                "Chọn địa chỉ thường trú khác nơi ở của cha mẹ mà không đính kèm giấy tờ chỗ ở: hồ sơ bị yêu cầu bổ sung."
            ],
            "screen": {
                "heading": "Nơi đăng ký",
                "fields": [
                    "Tỉnh/Thành phố",
                    "Xã/Phường/Đặc khu",
                    "Địa chỉ thường trú của trẻ",
                    "Tiếp tục",
                ],
                "highlight": "Địa chỉ thường trú của trẻ",
            },
        },
        {
            "title": "Điền thông tin của bé",
            "instruction": "Thông tin của cha, mẹ đã có sẵn, bạn chỉ cần xem lại. Nhập họ tên bé, giới tính, ngày sinh, nơi sinh, dân tộc, quê quán. Chọn nơi khám chữa bệnh ban đầu cho thẻ bảo hiểm y tế. Bấm “Lưu” sau mỗi phần.",
            "tips": [
                "Gõ ngày có dấu “/”, ví dụ 12/01/2026.",
                "Nơi khám chữa bệnh ban đầu nên chọn trạm y tế hoặc bệnh viện gần nhà.",
            ],
            "mistakes": [
                "Bỏ qua thông tin cha mẹ đã điền sẵn mà không đọc lại. Nếu sai, báo cán bộ sửa trước khi nộp."
            ],
            "screen": {
                "heading": "Thông tin của trẻ",
                "fields": ["Họ, chữ đệm, tên", "Ngày sinh", "Nơi khám chữa bệnh ban đầu", "Lưu"],
                "highlight": "Ngày sinh",
            },
        },
        {
            "title": "Đính kèm giấy chứng sinh",
            "instruction": "Nếu màn hình báo đã có giấy chứng sinh điện tử từ bệnh viện, bạn không phải làm gì thêm. Nếu chưa có, bấm “Chọn tệp” rồi chụp giấy chứng sinh: đặt trên bàn phẳng, chụp thẳng, đủ trang, không lóa.",
            "tips": ["Giấy tờ giấy phải chụp lại thành ảnh mới nộp được."],
            "mistakes": [
                "Chụp nghiêng, mất chữ ở mép giấy. Chụp lại cho đủ bốn góc.",
                "Quên đính kèm nên hồ sơ bị trả về vì “hồ sơ trống”.",
            ],
            "screen": {
                "heading": "Thành phần hồ sơ",
                "fields": ["Giấy chứng sinh", "Chọn tệp", "Giấy tờ chỗ ở hợp pháp (nếu có)"],
                "highlight": "Chọn tệp",
            },
        },
        {
            "title": "Nộp hồ sơ và trả lệ phí trước",
            "instruction": "Xem lại toàn bộ, bấm “Nộp hồ sơ”. Nếu Cổng báo có lệ phí đăng ký thường trú, bấm “Thanh toán”, chọn ngân hàng hoặc ví điện tử và trả. Màn hình hiện “Kết quả giao dịch thành công”; chỉ khi đó hồ sơ mới được chuyển đi các cơ quan.",
            "tips": [
                "Trang thanh toán ghi rõ số tiền và phí giao dịch của ngân hàng trước khi bạn bấm trả.",
                "Khai sinh và thẻ bảo hiểm y tế không mất tiền.",
            ],
            "mistakes": [
                "Nộp xong mà chưa thanh toán nên hồ sơ nằm chờ mãi.",
                "Thấy chậm nên trả hai lần. Vào “Quản lý hồ sơ” xem trạng thái trước khi trả lại.",
            ],
            "screen": {
                "heading": "Thanh toán lệ phí",
                "fields": ["Số tiền", "Phí giao dịch", "Chọn ngân hàng hoặc ví", "Thanh toán"],
                "highlight": "Thanh toán",
            },
        },
        {
            "title": "Ghi lại mã hồ sơ",
            "instruction": "Màn hình hiện “Đăng ký hồ sơ thành công” và mã hồ sơ. Chép mã ra giấy hoặc chụp màn hình. Cổng và VNeID sẽ gửi thông báo, tin nhắn khi từng việc xong.",
            "tips": ["Mã hồ sơ dùng để tra cứu và đánh giá hài lòng sau này."],
            "mistakes": ["Tắt trang ngay mà không ghi mã. Nếu lỡ, vào “Quản lý hồ sơ” để xem lại."],
            "screen": {
                "heading": "Đăng ký hồ sơ thành công",
                "fields": ["Mã hồ sơ", "Quản lý hồ sơ cá nhân", "Về trang chủ"],
                "highlight": "Mã hồ sơ",
            },
        },
        {
            "title": "Theo dõi và bổ sung nếu được yêu cầu",
            "instruction": "Vào “Quản lý hồ sơ” để xem từng phần: khai sinh, thường trú, bảo hiểm y tế. Nếu có yêu cầu bổ sung, đọc kỹ giấy tờ nào còn thiếu, chụp và gửi trong 7 ngày làm việc. Khi xong, Giấy khai sinh điện tử và thẻ bảo hiểm y tế của bé có trong tài khoản của bạn.",
            "tips": ["Mở thông báo của VNeID và tin nhắn điện thoại thường xuyên."],
            "mistakes": [
                "Không để ý yêu cầu bổ sung, quá 7 ngày làm việc thì hồ sơ bị dừng xử lý."
            ],
            "screen": {
                "heading": "Quản lý hồ sơ",
                "fields": [
                    "Khai sinh: Đã xong",
                    "Thường trú: Đang xử lý",
                    "Bảo hiểm y tế: Đang xử lý",
                    "Bổ sung hồ sơ",
                ],
                "highlight": "Bổ sung hồ sơ",
            },
        },
    ],
}

KET_HON = {
    "slug": "dang-ky-ket-hon",
    "title": "Đăng ký kết hôn",
    "code": "1.000894",
    "sector": "ho-tich",
    "life_events": ["ket-hon"],
    "agency_level": "xa",
    "agency": "Ủy ban nhân dân cấp xã nơi cư trú của bên nam hoặc bên nữ (Trung tâm Phục vụ hành chính công cấp xã)",
    "online_level": "mot_phan",
    "summary": "Đăng ký kết hôn để được Nhà nước công nhận là vợ chồng. Nộp hồ sơ trên mạng, sau đó cả hai người cùng đến xã ký và nhận Giấy chứng nhận kết hôn.",
    "audience": "Công dân Việt Nam kết hôn với nhau, cư trú ở trong nước",
    "result": "Giấy chứng nhận kết hôn (mỗi bên 01 bản chính)",
    "conditions": "Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi; hai người tự nguyện; không đang có vợ hoặc chồng và không thuộc trường hợp pháp luật cấm kết hôn. Khi nhận kết quả, cả hai người phải có mặt, mang giấy tờ tùy thân, ký vào Sổ hộ tịch và Giấy chứng nhận kết hôn.",
    "keywords": [
        "đăng ký kết hôn online",
        "giấy đăng ký kết hôn",
        "làm giấy kết hôn",
        "hôn thú",
        "kết hôn trực tuyến",
        "xác nhận tình trạng hôn nhân",
    ],
    "channels": [
        {
            "channel": "truc_tuyen",
            "time_limit_value": 1,
            "time_limit_unit": "ngay_lam_viec",
            "time_limit_note": "Đủ điều kiện thì giải quyết ngay trong ngày; nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo. Cần xác minh thì không quá 5 ngày làm việc.",
            "fee": 0,
            "fee_note": "Mức thu theo Nghị quyết của HĐND tỉnh; nhiều tỉnh miễn cho người cư trú trong nước",
            "description": "Nộp trên Cổng Dịch vụ công quốc gia; khi có kết quả, hai bên cùng đến ký và nhận Giấy chứng nhận kết hôn.",
        },
        {
            "channel": "truc_tiep",
            "time_limit_value": 1,
            "time_limit_unit": "ngay_lam_viec",
            "time_limit_note": "Cần xác minh thì không quá 5 ngày làm việc.",
            "fee": 0,
            "fee_note": "Mức thu theo Nghị quyết của HĐND tỉnh; nhiều tỉnh miễn cho người cư trú trong nước",
            "description": "Đến Trung tâm Phục vụ hành chính công của xã, phường; cán bộ hướng dẫn nộp trên Cổng.",
        },
    ],
    "documents": [
        {
            "name": "Tờ khai đăng ký kết hôn",
            "quantity": "01 bản",
            "lookup_from_database": False,
            "required": True,
            "note": "Nộp trực tuyến thì điền biểu mẫu điện tử tương tác, ghi thông tin của cả bên nữ và bên nam.",
            "form_title": "Tờ khai đăng ký kết hôn (mẫu luyện tập)",
        },
        {
            "name": "Giấy tờ tùy thân của hai bên (căn cước)",
            "quantity": "Xuất trình khi ký",
            "lookup_from_database": True,
            "required": True,
            "note": "Thông tin đã tự điền từ Cơ sở dữ liệu quốc gia về dân cư thì không phải tải lên. Mang theo bản chính khi đến ký.",
            "form_title": "",
        },
        {
            "name": "Giấy xác nhận tình trạng hôn nhân",
            "quantity": "01 bản chính",
            "lookup_from_database": True,
            "required": False,
            "note": "Chỉ cần khi một bên không cư trú tại xã nơi đăng ký và cán bộ không tra được tình trạng hôn nhân. Cán bộ tự kiểm tra trong cơ sở dữ liệu trước; không thấy thì đề nghị xã nơi cư trú xác minh trong 3 ngày làm việc.",
            "form_title": "",
        },
        {
            "name": "Trích lục ghi chú ly hôn hoặc hủy kết hôn đã làm ở nước ngoài",
            "quantity": "01 bản",
            "lookup_from_database": False,
            "required": False,
            "note": "Chỉ khi đã ly hôn hoặc hủy kết hôn ở nước ngoài: phải ghi chú vào sổ hộ tịch trước. Giấy tờ nước ngoài phải hợp pháp hóa lãnh sự.",
            "form_title": "",
        },
    ],
    "legal_basis": [_LUAT_HO_TICH, _ND_123, _TT_01_2022, _ND_118],
    "steps": [
        {
            "title": "Một người đăng nhập bằng VNeID",
            "instruction": "Một trong hai người vào dichvucong.gov.vn, bấm “Đăng nhập”, chọn “Tài khoản định danh điện tử cấp bởi Bộ Công an”. Mở VNeID, quét mã QR và bấm xác nhận. Thông tin của người đăng nhập sẽ được điền sẵn vào tờ khai.",
            "tips": ["Chuẩn bị sẵn số căn cước, ngày sinh, nơi cư trú của người kia."],
            "mistakes": [
                "Hai vợ chồng tạo tài khoản đi tạo lại nhiều lần vì làm sai. Nhờ cán bộ hoặc đoàn viên cầm tay hướng dẫn lần đầu."
            ],
            "screen": _VNEID_LOGIN_SCREEN,
        },
        {
            "title": "Tìm thủ tục đăng ký kết hôn",
            "instruction": "Gõ “kết hôn” vào ô tìm kiếm rồi bấm kính lúp. Chọn đúng dòng “Đăng ký kết hôn”, mã 1.000894. Bấm “Nộp trực tuyến”.",
            "tips": ["Nếu một bên là người nước ngoài thì đó là thủ tục khác."],
            "mistakes": [
                "Chọn nhầm “Cấp giấy xác nhận tình trạng hôn nhân”. Đó không phải là đăng ký kết hôn."
            ],
            "screen": {
                "heading": "Tìm kiếm thủ tục",
                "fields": ["Nhập từ khóa tìm kiếm", "Đăng ký kết hôn", "Nộp trực tuyến"],
                "highlight": "Đăng ký kết hôn",
            },
        },
        {
            "title": "Chọn xã, phường nơi đăng ký",
            "instruction": "Chọn Tỉnh/Thành phố, rồi Xã/Phường nơi bên nam hoặc bên nữ cư trú. Bấm “Đồng ý” để sang Cổng dịch vụ công của tỉnh.",
            "tips": ["Chọn xã mà hai người tiện cùng đến ký nhất."],
            "mistakes": [
                "Chọn xã không phải nơi cư trú của ai trong hai người nên hồ sơ bị từ chối."
            ],
            "screen": {
                "heading": "Chọn cơ quan thực hiện",
                "fields": ["Tỉnh/Thành phố", "Xã/Phường/Đặc khu", "Đồng ý"],
                "highlight": "Xã/Phường/Đặc khu",
            },
        },
        {
            "title": "Điền tờ khai cho cả hai người",
            "instruction": "Tờ khai có hai cột: bên nữ và bên nam. Phần của bạn đã điền sẵn. Nhập thông tin người kia: họ tên, ngày sinh, dân tộc, quốc tịch, nơi cư trú, số căn cước, và kết hôn lần thứ mấy. Tình trạng hôn nhân do hệ thống tự tra. Bấm “Lưu hồ sơ”.",
            "tips": [
                "Gõ ngày sinh có dấu “/”, ví dụ 20/10/1998.",
                "Gõ họ tên có dấu đầy đủ, đúng như trên căn cước.",
            ],
            "mistakes": [
                "Gõ sai một số trong số căn cước nên hệ thống không tra được. Đọc lại từng số."
            ],
            "screen": {
                "heading": "Tờ khai đăng ký kết hôn",
                "fields": ["Bên nữ", "Bên nam", "Kết hôn lần thứ", "Lưu hồ sơ"],
                "highlight": "Bên nam",
            },
        },
        {
            "title": "Đính kèm giấy tờ nếu có",
            "instruction": "Thông thường bạn không phải tải giấy tờ nào lên, vì hệ thống đã có thông tin căn cước của hai người. Nếu cán bộ đã dặn cần giấy xác nhận tình trạng hôn nhân hoặc trích lục ghi chú ly hôn, bấm “Chọn tệp” và chụp giấy đó thật rõ.",
            "tips": ["Hỏi trước cán bộ tư pháp nếu không chắc cần giấy gì."],
            "mistakes": [
                "Tự đi xin giấy xác nhận tình trạng hôn nhân khi không cần: cán bộ tự tra được."
            ],
            "screen": {
                "heading": "Thành phần hồ sơ",
                "fields": [
                    "Giấy xác nhận tình trạng hôn nhân (nếu có)",
                    "Chọn tệp",
                    "Thêm thành phần",
                ],
                "highlight": "Chọn tệp",
            },
        },
        {
            "title": "Kiểm tra và nộp hồ sơ",
            "instruction": "Xem lại thông tin của hai người. Bấm “Nộp hồ sơ” một lần. Màn hình hiện “Đăng ký hồ sơ thành công” và mã hồ sơ; hãy chép mã lại.",
            "tips": [
                "Nếu tỉnh có thu lệ phí, Cổng hiện số tiền và nút thanh toán; nhiều tỉnh miễn."
            ],
            "mistakes": ["Bấm nộp nhiều lần vì mạng chậm, tạo hồ sơ trùng."],
            "screen": {
                "heading": "Đăng ký hồ sơ thành công",
                "fields": ["Mã hồ sơ", "Quản lý hồ sơ cá nhân", "Về trang chủ"],
                "highlight": "Mã hồ sơ",
            },
        },
        {
            "title": "Chờ lịch hẹn của cán bộ",
            "instruction": "Vào “Quản lý hồ sơ” để xem trạng thái. Khi hồ sơ đủ điều kiện, cán bộ báo lịch hẹn qua tin nhắn hoặc thư điện tử. Nếu có yêu cầu bổ sung, đọc kỹ giấy tờ còn thiếu và gửi lại ngay.",
            "tips": ["Chọn ngày mà cả hai người cùng đi được."],
            "mistakes": ["Không xem tin nhắn nên lỡ lịch hẹn."],
            "screen": {
                "heading": "Quản lý hồ sơ",
                "fields": ["Mã hồ sơ", "Trạng thái: Chờ ký", "Lịch hẹn"],
                "highlight": "Lịch hẹn",
            },
        },
        {
            "title": "Cả hai cùng đến ký và nhận giấy",
            "instruction": "Đúng ngày hẹn, cả hai người cùng đến Bộ phận một cửa, mang theo căn cước. Cán bộ hỏi lại hai người có tự nguyện kết hôn không. Hai người ký vào Sổ hộ tịch và Giấy chứng nhận kết hôn; mỗi người nhận một bản chính.",
            "tips": ["Đọc kỹ họ tên, ngày sinh trên giấy trước khi ký."],
            "mistakes": [
                "Chỉ một người đến: không ký được, phải hẹn lại. Thủ tục này không thể làm xong hoàn toàn trên mạng."
            ],
            "screen": {
                "heading": "Lịch hẹn trả kết quả",
                "fields": ["Ngày hẹn", "Địa điểm", "Mang theo căn cước của hai người"],
                "highlight": "Mang theo căn cước của hai người",
            },
        },
    ],
}

LY_LICH_TU_PHAP = {
    "slug": "cap-phieu-ly-lich-tu-phap",
    "title": "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
    "code": "3.000333",  # [S] in the reference; verify on dichvucong.bocongan.gov.vn
    "sector": "ly-lich-tu-phap",
    "life_events": ["viec-lam"],
    "agency_level": "tinh",
    "agency": "Công an cấp tỉnh nơi thường trú (không có nơi thường trú thì nơi tạm trú)",
    "online_level": "toan_trinh",
    "summary": "Xin Phiếu lý lịch tư pháp để chứng minh mình có hay không có án tích. Thường cần khi xin việc, đi học, đi làm việc ở nước ngoài.",
    "audience": "Công dân Việt Nam; cha, mẹ có thể làm cho con dưới 14 tuổi",
    "result": "Phiếu lý lịch tư pháp số 1 hoặc số 2 (bản điện tử tải trên VNeID, hoặc bản giấy)",
    "conditions": "Tài khoản VNeID mức độ 2. Phiếu số 2 phải tự mình yêu cầu, không được ủy quyền. Trên VNeID, không tạo được yêu cầu mới khi yêu cầu trước chưa thanh toán hoặc đang xử lý.",
    "keywords": [
        "lý lịch",
        "phiếu lý lịch",
        "lý lịch tư pháp",
        "xin lý lịch tư pháp",
        "lý lịch tư pháp online",
        "phiếu số 1",
        "phiếu số 2",
        "giấy xác nhận không tiền án",
    ],
    "channels": [
        {
            "channel": "truc_tuyen",
            "time_limit_value": 10,
            "time_limit_unit": "ngay",
            "time_limit_note": "Trường hợp phải xác minh thì không quá 15 ngày.",
            "fee": 200000,
            "fee_note": "100.000 đồng/phiếu với học sinh, sinh viên, người có công với cách mạng, thân nhân liệt sĩ. Thêm 5.000 đồng/phiếu từ phiếu thứ 3 trở đi. Ngân hàng hoặc ví có thể thu thêm phí giao dịch.",
            "description": "Nộp trên ứng dụng VNeID, Cổng Dịch vụ công quốc gia hoặc Cổng dịch vụ công Bộ Công an. Tải phiếu điện tử trên VNeID.",
        },
        {
            "channel": "truc_tiep",
            "time_limit_value": 10,
            "time_limit_unit": "ngay",
            "time_limit_note": "Trường hợp phải xác minh thì không quá 15 ngày.",
            "fee": 200000,
            "fee_note": "100.000 đồng/phiếu với học sinh, sinh viên, người có công với cách mạng, thân nhân liệt sĩ. Thêm 5.000 đồng/phiếu từ phiếu thứ 3 trở đi.",
            "description": "Nộp tại nơi tiếp nhận hồ sơ của Công an cấp tỉnh.",
        },
        {
            "channel": "buu_chinh",
            "time_limit_value": 10,
            "time_limit_unit": "ngay",
            "time_limit_note": "Tính từ khi cơ quan nhận được hồ sơ hợp lệ.",
            "fee": 200000,
            "fee_note": "Như trên; cước bưu chính trả theo giá của bưu điện.",
            "description": "Gửi hồ sơ và nhận phiếu qua dịch vụ bưu chính công ích.",
        },
    ],
    "documents": [
        {
            "name": "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp",
            "quantity": "01 bản",
            "lookup_from_database": False,
            "required": True,
            "note": "Bản giấy theo Mẫu số 03/2024/LLTP hoặc 04/2024/LLTP; nộp trực tuyến thì điền biểu mẫu điện tử (Mẫu số 12/2024/LLTP hoặc 13/2024/LLTP).",
            "form_title": "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (mẫu luyện tập)",
        },
        {
            "name": "Bản chụp căn cước",
            "quantity": "01 bản chụp",
            "lookup_from_database": True,
            "required": True,
            "note": "Nộp trực tuyến bằng tài khoản định danh điện tử thì không phải tải lên.",
            "form_title": "",
        },
        {
            "name": "Văn bản ủy quyền",
            "quantity": "01 bản",
            "lookup_from_database": False,
            "required": False,
            "note": "Chỉ dùng cho Phiếu số 1, phải công chứng hoặc chứng thực. Cha, mẹ, vợ, chồng, con làm thay thì không cần. Phiếu số 2 không được ủy quyền.",
            "form_title": "",
        },
        {
            "name": "Giấy tờ chứng minh được giảm hoặc miễn phí",
            "quantity": "01 bản chụp",
            "lookup_from_database": False,
            "required": False,
            "note": "Ví dụ thẻ học sinh, sinh viên hoặc giấy tờ của người có công.",
            "form_title": "",
        },
    ],
    "legal_basis": [
        {
            "number": "06/2024/TT-BTP",
            "title": "Về biểu mẫu lý lịch tư pháp (tờ khai yêu cầu cấp Phiếu lý lịch tư pháp)",
            "date": "",
        },
        {
            "number": "244/2016/TT-BTC",
            "title": "Quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp",
            "date": "",
        },
        {
            "number": "16/2025/TT-BTC",
            "title": "Về phí cung cấp thông tin lý lịch tư pháp (thay thế Thông tư số 244/2016/TT-BTC)",
            "date": "",
        },
        _ND_118,
    ],
    "steps": [
        {
            "title": "Mở VNeID và đăng nhập",
            "instruction": "Mở ứng dụng VNeID trên điện thoại. Nhập số định danh cá nhân và mật khẩu, hoặc mật mã 6 số. Màn hình chính hiện tên bạn và các mục dịch vụ.",
            "tips": [
                "Tài khoản phải là mức độ 2.",
                "Cũng làm được trên dichvucong.gov.vn hoặc dichvucong.bocongan.gov.vn.",
            ],
            "mistakes": [
                "Đổi điện thoại mới nên mã OTP gửi về máy cũ. Mỗi lúc chỉ đăng nhập được trên một điện thoại.",
                "Đặt mật khẩu yếu bị từ chối: cần 8–20 ký tự, có chữ hoa, chữ thường, số và ký tự đặc biệt.",
            ],
            "screen": {
                "heading": "VNeID",
                "fields": ["Số định danh cá nhân", "Mật khẩu", "Đăng nhập"],
                "highlight": "Đăng nhập",
            },
        },
        {
            "title": "Tạo yêu cầu cấp phiếu",
            "instruction": "Bấm “Thủ tục hành chính”, rồi bấm “Cấp phiếu Lý lịch tư pháp”. Bấm “Tạo mới yêu cầu”. Chọn làm cho bản thân, hoặc cho con dưới 14 tuổi.",
            "tips": [
                "Nếu có yêu cầu cũ chưa thanh toán, phải xử lý xong mới tạo được yêu cầu mới."
            ],
            "mistakes": [
                "Tạo nhiều yêu cầu một lúc vì tưởng chưa gửi. Xem danh sách yêu cầu trước."
            ],
            "screen": {
                "heading": "Thủ tục hành chính",
                "fields": ["Cấp phiếu Lý lịch tư pháp", "Tạo mới yêu cầu", "Danh sách yêu cầu"],
                "highlight": "Tạo mới yêu cầu",
            },
        },
        {
            "title": "Chọn cơ quan cấp phiếu",
            "instruction": "Chọn Công an tỉnh, thành phố nơi bạn thường trú. Nếu không có nơi thường trú thì chọn nơi bạn đang tạm trú. Bấm “Tiếp tục”.",
            "tips": ["Phiếu lý lịch tư pháp do Công an cấp tỉnh cấp, không phải xã."],
            "mistakes": [
                "Chọn nhầm tỉnh nơi mình đang đi làm nhưng không có đăng ký cư trú. Hồ sơ có thể bị từ chối."
            ],
            "screen": {
                "heading": "Cơ quan thực hiện",
                "fields": ["Tỉnh/Thành phố", "Công an tỉnh", "Tiếp tục"],
                "highlight": "Tỉnh/Thành phố",
            },
        },
        {
            "title": "Chọn loại phiếu, mục đích và số lượng",
            "instruction": "Chọn Phiếu số 1 hoặc Phiếu số 2. Ghi mục đích, ví dụ “bổ sung hồ sơ xin việc”. Chọn số lượng phiếu cần lấy. Màn hình tự tính số tiền phải trả.",
            "tips": [
                "Phiếu số 1 dùng cho phần lớn hồ sơ xin việc. Phiếu số 2 ghi đầy đủ hơn, chỉ xin khi nơi nhận hồ sơ yêu cầu.",
                "Hỏi nơi nhận hồ sơ cần phiếu số mấy trước khi chọn.",
            ],
            "mistakes": [
                "Xin quá nhiều bản: từ bản thứ 3 mỗi bản thêm 5.000 đồng.",
                "Chọn Phiếu số 2 rồi nhờ người khác làm thay: Phiếu số 2 không được ủy quyền.",
            ],
            "screen": {
                "heading": "Thông tin yêu cầu",
                "fields": ["Loại phiếu", "Mục đích sử dụng", "Số lượng phiếu", "Tiếp tục"],
                "highlight": "Loại phiếu",
            },
        },
        {
            "title": "Kiểm tra tờ khai",
            "instruction": "Phần lớn thông tin đã được điền sẵn từ cơ sở dữ liệu dân cư. Đọc lại họ tên, ngày sinh, nơi cư trú. Nhập thêm những ô còn trống, rồi bấm “Tiếp tục”.",
            "tips": [
                "Gõ ngày có dấu “/”, ví dụ 01/09/2000.",
                "Không phải chụp căn cước khi làm trên VNeID.",
            ],
            "mistakes": ["Bấm tiếp mà không đọc lại, phiếu in ra sai thông tin."],
            "screen": {
                "heading": "Tờ khai điện tử",
                "fields": ["Họ và tên", "Ngày sinh", "Nơi thường trú", "Tiếp tục"],
                "highlight": "Ngày sinh",
            },
        },
        {
            "title": "Chọn cách nhận phiếu",
            "instruction": "Chọn nhận phiếu điện tử trên VNeID, hoặc nhận bản giấy tại Công an tỉnh, hoặc gửi qua bưu chính công ích về nhà. Nếu gửi bưu điện, nhập đủ địa chỉ và số điện thoại.",
            "tips": ["Phiếu điện tử tải được ngay trên VNeID khi có kết quả."],
            "mistakes": [
                "Chọn nhận tại Công an tỉnh trong khi nhà ở xa. Chọn phiếu điện tử hoặc bưu chính cho đỡ đi lại."
            ],
            "screen": {
                "heading": "Hình thức nhận kết quả",
                "fields": [
                    "Nhận phiếu điện tử trên VNeID",
                    "Nhận trực tiếp",
                    "Nhận qua bưu chính công ích",
                ],
                "highlight": "Nhận phiếu điện tử trên VNeID",
            },
        },
        {
            "title": "Nộp hồ sơ và thanh toán",
            "instruction": "Nhập mật mã 6 số để xác nhận gửi yêu cầu. Màn hình thanh toán hiện số tiền: 200.000 đồng một phiếu (100.000 đồng nếu được giảm), và phí giao dịch của ngân hàng hoặc ví nếu có. Chọn ngân hàng hoặc ví, trả một lần, chờ chữ “Đã thanh toán”.",
            "tips": [
                "Đọc kỹ phí giao dịch trước khi bấm trả; ví dụ trả 200.000 đồng có thể mất thêm vài nghìn đồng phí."
            ],
            "mistakes": [
                "Đã bị trừ tiền nhưng màn hình chưa cập nhật nên trả thêm lần nữa. Chờ vài phút, xem lại trạng thái, không trả lại.",
                "Nộp mà chưa thanh toán nên yêu cầu không được xử lý.",
            ],
            "screen": {
                "heading": "Thanh toán",
                "fields": [
                    "Lệ phí: 200.000 đồng",
                    "Phí giao dịch",
                    "Chọn ngân hàng hoặc ví",
                    "Thanh toán",
                ],
                "highlight": "Phí giao dịch",
            },
        },
        {
            "title": "Theo dõi và tải phiếu",
            "instruction": "Vào “Danh sách yêu cầu” để xem trạng thái và ghi lại mã hồ sơ. Khi có kết quả, bấm vào yêu cầu và chọn tải Phiếu lý lịch tư pháp điện tử. Nếu chọn bản giấy, chờ bưu điện gọi hoặc đến nhận theo hẹn.",
            "tips": ["Thời hạn thường là 10 ngày; phải xác minh thì không quá 15 ngày."],
            "mistakes": [
                "Gọi điện hỏi người lạ tự xưng cán bộ để “làm nhanh”. Chỉ xem trạng thái trên ứng dụng và cổng chính thức."
            ],
            "screen": {
                "heading": "Danh sách yêu cầu",
                "fields": ["Mã hồ sơ", "Trạng thái: Đã có kết quả", "Tải phiếu"],
                "highlight": "Tải phiếu",
            },
        },
    ],
}

CIVIL_PROCEDURES = [KHAI_SINH, LIEN_THONG_KHAI_SINH, KET_HON, LY_LICH_TU_PHAP]
