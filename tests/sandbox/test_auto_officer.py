"""The scripted auto-officer for self-study: it acts lazily, one action per
SANDBOX_AUTO_OFFICER_STEP_SECONDS of the learner's time, when the dossier is looked at."""

import datetime

import pytest

from sandbox.models import DossierStatus, Exercise
from sandbox.services import attachments, payments
from sandbox.services.auto_officer import OFFICER, auto_officer_tick
from sandbox.services.exercises import exercise_start
from tests.helpers import dossier_walk, jpeg_upload

STEP = 60


@pytest.fixture(autouse=True)
def one_minute_steps(settings):
    settings.SANDBOX_AUTO_OFFICER_STEP_SECONDS = STEP


@pytest.fixture
def self_study(practice_ctx):
    practice_ctx.auto_officer = True
    return practice_ctx


def later(ctx, seconds):
    ctx.now += datetime.timedelta(seconds=seconds)


def look(ctx, dossier):
    """The learner opens the dossier: the officer takes what is due, then we read it."""
    taken = auto_officer_tick(ctx=ctx, dossier=dossier)
    dossier.refresh_from_db()
    return taken


def test_the_officer_waits_a_step_then_takes_one_action_per_step(self_study, identity, khai_sinh):
    dossier = dossier_walk(self_study, identity, khai_sinh, delivery="desk")
    seen = []
    for _ in range(4):
        later(self_study, STEP - 5)
        assert look(self_study, dossier) == 0  # not yet
        later(self_study, 5)
        assert look(self_study, dossier) == 1
        seen.append(dossier.status)

    assert seen == [
        DossierStatus.RECEIVED,
        DossierStatus.PROCESSING,
        DossierStatus.DONE,
        DossierStatus.RETURNED,  # handed over at the desk
    ]
    assert set(dossier.events.exclude(actor="Công dân").values_list("actor", flat=True)) == {
        OFFICER
    }
    later(self_study, STEP * 10)
    assert look(self_study, dossier) == 0  # nothing left to do


def test_coming_back_much_later_finds_every_due_action_taken(self_study, identity, khai_sinh):
    dossier = dossier_walk(self_study, identity, khai_sinh, delivery="online")

    later(self_study, STEP * 10)
    look(self_study, dossier)

    # An electronic result waits for the citizen to download it (status 10 then).
    assert dossier.status == DossierStatus.DONE


def test_fast_forward_takes_the_next_action_at_once(self_study, identity, khai_sinh):
    dossier = dossier_walk(self_study, identity, khai_sinh)

    assert auto_officer_tick(ctx=self_study, dossier=dossier, force=True) == 1

    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.RECEIVED


def test_an_unpaid_dossier_is_not_received_until_the_fee_is_paid(self_study, identity, khai_sinh):
    dossier = dossier_walk(self_study, identity, khai_sinh, copies="1", pay=False)
    later(self_study, STEP * 5)
    assert look(self_study, dossier) == 0
    assert dossier.status == DossierStatus.NEW

    started = payments.payment_start(ctx=self_study, dossier=dossier, provider="ngan-hang-a")
    payments.payment_complete(ctx=self_study, payment=started, outcome="success")
    dossier.refresh_from_db()
    later(self_study, STEP)

    assert look(self_study, dossier) >= 1
    assert dossier.status != DossierStatus.NEW
    assert dossier.events.get(action="Tiếp nhận hồ sơ trực tuyến").created_at == self_study.now


def test_the_desk_run_by_hand_is_never_moved_by_the_auto_officer(practice_ctx, identity, khai_sinh):
    dossier = dossier_walk(practice_ctx, identity, khai_sinh)  # auto_officer off
    later(practice_ctx, STEP * 10)

    assert look(practice_ctx, dossier) == 0
    assert dossier.status == DossierStatus.NEW


def test_the_supplement_script_asks_for_a_supplement_once(self_study, identity, khai_sinh):
    exercise_start(
        ctx=self_study, exercise=Exercise.objects.get(slug="khai-sinh-bo-sung"), mode="guided"
    )
    dossier = dossier_walk(self_study, identity, khai_sinh)
    assert dossier.auto_officer_script == "supplement"
    for _ in range(3):
        later(self_study, STEP)
        look(self_study, dossier)
    assert dossier.status == DossierStatus.SUPPLEMENT
    request = dossier.supplements.get()
    assert request.document_names == ["Giấy chứng sinh"]
    assert "mờ" in request.reason
    later(self_study, STEP * 5)
    assert look(self_study, dossier) == 0  # waits for the citizen

    attachments.supplement_send(
        ctx=self_study,
        dossier=dossier,
        note="Đã chụp lại.",
        uploaded_files=[jpeg_upload("chup-lai.jpg")],
    )
    later(self_study, STEP)
    look(self_study, dossier)

    assert dossier.status == DossierStatus.DONE  # not asked a second time
    assert dossier.supplements.count() == 1
    assert self_study.attempt.exercise.slug == "khai-sinh-bo-sung"
    self_study.attempt.refresh_from_db()
    assert self_study.attempt.completed_at is not None
