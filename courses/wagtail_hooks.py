from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import LifeEvent, Sector


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "folder-open-inverse"
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


class LifeEventViewSet(SnippetViewSet):
    model = LifeEvent
    icon = "group"
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


class CatalogueViewSetGroup(SnippetViewSetGroup):
    items = (SectorViewSet, LifeEventViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Catalogue")
    menu_name = "catalogue"


register_snippet(CatalogueViewSetGroup)
