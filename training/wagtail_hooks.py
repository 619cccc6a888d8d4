from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import AdministrativeUnit, Certificate, ManagerScope, OrganisingUnit, TrainingClass

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User
    from django.db.models import QuerySet


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Classes and certificates change only through the site's own screens, whose services
    draw join codes, keep history, check scopes and issue or revoke certificates with a
    reason. The admin lists and inspects them, even for a superuser."""

    WRITES = frozenset({"add", "change", "delete", "publish", "unpublish", "lock", "unlock"})

    def user_has_permission(self, user: User | AnonymousUser, action: str) -> bool:
        return action not in self.WRITES and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions: Iterable[str]) -> QuerySet[User]:
        readable = [action for action in actions if action not in self.WRITES]
        if not readable:
            return super().users_with_any_permission([]).none()
        return super().users_with_any_permission(readable)


register_permission_policy(TrainingClass, ReadOnlyPolicy(TrainingClass))
register_permission_policy(Certificate, ReadOnlyPolicy(Certificate))


class AdministrativeUnitViewSet(SnippetViewSet):
    model = AdministrativeUnit
    icon = "site"
    menu_label = _("Administrative units")
    list_display = ["name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["name"]


class OrganisingUnitViewSet(SnippetViewSet):
    model = OrganisingUnit
    icon = "group"
    menu_label = _("Class organising units")
    list_display = ["name", "kind", "unit"]
    list_filter = ["kind"]


class TrainingClassViewSet(SnippetViewSet):
    model = TrainingClass
    icon = "user"
    menu_label = _("Classes")
    list_display = ["name", "organiser", "commune", "trainer", "join_code"]
    inspect_view_enabled = True


class ManagerScopeViewSet(SnippetViewSet):
    """Who manages which commune or province (the account also needs the group
    "Quản lý cấp xã" or "Quản lý cấp tỉnh" for the menu)."""

    model = ManagerScope
    icon = "key"
    menu_label = _("Management scopes")
    list_display = ["user", "unit"]


class CertificateViewSet(SnippetViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificates")
    list_display = ["code", "kind", "holder_name", "course_title", "issued_at", "revoked_at"]
    list_filter = ["kind"]
    search_fields = ["code", "holder_name"]
    inspect_view_enabled = True


class TrainingViewSetGroup(SnippetViewSetGroup):
    items = (
        AdministrativeUnitViewSet,
        OrganisingUnitViewSet,
        TrainingClassViewSet,
        ManagerScopeViewSet,
        CertificateViewSet,
    )
    menu_icon = "group"
    menu_label = _("Classes")
    menu_name = "training"


register_snippet(TrainingViewSetGroup)
