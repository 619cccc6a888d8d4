"""Reads for the trainer's pages: the live class board and the class's history."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sandbox.errors import MESSAGES as ERROR_MESSAGES
from sandbox.errors import STEPS

from .activities import completion_rule, course_activities
from .attendance_codes import OPEN_FOR, code_attendance_is_open
from .models import ActivitySummary, Certificate, ClassSession, Enrollment, TrainingClass
from .paced_steps import BEHIND, class_pace
from .services.progress import FREE_PRACTICE_KEY

# A learner idle on a step for longer than this has left, not got stuck.
STUCK_WINDOW = datetime.timedelta(minutes=90)


@dataclass
class BoardRow:
    enrollment: Enrollment
    done: int = 0
    total: int = 0
    percent: int = 0
    completed: bool = False
    doing: str = ""
    step: str = ""
    last_active: str = ""
    help_reasons: list[str] = field(default_factory=list)
    pace: str = ""  # trainer-paced mode: waiting, on_step or behind
    pace_missing: list[str] = field(default_factory=list)  # earlier steps not done
    pre_test: int | None = None  # percent
    post_test: int | None = None  # best percent
    post_passed: bool = False
    desk: str = ""  # an official learner's one-stop-desk score on the class's desk

    @property
    def needs_help(self) -> bool:
        return bool(self.help_reasons)


def ago_label(when: datetime.datetime | None, now: datetime.datetime) -> str:
    """ "just now", "7 minutes ago", "2 hours ago", "3 days ago" (Django's Vietnamese
    catalogue does not translate timesince's plural forms)."""
    if when is None:
        return ""
    seconds = max(0, (now - when).total_seconds())
    if seconds < 60:
        return _("just now")
    if seconds >= 86400:
        count = int(seconds // 86400)
        return ngettext("%(count)s day ago", "%(count)s days ago", count) % {"count": count}
    if seconds >= 3600:
        count = int(seconds // 3600)
        return ngettext("%(count)s hour ago", "%(count)s hours ago", count) % {"count": count}
    count = int(seconds // 60)
    return ngettext("%(count)s minute ago", "%(count)s minutes ago", count) % {"count": count}


def _activity_title(key: str, titles: dict[str, str], exercise_titles: dict[str, str]) -> str:
    if key in titles:
        return titles[key]
    if key == FREE_PRACTICE_KEY:
        return _("Free practice")
    if key.startswith("exercise:"):
        return _("Practice: %(title)s") % {"title": exercise_titles.get(key[9:], key[9:])}
    return ""


def _help_reasons(
    summary: ActivitySummary, training_class: TrainingClass, now: datetime.datetime
) -> list[str]:
    reasons = []
    step = STEPS.get(summary.current_step, summary.current_step)
    if summary.same_error_count >= training_class.help_after_errors:
        message = ERROR_MESSAGES.get(summary.last_error_code, ("",))[0]
        count = summary.same_error_count
        reasons.append(
            ngettext(
                "%(count)s mistake in a row at “%(step)s”",
                "%(count)s mistakes in a row at “%(step)s”",
                count,
            )
            % {"count": count, "step": step}
            + (f": {message}" if message else "")
        )
    if summary.current_step and not summary.step_done and summary.step_since:
        waited = now - summary.step_since
        if datetime.timedelta(minutes=training_class.help_after_minutes) <= waited <= STUCK_WINDOW:
            minutes = int(waited.total_seconds() // 60)
            reasons.append(
                ngettext(
                    "Stuck at “%(step)s” for %(minutes)s minute",
                    "Stuck at “%(step)s” for %(minutes)s minutes",
                    minutes,
                )
                % {"step": step, "minutes": minutes}
            )
    return reasons


def class_board(training_class: TrainingClass, *, now: datetime.datetime) -> dict[str, Any]:
    """One row per learner: progress, what they are doing now, and whether they need
    help. Reads summaries only (two queries, whatever the size of the event log)."""
    from sandbox.models import Exercise

    enrollments = list(
        training_class.enrollments.filter(erased_at__isnull=True).select_related("progress")
    )
    activities = course_activities(training_class.course)
    titles = {a.key: a.title for a in activities}
    latest = {}
    practice = {}
    for summary in ActivitySummary.objects.filter(
        learner_id__in=[e.learner_id for e in enrollments if e.learner_id],
        last_event_at__gte=now - datetime.timedelta(days=1),
    ).order_by("-last_event_at"):
        latest.setdefault(summary.learner_id, summary)
        if summary.kind == "practice":
            practice.setdefault(summary.learner_id, summary)
    exercise_titles = dict(Exercise.objects.values_list("slug", "title"))
    rows = []
    for enrollment in enrollments:
        progress = getattr(enrollment, "progress", None)
        row = BoardRow(enrollment=enrollment)
        if progress is not None:
            row.done, row.total = progress.activities_done, progress.activities_total
            row.completed = progress.completed_at is not None
            row.last_active = ago_label(progress.last_active_at, now)
            row.pre_test, row.post_test = progress.pre_test_percent, progress.post_test_percent
            row.post_passed = progress.post_test_passed_at is not None
        row.total = row.total or len(activities)
        row.percent = int(100 * row.done / row.total) if row.total else 0
        current = latest.get(enrollment.learner_id)
        if current is not None:
            row.doing = _activity_title(current.activity_key, titles, exercise_titles)
            if current.kind == "practice" and current.current_step:
                row.step = STEPS.get(current.current_step, current.current_step)
        attempt = practice.get(enrollment.learner_id)
        if attempt is not None:
            row.help_reasons = _help_reasons(attempt, training_class, now)
        rows.append(row)
    if training_class.pairs_desk:
        _desk_scores(training_class, rows)
    pace = class_pace(training_class, enrollments, activities)
    for row in rows:
        row.pace, missing = pace["states"].get(row.enrollment.pk, ("", []))
        row.pace_missing = [a.title for a in missing]
    rows.sort(
        key=lambda r: (not r.needs_help, r.pace != BEHIND, r.completed, r.enrollment.display_name)
    )
    return {
        "pace": pace,
        "rows": rows,
        "rule": completion_rule(training_class.course) if training_class.course else "",
        "needs_help": sum(r.needs_help for r in rows),
        "completed": sum(r.completed for r in rows),
        "post_test": {
            "taken": sum(r.post_test is not None for r in rows),
            "passed": sum(r.post_passed for r in rows),
        },
    }


def _desk_scores(training_class: TrainingClass, rows: list[BoardRow]) -> None:
    """Each official learner's score at the class's shared desk (sandbox rubric)."""
    from sandbox.services.desk_rubric import desk_rubric_for

    from .services.desk_pairing import class_desk_key, desk_owner_keys

    officials = set(desk_owner_keys(training_class))
    if not officials:
        return
    scores = desk_rubric_for(owner_keys=officials, desk_key=class_desk_key(training_class))
    for row in rows:
        score = scores.get(f"u{row.enrollment.learner_id}")
        if score is not None:
            row.desk = ngettext(
                "One-stop desk: %(count)s dossier, %(points)s/%(out_of)s points",
                "One-stop desk: %(count)s dossiers, %(points)s/%(out_of)s points",
                score.dossiers,
            ) % {"count": score.dossiers, "points": score.points, "out_of": score.out_of}


def class_history(training_class: TrainingClass, *, limit: int = 60) -> list[dict[str, Any]]:
    """Who changed the roster, attendance, certificates, manual progress and real
    submissions of this class, newest first."""
    from .models import Attendance, ProgressOverride, RealSubmission

    enrollment_ids = list(training_class.enrollments.values_list("pk", flat=True))
    entries = []
    sources = [
        (
            "roster",
            _("Class list"),
            Enrollment.history.filter(training_class_id=training_class.pk),
        ),
        (
            "attendance",
            _("Attendance"),
            Attendance.history.filter(enrollment_id__in=enrollment_ids),
        ),
        (
            "certificate",
            _("Certificate"),
            Certificate.history.filter(enrollment_id__in=enrollment_ids),
        ),
        (
            "override",
            _("Progress recorded by hand"),
            ProgressOverride.history.filter(enrollment_id__in=enrollment_ids),
        ),
        (
            "submission",
            _("Real application"),
            RealSubmission.history.filter(enrollment_id__in=enrollment_ids),
        ),
    ]
    names = dict(training_class.enrollments.values_list("pk", "display_name"))
    kinds = {"+": _("Added"), "~": _("Changed"), "-": _("Deleted")}
    for source, label, queryset in sources:
        for row in queryset.select_related("history_user").order_by("-history_date")[:limit]:
            who = names.get(getattr(row, "enrollment_id", None) or getattr(row, "id", None), "")
            if source == "roster":
                who = row.display_name or _("(data erased)")
            entries.append(
                {
                    "when": row.history_date,
                    "what": label,
                    "change": kinds.get(row.history_type, row.history_type),
                    "about": who,
                    "detail": _history_detail(source, row),
                    "by": row.history_user.get_username() if row.history_user else _("system"),
                }
            )
    entries.sort(key=lambda e: e["when"], reverse=True)
    return entries[:limit]


def _history_detail(source: str, row: Any) -> str:
    if source == "attendance":
        return _("present") if row.present else _("absent")
    if source == "certificate":
        if row.revoked_at:
            return _("%(code)s – revoked: %(reason)s") % {
                "code": row.code,
                "reason": row.revoked_reason,
            }
        return f"{row.code}"
    if source == "override":
        if row.done:
            return _("done – %(reason)s") % {"reason": row.reason}
        return _("not done – %(reason)s") % {"reason": row.reason}
    if source == "submission":
        if row.confirmed_at:
            return _("%(procedure)s – confirmed") % {"procedure": row.procedure_title}
        return row.procedure_title
    return ""


def sessions_open_for_code(enrollment: Enrollment, now: datetime.datetime) -> list[ClassSession]:
    """The sessions of the learner's class taking attendance by code right now."""
    candidates = ClassSession.objects.filter(
        training_class_id=enrollment.training_class_id,
        code_opened_at__gt=now - OPEN_FOR,
        code_closed_at__isnull=True,
    )
    return [s for s in candidates if code_attendance_is_open(s, now)]


def attendance_marks(session: ClassSession) -> dict[int, dict[str, Any]]:
    """{enrollment id: how and when they were marked, and who else was marked from the
    same phone} for the trainer's tick list."""
    marks = list(session.attendance.select_related("enrollment"))
    by_device: dict[str, list[str]] = {}
    for mark in marks:
        if mark.present and mark.device:
            by_device.setdefault(mark.device, []).append(mark.enrollment.display_name)
    return {
        mark.enrollment_id: {
            "present": mark.present,
            "by_code": mark.method == mark.Method.CODE,
            "at": mark.recorded_at,
            "same_phone": [
                name
                for name in by_device.get(mark.device, [])
                if name != mark.enrollment.display_name
            ]
            if mark.present and mark.device
            else [],
        }
        for mark in marks
    }


# The one-month call: a learner who completed this long ago goes on the trainer's list.
FOLLOW_UP_AFTER = datetime.timedelta(days=30)


def follow_ups(user: Any, now: datetime.datetime) -> dict[str, list[Enrollment]]:
    """The trainer's calls: "due" (completed a month ago or more, not reached yet,
    longest waiting first) and "done" (reached in the last 90 days, latest first)."""
    mine = Enrollment.objects.filter(training_class__trainer=user, erased_at__isnull=True)
    related = ("training_class", "progress")
    due = (
        mine.filter(
            progress__completed_at__lte=now - FOLLOW_UP_AFTER,
            progress__followed_up_at__isnull=True,
        )
        .select_related(*related)
        .prefetch_related("follow_ups")
        .order_by("progress__completed_at", "pk")
    )
    done = (
        mine.filter(progress__followed_up_at__gte=now - datetime.timedelta(days=90))
        .select_related(*related)
        .prefetch_related("follow_ups")
        .order_by("-progress__followed_up_at", "pk")
    )
    return {"due": list(due), "done": list(done)}
