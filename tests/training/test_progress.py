"""Progress after Kolibri's logger: events in, one summary per learner and activity,
completion rules per course, the live board's "needs help", certificates."""

import datetime

import pytest

from django.utils import timezone

from courses.models.renders import TutorialRender
from courses.services import video_watch_record
from tests.helpers import join, lesson_id, practise
from training.activities import completion_rule, course_activities
from training.models import ActivitySummary, Certificate, EnrollmentProgress, ProgressEvent
from training.selectors import class_board
from training.services import progress

pytestmark = pytest.mark.django_db


def an_hour_ago():
    return timezone.now() - datetime.timedelta(hours=1)


def watch(enrollment, segments):
    render = TutorialRender.objects.get(step_key="")
    video_watch_record(
        render=render,
        user=enrollment.learner,
        session_key="s",
        segments=[(s, e, 1.0) for s, e in segments],
        started_at=an_hour_ago(),
    )
    return ActivitySummary.objects.get(
        learner=enrollment.learner, activity_key__startswith="video:"
    )


def test_the_course_lists_its_activities_and_says_its_rule_in_one_sentence(course):
    kinds = [a.kind for a in course_activities(course)]
    assert kinds == ["video", "read", "quiz", "exercise"]
    rule = completion_rule(course)
    assert "90%" in rule and "tự làm" in rule and "không tính chế độ có hướng dẫn" in rule


def test_a_video_counts_only_when_90_percent_of_distinct_seconds_were_played(enrollment):
    # Seeking to the end plays nothing in between: 0–5 s and 15–20 s of a 20 s video.
    summary = watch(enrollment, [(0, 5), (15, 20)])
    assert summary.progress == pytest.approx(0.5) and summary.completed_at is None
    # Replaying the same part adds nothing.
    summary = watch(enrollment, [(0, 5), (0, 5)])
    assert summary.progress == pytest.approx(0.5)
    summary = watch(enrollment, [(5, 13)])
    assert summary.progress == pytest.approx(0.9) and summary.completed_at is not None
    assert ProgressEvent.objects.filter(kind="video", enrollment=enrollment).count() == 3
    assert EnrollmentProgress.objects.get(enrollment=enrollment).activities_done == 1


def test_anonymous_viewers_leave_no_progress(enrollment):
    render = TutorialRender.objects.get(step_key="")
    video_watch_record(
        render=render,
        user=None,
        session_key="s",
        segments=[(0, 20, 1.0)],
        started_at=an_hour_ago(),
    )
    assert not ActivitySummary.objects.exists()


def test_guided_practice_counts_only_where_the_course_allows_it(enrollment, exercise, course):
    practise(enrollment.learner, exercise, mode="guided")
    state = EnrollmentProgress.objects.get(enrollment=enrollment)
    assert state.activities_done == 0
    assert state.practised_at is not None  # the funnel still counts them as practised
    course.allow_guided_practice = True
    course.save_revision().publish()
    progress.enrollment_progress_refresh(enrollment=type(enrollment).objects.get(pk=enrollment.pk))
    assert EnrollmentProgress.objects.get(enrollment=enrollment).activities_done == 1


def test_a_quiz_counts_once_every_answer_is_right_and_can_be_retaken(enrollment, course):
    lesson = lesson_id(course, "text_lesson")
    results = progress.quiz_answer(enrollment=enrollment, lesson_id=lesson, answers={0: 1, 1: 1})
    assert [ok for _q, _c, ok in results] == [False, True]
    summary = ActivitySummary.objects.get(activity_key=f"quiz:{lesson}")
    assert summary.completed_at is None and summary.progress == 0.5
    progress.quiz_answer(enrollment=enrollment, lesson_id=lesson, answers={0: 2, 1: 1})
    summary.refresh_from_db()
    assert summary.completed_at is not None


def test_completing_every_activity_completes_the_course_and_issues_one_certificate(
    enrollment, course, exercise
):
    watch(enrollment, [(0, 20)])
    progress.reading_done(enrollment=enrollment, lesson_id=lesson_id(course, "text_lesson"))
    progress.quiz_answer(
        enrollment=enrollment, lesson_id=lesson_id(course, "text_lesson"), answers={0: 2, 1: 1}
    )
    assert not Certificate.objects.exists()
    practise(enrollment.learner, exercise, mode="practice")
    state = EnrollmentProgress.objects.get(enrollment=enrollment)
    assert (state.activities_done, state.activities_total) == (4, 4)
    assert state.completed_at is not None
    certificate = Certificate.objects.get()
    assert certificate.holder_name == "Lê Văn Bảy"
    assert certificate.kind == "cong_dan"
    assert certificate.issuer_name.endswith("ấp Tân Lập")
    practise(enrollment.learner, exercise, mode="practice")  # doing it again issues nothing
    assert Certificate.objects.count() == 1


def test_progress_done_at_home_counts_when_the_learner_joins_a_class_later(
    training_class, exercise, django_user_model
):
    learner = django_user_model.objects.create_user("bay", password="x")
    practise(learner, exercise)
    enrollment = join(training_class, user=learner)
    assert EnrollmentProgress.objects.get(enrollment=enrollment).activities_done == 1


def test_the_board_flags_a_learner_who_keeps_failing_the_same_step(training_class, exercise):
    first, second = join(training_class, "Lê Văn Bảy"), join(training_class, "Trần Thị Mai")
    practise(first.learner, exercise)
    practise(second.learner, exercise, errors=["otp_wrong"] * 3, complete=False)
    board = class_board(training_class, now=ago(0))
    rows = {row.enrollment.display_name: row for row in board["rows"]}
    assert board["needs_help"] == 1
    assert rows["Trần Thị Mai"].needs_help
    assert "Sai 3 lần liên tiếp" in rows["Trần Thị Mai"].help_reasons[0]
    assert "OTP" in rows["Trần Thị Mai"].help_reasons[0]
    assert not rows["Lê Văn Bảy"].needs_help
    assert board["rows"][0].enrollment == second  # who needs help comes first


def test_two_different_errors_do_not_count_as_repeating(training_class, exercise):
    learner = join(training_class).learner
    practise(learner, exercise, errors=["otp_wrong", "otp_expired", "otp_wrong"], complete=False)
    assert not class_board(training_class, now=ago(0))["needs_help"]


def test_the_board_flags_a_learner_stuck_on_one_step(training_class, exercise):
    learner = join(training_class).learner
    practise(learner, exercise, complete=False)
    ActivitySummary.objects.filter(learner=learner, kind="practice").update(step_since=ago(7))
    row = class_board(training_class, now=ago(0))["rows"][0]
    assert row.help_reasons == ["Đứng ở “Bước 2 – Nhập mã xác nhận (OTP)” đã 7 phút"]
    # A learner who went home two hours ago is not "stuck" on the board.
    ActivitySummary.objects.filter(learner=learner, kind="practice").update(step_since=ago(150))
    assert not class_board(training_class, now=ago(0))["needs_help"]


def test_a_trainer_marks_an_activity_done_by_hand_with_a_reason_kept_in_history(
    enrollment, trainer, exercise
):
    from training.errors import TrainingError

    with pytest.raises(TrainingError):
        progress.progress_override(
            enrollment=enrollment,
            activity_key="exercise:tao-tai-khoan",
            done=True,
            reason=" ",
            changed_by=trainer,
        )
    progress.progress_override(
        enrollment=enrollment,
        activity_key="exercise:tao-tai-khoan",
        done=True,
        reason="Làm trên máy của tập huấn viên",
        changed_by=trainer,
    )
    assert EnrollmentProgress.objects.get(enrollment=enrollment).activities_done == 1
    assert enrollment.overrides.get().history.count() == 1


def ago(minutes):
    from tests.helpers import ago as _ago

    return _ago(minutes)
