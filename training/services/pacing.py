"""Trainer-paced mode: the trainer moves the whole class from one activity of the course
to the next on the board ("Bước 3"), and every learner's phone shows that step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from ..activities import course_activities
from ..errors import TrainingError

if TYPE_CHECKING:
    import datetime

    from ..models import TrainingClass


def _save(training_class: TrainingClass, key: str, now: datetime.datetime) -> TrainingClass:
    training_class.paced_activity_key, training_class.paced_at = key, now if key else None
    training_class.save(update_fields=["paced_activity_key", "paced_at"])
    return training_class


def pace_move(
    *, training_class: TrainingClass, to: str, seen: str | None = None, now: datetime.datetime
) -> TrainingClass:
    """``to``: "next", "previous", "stop", or the number of a step (1 is the first).

    ``seen`` is the step the trainer's board showed when they pressed: if the class has
    moved since (the same button tapped twice, or sent again on weak Wi-Fi), the press
    is already done and the class stays where it is."""
    if seen is not None and seen != training_class.paced_activity_key:
        return training_class
    if to == "stop":
        return _save(training_class, "", now)
    keys = [a.key for a in course_activities(training_class.course)]
    if not keys:
        raise TrainingError(
            "pace", _("The class has no course with activities to go through step by step.")
        )
    current = (
        keys.index(training_class.paced_activity_key)
        if training_class.paced_activity_key in keys
        else None
    )
    if to == "next":
        index = 0 if current is None else min(current + 1, len(keys) - 1)
    elif to == "previous":
        index = 0 if current is None else max(current - 1, 0)
    elif to.isdigit() and 1 <= int(to) <= len(keys):
        index = int(to) - 1
    else:
        raise TrainingError("pace", _("There is no such step in this course."))
    return _save(training_class, keys[index], now)
