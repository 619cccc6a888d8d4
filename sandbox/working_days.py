"""Due dates in working days, as the one-stop systems compute NgayHenTra.

Saturdays, Sundays and the days in the Holiday table are not working days. A dossier
received after 15:00 starts counting on the next working day (the rule printed on the
appointment slips). Time limits given in working hours count 8 hours to a day.
"""

from __future__ import annotations

import datetime
import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Container
    from decimal import Decimal

CUTOFF = datetime.time(15, 0)
HOURS_PER_DAY = 8


def is_working_day(day: datetime.date, holidays: Container[datetime.date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def next_working_day(day: datetime.date, holidays: Container[datetime.date]) -> datetime.date:
    day += datetime.timedelta(days=1)
    while not is_working_day(day, holidays):
        day += datetime.timedelta(days=1)
    return day


def add_working_days(
    start: datetime.date, days: int, holidays: Container[datetime.date]
) -> datetime.date:
    """The date ``days`` working days after ``start`` (``start`` itself not counted)."""
    day = start
    for _ in range(days):
        day = next_working_day(day, holidays)
    return day


def due_date(
    received_at: datetime.datetime,
    *,
    value: Decimal | float | None,
    unit: str,
    holidays: Container[datetime.date],
) -> datetime.date:
    """The appointment date for a dossier received at ``received_at`` (local time).

    ``value``/``unit`` come from the procedure's online channel (an editor's data):
    ``ngay_lam_viec`` (working days), ``gio_lam_viec`` (working hours) or ``ngay``
    (calendar days).
    """
    start = received_at.date()
    if received_at.time() >= CUTOFF or not is_working_day(start, holidays):
        # As if received on the next working day's morning.
        start = next_working_day(start, holidays)
    value = float(value or 0)
    if unit == "ngay":
        return start + datetime.timedelta(days=max(math.ceil(value), 1))
    days = math.ceil(value / HOURS_PER_DAY) if unit == "gio_lam_viec" else math.ceil(value)
    return add_working_days(start, max(days, 1), holidays)


def working_days_between(
    start: datetime.date, end: datetime.date, holidays: Container[datetime.date]
) -> int:
    """Working days after ``start`` up to and including ``end`` (0 if end <= start)."""
    count, day = 0, start
    while day < end:
        day += datetime.timedelta(days=1)
        if is_working_day(day, holidays):
            count += 1
    return count
