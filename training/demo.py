"""Demo organisations for `seed_demo`: one province, a commune, a village and the units
that run classes there (idempotent)."""

from .models import AdministrativeUnit, OrganisingUnit


def training_demo_seed():
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
