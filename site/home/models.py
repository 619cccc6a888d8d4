from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .blocks import BaseStreamBlock
from .pictures import PICTURE_CHOICES


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


class PictureCard(models.Model):
    """A learner's picture log-in for shared phones: their own picture in the class's list,
    and a secret of three pictures tapped in order (see home/pictures.py).

    The secret is kept hashed like a password and shown only on the card printed when it
    is drawn. Wrong secrets are counted here, per learner (``training.services.pictures``
    locks the card after a few); printing a new card draws a new secret and unlocks it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="picture_card",
        verbose_name=_("learner"),
    )
    own_picture = models.CharField(_("own picture"), max_length=20, choices=PICTURE_CHOICES)
    sequence_hash = models.CharField(_("secret pictures (hashed)"), max_length=128)
    failed_attempts = models.PositiveSmallIntegerField(_("wrong tries in a row"), default=0)
    locked_until = models.DateTimeField(_("locked until"), null=True, blank=True)
    # A digest of the last wrong secret: the same wrong secret sent again (a double tap,
    # a retry on weak Wi-Fi) is one mistake, not two.
    last_wrong = models.CharField(max_length=64, blank=True, editable=False)
    issued_at = models.DateTimeField(_("printed at"))

    class Meta:
        verbose_name = _("picture card")
        verbose_name_plural = _("picture cards")

    def __str__(self):
        return f"{self.user} · {self.get_own_picture_display()}"
