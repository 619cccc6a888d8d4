"""Organisations, roles' scopes, classes, enrolment and attendance.

Administrative units follow the two-level local government in force since 1 July 2025
(province → commune, ward or special zone → village or residential group); "district"
is kept only for records made before then.
"""

import secrets

from simple_history.models import HistoricalRecords

from django.conf import settings
from django.db import models

# No 0/O, 1/I/L: join codes are read off a projector from the back of a commune hall.
JOIN_CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def readable_code(length: int) -> str:
    """A random code without look-alike characters (join codes, certificate numbers)."""
    return "".join(secrets.choice(JOIN_CODE_LETTERS) for _ in range(length))


def new_join_code() -> str:
    return readable_code(6)


class AdministrativeUnit(models.Model):
    class Level(models.TextChoices):
        PROVINCE = "tinh", "Tỉnh, thành phố"
        DISTRICT_LEGACY = "huyen", "Huyện (trước 1/7/2025)"
        COMMUNE = "xa", "Xã, phường, đặc khu"
        VILLAGE = "thon", "Thôn, tổ dân phố"

    name = models.CharField("tên", max_length=120)
    level = models.CharField("cấp", max_length=6, choices=Level.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    code = models.CharField("mã đơn vị hành chính", max_length=10, blank=True)
    trainer_certificate_required = models.BooleanField(
        "tập huấn viên phải có chứng nhận trước khi mở lớp",
        default=False,
        help_text="Đặt ở cấp tỉnh; áp dụng cho mọi lớp trong tỉnh.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "đơn vị hành chính"
        verbose_name_plural = "đơn vị hành chính"

    def __str__(self):
        return self.name

    def province(self) -> "AdministrativeUnit":
        unit = self
        while unit.parent_id and unit.level != self.Level.PROVINCE:
            unit = unit.parent
        return unit

    def commune(self) -> "AdministrativeUnit | None":
        """The commune this unit is, or lies in (None above commune level)."""
        unit = self
        while unit is not None and unit.level != self.Level.COMMUNE:
            if unit.level in (self.Level.PROVINCE, self.Level.DISTRICT_LEGACY):
                return None
            unit = unit.parent
        return unit


class ManagerScope(models.Model):
    """The commune or province a manager answers for: they see every class, learner
    figure and certificate inside it, and nothing outside."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="manager_scopes"
    )
    unit = models.ForeignKey(
        AdministrativeUnit, on_delete=models.CASCADE, related_name="manager_scopes"
    )

    class Meta:
        verbose_name = "phạm vi quản lý"
        verbose_name_plural = "phạm vi quản lý"
        constraints = [models.UniqueConstraint(fields=["user", "unit"], name="one_scope_per_unit")]

    def __str__(self):
        return f"{self.user} · {self.unit}"


class OrganisingUnit(models.Model):
    """Who runs classes: a party cell, a youth-union branch, a community team…"""

    class Kind(models.TextChoices):
        PARTY_CELL = "chi_bo", "Chi bộ"
        YOUTH_UNION = "chi_doan", "Chi đoàn"
        DIGITAL_TEAM = "to_cong_nghe_so", "Tổ công nghệ số cộng đồng"
        AGENCY = "co_quan", "Cơ quan"
        SCHOOL = "truong", "Trường học"

    name = models.CharField("tên", max_length=150)
    kind = models.CharField("loại", max_length=20, choices=Kind.choices)
    unit = models.ForeignKey(
        AdministrativeUnit,
        on_delete=models.PROTECT,
        related_name="organising_units",
        verbose_name="địa bàn",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "đơn vị tổ chức lớp"
        verbose_name_plural = "đơn vị tổ chức lớp"

    def __str__(self):
        return f"{self.get_kind_display()} {self.name}"


class TrainingClass(models.Model):
    """A class a trainer runs in a commune hall, for one audience and one course."""

    class Audience(models.TextChoices):
        OFFICIALS = "can_bo", "Cán bộ, công chức"
        TRAINERS = "tap_huan_vien", "Tập huấn viên"
        CITIZENS = "cong_dan", "Người dân"

    name = models.CharField("tên lớp", max_length=150)
    organiser = models.ForeignKey(
        OrganisingUnit,
        on_delete=models.PROTECT,
        related_name="classes",
        verbose_name="đơn vị tổ chức",
    )
    commune = models.ForeignKey(
        AdministrativeUnit,
        on_delete=models.PROTECT,
        related_name="classes",
        verbose_name="xã, phường",
    )
    audience = models.CharField("đối tượng", max_length=20, choices=Audience.choices)
    course = models.ForeignKey(
        "courses.CoursePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="classes",
        verbose_name="khóa học",
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="classes_trained",
        verbose_name="tập huấn viên",
    )
    join_code = models.CharField("mã vào lớp", max_length=8, unique=True, default=new_join_code)
    is_open = models.BooleanField("đang nhận học viên", default=True)
    # The board's "needs help" flag: the same error this many times in a row, or this
    # many minutes on one step.
    help_after_errors = models.PositiveSmallIntegerField("báo cần giúp sau số lần sai", default=3)
    help_after_minutes = models.PositiveSmallIntegerField(
        "báo cần giúp sau số phút đứng một bước", default=5
    )
    # Trainer-paced mode: the activity of the course the whole class is on now, set from
    # the board; empty when every learner goes at their own pace.
    paced_activity_key = models.CharField(max_length=80, blank=True)
    paced_at = models.DateTimeField(null=True, blank=True)
    # Skills checks: the post-test the certificate asks for (when the question bank has
    # questions), how many tries, the pass mark, and the invigilated mode in which the
    # trainer opens and closes it from the board.
    post_test_required = models.BooleanField("cần đạt bài kiểm tra cuối khóa", default=True)
    post_test_pass_percent = models.PositiveSmallIntegerField(
        "điểm đạt bài kiểm tra cuối khóa (%)", default=80
    )
    post_test_attempts = models.PositiveSmallIntegerField("số lần làm bài cuối khóa", default=3)
    post_test_invigilated = models.BooleanField(
        "làm bài cuối khóa tại lớp, tập huấn viên mở và đóng", default=False
    )
    post_test_opened_at = models.DateTimeField(null=True, blank=True)
    post_test_closed_at = models.DateTimeField(null=True, blank=True)
    # Both sides of the counter: citizens' practice dossiers go to the desk of the
    # class's official learners, and to the auto-officer after this many minutes.
    pairs_desk = models.BooleanField("ghép cặp người dân với cán bộ một cửa", default=False)
    desk_wait_minutes = models.PositiveSmallIntegerField(
        "cán bộ tự động xử lý sau (phút)", default=10
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "lớp học"
        verbose_name_plural = "lớp học"

    def __str__(self):
        return self.name


def new_attendance_secret() -> str:
    return secrets.token_hex(16)


class ClassSession(models.Model):
    training_class = models.ForeignKey(
        TrainingClass, on_delete=models.CASCADE, related_name="sessions"
    )
    starts_at = models.DateTimeField("thời gian")
    place = models.CharField("địa điểm", max_length=200)
    device_notes = models.CharField("thiết bị", max_length=250, blank=True)
    # The attendance code on the projector is drawn from this secret and the minute, so
    # it changes every minute and no table of codes is stored (training/attendance_codes.py).
    attendance_secret = models.CharField(
        max_length=32, default=new_attendance_secret, editable=False
    )
    code_opened_at = models.DateTimeField("mở điểm danh bằng mã lúc", null=True, blank=True)
    code_closed_at = models.DateTimeField("đóng điểm danh bằng mã lúc", null=True, blank=True)

    class Meta:
        ordering = ["starts_at"]

    def __str__(self):
        return f"{self.training_class} {self.starts_at:%d/%m/%Y %H:%M}"


class Enrollment(models.Model):
    """A learner in a class. Minimal personal data: a name, a birth year, maybe a phone."""

    class JoinedVia(models.TextChoices):
        CODE = "code", "Tự vào bằng mã lớp"
        ROSTER = "roster", "Tập huấn viên ghi danh"

    training_class = models.ForeignKey(
        TrainingClass, on_delete=models.CASCADE, related_name="enrollments"
    )
    # Empty once the learner's personal data is erased: the row stays so the class's
    # figures do not change.
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrollments",
    )
    display_name = models.CharField("họ và tên", max_length=100)
    birth_year = models.PositiveSmallIntegerField("năm sinh", null=True, blank=True)
    phone = models.CharField("số điện thoại", max_length=10, blank=True)
    joined_via = models.CharField(max_length=8, choices=JoinedVia.choices)
    consent_at = models.DateTimeField("đồng ý xử lý dữ liệu lúc")
    created_at = models.DateTimeField(auto_now_add=True)
    erased_at = models.DateTimeField("xóa dữ liệu cá nhân lúc", null=True, blank=True)
    # The join form's hidden token: the same form sent twice (a double tap, a retry on
    # weak Wi-Fi) finds this enrollment instead of making a second account.
    join_token = models.CharField(max_length=32, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["phone", "join_token"])

    class Meta:
        ordering = ["display_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["training_class", "learner"], name="one_enrollment_per_class"
            ),
            models.UniqueConstraint(
                fields=["join_token"],
                condition=~models.Q(join_token=""),
                name="one_enrollment_per_join_token",
            ),
        ]

    def __str__(self):
        return self.display_name


class Attendance(models.Model):
    class Method(models.TextChoices):
        LIST = "list", "Tập huấn viên đánh dấu"
        CODE = "code", "Học viên nhập mã trên màn chiếu"

    session = models.ForeignKey(ClassSession, on_delete=models.CASCADE, related_name="attendance")
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(default=False)
    method = models.CharField(max_length=4, choices=Method.choices, default=Method.LIST)
    # A code typed on a phone: a digest of that phone's browser session (never the session
    # key itself), so the trainer sees several learners marked from one phone. Shared phones
    # are normal in a class; the list only makes a proxy visible.
    device = models.CharField(max_length=12, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "enrollment"], name="one_mark_per_session")
        ]

    def __str__(self):
        return f"{self.enrollment} {'có mặt' if self.present else 'vắng'}"
