from django.apps import AppConfig


class SandboxConfig(AppConfig):
    """The practice copy of the online submission flow (issue 3 builds it here)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "sandbox"
    verbose_name = "Môi trường thực hành"
