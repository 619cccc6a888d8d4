"""Factories for tests: realistic Vietnamese data, built with factory_boy and
wagtail-factories rather than fixtures.

Rows a service gives meaning to are made through that service, so a factory can never
build what the platform itself would not: a practice ID card through ``identity_issue``
(a made-up CCCD starting 099), a draft dossier through ``dossier_start``."""

from decimal import Decimal

import factory
import wagtail_factories

from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone

from courses.models import (
    CourseIndexPage,
    CoursePage,
    LifeEvent,
    ProcedureIndexPage,
    ProcedurePage,
    Sector,
)
from home import roles as role_names
from sandbox.context import PracticeContext
from sandbox.models import Exercise, PracticeDossier, PracticeIdentity
from sandbox.services.accounts import identity_issue
from sandbox.services.dossiers import dossier_start
from training.models import (
    AdministrativeUnit,
    Enrollment,
    ManagerScope,
    OrganisingUnit,
    TrainingClass,
)
from training.services.pictures import IssuedPictureCard, picture_cards_issue


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("slug",)

    name = "Hộ tịch"
    slug = "ho-tich"


class LifeEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LifeEvent
        django_get_or_create = ("slug",)

    name = "Có con"
    slug = "co-con"


class ProcedureIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProcedureIndexPage

    title = "Thủ tục hành chính"
    slug = "thu-tuc"


class ProcedurePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProcedurePage
        skip_postgeneration_save = True  # the life_events hook saves when it changes anything

    title = "Đăng ký khai sinh"
    slug = factory.Sequence(lambda n: f"thu-tuc-{n}")
    code = "1.001193"
    sector = factory.SubFactory(SectorFactory)
    agency_level = "xa"
    implementing_agency = "Ủy ban nhân dân cấp xã"
    online_level = "toan_trinh"
    summary = "Đăng ký khai sinh cho trẻ mới sinh."

    @factory.post_generation
    def life_events(self, create, extracted, **kwargs):
        if create and extracted:
            self.life_events.set(extracted)
            self.save()


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseIndexPage

    title = "Khóa học"
    slug = "khoa-hoc"


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = "Tự nộp hồ sơ trực tuyến lần đầu"
    slug = factory.Sequence(lambda n: f"khoa-hoc-{n}")
    audience = "cong_dan"
    intro = "Học từng bước nộp hồ sơ trên cổng dịch vụ công."


def channel(channel="truc_tuyen", value="1", unit="ngay_lam_viec", fee=0, fee_note=""):
    """A raw ChannelBlock value for ProcedurePage.channels."""
    return (
        "channel",
        {
            "channel": channel,
            "time_limit_value": Decimal(value),
            "time_limit_unit": unit,
            "time_limit_note": "",
            "fee": fee,
            "fee_note": fee_note,
            "description": "",
        },
    )


def step(title, instruction="Bấm nút.", tips=(), mistakes=(), script=()):
    """A tutorial step; ``script`` is its practice-portal actions as (action, target[,
    value]) tuples."""
    return (
        "step",
        {
            "title": title,
            "instruction": instruction,
            "screenshot": None,
            "screenshot_alt": "",
            "tips": list(tips),
            "common_mistakes": list(mistakes),
            "practice_script": [practice_action(*action) for action in script],
        },
    )


def practice_action(action, target, value="", picture=False):
    return {"action": action, "target": target, "value": value, "picture": picture}


# --- people and their roles ---------------------------------------------------------


class UserFactory(factory.django.DjangoModelFactory):
    """A platform account; ``UserFactory(roles=[roles.TRAINER])`` puts it in those roles'
    groups (the groups a migration creates)."""

    class Meta:
        model = settings.AUTH_USER_MODEL
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"nguoidung{n:03d}")
    first_name = "Hoa"
    last_name = "Nguyễn Thị"
    password = factory.django.Password("x")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*(Group.objects.get_or_create(name=name)[0] for name in extracted))


def user_with(role, username=None, **fields):
    """The common case in one call: ``user_with(roles.OFFICIAL, "canbo")``."""
    if username is not None:
        fields["username"] = username
    return UserFactory(roles=[role], **fields)


# --- places and classes ---------------------------------------------------------------


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdministrativeUnit

    name = "Tỉnh Phú Thọ"
    level = AdministrativeUnit.Level.PROVINCE
    code = "25"


class CommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdministrativeUnit

    name = factory.Sequence(lambda n: f"Xã Tân Lập {n}")
    level = AdministrativeUnit.Level.COMMUNE
    parent = factory.SubFactory(ProvinceFactory)


class ManagerScopeFactory(factory.django.DjangoModelFactory):
    """A manager's "Phạm vi quản lý": a commune or a province."""

    class Meta:
        model = ManagerScope

    user = factory.SubFactory(UserFactory, roles=[role_names.COMMUNE_MANAGER])
    unit = factory.SubFactory(CommuneFactory)


class OrganisingUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisingUnit

    name = "thôn Đông"
    kind = OrganisingUnit.Kind.YOUTH_UNION
    unit = factory.SubFactory(CommuneFactory)


class TrainingClassFactory(factory.django.DjangoModelFactory):
    """A class in its organiser's commune, run by a trainer (no course unless given)."""

    class Meta:
        model = TrainingClass

    name = factory.Sequence(lambda n: f"Lớp ấp Tân Lập {n}")
    organiser = factory.SubFactory(OrganisingUnitFactory)
    commune = factory.SelfAttribute("organiser.unit")
    audience = TrainingClass.Audience.CITIZENS
    trainer = factory.SubFactory(UserFactory, roles=[role_names.TRAINER])


class EnrollmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrollment

    training_class = factory.SubFactory(TrainingClassFactory)
    learner = factory.SubFactory(UserFactory, roles=[role_names.LEARNER])
    display_name = "Lê Văn Bảy"
    birth_year = 1958
    joined_via = Enrollment.JoinedVia.CODE
    consent_at = factory.LazyFunction(timezone.now)


# --- the practice portal --------------------------------------------------------------


class ExerciseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Exercise
        django_get_or_create = ("slug",)

    slug = "tao-tai-khoan"
    title = "Tạo tài khoản và đăng nhập Cổng"
    audience = Exercise.Audience.CITIZEN
    kind = Exercise.Kind.REGISTER
    task = "Tạo tài khoản rồi đăng nhập."


class PracticeIdentityFactory(factory.Factory):
    """A practice ID card of one learner (``owner_key``), handed out as the portal does."""

    class Meta:
        model = PracticeIdentity

    owner_key = factory.Sequence(lambda n: f"s{n:032x}")
    vneid_level = 2
    web_login_allowed = True
    old_phone = False

    @classmethod
    def _create(cls, model_class, *, owner_key, **kwargs):
        return identity_issue(ctx=PracticeContext(owner_key=owner_key), **kwargs)


class DraftDossierFactory(factory.Factory):
    """A dossier just started (``dossier_start``) by an identity's learner; the
    procedure must be one with a practice e-form. tests/helpers.py's ``dossier_walk``
    takes it further."""

    class Meta:
        model = PracticeDossier

    identity = factory.SubFactory(PracticeIdentityFactory)
    procedure = None
    agency_name = "Ủy ban nhân dân xã Đầm Dơi – tỉnh Cà Mau (luyện tập)"
    case_name = ""
    ctx = None  # the learner's PracticeContext (mode, exercise attempt); a plain one if None

    @classmethod
    def _create(cls, model_class, *, identity, procedure, ctx, **kwargs):
        ctx = ctx or PracticeContext(owner_key=identity.owner_key)
        return dossier_start(ctx=ctx, identity=identity, procedure=procedure, **kwargs)


# --- picture log-in ------------------------------------------------------------------


class PictureCardFactory(factory.Factory):
    """A learner's picture card, printed as the trainer prints it (``picture_cards_issue``);
    gives the ``IssuedPictureCard``, whose ``sequence`` is the secret in plain."""

    class Meta:
        model = IssuedPictureCard

    enrollment = factory.SubFactory(EnrollmentFactory)

    @classmethod
    def _create(cls, model_class, *, enrollment):
        (issued,) = picture_cards_issue(
            training_class=enrollment.training_class, enrollments=[enrollment], now=timezone.now()
        )
        return issued


# --- skills checks --------------------------------------------------------------------


class SkillQuestionFactory(factory.django.DjangoModelFactory):
    """A multiple-choice question of the skills check; for a practical one pass
    ``kind="practical", exercise=ExerciseFactory()``."""

    class Meta:
        # Named, not imported: this file is appended to, and its imports sit at the top.
        model = "assessments.SkillQuestion"
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"cau-hoi-{n:03d}")
    skill = "safety.accounts"
    kind = "choice"
    prompt = "Có người gọi điện xin mã OTP vừa gửi về máy bạn. Bạn làm gì?"
    choice_a = "Đọc mã cho họ"
    choice_b = "Không đưa mã OTP cho ai"
    correct_choice = "b"
    explanation = "Cán bộ không bao giờ hỏi mã OTP."
