import uuid

from django.conf import settings
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from ..blocks import EFormSectionBlock


class PracticeForm(models.Model):
    """The e-form (tờ khai điện tử) of one procedure, as data an editor can extend.

    Besides the fields, it says how the fee grows with a quantity the citizen asks for
    (copies of a birth certificate, extra criminal-record certificates).
    """

    procedure = models.OneToOneField(
        "courses.ProcedurePage", on_delete=models.CASCADE, related_name="practice_form"
    )
    sections = StreamField([("section", EFormSectionBlock())], verbose_name="các phần tờ khai")
    cases = models.TextField(
        "các trường hợp", blank=True, help_text="Mỗi dòng một trường hợp giải quyết."
    )
    fee_units_field = models.CharField(
        "trường số lượng tính phí", max_length=40, blank=True, help_text="Ví dụ: so_ban_sao"
    )
    fee_free_units = models.PositiveSmallIntegerField("số lượng không tính thêm", default=0)
    fee_per_unit = models.PositiveIntegerField("phí mỗi bản thêm (đồng)", default=0)
    fee_per_unit_label = models.CharField(max_length=120, blank=True)

    panels = [
        FieldPanel("procedure"),
        FieldPanel("cases"),
        FieldPanel("sections"),
        FieldPanel("fee_units_field"),
        FieldPanel("fee_free_units"),
        FieldPanel("fee_per_unit"),
        FieldPanel("fee_per_unit_label"),
    ]

    class Meta:
        verbose_name = "tờ khai điện tử luyện tập"
        verbose_name_plural = "tờ khai điện tử luyện tập"

    def __str__(self):
        return f"Tờ khai: {self.procedure.title}"

    def case_list(self):
        return [line.strip() for line in self.cases.splitlines() if line.strip()]

    def fields(self):
        """Every field of every section, in order, as dicts."""
        return [dict(field) for section in self.sections for field in section.value["fields"]]


class Exercise(models.Model):
    """A practice task (Bài tập) with a goal the sandbox can check by itself."""

    class Audience(models.TextChoices):
        CITIZEN = "citizen", "Người dân"
        OFFICIAL = "official", "Cán bộ một cửa"

    class Kind(models.TextChoices):
        REGISTER = "register", "Tạo tài khoản và đăng nhập"
        VNEID_LOGIN = "vneid_login", "Đăng nhập bằng VNeID"
        SUBMIT = "submit", "Nộp hồ sơ trực tuyến"
        SUPPLEMENT = "supplement", "Gửi bổ sung khi được yêu cầu"
        DESK_ACCEPT = "desk_accept", "Tiếp nhận hồ sơ đủ"
        DESK_SUPPLEMENT = "desk_supplement", "Yêu cầu bổ sung đúng quy định"

    slug = models.SlugField(unique=True)
    title = models.CharField("tên bài tập", max_length=200)
    audience = models.CharField(max_length=10, choices=Audience.choices)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    procedure = models.ForeignKey(
        "courses.ProcedurePage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="exercises",
    )
    task = models.TextField("đề bài")
    goal = models.JSONField("điều kiện hoàn thành", default=dict, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("audience"),
        FieldPanel("kind"),
        FieldPanel("procedure"),
        FieldPanel("task"),
        FieldPanel("goal"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["audience", "sort_order", "title"]
        verbose_name = "bài tập"
        verbose_name_plural = "bài tập"

    def __str__(self):
        return self.title


class ExerciseAttempt(models.Model):
    """One try at an exercise; the summary the progress work reads."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner_key = models.CharField(max_length=64, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE
    )
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="attempts")
    mode = models.CharField(max_length=10)
    started_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    error_count = models.PositiveIntegerField(default=0)
    hint_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.exercise} ({self.get_mode_display()})"

    def get_mode_display(self):
        return "Có hướng dẫn" if self.mode == "guided" else "Tự làm"

    @property
    def duration_seconds(self):
        if not self.completed_at:
            return None
        return int((self.completed_at - self.started_at).total_seconds())


class PracticeEvent(models.Model):
    """Append-only log of everything a learner does in the sandbox (Kolibri's logger)."""

    class Kind(models.TextChoices):
        EXERCISE_STARTED = "exercise_started", "Bắt đầu bài tập"
        STEP_ENTERED = "step_entered", "Vào bước"
        ERROR = "error", "Gặp lỗi"
        HINT_USED = "hint_used", "Xem gợi ý"
        STEP_COMPLETED = "step_completed", "Hoàn thành bước"
        EXERCISE_COMPLETED = "exercise_completed", "Hoàn thành bài tập"

    owner_key = models.CharField(max_length=64, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE
    )
    attempt = models.ForeignKey(
        ExerciseAttempt, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    step = models.CharField(max_length=40, blank=True)
    error_code = models.CharField(max_length=40, blank=True)
    field = models.CharField(max_length=40, blank=True)
    mode = models.CharField(max_length=10, blank=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.step} {self.error_code}".strip()
