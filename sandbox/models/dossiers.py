import uuid

from simple_history.models import HistoricalRecords

from django.db import models


class DossierStatus(models.IntegerChoices):
    """The statuses of the real one-stop systems (codes 1–10), plus a draft."""

    DRAFT = 0, "Hồ sơ nháp"
    NEW = 1, "Mới đăng ký"
    RECEIVED = 2, "Được tiếp nhận"
    REJECTED = 3, "Không được tiếp nhận"
    PROCESSING = 4, "Đang xử lý"
    SUPPLEMENT = 5, "Yêu cầu bổ sung giấy tờ"
    FINANCIAL = 6, "Yêu cầu thực hiện nghĩa vụ tài chính"
    WITHDRAWN = 7, "Công dân yêu cầu rút hồ sơ"
    STOPPED = 8, "Dừng xử lý"
    DONE = 9, "Đã xử lý xong"
    RETURNED = 10, "Đã trả kết quả"


class DeliveryMethod(models.TextChoices):
    ONLINE = "online", "Nhận kết quả trực tuyến (bản điện tử)"
    DESK = "desk", "Nhận trực tiếp tại Bộ phận một cửa"
    POST = "post", "Qua dịch vụ bưu chính công ích"


class PracticeDossier(models.Model):
    """A practice dossier (hồ sơ), from draft to returned result.

    Dossiers move only through sandbox.services: the citizen's wizard, the one-stop-desk
    console, or the scripted auto-officer.
    """

    class Mode(models.TextChoices):
        GUIDED = "guided", "Có hướng dẫn"
        PRACTICE = "practice", "Tự làm (không gợi ý)"

    class FeeStatus(models.TextChoices):
        NONE = "none", "Không thu phí"
        UNPAID = "unpaid", "Chưa thanh toán"
        PENDING = "pending", "Đã trừ tiền, chờ cập nhật"
        PAID = "paid", "Đã thanh toán"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner_key = models.CharField(max_length=64, db_index=True)
    identity = models.ForeignKey(
        "sandbox.PracticeIdentity", on_delete=models.CASCADE, related_name="dossiers"
    )
    procedure = models.ForeignKey(
        "courses.ProcedurePage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    procedure_title = models.CharField(max_length=255)
    attempt = models.ForeignKey(
        "sandbox.ExerciseAttempt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dossiers",
    )
    mode = models.CharField(max_length=10, choices=Mode.choices, default=Mode.GUIDED)
    agency_name = models.CharField("cơ quan thực hiện", max_length=200)
    case_name = models.CharField("trường hợp", max_length=200, blank=True)
    applicant = models.JSONField(default=dict, blank=True)
    form_data = models.JSONField(default=dict, blank=True)
    delivery_method = models.CharField(max_length=8, choices=DeliveryMethod.choices, blank=True)
    delivery_address = models.CharField(max_length=250, blank=True)
    declaration_accepted = models.BooleanField(default=False)
    consent_accepted = models.BooleanField(default=False)
    wizard_steps_done = models.JSONField(default=list, blank=True)

    status = models.PositiveSmallIntegerField(
        choices=DossierStatus.choices, default=DossierStatus.DRAFT
    )
    code = models.CharField("mã hồ sơ", max_length=40, unique=True, null=True, blank=True)
    fee_amount = models.PositiveIntegerField(default=0)
    fee_status = models.CharField(max_length=8, choices=FeeStatus.choices, default=FeeStatus.NONE)
    auto_officer = models.BooleanField(default=False)
    auto_officer_script = models.CharField(max_length=20, default="normal")
    # A shared desk (e.g. a training class's): its seated officials see the dossier on
    # their console, and the auto-officer waits desk_wait_seconds for them before acting.
    # An opaque name; the sandbox knows nothing of what it stands for.
    desk_key = models.CharField(max_length=40, blank=True, db_index=True)
    desk_wait_seconds = models.PositiveIntegerField(null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(null=True, blank=True)
    due_date = models.DateField("ngày hẹn trả", null=True, blank=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    returned_at = models.DateTimeField(null=True, blank=True)
    apology_sent_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)  # rejection reason, withdrawal note…
    result_summary = models.CharField(max_length=250, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.code or f"Hồ sơ nháp {self.procedure_title}"

    @property
    def is_draft(self):
        return self.status == DossierStatus.DRAFT

    @property
    def is_finished(self):
        return self.status in (
            DossierStatus.DONE,
            DossierStatus.RETURNED,
            DossierStatus.REJECTED,
            DossierStatus.WITHDRAWN,
        )


def attachment_path(instance, filename):
    # The stored name is random (sandbox.uploads.safe_stored_name); never the user's.
    return f"sandbox/{instance.dossier.owner_key[:8]}/{filename}"


class DossierAttachment(models.Model):
    dossier = models.ForeignKey(PracticeDossier, on_delete=models.CASCADE, related_name="files")
    slot = models.PositiveSmallIntegerField()  # index of the document in the procedure's list
    document_name = models.CharField(max_length=255)
    file = models.FileField(upload_to=attachment_path, max_length=255)
    content_type = models.CharField(max_length=30)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    size = models.PositiveIntegerField()
    supplement = models.ForeignKey(
        "sandbox.SupplementRequest",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="files",
    )
    # SHA-256 of the bytes as sent, so the same photo sent twice to one slot (a double
    # tap, a re-sent form) is recognised and stored once. Blank on photos from before.
    upload_sha256 = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["slot", "created_at"]

    def __str__(self):
        return self.document_name


class DossierCodeCounter(models.Model):
    """The last number handed out in one day's dossier codes (…-yyMMdd-NNNN).

    Submissions lock the day's row to take the next number, so two at once always get
    different ones, on PostgreSQL as on SQLite. Numbers are never handed out again, not
    even after a purge, as on the real systems.
    """

    day = models.DateField(unique=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.day:%d/%m/%Y}: {self.last_number}"


class SupplementRequest(models.Model):
    """Yêu cầu bổ sung: which documents, why, what content, by when."""

    dossier = models.ForeignKey(
        PracticeDossier, on_delete=models.CASCADE, related_name="supplements"
    )
    document_names = models.JSONField(default=list)
    reason = models.TextField("lý do bổ sung")
    content = models.TextField("nội dung cần bổ sung")
    deadline = models.DateField("hạn bổ sung")
    requested_by = models.CharField(max_length=60)
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answer_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Bổ sung {', '.join(self.document_names)}"


class Payment(models.Model):
    """One attempt through the simulated payment gateway."""

    class Status(models.TextChoices):
        STARTED = "started", "Khởi tạo"
        SUCCESS = "success", "Thành công"
        FAILED = "failed", "Thất bại"
        TIMEOUT = "timeout", "Hết thời gian chờ"
        DEBITED = "debited", "Đã trừ tiền, hồ sơ chưa cập nhật"
        RECONCILED = "reconciled", "Đã đối soát, thành công"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dossier = models.ForeignKey(PracticeDossier, on_delete=models.CASCADE, related_name="payments")
    provider = models.CharField(max_length=40)
    amount = models.PositiveIntegerField()
    transfer_fee = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.STARTED)
    receipt_number = models.CharField(max_length=30, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    paid_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.provider} {self.amount} ({self.get_status_display()})"

    @property
    def total(self):
        return self.amount + self.transfer_fee


class Rating(models.Model):
    class Score(models.IntegerChoices):
        VERY_SATISFIED = 5, "Rất hài lòng"
        SATISFIED = 4, "Hài lòng"
        NEUTRAL = 3, "Bình thường"
        UNSATISFIED = 2, "Không hài lòng"
        VERY_UNSATISFIED = 1, "Rất không hài lòng"

    dossier = models.OneToOneField(PracticeDossier, on_delete=models.CASCADE, related_name="rating")
    score = models.PositiveSmallIntegerField(choices=Score.choices)
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.get_score_display()


class DossierEvent(models.Model):
    """Quá trình xử lý: the timeline the citizen and the desk both see."""

    dossier = models.ForeignKey(PracticeDossier, on_delete=models.CASCADE, related_name="events")
    actor = models.CharField(max_length=60)
    # Who acted, as an owner key (blank on older rows): the name above is for reading,
    # this counts which dossiers an official handled on a shared desk.
    actor_key = models.CharField(max_length=64, blank=True)
    action = models.CharField(max_length=200)
    from_status = models.PositiveSmallIntegerField(choices=DossierStatus.choices, null=True)
    to_status = models.PositiveSmallIntegerField(choices=DossierStatus.choices, null=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.action


class Holiday(models.Model):
    """Public holidays and days off, for due dates in working days. Editors keep it current."""

    date = models.DateField(unique=True)
    name = models.CharField(max_length=120)

    class Meta:
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.name}"
