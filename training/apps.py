from django.apps import AppConfig


class TrainingConfig(AppConfig):
    """Organisations, classes, attendance, progress, certificates and reports."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "training"
    verbose_name = "Lớp học và tiến độ"

    def ready(self) -> None:
        from . import receivers  # noqa: F401 - connects the progress receivers
