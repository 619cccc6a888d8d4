"""The synthetic province as a whole: find it, count it, delete it, build it.

The entry points the management command, the benchmark and the tests call; the work of
a build is done step by step by ``structure`` and ``activity``.
"""

import random
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..models import (
    ActivitySummary,
    AdministrativeUnit,
    Attendance,
    Certificate,
    ClassSession,
    Enrollment,
    EnrollmentProgress,
    ManagerScope,
    OrganisingUnit,
    PracticeErrorTally,
    ProgressEvent,
    ProgressOverride,
    RealSubmission,
    TrainingClass,
)
from . import activity, structure
from .data import DEFAULT_SEED, FULL_SIZE, SYNTHETIC_PROVINCE, USERNAME_PREFIX, step_errors
from .storage import raw_delete


def synthetic_counts(scale):
    """The sizes at ``scale``, in the keys of ``FULL_SIZE``; each at least 1."""
    return {name: max(1, round(count * scale)) for name, count in FULL_SIZE.items()}


def synthetic_provinces():
    return AdministrativeUnit.objects.filter(
        name=SYNTHETIC_PROVINCE, level=AdministrativeUnit.Level.PROVINCE
    )


def synthetic_existing_counts():
    """What the synthetic province holds now, in the keys of ``FULL_SIZE``; None if absent."""
    provinces = synthetic_provinces()
    if not provinces.exists():
        return None
    communes = AdministrativeUnit.objects.filter(parent__in=provinces, level="xa")
    classes = TrainingClass.objects.filter(commune__in=communes)
    enrollments = Enrollment.objects.filter(training_class__in=classes)
    return {
        "communes": communes.count(),
        "classes": classes.count(),
        "trainers": get_user_model()
        .objects.filter(username__startswith=f"{USERNAME_PREFIX}thv")
        .count(),
        "learners": enrollments.count(),
        "events": ProgressEvent.objects.filter(enrollment__in=enrollments.values("pk")).count(),
    }


def synthetic_province_delete():
    """Remove the synthetic province, everything under it and the synthetic users.
    Returns the number of progress events deleted."""
    User = get_user_model()
    users = User.objects.filter(username__startswith=USERNAME_PREFIX)
    provinces = list(synthetic_provinces().values_list("pk", flat=True))
    units, frontier = list(provinces), list(provinces)
    while frontier:
        frontier = list(
            AdministrativeUnit.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
        )
        units += frontier
    class_ids = TrainingClass.objects.filter(
        Q(commune_id__in=units) | Q(trainer__in=users.values("pk"))
    ).values("pk")
    enrollment_ids = Enrollment.objects.filter(
        Q(training_class_id__in=class_ids) | Q(learner__in=users.values("pk"))
    ).values("pk")
    with transaction.atomic():
        deleted = raw_delete(ProgressEvent.objects.filter(enrollment_id__in=enrollment_ids))
        deleted += raw_delete(ProgressEvent.objects.filter(learner_id__in=users.values("pk")))
        raw_delete(ActivitySummary.objects.filter(learner_id__in=users.values("pk")))
        raw_delete(PracticeErrorTally.objects.filter(training_class_id__in=class_ids))
        raw_delete(Attendance.objects.filter(enrollment_id__in=enrollment_ids))
        raw_delete(ClassSession.objects.filter(training_class_id__in=class_ids))
        for model in (EnrollmentProgress, ProgressOverride, RealSubmission, Certificate):
            raw_delete(model.objects.filter(enrollment_id__in=enrollment_ids))
        raw_delete(Enrollment.objects.filter(pk__in=enrollment_ids))
        raw_delete(TrainingClass.objects.filter(pk__in=class_ids))
        raw_delete(OrganisingUnit.objects.filter(unit_id__in=units))
        raw_delete(ManagerScope.objects.filter(unit_id__in=units))
        for level in ("thon", "xa", "huyen", "tinh"):
            raw_delete(AdministrativeUnit.objects.filter(pk__in=units, level=level))
        raw_delete(User.groups.through.objects.filter(user_id__in=users.values("pk")))
        raw_delete(User.user_permissions.through.objects.filter(user_id__in=users.values("pk")))
        raw_delete(users)
    return deleted


def _say_nothing(text):
    pass


def synthetic_province_build(
    *,
    scale: float = 1.0,
    seed: int = DEFAULT_SEED,
    reuse: bool = False,
    say: Callable[[str], None] = _say_nothing,
) -> None:
    """Build the synthetic province at ``scale``, replacing any earlier one; with
    ``reuse``, keep an existing one whose counts are those expected. ``say`` receives a
    line of progress after each step. The same seed gives the same rows, apart from
    dates, which follow the current time."""
    counts = synthetic_counts(scale)
    if reuse:
        existing = synthetic_existing_counts()
        if existing == counts:
            say(f"Dùng lại tỉnh giả đã có: {existing}")
            return
        if existing is not None:
            say(f"Tỉnh giả đã có không khớp ({existing} ≠ {counts}): tạo lại.")
    run = structure.Run(
        rng=random.Random(seed),  # noqa: S311 - made-up data, no secrets
        now=timezone.now().replace(microsecond=0),
        say=say,
        step_errors=step_errors(),
    )
    say("Xóa tỉnh giả cũ…")
    deleted = synthetic_province_delete()
    say(f"Đã xóa ({deleted} sự kiện).")
    communes, organisers = structure.units_create(run, counts)
    classes = structure.classes_create(run, counts, communes, organisers)
    learners = structure.learners_create(run, counts, classes)
    structure.attendance_create(run, classes, learners)
    activity.paths_plan(run, learners)
    activity.summaries_create(run, learners)
    activity.progress_create(run, learners)
    activity.events_create(run, counts, learners)
    activity.tables_analyze(run)
    say(f"Xong: {synthetic_existing_counts()}")
