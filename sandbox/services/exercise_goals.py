"""Noticing by itself when an exercise's goal is reached: every service whose action can
finish an exercise (accounts, dossiers, payments, the desk) calls exercise_check."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q

from ..models import DossierStatus, Exercise, ExerciseAttempt, PracticeEvent
from .events import practice_event_record

if TYPE_CHECKING:
    from ..context import PracticeContext


def _goal_reached(exercise: Exercise, trigger: str, info: dict[str, Any]) -> bool:
    kind, goal = exercise.kind, exercise.goal or {}
    dossier = info.get("dossier")
    if (
        dossier is not None
        and exercise.procedure_id
        and dossier.procedure_id != (exercise.procedure_id)
    ):
        return False
    if kind in (Exercise.Kind.REGISTER, Exercise.Kind.VNEID_LOGIN):
        wanted = "portal" if kind == Exercise.Kind.REGISTER else "vneid"
        return trigger == "logged_in" and info.get("method") == wanted
    if kind == Exercise.Kind.SUBMIT:
        if trigger != "submitted_and_paid":
            return False
        wanted_delivery = goal.get("delivery_method")
        return not wanted_delivery or dossier.delivery_method == wanted_delivery
    if kind == Exercise.Kind.SUPPLEMENT:
        return (
            trigger == "status_changed"
            and dossier.status == DossierStatus.DONE
            and (dossier.supplements.filter(answered_at__isnull=False).exists())
        )
    if kind == Exercise.Kind.DESK_ACCEPT:
        return trigger == "desk_accepted" and dossier.attempt_id == info.get("attempt_id")
    if kind == Exercise.Kind.DESK_SUPPLEMENT:
        return trigger == "desk_supplement_requested" and (
            dossier.attempt_id == info.get("attempt_id")
        )
    return False


def exercise_check(*, ctx: PracticeContext, trigger: str, **info: Any) -> list[ExerciseAttempt]:
    """Called by the services at the moments an exercise can be won; completes the
    learner's open attempts whose goal is now reached."""
    dossier = info.get("dossier")
    attempts = ExerciseAttempt.objects.filter(
        owner_key=ctx.owner_key, completed_at__isnull=True
    ).select_related("exercise")
    if dossier is not None and dossier.attempt_id:
        attempts = attempts.filter(
            Q(pk=dossier.attempt_id) | Q(pk=getattr(ctx.attempt, "pk", None))
        )
    elif ctx.attempt is not None:
        attempts = attempts.filter(pk=ctx.attempt.pk)
    else:
        return []
    info.setdefault("attempt_id", dossier.attempt_id if dossier is not None else None)
    completed = []
    for attempt in attempts:
        if not _goal_reached(attempt.exercise, trigger, info):
            continue
        # Only the request that sets completed_at records the completion: a retried or
        # simultaneous request finds it set and counts nothing twice.
        won = ExerciseAttempt.objects.filter(pk=attempt.pk, completed_at__isnull=True).update(
            completed_at=ctx.now
        )
        if not won:
            continue
        attempt.completed_at = ctx.now
        practice_event_record(
            ctx=ctx,
            kind=PracticeEvent.Kind.EXERCISE_COMPLETED,
            attempt=attempt,
            duration_ms=attempt.duration_seconds * 1000,
            data={
                "exercise": attempt.exercise.slug,
                "mode": attempt.mode,
                "errors": attempt.error_count,
                "hints": attempt.hint_count,
            },
        )
        completed.append(attempt)
    return completed
