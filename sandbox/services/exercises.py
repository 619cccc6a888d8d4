"""Exercises: starting one (a desk exercise starts with a citizen's dossier waiting).
Noticing when its goal is reached is in exercise_goals, which the services it watches
import."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import Exercise, ExerciseAttempt, PracticeEvent
from .events import practice_event_record
from .scenarios import desk_scenario_dossier

if TYPE_CHECKING:
    from ..context import PracticeContext


def exercise_start(*, ctx: PracticeContext, exercise: Exercise, mode: str) -> ExerciseAttempt:
    attempt = ExerciseAttempt.objects.create(
        owner_key=ctx.owner_key, user=ctx.user, exercise=exercise, mode=mode
    )
    ctx.attempt, ctx.mode = attempt, mode
    practice_event_record(
        ctx=ctx,
        kind=PracticeEvent.Kind.EXERCISE_STARTED,
        data={"exercise": exercise.slug},
    )
    if exercise.kind in (Exercise.Kind.DESK_ACCEPT, Exercise.Kind.DESK_SUPPLEMENT):
        desk_scenario_dossier(ctx=ctx, exercise=exercise, attempt=attempt)
    return attempt
