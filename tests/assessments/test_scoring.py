"""Scoring an answer sheet, with plain objects: no database needed."""

from dataclasses import dataclass

from assessments.scoring import SkillTally, mastered_skills, score_answers


@dataclass
class Question:
    pk: int
    skill: str
    kind: str = "choice"
    correct_choice: str = "b"
    exercise_slug: str = ""


SHEET = [
    Question(1, "safety.accounts"),
    Question(2, "safety.accounts", correct_choice="a"),
    Question(3, "public_services.track", correct_choice="c"),
    Question(
        4, "public_services.track", kind="practical", correct_choice="", exercise_slug="bo-sung"
    ),
    Question(5, "information.evaluate", correct_choice="d"),
]


def test_counts_right_answers_overall_and_per_skill():
    result = score_answers(SHEET, {1: "b", 2: "c", 3: "c", 5: "D "}, practical_done={"bo-sung"})

    assert (result.right, result.asked, result.percent) == (4, 5, 80)
    assert result.per_skill == {
        "information.evaluate": SkillTally(right=1, asked=1),
        "safety.accounts": SkillTally(right=1, asked=2),
        "public_services.track": SkillTally(right=2, asked=2),
    }
    # Framework order, whatever order the sheet asked them in.
    assert list(result.per_skill) == [
        "information.evaluate",
        "safety.accounts",
        "public_services.track",
    ]


def test_a_practical_item_counts_only_when_its_exercise_was_done():
    answers = {4: "a"}  # a letter for a practical item earns nothing
    assert score_answers(SHEET, answers, practical_done=set()).per_skill[
        "public_services.track"
    ] == SkillTally(right=0, asked=2)
    assert score_answers(SHEET, answers, practical_done={"tao-tai-khoan"}).right == 0
    assert score_answers(SHEET, answers, practical_done={"bo-sung"}).right == 1


def test_unanswered_questions_are_asked_and_wrong():
    result = score_answers(SHEET, {}, practical_done=set())
    assert (result.right, result.asked, result.percent) == (0, 5, 0)
    assert mastered_skills(result) == ()


def test_an_empty_sheet_scores_nothing_without_dividing_by_zero():
    result = score_answers([], {}, practical_done=set())
    assert (result.right, result.asked, result.percent, result.per_skill) == (0, 0, 0, {})
    assert mastered_skills(result) == ()


def test_percent_rounds_half_up():
    sheet = [Question(n, "safety.accounts") for n in range(8)]
    assert score_answers(sheet, {0: "b"}, practical_done=set()).percent == 13


def test_mastered_skills_are_those_answered_all_right_unless_told_otherwise():
    result = score_answers(SHEET, {1: "b", 3: "c", 5: "d"}, practical_done={"bo-sung"})

    assert mastered_skills(result) == ("information.evaluate", "public_services.track")
    assert mastered_skills(result, threshold=0.5) == (
        "information.evaluate",
        "safety.accounts",
        "public_services.track",
    )
