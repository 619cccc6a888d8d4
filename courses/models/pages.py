from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import (
    ChannelBlock,
    LegalBasisBlock,
    LessonStreamBlock,
    RequiredDocumentBlock,
    TutorialStepBlock,
)
from ..panels import RenderStatusPanel
from ..search import folded_document


class Sector(index.Indexed, models.Model):
    """A field of administration (lĩnh vực): Hộ tịch, Đất đai, Cư trú…"""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=False)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self):
        return self.name


class LifeEvent(index.Indexed, models.Model):
    """A moment in life that sends people to the portal (có con, kết hôn, kinh doanh…)."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.CharField(_("description"), max_length=250, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("life event")
        verbose_name_plural = _("life events")

    def __str__(self):
        return self.name


class AgencyLevel(models.TextChoices):
    # Local government has had two levels since 1 July 2025; "huyện" survives only for
    # procedures and old tutorials that still name it.
    PROVINCE = "tinh", _("Province level")
    COMMUNE = "xa", _("Commune level")
    DISTRICT_LEGACY = "huyen", _("District level (before 1/7/2025)")


class OnlineLevel(models.TextChoices):
    FULL = "toan_trinh", _("Fully online")
    PARTIAL = "mot_phan", _("Partly online")


class FoldedSearchMixin(models.Model):
    """Keeps an accent-folded copy of a page's searchable text (see courses.search).

    The copy is refreshed in ``save()`` because every way a page is written (the admin,
    publishing a revision, ``seed_demo``) goes through it, so it can never go stale.
    """

    search_folded = models.TextField(editable=False, blank=True, default="")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.search_folded = folded_document(*self.search_text_parts())
        super().save(*args, **kwargs)

    def search_text_parts(self):
        return [self.title]


class ProcedureIndexPage(Page):
    """The catalogue at /thu-tuc/: browse by sector, life event and agency level."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.ProcedurePage"]
    max_count = 1

    class Meta:
        verbose_name = _("procedure catalogue")

    def get_context(self, request, *args, **kwargs):
        # Both modules import this one.
        from ..forms import ProcedureFilterForm
        from ..selectors import procedure_catalogue

        context = super().get_context(request, *args, **kwargs)
        form = ProcedureFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        context.update(procedure_catalogue(self, **filters))
        context["filter_form"] = form
        return context


class ProcedurePage(FoldedSearchMixin, Page):  # noqa: DJ008 - Page.__str__ applies
    """One administrative procedure: its facts, and how to do it online step by step."""

    code = models.CharField(
        _("procedure code"), max_length=20, blank=True, help_text=_("For example 1.001193")
    )
    sector = models.ForeignKey(
        Sector, verbose_name=_("sector"), on_delete=models.PROTECT, related_name="procedures"
    )
    life_events = ParentalManyToManyField(
        LifeEvent, verbose_name=_("life events"), blank=True, related_name="procedures"
    )
    agency_level = models.CharField(
        _("agency level"), max_length=10, choices=AgencyLevel.choices, default=AgencyLevel.COMMUNE
    )
    implementing_agency = models.CharField(_("implementing agency"), max_length=250)
    online_level = models.CharField(
        _("online level"), max_length=12, choices=OnlineLevel.choices, default=OnlineLevel.FULL
    )
    summary = models.TextField(_("summary"), help_text=_("One or two plain sentences."))
    audience = models.CharField(_("who can use it"), max_length=250, blank=True)
    result = models.CharField(_("result"), max_length=250, blank=True)
    conditions = RichTextField(_("requirements and conditions"), blank=True, features=["ul"])
    search_keywords = models.TextField(
        _("search keywords"), blank=True, help_text=_("Words people type to find this procedure.")
    )
    channels = StreamField(
        [("channel", ChannelBlock())], blank=True, verbose_name=_("ways to submit")
    )
    documents = StreamField(
        [("document", RequiredDocumentBlock())], blank=True, verbose_name=_("dossier documents")
    )
    legal_basis = StreamField(
        [("legal_document", LegalBasisBlock())], blank=True, verbose_name=_("legal basis")
    )
    steps = StreamField(
        [("step", TutorialStepBlock())], blank=True, verbose_name=_("steps to do it online")
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("code"),
                FieldPanel("sector"),
                FieldPanel("life_events", widget=forms.CheckboxSelectMultiple),
                FieldPanel("agency_level"),
                FieldPanel("implementing_agency"),
                FieldPanel("online_level"),
            ],
            heading=_("Facts"),
        ),
        FieldPanel("summary"),
        FieldPanel("audience"),
        FieldPanel("result"),
        FieldPanel("conditions"),
        FieldPanel("channels"),
        FieldPanel("documents"),
        FieldPanel("legal_basis"),
        FieldPanel("steps"),
        RenderStatusPanel(heading=_("Tutorial videos")),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("search_keywords")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("code"),
        index.SearchField("summary"),
        index.SearchField("search_keywords"),
        index.FilterField("agency_level"),
    ]

    parent_page_types = ["courses.ProcedureIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("procedure")
        verbose_name_plural = _("procedures")

    def search_text_parts(self):
        step_titles = [step.value["title"] for step in self.steps]
        return [
            self.title,
            self.code,
            self.sector.name if self.sector_id else "",
            self.search_keywords,
            self.summary,
            self.implementing_agency,
            *step_titles,
        ]

    def get_context(self, request, *args, **kwargs):
        # selectors import this module
        from ..selectors import (
            courses_using_procedure,
            procedure_videos,
            step_pictures,
            video_chapters,
        )
        from ..watching import viewing_start

        context = super().get_context(request, *args, **kwargs)
        context["courses_using"] = courses_using_procedure(self)
        videos = procedure_videos(self)
        context["tutorial_video"] = videos["tutorial"]
        context["step_videos"] = videos["steps"]
        context["chapters"] = video_chapters(videos["tutorial"])
        context["step_pictures"] = step_pictures(self)
        served = [videos["tutorial"], *videos["steps"].values()]
        if hasattr(request, "session"):  # previews and dummy requests may have none
            viewing_start(session=request.session, renders=[r for r in served if r])
        return context


class Audience(models.TextChoices):
    OFFICIALS = "can_bo", _("Officials")
    TRAINERS = "tap_huan_vien", _("Trainers")
    CITIZENS = "cong_dan", _("Citizens")


class CourseIndexPage(Page):
    """The list of learning paths at /khoa-hoc/."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("course list")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = CoursePage.objects.child_of(self).live().order_by("path")
        return context


class CoursePage(FoldedSearchMixin, Page):  # noqa: DJ008 - Page.__str__ applies
    """A learning path for one audience: procedures and short readings, in order."""

    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.CITIZENS
    )
    intro = models.TextField(_("introduction"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    completion_note = models.CharField(_("what finishing means"), max_length=300, blank=True)
    allow_guided_practice = models.BooleanField(
        _("guided practice counts"),
        default=False,
        help_text=_("When off, only exercises done without the guide count towards finishing."),
    )
    lessons = StreamField(LessonStreamBlock(), blank=True, verbose_name=_("lessons"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("audience"),
        FieldPanel("intro"),
        FieldPanel("duration_minutes"),
        FieldPanel("completion_note"),
        FieldPanel("allow_guided_practice"),
        FieldPanel("lessons"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def search_text_parts(self):
        return [self.title, self.intro, self.get_audience_display()]
