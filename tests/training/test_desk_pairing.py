"""Both sides of the counter, from the class's side: in a class that pairs its learners,
a citizen learner's practice dossier goes to the desk of the class's official learners,
and the board shows each official's desk score. The routing itself (who may open the
dossier, the auto-officer's wait, the rubric) is tested in tests/sandbox."""

import pytest

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from home import roles
from sandbox.context import PracticeContext
from sandbox.models import DeskSeat, DossierStatus
from sandbox.services import accounts, desk
from tests.factories import TrainingClassFactory, user_with
from tests.helpers import OFFICER, dossier_walk, join, seed_khai_sinh, supplement_ask
from training.selectors import class_board
from training.services.desk_pairing import class_desk_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def khai_sinh(db):
    return seed_khai_sinh()


@pytest.fixture
def training_class(db):
    """A class with no course: the real khai sinh procedure (seeded from the demo) must
    not meet the conftest's made-up one of the same slug."""
    return TrainingClassFactory()


@pytest.fixture
def paired(training_class):
    training_class.pairs_desk = True
    training_class.desk_wait_minutes = 10
    training_class.save()
    return training_class


def learner(training_class, role, username, name):
    user = user_with(role, username)
    join(training_class, name=name, user=user)
    return user


def submitted(user, khai_sinh):
    ctx = PracticeContext(owner_key=f"u{user.pk}", user=user, auto_officer=True)
    identity = accounts.identity_issue(ctx=ctx)
    return dossier_walk(ctx, identity, khai_sinh)


def test_a_citizens_dossier_goes_to_the_classs_official(paired, khai_sinh):
    official = learner(paired, roles.OFFICIAL, "can.bo.an", "Cán bộ An")
    citizen = learner(paired, roles.LEARNER, "hoc.vien.bay", "Lê Văn Bảy")
    dossier = submitted(citizen, khai_sinh)
    assert dossier.desk_key == class_desk_key(paired)
    assert dossier.desk_wait_seconds == 600
    assert list(DeskSeat.objects.values_list("owner_key", flat=True)) == [f"u{official.pk}"]
    client = Client()
    client.force_login(official)
    queue = client.get(reverse("sandbox:desk")).content.decode()
    assert dossier.code in queue and "Hồ sơ của học viên trong lớp" in queue


@pytest.mark.parametrize("setting", ["unpaired", "no_official", "official_submits"])
def test_no_pairing_without_a_partner(training_class, khai_sinh, setting):
    training_class.pairs_desk = setting != "unpaired"
    training_class.save()
    if setting != "no_official":
        official = learner(training_class, roles.OFFICIAL, "can.bo.an", "Cán bộ An")
    citizen = learner(training_class, roles.LEARNER, "hoc.vien.bay", "Lê Văn Bảy")
    who = official if setting == "official_submits" else citizen
    dossier = submitted(who, khai_sinh)
    assert dossier.desk_key == ""
    # The official of a paired class sits at its desk, but keeps their own dossier.
    assert DeskSeat.objects.exists() == (setting == "official_submits")


def test_an_official_who_left_the_class_loses_the_seat(paired, khai_sinh):
    official = learner(paired, roles.OFFICIAL, "can.bo.an", "Cán bộ An")
    citizen = learner(paired, roles.LEARNER, "hoc.vien.bay", "Lê Văn Bảy")
    submitted(citizen, khai_sinh)
    paired.enrollments.filter(learner=official).update(erased_at=timezone.now())
    second = learner(paired, roles.OFFICIAL, "can.bo.ba", "Cán bộ Ba")
    submitted(citizen, khai_sinh)
    assert list(DeskSeat.objects.values_list("owner_key", flat=True)) == [f"u{second.pk}"]


def test_the_board_shows_each_officials_desk_score(paired, khai_sinh):
    official = learner(paired, roles.OFFICIAL, "can.bo.an", "Cán bộ An")
    citizen = learner(paired, roles.LEARNER, "hoc.vien.bay", "Lê Văn Bảy")
    dossier = submitted(citizen, khai_sinh)
    ctx = PracticeContext(owner_key=f"u{official.pk}", user=official)
    supplement_ask(ctx, dossier)
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.SUPPLEMENT
    rows = {r.enrollment.display_name: r for r in class_board(paired, now=timezone.now())["rows"]}
    assert rows["Cán bộ An"].desk == "Một cửa: 1 hồ sơ, 10/10 điểm"
    assert rows["Lê Văn Bảy"].desk == ""


def test_a_dossier_sent_for_a_skills_check_stays_with_the_script(paired, khai_sinh):
    from tests.factories import SkillQuestionFactory
    from training.services.skill_checks import check_start

    learner(paired, roles.OFFICIAL, "can.bo.an", "Cán bộ An")
    citizen = learner(paired, roles.LEARNER, "hoc.vien.bay", "Lê Văn Bảy")
    SkillQuestionFactory(slug="otp")
    check_start(enrollment=paired.enrollments.get(learner=citizen), kind="post")
    assert submitted(citizen, khai_sinh).desk_key == ""


def test_a_class_that_stops_pairing_unseats_its_officials(paired, khai_sinh):
    from training.services.classes import class_settings_update

    learner(paired, roles.OFFICIAL, "can.bo.an", "Cán bộ An")
    citizen = learner(paired, roles.LEARNER, "hoc.vien.bay", "Lê Văn Bảy")
    submitted(citizen, khai_sinh)
    assert DeskSeat.objects.exists()
    class_settings_update(
        training_class=paired,
        pairs_desk=False,
        desk_wait_minutes=None,
        post_test_required=True,
        post_test_pass_percent=None,
        post_test_attempts=None,
        post_test_invigilated=False,
    )
    assert not DeskSeat.objects.exists()


def test_the_score_counts_this_classs_desk_only(paired, khai_sinh):
    official = learner(paired, roles.OFFICIAL, "can.bo.an", "Cán bộ An")
    citizen = learner(paired, roles.LEARNER, "hoc.vien.bay", "Lê Văn Bảy")
    other = TrainingClassFactory(pairs_desk=True)
    join(other, name="Cán bộ An", user=official)
    other_citizen = learner(other, roles.LEARNER, "hoc.vien.tu", "Trần Thị Tư")
    ctx = PracticeContext(owner_key=f"u{official.pk}", user=official)
    for dossier in (submitted(citizen, khai_sinh), submitted(other_citizen, khai_sinh)):
        desk.desk_accept(ctx=ctx, dossier=dossier, officer=OFFICER)
    rows = {r.enrollment.display_name: r for r in class_board(paired, now=timezone.now())["rows"]}
    assert rows["Cán bộ An"].desk == "Một cửa: 1 hồ sơ, 10/10 điểm"


def test_an_official_joining_a_paired_class_is_seated_at_once(paired):
    official = learner(paired, roles.OFFICIAL, "can.bo.an", "Cán bộ An")
    learner(paired, roles.LEARNER, "hoc.vien.bay", "Lê Văn Bảy")
    assert list(DeskSeat.objects.values_list("owner_key", "desk_key")) == [
        (f"u{official.pk}", class_desk_key(paired))
    ]
