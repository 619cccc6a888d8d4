"""The citizen's side of a dossier: the wizard, submission, payment, supplement, result."""

import contextlib
import datetime
import functools

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from courses.blocks import format_vnd

from .. import uploads
from ..blocks import field_kind, field_max_length
from ..codes import dossier_code
from ..errors import PracticeError, PracticeErrors, too_long_error
from ..models import (
    DossierAttachment,
    DossierCodeCounter,
    DossierEvent,
    DossierStatus,
    Holiday,
    PracticeDossier,
    PracticeEvent,
    PracticeIdentity,
    Rating,
)
from ..models.dossiers import DeliveryMethod
from ..validators import (
    ADDRESS_MAX,
    CODE_MAX,
    NAME_MAX,
    NOTE_MAX,
    PHONE,
    clean_limited,
    clean_text,
    has_real_looking_id,
    id_number,
    id_number_problem,
    parse_vn_date,
)
from ..working_days import add_working_days, due_date, working_days_between
from .events import practice_errors_record, practice_event_record
from .exercise_goals import exercise_check
from .messages import message_send

CITIZEN = "Công dân"
WIZARD_STEPS = ["applicant", "eform", "delivery", "attachments", "review"]
# "Nộp hồ sơ" pressed again this soon for the same procedure and agency, with nothing
# filled in yet, is the same press (a double tap, a re-sent form): one draft, not two.
REPEAT_WINDOW = datetime.timedelta(seconds=30)


def _fail(ctx, errors):
    """Record a refusal and raise it. Outside a transaction only: inside one, raise
    PracticeErrors and let `dossier_action` record it after the rollback."""
    practice_errors_record(ctx=ctx, errors=errors)
    raise PracticeErrors(errors)


def length_errors(step, *boxes):
    """A too_long error for each ``(value, limit, field, field_label)`` whose text, as it
    would be stored (NFC, spaces collapsed), is over its limit. Services call it before
    they write anything, so an over-long text is never kept, on SQLite (which would
    store it) as on PostgreSQL (which would refuse it with an error page)."""
    errors = []
    for value, limit, field, field_label in boxes:
        _text, too_long = clean_limited(value, limit)
        if too_long:
            errors.append(
                too_long_error(
                    step=step, field=field, field_label=field_label, limit=limit, length=too_long
                )
            )
    return errors


# --- locking: every write to a dossier holds its row ------------------------------------


def dossier_lock(dossier):
    """Lock the dossier's row until the transaction ends and reload it in place.

    Call it inside ``transaction.atomic()``. On PostgreSQL a second request for the same
    dossier waits here until the first commits, then sees what it wrote; on SQLite the
    IMMEDIATE transaction already holds the database's only write lock, and
    select_for_update is a no-op. Reloading the caller's object (not a copy) keeps the
    views' and tests' references current.
    """
    locked = PracticeDossier.objects.select_for_update().get(pk=dossier.pk)
    for field in PracticeDossier._meta.concrete_fields:
        setattr(dossier, field.attname, getattr(locked, field.attname))
    return dossier


@contextlib.contextmanager
def dossier_locked(dossier):
    """``with dossier_locked(dossier):`` one transaction holding the dossier's row lock."""
    with transaction.atomic():
        yield dossier_lock(dossier)


def dossier_action(service):
    """Run a service ``(*, ctx, dossier, ...)`` as one transaction holding the dossier's
    row lock: it checks the status it acts on under the lock, and either everything it
    writes (status, timeline, messages, events) is kept or nothing is.

    A refusal is raised as PracticeErrors inside, rolls everything back, and is recorded
    here afterwards, so the learner's mistake still counts. Slow work (decoding photos,
    hashing passwords, drawing PDFs) belongs before the call, never inside. Actions are
    not nested: an action calls helpers such as `dossier_set_status`, not other actions.
    """

    @functools.wraps(service)
    def run(*, ctx, dossier, **kwargs):
        try:
            with dossier_locked(dossier):
                return service(ctx=ctx, dossier=dossier, **kwargs)
        except PracticeErrors as refused:
            practice_errors_record(ctx=ctx, errors=refused.errors)
            raise

    return run


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
    """Move a dossier to ``status`` and put it on the timeline. The caller holds the
    dossier's row lock (`dossier_action`) and has checked the status it moves from."""
    previous = dossier.status
    dossier.status = status
    dossier.status_changed_at = ctx.now
    dossier.save()
    dossier_log(dossier, actor=actor, action=action, when=ctx.now, from_status=previous, note=note)
    exercise_check(ctx=ctx, trigger="status_changed", dossier=dossier)


def dossier_start(*, ctx, identity, procedure, agency_name, case_name=""):
    """A new draft; the same choice sent again within REPEAT_WINDOW, before anything was
    filled in, returns the draft it made (the identity's row lock orders the two)."""
    with transaction.atomic():
        PracticeIdentity.objects.select_for_update().filter(pk=identity.pk).first()
        same = PracticeDossier.objects.filter(
            owner_key=ctx.owner_key,
            identity=identity,
            procedure=procedure,
            agency_name=agency_name,
            case_name=case_name,
            status=DossierStatus.DRAFT,
            wizard_steps_done=[],
            created_at__gte=timezone.now() - REPEAT_WINDOW,
        ).first()
        if same is not None:
            return same
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


PROXY_FIELDS = [
    ("proxy_name", "Họ và tên người được ủy quyền"),
    ("proxy_cccd", "Số CCCD người được ủy quyền"),
    ("proxy_phone", "Số điện thoại người được ủy quyền"),
]


def dossier_save_applicant(*, ctx, dossier, data):
    """Who submits: the owner, or a proxy whose name, practice ID number and phone are
    all checked before anything is saved (nothing is kept from a refused step)."""
    is_owner = bool(data.get("is_owner"))
    applicant = {"is_owner": is_owner}
    if not is_owner:
        errors = []
        labels = dict(PROXY_FIELDS)
        for key, label in PROXY_FIELDS:
            value = clean_text(data.get(key))
            applicant[key] = value
            if not value:
                errors.append(
                    PracticeError("required", step="applicant", field=key, field_label=label)
                )
        errors += length_errors(
            "applicant", (applicant["proxy_name"], NAME_MAX, "proxy_name", labels["proxy_name"])
        )
        if applicant["proxy_cccd"]:
            code = id_number_problem(applicant["proxy_cccd"])
            if code:
                errors.append(
                    PracticeError(
                        code,
                        step="applicant",
                        field="proxy_cccd",
                        field_label=labels["proxy_cccd"],
                    )
                )
            applicant["proxy_cccd"] = id_number(applicant["proxy_cccd"])
        phone = "".join(applicant["proxy_phone"].split())
        if phone and not PHONE.match(phone):
            errors.append(
                PracticeError(
                    "phone_format",
                    step="applicant",
                    field="proxy_phone",
                    field_label=labels["proxy_phone"],
                )
            )
        if errors:
            _fail(ctx, errors)
    _save_step(ctx, dossier, "applicant", applicant=applicant)


def _save_step(ctx, dossier, step, errors=(), **values):
    """Save what a wizard step typed and mark the step done (or, with errors, not done),
    under the dossier's lock and only while it is a draft: a step sent after the
    dossier was submitted (a re-sent page, another tab) changes nothing.

    Only the fields of the step are written, never the whole row, so a step saved at
    the same moment as another cannot undo it. Sent again unchanged, the step is not
    recorded a second time.
    """
    with dossier_locked(dossier):
        if not dossier.is_draft:
            return
        before = ({name: getattr(dossier, name) for name in values}, dossier.wizard_steps_done)
        for name, value in values.items():
            setattr(dossier, name, value)
        if errors:
            _unmark_step(dossier, step)
        else:
            _mark_step(dossier, step)
        after = (values, dossier.wizard_steps_done)
        dossier.save(update_fields=[*values, "wizard_steps_done"])
        if not errors and after != before:
            practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.STEP_COMPLETED, step=step)
    if errors:
        _fail(ctx, list(errors))


def prefill_value(identity, source):
    return {
        "full_name": identity.full_name,
        "birth_date": identity.birth_date.strftime("%d/%m/%Y"),
        "cccd": identity.cccd,
        "phone": identity.phone,
        "address": identity.address,
    }.get(source, "")


def _eform_value_problem(field, value):
    """``(code, keep)`` for one typed e-form value (NFC, spaces collapsed, not empty):
    the error code or None, and whether the value may be stored.

    The checks belong to the field's kind, so a form an editor builds gets them too. A
    value over the kind's limit, a number that could be a real person's ID, and an
    answer that is not one of the choices are never stored, not even as a draft; other
    mistakes are kept so the learner fixes them without typing everything again.
    """
    kind = field_kind(field)
    limit = field_max_length(field)
    if kind == "cccd":
        # Any length but 12 digits is the format message, which says what to type.
        code = id_number_problem(value)
        return code, code is None
    if kind == "choice":
        options = [option.strip() for option in (field["choices"] or "").split(";")]
        return (None, True) if value in options else ("choice", False)
    if len(value) > limit:
        return ("phone_format" if kind == "phone" else "too_long"), False
    if kind == "date":
        try:
            parse_vn_date(value)
        except ValueError as error:
            return str(error), True
    elif kind == "number" and not value.replace(".", "").isdigit():
        return "number", True
    elif kind == "phone" and not PHONE.match(value.replace(" ", "")):
        return "phone_format", True
    elif has_real_looking_id(value):  # an ID number typed into a text box
        return "cccd_not_practice", False
    return None, True


EFORM_DETAILS = {
    "number": "Chỉ gõ chữ số, ví dụ 1 hoặc 50000000.",
    "choice": "Hãy chọn một trong các lựa chọn có sẵn.",
}


def dossier_save_eform(*, ctx, dossier, data):
    """Check the e-form, then save what may be kept, even with mistakes (a draft)."""
    form = practice_form_for(dossier.procedure)
    values, errors = {}, []
    for field in form.fields() if form else []:
        key, label = field["key"], field["label"]
        value = clean_text(data.get(key, ""))
        if not value:
            values[key] = ""
            if field["required"]:
                errors.append(PracticeError("required", step="eform", field=key, field_label=label))
            continue
        code, keep = _eform_value_problem(field, value)
        if field_kind(field) == "cccd" and keep:
            value = id_number(value)
        values[key] = value if keep else ""
        if code == "too_long":
            errors.append(
                too_long_error(
                    step="eform",
                    field=key,
                    field_label=label,
                    limit=field_max_length(field),
                    length=len(value),
                )
            )
        elif code:
            errors.append(
                PracticeError(
                    code,
                    step="eform",
                    field=key,
                    field_label=label,
                    detail=EFORM_DETAILS.get(code, ""),
                )
            )
    _save_step(ctx, dossier, "eform", errors, form_data=values)


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
    address, too_long = clean_limited(address, ADDRESS_MAX)
    if too_long:
        # Refused before anything is saved: never cut short, never kept as a draft.
        _fail(
            ctx,
            [
                too_long_error(
                    step="delivery",
                    field="delivery_address",
                    field_label="Địa chỉ nhận kết quả",
                    limit=ADDRESS_MAX,
                    length=too_long,
                )
            ],
        )
    errors = []
    if method == DeliveryMethod.POST and len(address) < 10:
        errors.append(
            PracticeError(
                "delivery_address",
                step="delivery",
                field="delivery_address",
                field_label="Địa chỉ nhận kết quả",
            )
        )
    _save_step(ctx, dossier, "delivery", errors, delivery_method=method, delivery_address=address)


def _same_photo(dossier, slot, supplement, sha256):
    """The attachment already holding exactly these bytes in this slot, if any."""
    return dossier.files.filter(slot=slot, supplement=supplement, upload_sha256=sha256).first()


def _photo_clean(ctx, uploaded, *, step, slot, label):
    """Check and re-encode one photo (EXIF and GPS removed). This is the slow part of an
    upload, so it runs before, never inside, the transaction that adds the row."""
    try:
        return uploads.clean_photo_upload(uploaded)
    except uploads.UploadRejected as rejected:
        _fail(
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


def _fit(text, limit):
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def _photo_write(dossier, *, slot, name, clean, sha256):
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


def dossier_attach(*, ctx, dossier, slot, uploaded):
    """Check, clean (EXIF and GPS removed) and store one photo under a random name.

    A slot may hold several photos (the pages of a document), but the same photo sent
    twice to one slot (a double tap, a form re-sent on weak Wi-Fi) is stored once: the
    second request gets the first one's attachment and records nothing.
    """
    names = {item["slot"]: item["name"] for item in attachment_slots(dossier)}
    if slot not in names:
        _fail(
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
def _attachment_add(*, ctx, dossier, attachment):
    if not dossier.is_draft:  # submitted meanwhile, from another tab
        raise PracticeErrors([PracticeError("desk_wrong_status", step="attachments")])
    same = _same_photo(dossier, attachment.slot, None, attachment.upload_sha256)
    if same is not None:  # the same photo, sent at the same moment by a double tap
        return same
    attachment.save()
    practice_event_record(
        ctx=ctx,
        kind=PracticeEvent.Kind.STEP_COMPLETED,
        step="attachments",
        data={"slot": attachment.slot, "bytes": attachment.size},
    )
    return attachment


@dossier_action
def dossier_attachments_confirm(*, ctx, dossier):
    """ "Tiếp tục" on the attachments step: every required photo must be there."""
    if not dossier.is_draft:
        return
    missing = [error for error in dossier_missing(dossier) if error.step == "attachments"]
    if missing:
        raise PracticeErrors(missing)
    _mark_step(dossier, "attachments")
    dossier.save(update_fields=["wizard_steps_done"])


def attachment_remove(*, dossier, attachment_id):
    if not str(attachment_id).isdigit():
        return
    with dossier_locked(dossier):
        attachment = dossier.files.filter(pk=attachment_id, supplement__isnull=True).first()
        if attachment is None or not dossier.is_draft:
            return
        attachment.delete()
    # The file goes once its row is gone: never a row pointing at a missing file.
    attachment.file.delete(save=False)


def _highest_code_number(day):
    """The highest number in the day's codes already given, for a day whose counter row
    does not exist yet (codes given before the counter existed)."""
    prefix = dossier_code(day, 0)[:-4]
    last = PracticeDossier.objects.filter(code__startswith=prefix).aggregate(last=Max("code"))
    return int(last["last"][-4:]) if last["last"] else 0


def _dossier_code_allocate(day):
    """The next code of the day, taken from the day's counter row under its lock.

    A second submission at the same moment waits on the row (PostgreSQL) or on the
    write lock (SQLite) and takes the following number: no two dossiers ever read the
    same "last code". The lock is held until the submission commits, so call this late
    in it. Numbers a dossier already holds are skipped, never handed out twice.
    """
    counter, _created = DossierCodeCounter.objects.select_for_update().get_or_create(
        day=day, defaults={"last_number": _highest_code_number(day)}
    )
    number = counter.last_number + 1
    while PracticeDossier.objects.filter(code=dossier_code(day, number)).exists():
        number += 1
    counter.last_number = number
    counter.save(update_fields=["last_number"])
    return dossier_code(day, number)


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


@dossier_action
def dossier_submit(*, ctx, dossier, declaration, consent):
    """Nộp hồ sơ: every check of the real portal, then a dossier code in the real format.

    One transaction under the dossier's lock: the code, the status, the timeline, the
    SMS and e-mail and the practice event are all written or none is. The same form
    sent again, one after the other or at the same moment, finds the dossier submitted
    and returns it unchanged: one code, one submission, the same next page.
    """
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
    dossier.submitted_at = ctx.now
    dossier.fee_amount = dossier_fee(dossier)
    dossier.fee_status = (
        PracticeDossier.FeeStatus.UNPAID if dossier.fee_amount else PracticeDossier.FeeStatus.NONE
    )
    dossier.code = _dossier_code_allocate(timezone.localdate(ctx.now))
    dossier_set_status(
        dossier, DossierStatus.NEW, ctx=ctx, actor=CITIZEN, action="Nộp hồ sơ trực tuyến"
    )
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


def dossier_lookup(*, ctx, code, cccd):
    """Tra cứu hồ sơ: the learner's own dossier with this code and applicant's ID
    number. The boxes are checked like everywhere else (a practice ID number, a code
    no longer than codes are); a refusal or no match raises PracticeErrors."""
    errors = length_errors("tracking", (code, CODE_MAX, "ma", "Mã hồ sơ"))
    problem = id_number_problem(cccd)
    if problem:
        errors.append(
            PracticeError(problem, step="tracking", field="cccd", field_label="Số CCCD người nộp")
        )
    found = None
    if not errors:
        found = PracticeDossier.objects.filter(
            owner_key=ctx.owner_key, code=clean_text(code), identity__cccd=id_number(cccd)
        ).first()
        if found is None:
            errors.append(
                PracticeError(
                    "tracking_not_found", step="tracking", field="ma", field_label="Mã hồ sơ"
                )
            )
    if errors:
        _fail(ctx, errors)
    return found


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


def _supplement_already_sent(dossier, sha256s):
    """Whether these photos answered the dossier's last supplement request already (the
    same form sent twice): then a second send is the same send, not a mistake."""
    answered = dossier.supplements.filter(answered_at__isnull=False).first()
    if answered is None or not sha256s:
        return False
    held = set(answered.files.values_list("upload_sha256", flat=True))
    return set(sha256s) <= held


def supplement_send(*, ctx, dossier, note, uploaded_files):
    """The citizen answers a supplement request; the clock starts again, the due date
    moves by the working days spent waiting.

    Every photo is checked and stored before the transaction; then the photos, the
    answer and the status change are written together or not at all. The same answer
    sent again (a double tap, a re-sent form) changes nothing and is not an error.
    """
    too_long = length_errors("supplement", (note, NOTE_MAX, "note", "Thông tin bổ sung"))
    if too_long:
        _fail(ctx, too_long)
    request = dossier.supplements.filter(answered_at__isnull=True).first()
    sha256s = [uploads.upload_sha256(uploaded) for uploaded in uploaded_files]
    if dossier.status != DossierStatus.SUPPLEMENT or request is None:
        if _supplement_already_sent(dossier, sha256s):
            return
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
def _supplement_record(*, ctx, dossier, request_id, note, attachments):
    """Write the answer under the dossier's lock; False when a simultaneous request with
    the same photos answered first (its answer stands)."""
    request = dossier.supplements.filter(pk=request_id, answered_at__isnull=True).first()
    if dossier.status != DossierStatus.SUPPLEMENT or request is None:
        if _supplement_already_sent(dossier, [a.upload_sha256 for a in attachments]):
            return False
        raise PracticeErrors([PracticeError("desk_wrong_status", step="supplement")])
    for attachment in attachments:
        attachment.supplement = request
        attachment.save()
        practice_event_record(
            ctx=ctx,
            kind=PracticeEvent.Kind.STEP_COMPLETED,
            step="supplement",
            data={"slot": attachment.slot, "bytes": attachment.size},
        )
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


@dossier_action
def dossier_withdraw(*, ctx, dossier, reason):
    """Rút hồ sơ. Sent again with the same reason (a double tap), it is already done."""
    too_long = length_errors("tracking", (reason, NOTE_MAX, "reason", "Lý do rút hồ sơ"))
    if too_long:
        raise PracticeErrors(too_long)
    reason = clean_text(reason)
    if dossier.status == DossierStatus.WITHDRAWN and dossier.decision_note == reason:
        return
    if dossier.is_finished or dossier.is_draft:
        raise PracticeErrors([PracticeError("desk_wrong_status", step="tracking")])
    dossier.decision_note = reason
    dossier.finished_at = ctx.now
    dossier_set_status(
        dossier,
        DossierStatus.WITHDRAWN,
        ctx=ctx,
        actor=CITIZEN,
        action="Công dân yêu cầu rút hồ sơ",
        note=dossier.decision_note,
    )


@dossier_action
def dossier_rate(*, ctx, dossier, score, comment=""):
    """Đánh giá: one rating per dossier, changed by rating again; the same rating sent
    twice is recorded once."""
    too_long = length_errors("rating", (comment, NOTE_MAX, "comment", "Góp ý"))
    if too_long:
        raise PracticeErrors(too_long)
    if dossier.status not in (DossierStatus.DONE, DossierStatus.RETURNED):
        raise PracticeErrors([PracticeError("rating_not_ready", step="rating")])
    score = int(score) if str(score).isdigit() else 0
    if score not in Rating.Score.values:
        raise PracticeErrors(
            [PracticeError("required", step="rating", field="score", field_label="Mức độ hài lòng")]
        )
    comment = clean_text(comment)
    rating = Rating.objects.filter(dossier=dossier).first()
    if rating is not None and (rating.score, rating.comment) == (score, comment):
        return rating
    rating, _created = Rating.objects.update_or_create(
        dossier=dossier, defaults={"score": score, "comment": comment}
    )
    practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.STEP_COMPLETED, step="rating")
    return rating


def _result_to_take(dossier):
    return dossier.status == DossierStatus.DONE and dossier.delivery_method == DeliveryMethod.ONLINE


def dossier_result_taken(*, ctx, dossier):
    """The citizen downloaded the electronic result: it is now returned (status 10).
    Downloading it again changes nothing, and takes no write lock."""
    if _result_to_take(dossier):
        _result_return(ctx=ctx, dossier=dossier)


@dossier_action
def _result_return(*, ctx, dossier):
    if _result_to_take(dossier):  # checked again under the lock
        dossier.returned_at = ctx.now
        dossier_set_status(
            dossier,
            DossierStatus.RETURNED,
            ctx=ctx,
            actor=CITIZEN,
            action="Công dân nhận kết quả điện tử",
        )
