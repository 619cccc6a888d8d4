"""The skills-check question bank an editor keeps in the admin."""

from __future__ import annotations

from simple_history.models import HistoricalRecords

from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from home.skills import skill_choices, skill_name


class SkillQuestionQuerySet(models.QuerySet):
    def active(self) -> SkillQuestionQuerySet:
        """Questions a learner may be asked: switched on, and, for a practical one, still
        linked to an exercise (deleting the exercise leaves the question without one)."""
        return self.filter(is_active=True).exclude(
            kind=SkillQuestion.Kind.PRACTICAL, exercise__isnull=True
        )


class SkillQuestion(models.Model):
    """One question of a skills check, tagged with one skill of the framework
    (``home.skills``). A ``choice`` question is answered by picking A–D; a
    ``practical`` one by finishing a sandbox exercise without the guide."""

    class Kind(models.TextChoices):
        CHOICE = "choice", "Trắc nghiệm"
        PRACTICAL = "practical", "Thực hành trên Cổng luyện tập"

    class Letter(models.TextChoices):
        A = "a", "A"
        B = "b", "B"
        C = "c", "C"
        D = "d", "D"

    slug = models.SlugField(
        "mã câu hỏi",
        unique=True,
        help_text="Mã cố định của câu hỏi, không dấu, ví dụ: khong-dua-otp.",
    )
    skill = models.CharField("kỹ năng", max_length=40, choices=skill_choices)
    kind = models.CharField(
        "loại câu hỏi", max_length=10, choices=Kind.choices, default=Kind.CHOICE
    )
    prompt = models.TextField("câu hỏi")
    choice_a = models.CharField("phương án A", max_length=300, blank=True)
    choice_b = models.CharField("phương án B", max_length=300, blank=True)
    choice_c = models.CharField("phương án C", max_length=300, blank=True)
    choice_d = models.CharField("phương án D", max_length=300, blank=True)
    correct_choice = models.CharField(
        "đáp án đúng", max_length=1, choices=Letter.choices, blank=True
    )
    explanation = models.TextField(
        "giải thích", blank=True, help_text="Hiện cho học viên sau khi trả lời."
    )
    # SET_NULL, not CASCADE: deleting an exercise in the sandbox must not silently take
    # questions with it; the question drops out of checks (``active()``) until relinked.
    exercise = models.ForeignKey(
        "sandbox.Exercise",
        verbose_name="bài tập thực hành",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="skill_questions",
        help_text="Với câu thực hành: học viên tự làm xong bài này, không xem hướng dẫn.",
    )
    is_active = models.BooleanField("đang dùng", default=True)
    sort_order = models.PositiveSmallIntegerField("thứ tự", default=0)

    # The right answer decides who tests out and who passes; as with certificates, the
    # history shows which version of a question a result was scored against.
    history = HistoricalRecords()

    objects = SkillQuestionQuerySet.as_manager()

    panels = [
        FieldPanel("slug"),
        FieldPanel("skill"),
        FieldPanel("kind"),
        FieldPanel("prompt"),
        MultiFieldPanel(
            [
                FieldPanel("choice_a"),
                FieldPanel("choice_b"),
                FieldPanel("choice_c"),
                FieldPanel("choice_d"),
                FieldPanel("correct_choice"),
            ],
            heading="Câu trắc nghiệm",
        ),
        FieldPanel("exercise", heading="Câu thực hành: bài tập"),
        FieldPanel("explanation"),
        FieldPanel("is_active"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = "câu hỏi kiểm tra kỹ năng"
        verbose_name_plural = "câu hỏi kiểm tra kỹ năng"

    def __str__(self) -> str:
        return self.prompt if len(self.prompt) <= 80 else f"{self.prompt[:79]}…"

    def clean(self) -> None:
        super().clean()
        if self.kind == self.Kind.CHOICE:
            choices = dict(self.choices())
            if len(choices) < 2:
                raise ValidationError(
                    {"choice_b": "Câu trắc nghiệm cần ít nhất hai phương án trả lời."}
                )
            if self.correct_choice not in choices:
                raise ValidationError(
                    {"correct_choice": "Chọn đáp án đúng trong các phương án đã nhập."}
                )
        elif self.kind == self.Kind.PRACTICAL and self.exercise_id is None:
            raise ValidationError(
                {"exercise": "Câu thực hành cần một bài tập trên Cổng luyện tập."}
            )

    def choices(self) -> list[tuple[str, str]]:
        """The filled-in answers as (letter, text), A to D."""
        texts = (self.choice_a, self.choice_b, self.choice_c, self.choice_d)
        return [
            (letter, text.strip())
            for letter, text in zip(self.Letter.values, texts, strict=True)
            if text.strip()
        ]

    @property
    def exercise_slug(self) -> str:
        return self.exercise.slug if self.exercise_id else ""

    @property
    def skill_name(self) -> str:
        return skill_name(self.skill)
