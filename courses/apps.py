from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "courses"
    verbose_name = _("Procedures and courses")

    def ready(self):
        from wagtail.signals import page_published

        from .models import ProcedurePage
        from .receivers import request_renders_on_publish

        page_published.connect(request_renders_on_publish, sender=ProcedurePage)
