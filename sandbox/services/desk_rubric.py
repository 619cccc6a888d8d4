"""The desk rubric ("Chấm điểm một cửa"): how well an official handled a classmate's
dossier on a shared desk.

Each dossier starts at 10 points; every distinct fault of a refused supplement request
(asking for a paper the procedure does not list, or one the databases already hold, or
giving no reason) costs 2, down to 0. Only shared-desk dossiers of someone else are
scored: the officials' own exercises have their own checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import F

from ..models import DeskRubricMark, DossierEvent
from .dossier_actions import AUTO_OFFICER

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..context import PracticeContext
    from ..errors import PracticeError
    from ..models import PracticeDossier

RUBRIC_OUT_OF = 10
FAULT_POINTS = 2
Fault = DeskRubricMark.Fault
# The refusal codes of a supplement request that are the official's faults.
FAULT_OF_CODE = {
    "desk_document_not_required": Fault.UNLISTED_DOCUMENT,
    "desk_document_in_database": Fault.DOCUMENT_IN_DATABASE,
    "desk_no_reason": Fault.NO_REASON,
}
DOCUMENT_NAME_MAX = DeskRubricMark._meta.get_field("document_name").max_length


def desk_rubric_record(
    *, ctx: PracticeContext, dossier: PracticeDossier, errors: Iterable[PracticeError]
) -> None:
    """Mark the faults of a refused supplement request on a classmate's shared-desk
    dossier. Call it after the refused transaction, like `practice_errors_record`: the
    rollback would take the marks with it. The same fault twice is marked once."""
    if not dossier.desk_key or dossier.owner_key == ctx.owner_key:
        return
    marks = {
        (FAULT_OF_CODE[error.code], error.field_label if error.code != "desk_no_reason" else "")
        for error in errors
        if error.code in FAULT_OF_CODE
    }
    DeskRubricMark.objects.bulk_create(
        [
            DeskRubricMark(
                dossier_id=dossier.pk,
                owner_key=ctx.owner_key,
                fault=fault,
                document_name=name[:DOCUMENT_NAME_MAX],
            )
            for fault, name in sorted(marks)
        ],
        ignore_conflicts=True,  # the unique constraint keeps a double tap to one mark
    )


def desk_rubric_score(marks: Iterable[DeskRubricMark]) -> tuple[int, int]:
    """``(points, out_of)`` for one official's marks on one dossier: 10 less 2 per
    distinct mark, never below 0."""
    distinct = {(m.dossier_id, m.owner_key, m.fault, m.document_name) for m in marks}
    return max(RUBRIC_OUT_OF - FAULT_POINTS * len(distinct), 0), RUBRIC_OUT_OF


def desk_rubric_marks(*, dossier: PracticeDossier, owner_key: str) -> list[DeskRubricMark]:
    return list(DeskRubricMark.objects.filter(dossier=dossier, owner_key=owner_key))


@dataclass(frozen=True)
class DeskRubricSummary:
    """One official's work on shared desks, for a class board.

    ``dossiers``: classmates' shared-desk dossiers the official moved (a status change
    of theirs) or was marked on; ``marks``: their faults; ``points`` out of ``out_of``:
    the sum of the per-dossier scores, 10 a dossier.
    """

    dossiers: int = 0
    marks: int = 0
    points: int = 0
    out_of: int = 0


def desk_rubric_for(
    *, owner_keys: Iterable[str], desk_key: str = ""
) -> dict[str, DeskRubricSummary]:
    """The rubric summary of each of these officials (every key answered, zeros when
    they handled nothing), on one shared desk or, without ``desk_key``, on all of them.
    Two queries whatever the number of officials."""
    keys = set(owner_keys)
    handled: dict[str, set] = {key: set() for key in keys}
    events = DossierEvent.objects.filter(actor_key__in=keys)
    mark_rows = DeskRubricMark.objects.filter(owner_key__in=keys)
    if desk_key:
        events = events.filter(dossier__desk_key=desk_key)
        mark_rows = mark_rows.filter(dossier__desk_key=desk_key)
    acted = (
        events.exclude(dossier__desk_key="")
        .exclude(dossier__owner_key=F("actor_key"))
        .exclude(actor=AUTO_OFFICER)
        .values_list("actor_key", "dossier_id")
        .distinct()
    )
    for key, dossier_id in acted:
        handled[key].add(dossier_id)
    marks: dict[tuple[str, object], list[DeskRubricMark]] = {}
    for mark in mark_rows:
        handled[mark.owner_key].add(mark.dossier_id)
        marks.setdefault((mark.owner_key, mark.dossier_id), []).append(mark)
    summaries = {}
    for key in keys:
        scores = [desk_rubric_score(marks.get((key, pk), [])) for pk in handled[key]]
        summaries[key] = DeskRubricSummary(
            dossiers=len(handled[key]),
            marks=sum(len(marks.get((key, pk), [])) for pk in handled[key]),
            points=sum(points for points, _out_of in scores),
            out_of=sum(out_of for _points, out_of in scores),
        )
    return summaries
