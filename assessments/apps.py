from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    """The skills-check question bank, tagged to the basic digital-skills framework, and
    the scoring of an answer sheet. Attempts by learners live in training, above it."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "assessments"
    verbose_name = "Kiểm tra kỹ năng"
