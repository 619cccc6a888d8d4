"""A small course with one of each activity: a procedure video, a reading with a
knowledge check, and a sandbox exercise; a class for it; learners who joined. The
helpers (join, practise, lesson_id…) are in tests/helpers.py."""

import pytest

from courses.models.renders import TutorialRender
from home import roles
from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    ExerciseFactory,
    ProcedurePageFactory,
    user_with,
)
from tests.helpers import QUESTIONS, join
from training.demo import training_demo_seed
from training.models import AdministrativeUnit, OrganisingUnit
from training.services import classes as services


@pytest.fixture
def units(db):
    training_demo_seed()
    return (
        AdministrativeUnit.objects.get(level="xa"),
        OrganisingUnit.objects.get(kind="chi_doan"),
    )


@pytest.fixture
def trainer(db):
    return user_with(roles.TRAINER, "taphuan")


@pytest.fixture
def exercise(db):
    return ExerciseFactory()


@pytest.fixture
def procedure(catalogue):
    page = ProcedurePageFactory(parent=catalogue, slug="dang-ky-khai-sinh")
    TutorialRender.objects.create(
        procedure=page, step_key="", content_hash="h", status="done", duration=20.0
    )
    return page


@pytest.fixture
def course(home_page, procedure, exercise):
    index = CourseIndexPageFactory(parent=home_page)
    return CoursePageFactory(
        parent=index,
        slug="lan-dau",
        allow_guided_practice=False,
        lessons=[
            ("procedure_lesson", {"procedure": procedure, "note": "", "questions": []}),
            (
                "text_lesson",
                {
                    "title": "Giữ an toàn thông tin",
                    "body": "<p>Không đọc OTP.</p>",
                    "questions": QUESTIONS,
                },
            ),
            ("practice_lesson", {"exercise": exercise, "note": ""}),
        ],
    )


@pytest.fixture
def training_class(trainer, units, course):
    commune, organiser = units
    return services.class_open(
        trainer=trainer,
        name="Lớp ấp Tân Lập",
        organiser=organiser,
        commune=commune,
        audience="cong_dan",
        course=course,
    )


@pytest.fixture
def enrollment(training_class):
    return join(training_class)
