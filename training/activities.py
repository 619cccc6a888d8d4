"""What a course asks of a learner, read from its lessons, and the rule in words.

The same ``completion_rule`` text is shown to the learner on their course page and to the
trainer on the class page and board, so both read one rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.models.renders import TutorialRender

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
    # The framework skills its lesson teaches (home.skills): all mastered in the
    # pre-test, the activity may be skipped.
    skills: tuple[str, ...] = ()


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
        skills = tuple(value.get("skills") or ())
        if block.block_type == "procedure_lesson" and value.get("procedure"):
            procedure = value["procedure"]
            if procedure.pk in with_video:
                activities.append(
                    Activity(
                        f"video:{procedure.pk}",
                        "video",
                        _("Watch the video: %(title)s") % {"title": procedure.title},
                        block.id,
                        procedure.url or "",
                        skills=skills,
                    )
                )
            else:
                activities.append(
                    Activity(
                        f"read:{block.id}",
                        "read",
                        _("Read: %(title)s") % {"title": procedure.title},
                        block.id,
                        procedure.url or "",
                        skills=skills,
                    )
                )
        elif block.block_type == "text_lesson":
            activities.append(
                Activity(
                    f"read:{block.id}",
                    "read",
                    _("Read: %(title)s") % {"title": value["title"]},
                    block.id,
                    skills=skills,
                )
            )
        elif block.block_type == "practice_lesson" and value.get("exercise"):
            exercise = value["exercise"]
            activities.append(
                Activity(
                    f"exercise:{exercise.slug}",
                    "exercise",
                    _("Practice: %(title)s") % {"title": exercise.title},
                    block.id,
                    exercise_slug=exercise.slug,
                    skills=skills,
                )
            )
        if _questions(block):
            title = (
                value["title"]
                if block.block_type == "text_lesson"
                else (value["procedure"].title if value.get("procedure") else "")
            )
            activities.append(
                Activity(
                    f"quiz:{block.id}",
                    "quiz",
                    _("Knowledge check: %(title)s") % {"title": title},
                    block.id,
                    skills=skills,
                )
            )
    return activities


def lesson_questions(course: CoursePage | None, lesson_id: str) -> list[dict[str, Any]]:
    if course is None:
        return []
    for block in course.specific.lessons:
        if block.id == lesson_id:
            return _questions(block)
    return []


def completion_rule(course: CoursePage | None) -> str:
    """The course's completion rule in one sentence."""
    activities = course_activities(course)
    if not activities:
        return _("The course has no activity yet to count towards finishing it.")
    count = {
        kind: sum(a.kind == kind for a in activities)
        for kind in ("video", "read", "quiz", "exercise")
    }
    parts = []
    if count["video"]:
        parts.append(
            ngettext(
                "watch %(count)s tutorial video for at least 90%% of its length "
                "(skipping ahead does not count)",
                "watch %(count)s tutorial videos, each for at least 90%% of its length "
                "(skipping ahead does not count)",
                count["video"],
            )
            % {"count": count["video"]}
        )
    if count["read"]:
        parts.append(
            ngettext(
                "read %(count)s lesson and press “I have finished reading”",
                "read %(count)s lessons and press “I have finished reading”",
                count["read"],
            )
            % {"count": count["read"]}
        )
    if count["quiz"]:
        parts.append(
            ngettext(
                "answer every question of %(count)s knowledge check right (you may try again)",
                "answer every question of %(count)s knowledge checks right (you may try again)",
                count["quiz"],
            )
            % {"count": count["quiz"]}
        )
    if count["exercise"]:
        mode = (
            _("on your own or with the guide")
            if course.specific.allow_guided_practice
            else _("on your own (the guided mode does not count)")
        )
        parts.append(
            ngettext(
                "finish %(count)s exercise on the practice site %(mode)s",
                "finish %(count)s exercises on the practice site %(mode)s",
                count["exercise"],
            )
            % {"count": count["exercise"], "mode": mode}
        )
    return _("To finish the course, you need to %(requirements)s.") % {
        "requirements": "; ".join(parts)
    }
