"""Who may see and change what: roles are groups, scopes are objects.

- learner: only their own enrolments, progress and certificates;
- trainer / official: the classes they run (and their learners);
- commune or province manager: read-only over every class inside their ``ManagerScope``,
  plus revoking certificates and confirming real submissions there;
- administrator (superuser): everything.

The groups' names live in ``home.roles``, shared with the sandbox's desk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from home.roles import MANAGER_GROUPS, TRAINER_GROUPS

from .models import AdministrativeUnit, ManagerScope, TrainingClass

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    from .models import Certificate

    AnyUser = User | AnonymousUser


def can_train(user: AnyUser) -> bool:
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name__in=TRAINER_GROUPS).exists()
    )


def is_plain_learner(user: User) -> bool:
    """An account that is only a learner's: the only kind a trainer may print a new
    log-in card for, or erase on request. Anything more goes through an administrator."""
    return not (
        user.is_staff
        or user.is_superuser
        or user.groups.filter(name__in=TRAINER_GROUPS | MANAGER_GROUPS).exists()
    )


def is_manager(user: AnyUser) -> bool:
    return user.is_authenticated and (
        user.is_superuser or ManagerScope.objects.filter(user=user).exists()
    )


def managed_unit_ids(user: AnyUser) -> set[int]:
    """Every administrative unit inside the user's scopes (the tree is at most four
    levels deep: province → legacy district → commune → village)."""
    if not user.is_authenticated:
        return set()
    frontier = set(ManagerScope.objects.filter(user=user).values_list("unit_id", flat=True))
    seen = set(frontier)
    while frontier:
        frontier = (
            set(
                AdministrativeUnit.objects.filter(parent_id__in=frontier).values_list(
                    "id", flat=True
                )
            )
            - seen
        )
        seen |= frontier
    return seen


def class_communes(user: AnyUser) -> QuerySet[AdministrativeUnit]:
    """The communes a user may open a class in, for the "Mở lớp mới" list: an
    administrator (or staff) anywhere; an account with a scope ("Phạm vi quản lý") only
    inside it; a trainer given no scope yet anywhere, as before scopes narrowed the list."""
    communes = AdministrativeUnit.objects.filter(level=AdministrativeUnit.Level.COMMUNE)
    if not user.is_authenticated:
        return communes.none()
    if user.is_superuser or user.is_staff:
        return communes
    scope = managed_unit_ids(user)
    return communes.filter(pk__in=scope) if scope else communes


def classes_visible(user: AnyUser) -> QuerySet[TrainingClass]:
    if not user.is_authenticated:
        return TrainingClass.objects.none()
    if user.is_superuser:
        return TrainingClass.objects.all()
    return TrainingClass.objects.filter(
        Q(trainer=user) | Q(commune_id__in=managed_unit_ids(user))
    ).distinct()


def class_can_view(user: AnyUser, training_class: TrainingClass) -> bool:
    if not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or training_class.trainer_id == user.pk
        or training_class.commune_id in managed_unit_ids(user)
    )


def class_can_change(user: AnyUser, training_class: TrainingClass) -> bool:
    """Roster, sessions, attendance and manual progress: the class's own trainer."""
    return user.is_authenticated and (user.is_superuser or training_class.trainer_id == user.pk)


def units_visible(user: AnyUser) -> QuerySet[AdministrativeUnit]:
    if user.is_superuser:
        return AdministrativeUnit.objects.all()
    return AdministrativeUnit.objects.filter(pk__in=managed_unit_ids(user))


def certificate_can_manage(user: AnyUser, certificate: Certificate) -> bool:
    """Revoking: the trainer of the class it came from, a manager over its commune, or
    an administrator."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    enrollment = certificate.enrollment
    if enrollment is not None and enrollment.training_class.trainer_id == user.pk:
        return True
    return certificate.commune_id is not None and certificate.commune_id in managed_unit_ids(user)
