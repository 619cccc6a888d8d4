"""Certificates anyone can verify by their QR code, and revoke when issued wrongly."""

from simple_history.models import HistoricalRecords

from django.conf import settings
from django.db import models

from .classes import readable_code


def new_certificate_code() -> str:
    # Also read aloud over the phone: no 0/O, 1/I/L.
    return readable_code(10)


class Certificate(models.Model):
    class Kind(models.TextChoices):
        CITIZEN = "cong_dan", "Chứng nhận Công dân số"
        OFFICIAL = "can_bo", "Chứng nhận cán bộ hướng dẫn dịch vụ công trực tuyến"
        TRAINER = "tap_huan_vien", "Chứng nhận tập huấn viên Công dân số"

    code = models.CharField(max_length=12, unique=True, default=new_certificate_code)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    enrollment = models.OneToOneField(
        "training.Enrollment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificate",
    )
    # Copied at issue: the verification page must read the same in ten years, whatever
    # happens to the course page or the organising unit.
    holder_name = models.CharField("họ và tên", max_length=100, blank=True)
    course_title = models.CharField("khóa học", max_length=255)
    issuer_name = models.CharField("đơn vị cấp", max_length=200)
    commune_name = models.CharField("xã, phường", max_length=120)
    commune = models.ForeignKey(
        "training.AdministrativeUnit", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.CharField("lý do thu hồi", max_length=200, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    holder_erased_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = "giấy chứng nhận"
        verbose_name_plural = "giấy chứng nhận"

    def __str__(self):
        return f"{self.code} {self.get_kind_display()}"

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None
