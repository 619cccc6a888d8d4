"""The roles' names live in home.roles; a migration makes their groups on every database."""

import importlib

import pytest

from django.apps import apps
from django.contrib.auth.models import Group

from home import roles
from training import permissions

migration = importlib.import_module("home.migrations.0003_role_groups")


def test_the_migration_copies_the_role_names_of_home_roles():
    assert migration.ROLE_GROUPS == list(roles.ALL_ROLES)
    assert roles.TRAINER_GROUPS | roles.MANAGER_GROUPS | {roles.LEARNER} == set(roles.ALL_ROLES)
    assert roles.DESK_GROUPS == {roles.OFFICIAL, roles.TRAINER}
    assert permissions.TRAINER_GROUPS is roles.TRAINER_GROUPS


@pytest.mark.django_db
def test_the_migration_makes_the_five_groups_once():
    Group.objects.filter(name__in=roles.ALL_ROLES[:2]).delete()  # as after a flush
    migration.create_role_groups(apps, None)
    migration.create_role_groups(apps, None)
    made = Group.objects.filter(name__in=roles.ALL_ROLES).values_list("name", flat=True)
    assert sorted(made) == sorted(roles.ALL_ROLES)
