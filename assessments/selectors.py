"""Reads of the question bank for the skills checks built on it."""

from __future__ import annotations

from collections import Counter

from .models import SkillQuestion


def check_questions(*, limit_per_skill: int | None = None) -> list[SkillQuestion]:
    """The active questions in a stable order (the editor's ``sort_order``, then age),
    each with its exercise; with ``limit_per_skill`` only the first that many of each
    skill, so a short check still covers every skill."""
    questions = (
        SkillQuestion.objects.active().select_related("exercise").order_by("sort_order", "pk")
    )
    if limit_per_skill is None:
        return list(questions)
    taken: Counter[str] = Counter()
    picked = []
    for question in questions:
        if taken[question.skill] < limit_per_skill:
            taken[question.skill] += 1
            picked.append(question)
    return picked
