"""The one-month follow-up call: the last stage of the outcome funnel (trained →
practised → submitted a real dossier online), asked of the learner rather than guessed.

A call that reaches the learner closes their follow-up; one that does not is kept, and
the learner stays on the trainer's list to try again. A learner who says they submitted
a real dossier gets a ``RealSubmission`` too, so the funnel's last stage counts them
whether they told the platform themselves or told the trainer on the phone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..errors import TrainingError, limited_text
from ..models import EnrollmentProgress, FollowUpCall, RealSubmission

if TYPE_CHECKING:
    import datetime

    from django.contrib.auth.models import User

    from ..models import Enrollment

SUBMITTED = (FollowUpCall.Outcome.ALONE, FollowUpCall.Outcome.HELPED)


def follow_up_record(
    *,
    enrollment: Enrollment,
    outcome: str,
    procedure_title: str = "",
    note: str = "",
    by: User,
    now: datetime.datetime,
) -> FollowUpCall:
    if outcome not in FollowUpCall.Outcome.values:
        raise TrainingError("outcome", _("Choose what the learner said, or that nobody answered."))
    procedure_title = limited_text(
        procedure_title, field="procedure_title", label=_("Procedure name"), max_length=200
    )
    note = limited_text(note, field="note", label=_("Note"), max_length=200)
    if outcome in SUBMITTED and not procedure_title:
        raise TrainingError(
            "procedure_title",
            _("Write which procedure they submitted, for example “Birth registration”."),
        )
    if enrollment.erased_at is not None:
        raise TrainingError("outcome", _("This learner’s personal data has been erased."))
    with transaction.atomic():
        progress = EnrollmentProgress.objects.select_for_update().get_or_create(
            enrollment=enrollment
        )[0]
        last = enrollment.follow_ups.first()
        # The same form sent twice (a double tap on weak Wi-Fi): one call.
        if (
            last is not None
            and last.outcome == outcome
            and last.procedure_title == procedure_title
            and (now - last.called_at).total_seconds() < 120
        ):
            return last
        call = FollowUpCall.objects.create(
            enrollment=enrollment,
            outcome=outcome,
            procedure_title=procedure_title if outcome in SUBMITTED else "",
            note=note,
            called_at=now,
            called_by=by,
        )
        if outcome != FollowUpCall.Outcome.NOT_REACHED:
            progress.followed_up_at, progress.follow_up_outcome = now, outcome
            progress.save(update_fields=["followed_up_at", "follow_up_outcome"])
        if outcome in SUBMITTED:
            report, _created = RealSubmission.objects.get_or_create(
                enrollment=enrollment,
                procedure_title=procedure_title,
                defaults={"submitted_on": timezone.localdate(now)},
            )
            if progress.real_submission_at is None:
                progress.real_submission_at = report.recorded_at
                progress.save(update_fields=["real_submission_at"])
    return call
