"""Shared desks: a citizen learner's dossier lands on the consoles of the officials
seated at a desk (a training class, say), who act on it as on their own.

The sandbox knows desks only by an opaque name: who sits where and which dossier goes
to which desk are decided by the caller (the training app). A routed dossier still
belongs to its citizen: only the desk console opens it for a seated official, and the
citizen's own pages stay theirs alone. The auto-officer waits ``desk_wait_seconds``
for a human before acting, so nobody is left waiting for a classmate.
"""

from __future__ import annotations

import datetime
import math
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import F, Q

from ..models import DeskSeat, DossierStatus, Exercise, PracticeDossier
from .dossier_actions import AUTO_OFFICER

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.db.models import QuerySet

DESK_KEY_MAX = PracticeDossier._meta.get_field("desk_key").max_length


def desk_seats_set(*, desk_key: str, owner_keys: Iterable[str]) -> None:
    """Seat exactly these owners at the desk: missing seats are added, the others
    removed. Sending the same list again changes nothing."""
    if not desk_key or len(desk_key) > DESK_KEY_MAX:
        raise ValueError(f"desk_key must be 1–{DESK_KEY_MAX} characters: {desk_key!r}")
    keys = {key for key in owner_keys if key}
    with transaction.atomic():
        DeskSeat.objects.filter(desk_key=desk_key).exclude(owner_key__in=keys).delete()
        # ignore_conflicts: a seat already there (or added by a request at the same
        # moment) is kept as it is, on PostgreSQL as on SQLite.
        DeskSeat.objects.bulk_create(
            [DeskSeat(owner_key=key, desk_key=desk_key) for key in sorted(keys)],
            ignore_conflicts=True,
        )


def dossier_route_to_desk(
    *, dossier_code: str, desk_key: str, wait_seconds: int
) -> PracticeDossier | None:
    """Put a just-submitted dossier on a shared desk; None when it is not routable.

    Meant for a receiver of the submission's practice event, so it runs inside the
    submit transaction: one plain UPDATE, no row lock of its own (the submission holds
    the dossier's). Only a NEW dossier is routed, never one made up for an official's
    desk exercise (those stay on the official's own desk). The auto-officer is switched
    on for it: it is what takes over when no official acts in time.
    """
    if not desk_key or len(desk_key) > DESK_KEY_MAX:
        raise ValueError(f"desk_key must be 1–{DESK_KEY_MAX} characters: {desk_key!r}")
    routable = PracticeDossier.objects.filter(code=dossier_code, status=DossierStatus.NEW).exclude(
        attempt__exercise__audience=Exercise.Audience.OFFICIAL
    )
    updated = routable.update(
        desk_key=desk_key, desk_wait_seconds=max(int(wait_seconds), 0), auto_officer=True
    )
    return PracticeDossier.objects.filter(code=dossier_code).first() if updated else None


def desk_dossiers_for(owner_key: str) -> QuerySet[PracticeDossier]:
    """Every dossier the desk console may show this owner: their own, and the submitted
    ones routed to a desk they sit at. One query (the seats are a subquery)."""
    seats = DeskSeat.objects.filter(owner_key=owner_key).values("desk_key")
    shared = Q(desk_key__in=seats) & ~Q(desk_key="") & ~Q(status=DossierStatus.DRAFT)
    return PracticeDossier.objects.filter(Q(owner_key=owner_key) | shared)


def is_shared_with(dossier: PracticeDossier, owner_key: str) -> bool:
    """Whether the dossier is a classmate's, on a shared desk, rather than the viewer's."""
    return bool(dossier.desk_key) and dossier.owner_key != owner_key


def last_change_by_auto_officer(dossier: PracticeDossier) -> bool:
    """Whether the auto-officer made the dossier's last status change. A NEW dossier was
    just submitted by its citizen: no query then."""
    if dossier.status == DossierStatus.NEW:
        return False
    actor = (
        dossier.events.filter(to_status=dossier.status)
        .exclude(from_status=F("to_status"))  # a payment noted on the timeline
        .order_by("-created_at", "-id")
        .values_list("actor", flat=True)
        .first()
    )
    return actor == AUTO_OFFICER


def desk_wait(dossier: PracticeDossier, *, auto_acted_last: bool) -> datetime.timedelta | None:
    """How long after the last status change the auto-officer leaves a routed dossier to
    the humans: after the citizen (submission, supplement) or an official acted. Once
    the auto-officer has acted itself it keeps its own pace (None), so a citizen whose
    class has no official free is not kept waiting at every step."""
    if not dossier.desk_key or dossier.desk_wait_seconds is None or auto_acted_last:
        return None
    return datetime.timedelta(seconds=dossier.desk_wait_seconds)


def desk_wait_left(
    dossier: PracticeDossier, now: datetime.datetime, *, auto_acted_last: bool
) -> datetime.timedelta | None:
    """What remains of the humans' turn on a routed dossier (None when it is over)."""
    wait = desk_wait(dossier, auto_acted_last=auto_acted_last)
    last = dossier.status_changed_at or dossier.submitted_at
    if wait is None or last is None:
        return None
    left = last + wait - now
    return left if left > datetime.timedelta(0) else None


def minutes(left: datetime.timedelta | None) -> int | None:
    """A wait as whole minutes, rounded up (a wait of 10 s still reads "1 phút")."""
    return math.ceil(left.total_seconds() / 60) if left else None
