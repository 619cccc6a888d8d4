from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    """Organisations, classes, attendance, progress, certificates and reports."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "training"
    verbose_name = _("Classes and progress")

    def ready(self) -> None:
        from . import receivers  # noqa: F401 - connects the progress receivers
