"""The simulated payment gateway: refused, timed out, and "money taken but the dossier not
updated", where checking the transaction (not paying again) is the right move."""

import pytest

from sandbox.errors import STEPS, PracticeErrors
from sandbox.models import (
    DossierStatus,
    Payment,
    PracticeDossier,
    PracticeEvent,
    SimulatedMessage,
)
from sandbox.services import payments
from tests.helpers import error_codes


@pytest.fixture
def unpaid(walk):
    """A submitted khai sinh with one copy of the certificate: 8.000 đồng to pay."""
    return walk(copies="1", pay=False)


def start(ctx, dossier, provider="ngan-hang-b"):
    return payments.payment_start(ctx=ctx, dossier=dossier, provider=provider)


def test_the_transfer_charge_is_shown_on_top_of_the_fee(practice_ctx, unpaid):
    payment = start(practice_ctx, unpaid, "ngan-hang-b")

    assert (payment.amount, payment.transfer_fee, payment.total) == (8000, 5500, 13500)
    assert payment.status == Payment.Status.STARTED


def test_success_marks_the_dossier_paid_and_sends_an_electronic_receipt(practice_ctx, unpaid):
    payment = start(practice_ctx, unpaid)

    payments.payment_complete(ctx=practice_ctx, payment=payment, outcome="success")

    payment.refresh_from_db()
    unpaid.refresh_from_db()
    assert payment.status == Payment.Status.SUCCESS and payment.receipt_number
    assert unpaid.fee_status == PracticeDossier.FeeStatus.PAID
    receipt = SimulatedMessage.objects.get(dossier=unpaid, attachment_kind="receipt")
    assert payment.receipt_number in receipt.subject
    assert unpaid.events.filter(action="Đã thanh toán phí, lệ phí").count() == 1


@pytest.mark.parametrize(
    ("outcome", "words"),
    [("failed", "tiền chưa bị trừ"), ("timeout", "Hết thời gian chờ")],
)
def test_failed_or_timed_out_payment_leaves_the_fee_unpaid_and_can_be_tried_again(
    practice_ctx, unpaid, outcome, words
):
    payment = start(practice_ctx, unpaid)

    with pytest.raises(PracticeErrors) as failure:
        payments.payment_complete(ctx=practice_ctx, payment=payment, outcome=outcome)

    [error] = failure.value.errors
    assert error.code == f"payment_{outcome}"
    assert error.full_message.startswith(STEPS["payment"])
    assert words in error.plain
    unpaid.refresh_from_db()
    assert unpaid.fee_status == PracticeDossier.FeeStatus.UNPAID
    assert PracticeEvent.objects.filter(
        owner_key=practice_ctx.owner_key, error_code=f"payment_{outcome}", step="payment"
    ).exists()

    retry = start(practice_ctx, unpaid, "ngan-hang-a")
    payments.payment_complete(ctx=practice_ctx, payment=retry, outcome="success")
    unpaid.refresh_from_db()
    assert unpaid.fee_status == PracticeDossier.FeeStatus.PAID


def test_debited_but_not_updated_warns_not_to_pay_again_and_reconcile_makes_it_paid(
    practice_ctx, unpaid
):
    payment = start(practice_ctx, unpaid)

    with pytest.raises(PracticeErrors) as failure:
        payments.payment_complete(ctx=practice_ctx, payment=payment, outcome="debited")

    [error] = failure.value.errors
    assert error.full_message.startswith(STEPS["payment"])
    assert "ĐỪNG thanh toán lại" in error.plain and "Kiểm tra lại giao dịch" in error.plain
    unpaid.refresh_from_db()
    assert unpaid.fee_status == PracticeDossier.FeeStatus.PENDING
    with pytest.raises(PracticeErrors):  # the pay button no longer takes money a second time
        start(practice_ctx, unpaid)

    payments.payment_reconcile(ctx=practice_ctx, payment=payment)
    payments.payment_reconcile(ctx=practice_ctx, payment=payment)  # asked twice: one receipt

    payment.refresh_from_db()
    unpaid.refresh_from_db()
    assert payment.status == Payment.Status.RECONCILED and payment.receipt_number
    assert unpaid.fee_status == PracticeDossier.FeeStatus.PAID
    assert SimulatedMessage.objects.filter(dossier=unpaid, attachment_kind="receipt").count() == 1


def test_a_double_click_on_confirm_changes_nothing(practice_ctx, unpaid):
    payment = start(practice_ctx, unpaid)
    payments.payment_complete(ctx=practice_ctx, payment=payment, outcome="success")
    first = Payment.objects.get(pk=payment.pk)

    again = payments.payment_complete(ctx=practice_ctx, payment=payment, outcome="success")
    late_failure = payments.payment_complete(ctx=practice_ctx, payment=payment, outcome="failed")

    assert again.receipt_number == late_failure.receipt_number == first.receipt_number
    assert Payment.objects.get(pk=payment.pk).status == Payment.Status.SUCCESS
    assert unpaid.events.filter(action="Đã thanh toán phí, lệ phí").count() == 1
    assert SimulatedMessage.objects.filter(dossier=unpaid, attachment_kind="receipt").count() == 1


def test_reconcile_of_a_refused_payment_does_not_make_it_paid(practice_ctx, unpaid):
    payment = start(practice_ctx, unpaid)
    with pytest.raises(PracticeErrors):
        payments.payment_complete(ctx=practice_ctx, payment=payment, outcome="failed")

    payments.payment_reconcile(ctx=practice_ctx, payment=payment)

    unpaid.refresh_from_db()
    assert unpaid.fee_status == PracticeDossier.FeeStatus.UNPAID


def test_choosing_no_bank_is_refused_naming_the_box(practice_ctx, unpaid):
    with pytest.raises(PracticeErrors) as failure:
        start(practice_ctx, unpaid, provider="")

    assert failure.value.errors[0].full_message.startswith(
        f"{STEPS['payment']}, ô “Ngân hàng hoặc ví điện tử”"
    )


def test_a_free_dossier_has_nothing_to_pay(practice_ctx, walk):
    free = walk(copies="0")

    with pytest.raises(PracticeErrors) as failure:
        start(practice_ctx, free)

    assert error_codes(failure) == ["desk_wrong_status"]
    assert not Payment.objects.filter(dossier=free).exists()


def test_a_later_obligation_charges_only_what_is_still_owed(practice_ctx, walk):
    from sandbox.services import desk, payments
    from sandbox.services.payments import amount_due

    dossier = walk(DossierStatus.PROCESSING, copies="3")  # 24.000 đồng, paid on submit
    assert amount_due(dossier) == 0
    desk.desk_request_financial(
        ctx=practice_ctx, dossier=dossier, officer="Cán bộ", amount=50000, note="Lệ phí bổ sung"
    )
    started = payments.payment_start(ctx=practice_ctx, dossier=dossier, provider="ngan-hang-a")
    assert started.amount == 50000


def test_a_second_tab_cannot_take_the_money_twice(practice_ctx, walk):
    from sandbox.services import payments

    dossier = walk(DossierStatus.NEW, pay=False, copies="1")
    first = payments.payment_start(ctx=practice_ctx, dossier=dossier, provider="ngan-hang-a")
    second = payments.payment_start(ctx=practice_ctx, dossier=dossier, provider="vi-c")
    payments.payment_complete(ctx=practice_ctx, payment=first, outcome="success")
    second = payments.payment_complete(ctx=practice_ctx, payment=second, outcome="success")
    assert second.status == "failed"
    assert dossier.payments.filter(status="success").count() == 1
