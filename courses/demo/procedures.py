"""Demo procedures loaded by ``manage.py seed_demo``.

Pure data, no Django imports. The facts (codes, agencies, fees, time limits,
documents, legal bases) are as of 2026, taken from the procedures' pages on the
national portal and the decrees they cite. Editors must verify every fact against the
procedure page on dichvucong.gov.vn before publishing; fees and time limits in
particular change with new decrees and provincial resolutions.

Public names:
    SECTORS      -- lĩnh vực (slug, name)
    LIFE_EVENTS  -- sự kiện trong đời (slug, name, description), fixed order
    PROCEDURES   -- seven procedure dicts, in teaching order; the dicts live in
                    procedures_civil.py (hộ tịch, lý lịch tư pháp) and
                    procedures_other.py (hộ kinh doanh, đất đai, cư trú)
"""

import copy

from .procedures_civil import CIVIL_PROCEDURES
from .procedures_other import OTHER_PROCEDURES

SECTORS = [
    {"slug": "ho-tich", "name": "Hộ tịch"},
    {"slug": "ly-lich-tu-phap", "name": "Lý lịch tư pháp"},
    {"slug": "ho-kinh-doanh", "name": "Thành lập và hoạt động của hộ kinh doanh"},
    {"slug": "dat-dai", "name": "Đất đai"},
    {"slug": "cu-tru", "name": "Cư trú"},
    {"slug": "bao-hiem-y-te", "name": "Bảo hiểm y tế"},
]

LIFE_EVENTS = [
    {
        "slug": "co-con",
        "name": "Có con",
        "description": "Làm giấy khai sinh, đăng ký thường trú và thẻ bảo hiểm y tế cho con mới sinh.",
    },
    {
        "slug": "ket-hon",
        "name": "Kết hôn",
        "description": "Đăng ký kết hôn tại Ủy ban nhân dân xã, phường nơi một trong hai người cư trú.",
    },
    {
        "slug": "cu-tru",
        "name": "Cư trú",
        "description": "Đăng ký thường trú khi chuyển về nhà mới, nhập hộ khẩu vào nhà người thân hoặc nhà thuê.",
    },
    {
        "slug": "kinh-doanh",
        "name": "Kinh doanh",
        "description": "Mở quán, mở tiệm, buôn bán nhỏ: đăng ký hộ kinh doanh tại xã, phường.",
    },
    {
        "slug": "dat-dai",
        "name": "Đất đai",
        "description": "Sang tên, tặng cho, thừa kế đất hoặc thay đổi thông tin trên Giấy chứng nhận (sổ đỏ).",
    },
    {
        "slug": "viec-lam",
        "name": "Việc làm",
        "description": "Xin Phiếu lý lịch tư pháp để nộp hồ sơ xin việc, đi học hoặc đi làm việc ở nước ngoài.",
    },
]

# Order matters: it is the order of the seeded pages and of the courses' examples.
# Deep copy so that shared pieces (login step, legal bases) are independent dicts.
PROCEDURES = copy.deepcopy(CIVIL_PROCEDURES + OTHER_PROCEDURES)
