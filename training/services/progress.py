"""Progress writes: every event goes into the append-only log, then into the learner's
summary row for that activity and, when something is finished, into the enrolment's
standing in its course. Views, signal receivers and commands call these functions."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.models import SkillQuestion

from ..activities import VIDEO_WATCHED_SHARE, Activity, course_activities, lesson_questions
from ..errors import TrainingError, limited_text
from ..models import (
    ActivitySummary,
    Enrollment,
    EnrollmentProgress,
    PracticeErrorTally,
    ProgressEvent,
    ProgressOverride,
    TrainingClass,
)
from .certificates import certificate_issue

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from courses.models.renders import TutorialRender
    from sandbox.models import PracticeEvent

    from ..models import Attendance, RealSubmission

FREE_PRACTICE_KEY = "practice:tu-do"


def _enrollments(learner: User) -> list[Enrollment]:
    return list(
        Enrollment.objects.filter(learner=learner)
        .select_related("training_class")
        .order_by("-created_at")
    )


def _event(
    *,
    learner: User | None,
    enrollment: Enrollment | None,
    kind: str,
    key: str,
    now: datetime.datetime,
    step: str = "",
    error_code: str = "",
    value: float | None = None,
) -> ProgressEvent:
    return ProgressEvent.objects.create(
        learner=learner,
        enrollment=enrollment,
        kind=kind,
        activity_key=key,
        step=step,
        error_code=error_code,
        value=value,
        occurred_at=now,
    )


def _summary(learner: User, key: str, kind: str, now: datetime.datetime) -> ActivitySummary:
    summary, _created = ActivitySummary.objects.select_for_update().get_or_create(
        learner=learner, activity_key=key, defaults={"kind": kind, "last_event_at": now}
    )
    return summary


def _touch(enrollments: Iterable[Enrollment], now: datetime.datetime) -> None:
    EnrollmentProgress.objects.filter(enrollment__in=enrollments).update(last_active_at=now)


# ---- videos ----------------------------------------------------------------------------


def _merge(intervals: Iterable[Sequence[float]]) -> list[list[float]]:
    merged = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1] + 0.5:  # the player reports in batches
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def video_progress_record(
    *,
    render: TutorialRender,
    user: User | None,
    segments: Iterable[tuple[float, float, float]],
    now: datetime.datetime | None = None,
) -> ActivitySummary | None:
    """Played segments from the player. Only distinct played seconds count: seeking
    reports nothing, and replaying a part does not add to it."""
    if user is None or render.step_key or not render.duration:
        return None
    now = now or timezone.now()
    key = f"video:{render.procedure_id}"
    enrollments = _enrollments(user)
    with transaction.atomic():
        summary = _summary(user, key, ProgressEvent.Kind.VIDEO, now)
        renders = summary.detail.setdefault("renders", {})
        intervals = _merge(renders.get(str(render.pk), []) + [[s, e] for s, e, _r in segments])
        renders[str(render.pk)] = intervals
        share = min(1.0, sum(e - s for s, e in intervals) / render.duration)
        summary.progress = max(summary.progress, round(share, 4))
        summary.time_spent_s += sum((e - s) / r for s, e, r in segments)
        summary.last_event_at = now
        newly_done = summary.completed_at is None and summary.progress >= VIDEO_WATCHED_SHARE
        if newly_done:
            summary.completed_at = now
        summary.save()
        _event(
            learner=user,
            enrollment=enrollments[0] if enrollments else None,
            kind=ProgressEvent.Kind.VIDEO,
            key=key,
            value=round(share, 4),
            now=now,
        )
        _touch(enrollments, now)
        if newly_done:
            for enrollment in enrollments:
                enrollment_progress_refresh(enrollment=enrollment, now=now)
    return summary


# ---- sandbox practice ------------------------------------------------------------------


def practice_progress_record(*, event: PracticeEvent) -> ActivitySummary | None:
    """One sandbox practice event of a logged-in learner (events of anonymous visitors
    stay in the sandbox only)."""
    if event.user_id is None:
        return None
    from sandbox.models import PracticeEvent as Sandbox

    kind, now, step = event.kind, event.created_at, event.step
    attempt = event.attempt
    key = f"exercise:{attempt.exercise.slug}" if attempt is not None else FREE_PRACTICE_KEY
    learner = event.user
    enrollments = _enrollments(learner)
    enrollment = enrollments[0] if enrollments else None
    with transaction.atomic():
        summary = _summary(learner, key, ProgressEvent.Kind.PRACTICE, now)
        summary.last_event_at = now
        if kind == Sandbox.Kind.EXERCISE_STARTED:
            summary.current_step, summary.step_done, summary.step_since = "", False, now
            summary.last_error_code, summary.same_error_count = "", 0
            summary.detail["attempt"] = str(attempt.pk) if attempt else ""
        elif (
            kind == Sandbox.Kind.STEP_ENTERED
            and step
            and (step != summary.current_step or summary.step_done)
        ):
            summary.current_step, summary.step_done, summary.step_since = step, False, now
        elif kind == Sandbox.Kind.ERROR:
            summary.error_count += 1
            if step and step != summary.current_step:
                summary.current_step, summary.step_since = step, now
            summary.step_done = False
            same = event.error_code == summary.last_error_code and summary.same_error_count
            summary.same_error_count = summary.same_error_count + 1 if same else 1
            summary.last_error_code = event.error_code
        elif kind == Sandbox.Kind.STEP_COMPLETED:
            summary.current_step, summary.step_done, summary.step_since = step, True, now
            summary.last_error_code, summary.same_error_count = "", 0
        newly_done = False
        if kind == Sandbox.Kind.EXERCISE_COMPLETED and attempt is not None:
            summary.step_done, summary.last_error_code, summary.same_error_count = True, "", 0
            summary.time_spent_s += (event.duration_ms or 0) / 1000
            if attempt.mode == "practice" and summary.completed_at is None:
                summary.completed_at, newly_done = now, True
            elif attempt.mode != "practice" and summary.guided_completed_at is None:
                summary.guided_completed_at, newly_done = now, True
            summary.progress = 1.0 if summary.completed_at else 0.5
        summary.save()
        _event(
            learner=learner,
            enrollment=enrollment,
            kind=ProgressEvent.Kind.PRACTICE,
            key=key,
            step=step,
            error_code=event.error_code,
            value=1.0 if kind == Sandbox.Kind.EXERCISE_COMPLETED else None,
            now=now,
        )
        if kind == Sandbox.Kind.ERROR and enrollment is not None and event.error_code:
            tally, _created = PracticeErrorTally.objects.get_or_create(
                training_class_id=enrollment.training_class_id,
                step=step or "",
                error_code=event.error_code,
            )
            PracticeErrorTally.objects.filter(pk=tally.pk).update(count=F("count") + 1)
        _touch(enrollments, now)
        if newly_done:
            # The funnel's "practised": any exercise finished, in or out of the course.
            EnrollmentProgress.objects.filter(
                enrollment__in=enrollments, practised_at__isnull=True
            ).update(practised_at=now)
            for each in enrollments:
                enrollment_progress_refresh(enrollment=each, now=now)
    return summary


# ---- lessons: reading and knowledge checks ---------------------------------------------


def reading_done(
    *, enrollment: Enrollment, lesson_id: str, now: datetime.datetime | None = None
) -> ActivitySummary:
    now = now or timezone.now()
    key = f"read:{lesson_id}"
    learner = enrollment.learner
    with transaction.atomic():
        summary = _summary(learner, key, ProgressEvent.Kind.READ, now)
        summary.last_event_at = now
        if summary.completed_at is None:
            summary.progress, summary.completed_at = 1.0, now
        summary.save()
        _event(learner=learner, enrollment=enrollment, kind="read", key=key, value=1.0, now=now)
        for each in _enrollments(learner):
            enrollment_progress_refresh(enrollment=each, now=now)
    return summary


def quiz_answer(
    *,
    enrollment: Enrollment,
    lesson_id: str,
    answers: dict[int, int],
    now: datetime.datetime | None = None,
) -> list[tuple[dict[str, Any], int | None, bool]]:
    """Check a lesson's answers. Returns [(question, chosen, right)]; the quiz counts
    once every answer is right (learners may try again)."""
    now = now or timezone.now()
    questions = lesson_questions(enrollment.training_class.course, lesson_id)
    if not questions:
        return []
    key = f"quiz:{lesson_id}"
    learner = enrollment.learner
    results = []
    for index, question in enumerate(questions):
        chosen = answers.get(index)
        results.append((question, chosen, chosen == question["answer"]))
    right = sum(ok for _q, _c, ok in results)
    with transaction.atomic():
        summary = _summary(learner, key, ProgressEvent.Kind.QUIZ, now)
        summary.last_event_at = now
        summary.progress = max(summary.progress, right / len(questions))
        summary.detail["last"] = {str(i): c for i, (_q, c, _ok) in enumerate(results)}
        newly_done = right == len(questions) and summary.completed_at is None
        if newly_done:
            summary.completed_at = now
        else:
            summary.error_count += len(questions) - right
        summary.save()
        _event(
            learner=learner,
            enrollment=enrollment,
            kind=ProgressEvent.Kind.QUIZ,
            key=key,
            value=right / len(questions),
            now=now,
        )
        enrollments = _enrollments(learner)
        _touch(enrollments, now)
        if newly_done:
            for each in enrollments:
                enrollment_progress_refresh(enrollment=each, now=now)
    return results


# ---- attendance and manual changes -----------------------------------------------------


def attendance_progress_record(
    *, marks: Iterable[Attendance], now: datetime.datetime | None = None
) -> None:
    now = now or timezone.now()
    for mark in marks:
        enrollment = mark.enrollment
        _event(
            learner=enrollment.learner,
            enrollment=enrollment,
            kind=ProgressEvent.Kind.ATTENDANCE,
            key=f"session:{mark.session_id}",
            value=1.0 if mark.present else 0.0,
            now=now,
        )
        attended = enrollment.attendance.filter(present=True).count()
        EnrollmentProgress.objects.update_or_create(
            enrollment=enrollment, defaults={"sessions_attended": attended}
        )


def progress_override(
    *,
    enrollment: Enrollment,
    activity_key: str,
    done: bool,
    reason: str,
    changed_by: User,
    now: datetime.datetime | None = None,
) -> EnrollmentProgress:
    now = now or timezone.now()
    reason = limited_text(reason, field="reason", label=_("Reason"), max_length=200)
    if not reason:
        raise TrainingError(
            "reason", _("Write a reason, for example “Done on the trainer’s device”.")
        )
    keys = {a.key for a in course_activities(enrollment.training_class.course)}
    if activity_key not in keys:
        raise TrainingError("activity", _("This activity is not part of the class’s course."))
    ProgressOverride.objects.update_or_create(
        enrollment=enrollment,
        activity_key=activity_key,
        defaults={"done": bool(done), "reason": reason, "changed_by": changed_by},
    )
    _event(
        learner=enrollment.learner,
        enrollment=enrollment,
        kind=ProgressEvent.Kind.MANUAL,
        key=activity_key,
        value=1.0 if done else 0.0,
        now=now,
    )
    return enrollment_progress_refresh(enrollment=enrollment, now=now)


# ---- the enrolment's standing ------------------------------------------------------------


def activity_states(
    enrollment: Enrollment, activities: Sequence[Activity] | None = None
) -> tuple[dict[str, bool], dict[str, ActivitySummary]]:
    """{activity key: done?} for this enrolment's course, overrides applied."""
    course = enrollment.training_class.course
    activities = course_activities(course) if activities is None else activities
    allow_guided = bool(course and course.specific.allow_guided_practice)
    summaries = (
        {
            s.activity_key: s
            for s in ActivitySummary.objects.filter(
                learner_id=enrollment.learner_id, activity_key__in=[a.key for a in activities]
            )
        }
        if enrollment.learner_id
        else {}
    )
    overrides = dict(enrollment.overrides.values_list("activity_key", "done"))
    states = {}
    for activity in activities:
        summary = summaries.get(activity.key)
        done = bool(
            summary and (summary.completed_at or (allow_guided and summary.guided_completed_at))
        )
        states[activity.key] = overrides.get(activity.key, done)
    return states, summaries


def post_test_needed(training_class: TrainingClass) -> bool:
    """Whether finishing the class's course waits for a passed post-test: asked for by
    the class and possible (the question bank has questions)."""
    return training_class.post_test_required and SkillQuestion.objects.active().exists()


def enrollment_progress_refresh(
    *, enrollment: Enrollment, now: datetime.datetime | None = None
) -> EnrollmentProgress:
    """Count what is done; on the first full completion (every activity, and the
    post-test passed when the class asks for one), issue the certificate."""
    now = now or timezone.now()
    activities = course_activities(enrollment.training_class.course)
    states, _summaries = activity_states(enrollment, activities)
    done = sum(states.values())
    progress, _created = EnrollmentProgress.objects.get_or_create(enrollment=enrollment)
    progress.activities_done, progress.activities_total = done, len(activities)
    # A learner who completed before the final test was asked for stays completed.
    complete = (
        bool(activities)
        and done == len(activities)
        and (
            progress.completed_at is not None
            or progress.post_test_passed_at is not None
            or not post_test_needed(enrollment.training_class)
        )
    )
    if complete and progress.completed_at is None:
        progress.completed_at = now
    elif not complete:
        progress.completed_at = None
    progress.last_active_at = progress.last_active_at or now
    # Only what is counted here: a final test scored at the same moment (its own
    # columns, under its own lock) must not be written back with the old values.
    progress.save(
        update_fields=["activities_done", "activities_total", "completed_at", "last_active_at"]
    )
    if complete:
        certificate_issue(enrollment=enrollment, now=now)
    return progress


# ---- the funnel's last stage -------------------------------------------------------------


def real_submission_record(
    *,
    enrollment: Enrollment,
    procedure_title: str,
    submitted_on: datetime.date | None,
    today: datetime.date,
) -> RealSubmission:
    """The learner says they submitted a real dossier online on their own."""
    from ..models import RealSubmission

    procedure_title = limited_text(
        procedure_title, field="procedure_title", label=_("Procedure name"), max_length=200
    )
    if not procedure_title:
        raise TrainingError(
            "procedure_title",
            _("Write the name of the procedure, for example “Birth registration”."),
        )
    if submitted_on is None:
        raise TrainingError(
            "submitted_on", _("Choose the date you submitted, for example 20/11/2026.")
        )
    if submitted_on > today:
        raise TrainingError("submitted_on", _("The date submitted cannot be after today."))
    if submitted_on < enrollment.created_at.date():
        raise TrainingError(
            "submitted_on", _("Record only applications submitted after you joined the class.")
        )
    with transaction.atomic():
        # A form sent twice (a double tap on a slow connection) records one submission.
        report, _created = RealSubmission.objects.get_or_create(
            enrollment=enrollment, procedure_title=procedure_title, submitted_on=submitted_on
        )
        EnrollmentProgress.objects.filter(
            enrollment=enrollment, real_submission_at__isnull=True
        ).update(real_submission_at=report.recorded_at)
    return report


def real_submission_confirm(
    *, report: RealSubmission, by: User, now: datetime.datetime | None = None
) -> RealSubmission:
    """An official or the trainer saw the dossier arrive."""
    report.confirmed_by, report.confirmed_at = by, now or timezone.now()
    report.save(update_fields=["confirmed_by", "confirmed_at"])
    return report
