"""Issue 5, "Scale": the synthetic province the report benchmark runs on, at a tiny scale."""

import io

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Sum
from django.utils import timezone

from training import reports
from training.models import (
    ActivitySummary,
    AdministrativeUnit,
    Enrollment,
    EnrollmentProgress,
    PracticeErrorTally,
    ProgressEvent,
    TrainingClass,
)
from training.synthetic import SYNTHETIC_PROVINCE, synthetic_counts

pytestmark = pytest.mark.django_db

SCALE = 0.001


def build(**options):
    out = io.StringIO()
    call_command("training_synthetic_province", scale=SCALE, seed=7, stdout=out, **options)
    return out.getvalue()


def province():
    return AdministrativeUnit.objects.get(name=SYNTHETIC_PROVINCE, level="tinh")


def test_the_synthetic_province_has_the_scaled_counts_and_consistent_rows():
    build()
    expected = synthetic_counts(SCALE)
    communes = AdministrativeUnit.objects.filter(parent=province(), level="xa")
    classes = TrainingClass.objects.filter(commune__in=communes)
    enrollments = Enrollment.objects.filter(training_class__in=classes)
    events = ProgressEvent.objects.filter(enrollment__in=enrollments)
    assert communes.count() == expected["communes"] > 0
    assert classes.count() == expected["classes"] > 0
    assert enrollments.count() == expected["learners"] > 0
    assert events.count() == expected["events"] > 0
    # Every enrolment has its standing row, as the reports and the board expect.
    assert EnrollmentProgress.objects.filter(enrollment__in=enrollments).count() == (
        enrollments.count()
    )
    assert ActivitySummary.objects.filter(learner__enrollments__in=enrollments).exists()
    # The "where people fail" tallies count exactly the practice errors in the log.
    tallied = PracticeErrorTally.objects.filter(training_class__in=classes).aggregate(
        n=Sum("count")
    )["n"]
    assert tallied == events.filter(kind="practice").exclude(error_code="").count() > 0
    # Nobody can log in as a synthetic learner.
    learner = enrollments.first().learner
    assert learner.username.startswith("synth_")
    assert not learner.has_usable_password()


def test_the_province_report_counts_every_synthetic_enrolment():
    build()
    unit = province()
    enrolled = Enrollment.objects.filter(training_class__commune__parent=unit).count()
    report = reports.unit_report(unit, now=timezone.now())
    figures = report["tables"][0]
    assert figures.total["enrolled"] == enrolled
    assert sum(row["enrolled"] for row in figures.rows) == enrolled
    assert 0 < figures.total["completed"] < enrolled
    assert report["tables"][2].rows  # the practice errors table is not empty
    # Every completer passed the final test; those who sat both tests gained.
    checks = next(t for t in report["tables"] if t.key == "ky-nang").total
    assert checks["passed"] == figures.total["completed"]
    assert checks["both"] > 0 and checks["gain"] > 0


def test_reuse_keeps_the_province_and_a_rebuild_replaces_it():
    build()
    first = province().pk
    assert "Dùng lại" in build(reuse=True)
    assert province().pk == first
    build()
    assert AdministrativeUnit.objects.filter(name=SYNTHETIC_PROVINCE).count() == 1
    assert province().pk != first
    learners = get_user_model().objects.filter(username__startswith="synth_hv")
    assert learners.count() == synthetic_counts(SCALE)["learners"]
