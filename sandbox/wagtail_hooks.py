from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Exercise, Holiday, PracticeForm


class PracticeFormViewSet(SnippetViewSet):
    model = PracticeForm
    icon = "form"
    menu_label = "Tờ khai điện tử"
    list_display = ["__str__", "fee_per_unit"]


class ExerciseViewSet(SnippetViewSet):
    model = Exercise
    icon = "tasks"
    menu_label = "Bài tập"
    list_display = ["title", "audience", "kind", "procedure"]
    list_filter = ["audience", "kind"]


class HolidayViewSet(SnippetViewSet):
    model = Holiday
    icon = "date"
    menu_label = "Ngày nghỉ"
    list_display = ["date", "name"]


class SandboxViewSetGroup(SnippetViewSetGroup):
    items = (PracticeFormViewSet, ExerciseViewSet, HolidayViewSet)
    menu_icon = "desktop"
    menu_label = "Môi trường thực hành"
    menu_name = "sandbox"


register_snippet(SandboxViewSetGroup)
