"""A small course with one of each activity: a procedure video, a reading with a
knowledge check, and a sandbox exercise; a class for it; learners who joined."""

import datetime
import uuid

import pytest

from django.contrib.auth.models import Group
from django.utils import timezone

from courses.render_models import TutorialRender
from home import roles
from sandbox.context import PracticeContext
from sandbox.models import Exercise, ExerciseAttempt, PracticeEvent
from sandbox.services.events import practice_event_record
from tests.factories import CourseIndexPageFactory, CoursePageFactory, ProcedurePageFactory
from training import services
from training.demo import training_demo_seed
from training.models import AdministrativeUnit, OrganisingUnit

QUESTIONS = [
    {
        "question": "Có ai được hỏi mã OTP của bạn không?",
        "choices": ["Có, công an", "Không ai cả"],
        "answer": 2,
        "explanation": "Không cơ quan nào hỏi mã OTP.",
    },
    {
        "question": "Trang thật có đuôi gì?",
        "choices": [".gov.vn", ".top"],
        "answer": 1,
        "explanation": "",
    },
]


def role(user, group):
    user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


@pytest.fixture
def units(db):
    training_demo_seed()
    return (
        AdministrativeUnit.objects.get(level="xa"),
        OrganisingUnit.objects.get(kind="chi_doan"),
    )


@pytest.fixture
def trainer(django_user_model):
    return role(django_user_model.objects.create_user("taphuan", password="x"), roles.TRAINER)


@pytest.fixture
def exercise(db):
    return Exercise.objects.create(
        slug="tao-tai-khoan",
        title="Tạo tài khoản và đăng nhập Cổng",
        audience="citizen",
        kind="register",
        task="Tạo tài khoản rồi đăng nhập.",
    )


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


def join(training_class, name="Lê Văn Bảy", user=None):
    enrollment, _password = services.class_join(
        code=training_class.join_code,
        user=user,
        display_name=name,
        birth_year="1958",
        consent=True,
        now=timezone.now(),
    )
    return enrollment


@pytest.fixture
def enrollment(training_class):
    return join(training_class)


def lesson_id(course, block_type):
    return next(b.id for b in course.lessons if b.block_type == block_type)


def practise(user, exercise, *, mode="practice", errors=(), complete=True, step="otp"):
    """Drive the sandbox's single event door the way its services do."""
    ctx = PracticeContext(owner_key=f"u{user.pk}", user=user, mode=mode)
    attempt = ExerciseAttempt.objects.create(
        owner_key=ctx.owner_key, user=user, exercise=exercise, mode=mode
    )
    ctx.attempt = attempt
    practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.EXERCISE_STARTED)
    practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.STEP_ENTERED, step=step)
    for code in errors:
        practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.ERROR, step=step, error_code=code)
    if complete:
        attempt.completed_at = timezone.now()
        attempt.save()
        practice_event_record(
            ctx=ctx, kind=PracticeEvent.Kind.EXERCISE_COMPLETED, attempt=attempt, duration_ms=5000
        )
    return attempt


def ago(minutes):
    return timezone.now() - datetime.timedelta(minutes=minutes)


def uid():
    return uuid.uuid4().hex[:8]
