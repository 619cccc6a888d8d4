"""After submission: Quản lý hồ sơ, tracking, supplement, result, receipt, rating, inbox."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone

from .. import documents, selectors
from ..errors import PracticeError, PracticeErrors, desk_waiting_official_error
from ..forms import DossierActionForm
from ..models import DossierStatus, Payment, PracticeDossier, SimulatedMessage
from ..services import attachments, tracking
from ..services.auto_officer import auto_officer_tick, auto_officer_wait_left
from ..services.desk_routing import minutes
from ..services.events import practice_errors_record
from .common import own_dossier, portal_login_required, sandbox_render, step_entered, with_practice

RESULT_TITLES = {
    "dang-ky-khai-sinh": "GIẤY KHAI SINH",
    "lien-thong-khai-sinh": "GIẤY KHAI SINH",
    "dang-ky-ket-hon": "GIẤY CHỨNG NHẬN KẾT HÔN",
    "cap-phieu-ly-lich-tu-phap": "PHIẾU LÝ LỊCH TƯ PHÁP SỐ 1",
    "dang-ky-ho-kinh-doanh": "GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH",
}


def _pdf(content, filename):
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@portal_login_required
def dossier_list(request):
    dossiers = list(
        PracticeDossier.objects.filter(
            owner_key=request.practice.owner_key, identity=request.identity
        ).order_by("-created_at")
    )
    for dossier in dossiers:
        if not dossier.is_draft:
            auto_officer_tick(ctx=request.practice, dossier=dossier)
    step_entered(request, "tracking")
    return sandbox_render(
        request, "sandbox/dossier_list.html", {"dossiers": dossiers}, step="tracking"
    )


@portal_login_required
def dossier_detail(request, dossier_id):
    dossier = own_dossier(request, dossier_id)
    if dossier.is_draft:
        return redirect("sandbox:wizard", dossier_id=dossier.pk, step="applicant")
    ctx = request.practice
    errors = []
    if request.method == "POST":
        posted = DossierActionForm(request.POST).values()
        action = posted["action"]
        try:
            if action == "fast_forward":
                # On a shared desk the classmates' turn is not cut short: say how long.
                left = auto_officer_wait_left(dossier=dossier, now=ctx.now)
                if left:
                    errors = [desk_waiting_official_error(minutes_left=minutes(left))]
                else:
                    auto_officer_tick(ctx=ctx, dossier=dossier, force=True)
            elif action == "supplement":
                attachments.supplement_send(
                    ctx=ctx,
                    dossier=dossier,
                    note=posted["note"],
                    uploaded_files=request.FILES.getlist("files"),
                )
            elif action == "withdraw":
                tracking.dossier_withdraw(ctx=ctx, dossier=dossier, reason=posted["reason"])
            elif action == "rate":
                tracking.dossier_rate(
                    ctx=ctx,
                    dossier=dossier,
                    score=posted["score"] or 0,
                    comment=posted["comment"],
                )
        except PracticeErrors as failure:
            errors = failure.errors
        except ValueError:
            errors = [
                PracticeError(
                    "required", step="rating", field="score", field_label="Mức độ hài lòng"
                )
            ]
            practice_errors_record(ctx=ctx, errors=errors)
        if not errors:
            return redirect("sandbox:dossier", dossier_id=dossier.pk)
        dossier.refresh_from_db()
    else:
        auto_officer_tick(ctx=ctx, dossier=dossier)
        dossier.refresh_from_db()
    today = timezone.localdate()
    return sandbox_render(
        request,
        "sandbox/dossier_detail.html",
        {
            "dossier": dossier,
            "errors": errors,
            "events": dossier.events.all(),
            "supplement": dossier.supplements.filter(answered_at__isnull=True).first(),
            "overdue": selectors.is_overdue(dossier, today),
            "paid": dossier.payments.filter(
                status__in=[Payment.Status.SUCCESS, Payment.Status.RECONCILED]
            ).first(),
            "rating": getattr(dossier, "rating", None),
            "can_rate": dossier.status in (DossierStatus.DONE, DossierStatus.RETURNED),
            "has_result": dossier.status in (DossierStatus.DONE, DossierStatus.RETURNED),
            "next_auto": dossier.auto_officer and not dossier.is_finished,
            "files": dossier.files.all(),
        },
        step="tracking",
    )


@portal_login_required
def result_pdf(request, dossier_id):
    dossier = own_dossier(
        request, dossier_id, status__in=[DossierStatus.DONE, DossierStatus.RETURNED]
    )
    identity = dossier.identity
    data = dossier.form_data
    rows = (
        [
            (field["label"], data.get(field["key"], ""))
            for field in selectors.practice_form_for(dossier.procedure).fields()
            if data.get(field["key"])
        ][:14]
        if dossier.procedure
        else []
    )
    slug = dossier.procedure.slug if dossier.procedure else ""
    content = documents.result_document_pdf(
        document_title=f"{RESULT_TITLES.get(slug, 'KẾT QUẢ GIẢI QUYẾT THỦ TỤC')} (BẢN LUYỆN TẬP)",
        dossier_code=dossier.code,
        procedure_title=dossier.procedure_title,
        agency_name=dossier.agency_name,
        issued_on=(dossier.finished_at or timezone.now()).date(),
        fields=rows or [("Người yêu cầu", identity.full_name)],
    )
    tracking.dossier_result_taken(ctx=request.practice, dossier=dossier)
    return _pdf(content, f"ket-qua-{dossier.code}.pdf")


@portal_login_required
def receipt_pdf(request, payment_id):
    paid = get_object_or_404(
        Payment.objects.select_related("dossier__identity"),
        pk=payment_id,
        dossier__owner_key=request.practice.owner_key,
        status__in=[Payment.Status.SUCCESS, Payment.Status.RECONCILED],
    )
    content = documents.receipt_pdf(
        receipt_number=paid.receipt_number,
        dossier_code=paid.dossier.code,
        payer_name=paid.dossier.identity.full_name,
        procedure_title=paid.dossier.procedure_title,
        amount=paid.amount,
        transfer_fee=paid.transfer_fee,
        provider_name=paid.provider,
        paid_at=paid.paid_at,
    )
    return _pdf(content, f"bien-lai-{paid.receipt_number}.pdf")


@with_practice
def lookup(request):
    """Tra cứu hồ sơ by code + CCCD, among this learner's own dossiers only."""
    errors, found = [], None
    code, cccd = request.GET.get("ma", ""), request.GET.get("cccd", "")
    if code.strip() or cccd.strip():
        try:
            found = tracking.dossier_lookup(ctx=request.practice, code=code, cccd=cccd)
        except PracticeErrors as failure:
            errors = failure.errors
        else:
            auto_officer_tick(ctx=request.practice, dossier=found)
            found.refresh_from_db()
    return sandbox_render(
        request,
        "sandbox/lookup.html",
        {
            "errors": errors,
            "found": found,
            # What was typed is shown again, unless it was refused: never a page
            # carrying 10.000 characters or someone's real ID number back.
            "code": "" if any(e.field == "ma" and e.code == "too_long" for e in errors) else code,
            "cccd": "" if any(e.field == "cccd" for e in errors) else cccd,
        },
        step="tracking",
    )


@with_practice
def inbox(request):
    """Điện thoại giả lập: every message the real system would have sent."""
    messages = SimulatedMessage.objects.filter(owner_key=request.practice.owner_key)[:100]
    return sandbox_render(request, "sandbox/inbox.html", {"messages": messages}, step="inbox")


@portal_login_required
def slip_pdf(request, dossier_id, kind):
    """Phiếu tiếp nhận và hẹn trả, or Phiếu xin lỗi và hẹn lại, of one's own dossier."""
    dossier = own_dossier(request, dossier_id, received_at__isnull=False)
    if kind == "xin-loi":
        if not dossier.apology_sent_at:
            raise Http404
        original = dossier.events.filter(action__startswith="Tiếp nhận").first()
        content = documents.apology_slip_pdf(
            dossier_code=dossier.code,
            applicant_name=dossier.identity.full_name,
            procedure_title=dossier.procedure_title,
            agency_name=dossier.agency_name,
            original_due=selectors.dossier_due_date(
                dossier, original.created_at if original else dossier.received_at
            ),
            new_due=dossier.due_date,
            reason="Hồ sơ cần thêm thời gian xác minh.",
        )
    else:
        content = documents.intake_slip_pdf(
            dossier_code=dossier.code,
            applicant_name=dossier.identity.full_name,
            procedure_title=dossier.procedure_title,
            agency_name=dossier.agency_name,
            received_at=dossier.received_at,
            due_at=dossier.due_date,
            documents=[f.document_name for f in dossier.files.all()],
            delivery_method=dossier.get_delivery_method_display(),
        )
    return _pdf(content, f"phieu-{kind}-{dossier.code}.pdf")
