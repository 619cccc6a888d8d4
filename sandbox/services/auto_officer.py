"""The scripted auto-officer: a one-stop desk that acts by itself, for self-study.

It works on an accelerated clock: every ``SANDBOX_AUTO_OFFICER_STEP_SECONDS`` (20 s by
default) of real time it takes the next action of its script. It acts lazily, when the
learner looks at the dossier, so it needs no worker and behaves the same in the
embedded mode; "Tua nhanh" takes the next action at once.

On a dossier routed to a shared desk it first leaves the humans their turn: it waits the
desk's ``desk_wait_seconds`` after the citizen or an official last moved the dossier,
and "Tua nhanh" does not cut that wait short (the citizen would bypass the official).
"""

from __future__ import annotations

import datetime
import logging
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction

from ..errors import PracticeErrors
from ..models import DossierStatus, PracticeDossier
from . import desk
from .desk_routing import desk_wait, desk_wait_left, last_change_by_auto_officer
from .dossier_actions import AUTO_OFFICER

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..context import PracticeContext

S = DossierStatus
logger = logging.getLogger(__name__)
OFFICER = AUTO_OFFICER


def _step_seconds() -> float:
    return getattr(settings, "SANDBOX_AUTO_OFFICER_STEP_SECONDS", 20)


def _next_action(dossier: PracticeDossier) -> Callable[[PracticeContext], object] | None:
    supplement_done = dossier.supplements.exists()
    if dossier.status == S.NEW and dossier.fee_status != PracticeDossier.FeeStatus.UNPAID:
        return lambda ctx: desk.desk_accept(ctx=ctx, dossier=dossier, officer=OFFICER)
    if dossier.status == S.RECEIVED:
        return lambda ctx: desk.desk_start_processing(ctx=ctx, dossier=dossier, officer=OFFICER)
    if dossier.status == S.PROCESSING:
        if dossier.auto_officer_script == "supplement" and not supplement_done:
            return lambda ctx: _ask_for_clearer_photo(ctx, dossier)
        return lambda ctx: desk.desk_finish(ctx=ctx, dossier=dossier, officer=OFFICER)
    if dossier.status == S.DONE and dossier.delivery_method in ("desk", "post"):
        return lambda ctx: desk.desk_return(ctx=ctx, dossier=dossier, officer=OFFICER)
    return None


def _ask_for_clearer_photo(ctx: PracticeContext, dossier: PracticeDossier) -> None:
    first = dossier.files.filter(supplement__isnull=True).first()
    name = first.document_name if first else dossier.procedure.documents[0].value["name"]
    desk.desk_request_supplement(
        ctx=ctx,
        dossier=dossier,
        officer=OFFICER,
        documents=[name],
        reason="Ảnh chụp bị mờ, không đọc được thông tin.",
        content=f"Chụp lại {name} rõ nét, đủ bốn góc, không bị lóa, rồi gửi bổ sung.",
    )


def auto_officer_tick(
    *, ctx: PracticeContext, dossier: PracticeDossier, force: bool = False
) -> int:
    """Take every action whose time has come (or one action now, with ``force``).

    The dossier row is locked while the officer acts, so a phone and a projector showing
    the same dossier never make it act twice; a mistake in the script is logged and
    leaves the dossier as it was rather than breaking the learner's page.
    """
    if not dossier.auto_officer or dossier.procedure_id is None:
        return 0
    if not _due(ctx, dossier, force):
        # Most page views find nothing to do: answer them without a write transaction,
        # which on SQLite would make every other writer wait its turn.
        return 0
    try:
        with transaction.atomic():
            locked = PracticeDossier.objects.select_for_update().get(pk=dossier.pk)
            return _tick(ctx, locked, force)
    except PracticeErrors:
        logger.warning("Auto-officer could not act on dossier %s", dossier.pk, exc_info=True)
        return 0


def auto_officer_wait_left(
    *, dossier: PracticeDossier, now: datetime.datetime
) -> datetime.timedelta | None:
    """How long a routed dossier still waits for a human official before the
    auto-officer may take its next action; None when it is not waiting for one."""
    if not dossier.auto_officer or _next_action(dossier) is None:
        return None
    return desk_wait_left(dossier, now, auto_acted_last=last_change_by_auto_officer(dossier))


def _delay(dossier: PracticeDossier) -> tuple[datetime.timedelta, bool]:
    """How long after the last status change the next action falls due, and whether
    that is the humans' turn on a shared desk (which "Tua nhanh" does not skip)."""
    if dossier.desk_key:
        wait = desk_wait(dossier, auto_acted_last=last_change_by_auto_officer(dossier))
        if wait is not None:
            return wait, True
    return datetime.timedelta(seconds=_step_seconds()), False


def _waits(
    ctx: PracticeContext,
    last: datetime.datetime | None,
    delay: tuple[datetime.timedelta, bool],
    force: bool,
) -> bool:
    """Whether the next action is not due yet: "Tua nhanh" skips the auto-officer's own
    step, never the humans' turn."""
    wait, humans_turn = delay
    if force and not humans_turn:
        return False
    return bool(last) and ctx.now - last < wait


def _due(ctx: PracticeContext, dossier: PracticeDossier, force: bool) -> bool:
    """Whether an action is due now, read without a lock; `_tick` checks again under it."""
    if _next_action(dossier) is None:
        return False
    last = dossier.status_changed_at or dossier.submitted_at
    return not _waits(ctx, last, _delay(dossier), force)


def _tick(ctx: PracticeContext, dossier: PracticeDossier, force: bool) -> int:
    taken = 0
    last = dossier.status_changed_at or dossier.submitted_at
    while True:
        action = _next_action(dossier)
        if action is None:
            return taken
        delay = _delay(dossier)
        if _waits(ctx, last, delay, force):
            return taken
        action(ctx)
        dossier.refresh_from_db()
        taken += 1
        if force:
            return taken
        # The next action fell due one delay after this one, not one step after now:
        # a learner coming back later finds every action whose time has come taken.
        last = last + delay[0] if last else ctx.now
