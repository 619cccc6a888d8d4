"""Photos on a dossier: the documents of the wizard and the answer to a supplement
request. Every photo is checked and cleaned (EXIF and GPS removed) before the
transaction that keeps it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.utils import timezone

from .. import uploads
from ..errors import PracticeError, PracticeErrors
from ..models import DossierAttachment, DossierStatus, PracticeEvent
from ..selectors import attachment_slots, dossier_missing, holidays
from ..validators import NOTE_MAX, clean_text
from ..working_days import add_working_days, working_days_between
from .dossier_actions import (
    CITIZEN,
    dossier_action,
    dossier_locked,
    dossier_set_status,
    length_errors,
    refuse,
    step_mark,
)
from .events import practice_event_record

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

    from django.core.files.uploadedfile import UploadedFile

    from ..context import PracticeContext
    from ..models import PracticeDossier, SupplementRequest


def _same_photo(
    dossier: PracticeDossier, slot: int, supplement: SupplementRequest | None, sha256: str
) -> DossierAttachment | None:
    """The attachment already holding exactly these bytes in this slot, if any."""
    return dossier.files.filter(slot=slot, supplement=supplement, upload_sha256=sha256).first()


def _photo_clean(
    ctx: PracticeContext, uploaded: UploadedFile, *, step: str, slot: int, label: str
) -> uploads.CleanImage:
    """Check and re-encode one photo (EXIF and GPS removed). This is the slow part of an
    upload, so it runs before, never inside, the transaction that adds the row."""
    try:
        return uploads.clean_photo_upload(uploaded)
    except uploads.UploadRejected as rejected:
        refuse(
            ctx,
            [
                PracticeError(
                    f"upload_{rejected.code}",
                    step=step,
                    field=f"slot_{slot}",
                    field_label=label,
                    detail=rejected.message,
                )
            ],
        )


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def _photo_write(
    dossier: PracticeDossier, *, slot: int, name: str, clean: uploads.CleanImage, sha256: str
) -> DossierAttachment:
    """An attachment whose file is written to storage under a random name, its row not
    yet saved. Storage is written outside the transaction too; whoever does not keep
    the row deletes the file."""
    attachment = DossierAttachment(
        dossier=dossier,
        slot=slot,
        # The documents' names come from the procedure (a supplement joins several of
        # them): cut to the column so PostgreSQL stores what SQLite does.
        document_name=_fit(name, DossierAttachment._meta.get_field("document_name").max_length),
        content_type=clean.content_type,
        width=clean.width,
        height=clean.height,
        size=len(clean.content),
        upload_sha256=sha256,
    )
    attachment.file.save(
        uploads.safe_stored_name(clean.extension), ContentFile(clean.content), save=False
    )
    return attachment


def _attachment_keep(ctx: PracticeContext, attachment: DossierAttachment, *, step: str) -> None:
    """Save the row of a photo already in storage, and count the step for the learner."""
    attachment.save()
    practice_event_record(
        ctx=ctx,
        kind=PracticeEvent.Kind.STEP_COMPLETED,
        step=step,
        data={"slot": attachment.slot, "bytes": attachment.size},
    )


def dossier_attach(
    *, ctx: PracticeContext, dossier: PracticeDossier, slot: int, uploaded: UploadedFile
) -> DossierAttachment:
    """Check, clean (EXIF and GPS removed) and store one photo under a random name.

    A slot may hold several photos (the pages of a document), but the same photo sent
    twice to one slot (a double tap, a form re-sent on weak Wi-Fi) is stored once: the
    second request gets the first one's attachment and records nothing.
    """
    names = {item["slot"]: item["name"] for item in attachment_slots(dossier)}
    if slot not in names:
        refuse(
            ctx,
            [
                PracticeError(
                    "required", step="attachments", field=f"slot_{slot}", field_label="Giấy tờ"
                )
            ],
        )
    sha256 = uploads.upload_sha256(uploaded)
    same = _same_photo(dossier, slot, None, sha256)
    if same is not None:
        return same
    clean = _photo_clean(ctx, uploaded, step="attachments", slot=slot, label=names[slot])
    attachment = _photo_write(dossier, slot=slot, name=names[slot], clean=clean, sha256=sha256)
    kept = None
    try:
        kept = _attachment_add(ctx=ctx, dossier=dossier, attachment=attachment)
    finally:
        if kept is not attachment:
            attachment.file.delete(save=False)
    return kept


@dossier_action
def _attachment_add(
    *, ctx: PracticeContext, dossier: PracticeDossier, attachment: DossierAttachment
) -> DossierAttachment:
    if not dossier.is_draft:  # submitted meanwhile, from another tab
        raise PracticeErrors([PracticeError("desk_wrong_status", step="attachments")])
    same = _same_photo(dossier, attachment.slot, None, attachment.upload_sha256)
    if same is not None:  # the same photo, sent at the same moment by a double tap
        return same
    _attachment_keep(ctx, attachment, step="attachments")
    return attachment


@dossier_action
def dossier_attachments_confirm(*, ctx: PracticeContext, dossier: PracticeDossier) -> None:
    """ "Tiếp tục" on the attachments step: every required photo must be there."""
    if not dossier.is_draft:
        return
    missing = [error for error in dossier_missing(dossier) if error.step == "attachments"]
    if missing:
        raise PracticeErrors(missing)
    step_mark(dossier, "attachments")
    dossier.save(update_fields=["wizard_steps_done"])


def attachment_remove(*, dossier: PracticeDossier, attachment_id: str | int) -> None:
    if not str(attachment_id).isdigit():
        return
    with dossier_locked(dossier):
        attachment = dossier.files.filter(pk=attachment_id, supplement__isnull=True).first()
        if attachment is None or not dossier.is_draft:
            return
        attachment.delete()
    # The file goes once its row is gone: never a row pointing at a missing file.
    attachment.file.delete(save=False)


def _supplement_already_sent(dossier: PracticeDossier, sha256s: Collection[str]) -> bool:
    """Whether these photos answered the dossier's last supplement request already (the
    same form sent twice): then a second send is the same send, not a mistake."""
    answered = dossier.supplements.filter(answered_at__isnull=False).first()
    if answered is None or not sha256s:
        return False
    held = set(answered.files.values_list("upload_sha256", flat=True))
    return set(sha256s) <= held


def supplement_send(
    *,
    ctx: PracticeContext,
    dossier: PracticeDossier,
    note: str,
    uploaded_files: Sequence[UploadedFile],
) -> None:
    """The citizen answers a supplement request; the clock starts again, the due date
    moves by the working days spent waiting.

    Every photo is checked and stored before the transaction; then the photos, the
    answer and the status change are written together or not at all. The same answer
    sent again (a double tap, a re-sent form) changes nothing and is not an error.
    """
    too_long = length_errors("supplement", (note, NOTE_MAX, "note", "Thông tin bổ sung"))
    if too_long:
        refuse(ctx, too_long)
    request = dossier.supplements.filter(answered_at__isnull=True).first()
    sha256s = [uploads.upload_sha256(uploaded) for uploaded in uploaded_files]
    if dossier.status != DossierStatus.SUPPLEMENT or request is None:
        if _supplement_already_sent(dossier, sha256s):
            return
        refuse(ctx, [PracticeError("desk_wrong_status", step="supplement")])
    if not uploaded_files:
        refuse(
            ctx,
            [
                PracticeError(
                    "supplement_missing_file",
                    step="supplement",
                    field="files",
                    field_label="Tệp bổ sung",
                )
            ],
        )
    name = ", ".join(request.document_names)
    photos = {}  # one photo per distinct content: the same picture chosen twice is one
    for uploaded, sha256 in zip(uploaded_files, sha256s, strict=True):
        if sha256 not in photos:
            photos[sha256] = _photo_clean(ctx, uploaded, step="supplement", slot=999, label=name)
    attachments = []
    kept = False
    try:
        for sha256, clean in photos.items():
            attachments.append(
                _photo_write(dossier, slot=999, name=name, clean=clean, sha256=sha256)
            )
        kept = _supplement_record(
            ctx=ctx,
            dossier=dossier,
            request_id=request.pk,
            note=note,
            attachments=attachments,
        )
    finally:
        if not kept:
            for attachment in attachments:
                attachment.file.delete(save=False)


@dossier_action
def _supplement_record(
    *,
    ctx: PracticeContext,
    dossier: PracticeDossier,
    request_id: int,
    note: str,
    attachments: list[DossierAttachment],
) -> bool:
    """Write the answer under the dossier's lock; False when a simultaneous request with
    the same photos answered first (its answer stands)."""
    request = dossier.supplements.filter(pk=request_id, answered_at__isnull=True).first()
    if dossier.status != DossierStatus.SUPPLEMENT or request is None:
        if _supplement_already_sent(dossier, [a.upload_sha256 for a in attachments]):
            return False
        raise PracticeErrors([PracticeError("desk_wrong_status", step="supplement")])
    for attachment in attachments:
        attachment.supplement = request
        _attachment_keep(ctx, attachment, step="supplement")
    request.answered_at, request.answer_note = ctx.now, clean_text(note)
    request.save(update_fields=["answered_at", "answer_note"])
    if dossier.due_date:
        days_off = holidays()
        # Counted on the sandbox's clock (ctx.now), from when the dossier went to
        # SUPPLEMENT, in local days: created_at is the server's clock, in UTC.
        asked = dossier.status_changed_at or request.created_at
        waited = working_days_between(
            timezone.localdate(asked), timezone.localdate(ctx.now), days_off
        )
        dossier.due_date = add_working_days(dossier.due_date, waited, days_off)
    dossier_set_status(
        dossier,
        DossierStatus.PROCESSING,
        ctx=ctx,
        actor=CITIZEN,
        action="Công dân đã gửi bổ sung",
        note=request.answer_note,
    )
    practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.STEP_COMPLETED, step="supplement")
    return True
