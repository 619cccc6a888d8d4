"""The one-stop desk: a supplement request must name a listed document, a reason and the
content; actions that the dossier's status does not allow are refused."""

import pytest

from sandbox.errors import STEPS, PracticeErrors
from sandbox.models import DossierStatus, Exercise, PracticeDossier, SimulatedMessage
from sandbox.services import desk, payments
from sandbox.services.exercises import exercise_start
from tests.helpers import (
    OFFICER,
    SUPPLEMENT_CONTENT,
    SUPPLEMENT_REASON,
    error_codes,
    new_ctx,
    supplement_ask,
)

REASON, CONTENT = SUPPLEMENT_REASON, SUPPLEMENT_CONTENT
ask = supplement_ask


def test_a_correct_supplement_request_tells_the_citizen_what_why_and_by_when(practice_ctx, walk):
    dossier = walk(DossierStatus.RECEIVED)

    ask(practice_ctx, dossier)

    dossier.refresh_from_db()
    request = dossier.supplements.get()
    assert dossier.status == DossierStatus.SUPPLEMENT
    assert request.document_names == ["Giấy chứng sinh"] and request.reason == REASON
    email = SimulatedMessage.objects.get(dossier=dossier, attachment_kind="supplement_guide")
    assert "Giấy chứng sinh" in email.body and REASON in email.body
    assert f"{request.deadline:%d/%m/%Y}" in email.body


def test_a_supplement_request_naming_no_document_is_refused(practice_ctx, walk):
    dossier = walk(DossierStatus.RECEIVED)

    with pytest.raises(PracticeErrors) as failure:
        ask(practice_ctx, dossier, documents=["", "  "])

    [error] = failure.value.errors
    assert error.full_message.startswith(f"{STEPS['desk']}, ô “Thành phần cần bổ sung”: ")
    assert "giấy tờ nào" in error.plain
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.RECEIVED and not dossier.supplements.exists()


def test_asking_for_a_document_outside_the_procedures_list_is_refused(practice_ctx, walk):
    dossier = walk(DossierStatus.RECEIVED)

    with pytest.raises(PracticeErrors) as failure:
        ask(practice_ctx, dossier, documents=["Giấy chứng sinh", "Sổ hộ khẩu"])

    [error] = failure.value.errors
    assert error.code == "desk_document_not_required"
    assert error.full_message.startswith(f"{STEPS['desk']}, ô “Sổ hộ khẩu”: ")
    assert "pháp luật không quy định" in error.plain
    assert not dossier.supplements.exists()


def test_a_supplement_request_needs_a_reason_and_content(practice_ctx, walk):
    dossier = walk(DossierStatus.PROCESSING)

    with pytest.raises(PracticeErrors) as no_reason:
        ask(practice_ctx, dossier, reason="", content=CONTENT)
    with pytest.raises(PracticeErrors) as no_content:
        ask(practice_ctx, dossier, reason=REASON, content="mờ")

    for failure in (no_reason, no_content):
        [error] = failure.value.errors
        assert error.full_message.startswith(
            f"{STEPS['desk']}, ô “Lý do và nội dung bổ sung”: Phải ghi lý do"
        )


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (DossierStatus.NEW, lambda ctx, d: desk.desk_finish(ctx=ctx, dossier=d, officer=OFFICER)),
        (
            DossierStatus.RECEIVED,
            lambda ctx, d: desk.desk_accept(ctx=ctx, dossier=d, officer=OFFICER),
        ),
        (
            DossierStatus.PROCESSING,
            lambda ctx, d: desk.desk_reject(ctx=ctx, dossier=d, officer=OFFICER, reason=REASON),
        ),
        (DossierStatus.DONE, lambda ctx, d: ask(ctx, d)),
        (
            DossierStatus.RETURNED,
            lambda ctx, d: desk.desk_return(ctx=ctx, dossier=d, officer=OFFICER),
        ),
    ],
)
def test_actions_the_status_does_not_allow_are_refused(practice_ctx, walk, status, action):
    dossier = walk(status)
    events_before = dossier.events.count()

    with pytest.raises(PracticeErrors) as failure:
        action(practice_ctx, dossier)

    assert error_codes(failure) == ["desk_wrong_status"]
    assert failure.value.errors[0].full_message.startswith(f"{STEPS['desk']}: ")
    dossier.refresh_from_db()
    assert dossier.status == status and dossier.events.count() == events_before


def test_an_unpaid_dossier_waits_for_the_fee_before_it_is_received(practice_ctx, walk):
    dossier = walk(copies="1", pay=False)

    with pytest.raises(PracticeErrors) as failure:
        desk.desk_accept(ctx=practice_ctx, dossier=dossier, officer=OFFICER)

    assert failure.value.errors[0].full_message.startswith(STEPS["desk"])
    assert "chưa nộp phí" in failure.value.errors[0].plain
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.NEW


def test_receiving_sets_the_due_date_and_sends_the_intake_slip(practice_ctx, walk):
    dossier = walk(DossierStatus.NEW)

    desk.desk_accept(ctx=practice_ctx, dossier=dossier, officer=OFFICER)

    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.RECEIVED and dossier.due_date
    slip = SimulatedMessage.objects.get(dossier=dossier, attachment_kind="intake_slip")
    assert dossier.code in slip.subject and f"{dossier.due_date:%d/%m/%Y}" in slip.body
    sms = SimulatedMessage.objects.get(dossier=dossier, channel="sms", body__contains="tiep nhan")
    assert sms.body.isascii()  # SMS brandnames send no accents


def test_rejection_needs_a_reason_and_tells_the_citizen(practice_ctx, walk):
    dossier = walk(DossierStatus.NEW)
    with pytest.raises(PracticeErrors) as failure:
        desk.desk_reject(ctx=practice_ctx, dossier=dossier, officer=OFFICER, reason="")
    assert failure.value.errors[0].full_message.startswith(f"{STEPS['desk']}, ô “Lý do từ chối”: ")

    desk.desk_reject(
        ctx=practice_ctx, dossier=dossier, officer=OFFICER, reason="Nộp nhầm cơ quan thực hiện."
    )
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.REJECTED
    assert SimulatedMessage.objects.filter(
        dossier=dossier, body__contains="Nộp nhầm cơ quan thực hiện."
    ).exists()


def test_a_financial_obligation_goes_back_to_processing_once_paid(practice_ctx, walk):
    dossier = walk(DossierStatus.PROCESSING)

    desk.desk_request_financial(
        ctx=practice_ctx, dossier=dossier, officer=OFFICER, amount=8000, note="Thêm 1 bản sao"
    )
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.FINANCIAL
    assert dossier.fee_status == PracticeDossier.FeeStatus.UNPAID
    started = payments.payment_start(ctx=practice_ctx, dossier=dossier, provider="ngan-hang-a")
    payments.payment_complete(ctx=practice_ctx, payment=started, outcome="success")

    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.PROCESSING
    assert dossier.fee_status == PracticeDossier.FeeStatus.PAID


def test_the_desk_queue_holds_only_the_learners_own_submitted_dossiers(practice_ctx, walk):
    submitted = walk(DossierStatus.NEW)
    draft = walk(DossierStatus.DRAFT)
    other = new_ctx()

    assert list(desk.desk_queue(practice_ctx.owner_key)) == [submitted]
    assert draft not in desk.desk_queue(practice_ctx.owner_key)
    assert not desk.desk_queue(other.owner_key).exists()


# --- the official's exercise "Yêu cầu bổ sung đúng quy định" ---------------------------


@pytest.fixture
def official_exercise(khai_sinh, db):
    ctx = new_ctx()
    attempt = exercise_start(
        ctx=ctx, exercise=Exercise.objects.get(slug="yeu-cau-bo-sung-dung"), mode="practice"
    )
    return ctx, attempt


def test_the_exercise_puts_a_blurred_khai_sinh_in_the_learners_own_queue(official_exercise):
    ctx, attempt = official_exercise

    [dossier] = desk.desk_queue(ctx.owner_key)

    assert dossier.status == DossierStatus.NEW and dossier.attempt == attempt
    assert not dossier.auto_officer  # the learner is the officer
    assert dossier.files.get().document_name == "Giấy chứng sinh"


def test_the_supplement_exercise_completes_only_with_a_valid_request(official_exercise):
    ctx, attempt = official_exercise
    [dossier] = desk.desk_queue(ctx.owner_key)

    with pytest.raises(PracticeErrors):
        ask(ctx, dossier, documents=["Sổ hộ khẩu"])
    with pytest.raises(PracticeErrors):
        ask(ctx, dossier, reason="")
    attempt.refresh_from_db()
    assert attempt.completed_at is None
    assert attempt.error_count == 2

    ask(ctx, dossier)

    attempt.refresh_from_db()
    assert attempt.completed_at is not None
