"""Skills checks in a class: the pre-test (test-out) and the post-test the certificate
asks for, with its attempt limit and the invigilated mode the trainer runs from the board.

Scoring is ``assessments.scoring``; a practical question is right when the learner
finished its sandbox exercise on their own (not guided) while the sheet was open.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.models import SkillQuestion
from assessments.scoring import mastered_skills, score_answers
from assessments.selectors import check_questions
from sandbox.models import ExerciseAttempt

from ..activities import course_activities
from ..errors import TrainingError
from ..models import EnrollmentProgress, ProgressOverride, SkillCheckAttempt, TrainingClass
from .progress import enrollment_progress_refresh

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..models import Enrollment

PRE = SkillCheckAttempt.Kind.PRE
POST = SkillCheckAttempt.Kind.POST
TEST_OUT_REASON = "Đã thành thạo ở bài kiểm tra đầu vào"


def invigilation_open(training_class: TrainingClass) -> bool:
    opened, closed = training_class.post_test_opened_at, training_class.post_test_closed_at
    return bool(opened and (closed is None or closed < opened))


def invigilation_set(
    *, training_class: TrainingClass, open_it: bool, now: datetime.datetime
) -> TrainingClass:
    """The trainer opens or closes the post-test in the hall. Opening also switches the
    class to the invigilated mode, so nobody sits it at home afterwards."""
    if open_it:
        if not invigilation_open(training_class):
            training_class.post_test_opened_at = now
            training_class.post_test_closed_at = None
        training_class.post_test_invigilated = True
    elif invigilation_open(training_class):
        training_class.post_test_closed_at = now
    training_class.save(
        update_fields=["post_test_opened_at", "post_test_closed_at", "post_test_invigilated"]
    )
    return training_class


def may_sit_now(training_class: TrainingClass) -> bool:
    return not training_class.post_test_invigilated or invigilation_open(training_class)


def attempts_left(enrollment: Enrollment) -> int:
    used = enrollment.skill_checks.filter(kind=POST).count()
    return max(0, enrollment.training_class.post_test_attempts - used)


def check_start(
    *, enrollment: Enrollment, kind: str, now: datetime.datetime | None = None
) -> SkillCheckAttempt:
    """Open a sheet, or give back the one already open (a reload or a double tap).

    The final test in the invigilated mode is neither opened nor given back while the
    trainer has it closed, whenever the sheet was started: it is sat in the hall."""
    now = now or timezone.now()
    training_class = enrollment.training_class
    sittings = enrollment.skill_checks.filter(kind=kind)
    final_begun = enrollment.skill_checks.filter(kind=POST).exists()
    if kind == PRE and final_begun:
        raise TrainingError("kind", _("The pre-test is taken before the final test."))
    if kind == POST and not may_sit_now(training_class):
        raise TrainingError(
            "kind", _("The trainer opens the final test in class. Wait for the trainer.")
        )
    open_sheet = sittings.filter(submitted_at__isnull=True).order_by("-number").first()
    if open_sheet is not None:
        return open_sheet
    if kind == PRE:
        if sittings.exists():
            raise TrainingError("kind", _("You have already taken the pre-test."))
    else:
        if enrollment.skill_checks.filter(kind=POST, passed=True).exists():
            raise TrainingError("kind", _("You have already passed the final test."))
        if attempts_left(enrollment) <= 0:
            raise TrainingError(
                "kind",
                _("You have used all %(count)s attempts at the final test. Ask your trainer.")
                % {"count": training_class.post_test_attempts},
            )
    questions = check_questions()
    if not questions:
        raise TrainingError("kind", _("The question bank has no questions yet."))
    number = (sittings.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    try:
        with transaction.atomic():
            return SkillCheckAttempt.objects.create(
                enrollment=enrollment,
                kind=kind,
                number=number,
                started_at=now,
                invigilated=kind == POST and training_class.post_test_invigilated,
                question_ids=[q.pk for q in questions],
            )
    except IntegrityError:  # the same tap twice at once: both get the one sheet
        return sittings.get(number=number)


def sheet_questions(sheet: SkillCheckAttempt) -> list[SkillQuestion]:
    """The questions as they were asked, in that order; a question deleted since is
    left out (it can no longer be answered, nor held against the learner)."""
    found = SkillQuestion.objects.select_related("exercise").in_bulk(sheet.question_ids)
    return [found[pk] for pk in sheet.question_ids if pk in found]


def _practical_done(enrollment: Enrollment, since: datetime.datetime, now: datetime.datetime):
    if not enrollment.learner_id:
        return set()
    return set(
        ExerciseAttempt.objects.filter(
            owner_key=f"u{enrollment.learner_id}",
            mode="practice",
            completed_at__gte=since,
            completed_at__lte=now,
        ).values_list("exercise__slug", flat=True)
    )


def _refusal(sheet: SkillCheckAttempt, training_class: TrainingClass) -> str:
    if sheet.submitted_at is not None:
        return ""
    if sheet.kind == POST and not may_sit_now(training_class):
        return _(
            "The trainer has closed the final test. Your answers are kept: send them "
            "when the trainer opens it again."
        )
    if sheet.kind == PRE and sheet.enrollment.skill_checks.filter(kind=POST).exists():
        return _("The pre-test is taken before the final test.")
    return ""


def _window_start(sheet: SkillCheckAttempt, training_class: TrainingClass) -> datetime.datetime:
    """Since when a practical item counts: the sheet's start, or, in the invigilated
    mode, the trainer's latest opening (an exercise done at home between two sessions
    does not count)."""
    opened = training_class.post_test_opened_at
    if sheet.kind == POST and training_class.post_test_invigilated and opened:
        return max(sheet.started_at, opened)
    return sheet.started_at


def check_submit(
    *,
    sheet: SkillCheckAttempt,
    answers: Mapping[int, str],
    now: datetime.datetime | None = None,
) -> SkillCheckAttempt:
    """Score the sheet once. The same answers sent again (a retry on weak Wi-Fi) find it
    scored and change nothing. A final-test sheet sent while the trainer has the
    invigilated test closed is refused: its answers are kept on the sheet, unscored, to
    be sent when the test opens again. A pre-test left open is refused once the final
    test has begun (it would measure the course, not the start)."""
    now = now or timezone.now()
    enrollment = sheet.enrollment
    training_class = TrainingClass.objects.get(pk=enrollment.training_class_id)
    refusal = _refusal(sheet, training_class)
    if refusal:
        SkillCheckAttempt.objects.filter(pk=sheet.pk, submitted_at__isnull=True).update(
            answers={str(pk): letter for pk, letter in answers.items()}
        )
        raise TrainingError("kind", refusal)
    with transaction.atomic():
        sheet = SkillCheckAttempt.objects.select_for_update().get(pk=sheet.pk)
        if sheet.submitted_at is not None:
            return sheet
        questions = sheet_questions(sheet)
        asked = {q.pk for q in questions}
        kept = {pk: letter for pk, letter in answers.items() if pk in asked}
        done = _practical_done(enrollment, _window_start(sheet, training_class), now)
        result = score_answers(questions, kept, done)
        sheet.answers = {str(pk): letter for pk, letter in kept.items()}
        sheet.practical_done = sorted(
            q.exercise_slug for q in questions if q.exercise_slug and q.exercise_slug in done
        )
        sheet.right, sheet.asked, sheet.percent = result.right, result.asked, result.percent
        sheet.per_skill = {k: [t.right, t.asked] for k, t in result.per_skill.items()}
        sheet.submitted_at = now
        if sheet.kind == POST:
            sheet.passed = result.percent >= training_class.post_test_pass_percent
        else:
            sheet.tested_out = _test_out(enrollment, mastered_skills(result))
        sheet.save()
        _progress_record(enrollment, sheet, now)
    enrollment.training_class = training_class
    enrollment_progress_refresh(enrollment=enrollment, now=now)
    return sheet


def _test_out(enrollment: Enrollment, mastered: tuple[str, ...]) -> list[str]:
    """Mark done every activity whose lesson teaches only mastered skills. A trainer's
    own mark on an activity is left as it is."""
    mastered_set = set(mastered)
    keys = [
        activity.key
        for activity in course_activities(enrollment.training_class.course)
        if activity.skills and set(activity.skills) <= mastered_set
    ]
    skipped = []
    for key in keys:
        _override, created = ProgressOverride.objects.get_or_create(
            enrollment=enrollment,
            activity_key=key,
            defaults={"done": True, "reason": TEST_OUT_REASON},
        )
        if created:
            skipped.append(key)
    return skipped


def _progress_record(
    enrollment: Enrollment, sheet: SkillCheckAttempt, now: datetime.datetime
) -> None:
    progress, _created = EnrollmentProgress.objects.select_for_update().get_or_create(
        enrollment=enrollment
    )
    if sheet.kind == PRE:
        progress.pre_test_percent = sheet.percent
    else:
        if progress.post_test_percent is None or sheet.percent > progress.post_test_percent:
            progress.post_test_percent = sheet.percent
        if sheet.passed and progress.post_test_passed_at is None:
            progress.post_test_passed_at = now
    progress.last_active_at = now
    progress.save(
        update_fields=[
            "pre_test_percent",
            "post_test_percent",
            "post_test_passed_at",
            "last_active_at",
        ]
    )
