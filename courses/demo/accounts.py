"""Demo accounts, one per kind of user, so a trainer can show each side at once."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home import roles

DEFAULT_DEMO_PASSWORD = "congdanso2026"  # noqa: S105 - printed on screen for a laptop demo

# (username, full name, group, is_superuser)
DEMO_ACCOUNTS = [
    ("quantri", "Quản trị viên", None, True),
    ("canbo", "Nguyễn Thị Hoa (cán bộ một cửa xã)", roles.OFFICIAL, False),
    ("taphuan", "Trần Văn Minh (bí thư chi đoàn)", roles.TRAINER, False),
    ("hocvien", "Lê Văn Bảy (người dân)", roles.LEARNER, False),
    ("quanlyxa", "Phạm Thị Lan (Phó Chủ tịch UBND xã)", roles.COMMUNE_MANAGER, False),
    ("quanlytinh", "Võ Văn Hùng (Sở Nội vụ)", roles.PROVINCE_MANAGER, False),
]


def demo_accounts_ensure() -> list[tuple[str, str, str]]:
    """Create the demo accounts if missing and reset their password to DEMO_PASSWORD.

    Returns (username, full name, role) rows for printing.
    """
    User = get_user_model()
    rows = []
    for username, full_name, group_name, is_superuser in DEMO_ACCOUNTS:
        first_name, _sep, rest = full_name.partition(" (")
        user, _created = User.objects.get_or_create(username=username)
        user.first_name = first_name
        user.is_superuser = user.is_staff = is_superuser
        user.set_password(settings.DEMO_PASSWORD)
        user.save()
        if group_name:
            user.groups.add(Group.objects.get_or_create(name=group_name)[0])
        rows.append((username, full_name, group_name or "Quản trị"))
    return rows
