from django.apps import AppConfig


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Trang chủ"

    def ready(self):
        from . import checks  # noqa: F401 - registers the platform's system checks
