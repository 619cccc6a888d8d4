"""Scoring an answer sheet: pure functions, no database, so a pre-test, a post-test and
a report can all score the same way.

``answers`` maps a question's ``pk`` to the letter picked ("a"–"d"). A practical question
counts as right only if its exercise's slug is in ``practical_done``: the caller decides
what "done" means (finished without the guide, inside the check's time window).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from home.skills import skill_position

# The values of ``SkillQuestion.Kind``, repeated so scoring imports no model.
PRACTICAL = "practical"


class ScorableQuestion(Protocol):
    """What scoring reads of a question; ``SkillQuestion`` has it, and so can a test."""

    pk: Hashable
    skill: str
    kind: str
    correct_choice: str

    @property
    def exercise_slug(self) -> str: ...


@dataclass(frozen=True)
class SkillTally:
    right: int
    asked: int


@dataclass(frozen=True)
class SkillsResult:
    right: int
    asked: int
    percent: int
    # Skills in framework order, each with how many of its questions were right.
    per_skill: dict[str, SkillTally] = field(default_factory=dict)


def _percent(right: int, asked: int) -> int:
    # Rounded half up, not to even: 2 right of 8 is 25 %, 1 of 8 shows as 13 %, not 12.
    return (200 * right + asked) // (2 * asked) if asked else 0


def _is_right(
    question: ScorableQuestion, answers: Mapping[Hashable, str], practical_done: set[str]
) -> bool:
    if question.kind == PRACTICAL:
        return bool(question.exercise_slug) and question.exercise_slug in practical_done
    picked = (answers.get(question.pk) or "").strip().lower()
    return bool(question.correct_choice) and picked == question.correct_choice


def score_answers(
    questions: Iterable[ScorableQuestion],
    answers: Mapping[Hashable, str],
    practical_done: set[str],
) -> SkillsResult:
    """Score the sheet: every question given was asked, an unanswered one is wrong."""
    tallies: dict[str, list[int]] = {}
    for question in questions:
        tally = tallies.setdefault(question.skill, [0, 0])
        tally[1] += 1
        tally[0] += _is_right(question, answers, practical_done)
    per_skill = {
        key: SkillTally(right=tallies[key][0], asked=tallies[key][1])
        for key in sorted(tallies, key=lambda key: (skill_position(key), key))
    }
    right = sum(tally.right for tally in per_skill.values())
    asked = sum(tally.asked for tally in per_skill.values())
    return SkillsResult(
        right=right, asked=asked, percent=_percent(right, asked), per_skill=per_skill
    )


def mastered_skills(result: SkillsResult, threshold: float = 1.0) -> tuple[str, ...]:
    """The skills whose share of right answers reaches ``threshold`` (all right by
    default), in framework order: what a learner may test out of."""
    return tuple(
        key
        for key, tally in result.per_skill.items()
        if tally.asked and tally.right >= threshold * tally.asked
    )
