"""Loads the demo catalogue and courses. Idempotent: a second run changes nothing unless
``update=True``, which rewrites the demo pages from the data files.

Courses name sandbox exercises, and the sandbox sits above this app: the caller
(``training.demo_site``) seeds the sandbox between the two and passes the lookup in."""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page
from wagtail.rich_text import RichText

from home.services import home_page_ensure

from ..models import (
    CourseIndexPage,
    CoursePage,
    LifeEvent,
    ProcedureIndexPage,
    ProcedurePage,
    Sector,
)
from .courses import COURSES
from .practice_scripts import PRACTICE_SCRIPTS
from .procedures import LIFE_EVENTS, PROCEDURES, SECTORS
from .screens import phone_screen_png, practice_form_pdf

DEMO_COLLECTION = "Dữ liệu mẫu"


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)  # page slugs
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    sandbox_written: int = 0


def _collection() -> Collection:
    existing = Collection.objects.filter(name=DEMO_COLLECTION).first()
    return existing or Collection.get_first_root_node().add_child(name=DEMO_COLLECTION)


def _screenshot(procedure_slug: str, number: int, screen: dict[str, Any]) -> Any:
    Image = get_image_model()
    title = f"{procedure_slug} · bước {number}"
    image = Image.objects.filter(title=title).first()
    if image is None:
        png = phone_screen_png(step_number=number, **screen)
        image = Image(
            title=title,
            collection=_collection(),
            file=ImageFile(io.BytesIO(png), name=f"{procedure_slug}-buoc-{number}.png"),
        )
        image.save()
    return image


def _form_document(procedure: dict[str, Any], form_title: str) -> Any:
    Document = get_document_model()
    document = Document.objects.filter(title=form_title).first()
    if document is None:
        pdf = practice_form_pdf(title=form_title, procedure_title=procedure["title"])
        document = Document(title=form_title, collection=_collection())
        document.file.save(f"{procedure['slug']}-to-khai.pdf", ContentFile(pdf), save=False)
        document.save()
    return document


def _procedure_fields(data: dict[str, Any]) -> dict[str, Any]:
    scripts = PRACTICE_SCRIPTS.get(data["slug"], [])
    steps = [
        (
            "step",
            {
                "title": step["title"],
                "instruction": step["instruction"],
                "screenshot": _screenshot(data["slug"], number, step["screen"]),
                "screenshot_alt": f"{step['screen']['heading']}: "
                + ", ".join(step["screen"]["fields"]),
                "tips": step["tips"],
                "common_mistakes": step["mistakes"],
                "practice_script": scripts[number - 1] if number <= len(scripts) else [],
            },
        )
        for number, step in enumerate(data["steps"], start=1)
    ]
    channels = [
        ("channel", {**channel, "time_limit_value": Decimal(str(channel["time_limit_value"]))})
        for channel in data["channels"]
    ]
    documents = [
        (
            "document",
            {
                "name": document["name"],
                "quantity": document["quantity"],
                "required": document["required"],
                "lookup_from_database": document["lookup_from_database"],
                "note": document["note"],
                "form": _form_document(data, document["form_title"])
                if document["form_title"]
                else None,
            },
        )
        for document in data["documents"]
    ]
    legal_basis = [
        (
            "legal_document",
            {
                "number": item["number"],
                "title": item["title"],
                "issued_on": datetime.date.fromisoformat(item["date"]) if item["date"] else None,
            },
        )
        for item in data["legal_basis"]
    ]
    return {
        "title": data["title"],
        "code": data["code"],
        "sector": Sector.objects.get(slug=data["sector"]),
        "agency_level": data["agency_level"],
        "implementing_agency": data["agency"],
        "online_level": data["online_level"],
        "summary": data["summary"],
        "audience": data["audience"],
        "result": data["result"],
        "conditions": f"<p>{data['conditions']}</p>" if data["conditions"] else "",
        "search_keywords": ", ".join(data["keywords"]),
        "channels": channels,
        "documents": documents,
        "legal_basis": legal_basis,
        "steps": steps,
    }


def _questions(lesson: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "question": q["question"],
            "choices": q["choices"],
            "answer": q["answer"],
            "explanation": q.get("explanation", ""),
        }
        for q in lesson.get("questions", [])
    ]


def _course_fields(data: dict[str, Any], exercise_for: Callable[[str], Any]) -> dict[str, Any]:
    lessons = []
    for lesson in data["lessons"]:
        if lesson["type"] == "procedure":
            procedure = ProcedurePage.objects.get(slug=lesson["procedure"])
            lessons.append(
                (
                    "procedure_lesson",
                    {
                        "procedure": procedure,
                        "note": lesson["note"],
                        "questions": _questions(lesson),
                        "skills": lesson.get("skills", []),
                    },
                )
            )
        elif lesson["type"] == "practice":
            exercise = exercise_for(lesson["exercise"])
            lessons.append(
                (
                    "practice_lesson",
                    {
                        "exercise": exercise,
                        "note": lesson["note"],
                        "skills": lesson.get("skills", []),
                    },
                )
            )
        else:
            lessons.append(
                (
                    "text_lesson",
                    {
                        "title": lesson["title"],
                        "body": RichText(lesson["body"]),
                        "questions": _questions(lesson),
                        "skills": lesson.get("skills", []),
                    },
                )
            )
    return {
        "title": data["title"],
        "audience": data["audience"],
        "allow_guided_practice": data.get("allow_guided_practice", False),
        "intro": data["intro"],
        "duration_minutes": data["duration_minutes"],
        "completion_note": data["completion_note"],
        "lessons": lessons,
    }


def _child_page(
    parent: Page,
    page_class: type[Page],
    slug: str,
    build_fields: Callable[[], dict[str, Any]],
    *,
    update: bool,
    report: SeedReport,
    extra: Callable[[Page], None] | None = None,
) -> Page:
    """Create the child page at ``slug`` or, with ``update``, rewrite and republish it.

    ``build_fields`` is called only when the page is written, so an unchanged second run
    draws no screenshots and reads no data files' references."""
    page = page_class.objects.child_of(parent).filter(slug=slug).first()
    if page is not None and not update:
        report.unchanged.append(slug)
        return page
    created = page is None
    fields = build_fields()
    if created:
        page = page_class(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    if extra:
        extra(page)
    page.save_revision().publish()
    (report.created if created else report.updated).append(slug)
    return page


@transaction.atomic
def procedures_demo_seed(*, update: bool = False, report: SeedReport | None = None) -> SeedReport:
    """Create (or with ``update`` refresh) the demo sectors, life events and procedures."""
    report = report or SeedReport()
    for order, sector in enumerate(SECTORS):
        Sector.objects.update_or_create(
            slug=sector["slug"], defaults={"name": sector["name"], "sort_order": order}
        )
    for order, event in enumerate(LIFE_EVENTS):
        LifeEvent.objects.update_or_create(
            slug=event["slug"],
            defaults={
                "name": event["name"],
                "description": event.get("description", ""),
                "sort_order": order,
            },
        )

    catalogue = _child_page(
        home_page_ensure(),
        ProcedureIndexPage,
        "thu-tuc",
        lambda: {
            "title": "Thủ tục hành chính",
            "intro": "Tìm thủ tục theo lĩnh vực, theo việc cần làm hoặc theo cấp cơ quan. "
            "Mỗi thủ tục có các bước làm trực tuyến, giấy tờ cần chuẩn bị, thời hạn và lệ phí.",
        },
        update=update,
        report=report,
    )
    for data in PROCEDURES:
        life_events = list(LifeEvent.objects.filter(slug__in=data["life_events"]))
        _child_page(
            catalogue,
            ProcedurePage,
            data["slug"],
            lambda data=data: _procedure_fields(data),
            update=update,
            report=report,
            extra=lambda page, events=life_events: page.life_events.set(events),
        )
    return report


@transaction.atomic
def courses_demo_seed(
    *,
    exercise_for: Callable[[str], Any],
    update: bool = False,
    report: SeedReport | None = None,
) -> SeedReport:
    """Create (or refresh) the demo courses; ``exercise_for(slug)`` gives the sandbox
    exercise a practice lesson names."""
    report = report or SeedReport()
    course_index = _child_page(
        home_page_ensure(),
        CourseIndexPage,
        "khoa-hoc",
        lambda: {
            "title": "Khóa học",
            "intro": "Lộ trình học cho cán bộ, tập huấn viên và người dân: "
            "học từng thủ tục, rồi thực hành.",
        },
        update=update,
        report=report,
    )
    for data in COURSES:
        _child_page(
            course_index,
            CoursePage,
            data["slug"],
            lambda data=data: _course_fields(data, exercise_for),
            update=update,
            report=report,
        )
    return report
