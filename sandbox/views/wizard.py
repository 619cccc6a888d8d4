"""Finding a procedure and the submission wizard, up to payment and the dossier code."""

from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from courses.models import ProcedurePage, Sector
from courses.selectors import search_catalogue

from .. import selectors
from ..blocks import field_kind
from ..errors import PracticeError, PracticeErrors
from ..forms import (
    AgencyForm,
    ApplicantForm,
    AttachmentsForm,
    DeliveryForm,
    EformForm,
    GatewayForm,
    PaymentForm,
    ReviewForm,
)
from ..models import Payment, PracticeDossier
from ..models.dossiers import DeliveryMethod
from ..services import attachments, dossier_actions, payments
from ..services import dossiers as dossier_services
from ..services.events import practice_errors_record
from ..validators import SEARCH_MAX
from .common import own_dossier, portal_login_required, sandbox_render, step_entered

WIZARD = [
    ("applicant", "Thông tin người nộp"),
    ("eform", "Tờ khai điện tử"),
    ("delivery", "Nhận kết quả"),
    ("attachments", "Giấy tờ đính kèm"),
    ("review", "Kiểm tra và nộp"),
]


def _practice_procedures():
    return ProcedurePage.objects.live().filter(practice_form__isnull=False).select_related("sector")


@portal_login_required
def procedures(request):
    query = request.GET.get("q", "")
    level = request.GET.get("cap", "")
    sector = request.GET.get("linh_vuc", "")
    items = list(_practice_procedures())
    errors = dossier_actions.length_errors("find", (query, SEARCH_MAX, "q", "Từ khóa"))
    if errors:
        practice_errors_record(ctx=request.practice, errors=errors)
        query = ""  # neither searched for nor shown again
    if query.strip():
        found = [page.pk for page in search_catalogue(query)["procedures"]]
        items = sorted(
            (page for page in items if page.pk in found), key=lambda p: found.index(p.pk)
        )
    if level:
        items = [page for page in items if page.agency_level == level]
    if sector:
        items = [page for page in items if page.sector.slug == sector]
    step_entered(request, "find")
    sectors = Sector.objects.filter(procedures__practice_form__isnull=False).distinct()
    return sandbox_render(
        request,
        "sandbox/procedures.html",
        {
            "procedures": items,
            "query": query,
            "level": level,
            "sector": sector,
            "sectors": sectors,
            "errors": errors,
        },
        step="find",
    )


@portal_login_required
def procedure_detail(request, slug):
    procedure = get_object_or_404(_practice_procedures(), slug=slug)
    form = procedure.practice_form
    errors = []
    if request.method == "POST":
        posted = AgencyForm(request.POST).values()
        agency, case = posted["agency"].strip(), posted["case"].strip()
        if case not in form.case_list():
            case = ""
        if agency not in _agencies(procedure, request.identity):
            errors = [
                PracticeError(
                    "required", step="agency", field="agency", field_label="Cơ quan thực hiện"
                )
            ]
            practice_errors_record(ctx=request.practice, errors=errors)
        else:
            dossier = dossier_services.dossier_start(
                ctx=request.practice,
                identity=request.identity,
                procedure=procedure,
                agency_name=agency,
                case_name=case,
            )
            return redirect("sandbox:wizard", dossier_id=dossier.pk, step="applicant")
    else:
        step_entered(request, "agency")
    agencies = _agencies(procedure, request.identity)
    return sandbox_render(
        request,
        "sandbox/procedure_detail.html",
        {
            "procedure": procedure,
            "cases": form.case_list(),
            "agencies": agencies,
            "errors": errors,
            "channel": selectors.online_channel(procedure),
        },
        step="agency",
    )


def _agencies(procedure, identity):
    """Practice agencies near the learner's made-up address, at the procedure's level."""
    place = identity.address.split(", ")
    commune, province = (place[-2], place[-1]) if len(place) >= 2 else ("xã", "tỉnh")
    if procedure.agency_level == "tinh":
        return [f"{procedure.implementing_agency} – {province} (luyện tập)"]
    return [
        f"Ủy ban nhân dân {commune} – {province} (luyện tập)",
        f"Ủy ban nhân dân xã bên cạnh – {province} (luyện tập)",
    ]


def _wizard_context(dossier, step):
    done = set(dossier.wizard_steps_done)
    return {
        "dossier": dossier,
        "wizard": [(key, label, key in done, key == step) for key, label in WIZARD],
        "step_number": [key for key, _ in WIZARD].index(step) + 1,
    }


@portal_login_required
def wizard(request, dossier_id, step):
    dossier = own_dossier(request, dossier_id)
    if not dossier.is_draft:
        # Submitted already: "Nộp hồ sơ" sent twice (its answer lost on weak Wi-Fi, a
        # double tap) or an old tab lands where the first submission led, not on a 404.
        return redirect("sandbox:payment", dossier_id=dossier.pk)
    if step not in dict(WIZARD):
        return redirect("sandbox:wizard", dossier_id=dossier.pk, step="applicant")
    ctx = request.practice
    errors = []
    if request.method == "POST":
        try:
            if step == "applicant":
                dossier_services.dossier_save_applicant(
                    ctx=ctx, dossier=dossier, data=ApplicantForm(request.POST).values()
                )
            elif step == "eform":
                posted = _eform_posted(request, dossier)
                dossier_services.dossier_save_eform(ctx=ctx, dossier=dossier, data=posted)
            elif step == "delivery":
                posted = DeliveryForm(request.POST).values()
                dossier_services.dossier_save_delivery(
                    ctx=ctx,
                    dossier=dossier,
                    method=posted["delivery_method"],
                    address=posted["delivery_address"],
                )
            elif step == "attachments":
                return _attachments_post(request, dossier)
            elif step == "review":
                posted = ReviewForm(request.POST).values()
                dossier = dossier_services.dossier_submit(
                    ctx=ctx,
                    dossier=dossier,
                    declaration=posted["declaration"],
                    consent=posted["consent"],
                )
                return redirect("sandbox:payment", dossier_id=dossier.pk)
        except PracticeErrors as failure:
            errors = failure.errors
        else:
            following = [key for key, _ in WIZARD][[key for key, _ in WIZARD].index(step) + 1]
            return redirect("sandbox:wizard", dossier_id=dossier.pk, step=following)
    else:
        step_entered(request, step)
    context = {**_wizard_context(dossier, step), "errors": errors}
    if step == "eform":
        context["fields"] = _eform_fields(
            dossier, _eform_posted(request, dossier) if errors else None
        )
        context["target_field"] = _first_to_fill(context["fields"], errors)
    elif step == "delivery":
        context["methods"] = DeliveryMethod.choices
    elif step == "attachments":
        context["slots"] = _slots_with_files(dossier)
    elif step == "review":
        context.update(
            missing=selectors.dossier_missing(dossier),
            fields=_eform_fields(dossier, None),
            fee=selectors.dossier_fee(dossier),
            slots=_slots_with_files(dossier),
        )
    return sandbox_render(request, f"sandbox/wizard/{step}.html", context, step=step)


def _eform_posted(request, dossier):
    """The e-form's boxes as posted (only the keys the procedure's form has)."""
    form = selectors.practice_form_for(dossier.procedure)
    keys = [field["key"] for field in form.fields()] if form else []
    return EformForm(request.POST, keys=keys).values()


def _eform_fields(dossier, posted):
    form = selectors.practice_form_for(dossier.procedure)
    sections = []
    for section in form.sections if form else []:
        fields = []
        for field in section.value["fields"]:
            field = dict(field)
            field["kind"] = field_kind(field)
            value = dossier.form_data.get(field["key"])
            if posted is not None:
                value = posted.get(field["key"], "")
            if value is None and field.get("prefill"):
                value = selectors.prefill_value(dossier.identity, field["prefill"])
            field["value"] = value or ""
            field["options"] = [
                option.strip() for option in (field["choices"] or "").split(";") if option.strip()
            ]
            fields.append(field)
        sections.append({"title": section.value["title"], "fields": fields})
    return sections


def _first_to_fill(sections, errors):
    """The field guided mode highlights: the first mistake, else the first empty box."""
    if errors:
        return errors[0].field
    for section in sections:
        for field in section["fields"]:
            if field["required"] and not field["value"]:
                return field["key"]
    return ""


def _slots_with_files(dossier):
    files = list(dossier.files.filter(supplement__isnull=True))
    return [
        {
            **slot,
            "field_key": f"slot_{slot['slot']}",
            "files": [f for f in files if f.slot == slot["slot"]],
        }
        for slot in selectors.attachment_slots(dossier)
    ]


def _attachments_post(request, dossier):
    ctx = request.practice
    errors = []
    posted = AttachmentsForm(request.POST).values()
    if posted["removing"]:
        attachments.attachment_remove(dossier=dossier, attachment_id=posted["remove"])
        return redirect("sandbox:wizard", dossier_id=dossier.pk, step="attachments")
    for slot in selectors.attachment_slots(dossier):
        uploaded = request.FILES.get(f"slot_{slot['slot']}")
        if uploaded is None:
            continue
        try:
            attachments.dossier_attach(
                ctx=ctx, dossier=dossier, slot=slot["slot"], uploaded=uploaded
            )
        except PracticeErrors as failure:
            errors.extend(failure.errors)
    if posted["proceed"] and not errors:
        try:
            attachments.dossier_attachments_confirm(ctx=ctx, dossier=dossier)
        except PracticeErrors as failure:
            errors = failure.errors
        else:
            return redirect("sandbox:wizard", dossier_id=dossier.pk, step="review")
    if not errors:
        return redirect("sandbox:wizard", dossier_id=dossier.pk, step="attachments")
    context = {
        **_wizard_context(dossier, "attachments"),
        "errors": errors,
        "slots": _slots_with_files(dossier),
    }
    return sandbox_render(request, "sandbox/wizard/attachments.html", context, step="attachments")


@portal_login_required
def payment(request, dossier_id):
    """After submission: pay the fee if there is one, else straight to the code."""
    dossier = own_dossier(request, dossier_id)
    if dossier.fee_status in (PracticeDossier.FeeStatus.NONE, PracticeDossier.FeeStatus.PAID):
        return redirect("sandbox:submitted", dossier_id=dossier.pk)
    errors = []
    if request.method == "POST":
        try:
            started = payments.payment_start(
                ctx=request.practice,
                dossier=dossier,
                provider=PaymentForm(request.POST).values()["provider"],
            )
        except PracticeErrors as failure:
            errors = failure.errors
        else:
            return redirect("sandbox:gateway", payment_id=started.pk)
    else:
        step_entered(request, "payment")
    pending = dossier.payments.filter(status=Payment.Status.DEBITED).first()
    return sandbox_render(
        request,
        "sandbox/payment.html",
        {"dossier": dossier, "providers": payments.PROVIDERS, "errors": errors, "pending": pending},
        step="payment",
    )


@portal_login_required
def gateway(request, payment_id):
    """The simulated payment gateway page (clearly fake: no card data is ever asked)."""
    started = get_object_or_404(
        Payment.objects.select_related("dossier"),
        pk=payment_id,
        dossier__owner_key=request.practice.owner_key,
    )
    errors = []
    if request.method == "POST":
        try:
            started = payments.payment_complete(
                ctx=request.practice,
                payment=started,
                outcome=GatewayForm(request.POST).values()["outcome"],
            )
        except PracticeErrors as failure:
            errors = failure.errors
            started.refresh_from_db()
        else:
            if started.status in (Payment.Status.SUCCESS, Payment.Status.RECONCILED):
                return redirect("sandbox:submitted", dossier_id=started.dossier.pk)
            # A second press on an attempt that already failed or is awaiting a check:
            # back to the payment page, which says what to do (and not to pay twice).
            return redirect("sandbox:payment", dossier_id=started.dossier.pk)
    return sandbox_render(
        request,
        "sandbox/gateway.html",
        {
            "payment": started,
            "dossier": started.dossier,
            "errors": errors,
            "outcomes": payments.OUTCOMES,
        },
        step="payment",
    )


@require_POST
@portal_login_required
def reconcile(request, payment_id):
    started = get_object_or_404(
        Payment, pk=payment_id, dossier__owner_key=request.practice.owner_key
    )
    payments.payment_reconcile(ctx=request.practice, payment=started)
    return redirect("sandbox:payment", dossier_id=started.dossier_id)


@portal_login_required
def submitted(request, dossier_id):
    dossier = own_dossier(request, dossier_id)
    if dossier.is_draft:
        return redirect("sandbox:wizard", dossier_id=dossier.pk, step="review")
    return sandbox_render(request, "sandbox/submitted.html", {"dossier": dossier}, step="submitted")
