"""The demo question bank the demo site loads."""

import pytest

from assessments.demo import QUESTIONS, assessments_demo_seed
from assessments.models import SkillQuestion
from home.skills import SKILL_KEYS
from tests.factories import ExerciseFactory

pytestmark = pytest.mark.django_db

PRACTICAL_SLUGS = {q["exercise"] for q in QUESTIONS if q.get("kind") == "practical"}


@pytest.fixture
def exercises():
    return [ExerciseFactory(slug=slug, title=slug) for slug in sorted(PRACTICAL_SLUGS)]


def test_the_demo_bank_has_twenty_valid_questions_across_the_framework(exercises):
    assert assessments_demo_seed() == 20

    questions = list(SkillQuestion.objects.select_related("exercise"))
    assert len(questions) == 20
    assert {q.skill for q in questions} <= SKILL_KEYS
    assert len({q.skill for q in questions}) >= 6
    for question in questions:
        question.full_clean()  # what the editor's form would accept
    practical = [q for q in questions if q.kind == SkillQuestion.Kind.PRACTICAL]
    assert 3 <= len(practical) <= 4
    assert {q.exercise.slug for q in practical} == PRACTICAL_SLUGS


def test_seeding_twice_makes_no_duplicates_and_update_rewrites_texts(exercises):
    assessments_demo_seed()
    question = SkillQuestion.objects.get(slug="khong-doc-otp")
    question.prompt = "Sửa tay"
    question.save()

    assert assessments_demo_seed() == 0
    assert SkillQuestion.objects.count() == 20
    assert SkillQuestion.objects.get(slug="khong-doc-otp").prompt == "Sửa tay"

    assert assessments_demo_seed(update=True) == 20
    assert SkillQuestion.objects.count() == 20
    rewritten = SkillQuestion.objects.get(slug="khong-doc-otp").prompt
    assert rewritten != "Sửa tay" and "OTP" in rewritten


def test_practical_questions_are_skipped_when_their_exercise_is_missing():
    assert assessments_demo_seed() == 20 - len(PRACTICAL_SLUGS)
    assert not SkillQuestion.objects.filter(kind=SkillQuestion.Kind.PRACTICAL).exists()


def test_the_sandbox_demo_has_every_exercise_the_bank_names():
    from sandbox.demo.exercises import EXERCISES

    assert PRACTICAL_SLUGS <= {exercise["slug"] for exercise in EXERCISES}


def test_the_demo_site_loads_the_whole_bank_linked_to_its_exercises(demo_site):
    practical = SkillQuestion.objects.filter(kind=SkillQuestion.Kind.PRACTICAL)
    assert SkillQuestion.objects.count() == 20
    assert {q.exercise.slug for q in practical.select_related("exercise")} == PRACTICAL_SLUGS
