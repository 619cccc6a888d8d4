"""Issuing, revoking and printing certificates; the public verification reads only the
copied fields (name, course, date, issuing unit), never the learner's account."""

from __future__ import annotations

import datetime
import io
import unicodedata
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import segno
from fontpkg_be_vietnam_pro import ROOT as FONT_ROOT
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..errors import TrainingError, limited_text
from ..models import Certificate, TrainingClass

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    from ..models import Enrollment

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
KIND_BY_AUDIENCE = {
    TrainingClass.Audience.CITIZENS: Certificate.Kind.CITIZEN,
    TrainingClass.Audience.OFFICIALS: Certificate.Kind.OFFICIAL,
    TrainingClass.Audience.TRAINERS: Certificate.Kind.TRAINER,
}


def certificate_issue(
    *, enrollment: Enrollment, now: datetime.datetime | None = None
) -> Certificate:
    """The certificate for a completed enrolment; issuing twice returns the first."""
    existing = Certificate.objects.filter(enrollment=enrollment).first()
    if existing is not None:
        return existing
    training_class = enrollment.training_class
    course = training_class.course
    try:
        with transaction.atomic():
            return Certificate.objects.create(
                kind=KIND_BY_AUDIENCE.get(training_class.audience, Certificate.Kind.CITIZEN),
                learner=enrollment.learner,
                enrollment=enrollment,
                holder_name=enrollment.display_name,
                course_title=course.title if course else training_class.name,
                issuer_name=str(training_class.organiser),
                commune=training_class.commune,
                commune_name=training_class.commune.name,
                issued_at=now or timezone.now(),
            )
    except IntegrityError:  # issued meanwhile by a parallel write
        return Certificate.objects.get(enrollment=enrollment)


def certificate_revoke(
    *, certificate: Certificate, reason: str, by: User, now: datetime.datetime | None = None
) -> Certificate:
    reason = limited_text(reason, field="reason", label=_("Reason for revoking"), max_length=200)
    if not reason:
        raise TrainingError(
            "reason",
            _("Write the reason for revoking, for example “Issued to the wrong person”."),
        )
    if certificate.revoked_at:
        raise TrainingError("reason", _("This certificate was already revoked."))
    certificate.revoked_at = now or timezone.now()
    certificate.revoked_reason = reason
    certificate.revoked_by = by
    certificate.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
    return certificate


def holds_trainer_certificate(user: User | AnonymousUser) -> bool:
    return Certificate.objects.filter(
        learner=user, kind=Certificate.Kind.TRAINER, revoked_at__isnull=True
    ).exists()


# ---- the PDF ---------------------------------------------------------------------------

FONT, BOLD = "BeVietnamPro", "BeVietnamPro-Bold"
GREEN = colors.Color(0.06, 0.36, 0.24)


def _fonts() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        for name, face in ((FONT, "Regular"), (BOLD, "Bold")):
            path = FONT_ROOT / "files" / f"BeVietnamPro-{face}.ttf"
            pdfmetrics.registerFont(TTFont(name, str(path)))


def _nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "")


def _centred(
    pdf: canvas.Canvas, text: str | None, y: float, font: str, size: float, width: float
) -> None:
    pdf.setFont(font, size)
    pdf.drawCentredString(width / 2, y, _nfc(text))


def _qr(pdf: canvas.Canvas, url: str, x: float, y: float, size: float) -> None:
    """The QR code drawn as vector squares: sharp when printed, a few hundred bytes."""
    matrix = [list(row) for row in segno.make(url, error="m").matrix]
    cell = size / len(matrix)
    pdf.setFillColor(colors.black)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                pdf.rect(x + c * cell, y + size - (r + 1) * cell, cell, cell, stroke=0, fill=1)


def certificate_pdf(certificate: Certificate, verify_url: str) -> bytes:
    """A landscape A4 certificate: holder, course, date, issuing unit, and a QR code to
    the public verification page (whose address is printed too, for those without a
    QR reader)."""
    _fonts()
    buffer = io.BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    pdf.setTitle(_nfc(f"{certificate.get_kind_display()} {certificate.code}"))
    pdf.setAuthor(_("Digital Citizen"))
    pdf.setStrokeColor(GREEN)
    pdf.setLineWidth(3)
    pdf.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    pdf.setFillColor(GREEN)
    _centred(pdf, _("SOCIALIST REPUBLIC OF VIET NAM"), height - 32 * mm, BOLD, 12, width)
    _centred(pdf, _("Independence - Freedom - Happiness"), height - 38 * mm, FONT, 11, width)
    _centred(pdf, certificate.issuer_name, height - 50 * mm, BOLD, 13, width)
    _centred(pdf, certificate.get_kind_display().upper(), height - 68 * mm, BOLD, 24, width)
    pdf.setFillColor(colors.black)
    _centred(pdf, _("This certifies that"), height - 82 * mm, FONT, 13, width)
    _centred(pdf, certificate.holder_name or "—", height - 96 * mm, BOLD, 22, width)
    _centred(pdf, _("has completed the course"), height - 108 * mm, FONT, 13, width)
    _centred(pdf, certificate.course_title, height - 118 * mm, BOLD, 15, width)
    issued = timezone.localtime(certificate.issued_at, LOCAL_TZ)
    _centred(
        pdf,
        # Translators: the place and date of issue, as official papers write them.
        _("%(place)s, %(day)s/%(month)s/%(year)s")
        % {
            "place": certificate.commune_name,
            "day": f"{issued:%d}",
            "month": f"{issued:%m}",
            "year": f"{issued:%Y}",
        },
        height - 132 * mm,
        FONT,
        12,
        width,
    )
    size = 38 * mm
    _qr(pdf, verify_url, width - 24 * mm - size, 22 * mm, size)
    pdf.setFont(FONT, 9.5)
    pdf.setFillColor(colors.Color(0.3, 0.3, 0.3))
    pdf.drawString(24 * mm, 30 * mm, _nfc(_("Number: %(code)s") % {"code": certificate.code}))
    pdf.drawString(
        24 * mm, 24 * mm, _nfc(_("Verify this certificate: %(url)s") % {"url": verify_url})
    )
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
