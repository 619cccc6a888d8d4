"""The citizen's side of a dossier: the wizard, submission, payment, supplement, result."""

import datetime

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from courses.blocks import format_vnd

from .. import uploads
from ..codes import dossier_code
from ..errors import PracticeError, PracticeErrors
from ..models import (
    DossierAttachment,
    DossierEvent,
    DossierStatus,
    Holiday,
    PracticeDossier,
    PracticeEvent,
    Rating,
)
from ..models.dossiers import DeliveryMethod
from ..validators import PHONE, clean_text, parse_vn_date
from ..working_days import add_working_days, due_date, working_days_between
from .events import practice_errors_record, practice_event_record
from .exercises import exercise_check
from .messages import message_send

CITIZEN = "Công dân"
WIZARD_STEPS = ["applicant", "eform", "delivery", "attachments", "review"]


def _fail(ctx, errors):
    practice_errors_record(ctx=ctx, errors=errors)
    raise PracticeErrors(errors)


def practice_form_for(procedure):
    return getattr(procedure, "practice_form", None) if procedure else None


def attachment_slots(dossier):
    """The documents the citizen must photograph: not those the system looks up in the
    national databases, and not the paper form when an e-form replaces it."""
    has_eform = practice_form_for(dossier.procedure) is not None
    slots = []
    for index, block in enumerate(dossier.procedure.documents if dossier.procedure else []):
        document = block.value
        if document["lookup_from_database"] or (has_eform and document["form"]):
            continue
        slots.append(
            {
                "slot": index,
                "name": document["name"],
                "required": document["required"],
                "note": document["note"],
                "quantity": document["quantity"],
            }
        )
    return slots


def online_channel(procedure):
    for block in procedure.channels:
        if block.value["channel"] == "truc_tuyen":
            return block.value
    return procedure.channels[0].value if procedure.channels else None


def dossier_fee(dossier):
    """Fee from the procedure's online channel plus any per-copy charge of the e-form."""
    channel = online_channel(dossier.procedure) if dossier.procedure else None
    fee = channel["fee"] if channel else 0
    form = practice_form_for(dossier.procedure)
    if form and form.fee_units_field and form.fee_per_unit:
        try:
            units = int(str(dossier.form_data.get(form.fee_units_field) or 0).replace(".", ""))
        except (TypeError, ValueError):
            units = 0
        fee += max(units - form.fee_free_units, 0) * form.fee_per_unit
    return fee


def dossier_log(dossier, *, actor, action, when, from_status=None, note=""):
    return DossierEvent.objects.create(
        dossier=dossier,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=dossier.status,
        note=note,
        created_at=when,
    )


def dossier_set_status(dossier, status, *, ctx, actor, action, note=""):
    previous = dossier.status
    dossier.status = status
    dossier.status_changed_at = ctx.now
    dossier.save()
    dossier_log(dossier, actor=actor, action=action, when=ctx.now, from_status=previous, note=note)
    exercise_check(ctx=ctx, trigger="status_changed", dossier=dossier)


def dossier_start(*, ctx, identity, procedure, agency_name, case_name=""):
    dossier = PracticeDossier.objects.create(
        owner_key=ctx.owner_key,
        identity=identity,
        procedure=procedure,
        procedure_title=procedure.title,
        attempt=ctx.attempt,
        mode=ctx.mode,
        agency_name=agency_name,
        case_name=case_name,
        applicant={"is_owner": True},
        auto_officer=ctx.auto_officer,
        auto_officer_script=(
            (ctx.attempt.exercise.goal or {}).get("auto_officer_script", "normal")
            if ctx.attempt
            else "normal"
        ),
    )
    practice_event_record(
        ctx=ctx,
        kind=PracticeEvent.Kind.STEP_COMPLETED,
        step="agency",
        data={"procedure": procedure.slug},
    )
    return dossier


def _mark_step(dossier, step):
    if step not in dossier.wizard_steps_done:
        dossier.wizard_steps_done = [*dossier.wizard_steps_done, step]


def _unmark_step(dossier, step):
    """A step saved with mistakes is not done any more, even if it was before: the
    review must not let a since-broken e-form or address through."""
    dossier.wizard_steps_done = [done for done in dossier.wizard_steps_done if done != step]


def dossier_save_applicant(*, ctx, dossier, data):
    is_owner = bool(data.get("is_owner"))
    applicant = {"is_owner": is_owner}
    if not is_owner:
        errors = []
        for key, label in [
            ("proxy_name", "Họ và tên người được ủy quyền"),
            ("proxy_cccd", "Số CCCD người được ủy quyền"),
            ("proxy_phone", "Số điện thoại người được ủy quyền"),
        ]:
            value = clean_text(data.get(key))
            applicant[key] = value
            if not value:
                errors.append(
                    PracticeError("required", step="applicant", field=key, field_label=label)
                )
        cccd = "".join(applicant.get("proxy_cccd", "").split())
        if cccd and not (cccd.isdigit() and len(cccd) == 12):
            errors.append(
                PracticeError(
                    "cccd_format",
                    step="applicant",
                    field="proxy_cccd",
                    field_label="Số CCCD người được ủy quyền",
                )
            )
        phone = "".join(applicant.get("proxy_phone", "").split())
        if phone and not PHONE.match(phone):
            errors.append(
                PracticeError(
                    "phone_format",
                    step="applicant",
                    field="proxy_phone",
                    field_label="Số điện thoại người được ủy quyền",
                )
            )
        if errors:
            _fail(ctx, errors)
    dossier.applicant = applicant
    _mark_step(dossier, "applicant")
    dossier.save()
    practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.STEP_COMPLETED, step="applicant")


def prefill_value(identity, source):
    return {
        "full_name": identity.full_name,
        "birth_date": identity.birth_date.strftime("%d/%m/%Y"),
        "cccd": identity.cccd,
        "phone": identity.phone,
        "address": identity.address,
    }.get(source, "")


def dossier_save_eform(*, ctx, dossier, data):
    form = practice_form_for(dossier.procedure)
    values, errors = {}, []
    for field in form.fields() if form else []:
        key, label = field["key"], field["label"]
        value = clean_text(data.get(key, ""))
        values[key] = value

        def fail(code, key=key, label=label):
            errors.append(PracticeError(code, step="eform", field=key, field_label=label))

        if not value:
            if field["required"]:
                fail("required")
            continue
        kind = field["kind"]
        if kind == "date":
            try:
                parse_vn_date(value)
            except ValueError as error:
                fail(str(error))
        elif kind == "number" and not value.replace(".", "").isdigit():
            errors.append(
                PracticeError(
                    "number",
                    step="eform",
                    field=key,
                    field_label=label,
                    detail="Chỉ gõ chữ số, ví dụ 1 hoặc 50000000.",
                )
            )
        elif kind == "cccd" and not (
            value.replace(" ", "").isdigit() and len(value.replace(" ", "")) == 12
        ):
            fail("cccd_format")
        elif kind == "phone" and not PHONE.match(value.replace(" ", "")):
            fail("phone_format")
        elif kind == "choice":
            options = [option.strip() for option in (field["choices"] or "").split(";")]
            if value not in options:
                errors.append(
                    PracticeError(
                        "choice",
                        step="eform",
                        field=key,
                        field_label=label,
                        detail="Hãy chọn một trong các lựa chọn có sẵn.",
                    )
                )
    dossier.form_data = values  # keep what was typed even when it has mistakes
    if errors:
        _unmark_step(dossier, "eform")
        dossier.save()
        _fail(ctx, errors)
    _mark_step(dossier, "eform")
    dossier.save()
    practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.STEP_COMPLETED, step="eform")


def dossier_save_delivery(*, ctx, dossier, method, address=""):
    if method not in DeliveryMethod.values:
        _fail(
            ctx,
            [
                PracticeError(
                    "required",
                    step="delivery",
                    field="delivery_method",
                    field_label="Hình thức nhận kết quả",
                )
            ],
        )
    address = clean_text(address)[:250]
    dossier.delivery_method, dossier.delivery_address = method, address
    if method == DeliveryMethod.POST and len(address) < 10:
        _unmark_step(dossier, "delivery")
        dossier.save()
        _fail(
            ctx,
            [
                PracticeError(
                    "delivery_address",
                    step="delivery",
                    field="delivery_address",
                    field_label="Địa chỉ nhận kết quả",
                )
            ],
        )
    _mark_step(dossier, "delivery")
    dossier.save()
    practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.STEP_COMPLETED, step="delivery")


def dossier_attach(*, ctx, dossier, slot, uploaded, supplement=None, step="attachments"):
    """Check, clean (EXIF and GPS removed) and store one photo under a random name."""
    names = {item["slot"]: item["name"] for item in attachment_slots(dossier)}
    if supplement is None and slot not in names:
        _fail(
            ctx, [PracticeError("required", step=step, field=f"slot_{slot}", field_label="Giấy tờ")]
        )
    name = names.get(slot) or ", ".join(supplement.document_names)
    try:
        clean = uploads.clean_photo_upload(uploaded)
    except uploads.UploadRejected as rejected:
        _fail(
            ctx,
            [
                PracticeError(
                    f"upload_{rejected.code}",
                    step=step,
                    field=f"slot_{slot}",
                    field_label=name,
                    detail=rejected.message,
                )
            ],
        )
    attachment = DossierAttachment(
        dossier=dossier,
        slot=slot,
        document_name=name,
        content_type=clean.content_type,
        width=clean.width,
        height=clean.height,
        size=len(clean.content),
        supplement=supplement,
    )
    attachment.file.save(
        uploads.safe_stored_name(clean.extension), ContentFile(clean.content), save=False
    )
    attachment.save()
    practice_event_record(
        ctx=ctx,
        kind=PracticeEvent.Kind.STEP_COMPLETED,
        step=step,
        data={"slot": slot, "bytes": attachment.size},
    )
    return attachment


def dossier_attachments_confirm(*, ctx, dossier):
    """ "Tiếp tục" on the attachments step: every required photo must be there."""
    missing = [error for error in dossier_missing(dossier) if error.step == "attachments"]
    if missing:
        _fail(ctx, missing)
    _mark_step(dossier, "attachments")
    dossier.save(update_fields=["wizard_steps_done"])


def attachment_remove(*, dossier, attachment_id):
    if not str(attachment_id).isdigit():
        return
    attachment = dossier.files.filter(pk=attachment_id, supplement__isnull=True).first()
    if attachment and dossier.is_draft:
        attachment.file.delete(save=False)
        attachment.delete()


def _next_code(day):
    prefix = dossier_code(day, 0)[:-4]
    last = PracticeDossier.objects.filter(code__startswith=prefix).aggregate(last=Max("code"))
    sequence = int(last["last"][-4:]) + 1 if last["last"] else 1
    return dossier_code(day, sequence)


def _claim_code(dossier, day):
    """Write the next free code of the day. Two learners submitting at the same moment
    may read the same last code; the unique constraint makes one of them try the next."""
    for _ in range(20):
        code = _next_code(day)
        try:
            with transaction.atomic():
                PracticeDossier.objects.filter(pk=dossier.pk).update(code=code)
        except IntegrityError:
            continue
        return code
    raise RuntimeError("no free dossier code")


def dossier_missing(dossier):
    """Everything still missing before submission, as errors naming step and field."""
    errors = []
    done = set(dossier.wizard_steps_done)
    labels = {
        "applicant": "Thông tin người nộp",
        "eform": "Tờ khai điện tử",
        "delivery": "Hình thức nhận kết quả",
    }
    for step, label in labels.items():
        if step not in done:
            errors.append(PracticeError("required", step=step, field=step, field_label=label))
    attached = set(dossier.files.filter(supplement__isnull=True).values_list("slot", flat=True))
    for item in attachment_slots(dossier):
        if item["required"] and item["slot"] not in attached:
            errors.append(
                PracticeError(
                    "attachment_missing",
                    step="attachments",
                    field=f"slot_{item['slot']}",
                    field_label=item["name"],
                )
            )
    return errors


def dossier_submit(*, ctx, dossier, declaration, consent):
    """Nộp hồ sơ: every check of the real portal, then a dossier code in the real format.

    A second press of the button (a double-submitted form) returns the same dossier.
    """
    try:
        with transaction.atomic():
            dossier = PracticeDossier.objects.select_for_update().get(pk=dossier.pk)
            if not dossier.is_draft:
                return dossier
            errors = dossier_missing(dossier)
            if not declaration:
                errors.append(
                    PracticeError(
                        "declaration",
                        step="review",
                        field="declaration",
                        field_label="Lời cam đoan",
                    )
                )
            if not consent:
                errors.append(
                    PracticeError(
                        "consent",
                        step="review",
                        field="consent",
                        field_label="Đồng ý xử lý dữ liệu cá nhân",
                    )
                )
            if errors:
                raise PracticeErrors(errors)
            dossier.declaration_accepted = dossier.consent_accepted = True
            dossier.code = _claim_code(dossier, timezone.localdate(ctx.now))
            dossier.submitted_at = ctx.now
            dossier.fee_amount = dossier_fee(dossier)
            dossier.fee_status = (
                PracticeDossier.FeeStatus.UNPAID
                if dossier.fee_amount
                else PracticeDossier.FeeStatus.NONE
            )
            dossier_set_status(
                dossier, DossierStatus.NEW, ctx=ctx, actor=CITIZEN, action="Nộp hồ sơ trực tuyến"
            )
    except PracticeErrors as failure:
        # Recorded after the rollback: inside it the refusal would leave no practice event.
        _fail(ctx, failure.errors)
    message_send(
        ctx=ctx,
        identity=dossier.identity,
        dossier=dossier,
        channel="sms",
        sender="DVCQG-LUYENTAP",
        body=f"Ho so {dossier.code} da duoc dang ky thanh cong. Theo doi tai muc Quan ly ho so.",
    )
    message_send(
        ctx=ctx,
        identity=dossier.identity,
        dossier=dossier,
        channel="email",
        sender="Cổng dịch vụ công luyện tập",
        subject=f"Đăng ký hồ sơ thành công: {dossier.code}",
        body=f"Ông/bà đã đăng ký thành công dịch vụ {dossier.procedure_title} cho "
        f"{dossier.agency_name}. Mã hồ sơ: {dossier.code}."
        + (
            f" Lệ phí cần thanh toán: {format_vnd(dossier.fee_amount)}."
            if dossier.fee_amount
            else ""
        ),
    )
    practice_event_record(
        ctx=ctx, kind=PracticeEvent.Kind.STEP_COMPLETED, step="review", data={"code": dossier.code}
    )
    if not dossier.fee_amount:
        exercise_check(ctx=ctx, trigger="submitted_and_paid", dossier=dossier)
    return dossier


def holidays():
    return set(Holiday.objects.values_list("date", flat=True))


def dossier_due_date(dossier, received_at):
    channel = online_channel(dossier.procedure) if dossier.procedure else None
    value = channel["time_limit_value"] if channel else 1
    unit = channel["time_limit_unit"] if channel else "ngay_lam_viec"
    local = received_at.astimezone(datetime.timezone(datetime.timedelta(hours=7)))
    return due_date(local, value=value, unit=unit, holidays=holidays())


def is_overdue(dossier, today):
    return bool(
        dossier.due_date
        and not dossier.is_finished
        and dossier.status not in (DossierStatus.SUPPLEMENT, DossierStatus.FINANCIAL)
        and today > dossier.due_date
    )


def supplement_send(*, ctx, dossier, note, uploaded_files):
    """The citizen answers a supplement request; the clock starts again, the due date
    moves by the working days spent waiting."""
    request = dossier.supplements.filter(answered_at__isnull=True).first()
    if dossier.status != DossierStatus.SUPPLEMENT or request is None:
        _fail(ctx, [PracticeError("desk_wrong_status", step="supplement")])
    if not uploaded_files:
        _fail(
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
    for uploaded in uploaded_files:
        dossier_attach(
            ctx=ctx,
            dossier=dossier,
            slot=999,
            uploaded=uploaded,
            supplement=request,
            step="supplement",
        )
    request.answered_at, request.answer_note = ctx.now, clean_text(note)
    request.save()
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


def dossier_withdraw(*, ctx, dossier, reason):
    if dossier.is_finished or dossier.is_draft:
        _fail(ctx, [PracticeError("desk_wrong_status", step="tracking")])
    dossier.decision_note = clean_text(reason)
    dossier.finished_at = ctx.now
    dossier_set_status(
        dossier,
        DossierStatus.WITHDRAWN,
        ctx=ctx,
        actor=CITIZEN,
        action="Công dân yêu cầu rút hồ sơ",
        note=dossier.decision_note,
    )


def dossier_rate(*, ctx, dossier, score, comment=""):
    if dossier.status not in (DossierStatus.DONE, DossierStatus.RETURNED):
        _fail(ctx, [PracticeError("rating_not_ready", step="rating")])
    score = int(score) if str(score).isdigit() else 0
    if score not in Rating.Score.values:
        _fail(
            ctx,
            [
                PracticeError(
                    "required", step="rating", field="score", field_label="Mức độ hài lòng"
                )
            ],
        )
    rating, _created = Rating.objects.update_or_create(
        dossier=dossier, defaults={"score": score, "comment": clean_text(comment)}
    )
    practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.STEP_COMPLETED, step="rating")
    return rating


def dossier_result_taken(*, ctx, dossier):
    """The citizen downloaded the electronic result: it is now returned (status 10)."""
    if dossier.status == DossierStatus.DONE and dossier.delivery_method == DeliveryMethod.ONLINE:
        dossier.returned_at = ctx.now
        dossier_set_status(
            dossier,
            DossierStatus.RETURNED,
            ctx=ctx,
            actor=CITIZEN,
            action="Công dân nhận kết quả điện tử",
        )
