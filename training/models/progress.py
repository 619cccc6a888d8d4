"""Progress, after Kolibri's logger: an append-only event log and one summary row per
learner and activity, plus one row per enrolment that the board and reports read.

Activity keys are course-independent ("video:<procedure page id>",
"exercise:<exercise slug>", "quiz:<lesson block id>", "read:<lesson block id>"), so what a
learner did counts in every class whose course contains it.
"""

from simple_history.models import HistoricalRecords

from django.conf import settings
from django.db import models


class ProgressEvent(models.Model):
    """Append-only: never updated, only inserted (and anonymised on erasure)."""

    class Kind(models.TextChoices):
        VIDEO = "video", "Xem video"
        PRACTICE = "practice", "Thực hành"
        QUIZ = "quiz", "Câu hỏi kiểm tra"
        READ = "read", "Đọc bài"
        ATTENDANCE = "attendance", "Điểm danh"
        MANUAL = "manual", "Tập huấn viên ghi nhận"

    id = models.BigAutoField(primary_key=True)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    enrollment = models.ForeignKey(
        "training.Enrollment", null=True, on_delete=models.SET_NULL, related_name="events"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    activity_key = models.CharField(max_length=80)
    step = models.CharField(max_length=40, blank=True)
    error_code = models.CharField(max_length=40, blank=True)
    value = models.FloatField(null=True)
    occurred_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["enrollment", "occurred_at"], name="event_enrollment_time")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.activity_key}"


class ActivitySummary(models.Model):
    """Where one learner stands in one activity (video, exercise, quiz, reading)."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="activity_summaries"
    )
    activity_key = models.CharField(max_length=80)
    kind = models.CharField(max_length=12, choices=ProgressEvent.Kind.choices)
    progress = models.FloatField(default=0)  # 0…1
    completed_at = models.DateTimeField(null=True, blank=True)
    # Exercises only: finished with the guide on (counts only where the course allows).
    guided_completed_at = models.DateTimeField(null=True, blank=True)
    time_spent_s = models.FloatField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    current_step = models.CharField(max_length=40, blank=True)
    step_done = models.BooleanField(default=False)
    step_since = models.DateTimeField(null=True, blank=True)
    last_error_code = models.CharField(max_length=40, blank=True)
    same_error_count = models.PositiveSmallIntegerField(default=0)
    last_event_at = models.DateTimeField()
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "activity_key"], name="one_summary_per_activity"
            )
        ]
        indexes = [models.Index(fields=["learner", "-last_event_at"], name="summary_latest")]

    def __str__(self):
        return f"{self.learner_id} {self.activity_key} {self.progress:.0%}"


class EnrollmentProgress(models.Model):
    """One learner's standing in one class's course, kept up to date on every write so
    the board and the reports never scan the event log."""

    enrollment = models.OneToOneField(
        "training.Enrollment", primary_key=True, on_delete=models.CASCADE, related_name="progress"
    )
    activities_done = models.PositiveSmallIntegerField(default=0)
    activities_total = models.PositiveSmallIntegerField(default=0)
    sessions_attended = models.PositiveSmallIntegerField(default=0)
    practised_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    last_active_at = models.DateTimeField(null=True, blank=True)
    real_submission_at = models.DateTimeField(null=True, blank=True)
    # From log-in to a successful practice submission, in seconds: the learner's first
    # timed submission and their latest (see PracticeSubmissionTime).
    first_submit_seconds = models.PositiveIntegerField(null=True, blank=True)
    last_submit_seconds = models.PositiveIntegerField(null=True, blank=True)
    # The one-month call (FollowUpCall): when the learner was reached, and what they said.
    followed_up_at = models.DateTimeField(null=True, blank=True)
    follow_up_outcome = models.CharField(max_length=12, blank=True)
    # Skills checks (SkillCheckAttempt): the pre-test's score, the best post-test score,
    # and when a post-test was first passed; the gain is post minus pre.
    pre_test_percent = models.PositiveSmallIntegerField(null=True, blank=True)
    post_test_percent = models.PositiveSmallIntegerField(null=True, blank=True)
    post_test_passed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["completed_at"], name="progress_completed")]

    def __str__(self):
        return f"{self.enrollment_id}: {self.activities_done}/{self.activities_total}"


class PracticeSubmissionTime(models.Model):
    """How long one practice dossier took, from log-in to its successful submission:
    QĐ 1565/QĐ-TTg sets the portal's target at under 5 minutes in 2026, and the class
    measures its learners against the same clock.

    A second dossier sent in the same log-in is timed from the first one's submission,
    so each dossier counts its own work. One row per enrolment of the learner, so every
    class they are in counts it; the row keeps no personal data and stays on erasure.
    """

    enrollment = models.ForeignKey(
        "training.Enrollment", on_delete=models.CASCADE, related_name="submission_times"
    )
    dossier_code = models.CharField(max_length=40)
    procedure_title = models.CharField(max_length=255, blank=True)
    guided = models.BooleanField(default=False)
    started_at = models.DateTimeField()
    submitted_at = models.DateTimeField()
    seconds = models.PositiveIntegerField()

    class Meta:
        ordering = ["submitted_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "dossier_code"], name="one_time_per_dossier"
            )
        ]

    def __str__(self):
        return f"{self.dossier_code}: {self.seconds} s"


class ProgressOverride(models.Model):
    """A trainer marks an activity done (or not) by hand, with a reason: e.g. the learner
    did the exercise on the trainer's phone. Kept with its history."""

    enrollment = models.ForeignKey(
        "training.Enrollment", on_delete=models.CASCADE, related_name="overrides"
    )
    activity_key = models.CharField(max_length=80)
    done = models.BooleanField(default=True)
    reason = models.CharField("lý do", max_length=200)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "activity_key"], name="one_override_per_activity"
            )
        ]

    def __str__(self):
        return f"{self.enrollment_id} {self.activity_key} {'xong' if self.done else 'chưa'}"


class PracticeErrorTally(models.Model):
    """How often learners of a class hit each sandbox error: the reports' "where people
    fail" table, counted as it happens instead of grouping millions of events."""

    training_class = models.ForeignKey(
        "training.TrainingClass", on_delete=models.CASCADE, related_name="error_tallies"
    )
    step = models.CharField(max_length=40)
    error_code = models.CharField(max_length=40)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["training_class", "step", "error_code"], name="one_tally_per_error"
            )
        ]

    def __str__(self):
        return f"{self.step}/{self.error_code}: {self.count}"


class RealSubmission(models.Model):
    """A first real online submission, recorded by the learner or confirmed by an
    official: the last stage of the funnel trained → practised → submitted."""

    enrollment = models.ForeignKey(
        "training.Enrollment", on_delete=models.CASCADE, related_name="real_submissions"
    )
    procedure_title = models.CharField("thủ tục", max_length=200)
    submitted_on = models.DateField("ngày nộp")
    recorded_at = models.DateTimeField(auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-recorded_at"]

    def __str__(self):
        return f"{self.procedure_title} {self.submitted_on:%d/%m/%Y}"


class FollowUpCall(models.Model):
    """The trainer's call a month after a learner completes, as Learn My Way does: did
    they go on to submit a real dossier online, which one, on their own or helped? Calls
    that reach nobody are kept too, so the list shows who to try again."""

    class Outcome(models.TextChoices):
        NOT_REACHED = "not_reached", "Chưa liên lạc được"
        ALONE = "alone", "Đã tự nộp hồ sơ trực tuyến"
        HELPED = "helped", "Đã nộp trực tuyến, có người giúp"
        NOT_YET = "not_yet", "Chưa nộp hồ sơ trực tuyến"

    enrollment = models.ForeignKey(
        "training.Enrollment", on_delete=models.CASCADE, related_name="follow_ups"
    )
    outcome = models.CharField("kết quả", max_length=12, choices=Outcome.choices)
    procedure_title = models.CharField("thủ tục đã nộp", max_length=200, blank=True)
    note = models.CharField("ghi chú", max_length=200, blank=True)
    called_at = models.DateTimeField("gọi lúc")
    called_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-called_at", "-id"]

    def __str__(self):
        return f"{self.enrollment_id} {self.get_outcome_display()}"
