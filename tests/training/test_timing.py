"""The 5-minute figure: every practice submission of a learner in a class is timed from
their log-in to the practice portal, and the reports show the median and the share under
5 minutes, first attempt against latest, per learner, class and commune."""

import datetime

import pytest

from home import roles
from sandbox.context import PracticeContext
from sandbox.models import DossierStatus, PracticeEvent
from sandbox.services import accounts, dossiers
from tests.factories import ManagerScopeFactory, user_with
from tests.helpers import (
    dossier_draft,
    dossier_walk,
    join,
    practice_logged_in,
    practice_submitted,
    seed_khai_sinh,
)
from training.models import EnrollmentProgress, PracticeSubmissionTime
from training.reports import class_report, unit_report
from training.timing_figures import group_row, under_share

pytestmark = pytest.mark.django_db


@pytest.fixture
def khai_sinh(db):
    return seed_khai_sinh()


def practising(learner, mode="practice"):
    ctx = PracticeContext(owner_key=f"u{learner.pk}", user=learner, mode=mode)
    return ctx, accounts.identity_issue(ctx=ctx)


logged_in = practice_logged_in


def submitted_after(ctx, identity, procedure, minutes):
    logged_in(ctx, minutes)
    return dossier_walk(ctx, identity, procedure, DossierStatus.NEW)


def test_a_submission_is_timed_from_the_log_in(training_class, khai_sinh):
    enrollment = join(training_class)
    ctx, identity = practising(enrollment.learner)
    logged_in(ctx, 4, step="login")
    dossier = dossier_walk(ctx, identity, khai_sinh, DossierStatus.NEW)

    timing = PracticeSubmissionTime.objects.get(enrollment=enrollment)
    assert timing.dossier_code == dossier.code
    assert timing.procedure_title == dossier.procedure_title
    assert 240 <= timing.seconds < 250
    assert timing.guided is False
    progress = EnrollmentProgress.objects.get(enrollment=enrollment)
    assert progress.first_submit_seconds == progress.last_submit_seconds == timing.seconds


def test_first_and_latest_are_kept_and_a_second_dossier_counts_its_own_work(
    training_class, khai_sinh
):
    enrollment = join(training_class)
    ctx, identity = practising(enrollment.learner)
    submitted_after(ctx, identity, khai_sinh, 12)
    # Same log-in, a second dossier: timed from the first one's submission, not the log-in.
    first_code = PracticeSubmissionTime.objects.get().dossier_code
    PracticeEvent.objects.filter(step="review").update(
        created_at=PracticeEvent.objects.get(step="review").created_at
        - datetime.timedelta(minutes=3)
    )
    dossier_walk(ctx, identity, khai_sinh, DossierStatus.NEW)
    times = list(PracticeSubmissionTime.objects.order_by("submitted_at"))
    assert [t.dossier_code for t in times][0] == first_code
    assert 175 <= times[1].seconds < 190
    progress = EnrollmentProgress.objects.get(enrollment=enrollment)
    assert progress.first_submit_seconds == times[0].seconds
    assert progress.last_submit_seconds == times[1].seconds


def test_a_double_submission_is_timed_once(training_class, khai_sinh):
    enrollment = join(training_class)
    ctx, identity = practising(enrollment.learner)
    logged_in(ctx, 2)
    dossier = dossier_draft(ctx, identity, khai_sinh)
    for _tap in range(2):
        dossiers.dossier_submit(ctx=ctx, dossier=dossier, declaration=True, consent=True)
    assert PracticeSubmissionTime.objects.filter(enrollment=enrollment).count() == 1


def test_nothing_is_timed_without_a_log_in_or_an_account(training_class, khai_sinh):
    enrollment = join(training_class)
    ctx, identity = practising(enrollment.learner)
    dossier_walk(ctx, identity, khai_sinh, DossierStatus.NEW)  # never logged in
    visitor = PracticeContext(owner_key="s" + "0" * 32)
    card = accounts.identity_issue(ctx=visitor)
    logged_in(visitor, 3)
    dossier_walk(visitor, card, khai_sinh, DossierStatus.NEW)
    assert not PracticeSubmissionTime.objects.exists()


def test_another_learners_log_in_does_not_start_the_clock(training_class, khai_sinh):
    first, second = join(training_class, "Lê Văn Bảy"), join(training_class, "Trần Thị Tư")
    ctx_a, _card = practising(first.learner)
    ctx_b, card_b = practising(second.learner)
    logged_in(ctx_a, 1)
    logged_in(ctx_b, 30)
    dossier_walk(ctx_b, card_b, khai_sinh, DossierStatus.NEW)
    assert PracticeSubmissionTime.objects.get(enrollment=second).seconds >= 30 * 60


def test_a_learner_in_two_classes_counts_in_both(training_class, trainer, units, khai_sinh):
    from training.services import classes as services

    commune, organiser = units
    other = services.class_open(
        trainer=trainer, name="Lớp 2", organiser=organiser, commune=commune, audience="cong_dan"
    )
    enrollment = join(training_class)
    join(other, user=enrollment.learner)
    ctx, identity = practising(enrollment.learner)
    submitted_after(ctx, identity, khai_sinh, 3)
    assert PracticeSubmissionTime.objects.count() == 2


def test_shares_and_medians():
    assert under_share([]) is None
    assert under_share([299, 300, 301, 120]) == 50.0
    row = group_row([600, 240, 900], [200, 280, 400])
    assert row == {
        "timed": 3,
        "first_median": 10.0,
        "first_under": 33.3,
        "last_median": 4.7,
        "last_under": 66.7,
    }


def _table(report, key):
    return next(t for t in report["tables"] if t.key == key)


def test_reports_show_first_against_latest_per_learner_class_and_commune(training_class, units):
    bay, tu = join(training_class, "Lê Văn Bảy"), join(training_class, "Trần Thị Tư")
    join(training_class, "Ngô Văn Năm")  # never submitted: not counted
    for enrollment, minutes in ((bay, (9, 4)), (tu, (7, 6))):
        for each in minutes:
            practice_submitted(enrollment.learner, each)
    now = datetime.datetime.now(tz=datetime.UTC)

    report = class_report(training_class, now=now)
    learners = _table(report, "5-phut-hoc-vien")
    by_name = {row["name"]: row for row in learners.rows}
    assert by_name["Lê Văn Bảy"]["timed"] == 2
    assert by_name["Lê Văn Bảy"]["first"] == 9.0
    assert by_name["Lê Văn Bảy"]["last"] == 4.0
    assert by_name["Lê Văn Bảy"]["under"] == 50.0
    assert by_name["Ngô Văn Năm"]["timed"] == 0
    assert by_name["Ngô Văn Năm"]["median"] is None
    klass = _table(report, "5-phut")
    assert klass.rows[0]["timed"] == 2
    assert klass.rows[0]["first_median"] == 8.0
    assert klass.rows[0]["first_under"] == 0.0
    assert klass.rows[0]["last_median"] == 5.0
    assert klass.rows[0]["last_under"] == 50.0

    commune, _organiser = units
    commune_table = _table(unit_report(commune, now=now), "5-phut")
    assert commune_table.total["timed"] == 2
    assert commune_table.total["last_under"] == 50.0
    province_table = _table(unit_report(commune.province(), now=now), "5-phut")
    row = next(r for r in province_table.rows if r["name"] == commune.name)
    assert row["first_median"] == 8.0
    assert province_table.total["last_median"] == 5.0


def test_the_report_screen_carries_the_5_minute_table(client, training_class, units):
    enrollment = join(training_class)
    practice_submitted(enrollment.learner, 3)
    commune, _organiser = units
    manager = user_with(roles.COMMUNE_MANAGER, "quanlyxa")
    ManagerScopeFactory(user=manager, unit=commune)
    client.force_login(manager)
    page = client.get(f"/bao-cao/don-vi/{commune.pk}/").content.decode()
    assert 'data-table="5-phut"' in page
    assert "dưới 5 phút" in page
    assert "Xã Đầm Dơi" in page
