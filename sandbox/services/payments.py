"""The simulated payment gateway: no card data, no bank, no network call.

It teaches what people meet on the real national payment platform: choosing a bank or
e-wallet, a transfer charge shown on top of the fee (the seeds complain of 5.500 đồng on a
200.000 đồng fee), and the failures: refused, timed out, and "money taken but dossier
not updated", where the right move is to ask for a check, not to pay again.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from ..errors import PracticeError, PracticeErrors
from ..models import DossierStatus, Payment, PracticeDossier, PracticeEvent
from .dossier_actions import CITIZEN, dossier_action, dossier_log, dossier_set_status
from .events import practice_errors_record, practice_event_record
from .exercise_goals import exercise_check
from .messages import message_send

if TYPE_CHECKING:
    from ..context import PracticeContext

PROVIDERS = {
    "ngan-hang-a": {"name": "Ngân hàng A – ứng dụng ngân hàng", "transfer_fee": 0},
    "ngan-hang-b": {"name": "Ngân hàng B – thẻ ATM nội địa", "transfer_fee": 5500},
    "vi-c": {"name": "Ví điện tử C", "transfer_fee": 1000},
}
OUTCOMES = {
    "success": "Thanh toán thành công",
    "failed": "Ngân hàng từ chối giao dịch",
    "timeout": "Hết thời gian chờ",
    "debited": "Đã trừ tiền nhưng hồ sơ chưa cập nhật",
}


PAID = (Payment.Status.SUCCESS, Payment.Status.RECONCILED)


def amount_due(dossier: PracticeDossier) -> int:
    """What is still owed: the fee (plus any later financial obligation) less what was
    already paid, so an obligation never charges the first fee twice."""
    paid = sum(p.amount for p in dossier.payments.filter(status__in=PAID))
    return max(dossier.fee_amount - paid, 0)


@dossier_action
def payment_start(*, ctx: PracticeContext, dossier: PracticeDossier, provider: str) -> Payment:
    """Open a payment at the gateway. The same choice sent again (a double tap, a
    re-sent form) returns the payment it opened, still waiting at the gateway, rather
    than a second one for the same fee."""
    if dossier.fee_status != PracticeDossier.FeeStatus.UNPAID or dossier.is_finished:
        raise PracticeErrors([PracticeError("desk_wrong_status", step="payment")])
    if provider not in PROVIDERS:
        raise PracticeErrors(
            [
                PracticeError(
                    "required",
                    step="payment",
                    field="provider",
                    field_label="Ngân hàng hoặc ví điện tử",
                )
            ]
        )
    terms = {
        "provider": PROVIDERS[provider]["name"],
        "amount": amount_due(dossier),
        "transfer_fee": PROVIDERS[provider]["transfer_fee"],
    }
    waiting = dossier.payments.filter(status=Payment.Status.STARTED, **terms).first()
    return waiting or Payment.objects.create(dossier=dossier, **terms)


def _receipt_number(ctx: PracticeContext) -> str:
    return f"BL-LT-{timezone.localtime(ctx.now):%y%m%d}-{secrets.randbelow(10**6):06d}"


def _mark_paid(ctx: PracticeContext, payment: Payment, status: Payment.Status) -> None:
    payment.status = status
    payment.paid_at = ctx.now
    payment.receipt_number = payment.receipt_number or _receipt_number(ctx)
    payment.save()
    dossier = payment.dossier
    dossier.fee_status = PracticeDossier.FeeStatus.PAID
    dossier.save(update_fields=["fee_status"])
    dossier_log(
        dossier,
        actor=CITIZEN,
        action="Đã thanh toán phí, lệ phí",
        when=ctx.now,
        from_status=dossier.status,
        note=f"Biên lai {payment.receipt_number}",
    )
    message_send(
        ctx=ctx,
        identity=dossier.identity,
        dossier=dossier,
        channel="email",
        sender="Cổng thanh toán luyện tập",
        subject=f"Biên lai điện tử {payment.receipt_number}",
        body=f"Hồ sơ {dossier.code} đã được thanh toán. Có thể tải biên lai trong Quản lý hồ sơ.",
        attachment_kind="receipt",
    )
    practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.STEP_COMPLETED, step="payment")
    if dossier.status == DossierStatus.FINANCIAL:
        dossier_set_status(
            dossier,
            DossierStatus.PROCESSING,
            ctx=ctx,
            actor=CITIZEN,
            action="Đã thực hiện nghĩa vụ tài chính",
        )
    elif dossier.status in (
        DossierStatus.NEW,
        DossierStatus.RECEIVED,
        DossierStatus.PROCESSING,
    ):  # paid at submission, not a later financial obligation
        exercise_check(ctx=ctx, trigger="submitted_and_paid", dossier=dossier)


def _lock_payment(payment: Payment) -> Payment:
    """Lock the payment's dossier, then the payment (always in this order, as every
    dossier writer locks the dossier first), and return the payment reloaded."""
    dossier = PracticeDossier.objects.select_for_update().get(pk=payment.dossier_id)
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    payment.dossier = dossier
    return payment


def payment_complete(*, ctx: PracticeContext, payment: Payment, outcome: str) -> Payment:
    """What the gateway answers. Only success and reconciled mark the dossier paid.

    One transaction under the dossier's and the payment's locks: the payment, the fee
    status, the receipt, the timeline and the e-mail are written together. Confirmed
    again, one after the other or at the same moment, the payment is no longer waiting
    and is returned as it is: charged once, one receipt.
    """
    with transaction.atomic():
        payment = _lock_payment(payment)
        if payment.status != Payment.Status.STARTED:
            return payment  # a double click on "Xác nhận" changes nothing
        dossier = payment.dossier
        if dossier.fee_status != PracticeDossier.FeeStatus.UNPAID:
            # Paid (or awaiting a check) in another tab meanwhile: never take money twice.
            payment.status = Payment.Status.FAILED
            payment.save(update_fields=["status"])
            return payment
        if outcome == "success":
            _mark_paid(ctx, payment, Payment.Status.SUCCESS)
            return payment
        status = {
            "failed": Payment.Status.FAILED,
            "timeout": Payment.Status.TIMEOUT,
            "debited": Payment.Status.DEBITED,
        }.get(outcome, Payment.Status.FAILED)
        payment.status = status
        payment.save(update_fields=["status"])
        if status == Payment.Status.DEBITED:
            payment.dossier.fee_status = PracticeDossier.FeeStatus.PENDING
            payment.dossier.save(update_fields=["fee_status"])
    error = PracticeError(f"payment_{status}", step="payment", field="outcome")
    practice_errors_record(ctx=ctx, errors=[error])
    raise PracticeErrors([error])


def payment_reconcile(*, ctx: PracticeContext, payment: Payment) -> Payment:
    """Tra soát: the gateway confirms the debited money and the dossier becomes paid."""
    with transaction.atomic():
        payment = _lock_payment(payment)
        dossier = payment.dossier
        if (
            payment.status == Payment.Status.DEBITED
            and dossier.fee_status == PracticeDossier.FeeStatus.PENDING
        ):
            _mark_paid(ctx, payment, Payment.Status.RECONCILED)
    return payment
