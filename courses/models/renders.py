"""Video renders of a procedure's tutorial and of each of its steps, and what learners
watched of them. Imported by courses.models so Django registers them."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


def render_path(instance, filename):
    # One folder per render row: a retried task overwrites its own files, and a new
    # content hash gets a new row and folder, so learners never see a half-written file.
    return f"renders/{instance.procedure_id}/{instance.pk}/{filename}"


class QueuedWork(models.Model):
    """What a render and a capture share: asked for, claimed by one worker, kept alive by
    heartbeats (a row whose heartbeat stops is taken over), finished or failed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # When this content was last asked for: after a revert to older content, its old
    # row (not the newest one made) is what the page shows.
    requested_at = models.DateTimeField(default=timezone.now, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-requested_at"]


class TutorialRender(QueuedWork):
    """One render of one tutorial (``step_key`` empty) or one step's clip.

    Rows are keyed by the hash of everything that changes the output, so an unchanged
    step is never rendered twice; the newest *done* row is what learners see, so a
    failed re-render leaves the previous good video in place.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Đang chờ"
        RUNNING = "running", "Đang dựng"
        DONE = "done", "Đã xong"
        FAILED = "failed", "Lỗi"

    procedure = models.ForeignKey(
        "courses.ProcedurePage", on_delete=models.CASCADE, related_name="renders"
    )
    step_key = models.CharField(max_length=64, blank=True)  # StreamField block id
    step_title = models.CharField(max_length=200, blank=True)
    content_hash = models.CharField(max_length=64)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    progress = models.PositiveSmallIntegerField(default=0)
    video_360 = models.FileField(upload_to=render_path, blank=True, max_length=255)
    video_720 = models.FileField(upload_to=render_path, blank=True, max_length=255)
    # Portrait 360×640 for phones: made for tutorials captured from the practice portal,
    # whose screens are phone-shaped (the landscape 360p would shrink them illegibly).
    video_phone = models.FileField(upload_to=render_path, blank=True, max_length=255)
    poster = models.FileField(upload_to=render_path, blank=True, max_length=255)
    captions_vtt = models.TextField(blank=True)
    chapters_vtt = models.TextField(blank=True)
    duration = models.FloatField(null=True, blank=True)
    size_360 = models.PositiveIntegerField(null=True, blank=True)
    size_720 = models.PositiveIntegerField(null=True, blank=True)
    size_phone = models.PositiveIntegerField(null=True, blank=True)
    has_narration = models.BooleanField(default=False)
    step_durations = models.JSONField(default=list, blank=True)
    shot_schedule = models.JSONField(default=list, blank=True)  # frames per captured shot
    timings = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta(QueuedWork.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["procedure", "step_key", "content_hash"], name="one_render_per_content"
            )
        ]

    def __str__(self):
        what = self.step_title or "toàn bộ hướng dẫn"
        return f"{self.procedure_id} · {what} · {self.get_status_display()}"

    @property
    def is_tutorial(self):
        return not self.step_key

    @property
    def small_video(self):
        """The file for phones and weak links: portrait when there is one."""
        return self.video_phone or self.video_360


class VideoWatchLog(models.Model):
    """Segments of a video a learner played, as the player reported them (append-only).

    The progress work turns these into "watched ≥ 90% of distinct seconds"."""

    render = models.ForeignKey(TutorialRender, on_delete=models.CASCADE, related_name="watches")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE
    )
    session_key = models.CharField(max_length=64, db_index=True)
    start = models.FloatField()
    end = models.FloatField()
    playback_rate = models.FloatField(default=1.0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.render_id} {self.start:.1f}–{self.end:.1f}"


class VideoWatchReport(models.Model):
    """One batch of segments the player sent, by the id the player gave it.

    Phones on weak Wi-Fi re-send a batch whose answer was lost; the batch id makes the
    repeat a no-op, so seconds are never credited twice."""

    render = models.ForeignKey(TutorialRender, on_delete=models.CASCADE, related_name="reports")
    session_key = models.CharField(max_length=64)
    batch = models.CharField(max_length=64)
    segment_count = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["render", "session_key", "batch"], name="one_watch_report_per_batch"
            )
        ]

    def __str__(self):
        return f"{self.render_id} {self.batch}"
