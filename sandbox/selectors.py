"""Reads of the practice portal that span several relations: a dossier's documents,
fee, due date and what it still misses."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from .errors import PracticeError
from .models import DossierStatus, Holiday
from .working_days import due_date

if TYPE_CHECKING:
    from wagtail.blocks import StructValue

    from courses.models import ProcedurePage

    from .models import PracticeDossier, PracticeForm, PracticeIdentity


def practice_form_for(procedure: ProcedurePage | None) -> PracticeForm | None:
    return getattr(procedure, "practice_form", None) if procedure else None


def attachment_slots(dossier: PracticeDossier) -> list[dict[str, Any]]:
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


def online_channel(procedure: ProcedurePage) -> StructValue | None:
    for block in procedure.channels:
        if block.value["channel"] == "truc_tuyen":
            return block.value
    return procedure.channels[0].value if procedure.channels else None


def dossier_fee(dossier: PracticeDossier) -> int:
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


def prefill_value(identity: PracticeIdentity, source: str) -> str:
    return {
        "full_name": identity.full_name,
        "birth_date": identity.birth_date.strftime("%d/%m/%Y"),
        "cccd": identity.cccd,
        "phone": identity.phone,
        "address": identity.address,
    }.get(source, "")


def dossier_missing(dossier: PracticeDossier) -> list[PracticeError]:
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


def holidays() -> set[datetime.date]:
    return set(Holiday.objects.values_list("date", flat=True))


def dossier_due_date(dossier: PracticeDossier, received_at: datetime.datetime) -> datetime.date:
    channel = online_channel(dossier.procedure) if dossier.procedure else None
    value = channel["time_limit_value"] if channel else 1
    unit = channel["time_limit_unit"] if channel else "ngay_lam_viec"
    local = received_at.astimezone(datetime.timezone(datetime.timedelta(hours=7)))
    return due_date(local, value=value, unit=unit, holidays=holidays())


def is_overdue(dossier: PracticeDossier, today: datetime.date) -> bool:
    return bool(
        dossier.due_date
        and not dossier.is_finished
        and dossier.status not in (DossierStatus.SUPPLEMENT, DossierStatus.FINANCIAL)
        and today > dossier.due_date
    )
