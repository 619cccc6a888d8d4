"""The 5-minute figure: how long a learner takes from logging in to the practice portal
to a successful submission (QĐ 1565/QĐ-TTg: under 5 minutes on the real portal in 2026).

Timed from the sandbox's own event log, so nothing on the learner's screen changes: the
log-in is the practice event that completes the "login" or "vneid" step, the submission
the one that completes "review" with a dossier code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from ..models import Enrollment, EnrollmentProgress, PracticeSubmissionTime

if TYPE_CHECKING:
    from sandbox.models import PracticeEvent

TARGET_SECONDS = 5 * 60
LOGIN_STEPS = ("login", "vneid")
SUBMIT_STEP = "review"


def _timing_start(event: PracticeEvent) -> PracticeEvent | None:
    """The log-in this submission was made in, or the previous submission of that log-in
    if there was one: whichever came last before it."""
    from sandbox.models import PracticeEvent as Sandbox

    return (
        Sandbox.objects.filter(
            owner_key=event.owner_key,
            kind=Sandbox.Kind.STEP_COMPLETED,
            step__in=(*LOGIN_STEPS, SUBMIT_STEP),
            created_at__lte=event.created_at,
        )
        .exclude(pk=event.pk)
        .order_by("-created_at", "-id")
        .first()
    )


def submission_time_record(*, event: PracticeEvent) -> list[PracticeSubmissionTime]:
    """Time a successful practice submission for each class the learner is in. Other
    events, visitors without an account and submissions never preceded by a log-in are
    not timed. The same submission reported twice is timed once."""
    from sandbox.models import PracticeEvent as Sandbox

    code = (event.data or {}).get("code")
    if (
        event.user_id is None
        or event.kind != Sandbox.Kind.STEP_COMPLETED
        or event.step != SUBMIT_STEP
        or not code
    ):
        return []
    start = _timing_start(event)
    if start is None:
        return []
    seconds = max(0, round((event.created_at - start.created_at).total_seconds()))
    enrollments = Enrollment.objects.filter(learner_id=event.user_id, erased_at__isnull=True)
    times = []
    with transaction.atomic():
        for enrollment in enrollments:
            timing, created = PracticeSubmissionTime.objects.get_or_create(
                enrollment=enrollment,
                dossier_code=code[:40],
                defaults={
                    "procedure_title": str(event.data.get("procedure") or "")[:255],
                    "guided": event.mode == "guided",
                    "started_at": start.created_at,
                    "submitted_at": event.created_at,
                    "seconds": seconds,
                },
            )
            if created:
                progress, _created = EnrollmentProgress.objects.select_for_update().get_or_create(
                    enrollment=enrollment
                )
                if progress.first_submit_seconds is None:
                    progress.first_submit_seconds = seconds
                progress.last_submit_seconds = seconds
                progress.save(update_fields=["first_submit_seconds", "last_submit_seconds"])
                times.append(timing)
    return times
