"""Skills checks of a class: the pre-test a learner may take to skip what they know,
and the post-test the certificate asks for."""

from __future__ import annotations

from django.db import models


class SkillCheckAttempt(models.Model):
    """One sitting of a skills check by one learner of one class.

    The sheet keeps the questions as they were asked (``question_ids``) and the score as
    it was given: a later edit of the question bank changes neither. A started sitting
    that was never sent still counts towards the post-test's attempt limit, so opening
    the test to read the questions and starting again is not free.
    """

    class Kind(models.TextChoices):
        PRE = "pre", "Kiểm tra đầu vào"
        POST = "post", "Kiểm tra cuối khóa"

    enrollment = models.ForeignKey(
        "training.Enrollment", on_delete=models.CASCADE, related_name="skill_checks"
    )
    kind = models.CharField(max_length=4, choices=Kind.choices)
    number = models.PositiveSmallIntegerField(default=1)
    started_at = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    # Taken while the trainer had the invigilated post-test open in the hall.
    invigilated = models.BooleanField(default=False)
    question_ids = models.JSONField(default=list)
    answers = models.JSONField(default=dict, blank=True)
    practical_done = models.JSONField(default=list, blank=True)
    right = models.PositiveSmallIntegerField(null=True, blank=True)
    asked = models.PositiveSmallIntegerField(null=True, blank=True)
    percent = models.PositiveSmallIntegerField(null=True, blank=True)
    # {skill key: [right, asked]}
    per_skill = models.JSONField(default=dict, blank=True)
    passed = models.BooleanField(default=False)
    # The activities a pre-test let the learner skip.
    tested_out = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["enrollment", "kind", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "kind", "number"], name="one_skill_check_per_number"
            )
        ]
        indexes = [models.Index(fields=["enrollment", "kind"], name="skill_check_by_kind")]

    def __str__(self):
        score = f"{self.percent}%" if self.percent is not None else "đang làm"
        return f"{self.get_kind_display()} {self.number}: {score}"

    @property
    def is_open(self) -> bool:
        return self.submitted_at is None
