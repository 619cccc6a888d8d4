"""The one-month call: the trainer's list shows who completed a month ago and has not
been reached; the answer is recorded once and feeds the funnel of the reports."""

import datetime

import pytest

from django.utils import timezone

from home import roles
from tests.factories import user_with
from tests.helpers import join
from training.errors import TrainingError
from training.models import EnrollmentProgress, FollowUpCall, RealSubmission
from training.reports import class_report
from training.selectors import follow_ups
from training.services.follow_ups import follow_up_record

pytestmark = pytest.mark.django_db


def completed(enrollment, days_ago, phone=""):
    EnrollmentProgress.objects.update_or_create(
        enrollment=enrollment,
        defaults={"completed_at": timezone.now() - datetime.timedelta(days=days_ago)},
    )
    if phone:
        enrollment.phone = phone
        enrollment.save(update_fields=["phone"])
    return enrollment


def call(enrollment, outcome, **kwargs):
    return follow_up_record(
        enrollment=enrollment,
        outcome=outcome,
        by=enrollment.training_class.trainer,
        now=kwargs.pop("now", timezone.now()),
        **kwargs,
    )


def test_the_list_shows_who_completed_a_month_ago(training_class):
    due = completed(join(training_class, "Lê Văn Bảy"), 31)
    completed(join(training_class, "Trần Thị Tư"), 10)  # too early
    join(training_class, "Ngô Văn Năm")  # not completed
    lists = follow_ups(training_class.trainer, timezone.now())
    assert lists["due"] == [due]
    assert lists["done"] == []


def test_another_trainers_learners_are_not_on_the_list(training_class):
    completed(join(training_class), 40)
    other = user_with(roles.TRAINER, "taphuan2")
    assert follow_ups(other, timezone.now()) == {"due": [], "done": []}


def test_an_unanswered_call_keeps_the_learner_on_the_list(training_class):
    enrollment = completed(join(training_class), 35)
    call(enrollment, "not_reached")
    lists = follow_ups(training_class.trainer, timezone.now())
    assert lists["due"] == [enrollment]
    assert [c.outcome for c in lists["due"][0].follow_ups.all()] == ["not_reached"]


def test_a_submission_said_at_the_call_feeds_the_funnel(training_class):
    enrollment = completed(join(training_class), 35)
    call(enrollment, "alone", procedure_title="Cấp phiếu lý lịch tư pháp")
    progress = EnrollmentProgress.objects.get(enrollment=enrollment)
    assert progress.follow_up_outcome == "alone"
    assert progress.real_submission_at is not None
    assert RealSubmission.objects.get(enrollment=enrollment).procedure_title == (
        "Cấp phiếu lý lịch tư pháp"
    )
    lists = follow_ups(training_class.trainer, timezone.now())
    assert lists["due"] == [] and lists["done"] == [enrollment]
    funnel = next(
        t for t in class_report(training_class, now=timezone.now())["tables"] if t.key == "pheu"
    )
    assert [row["people"] for row in funnel.rows][-2:] == [1, 1]


def test_helped_counts_as_reached_but_not_alone(training_class):
    enrollment = completed(join(training_class), 35)
    call(enrollment, "helped", procedure_title="Đăng ký khai sinh")
    funnel = next(
        t for t in class_report(training_class, now=timezone.now())["tables"] if t.key == "pheu"
    )
    assert [row["people"] for row in funnel.rows][-2:] == [1, 0]


@pytest.mark.parametrize(
    ("outcome", "title", "field"),
    [
        ("maybe", "", "outcome"),
        ("alone", "", "procedure_title"),
        ("helped", "x" * 201, "procedure_title"),
    ],
)
def test_a_refused_call_records_nothing(training_class, outcome, title, field):
    enrollment = completed(join(training_class), 35)
    with pytest.raises(TrainingError) as refused:
        call(enrollment, outcome, procedure_title=title)
    assert refused.value.field == field
    assert not FollowUpCall.objects.exists()
    assert not RealSubmission.objects.exists()


def test_a_double_tap_records_one_call(training_class):
    enrollment = completed(join(training_class), 35)
    first = call(enrollment, "not_yet")
    again = call(enrollment, "not_yet")
    assert first == again
    assert FollowUpCall.objects.count() == 1


def test_the_page_records_a_call_and_keeps_what_was_typed_on_a_mistake(client, training_class):
    enrollment = completed(join(training_class, "Lê Văn Bảy"), 35, phone="0912345678")
    client.force_login(training_class.trainer)
    page = client.get("/lop/goi-hoi-tham/").content.decode()
    assert "Lê Văn Bảy" in page and 'href="tel:0912345678"' in page
    url = f"/lop/{training_class.pk}/hoc-vien/{enrollment.pk}/hoi-tham/"
    refused = client.post(url, {"outcome": "alone", "note": "Nộp cho con"})
    assert refused.status_code == 200
    text = refused.content.decode()
    assert "Hãy ghi thủ tục" in text and 'value="Nộp cho con"' in text
    done = client.post(url, {"outcome": "alone", "procedure_title": "Đăng ký khai sinh"})
    assert done.status_code == 302
    assert FollowUpCall.objects.get().outcome == "alone"


def test_only_the_classes_trainer_records_a_call(client, training_class):
    enrollment = completed(join(training_class), 35)
    client.force_login(user_with(roles.TRAINER, "taphuan2"))
    url = f"/lop/{training_class.pk}/hoc-vien/{enrollment.pk}/hoi-tham/"
    assert client.post(url, {"outcome": "not_yet"}).status_code == 404
    client.force_login(enrollment.learner)
    assert client.post(url, {"outcome": "not_yet"}).status_code in (302, 403)
    assert not FollowUpCall.objects.exists()
