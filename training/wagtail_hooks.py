from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import AdministrativeUnit, OrganisingUnit, TrainingClass


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


class TrainingViewSetGroup(SnippetViewSetGroup):
    items = (AdministrativeUnitViewSet, OrganisingUnitViewSet, TrainingClassViewSet)
    menu_icon = "group"
    menu_label = "Lớp học"
    menu_name = "training"


register_snippet(TrainingViewSetGroup)
