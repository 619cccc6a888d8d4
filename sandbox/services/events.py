from ..models import PracticeEvent
from ..signals import practice_event_recorded


def practice_event_record(
    *,
    ctx,
    kind,
    step="",
    error_code="",
    field="",
    duration_ms=None,
    data=None,
    attempt=None,
):
    """Append one practice event. The single door for everything the progress work reads."""
    attempt = attempt or ctx.attempt
    if attempt is not None and kind == PracticeEvent.Kind.ERROR:
        attempt.error_count += 1
        attempt.save(update_fields=["error_count"])
    if attempt is not None and kind == PracticeEvent.Kind.HINT_USED:
        attempt.hint_count += 1
        attempt.save(update_fields=["hint_count"])
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


def practice_errors_record(*, ctx, errors):
    """Record each error of a failed form, with its code, step and field."""
    for error in errors:
        practice_event_record(
            ctx=ctx,
            kind=PracticeEvent.Kind.ERROR,
            step=error.step,
            error_code=error.code,
            field=error.field,
        )
