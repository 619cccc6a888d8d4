"""Reads that span several models, for pages and views."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .models import CoursePage, LifeEvent, ProcedureIndexPage, ProcedurePage, Sector
from .search import query_words, relevance

if TYPE_CHECKING:
    from typing import TypeVar

    from django.db.models import QuerySet

    from wagtail.models import Page

    from .captures import CapturePlan
    from .models.renders import TutorialRender
    from .models.step_captures import StepCapture

    PageT = TypeVar("PageT", bound=Page)


def procedure_catalogue(
    index_page: ProcedureIndexPage,
    *,
    linh_vuc: Sector | None = None,
    su_kien: LifeEvent | None = None,
    cap: str = "",
) -> dict[str, Any]:
    """The catalogue's procedures, narrowed by the chosen sector, life event and level."""
    procedures = (
        ProcedurePage.objects.child_of(index_page)
        .live()
        .select_related("sector")
        .order_by("sector__sort_order", "title")
    )
    if linh_vuc:
        procedures = procedures.filter(sector=linh_vuc)
    if su_kien:
        procedures = procedures.filter(life_events=su_kien)
    if cap:
        procedures = procedures.filter(agency_level=cap)
    return {
        "procedures": procedures,
        "sectors": Sector.objects.all(),
        "life_events": LifeEvent.objects.all(),
        "is_filtered": bool(linh_vuc or su_kien or cap),
    }


def home_page_entry_points() -> dict[str, Any]:
    return {
        "catalogue": ProcedureIndexPage.objects.live().first(),
        "life_events": LifeEvent.objects.all(),
        "courses": CoursePage.objects.live().order_by("path"),
    }


def courses_using_procedure(procedure: ProcedurePage) -> list[CoursePage]:
    """Live courses with a lesson on this procedure (few courses: read in Python)."""
    return [
        course
        for course in CoursePage.objects.live().order_by("path")
        if any(
            lesson.block_type == "procedure_lesson"
            and lesson.value["procedure"]
            and lesson.value["procedure"].pk == procedure.pk
            for lesson in course.lessons
        )
    ]


def _matching(queryset: QuerySet[PageT], words: list[str]) -> list[PageT]:
    """Pages whose folded text has every word at the start of one of its words; if
    none has them all, pages with any of them (a typo in one word still finds something)."""
    every = queryset
    for word in words:
        every = every.filter(search_folded__contains=f" {word}")
    if every.exists():
        return list(every)
    found = {}
    for word in words:
        for page in queryset.filter(search_folded__contains=f" {word}"):
            found[page.pk] = page
    return list(found.values())


def search_catalogue(query: str | None) -> dict[str, Any]:
    """Procedures and courses for a free-text query, best match first.

    Accent-, case- and đ-insensitive, NFC/NFD-agnostic, identical on SQLite and PostgreSQL.
    """
    words = query_words(query)
    if not words:
        return {"procedures": [], "courses": [], "words": words}
    procedures = _matching(ProcedurePage.objects.live().select_related("sector"), words)
    procedures.sort(key=lambda page: -relevance(words, page.title, page.search_keywords))
    courses = _matching(CoursePage.objects.live(), words)
    courses.sort(key=lambda page: -relevance(words, page.title))
    return {"procedures": procedures, "courses": courses, "words": words}


def procedure_videos(page: ProcedurePage) -> dict[str, Any]:
    """What learners see (the newest finished render of the tutorial and of each step)
    and what editors see (the newest render row of each, whatever its state)."""
    from .models.renders import TutorialRender

    rows = list(TutorialRender.objects.filter(procedure=page).order_by("-requested_at"))
    served, latest = {}, {}
    for row in rows:
        latest.setdefault(row.step_key, row)
        if row.status == TutorialRender.Status.DONE:
            served.setdefault(row.step_key, row)
    return {"tutorial": served.get(""), "steps": served, "latest": latest}


def step_pictures(page: ProcedurePage) -> dict[str, StepCapture]:
    """{step key: its newest finished capture} for the step pictures on the page: the
    screens captured from the practice portal replace the uploaded screenshot."""
    from .models.step_captures import StepCapture

    pictures = {}
    done = StepCapture.objects.filter(
        procedure=page, status=StepCapture.Status.DONE, still__isnull=False
    ).select_related("still")
    for capture in done.order_by("-finished_at"):
        pictures.setdefault(capture.step_key, capture)
    return pictures


def render_status(page: ProcedurePage) -> dict[str, Any]:
    """The editor's view of the page's renders, for the admin panel and its polling."""
    from .captures import capture_plan

    videos = procedure_videos(page)
    plan = capture_plan(page)
    titles = {
        block.id: f"Bước {n}: {block.value['title']}" for n, block in enumerate(page.steps, start=1)
    }
    items = []
    for key, title in [("", "Toàn bộ hướng dẫn"), *titles.items()]:
        row = videos["latest"].get(key)
        items.append(
            {
                "key": key,
                "title": title,
                "status": row.status if row else "none",
                "status_label": row.get_status_display() if row else "Chưa dựng",
                "progress": row.progress if row else 0,
                "error": row.error if row else "",
                "serving": bool(videos["steps"].get(key)),
                **_capture_state(plan, key),
            }
        )
    done = sum(1 for item in items if item["status"] == "done")
    return {
        "items": items,
        "percent": round(100 * done / len(items)) if items else 0,
        "tutorial": videos["tutorial"],
        "capture_reason": plan.reason if plan.hashes else "",
        "unscripted": len(titles) - len(plan.hashes),
    }


def _capture_state(plan: CapturePlan, key: str) -> dict[str, str]:
    """How a step's screens stand: captured from the practice portal, or why not."""
    if not key:
        return {"capture": "", "capture_error": ""}
    if key not in plan.hashes:
        return {"capture": "Ảnh minh họa (bước chưa có kịch bản thực hành)", "capture_error": ""}
    for rows, label in (
        (plan.done, "Đã chụp từ môi trường thực hành"),
        (plan.waiting, "Đang chờ chụp màn hình"),
    ):
        if key in rows:
            return {"capture": label, "capture_error": ""}
    if key in plan.failed:
        return {
            "capture": "Lỗi khi chụp: dùng ảnh minh họa",
            "capture_error": plan.failed[key].error,
        }
    if plan.reason:
        return {"capture": "Chưa chụp: dùng ảnh minh họa", "capture_error": ""}
    return {"capture": "Chưa chụp", "capture_error": ""}


def video_chapters(render: TutorialRender | None) -> list[dict[str, Any]]:
    """The chapter list under the player: [{"start": s, "title": …}, …]."""
    from .video.captions import parse_vtt

    if render is None or not render.chapters_vtt:
        return []
    return [{"start": cue.start, "title": cue.text} for cue in parse_vtt(render.chapters_vtt)]
