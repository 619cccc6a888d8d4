"""The skills-check tables of the reports: per commune, organiser, class or learner,
the pre-test and post-test scores and the gain between them.

Read from ``EnrollmentProgress.pre_test_percent``/``post_test_percent`` (kept on each
sheet sent), so a province is one indexed query. The gain counts only learners who sat
both tests: a learner who skipped the pre-test has no starting point to gain from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from .report_tables import Table

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from .models import Enrollment, TrainingClass


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def group_row(scores: Sequence[tuple[int | None, int | None, bool]]) -> dict[str, Any]:
    """``scores``: (pre %, best post %, passed) of each learner who sat a check."""
    both = [(pre, post) for pre, post, _passed in scores if pre is not None and post is not None]
    posts = [post for _pre, post, _passed in scores if post is not None]
    return {
        "pre_taken": sum(pre is not None for pre, _post, _passed in scores),
        "pre_mean": _mean([pre for pre, _post, _passed in scores if pre is not None]),
        "post_taken": len(posts),
        "post_mean": _mean(posts),
        "passed": sum(passed for _pre, _post, passed in scores),
        "both": len(both),
        "gain": _mean([post - pre for pre, post in both]),
    }


def group_scores(
    enrollments: QuerySet[Enrollment], group: str
) -> tuple[dict[Any, dict[str, Any]], dict[str, Any]]:
    """({group value: figures}, the figures of all of them together)."""
    per_group: dict[Any, list[tuple[int | None, int | None, bool]]] = defaultdict(list)
    everyone = []
    rows = (
        enrollments.exclude(
            progress__pre_test_percent__isnull=True, progress__post_test_percent__isnull=True
        )
        .filter(progress__isnull=False)
        .order_by()
        .values_list(
            group,
            "progress__pre_test_percent",
            "progress__post_test_percent",
            "progress__post_test_passed_at",
        )
    )
    for key, pre, post, passed_at in rows:
        score = (pre, post, passed_at is not None)
        per_group[key].append(score)
        everyone.append(score)
    return {key: group_row(v) for key, v in per_group.items()}, group_row(everyone)


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
    empty = group_row([])
    return Table(
        key="ky-nang",
        title=_("Skills checks: before and after the course"),
        columns=_columns(first_label),
        rows=[
            {"name": row["name"], "link": row.get("link"), **figures.get(row["key"], empty)}
            for row in rows
        ],
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
