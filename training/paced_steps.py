"""Reads of trainer-paced mode: which step the class is on, and where each learner
stands against it (waiting, on it, or behind), for the board and the learner's phone."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .activities import Activity, course_activities
from .models import ActivitySummary, ProgressOverride

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .models import Enrollment, TrainingClass

WAITING, ON_STEP, BEHIND = "waiting", "on_step", "behind"


@dataclass(frozen=True)
class PacedStep:
    number: int  # 1 is the first
    total: int
    activity: Activity
    earlier: tuple[Activity, ...]


def paced_step(
    training_class: TrainingClass, activities: Sequence[Activity] | None = None
) -> PacedStep | None:
    """The class's step, or None at free pace (or if the course no longer has it)."""
    key = training_class.paced_activity_key
    if not key:
        return None
    activities = (
        course_activities(training_class.course) if activities is None else list(activities)
    )
    for index, activity in enumerate(activities):
        if activity.key == key:
            return PacedStep(index + 1, len(activities), activity, tuple(activities[:index]))
    return None


def done_keys(
    enrollments: Sequence[Enrollment], keys: Sequence[str], *, allow_guided: bool
) -> dict[int, set[str]]:
    """{enrolment id: the keys among ``keys`` it has done}, overrides applied, in two
    queries for the whole class (the board reloads every 15 seconds)."""
    learner_of = {e.learner_id: e.pk for e in enrollments if e.learner_id}
    done: dict[int, set[str]] = {e.pk: set() for e in enrollments}
    for learner_id, key, completed, guided in ActivitySummary.objects.filter(
        learner_id__in=list(learner_of), activity_key__in=list(keys)
    ).values_list("learner_id", "activity_key", "completed_at", "guided_completed_at"):
        if completed or (allow_guided and guided):
            done[learner_of[learner_id]].add(key)
    for enrollment_id, key, is_done in ProgressOverride.objects.filter(
        enrollment_id__in=list(done), activity_key__in=list(keys)
    ).values_list("enrollment_id", "activity_key", "done"):
        (done[enrollment_id].add if is_done else done[enrollment_id].discard)(key)
    return done


def pace_state(step: PacedStep, done: set[str]) -> tuple[str, list[Activity]]:
    """(waiting | on_step | behind, the earlier steps not done yet)."""
    missing = [a for a in step.earlier if a.key not in done]
    if missing:
        return BEHIND, missing
    return (WAITING if step.activity.key in done else ON_STEP), []


def class_pace(
    training_class: TrainingClass,
    enrollments: Sequence[Enrollment],
    activities: Sequence[Activity] | None = None,
) -> dict:
    """For the board: the step and {enrolment id: (state, earlier steps missing)}."""
    step = paced_step(training_class, activities)
    if step is None:
        return {"step": None, "states": {}, "counts": {}}
    course = training_class.course
    keys = [a.key for a in (*step.earlier, step.activity)]
    done = done_keys(
        enrollments, keys, allow_guided=bool(course and course.specific.allow_guided_practice)
    )
    states = {pk: pace_state(step, keys_done) for pk, keys_done in done.items()}
    counts = {
        state: sum(1 for s, _missing in states.values() if s == state)
        for state in (WAITING, ON_STEP, BEHIND)
    }
    return {"step": step, "states": states, "counts": counts}
