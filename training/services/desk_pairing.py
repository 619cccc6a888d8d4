"""Both sides of the counter: in a class that pairs its learners, the practice dossiers
its citizen learners submit go to the one-stop desk of its official learners.

The sandbox knows nothing of classes: it offers shared desks (a key, the practice
owners seated at it) and routes a dossier to one; the class decides who sits where.
An official learner is one whose account has the officials' role; the class's trainer
demonstrates at the desk anyway and is not seated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from home import roles
from sandbox.services.desk_routing import desk_seats_set, dossier_route_to_desk

from ..models import Enrollment, SkillCheckAttempt

if TYPE_CHECKING:
    from sandbox.models import PracticeEvent

    from ..models import TrainingClass


def class_desk_key(training_class: TrainingClass) -> str:
    return f"lop-{training_class.pk}"


def official_enrollments(training_class: TrainingClass):
    return training_class.enrollments.filter(
        erased_at__isnull=True, learner__groups__name=roles.OFFICIAL
    ).distinct()


def desk_owner_keys(training_class: TrainingClass) -> list[str]:
    return [
        f"u{pk}" for pk in official_enrollments(training_class).values_list("learner_id", flat=True)
    ]


def desk_seats_sync(training_class: TrainingClass) -> list[str]:
    """Seat exactly the class's current official learners at its desk (nobody when the
    class does not pair): called when a dossier is routed and when the settings or the
    roster change, so an official who left, or a class that stopped pairing, keeps no
    seat on classmates' dossiers."""
    owners = desk_owner_keys(training_class) if training_class.pairs_desk else []
    desk_seats_set(desk_key=class_desk_key(training_class), owner_keys=owners)
    return owners


def submitted_dossier_route(*, event: PracticeEvent) -> str:
    """After a citizen learner's practice submission: send the dossier to the desk of
    their paired class, if it has an official learner. Returns the desk key, or "".

    The learner's most recent paired class wins when they are in several; an official
    practising as a citizen keeps their own dossier (nobody else to hand it to)."""
    if event.step != "review" or event.kind != "step_completed" or event.user_id is None:
        return ""
    code = (event.data or {}).get("code")
    if not code or event.user.groups.filter(name=roles.OFFICIAL).exists():
        return ""
    enrollment = (
        Enrollment.objects.filter(
            learner_id=event.user_id, erased_at__isnull=True, training_class__pairs_desk=True
        )
        .select_related("training_class")
        .order_by("-created_at")
        .first()
    )
    if enrollment is None:
        return ""
    if SkillCheckAttempt.objects.filter(
        enrollment__learner_id=event.user_id, submitted_at__isnull=True
    ).exists():
        # A practical item of a skills check is the learner's own work with the
        # scripted officer; a classmate at the desk would change the exercise.
        return ""
    training_class = enrollment.training_class
    owners = desk_seats_sync(training_class)
    if not owners:
        return ""
    key = class_desk_key(training_class)
    routed = dossier_route_to_desk(
        dossier_code=code, desk_key=key, wait_seconds=60 * training_class.desk_wait_minutes
    )
    return key if routed is not None else ""
