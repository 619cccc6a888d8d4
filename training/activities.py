"""What a course asks of a learner, read from its lessons, and the rule in words.

The same ``completion_rule`` text is shown to the learner on their course page and to the
trainer on the class page and board, so both read one rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from courses.render_models import TutorialRender

if TYPE_CHECKING:
    from wagtail.blocks import StreamValue

    from courses.models import CoursePage

VIDEO_WATCHED_SHARE = 0.9


@dataclass(frozen=True)
class Activity:
    key: str
    kind: str  # video, read, quiz, exercise (ProgressEvent.Kind, with "practice" for exercise)
    title: str
    lesson_id: str
    url: str = ""
    exercise_slug: str = ""


def _questions(block: StreamValue.StreamChild) -> list[dict[str, Any]]:
    return list(block.value.get("questions") or [])


def course_activities(course: CoursePage | None) -> list[Activity]:
    """Every activity of the course, in lesson order. A procedure lesson counts by its
    tutorial video when one is ready, otherwise by reading the procedure page."""
    if course is None:
        return []
    lessons = list(course.specific.lessons)
    procedure_ids = [
        b.value["procedure"].pk
        for b in lessons
        if b.block_type == "procedure_lesson" and b.value.get("procedure")
    ]
    with_video = set(
        TutorialRender.objects.filter(
            procedure_id__in=procedure_ids, step_key="", status=TutorialRender.Status.DONE
        ).values_list("procedure_id", flat=True)
    )
    activities = []
    for block in lessons:
        value = block.value
        if block.block_type == "procedure_lesson" and value.get("procedure"):
            procedure = value["procedure"]
            if procedure.pk in with_video:
                activities.append(
                    Activity(
                        f"video:{procedure.pk}",
                        "video",
                        f"Xem video: {procedure.title}",
                        block.id,
                        procedure.url or "",
                    )
                )
            else:
                activities.append(
                    Activity(
                        f"read:{block.id}",
                        "read",
                        f"Đọc: {procedure.title}",
                        block.id,
                        procedure.url or "",
                    )
                )
        elif block.block_type == "text_lesson":
            activities.append(
                Activity(f"read:{block.id}", "read", f"Đọc: {value['title']}", block.id)
            )
        elif block.block_type == "practice_lesson" and value.get("exercise"):
            exercise = value["exercise"]
            activities.append(
                Activity(
                    f"exercise:{exercise.slug}",
                    "exercise",
                    f"Thực hành: {exercise.title}",
                    block.id,
                    exercise_slug=exercise.slug,
                )
            )
        if _questions(block):
            title = (
                value["title"]
                if block.block_type == "text_lesson"
                else (value["procedure"].title if value.get("procedure") else "")
            )
            activities.append(Activity(f"quiz:{block.id}", "quiz", f"Kiểm tra: {title}", block.id))
    return activities


def lesson_questions(course: CoursePage | None, lesson_id: str) -> list[dict[str, Any]]:
    if course is None:
        return []
    for block in course.specific.lessons:
        if block.id == lesson_id:
            return _questions(block)
    return []


def completion_rule(course: CoursePage | None) -> str:
    """The course's completion rule in one Vietnamese sentence."""
    activities = course_activities(course)
    if not activities:
        return "Khóa học chưa có bài nào để tính hoàn thành."
    count = {
        kind: sum(a.kind == kind for a in activities)
        for kind in ("video", "read", "quiz", "exercise")
    }
    parts = []
    if count["video"]:
        parts.append(
            f"xem {count['video']} video hướng dẫn, mỗi video ít nhất 90% thời lượng "
            "(tua qua không được tính)"
        )
    if count["read"]:
        parts.append(f"đọc {count['read']} bài và bấm “Tôi đã đọc xong”")
    if count["quiz"]:
        parts.append(f"trả lời đúng hết câu hỏi của {count['quiz']} bài kiểm tra (làm lại được)")
    if count["exercise"]:
        mode = (
            "ở chế độ tự làm hoặc có hướng dẫn"
            if course.specific.allow_guided_practice
            else "ở chế độ tự làm (không tính chế độ có hướng dẫn)"
        )
        parts.append(f"làm xong {count['exercise']} bài thực hành trên trang luyện tập {mode}")
    return "Để hoàn thành khóa học, bạn cần " + "; ".join(parts) + "."
