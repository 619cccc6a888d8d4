"""Attendance by the code on the projector, beside the trainer's tick list.

The trainer opens code attendance for a session; each learner types the code shown (or
scans the QR code, which carries it) on their own phone. The code changes every minute,
so a photo sent home is stale by the time it arrives. Marks by code carry a digest of the
phone's browser session, so the tick list shows learners marked from one phone.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ..attendance_codes import code_attendance_is_open, code_check
from ..errors import TrainingError
from ..models import Attendance
from .progress import attendance_progress_record

if TYPE_CHECKING:
    import datetime

    from ..models import ClassSession, Enrollment


def device_digest(session_key: str | None) -> str:
    if not session_key:
        return ""
    return hashlib.sha256(f"attendance:{session_key}".encode()).hexdigest()[:12]


def code_attendance_open(*, session: ClassSession, now: datetime.datetime) -> ClassSession:
    session.code_opened_at, session.code_closed_at = now, None
    session.save(update_fields=["code_opened_at", "code_closed_at"])
    return session


def code_attendance_close(*, session: ClassSession, now: datetime.datetime) -> ClassSession:
    if code_attendance_is_open(session, now):
        session.code_closed_at = now
        session.save(update_fields=["code_closed_at"])
    return session


def attendance_by_code(
    *,
    session: ClassSession,
    enrollment: Enrollment,
    code: str | None,
    device: str,
    now: datetime.datetime,
) -> Attendance:
    """Mark the learner present with the code on the projector. Sent twice (a double
    tap, a retry on weak Wi-Fi, or after the code has changed) it finds the mark made and
    returns it: being present once is enough."""
    if enrollment.training_class_id != session.training_class_id or enrollment.erased_at:
        raise TrainingError("code", _("You are not on the roster of this class."))
    existing = Attendance.objects.filter(session=session, enrollment=enrollment).first()
    if existing is not None and existing.present:
        return existing
    if not code_attendance_is_open(session, now):
        raise TrainingError(
            "code",
            _(
                "Attendance by code is not open for this session. Ask the trainer to open it, "
                "or to tick your name on the list."
            ),
        )
    outcome = code_check(session, code, now)
    if outcome == "expired":
        raise TrainingError(
            "code",
            _("The code has changed since. Look at the new code on the screen and type it."),
        )
    if outcome != "ok":
        raise TrainingError(
            "code",
            _("The code is not right. Type the 4 digits shown on the screen now, e.g. 4821."),
        )
    try:
        with transaction.atomic():
            mark, _created = Attendance.objects.update_or_create(
                session=session,
                enrollment=enrollment,
                defaults={
                    "present": True,
                    "method": Attendance.Method.CODE,
                    "device": device,
                    "recorded_by": enrollment.learner,
                },
            )
    except IntegrityError:  # the same learner's other tap made it at the same moment
        return Attendance.objects.get(session=session, enrollment=enrollment)
    attendance_progress_record(marks=[mark], now=now)
    return mark
