"""Skills checks in a class: a pre-test that lets a learner skip what they know, and a
post-test the certificate waits for, with its attempt limit and the trainer's
invigilated window. What a learner might try is tested too: sending twice, answering
a question the sheet never asked, sitting the test at home while it is closed,
reopening the sheet to start over, doing the practical item before the sheet opened."""

import datetime

import pytest

from django.urls import reverse
from django.utils import timezone

from tests.factories import ExerciseFactory, SkillQuestionFactory
from tests.helpers import activities_marked_done, join, lesson_id, practise
from training.errors import TrainingError
from training.models import Certificate, EnrollmentProgress, SkillCheckAttempt
from training.reports import class_report, unit_report
from training.services import progress
from training.services import skill_checks as checks

pytestmark = pytest.mark.django_db

PRE, POST = SkillCheckAttempt.Kind.PRE, SkillCheckAttempt.Kind.POST


@pytest.fixture
def bank(db):
    """Three questions: two on account safety, one on submitting."""
    return [
        SkillQuestionFactory(slug="otp", skill="safety.accounts", correct_choice="b"),
        SkillQuestionFactory(slug="mat-khau", skill="safety.accounts", correct_choice="a"),
        SkillQuestionFactory(slug="nop", skill="public_services.submit", correct_choice="b"),
    ]


@pytest.fixture
def tagged_course(course):
    """The reading lesson teaches account safety: mastering it skips the reading and
    its knowledge check; the video and the exercise carry no skill and stay."""
    for block in course.lessons:
        if block.block_type == "text_lesson":
            block.value["skills"] = ["safety.accounts"]
    course.save_revision().publish()
    course.refresh_from_db()
    return course


def answers(bank, *letters):
    return {q.pk: letter for q, letter in zip(bank, letters, strict=False) if letter}


def sit(enrollment, kind, picked, now=None):
    sheet = checks.check_start(enrollment=enrollment, kind=kind, now=now)
    return checks.check_submit(sheet=sheet, answers=picked, now=now)


def test_a_pre_test_skips_the_lessons_whose_skills_are_mastered(
    training_class, tagged_course, bank, enrollment
):
    sheet = sit(enrollment, PRE, answers(bank, "b", "a", "a"))
    assert (sheet.right, sheet.asked, sheet.percent) == (2, 3, 67)
    reading = lesson_id(tagged_course, "text_lesson")
    assert sorted(sheet.tested_out) == sorted([f"read:{reading}", f"quiz:{reading}"])
    states, _summaries = progress.activity_states(enrollment)
    assert [key for key, done in states.items() if done] == sheet.tested_out
    assert EnrollmentProgress.objects.get(enrollment=enrollment).pre_test_percent == 67
    # Only once, and not after the final test has begun.
    with pytest.raises(TrainingError):
        checks.check_start(enrollment=enrollment, kind=PRE)


def test_a_skill_half_known_skips_nothing(training_class, tagged_course, bank, enrollment):
    sheet = sit(enrollment, PRE, answers(bank, "b", "c", "b"))
    assert sheet.tested_out == []
    assert not any(progress.activity_states(enrollment)[0].values())


def test_the_certificate_waits_for_a_passed_final_test(training_class, bank, enrollment):
    activities_marked_done(enrollment)
    standing = EnrollmentProgress.objects.get(enrollment=enrollment)
    assert standing.completed_at is None
    assert not Certificate.objects.filter(enrollment=enrollment).exists()
    failed = sit(enrollment, POST, answers(bank, "a", "a", "b"))
    assert (failed.percent, failed.passed) == (67, False)
    assert not Certificate.objects.filter(enrollment=enrollment).exists()
    passed = sit(enrollment, POST, answers(bank, "b", "a", "b"))
    assert (passed.number, passed.percent, passed.passed) == (2, 100, True)
    standing.refresh_from_db()
    assert standing.completed_at is not None
    assert standing.post_test_percent == 100 and standing.post_test_passed_at is not None
    assert Certificate.objects.filter(enrollment=enrollment).exists()
    with pytest.raises(TrainingError):  # nothing to gain from sitting it again
        checks.check_start(enrollment=enrollment, kind=POST)


def test_without_questions_or_when_not_asked_the_certificate_needs_no_test(
    training_class, enrollment
):
    activities_marked_done(enrollment)
    assert Certificate.objects.filter(enrollment=enrollment).exists()


def test_the_attempt_limit_counts_sheets_opened_and_never_sent(training_class, bank, enrollment):
    training_class = enrollment.training_class
    training_class.post_test_attempts = 2
    training_class.save()
    sit(enrollment, POST, answers(bank, "a"))
    # A second sheet opened to read the questions, then left: it is still an attempt.
    first_look = checks.check_start(enrollment=enrollment, kind=POST)
    assert checks.check_start(enrollment=enrollment, kind=POST) == first_look  # a reload
    assert checks.attempts_left(enrollment) == 0
    checks.check_submit(sheet=first_look, answers=answers(bank, "a"))
    with pytest.raises(TrainingError, match="2"):
        checks.check_start(enrollment=enrollment, kind=POST)
    assert enrollment.skill_checks.filter(kind=POST).count() == 2


def test_sending_twice_scores_once_and_foreign_answers_are_ignored(
    training_class, bank, enrollment
):
    sheet = checks.check_start(enrollment=enrollment, kind=POST)
    other = SkillQuestionFactory(slug="khac", correct_choice="a")  # added after opening
    picked = {**answers(bank, "b", "a", "b"), other.pk: "a", 999999: "a"}
    first = checks.check_submit(sheet=sheet, answers=picked)
    again = checks.check_submit(sheet=sheet, answers=answers(bank, "a", "b", "a"))
    assert (first.right, first.asked) == (again.right, again.asked) == (3, 3)
    assert set(first.answers) == {str(q.pk) for q in bank}


def test_the_invigilated_test_is_sat_only_while_the_trainer_has_it_open(
    training_class, bank, enrollment
):
    now = timezone.now()
    training_class = enrollment.training_class  # the one the learner's page reads
    training_class.post_test_invigilated = True
    training_class.save()
    with pytest.raises(TrainingError):  # at home, before the class
        checks.check_start(enrollment=enrollment, kind=POST, now=now)
    checks.invigilation_set(training_class=training_class, open_it=True, now=now)
    sheet = checks.check_start(enrollment=enrollment, kind=POST, now=now)
    assert sheet.invigilated
    checks.invigilation_set(
        training_class=training_class, open_it=False, now=now + datetime.timedelta(minutes=30)
    )
    with pytest.raises(TrainingError):  # sent after the trainer closed it: kept open
        checks.check_submit(sheet=sheet, answers=answers(bank, "b", "a", "b"))
    sheet.refresh_from_db()
    assert sheet.submitted_at is None
    later = now + datetime.timedelta(days=1)
    checks.invigilation_set(training_class=training_class, open_it=True, now=later)
    scored = checks.check_submit(sheet=sheet, answers=answers(bank, "b", "a", "b"), now=later)
    assert scored.passed


def test_a_practical_item_counts_only_if_done_on_its_own_while_the_sheet_is_open(
    training_class, enrollment
):
    exercise = ExerciseFactory(slug="nop-thu")
    practical = SkillQuestionFactory(
        slug="thuc-hanh", kind="practical", exercise=exercise, correct_choice=""
    )
    learner = enrollment.learner
    practise(learner, exercise)  # before the sheet: does not count
    sheet = checks.check_start(
        enrollment=enrollment, kind=POST, now=timezone.now() + datetime.timedelta(seconds=1)
    )
    practise(learner, exercise, mode="guided")  # with the guide: does not count
    assert checks.check_submit(sheet=sheet, answers={}).right == 0
    sheet = checks.check_start(enrollment=enrollment, kind=POST)
    attempt = practise(learner, exercise)
    attempt.completed_at = timezone.now()
    attempt.save()
    scored = checks.check_submit(
        sheet=sheet, answers={}, now=timezone.now() + datetime.timedelta(seconds=1)
    )
    assert (scored.right, scored.practical_done) == (1, ["nop-thu"])
    assert practical.pk in scored.question_ids


def test_the_reports_show_the_gain_and_equal_their_export(
    training_class, tagged_course, bank, enrollment, units
):
    second = join(training_class, name="Trần Thị Tư")
    sit(enrollment, PRE, answers(bank, "a", "a", "a"))  # 1/3: 33 %
    sit(enrollment, POST, answers(bank, "b", "a", "b"))  # 100 %
    sit(second, POST, answers(bank, "b", "a", "a"))  # 67 %, no pre-test
    report = class_report(training_class, now=timezone.now())
    table = next(t for t in report["tables"] if t.key == "ky-nang")
    row = table.rows[0]
    assert (row["pre_taken"], row["post_taken"], row["passed"], row["both"]) == (1, 2, 1, 1)
    assert (row["pre_mean"], row["post_mean"], row["gain"]) == (33.0, 83.5, 67.0)
    learners = next(t for t in report["tables"] if t.key == "ky-nang-hoc-vien")
    assert [(r["pre"], r["post"], r["gain"]) for r in learners.rows] == [
        (33, 100, 67),
        (None, 67, None),
    ]
    province = unit_report(units[0].parent, now=timezone.now())
    total = next(t for t in province["tables"] if t.key == "ky-nang").total
    assert (total["both"], total["gain"]) == (1, 67.0)


def test_the_sheet_page_keeps_answers_and_scores_on_a_phone(client, training_class, bank):
    enrollment = join(training_class)
    client.force_login(enrollment.learner)
    url = reverse("training:skill_check", args=[enrollment.pk, "cuoi-khoa"])
    page = client.get(url)
    assert "Bắt đầu" in page.content.decode()
    client.post(url, {"start": "1"})
    page = client.get(url).content.decode()
    assert all(f'name="q{q.pk}"' in page for q in bank)
    sent = client.post(url, {f"q{bank[0].pk}": "b", f"q{bank[1].pk}": "a", f"q{bank[2].pk}": "b"})
    assert sent.status_code == 302
    client.post(url, {f"q{bank[0].pk}": "a"})  # the same tap again: nothing changes
    result = client.get(url).content.decode()
    assert "3/3" in result and "100%" in result
    assert (
        client.get(reverse("training:skill_check", args=[enrollment.pk, "khac"])).status_code == 404
    )


def test_another_learners_sheet_and_the_trainer_button_are_closed_to_others(
    client, training_class, bank, enrollment
):
    other = join(training_class, name="Trần Thị Tư")
    client.force_login(other.learner)
    url = reverse("training:skill_check", args=[enrollment.pk, "cuoi-khoa"])
    assert client.get(url).status_code == 404
    assert client.post(url, {"start": "1"}).status_code == 404
    invigilate = reverse("training:invigilation", args=[training_class.pk])
    assert client.post(invigilate, {"action": "open"}).status_code == 404
    training_class.refresh_from_db()
    assert training_class.post_test_opened_at is None


def test_the_trainer_opens_and_closes_the_test_from_the_board(client, training_class, bank):
    client.force_login(training_class.trainer)
    invigilate = reverse("training:invigilation", args=[training_class.pk])
    client.post(invigilate, {"action": "open"})
    training_class.refresh_from_db()
    assert checks.invigilation_open(training_class) and training_class.post_test_invigilated
    board = client.get(reverse("training:board", args=[training_class.pk])).content.decode()
    assert 'value="close"' in board
    client.post(invigilate, {"action": "close"})
    training_class.refresh_from_db()
    assert not checks.invigilation_open(training_class)


def test_a_sheet_started_at_home_is_not_sat_there_once_the_test_is_invigilated(
    training_class, bank, enrollment
):
    sheet = checks.check_start(enrollment=enrollment, kind=POST)  # at home, not yet invigilated
    training_class = enrollment.training_class
    training_class.post_test_invigilated = True
    training_class.save()
    with pytest.raises(TrainingError):
        checks.check_start(enrollment=enrollment, kind=POST)
    with pytest.raises(TrainingError):
        checks.check_submit(sheet=sheet, answers=answers(bank, "b", "a", "b"))
    sheet.refresh_from_db()
    # Refused, not lost: the answers wait on the sheet, unscored.
    assert sheet.submitted_at is None and sheet.answers == {
        str(q.pk): letter for q, letter in zip(bank, "bab", strict=True)
    }


def test_a_pre_test_left_open_is_not_scored_after_the_final_test_began(
    training_class, bank, enrollment
):
    pre = checks.check_start(enrollment=enrollment, kind=PRE)
    sit(enrollment, POST, answers(bank, "b", "a", "b"))
    with pytest.raises(TrainingError):
        checks.check_submit(sheet=pre, answers=answers(bank, "b", "a", "b"))
    with pytest.raises(TrainingError):
        checks.check_start(enrollment=enrollment, kind=PRE)
    assert EnrollmentProgress.objects.get(enrollment=enrollment).pre_test_percent is None


def test_a_learner_who_completed_before_the_test_was_asked_for_stays_completed(
    training_class, enrollment
):
    activities_marked_done(enrollment)  # no question in the bank: completed without a test
    SkillQuestionFactory(slug="moi")
    progress.enrollment_progress_refresh(enrollment=enrollment)
    assert EnrollmentProgress.objects.get(enrollment=enrollment).completed_at is not None


def test_leaving_the_invigilated_mode_closes_an_open_test(training_class, bank):
    from training.services.classes import class_settings_update

    checks.invigilation_set(training_class=training_class, open_it=True, now=timezone.now())
    values = {
        "pairs_desk": False,
        "desk_wait_minutes": None,
        "post_test_required": True,
        "post_test_pass_percent": 70,
        "post_test_attempts": None,
        "post_test_invigilated": False,
    }
    class_settings_update(training_class=training_class, **values)
    training_class.refresh_from_db()
    assert training_class.post_test_pass_percent == 70 and training_class.post_test_attempts == 3
    assert not checks.invigilation_open(training_class)
    class_settings_update(
        training_class=training_class, **{**values, "post_test_invigilated": True}
    )
    training_class.refresh_from_db()
    assert not checks.invigilation_open(training_class)  # ticking it again opens nothing
    with pytest.raises(TrainingError, match="50"):
        class_settings_update(
            training_class=training_class, **{**values, "post_test_pass_percent": 5}
        )


def test_a_negative_gain_is_exported_as_a_number(client, training_class, bank, enrollment):
    sit(enrollment, PRE, answers(bank, "b", "a", "b"))  # 100 %
    sit(enrollment, POST, answers(bank, "a", "a", "a"))  # 33 %
    client.force_login(training_class.trainer)
    url = reverse("training:class_report", args=[training_class.pk])
    exported = client.get(url, {"xuat": "csv", "bang": "ky-nang-hoc-vien"})
    assert "-67" in exported.content.decode("utf-8-sig")
    assert "'-67" not in exported.content.decode("utf-8-sig")
