"""The skills a check question tests, as a small fixed list with stable keys.

Source: QĐ 757/QĐ-BKHCN (29/4/2025) of the Ministry of Science and Technology, "Khung
kiến thức, kỹ năng số cơ bản và Hướng dẫn đánh giá, xác nhận hoàn thành mức độ phổ cập
kỹ năng số".

What was confirmed from the published text (hethongphapluat.com, luatvietnam.vn, and
provincial news pages quoting it), read through stored copies of those pages:
  - Điều 1: the framework is Phụ lục I ("Khung kiến thức, kỹ năng số cơ bản"); the
    assessment guide is Phụ lục II ("Hướng dẫn đánh giá, xác nhận hoàn thành mức độ phổ
    cập kỹ năng số").
  - Phụ lục I is split by audience (phiên bản 1.0): học sinh, sinh viên; người dân; cán
    bộ, công chức, viên chức và người lao động trong cơ quan nhà nước; người lao động
    trong doanh nghiệp ("Phụ lục 1.4" is the one for enterprise workers).

What could NOT be confirmed: the nhóm/lĩnh vực and the competences inside Phụ lục I
(their names, numbering and wording). Only the opening pages of the decision were
reachable. The "information" area below takes its two names from the 2024 predecessor,
Công văn 3139/BTTTT-KTS&XHS "Khung kỹ năng số cơ bản dành cho người dân (Phiên bản 1.0)",
group 1, whose table was readable; the "safety" and "public_services" areas are
PROVISIONAL, named by us for what this platform teaches. Each entry says which it is
(``confirmed``).

To extend or correct it once Phụ lục I has been read: change the names and sources here,
keep the keys (questions and, later, results are stored by key), and add official codes
alongside if needed. A key that must go needs a data migration moving its questions.
"""

from __future__ import annotations

from dataclasses import dataclass

PROVISIONAL = "Tạm đặt: chưa đối chiếu được với Phụ lục I QĐ 757/QĐ-BKHCN."
FROM_3139 = (
    "Theo CV 3139/BTTTT-KTS&XHS (2024), nhóm 1, tiền thân của Phụ lục I QĐ 757; "
    "chưa đối chiếu với bản 757."
)


@dataclass(frozen=True)
class Area:
    key: str
    name: str
    source: str


@dataclass(frozen=True)
class Skill:
    key: str
    area: str
    name: str
    source: str
    confirmed: bool = False


AREAS: tuple[Area, ...] = (
    Area("information", "Tìm kiếm, khai thác thông tin trên môi trường Internet", FROM_3139),
    Area("safety", "An toàn trên môi trường số", PROVISIONAL),
    Area("public_services", "Sử dụng dịch vụ công trực tuyến", PROVISIONAL),
)

SKILLS: tuple[Skill, ...] = (
    Skill("information.find", "information", "Tìm kiếm, chọn lọc thông tin", FROM_3139),
    Skill(
        "information.evaluate",
        "information",
        "Đánh giá độ tin cậy của thông tin và trang web",
        FROM_3139,
    ),
    Skill("safety.accounts", "safety", "Bảo vệ tài khoản, mật khẩu và mã OTP", PROVISIONAL),
    Skill("safety.personal_data", "safety", "Bảo vệ dữ liệu cá nhân", PROVISIONAL),
    Skill("safety.scams", "safety", "Nhận biết và phòng tránh lừa đảo trực tuyến", PROVISIONAL),
    Skill(
        "public_services.identity",
        "public_services",
        "Định danh điện tử và đăng nhập Cổng Dịch vụ công",
        PROVISIONAL,
    ),
    Skill("public_services.submit", "public_services", "Nộp hồ sơ trực tuyến", PROVISIONAL),
    Skill(
        "public_services.track",
        "public_services",
        "Theo dõi hồ sơ, gửi bổ sung và nhận kết quả",
        PROVISIONAL,
    ),
    Skill(
        "public_services.payment",
        "public_services",
        "Thanh toán phí, lệ phí trực tuyến",
        PROVISIONAL,
    ),
)

SKILL_KEYS: frozenset[str] = frozenset(skill.key for skill in SKILLS)
_BY_KEY = {skill.key: skill for skill in SKILLS}


def skill_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The skills grouped by area, for the editor's select box. A callable on the model
    field, so correcting a name here needs no migration."""
    return [
        (area.name, [(skill.key, skill.name) for skill in SKILLS if skill.area == area.key])
        for area in AREAS
    ]


def skill_name(key: str) -> str:
    """The Vietnamese name of a skill; the key itself if the list no longer has it."""
    skill = _BY_KEY.get(key)
    return skill.name if skill else key


def skill_position(key: str) -> int:
    """Where a skill sits in the framework, for ordering results; unknown keys go last."""
    for position, skill in enumerate(SKILLS):
        if skill.key == key:
            return position
    return len(SKILLS)
