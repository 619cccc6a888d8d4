"""Dossiers made up for the officials' exercises: a synthetic citizen has submitted them
and they wait in the learner's own practice desk."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from fontpkg_be_vietnam_pro import ROOT as FONT_ROOT
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from django.core.files.uploadedfile import SimpleUploadedFile

from ..models import Exercise, PracticeDossier
from ..selectors import attachment_slots, practice_form_for, prefill_value
from .accounts import identity_issue
from .attachments import dossier_attach
from .dossiers import dossier_save_delivery, dossier_start, dossier_submit

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ..context import PracticeContext
    from ..models import ExerciseAttempt, PracticeIdentity


def document_photo(title: str, lines: Sequence[str], *, blurred: bool = False) -> bytes:
    """A phone photo of a paper document, drawn; blurred for the supplement exercise."""
    font = ImageFont.truetype(str(FONT_ROOT / "files" / "BeVietnamPro-Regular.ttf"), 28)
    bold = ImageFont.truetype(str(FONT_ROOT / "files" / "BeVietnamPro-Bold.ttf"), 34)
    image = Image.new("RGB", (900, 1200), (236, 230, 214))
    draw = ImageDraw.Draw(image)
    draw.rectangle([40, 40, 860, 1160], fill=(252, 250, 244), outline=(120, 110, 90), width=3)
    draw.text((450, 120), title.upper(), font=bold, fill=(30, 30, 30), anchor="mm")
    for index, line in enumerate(lines):
        draw.text((90, 220 + index * 60), line, font=font, fill=(40, 40, 40))
    draw.text((450, 1100), "ẢNH LUYỆN TẬP", font=bold, fill=(190, 40, 40), anchor="mm")
    if blurred:
        image = image.filter(ImageFilter.GaussianBlur(9))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def _sample_value(field: Mapping[str, Any], identity: PracticeIdentity) -> str:
    if field.get("prefill"):
        return prefill_value(identity, field["prefill"])
    kind = field["kind"]
    if kind == "date":
        return "02/11/2026"
    if kind == "number":
        return "1"
    if kind == "choice":
        return (field["choices"] or "").split(";")[0].strip()
    if kind == "cccd":
        return identity.cccd
    if kind == "phone":
        return identity.phone
    return "Nguyễn Minh Khang" if "ten" in field["key"] else "Xã Đầm Dơi, tỉnh Cà Mau"


def desk_scenario_dossier(
    *, ctx: PracticeContext, exercise: Exercise, attempt: ExerciseAttempt
) -> PracticeDossier:
    """A submitted khai sinh (or other) dossier for the official's exercise."""
    citizen = identity_issue(ctx=ctx)
    procedure = exercise.procedure
    dossier = dossier_start(
        ctx=ctx,
        identity=citizen,
        procedure=procedure,
        agency_name="Ủy ban nhân dân xã Đầm Dơi (luyện tập)",
    )
    dossier.auto_officer = False  # the learner is the officer here
    form = practice_form_for(procedure)
    dossier.form_data = {
        field["key"]: _sample_value(field, citizen) for field in (form.fields() if form else [])
    }
    dossier.applicant = {"is_owner": True}
    dossier.wizard_steps_done = ["applicant", "eform"]
    dossier.save()
    dossier_save_delivery(ctx=ctx, dossier=dossier, method="online")
    blurred = exercise.kind == Exercise.Kind.DESK_SUPPLEMENT
    for item in attachment_slots(dossier):
        if not item["required"]:
            continue
        photo = document_photo(
            item["name"],
            [
                f"Họ tên mẹ: {citizen.full_name}",
                "Sinh con: Nam",
                "Ngày sinh: 02/11/2026",
                "Nơi sinh: Trạm y tế xã Đầm Dơi",
            ],
            blurred=blurred,
        )
        dossier_attach(
            ctx=ctx,
            dossier=dossier,
            slot=item["slot"],
            uploaded=SimpleUploadedFile("anh.jpg", photo, "image/jpeg"),
        )
    dossier = dossier_submit(ctx=ctx, dossier=dossier, declaration=True, consent=True)
    if dossier.fee_status == PracticeDossier.FeeStatus.UNPAID:
        dossier.fee_status = PracticeDossier.FeeStatus.PAID  # paid by the made-up citizen
        dossier.save(update_fields=["fee_status"])
    return dossier
