from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SkillQuestion


class SkillQuestionViewSet(SnippetViewSet):
    model = SkillQuestion
    icon = "help"
    menu_label = "Câu hỏi kiểm tra kỹ năng"
    menu_name = "skill-questions"
    add_to_admin_menu = True
    list_display = ["__str__", "skill", "kind", "is_active", "sort_order"]
    list_filter = ["skill", "kind", "is_active"]
    search_fields = ["prompt", "slug"]
    ordering = ["sort_order", "pk"]


register_snippet(SkillQuestionViewSet)
