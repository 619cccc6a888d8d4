"""The fixed tables the synthetic province is drawn from: sizes, shares, names, and which
sandbox steps and error codes its practice exercises go through.

Kept apart from the builder so the numbers can be read and tuned in one place; nothing
here touches the database.
"""

from sandbox.errors import MESSAGES as ERROR_MESSAGES
from sandbox.errors import STEPS

from ..models import TrainingClass
from ..services.progress import FREE_PRACTICE_KEY

SYNTHETIC_PROVINCE = "Tỉnh Tổng hợp (dữ liệu giả)"
USERNAME_PREFIX = "synth_"
DEFAULT_SEED = 20251101

# Counts at --scale 1; every one of them is multiplied by the scale (at least 1).
FULL_SIZE = {
    "communes": 100,
    "classes": 2_000,
    "trainers": 40,
    "learners": 60_000,
    "events": 5_000_000,
}
VILLAGES_PER_COMMUNE = 3
LIVE_CLASS_SHARE = 0.05
ATTENDANCE_CLASS_SHARE = 0.75
INACTIVE_SHARE = 0.10  # joined, never did anything online
COMPLETED_SHARE = 0.40
PRACTISED_SHARE = 0.55  # completed learners included
SUBMITTED_OF_COMPLETED = 0.25  # → about 10% of all learners
PRACTICE_ERROR_SHARE = 0.18
HISTORY_DAYS = 240

# Activities of a class without a course (no course page on this database yet).
FALLBACK_ACTIVITIES = [
    ("video:1", "video"),
    ("read:bai-1", "read"),
    ("quiz:bai-1", "quiz"),
    ("video:2", "video"),
    ("exercise:tao-tai-khoan", "practice"),
    ("video:3", "video"),
    ("quiz:bai-2", "quiz"),
    ("exercise:khai-sinh-buu-dien", "practice"),
]

# Which sandbox steps an exercise goes through; others are "submit a dossier" exercises.
EXERCISE_STEPS = {
    "tao-tai-khoan": ["cccd", "register", "otp", "password", "login"],
    "dang-nhap-vneid": ["login", "vneid"],
    "khai-sinh-bo-sung": ["login", "tracking", "supplement"],
    "tiep-nhan-ho-so-du": ["desk"],
    "yeu-cau-bo-sung-dung": ["desk"],
}
SUBMIT_STEPS = ["login", "agency", "applicant", "eform", "attachments", "delivery", "review"]
FREE_PRACTICE_STEPS = ["register", "otp", "password", "login"]
# Most frequent first: the reports' "where people fail" table should have a clear top.
STEP_ERRORS = {
    "cccd": ["cccd_not_practice", "cccd_format", "cccd_unknown"],
    "register": [
        "name_no_diacritics",
        "date_no_slash",
        "phone_not_owner",
        "required",
        "name_mismatch",
        "phone_format",
        "captcha_wrong",
    ],
    "otp": ["otp_wrong", "otp_expired", "otp_too_many"],
    "password": ["password_no_symbol", "password_no_upper", "password_short", "password_mismatch"],
    "login": ["login_failed", "login_not_activated"],
    "vneid": ["vneid_web_not_allowed", "vneid_level1", "vneid_old_phone"],
    "applicant": ["required", "date_no_slash", "name_mismatch"],
    "eform": ["required", "date_invalid"],
    "attachments": ["attachment_missing"],
    "delivery": ["delivery_address"],
    "review": ["declaration", "consent"],
    "payment": ["payment_failed", "payment_timeout"],
    "supplement": ["supplement_missing_file"],
    "tracking": ["tracking_not_found"],
    "desk": ["desk_no_document", "desk_no_reason", "desk_wrong_status"],
}

FAMILY_NAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý".split()
MIDDLE_NAMES = "Văn Thị Hữu Đức Minh Ngọc Thanh Quốc Thu Hồng Xuân Kim".split()
GIVEN_NAMES = (
    "An Bình Cường Dung Giang Hà Hải Hạnh Hoa Hùng Hương Khánh Lan Linh Loan Long Mai Nam "
    "Nga Nhung Phúc Phương Quang Sơn Tâm Thảo Thắng Trang Tuấn Vân Yến"
).split()
AUDIENCES = [
    (TrainingClass.Audience.CITIZENS, 0.85),
    (TrainingClass.Audience.OFFICIALS, 0.10),
    (TrainingClass.Audience.TRAINERS, 0.05),
]


def step_errors():
    """{step: [error codes]} limited to the steps and codes the sandbox still knows."""
    return {
        step: [code for code in codes if code in ERROR_MESSAGES]
        for step, codes in STEP_ERRORS.items()
        if step in STEPS
    }


def steps_of(key):
    """The sandbox steps the practice activity ``key`` goes through."""
    if key == FREE_PRACTICE_KEY:
        return FREE_PRACTICE_STEPS
    return EXERCISE_STEPS.get(key.removeprefix("exercise:"), SUBMIT_STEPS)
