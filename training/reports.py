"""Reports by province, commune, organising unit and class.

Each report is a list of ``Table``s; the screen, the CSV and the XLSX are all drawn from
the same tables, so an export always carries exactly the figures on the screen. Figures
come from ``EnrollmentProgress`` and ``PracticeErrorTally`` (kept up to date on each
write), so a province report never scans the event log.
"""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, QuerySet, Sum
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from sandbox.errors import MESSAGES as ERROR_MESSAGES
from sandbox.errors import STEPS

from . import skill_check_figures, timing_figures
from .models import (
    AdministrativeUnit,
    Enrollment,
    OrganisingUnit,
    PracticeErrorTally,
    TrainingClass,
)
from .report_tables import Report, Table

ACTIVE_DAYS = 30
COUNTS = (
    "enrolled",
    "attended",
    "active",
    "completed",
    "practised",
    "submitted",
    "reached",
    "alone",
)


def figure_columns() -> list[tuple[str, str]]:
    """The figures of every report, with their headings in the user's language."""
    return [
        ("enrolled", _("Enrolled")),
        ("attended", _("Attended")),
        ("active", _("Active in the last %(days)s days") % {"days": ACTIVE_DAYS}),
        ("completed", pgettext("report heading", "Completed")),
        ("rate", _("Completion rate (%)")),
        ("median_days", _("Median days to complete")),
        ("practised", _("Practised on their own")),
        ("submitted", _("Submitted a real application")),
    ]


def commune_ids_under(unit: AdministrativeUnit) -> list[int]:
    """The communes of a province (through a legacy district level if recorded)."""
    if unit.level == AdministrativeUnit.Level.COMMUNE:
        return [unit.pk]
    frontier, communes = {unit.pk}, []
    while frontier:
        children = list(
            AdministrativeUnit.objects.filter(parent_id__in=frontier).values_list("id", "level")
        )
        communes += [pk for pk, level in children if level == AdministrativeUnit.Level.COMMUNE]
        frontier = {
            pk for pk, level in children if level == AdministrativeUnit.Level.DISTRICT_LEGACY
        }
    return communes


def _figures(
    enrollments: QuerySet[Enrollment], group: str, now: datetime.datetime
) -> tuple[dict[Any, dict[str, Any]], list[float]]:
    """{group value: figures} over the enrolments, in one grouped query plus one for
    the completion times."""
    since = now - datetime.timedelta(days=ACTIVE_DAYS)
    grouped = enrollments.values(group).annotate(
        enrolled=Count("pk"),
        attended=Count("pk", filter=Q(progress__sessions_attended__gt=0)),
        active=Count("pk", filter=Q(progress__last_active_at__gte=since)),
        completed=Count("pk", filter=Q(progress__completed_at__isnull=False)),
        practised=Count("pk", filter=Q(progress__practised_at__isnull=False)),
        submitted=Count("pk", filter=Q(progress__real_submission_at__isnull=False)),
        reached=Count("pk", filter=Q(progress__followed_up_at__isnull=False)),
        alone=Count("pk", filter=Q(progress__follow_up_outcome="alone")),
    )
    figures = {row.pop(group): row for row in grouped}
    # The database subtracts: reading two timestamps a row in Python cost more than
    # the whole grouped query on a province.
    took = ExpressionWrapper(
        F("progress__completed_at") - F("created_at"), output_field=DurationField()
    )
    durations = defaultdict(list)
    for key, duration in (
        enrollments.filter(progress__completed_at__isnull=False).order_by().values_list(group, took)
    ):
        durations[key].append(duration.total_seconds() / 86400)
    everything = []
    for key, row in figures.items():
        _rates(row, durations.get(key, []))
        everything += durations.get(key, [])
    return figures, everything


def _rates(row: dict[str, Any], durations: Sequence[float]) -> None:
    row["rate"] = round(100 * row["completed"] / row["enrolled"], 1) if row["enrolled"] else 0.0
    row["median_days"] = round(statistics.median(durations), 1) if durations else None


def _total(
    rows: Iterable[dict[str, Any]], durations: Sequence[float], label: str | None = None
) -> dict[str, Any]:
    total = {"name": _("Total") if label is None else label}
    for key in COUNTS:
        total[key] = sum(row.get(key) or 0 for row in rows)
    _rates(total, durations)
    return total


def _figures_table(
    key: str, title: str, first_label: str, rows: list[dict[str, Any]], durations: list[float]
) -> Table:
    return Table(
        key=key,
        title=title,
        columns=[("name", first_label), *figure_columns()],
        rows=rows,
        total=_total(rows, durations),
        chart="rate",
    )


def _errors_table(classes: QuerySet[TrainingClass]) -> Table:
    tallies = (
        PracticeErrorTally.objects.filter(training_class__in=classes)
        .values("step", "error_code")
        .annotate(times=Sum("count"))
        .order_by("-times", "step", "error_code")[:10]
    )
    rows = [
        {
            "step": STEPS.get(t["step"], t["step"]),
            "error": ERROR_MESSAGES.get(t["error_code"], (t["error_code"],))[0],
            "times": t["times"],
        }
        for t in tallies
    ]
    return Table(
        key="loi",
        title=_("The steps and mistakes learners meet most on the practice site"),
        columns=[("step", _("Step")), ("error", _("Mistake")), ("times", _("Times"))],
        rows=rows,
        chart="times",
    )


def _funnel_table(total: dict[str, Any]) -> Table:
    enrolled = total["enrolled"] or 0
    stages = [
        (_("Enrolled in a class"), enrolled),
        (_("Attended (present at 1 session or more)"), total["attended"]),
        (_("Finished 1 exercise or more on their own"), total["practised"]),
        (_("Submitted a real application online"), total["submitted"]),
        (_("Reached by the one-month call"), total["reached"]),
        (_("Said at the call they submitted online on their own"), total["alone"]),
    ]
    rows = [
        {
            "stage": label,
            "people": count,
            "share": round(100 * count / enrolled, 1) if enrolled else 0.0,
        }
        for label, count in stages
    ]
    return Table(
        key="pheu",
        title=_("From the class to a real application"),
        columns=[
            ("stage", _("Stage")),
            ("people", _("People")),
            ("share", _("Share of those enrolled (%)")),
        ],
        rows=rows,
        chart="share",
    )


def _report(
    title: str,
    classes: QuerySet[TrainingClass],
    figures_table: Table,
    timing_table: Table,
    *extra: Table,
) -> Report:
    return {
        "title": title,
        "tables": [
            figures_table,
            _funnel_table(figures_table.total),
            timing_table,
            *extra,
            _errors_table(classes),
        ],
    }


def unit_report(unit: AdministrativeUnit, *, now: datetime.datetime) -> Report:
    """A province (rows: communes) or a commune (rows: organising units)."""
    communes = commune_ids_under(unit)
    classes = TrainingClass.objects.filter(commune_id__in=communes)
    enrollments = Enrollment.objects.filter(training_class__commune_id__in=communes)
    if unit.level == AdministrativeUnit.Level.COMMUNE:
        group = "training_class__organiser_id"
        figures, durations = _figures(enrollments, group, now)
        names = OrganisingUnit.objects.in_bulk(list(figures))
        rows = [
            {"name": str(names[pk]), "key": pk, "link": ("organiser", pk), **row}
            for pk, row in figures.items()
        ]
        first = _("Class organising unit")
        title = _("Results by class organising unit")
    else:
        group = "training_class__commune_id"
        figures, durations = _figures(enrollments, group, now)
        names = dict(AdministrativeUnit.objects.filter(pk__in=communes).values_list("pk", "name"))
        rows = [
            {"name": names[pk], "key": pk, "link": ("unit", pk), **figures.get(pk, _empty())}
            for pk in communes
        ]
        first = _("Commune, ward or special zone")
        title = _("Results by commune, ward or special zone")
    rows.sort(key=lambda r: r["name"])
    table = _figures_table("chinh", title, first, rows, durations)
    timing = timing_figures.timing_table(enrollments, group, rows, first)
    gain = skill_check_figures.gain_table(enrollments, group, rows, first)
    return _report(str(unit), classes, table, timing, gain)


def organiser_report(
    organiser: OrganisingUnit,
    *,
    now: datetime.datetime,
    commune_ids: Iterable[int] | None = None,
) -> Report:
    """An organising unit's classes; ``commune_ids`` limits them to a manager's scope (a
    youth union may also run classes in a commune its manager does not answer for)."""
    classes = TrainingClass.objects.filter(organiser=organiser)
    if commune_ids is not None:
        classes = classes.filter(commune_id__in=commune_ids)
    enrollments = Enrollment.objects.filter(training_class__in=classes)
    figures, durations = _figures(enrollments, "training_class_id", now)
    rows = [
        {"name": c.name, "key": c.pk, "link": ("class", c.pk), **figures.get(c.pk, _empty())}
        for c in classes.order_by("name")
    ]
    table = _figures_table("chinh", _("Results by class"), _("Class"), rows, durations)
    timing = timing_figures.timing_table(enrollments, "training_class_id", rows, _("Class"))
    gain = skill_check_figures.gain_table(enrollments, "training_class_id", rows, _("Class"))
    return _report(str(organiser), classes, table, timing, gain)


def class_report(training_class: TrainingClass, *, now: datetime.datetime) -> Report:
    classes = TrainingClass.objects.filter(pk=training_class.pk)
    enrollments = training_class.enrollments.all()
    figures, durations = _figures(enrollments, "training_class_id", now)
    row = {
        "name": training_class.name,
        "key": training_class.pk,
        **figures.get(training_class.pk, _empty()),
    }
    table = _figures_table("chinh", _("Results of the class"), _("Class"), [row], durations)
    timing = timing_figures.timing_table(enrollments, "training_class_id", [row], _("Class"))
    return _report(
        training_class.name,
        classes,
        table,
        timing,
        timing_figures.learner_timing_table(training_class),
        skill_check_figures.gain_table(enrollments, "training_class_id", [row], _("Class")),
        skill_check_figures.learner_gain_table(training_class),
    )


def _empty() -> dict[str, Any]:
    row = dict.fromkeys(COUNTS, 0)
    _rates(row, [])
    return row
