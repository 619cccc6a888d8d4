from django.apps import AppConfig
from django.db.models.signals import post_save


class SandboxConfig(AppConfig):
    """The practice copy of the online submission flow (issue 3 builds it here)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "sandbox"
    verbose_name = "Môi trường thực hành"

    def ready(self):
        from .capture.provider import recapture_on_form_change
        from .models import PracticeForm

        post_save.connect(
            recapture_on_form_change, sender=PracticeForm, dispatch_uid="sandbox-form-recapture"
        )
