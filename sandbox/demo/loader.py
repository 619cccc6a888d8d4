"""Loads the sandbox's e-forms, exercises and holidays (idempotent; see seed_demo)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction

from courses.models import ProcedurePage

from ..models import Exercise, Holiday, PracticeForm
from .exercises import EXERCISES
from .forms import PRACTICE_FORMS

# Days off for due dates. Editors keep this table current in the admin each year
# (Tết and Giỗ Tổ follow the lunar calendar and the Government's yearly notice).
HOLIDAYS = [
    ("2026-01-01", "Tết Dương lịch"),
    *[(f"2026-02-{day}", "Tết Nguyên đán") for day in ("16", "17", "18", "19", "20")],
    ("2026-04-27", "Giỗ Tổ Hùng Vương (nghỉ bù)"),
    ("2026-04-30", "Ngày Giải phóng miền Nam"),
    ("2026-05-01", "Ngày Quốc tế Lao động"),
    ("2026-09-01", "Quốc khánh"),
    ("2026-09-02", "Quốc khánh"),
    ("2027-01-01", "Tết Dương lịch"),
    *[(f"2027-02-{day:02d}", "Tết Nguyên đán") for day in range(4, 11) if day not in (6, 7)],
    ("2027-04-16", "Giỗ Tổ Hùng Vương"),
    ("2027-04-30", "Ngày Giải phóng miền Nam"),
    ("2027-05-03", "Ngày Quốc tế Lao động (nghỉ bù)"),
    ("2027-09-02", "Quốc khánh"),
    ("2027-09-03", "Quốc khánh"),
]


def _sections(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (
            "section",
            {"title": section["title"], "fields": [dict(field) for field in section["fields"]]},
        )
        for section in data["sections"]
    ]


@transaction.atomic
def sandbox_demo_seed(*, update: bool = False) -> int:
    """Create what is missing; with ``update`` rewrite forms and exercises from the data."""
    created = 0
    for day, name in HOLIDAYS:
        _holiday, made = Holiday.objects.get_or_create(
            date=datetime.date.fromisoformat(day), defaults={"name": name}
        )
        created += made
    for slug, data in PRACTICE_FORMS.items():
        procedure = ProcedurePage.objects.filter(slug=slug).first()
        if procedure is None:
            continue
        form = PracticeForm.objects.filter(procedure=procedure).first()
        if form is not None and not update:
            continue
        form = form or PracticeForm(procedure=procedure)
        form.sections = _sections(data)
        form.cases = "\n".join(data["cases"])
        form.fee_units_field = data["fee_units_field"]
        form.fee_free_units = data["fee_free_units"]
        form.fee_per_unit = data["fee_per_unit"]
        form.fee_per_unit_label = data["fee_per_unit_label"]
        form.save()
        created += 1
    for data in EXERCISES:
        if Exercise.objects.filter(slug=data["slug"]).exists() and not update:
            continue
        procedure = ProcedurePage.objects.filter(slug=data["procedure"]).first()
        Exercise.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "title": data["title"],
                "audience": data["audience"],
                "kind": data["kind"],
                "procedure": procedure,
                "task": data["task"],
                "goal": data["goal"],
                "sort_order": data["sort_order"],
            },
        )
        created += 1
    return created
