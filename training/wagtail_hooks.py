from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import AdministrativeUnit, Certificate, ManagerScope, OrganisingUnit, TrainingClass


class AdministrativeUnitViewSet(SnippetViewSet):
    model = AdministrativeUnit
    icon = "site"
    menu_label = "Đơn vị hành chính"
    list_display = ["name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["name"]


class OrganisingUnitViewSet(SnippetViewSet):
    model = OrganisingUnit
    icon = "group"
    menu_label = "Đơn vị tổ chức lớp"
    list_display = ["name", "kind", "unit"]
    list_filter = ["kind"]


class TrainingClassViewSet(SnippetViewSet):
    model = TrainingClass
    icon = "user"
    menu_label = "Lớp học"
    list_display = ["name", "organiser", "commune", "trainer", "join_code"]


class ManagerScopeViewSet(SnippetViewSet):
    """Who manages which commune or province (the account also needs the group
    "Quản lý cấp xã" or "Quản lý cấp tỉnh" for the menu)."""

    model = ManagerScope
    icon = "key"
    menu_label = "Phạm vi quản lý"
    list_display = ["user", "unit"]


class CertificateViewSet(SnippetViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = "Giấy chứng nhận"
    list_display = ["code", "kind", "holder_name", "course_title", "issued_at", "revoked_at"]
    list_filter = ["kind"]
    search_fields = ["code", "holder_name"]


class TrainingViewSetGroup(SnippetViewSetGroup):
    items = (
        AdministrativeUnitViewSet,
        OrganisingUnitViewSet,
        TrainingClassViewSet,
        ManagerScopeViewSet,
        CertificateViewSet,
    )
    menu_icon = "group"
    menu_label = "Lớp học"
    menu_name = "training"


register_snippet(TrainingViewSetGroup)
