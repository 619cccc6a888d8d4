"""Erasing a learner's personal data (Law 91/2025/QH15 on personal data protection).

The enrolment rows stay, emptied, so class, commune and province figures do not move;
issued certificates stay verifiable (course, date, issuing unit) without the holder's
name; the learner's account, sandbox practice, video logs and summaries go, and the
history rows are scrubbed of what identified them.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ActivitySummary, Certificate, Enrollment
from ..permissions import is_plain_learner

if TYPE_CHECKING:
    from django.contrib.auth.models import User


class ErasureRefused(Exception):
    pass


def learner_erase(*, user: User, now: datetime.datetime | None = None) -> int:
    """Returns the number of enrolments emptied."""
    from courses.models.renders import VideoWatchLog
    from sandbox.services.purge import practice_data_purge

    if not is_plain_learner(user):
        raise ErasureRefused(
            _("This is an official’s or a trainer’s account; ask an administrator to erase it.")
        )
    now = now or timezone.now()
    owner_key = f"u{user.pk}"  # the sandbox's key for a logged-in learner
    enrollment_ids = list(Enrollment.objects.filter(learner=user).values_list("pk", flat=True))
    certificate_ids = list(Certificate.objects.filter(learner=user).values_list("pk", flat=True))
    # Practice data first, while the account still exists: deleting history-tracked
    # dossiers writes history rows that name the request's user.
    practice_data_purge(owner_key=owner_key)
    with transaction.atomic():
        # update(), not save(): a save would write one more history row with the name.
        Enrollment.objects.filter(pk__in=enrollment_ids).update(
            display_name="", birth_year=None, phone="", learner=None, erased_at=now
        )
        Enrollment.history.filter(id__in=enrollment_ids).update(
            display_name="", birth_year=None, learner=None
        )
        Certificate.objects.filter(pk__in=certificate_ids).update(
            holder_name="", learner=None, holder_erased_at=now
        )
        Certificate.history.filter(id__in=certificate_ids).update(holder_name="", learner=None)
        ActivitySummary.objects.filter(learner=user).delete()
        VideoWatchLog.objects.filter(user=user).delete()
        user.delete()  # progress events keep their enrolment, lose the account (SET_NULL)
    return len(enrollment_ids)
