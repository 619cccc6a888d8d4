"""Erasing a learner's personal data (Law 91/2025/QH15 on personal data protection).

The enrolment rows stay, emptied, so class, commune and province figures do not move;
issued certificates stay verifiable (course, date, issuing unit) without the holder's
name; the learner's account, sandbox practice, video logs and summaries go, and the
history rows are scrubbed of what identified them.
"""

from django.db import transaction
from django.utils import timezone

from .models import ActivitySummary, Certificate, Enrollment
from .permissions import MANAGER_GROUPS, TRAINER_GROUPS


class ErasureRefused(Exception):
    pass


def learner_erase(*, user, now=None):
    """Returns the number of enrolments emptied."""
    from courses.render_models import VideoWatchLog
    from sandbox.services.purge import practice_data_purge

    if (
        user.is_staff
        or user.is_superuser
        or user.groups.filter(name__in=TRAINER_GROUPS | MANAGER_GROUPS).exists()
    ):
        raise ErasureRefused(
            "Đây là tài khoản cán bộ hoặc tập huấn viên; hãy nhờ quản trị viên xóa."
        )
    now = now or timezone.now()
    owner_key = f"u{user.pk}"  # the sandbox's key for a logged-in learner
    enrollment_ids = list(Enrollment.objects.filter(learner=user).values_list("pk", flat=True))
    certificate_ids = list(Certificate.objects.filter(learner=user).values_list("pk", flat=True))
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
    practice_data_purge(owner_key=owner_key)
    return len(enrollment_ids)
