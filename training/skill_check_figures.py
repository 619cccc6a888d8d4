"""The skills-check tables of the reports: per commune, organiser, class or learner,
the pre-test and post-test scores and the gain between them.

Read from ``EnrollmentProgress.pre_test_percent``/``post_test_percent`` (kept on each
sheet sent), so a province is one aggregate query. The gain counts only learners who sat
both tests: a learner who skipped the pre-test has no starting point to gain from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Count, F, Q, Sum
from django.utils.translation import gettext as _

from .report_tables import Table, rows_like

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from .models import Enrollment, TrainingClass


SUMS = ("pre_taken", "pre_sum", "post_taken", "post_sum", "passed", "both", "gain_sum")


def _aggregates() -> dict[str, Any]:
    pre = Q(progress__pre_test_percent__isnull=False)
    post = Q(progress__post_test_percent__isnull=False)
    return {
        "pre_taken": Count("pk", filter=pre),
        "pre_sum": Sum("progress__pre_test_percent"),
        "post_taken": Count("pk", filter=post),
        "post_sum": Sum("progress__post_test_percent"),
        "passed": Count("pk", filter=Q(progress__post_test_passed_at__isnull=False)),
        "both": Count("pk", filter=pre & post),
        # NULL unless both were sat, and SUM skips NULLs: the gain of those who sat both.
        "gain_sum": Sum(F("progress__post_test_percent") - F("progress__pre_test_percent")),
    }


def _mean(total: float | None, count: int) -> float | None:
    return round(total / count, 1) if count and total is not None else None


def _figures(sums: dict[str, Any]) -> dict[str, Any]:
    return {
        "pre_taken": sums["pre_taken"],
        "pre_mean": _mean(sums["pre_sum"], sums["pre_taken"]),
        "post_taken": sums["post_taken"],
        "post_mean": _mean(sums["post_sum"], sums["post_taken"]),
        "passed": sums["passed"],
        "both": sums["both"],
        "gain": _mean(sums["gain_sum"], sums["both"]),
    }


EMPTY = _figures(dict.fromkeys(SUMS, 0))


def group_scores(
    enrollments: QuerySet[Enrollment], group: str
) -> tuple[dict[Any, dict[str, Any]], dict[str, Any]]:
    """({group value: figures}, the figures of all of them together): one aggregate
    query; the total adds up the groups' sums, so it is exact, not a mean of means."""
    sat = enrollments.filter(
        Q(progress__pre_test_percent__isnull=False) | Q(progress__post_test_percent__isnull=False)
    ).order_by()
    per_group, total = {}, dict.fromkeys(SUMS, 0)
    for row in sat.values(group).annotate(**_aggregates()).order_by():
        key = row.pop(group)
        per_group[key] = _figures(row)
        for name in SUMS:
            total[name] += row[name] or 0
    return per_group, _figures(total)


def _columns(first_label: str) -> list[tuple[str, str]]:
    return [
        ("name", first_label),
        ("pre_taken", _("Took the pre-test")),
        ("pre_mean", _("Pre-test: mean (%)")),
        ("post_taken", _("Took the final test")),
        ("post_mean", _("Final test: mean of best (%)")),
        ("passed", _("Passed the final test")),
        ("both", _("Took both")),
        ("gain", _("Gain: final minus pre-test (points)")),
    ]


def gain_table(
    enrollments: QuerySet[Enrollment], group: str, rows: list[dict[str, Any]], first_label: str
) -> Table:
    """The skills-check figures, with the same rows as the report's main table."""
    figures, total = group_scores(enrollments, group)
    return Table(
        key="ky-nang",
        title=_("Skills checks: before and after the course"),
        columns=_columns(first_label),
        rows=rows_like(rows, figures, EMPTY),
        total={"name": _("Total"), **total},
        chart="post_mean",  # the gain may be negative: bars only for what cannot be
    )


def learner_gain_table(training_class: TrainingClass) -> Table:
    rows = []
    for enrollment in training_class.enrollments.select_related("progress").order_by(
        "display_name", "pk"
    ):
        progress = getattr(enrollment, "progress", None)
        pre = progress.pre_test_percent if progress else None
        post = progress.post_test_percent if progress else None
        rows.append(
            {
                "name": enrollment.display_name or _("(personal data erased)"),
                "pre": pre,
                "post": post,
                "passed": _("yes") if progress and progress.post_test_passed_at else _("no"),
                "gain": post - pre if pre is not None and post is not None else None,
            }
        )
    return Table(
        key="ky-nang-hoc-vien",
        title=_("Skills checks, by learner"),
        columns=[
            ("name", _("Learner")),
            ("pre", _("Pre-test (%)")),
            ("post", _("Final test, best (%)")),
            ("passed", _("Passed")),
            ("gain", _("Gain (points)")),
        ],
        rows=rows,
        chart="post",
    )
