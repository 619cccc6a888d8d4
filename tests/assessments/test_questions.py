"""What an editor may save as a skills-check question, and which questions a check asks."""

import pytest

from django.core.exceptions import ValidationError

from assessments.models import SkillQuestion
from assessments.selectors import check_questions
from home.skills import SKILL_KEYS, SKILLS, skill_choices
from tests.factories import ExerciseFactory, SkillQuestionFactory

pytestmark = pytest.mark.django_db


def test_a_choice_question_with_two_choices_and_a_right_one_is_valid():
    SkillQuestionFactory.build().full_clean()


def test_a_choice_question_needs_two_choices():
    question = SkillQuestionFactory.build(choice_b="  ", correct_choice="a")
    with pytest.raises(ValidationError) as error:
        question.full_clean()
    assert "choice_b" in error.value.message_dict


def test_the_right_answer_must_be_one_of_the_choices_given():
    question = SkillQuestionFactory.build(correct_choice="c")
    with pytest.raises(ValidationError) as error:
        question.full_clean()
    assert "correct_choice" in error.value.message_dict
    with pytest.raises(ValidationError):
        SkillQuestionFactory.build(correct_choice="").full_clean()


def test_a_practical_question_needs_an_exercise():
    question = SkillQuestionFactory.build(kind="practical", choice_a="", choice_b="")
    with pytest.raises(ValidationError) as error:
        question.full_clean()
    assert "exercise" in error.value.message_dict
    question.exercise = ExerciseFactory()
    question.full_clean()


def test_the_skill_must_be_one_of_the_framework():
    with pytest.raises(ValidationError) as error:
        SkillQuestionFactory.build(skill="khong-co").full_clean()
    assert "skill" in error.value.message_dict


def test_skill_keys_are_unique_and_grouped_by_area_for_the_editor():
    assert len(SKILL_KEYS) == len(SKILLS)
    grouped = [key for _area, options in skill_choices() for key, _name in options]
    assert sorted(grouped) == sorted(SKILL_KEYS)


def test_editing_a_question_keeps_its_history():
    question = SkillQuestionFactory()
    question.correct_choice = "a"
    question.save()
    assert [row.correct_choice for row in question.history.order_by("history_date")] == ["b", "a"]


def test_check_questions_are_the_active_ones_in_a_stable_order():
    later = SkillQuestionFactory(slug="sau", sort_order=20)
    first = SkillQuestionFactory(slug="truoc", sort_order=10)
    SkillQuestionFactory(slug="tat", sort_order=5, is_active=False)
    orphan = SkillQuestionFactory(
        slug="mat-bai-tap", kind="practical", exercise=ExerciseFactory(), sort_order=1
    )
    orphan.exercise.delete()  # the question stays, without its exercise

    assert check_questions() == [first, later]
    assert SkillQuestion.objects.filter(slug="mat-bai-tap").exists()


def test_check_questions_can_take_a_few_of_each_skill():
    a1 = SkillQuestionFactory(skill="safety.accounts", sort_order=1)
    SkillQuestionFactory(skill="safety.accounts", sort_order=2)
    s1 = SkillQuestionFactory(skill="safety.scams", sort_order=3)
    a3 = SkillQuestionFactory(skill="safety.accounts", sort_order=0)

    assert check_questions(limit_per_skill=1) == [a3, s1]
    assert len(check_questions(limit_per_skill=2)) == 3
    assert a1 in check_questions(limit_per_skill=2)
