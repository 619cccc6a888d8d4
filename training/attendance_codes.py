"""The attendance code on the projector: 4 digits that change every minute.

Drawn from the session's secret and the minute (an HMAC, like a one-time-password
token), so nothing is stored per minute and every server behind a proxy shows the same
code. A code stays good through the next minute too, for a learner who types slowly; a
code older than that was read off a photo sent from the hall, and is refused.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .models import ClassSession

# A session's code attendance closes by itself this long after it was opened, in case
# the trainer forgets: a code from a week-old session must not still mark anyone.
OPEN_FOR = datetime.timedelta(hours=4)
PERIOD_SECONDS = 60
DIGITS = 4
# Codes of the last few minutes get their own message ("the code has changed"), so a
# slow learner is told to look again rather than that they typed it wrong.
RECENT_PERIODS = 5


def code_attendance_is_open(session: ClassSession, now: datetime.datetime) -> bool:
    return bool(
        session.code_opened_at
        and session.code_closed_at is None
        and session.code_opened_at <= now < session.code_opened_at + OPEN_FOR
    )


def _period(moment: datetime.datetime) -> int:
    return int(moment.timestamp() // PERIOD_SECONDS)


def _code(session: ClassSession, period: int) -> str:
    digest = hmac.new(
        session.attendance_secret.encode(), f"{session.pk}:{period}".encode(), hashlib.sha256
    ).digest()
    return f"{int.from_bytes(digest[:8], 'big') % 10**DIGITS:0{DIGITS}d}"


def code_now(session: ClassSession, moment: datetime.datetime) -> str:
    return _code(session, _period(moment))


def seconds_to_next_code(moment: datetime.datetime) -> int:
    return PERIOD_SECONDS - int(moment.timestamp()) % PERIOD_SECONDS


def normalise_code(typed: str | None) -> str:
    """Digits only: a code typed with spaces, or with Vietnamese keyboard's full-width
    digits, still counts."""
    return "".join(str(int(ch)) for ch in (typed or "") if ch.isdigit())


def code_check(
    session: ClassSession, typed: str | None, moment: datetime.datetime
) -> Literal["ok", "expired", "wrong"]:
    code = normalise_code(typed)
    if len(code) != DIGITS:
        return "wrong"
    now = _period(moment)
    if any(hmac.compare_digest(code, _code(session, now - back)) for back in (0, 1)):
        return "ok"
    if any(code == _code(session, now - back) for back in range(2, RECENT_PERIODS + 1)):
        return "expired"
    return "wrong"
