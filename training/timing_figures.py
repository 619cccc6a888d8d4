"""The 5-minute tables of the reports. For a group of enrolments: for each learner's first timed
practice submission and for their latest, the median time and the share under 5 minutes
(QĐ 1565/QĐ-TTg's target for the real portal in 2026).

Read from ``EnrollmentProgress.first_submit_seconds``/``last_submit_seconds``, kept up to
date on each submission, so a province is one indexed query, never a scan of the
submissions. Times are shown in minutes.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from .models import PracticeSubmissionTime
from .report_tables import Table, rows_like
from .services.timing import TARGET_SECONDS

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from .models import Enrollment, TrainingClass

GROUP_KEYS = ("timed", "first_median", "first_under", "last_median", "last_under")
LEARNER_KEYS = ("timed", "first", "last", "median", "under")


def minutes(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 60, 1)


def under_share(seconds: Sequence[float]) -> float | None:
    """The share (%) of times under the target; None when nothing was timed."""
    if not seconds:
        return None
    return round(100 * sum(1 for s in seconds if s < TARGET_SECONDS) / len(seconds), 1)


def _median(seconds: Sequence[float]) -> float | None:
    return minutes(statistics.median(seconds)) if seconds else None


def group_row(firsts: Sequence[float], lasts: Sequence[float]) -> dict[str, Any]:
    return {
        "timed": len(firsts),
        "first_median": _median(firsts),
        "first_under": under_share(firsts),
        "last_median": _median(lasts),
        "last_under": under_share(lasts),
    }


def group_timing(
    enrollments: QuerySet[Enrollment], group: str
) -> tuple[dict[Any, dict[str, Any]], dict[str, Any]]:
    """({group value: figures}, the figures of all of them together)."""
    per_group: dict[Any, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    everyone: tuple[list[int], list[int]] = ([], [])
    for key, first, last in (
        enrollments.filter(progress__first_submit_seconds__isnull=False)
        .order_by()
        .values_list(group, "progress__first_submit_seconds", "progress__last_submit_seconds")
    ):
        for firsts, lasts in (per_group[key], everyone):
            firsts.append(first)
            lasts.append(last)
    figures = {key: group_row(*values) for key, values in per_group.items()}
    return figures, group_row(*everyone)


def learner_row(times: Sequence[PracticeSubmissionTime]) -> dict[str, Any]:
    seconds = [t.seconds for t in times]
    return {
        "timed": len(seconds),
        "first": minutes(seconds[0]) if seconds else None,
        "last": minutes(seconds[-1]) if seconds else None,
        "median": _median(seconds),
        "under": under_share(seconds),
    }


def timing_columns(first_label: str) -> list[tuple[str, str]]:
    return [
        ("name", first_label),
        ("timed", _("Learners who submitted in practice")),
        ("first_median", _("First time: median (minutes)")),
        ("first_under", _("First time: under 5 minutes (%)")),
        ("last_median", _("Latest time: median (minutes)")),
        ("last_under", _("Latest time: under 5 minutes (%)")),
    ]


def timing_table(
    enrollments: QuerySet[Enrollment], group: str, rows: list[dict[str, Any]], first_label: str
) -> Table:
    """The 5-minute figures, with the same rows as the report's main table."""
    figures, total = group_timing(enrollments, group)
    return Table(
        key="5-phut",
        title=_("From log-in to a successful submission in practice (target: under 5 minutes)"),
        columns=timing_columns(first_label),
        rows=rows_like(rows, figures, group_row([], [])),
        total={"name": _("Total"), **total},
        chart="last_under",
    )


def learner_timing_table(training_class: TrainingClass) -> Table:
    times = defaultdict(list)
    for timing in PracticeSubmissionTime.objects.filter(
        enrollment__training_class=training_class
    ).order_by("submitted_at", "id"):
        times[timing.enrollment_id].append(timing)
    rows = [
        {
            "name": enrollment.display_name or _("(personal data erased)"),
            **learner_row(times.get(enrollment.pk, [])),
        }
        for enrollment in training_class.enrollments.order_by("display_name", "pk")
    ]
    return Table(
        key="5-phut-hoc-vien",
        title=_("Time from log-in to submission, by learner"),
        columns=[
            ("name", _("Learner")),
            ("timed", _("Practice submissions")),
            ("first", _("First (minutes)")),
            ("last", _("Latest (minutes)")),
            ("median", _("Median (minutes)")),
            ("under", _("Under 5 minutes (%)")),
        ],
        rows=rows,
        chart="under",
    )
