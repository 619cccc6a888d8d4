"""Shared desks: which practice owners sit at one, and the marks of the desk rubric."""

from django.db import models

from .dossiers import PracticeDossier


class DeskSeat(models.Model):
    """One practice owner (``u<user pk>``) seated at a shared desk (e.g. ``class-12``):
    dossiers routed to that desk appear on their console."""

    owner_key = models.CharField(max_length=64, db_index=True)
    desk_key = models.CharField(max_length=40, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner_key", "desk_key"], name="desk_seat_unique")
        ]

    def __str__(self):
        return f"{self.owner_key} @ {self.desk_key}"


class DeskRubricMark(models.Model):
    """A fault of an official's refused supplement request on a shared-desk dossier.

    Written once per (dossier, official, fault, document): a double tap of the same
    wrong request costs the points once."""

    class Fault(models.TextChoices):
        UNLISTED_DOCUMENT = (
            "unlisted_document",
            "Yêu cầu giấy tờ không có trong thành phần hồ sơ của thủ tục",
        )
        DOCUMENT_IN_DATABASE = (
            "document_in_database",
            "Yêu cầu giấy tờ đã có trong cơ sở dữ liệu (cán bộ phải tự tra cứu)",
        )
        NO_REASON = "no_reason", "Không ghi rõ lý do và nội dung cần bổ sung"

    dossier = models.ForeignKey(
        PracticeDossier, on_delete=models.CASCADE, related_name="desk_rubric_marks"
    )
    owner_key = models.CharField(max_length=64, db_index=True)
    fault = models.CharField(max_length=24, choices=Fault.choices)
    document_name = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "owner_key", "fault", "document_name"],
                name="desk_rubric_mark_once",
            )
        ]

    def __str__(self):
        return f"{self.get_fault_display()} {self.document_name}".strip()
