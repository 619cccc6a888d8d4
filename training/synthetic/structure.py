"""The synthetic province's shape: places and organising units, trainers, classes and
their sessions, learners and enrolments, attendance.

This is the first half of a build (``activity`` is the second); it fills in the
``Learner`` records the activity half then gives a history.
"""

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX

from ..activities import course_activities
from ..models import (
    JOIN_CODE_LETTERS,
    AdministrativeUnit,
    Attendance,
    ClassSession,
    Enrollment,
    OrganisingUnit,
    TrainingClass,
)
from .data import (
    ATTENDANCE_CLASS_SHARE,
    AUDIENCES,
    FAMILY_NAMES,
    GIVEN_NAMES,
    HISTORY_DAYS,
    LIVE_CLASS_SHARE,
    MIDDLE_NAMES,
    SYNTHETIC_PROVINCE,
    USERNAME_PREFIX,
    VILLAGES_PER_COMMUNE,
)
from .storage import objects_create, rows_insert


@dataclass
class Run:
    """What one build carries from step to step. Every random choice goes through ``rng``
    in a fixed order, so a seed always gives the same province; ``now`` is the moment the
    data pretends to be generated."""

    rng: random.Random
    now: datetime.datetime
    say: Callable[[str], None]
    step_errors: dict
    course_keys: dict = field(default_factory=dict)  # {course pk: [(activity key, kind)]}
    live_classes: set = field(default_factory=set)  # pks of the classes in session now
    sessions: dict = field(default_factory=dict)  # {class pk: [ClassSession]}


class Learner:
    """One enrolment being generated; rows for several tables are derived from it."""

    __slots__ = (
        "activities",
        "attended",
        "class_id",
        "completed_at",
        "created",
        "done",
        "enrollment_id",
        "events",
        "last_active",
        "learner_id",
        "live",
        "practised_at",
        "submitted_at",
        "total",
    )

    def __init__(self, **values):
        for name in self.__slots__:
            setattr(self, name, values.get(name))


# ---- places and organisers -----------------------------------------------------------


def units_create(run, counts):
    """The province, its communes and villages, and five organising units per commune.
    Returns the communes and {commune pk: [OrganisingUnit]}."""
    rng = run.rng
    province = AdministrativeUnit.objects.create(
        name=SYNTHETIC_PROVINCE, level=AdministrativeUnit.Level.PROVINCE, code="99"
    )
    communes = objects_create(
        AdministrativeUnit,
        [
            AdministrativeUnit(
                name=f"{'Phường' if n % 7 == 0 else 'Xã'} Tổng hợp {n:03d}",
                level=AdministrativeUnit.Level.COMMUNE,
                parent=province,
                code=f"99{n:03d}",
            )
            for n in range(1, counts["communes"] + 1)
        ],
    )
    villages = objects_create(
        AdministrativeUnit,
        [
            AdministrativeUnit(
                name=f"Thôn {v}, {commune.name.lower()}",
                level=AdministrativeUnit.Level.VILLAGE,
                parent=commune,
            )
            for commune in communes
            for v in range(1, VILLAGES_PER_COMMUNE + 1)
        ],
    )
    villages_of = {}
    for village in villages:
        villages_of.setdefault(village.parent_id, []).append(village)
    units = []
    for commune in communes:
        for kind in OrganisingUnit.Kind:
            # Party cells and youth-union branches are village-level; the rest commune-level.
            near = kind in (OrganisingUnit.Kind.PARTY_CELL, OrganisingUnit.Kind.YOUTH_UNION)
            where = rng.choice(villages_of[commune.pk]) if near else commune
            units.append(OrganisingUnit(name=where.name, kind=kind, unit=where))
    units = objects_create(OrganisingUnit, units)
    organisers = {}
    for unit, commune in zip(
        units, [c for c in communes for _k in OrganisingUnit.Kind], strict=True
    ):
        organisers.setdefault(commune.pk, []).append(unit)
    run.say(f"1 tỉnh, {len(communes)} xã, {len(villages)} thôn, {len(units)} đơn vị tổ chức.")
    return communes, organisers


# ---- classes, trainers, sessions -----------------------------------------------------


def _courses():
    from courses.models import CoursePage

    by_audience, keys = {}, {}
    for course in CoursePage.objects.live().specific().order_by("pk"):
        activities = [
            (a.key, "practice" if a.kind == "exercise" else a.kind)
            for a in course_activities(course)
        ]
        if activities:
            by_audience.setdefault(course.audience, []).append(course)
            keys[course.pk] = activities
    return by_audience, keys


def _join_codes(rng, count):
    taken = set(TrainingClass.objects.values_list("join_code", flat=True))
    codes = []
    while len(codes) < count:
        # Eight letters: never equal to a six-letter code handed out to a real class.
        code = "".join(rng.choices(JOIN_CODE_LETTERS, k=8))
        if code not in taken:
            taken.add(code)
            codes.append(code)
    return codes


def classes_create(run, counts, communes, organisers):
    """Trainers, classes (about 5% of them in session now) and three sessions a class.
    Fills in ``run.course_keys``, ``run.live_classes`` and ``run.sessions``."""
    rng, now = run.rng, run.now
    User = get_user_model()
    trainers = objects_create(
        User,
        [
            User(
                username=f"{USERNAME_PREFIX}thv{n:03d}",
                password=UNUSABLE_PASSWORD_PREFIX,  # nobody logs in as a synthetic user
                first_name=f"Tập huấn viên {n}",
                date_joined=now - datetime.timedelta(days=HISTORY_DAYS + 30),
            )
            for n in range(1, counts["trainers"] + 1)
        ],
    )
    courses_by_audience, run.course_keys = _courses()
    all_courses = [c for courses in courses_by_audience.values() for c in courses]
    n_classes = counts["classes"]
    n_live = max(1, round(n_classes * LIVE_CLASS_SHARE))
    live_at = set(rng.sample(range(n_classes), n_live))
    # Every commune gets a class; busier communes get more.
    weights = [rng.lognormvariate(0, 0.5) for _c in communes]
    placed = list(communes[:n_classes]) + rng.choices(
        communes, weights=weights, k=max(0, n_classes - len(communes))
    )
    rng.shuffle(placed)
    codes = _join_codes(rng, n_classes)
    audiences, audience_weights = zip(*AUDIENCES, strict=True)
    objects = []
    for index, (commune, code) in enumerate(zip(placed, codes, strict=True)):
        audience = rng.choices(audiences, weights=audience_weights)[0]
        choices = courses_by_audience.get(audience) or all_courses
        live = index in live_at
        age = rng.uniform(10, 40) if live else rng.uniform(14, HISTORY_DAYS)
        objects.append(
            TrainingClass(
                name=f"Lớp {audience.label.lower()} {commune.name} – {index + 1:04d}",
                organiser=rng.choice(organisers[commune.pk]),
                commune=commune,
                audience=audience,
                course=rng.choice(choices) if choices else None,
                trainer=rng.choice(trainers),
                join_code=code,
                is_open=age < 60,
                created_at=now - datetime.timedelta(days=age),
            )
        )
    classes = objects_create(TrainingClass, objects)
    run.live_classes = {c.pk for i, c in enumerate(classes) if i in live_at}
    sessions = []
    for cls in classes:
        if cls.pk in run.live_classes:
            # Weekly sessions, the last one started an hour ago.
            starts = [now - datetime.timedelta(hours=1, days=7 * w) for w in (2, 1, 0)]
            starts = [s for s in starts if s > cls.created_at]
        else:
            starts = [cls.created_at + datetime.timedelta(days=2 + 7 * w) for w in range(3)]
        sessions += [
            ClassSession(
                training_class=cls,
                starts_at=start.replace(minute=0, second=0),
                place=f"Nhà văn hóa {cls.commune.name.lower()}",
                device_notes="Mang theo điện thoại và thẻ căn cước.",
            )
            for start in starts
        ]
    run.sessions = {}
    for session in objects_create(ClassSession, sessions):
        run.sessions.setdefault(session.training_class_id, []).append(session)
    run.say(
        f"{len(trainers)} tập huấn viên, {len(classes)} lớp ({n_live} đang học), "
        f"{len(sessions)} buổi học; {len(all_courses)} khóa học có sẵn."
    )
    return classes


# ---- learners and enrolments ---------------------------------------------------------


def learners_create(run, counts, classes):
    """Learner accounts (no usable password) and their enrolments, spread unevenly over
    the classes. Returns one ``Learner`` per enrolment."""
    rng, now = run.rng, run.now
    total = counts["learners"]
    weights = [rng.uniform(0.4, 1.6) for _c in classes]
    scale = total / sum(weights)
    sizes = [int(w * scale) for w in weights]
    for i in rng.sample(range(len(classes)), total - sum(sizes)):
        sizes[i] += 1
    placements = [
        (
            cls,
            min(
                now - datetime.timedelta(minutes=90),
                cls.created_at + datetime.timedelta(days=rng.uniform(0, 7)),
            ),
        )
        for cls, size in zip(classes, sizes, strict=True)
        for _n in range(size)
    ]
    User = get_user_model()
    users = objects_create(
        User,
        [
            User(
                username=f"{USERNAME_PREFIX}hv{n:06d}",
                password=UNUSABLE_PASSWORD_PREFIX,  # not 60,000 password hashes
                date_joined=joined,
            )
            for n, (_cls, joined) in enumerate(placements, start=1)
        ],
    )
    run.say(f"{len(users)} tài khoản học viên.")
    enrollments = objects_create(
        Enrollment,
        [
            Enrollment(
                training_class=cls,
                learner=user,
                display_name=" ".join(
                    (
                        rng.choice(FAMILY_NAMES),
                        rng.choice(MIDDLE_NAMES),
                        rng.choice(GIVEN_NAMES),
                    )
                ),
                birth_year=rng.randint(1950, 2008),
                joined_via=(
                    Enrollment.JoinedVia.CODE if rng.random() < 0.7 else Enrollment.JoinedVia.ROSTER
                ),
                consent_at=joined,
                created_at=joined,
            )
            for user, (cls, joined) in zip(users, placements, strict=True)
        ],
    )
    run.say(f"{len(enrollments)} lượt ghi danh.")
    return [
        Learner(
            enrollment_id=e.pk,
            learner_id=e.learner_id,
            class_id=e.training_class_id,
            created=e.created_at,
            live=e.training_class_id in run.live_classes,
            attended=0,
            events=[],
        )
        for e in enrollments
    ]


def attendance_create(run, classes, learners):
    """Attendance for the past sessions of most classes (all those in session). Each mark
    also becomes an attendance event of the learner, loaded with the rest of the log."""
    rng, now = run.rng, run.now
    trainer_of = {c.pk: c.trainer_id for c in classes}
    marked = {
        c.pk for c in classes if c.pk in run.live_classes or rng.random() < ATTENDANCE_CLASS_SHARE
    }
    rows = []
    for learner in learners:
        if learner.class_id not in marked:
            continue
        for session in run.sessions.get(learner.class_id, []):
            if session.starts_at > now or session.starts_at < learner.created:
                continue
            present = rng.random() < 0.8
            recorded = min(now, session.starts_at + datetime.timedelta(minutes=30))
            learner.attended += present
            learner.events.append(
                (
                    "attendance",
                    f"session:{session.pk}",
                    "",
                    "",
                    1.0 if present else 0.0,
                    recorded,
                )
            )
            rows.append(
                (
                    session.pk,
                    learner.enrollment_id,
                    present,
                    trainer_of[learner.class_id],
                    recorded,
                )
            )
    count = rows_insert(
        Attendance,
        ["session_id", "enrollment_id", "present", "recorded_by_id", "recorded_at"],
        rows,
    )
    run.say(f"{count} lượt điểm danh ở {len(marked)} lớp.")
