"""Deleting practice data: on request ("Xóa dữ liệu thực hành") and after it expires.

Nothing may remain of a purged owner: rows, uploaded files, and the history rows that
django-simple-history keeps of their dossiers.
"""

from __future__ import annotations

import datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.db.models import Max

from ..models import (
    DeskRubricMark,
    DeskSeat,
    DossierAttachment,
    DossierEvent,
    ExerciseAttempt,
    PracticeDossier,
    PracticeEvent,
    PracticeIdentity,
    SimulatedMessage,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.core.files.storage import Storage


def practice_data_purge(*, owner_key: str) -> int:
    """Delete everything an owner practised with. Returns the number of dossiers removed."""
    dossier_ids = list(
        PracticeDossier.objects.filter(owner_key=owner_key).values_list("pk", flat=True)
    )
    files = list(
        DossierAttachment.objects.filter(dossier_id__in=dossier_ids).values_list("file", flat=True)
    )
    with transaction.atomic():
        PracticeDossier.objects.filter(pk__in=dossier_ids).delete()
        # After the dossiers: deleting one writes a last history row ("-") of its own.
        PracticeDossier.history.model.objects.filter(id__in=dossier_ids).delete()
        SimulatedMessage.objects.filter(owner_key=owner_key).delete()
        PracticeIdentity.objects.filter(owner_key=owner_key).delete()
        PracticeEvent.objects.filter(owner_key=owner_key).delete()
        ExerciseAttempt.objects.filter(owner_key=owner_key).delete()
        # What an official leaves on shared desks: seats, rubric marks, and the key on
        # the timelines of classmates' dossiers (the shown name is the platform's).
        DeskSeat.objects.filter(owner_key=owner_key).delete()
        DeskRubricMark.objects.filter(owner_key=owner_key).delete()
        DossierEvent.objects.filter(actor_key=owner_key).update(actor_key="")
    # Files go after the commit: a failed transaction must not leave rows without files.
    storage = DossierAttachment._meta.get_field("file").storage
    for name in files:
        storage.delete(name)
    _remove_empty_folders(storage, {str(PurePosixPath(name).parent) for name in files})
    return len(dossier_ids)


def _remove_empty_folders(storage: Storage, folders: Iterable[str]) -> None:
    """On the local disk, drop the owner's now-empty folder too (object stores have none)."""
    for folder in folders:
        try:
            path = Path(storage.path(folder))
        except NotImplementedError:
            return
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def expired_owner_keys(*, now: datetime.datetime, days: int | None = None) -> list[str]:
    """Owners whose last practice activity is older than the retention period."""
    days = settings.SANDBOX_RETENTION_DAYS if days is None else days
    cutoff = now - datetime.timedelta(days=days)
    last_seen = {}
    sources = [
        (PracticeIdentity.objects, "created_at"),
        (PracticeDossier.objects, "created_at"),
        (PracticeEvent.objects, "created_at"),
    ]
    for manager, field in sources:
        for row in manager.values("owner_key").annotate(last=Max(field)):
            key = row["owner_key"]
            last_seen[key] = max(last_seen.get(key, row["last"]), row["last"])
    return sorted(key for key, last in last_seen.items() if last < cutoff)


def practice_data_purge_expired(*, now: datetime.datetime, days: int | None = None) -> list[str]:
    owners = expired_owner_keys(now=now, days=days)
    for owner_key in owners:
        practice_data_purge(owner_key=owner_key)
    return owners
