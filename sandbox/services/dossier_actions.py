"""The frame every write to a practice dossier runs in: the row lock, one transaction,
refusals recorded even when rolled back, the timeline, the wizard's done steps."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
from typing import TYPE_CHECKING, Any

from django.db import transaction

from ..context import context_for_owner
from ..errors import PracticeErrors, too_long_error
from ..models import DossierEvent, PracticeDossier
from ..validators import clean_limited
from .events import practice_errors_record
from .exercise_goals import exercise_check

if TYPE_CHECKING:
    import datetime
    from collections.abc import Callable, Iterator
    from typing import NoReturn, ParamSpec, TypeVar

    from ..context import PracticeContext
    from ..errors import PracticeError
    from ..models import DossierStatus

    P = ParamSpec("P")
    T = TypeVar("T")

CITIZEN = "Công dân"
AUTO_OFFICER = "Cán bộ tự động (giả lập)"


def refuse(ctx: PracticeContext, errors: list[PracticeError]) -> NoReturn:
    """Record a refusal and raise it. Outside a transaction only: inside one, raise
    PracticeErrors and let `dossier_action` record it after the rollback."""
    practice_errors_record(ctx=ctx, errors=errors)
    raise PracticeErrors(errors)


def length_errors(step: str, *boxes: tuple[str, int, str, str]) -> list[PracticeError]:
    """A too_long error for each ``(value, limit, field, field_label)`` whose text, as it
    would be stored (NFC, spaces collapsed), is over its limit. Services call it before
    they write anything, so an over-long text is never kept, on SQLite (which would
    store it) as on PostgreSQL (which would refuse it with an error page)."""
    errors = []
    for value, limit, field, field_label in boxes:
        _text, too_long = clean_limited(value, limit)
        if too_long:
            errors.append(
                too_long_error(
                    step=step, field=field, field_label=field_label, limit=limit, length=too_long
                )
            )
    return errors


# --- locking: every write to a dossier holds its row ------------------------------------


def dossier_lock(dossier: PracticeDossier) -> PracticeDossier:
    """Lock the dossier's row until the transaction ends and reload it in place.

    Call it inside ``transaction.atomic()``. On PostgreSQL a second request for the same
    dossier waits here until the first commits, then sees what it wrote; on SQLite the
    IMMEDIATE transaction already holds the database's only write lock, and
    select_for_update is a no-op. Reloading the caller's object (not a copy) keeps the
    views' and tests' references current.
    """
    locked = PracticeDossier.objects.select_for_update().get(pk=dossier.pk)
    for field in PracticeDossier._meta.concrete_fields:
        setattr(dossier, field.attname, getattr(locked, field.attname))
    return dossier


@contextlib.contextmanager
def dossier_locked(dossier: PracticeDossier) -> Iterator[PracticeDossier]:
    """``with dossier_locked(dossier):`` one transaction holding the dossier's row lock."""
    with transaction.atomic():
        yield dossier_lock(dossier)


def dossier_action(service: Callable[P, T]) -> Callable[P, T]:
    """Run a service ``(*, ctx, dossier, ...)`` as one transaction holding the dossier's
    row lock: it checks the status it acts on under the lock, and either everything it
    writes (status, timeline, messages, events) is kept or nothing is.

    A refusal is raised as PracticeErrors inside, rolls everything back, and is recorded
    here afterwards, so the learner's mistake still counts. Slow work (decoding photos,
    hashing passwords, drawing PDFs) belongs before the call, never inside. Actions are
    not nested: an action calls helpers such as `dossier_set_status`, not other actions.
    """

    @functools.wraps(service)
    def run(*, ctx: PracticeContext, dossier: PracticeDossier, **kwargs: Any) -> T:
        try:
            with dossier_locked(dossier):
                # These are P's own arguments; a checker cannot see that P holds them.
                return service(ctx=ctx, dossier=dossier, **kwargs)  # type: ignore
        except PracticeErrors as refused:
            practice_errors_record(ctx=ctx, errors=refused.errors)
            raise

    return run  # type: ignore[return-value]  # run takes P's arguments, by keyword


def dossier_log(
    dossier: PracticeDossier,
    *,
    actor: str,
    action: str,
    when: datetime.datetime,
    from_status: int | None = None,
    note: str = "",
    actor_key: str = "",
) -> DossierEvent:
    return DossierEvent.objects.create(
        dossier=dossier,
        actor=actor,
        actor_key=actor_key,
        action=action,
        from_status=from_status,
        to_status=dossier.status,
        note=note,
        created_at=when,
    )


def dossier_set_status(
    dossier: PracticeDossier,
    status: DossierStatus,
    *,
    ctx: PracticeContext,
    actor: str,
    action: str,
    note: str = "",
) -> None:
    """Move a dossier to ``status`` and put it on the timeline. The caller holds the
    dossier's row lock (`dossier_action`) and has checked the status it moves from."""
    previous = dossier.status
    dossier.status = status
    dossier.status_changed_at = ctx.now
    dossier.save()
    dossier_log(
        dossier,
        actor=actor,
        action=action,
        when=ctx.now,
        from_status=previous,
        note=note,
        actor_key=ctx.owner_key,
    )
    exercise_check(ctx=ctx, trigger="status_changed", dossier=dossier)
    if dossier.owner_key != ctx.owner_key and dossier.attempt_id:
        # An official at a shared desk moved a classmate's dossier: the goals it reaches
        # are the citizen's, checked (and their completion recorded) as theirs.
        owner = context_for_owner(dossier.owner_key, ctx.now)
        owner = dataclasses.replace(owner, mode=dossier.mode)
        exercise_check(ctx=owner, trigger="status_changed", dossier=dossier)


def step_mark(dossier: PracticeDossier, step: str) -> None:
    if step not in dossier.wizard_steps_done:
        dossier.wizard_steps_done = [*dossier.wizard_steps_done, step]


def step_unmark(dossier: PracticeDossier, step: str) -> None:
    """A step saved with mistakes is not done any more, even if it was before: the
    review must not let a since-broken e-form or address through."""
    dossier.wizard_steps_done = [done for done in dossier.wizard_steps_done if done != step]
