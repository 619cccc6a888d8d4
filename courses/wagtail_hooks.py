from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import selectors
from .models import LifeEvent, Sector
from .views import admin as admin_views


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


@hooks.register("register_admin_urls")
def register_render_urls():
    return [
        path(
            "thu-tuc/<int:page_id>/video/",
            admin_views.render_status_json,
            name="courses_render_status",
        ),
        path(
            "thu-tuc/<int:page_id>/video/dung-lai/",
            admin_views.render_again,
            name="courses_render_again",
        ),
    ]


@hooks.register("home_page_context")
def home_page_entry_points(request):
    """The home page's ways in: the catalogue, life events and courses."""
    return selectors.home_page_entry_points()
