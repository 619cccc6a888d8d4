"""Screens captured from the practice portal for each tutorial step.

The capture itself lives in the sandbox (it drives the practice portal in a browser);
these rows are what it leaves behind, read by the renderer and the procedure page, so
courses never imports the sandbox. Imported by courses.models so Django registers them.
"""

from django.db import models

from .renders import QueuedWork


def shot_path(instance, filename):
    return f"captures/{instance.capture.procedure_id}/{instance.capture_id}/{filename}"


class StepCapture(QueuedWork):
    """One capture of one step, keyed by the hash of everything that changes its screens
    (the step's script and texts, the scripts before it, the practice portal's templates
    and e-form). The newest *done* row for the current hash is what renders use."""

    class Status(models.TextChoices):
        PENDING = "pending", "Đang chờ chụp"
        RUNNING = "running", "Đang chụp"
        DONE = "done", "Đã chụp"
        FAILED = "failed", "Lỗi khi chụp"

    procedure = models.ForeignKey(
        "courses.ProcedurePage", on_delete=models.CASCADE, related_name="captures"
    )
    step_key = models.CharField(max_length=64)
    capture_hash = models.CharField(max_length=64)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    viewport_width = models.PositiveSmallIntegerField(default=0)
    viewport_height = models.PositiveSmallIntegerField(default=0)
    pixel_ratio = models.FloatField(default=1.0)
    # sha256 over the shots' pictures, boxes and texts: the render hash takes it instead
    # of reading every picture again.
    shots_digest = models.CharField(max_length=64, blank=True)
    still = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    still_alt = models.CharField(max_length=250, blank=True)
    seconds = models.FloatField(null=True, blank=True)

    class Meta(QueuedWork.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["procedure", "step_key", "capture_hash"], name="one_capture_per_content"
            )
        ]

    def __str__(self):
        return f"{self.procedure_id} · {self.step_key} · {self.get_status_display()}"


class CaptureShot(models.Model):
    """One screen of a capture: what the phone showed at a moment of an action.

    ``box`` is the acted-on element in CSS pixels of the viewport ([x, y, w, h]), or None
    for a screen that shows a result. The renderer dims around it, draws the tap, and
    lets typed text appear shot by shot."""

    class Kind(models.TextChoices):
        LOOK = "look", "Chỉ vào"
        TAP = "tap", "Bấm"
        TYPE = "type", "Gõ chữ"
        RESULT = "result", "Kết quả"

    capture = models.ForeignKey(StepCapture, on_delete=models.CASCADE, related_name="shots")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=8, choices=Kind.choices)
    image = models.FileField(upload_to=shot_path, max_length=255)
    box = models.JSONField(null=True, blank=True)
    # The practice banner's box: never dimmed, so every frame says it is not the portal.
    banner = models.JSONField(null=True, blank=True)
    action_label = models.CharField(max_length=250, blank=True)
    typed = models.CharField(max_length=250, blank=True)

    class Meta:
        ordering = ["capture", "position"]
        constraints = [
            models.UniqueConstraint(fields=["capture", "position"], name="one_shot_per_position")
        ]

    def __str__(self):
        return f"{self.capture_id} #{self.position} {self.kind}"
