"""The factories build what the platform itself would: roles as the migration's groups,
a class in its organiser's commune, practice cards and drafts made by the services."""

import pytest

from home import roles
from sandbox.models import DossierStatus
from sandbox.models.accounts import PRACTICE_CCCD_PREFIX
from tests.factories import (
    DraftDossierFactory,
    EnrollmentFactory,
    ManagerScopeFactory,
    PracticeIdentityFactory,
    UserFactory,
)
from tests.helpers import seed_khai_sinh
from training.permissions import can_train, is_manager

pytestmark = pytest.mark.django_db


def test_a_user_gets_the_roles_groups_and_a_usable_password():
    trainer = UserFactory(username="taphuan", roles=[roles.TRAINER], password="Tap@huan2026")
    assert list(trainer.groups.values_list("name", flat=True)) == [roles.TRAINER]
    assert can_train(trainer)
    assert trainer.check_password("Tap@huan2026")  # hashed, so a log-in form accepts it
    assert not can_train(UserFactory())


def test_an_enrolment_sits_in_a_class_of_its_organisers_commune():
    enrollment = EnrollmentFactory()
    training_class = enrollment.training_class
    assert training_class.commune == training_class.organiser.unit
    assert training_class.commune.parent.level == "tinh"
    assert can_train(training_class.trainer)
    assert enrollment.learner.groups.filter(name=roles.LEARNER).exists()


def test_a_manager_scope_makes_a_manager():
    scope = ManagerScopeFactory()
    assert is_manager(scope.user)
    assert scope.user.groups.filter(name=roles.COMMUNE_MANAGER).exists()


def test_practice_cards_and_drafts_come_from_the_services():
    identity = PracticeIdentityFactory()
    assert identity.cccd.startswith(PRACTICE_CCCD_PREFIX)
    dossier = DraftDossierFactory(identity=identity, procedure=seed_khai_sinh())
    assert dossier.status == DossierStatus.DRAFT
    assert dossier.owner_key == identity.owner_key
    assert dossier.procedure.slug == "dang-ky-khai-sinh"
