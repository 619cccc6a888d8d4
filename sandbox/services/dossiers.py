"""The citizen's side of a dossier: the wizard's steps, submission, look-up, withdrawal,
rating and the electronic result. Photos are in attachments.py, payment in payments.py."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from courses.blocks import format_vnd

from ..blocks import field_kind, field_max_length
from ..codes import dossier_code
from ..errors import PracticeError, PracticeErrors, too_long_error
from ..models import (
    DossierCodeCounter,
    DossierStatus,
    PracticeDossier,
    PracticeEvent,
    PracticeIdentity,
)
from ..models.dossiers import DeliveryMethod
from ..selectors import dossier_fee, dossier_missing, practice_form_for
from ..validators import (
    ADDRESS_MAX,
    NAME_MAX,
    PHONE,
    clean_limited,
    clean_text,
    has_real_looking_id,
    id_number,
    id_number_problem,
    parse_vn_date,
)
from .dossier_actions import (
    CITIZEN,
    dossier_action,
    dossier_locked,
    dossier_set_status,
    length_errors,
    refuse,
    step_mark,
    step_unmark,
)
from .events import practice_event_record
from .exercise_goals import exercise_check
from .messages import message_send

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from courses.models import ProcedurePage

    from ..context import PracticeContext

WIZARD_STEPS = ["applicant", "eform", "delivery", "attachments", "review"]
# "Nộp hồ sơ" pressed again this soon for the same procedure and agency, with nothing
# filled in yet, is the same press (a double tap, a re-sent form): one draft, not two.
REPEAT_WINDOW = datetime.timedelta(seconds=30)


def dossier_start(
    *,
    ctx: PracticeContext,
    identity: PracticeIdentity,
    procedure: ProcedurePage,
    agency_name: str,
    case_name: str = "",
) -> PracticeDossier:
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


PROXY_FIELDS = [
    ("proxy_name", "Họ và tên người được ủy quyền"),
    ("proxy_cccd", "Số CCCD người được ủy quyền"),
    ("proxy_phone", "Số điện thoại người được ủy quyền"),
]


def dossier_save_applicant(
    *, ctx: PracticeContext, dossier: PracticeDossier, data: Mapping[str, Any]
) -> None:
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
            refuse(ctx, errors)
    _save_step(ctx, dossier, "applicant", applicant=applicant)


def _save_step(
    ctx: PracticeContext,
    dossier: PracticeDossier,
    step: str,
    errors: Sequence[PracticeError] = (),
    **values: Any,
) -> None:
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
            step_unmark(dossier, step)
        else:
            step_mark(dossier, step)
        after = (values, dossier.wizard_steps_done)
        dossier.save(update_fields=[*values, "wizard_steps_done"])
        if not errors and after != before:
            practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.STEP_COMPLETED, step=step)
    if errors:
        refuse(ctx, list(errors))


def _eform_value_problem(field: Mapping[str, Any], value: str) -> tuple[str | None, bool]:
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


def dossier_save_eform(
    *, ctx: PracticeContext, dossier: PracticeDossier, data: Mapping[str, str]
) -> None:
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


def dossier_save_delivery(
    *, ctx: PracticeContext, dossier: PracticeDossier, method: str, address: str = ""
) -> None:
    if method not in DeliveryMethod.values:
        refuse(
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
        refuse(
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


def _highest_code_number(day: datetime.date) -> int:
    """The highest number in the day's codes already given, for a day whose counter row
    does not exist yet (codes given before the counter existed)."""
    prefix = dossier_code(day, 0)[:-4]
    last = PracticeDossier.objects.filter(code__startswith=prefix).aggregate(last=Max("code"))
    return int(last["last"][-4:]) if last["last"] else 0


def _dossier_code_allocate(day: datetime.date) -> str:
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


@dossier_action
def dossier_submit(
    *, ctx: PracticeContext, dossier: PracticeDossier, declaration: bool, consent: bool
) -> PracticeDossier:
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
        ctx=ctx,
        kind=PracticeEvent.Kind.STEP_COMPLETED,
        step="review",
        data={"code": dossier.code, "procedure": dossier.procedure_title},
    )
    if not dossier.fee_amount:
        exercise_check(ctx=ctx, trigger="submitted_and_paid", dossier=dossier)
    return dossier
