from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import F

from ..models import ExerciseAttempt, PracticeEvent
from ..signals import practice_event_recorded

if TYPE_CHECKING:
    from ..context import PracticeContext
    from ..errors import PracticeError

# Which counter of the attempt an event adds one to.
ATTEMPT_COUNTERS = {
    PracticeEvent.Kind.ERROR: "error_count",
    PracticeEvent.Kind.HINT_USED: "hint_count",
}


def practice_event_record(
    *,
    ctx: PracticeContext,
    kind: PracticeEvent.Kind,
    step: str = "",
    error_code: str = "",
    field: str = "",
    duration_ms: int | None = None,
    data: dict[str, Any] | None = None,
    attempt: ExerciseAttempt | None = None,
) -> PracticeEvent:
    """Append one practice event. The single door for everything the progress work reads.

    The event, the attempt's counter and the summaries the listeners fold it into are
    written in one transaction: a failure leaves none of them, so nothing is counted
    without its event. The counter is added to in the database (F()), never read and
    saved, so two requests at once both count.
    """
    attempt = attempt or ctx.attempt
    counter = ATTEMPT_COUNTERS.get(kind)
    with transaction.atomic():
        if attempt is not None and counter:
            ExerciseAttempt.objects.filter(pk=attempt.pk).update(**{counter: F(counter) + 1})
            attempt.refresh_from_db(fields=[counter])
        event = PracticeEvent.objects.create(
            owner_key=ctx.owner_key,
            user=ctx.user,
            attempt=attempt,
            kind=kind,
            step=step,
            error_code=error_code,
            field=field,
            mode=ctx.mode,
            duration_ms=duration_ms,
            data=data or {},
        )
        practice_event_recorded.send(sender=PracticeEvent, event=event)
    return event


def practice_errors_record(*, ctx: PracticeContext, errors: list[PracticeError]) -> None:
    """Record each error of a failed form, with its code, step and field.

    Call it outside (after) the transaction that was refused: inside, the rollback
    would take the record of the mistake with it.
    """
    with transaction.atomic():
        for error in errors:
            practice_event_record(
                ctx=ctx,
                kind=PracticeEvent.Kind.ERROR,
                step=error.step,
                error_code=error.code,
                field=error.field,
            )
