"""Demo organisations for `seed_demo`: one province, a commune, a village and the units
that run classes there (idempotent)."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from .models import AdministrativeUnit, ManagerScope, OrganisingUnit

# Demo manager accounts (courses.demo.accounts) and the unit each answers for.
DEMO_SCOPES = {"quanlyxa": "Xã Đầm Dơi", "quanlytinh": "Tỉnh Cà Mau"}


def training_demo_seed() -> int:
    province, _ = AdministrativeUnit.objects.get_or_create(
        name="Tỉnh Cà Mau", level=AdministrativeUnit.Level.PROVINCE
    )
    commune, _ = AdministrativeUnit.objects.get_or_create(
        name="Xã Đầm Dơi", level=AdministrativeUnit.Level.COMMUNE, parent=province
    )
    village, _ = AdministrativeUnit.objects.get_or_create(
        name="Ấp Tân Lập", level=AdministrativeUnit.Level.VILLAGE, parent=commune
    )
    created = 0
    for name, kind, unit in [
        ("ấp Tân Lập", OrganisingUnit.Kind.YOUTH_UNION, village),
        ("ấp Tân Lập", OrganisingUnit.Kind.PARTY_CELL, village),
        ("xã Đầm Dơi", OrganisingUnit.Kind.DIGITAL_TEAM, commune),
    ]:
        created += OrganisingUnit.objects.get_or_create(name=name, kind=kind, unit=unit)[1]
    return created


def training_demo_scopes_ensure() -> None:
    """Give the demo managers their commune and province (after the accounts exist)."""
    User = get_user_model()
    for username, unit_name in DEMO_SCOPES.items():
        user = User.objects.filter(username=username).first()
        unit = AdministrativeUnit.objects.filter(name=unit_name).first()
        if user and unit:
            ManagerScope.objects.get_or_create(user=user, unit=unit)
