from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .blocks import BaseStreamBlock


class HomePage(Page):
    """The front door: what the platform is, and the ways in (by life event, search, course)."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = RichTextField(_("body"), blank=True, features=["bold", "italic", "link", "ul"])

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.ProcedureIndexPage", "courses.CourseIndexPage", "home.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        # The ways in come from the apps above this one (courses: the catalogue, life
        # events, courses), each through a "home_page_context" hook returning a dict.
        context = super().get_context(request, *args, **kwargs)
        for entry_points in hooks.get_hooks("home_page_context"):
            context.update(entry_points(request))
        return context


class StandardPage(Page):
    """A plain content page: about the platform, privacy notice, help."""

    introduction = models.CharField(_("introduction"), max_length=300, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
