from django.db import migrations

# Copied from home/roles.py on purpose: a migration must not import the code it outlives.
ROLE_GROUPS = [
    "Tập huấn viên",
    "Cán bộ, công chức",
    "Quản lý cấp xã",
    "Quản lý cấp tỉnh",
    "Học viên",
]


def create_role_groups(apps, schema_editor):
    """Every role's group exists on a fresh database, before anyone is given it."""
    Group = apps.get_model("auth", "Group")
    for name in ROLE_GROUPS:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("home", "0002_create_homepage"),
    ]

    # Going back leaves the groups: people may have been given them since.
    operations = [migrations.RunPython(create_role_groups, migrations.RunPython.noop)]
