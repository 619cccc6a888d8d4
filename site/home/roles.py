"""The platform's roles, each a Django group, named once for every app.

The groups themselves are created by the migration ``home/0003_role_groups`` (which copies
these names, as migrations must not import code). Administrators are superusers, not a
group. Which role may do what is decided where it is used: ``training/permissions.py``
for classes, the sandbox's desk for the practice officer's screens.
"""

TRAINER = "Tập huấn viên"
OFFICIAL = "Cán bộ, công chức"
COMMUNE_MANAGER = "Quản lý cấp xã"
PROVINCE_MANAGER = "Quản lý cấp tỉnh"
LEARNER = "Học viên"

ALL_ROLES: tuple[str, ...] = (TRAINER, OFFICIAL, COMMUNE_MANAGER, PROVINCE_MANAGER, LEARNER)

# Who opens and runs classes.
TRAINER_GROUPS: frozenset[str] = frozenset({TRAINER, OFFICIAL})
# Who reads every class inside a scope ("Phạm vi quản lý").
MANAGER_GROUPS: frozenset[str] = frozenset({COMMUNE_MANAGER, PROVINCE_MANAGER})
# Who may sit at the practice portal's officer desk.
DESK_GROUPS: frozenset[str] = frozenset({OFFICIAL, TRAINER})
