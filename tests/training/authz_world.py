"""The authorisation test's world: actors, parcels of data with an owner, the policy
(who may see and change what), and the builder of two provinces' worth of objects."""

import uuid
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from home import roles
from home.models import PictureCard
from sandbox.context import PracticeContext
from sandbox.models import (
    DossierAttachment,
    DossierStatus,
    Exercise,
    Payment,
)
from sandbox.services import accounts, desk, payments
from sandbox.services.desk_routing import desk_seats_set, dossier_route_to_desk
from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    ManagerScopeFactory,
    UserFactory,
)
from tests.helpers import OFFICER, QUESTIONS, dossier_walk, seed_khai_sinh
from training.activities import course_activities
from training.models import (
    AdministrativeUnit,
    Certificate,
    OrganisingUnit,
)
from training.services import classes as services
from training.services import progress
from training.services.pictures import picture_cards_issue

SIDES = ("1", "2")

# ---- who: the actors ---------------------------------------------------------------------


@dataclass(frozen=True)
class Actor:
    key: str
    learner_of: frozenset = frozenset()  # the enrolments that are theirs (parcels below)
    trains: frozenset = frozenset()  # the sides whose class they run
    trainer_group: bool = False  # roles.TRAINER_GROUPS
    manages: frozenset = frozenset()  # administrative units in their ManagerScope
    admin: bool = False

    @property
    def logged_in(self):
        return self.key != "anonymous"


ACTORS = [
    Actor("anonymous"),
    Actor("learner_a", learner_of=frozenset({"A"})),
    Actor("learner_b", learner_of=frozenset({"B"})),
    Actor("trainer_1", trains=frozenset({"1"}), trainer_group=True),
    Actor("trainer_2", trains=frozenset({"2"}), trainer_group=True),
    Actor("official", trainer_group=True),  # runs no class
    Actor("commune_manager_1", manages=frozenset({"commune1"})),
    Actor("province_manager_1", manages=frozenset({"province1", "commune1"})),
    Actor("province_manager_2", manages=frozenset({"province2", "commune2"})),
    Actor("admin", admin=True),
]

# ---- what: parcels of data, each with an owner side --------------------------------------
# class1/class2: the class row, its roster and sessions.
# tallies1/tallies2: the class's sandbox error tallies (its learners' practice feeds them).
# A: learner A, joined class 1 by its code, completed the course, holds a certificate.
# A2: typed into class 1's roster by the trainer (with a phone); reported a real submission.
# O1: an official (roles.OFFICIAL) who took class 1 as a learner, joined by code.
# B, B2: the same as A, A2 in class 2.
# dossierA: learner A's sandbox practice (dossiers, payments, photo, identity, events).
# global: counts of accounts, classes, enrolments and certificates.
LEARNERS = {"A": "1", "A2": "1", "O1": "1", "B": "2", "B2": "2"}
PLAIN = {"1": ("A", "A2"), "2": ("B", "B2")}  # plain learner accounts of each class
SIDE = {"class1": "1", "class2": "2", "tallies1": "1", "tallies2": "2", "dossierA": "1"}
SIDE.update(LEARNERS)

# ---- the policy ---------------------------------------------------------------------------
#
#                      sees a class,     changes a class     revokes certificates, reports of
#                      its learners      (roster, sessions,  confirms real         units and
#                                        attendance, cards,  submissions           organisers
#                                        progress, erasure)
# learner A / B        –                 –                   –                     –
# trainer 1 / 2        their class       their class         their class           –
# official             –                 –                   –                     –
# commune manager 1    class 1           –                   class 1               commune 1
# province manager 1/2 their province's  –                   their province's      province, commune
# admin                every class       every class         every class           all
#
# Learners alone open /hoc/<their enrolment>/ and send its reading, quiz and real-submission
# forms; erase their own data; download their own certificate (so do those who may revoke
# it). Anyone may join with a code and verify a certificate (name, course, date, issuer).
# Sandbox: a dossier, its payments, slips, result and photo are their owner's alone; the
# desk is for officials, trainers and staff, and shows each only their own practice.


def sees_class(actor, side):
    """A class, its learners and their progress: its trainer, a manager whose scope
    holds its commune, an administrator."""
    return actor.admin or side in actor.trains or f"commune{side}" in actor.manages


def runs_class(actor, side):
    """Roster, sessions, attendance, manual progress, log-in cards, erasing a learner:
    the class's trainer or an administrator. Managers only look (training.permissions:
    "read-only ... plus revoking certificates and confirming real submissions")."""
    return actor.admin or side in actor.trains


def sees_unit(actor, unit):
    return actor.admin or unit in actor.manages


def seated(actor):
    """The official seated at class 1's shared desk, where learner A's unpaid dossier
    was routed (both sides of the counter)."""
    return actor.key == "official"


def may_see(actor, parcel):
    """Whose personal data may appear on a page shown to this actor."""
    if parcel == "dossierA":  # practice is private: not even the trainer, nor a desk
        return "A" in actor.learner_of or seated(actor)  # but the one it was routed to
    side = SIDE[parcel]
    if parcel.startswith("class"):  # a learner knows their own class's name and code
        return sees_class(actor, side) or any(LEARNERS[p] == side for p in actor.learner_of)
    return parcel in actor.learner_of or sees_class(actor, side)


def anyone(actor):
    return True


def logged_in(actor):
    return actor.logged_in


def nobody(actor):
    return False


def class_list_viewer(actor):
    return actor.admin or actor.trainer_group or bool(actor.manages)


def class_opener(actor):
    return actor.admin or actor.trainer_group


def plain_learner(actor):
    """Erasing one's own data here: learners only (staff accounts ask an administrator)."""
    return bool(actor.learner_of)


def report_reader(actor):
    return actor.admin or bool(actor.manages) or bool(actor.trains)


def desk_user(actor):
    return actor.admin or actor.trainer_group


def learner_a(actor):
    return "A" in actor.learner_of


def practising(actor):
    """What an actor's own practice in the sandbox feeds: their progress in their classes
    and their classes' error tallies."""
    return set(actor.learner_of) | {f"tallies{LEARNERS[p]}" for p in actor.learner_of}


def sees(side):
    return lambda actor: sees_class(actor, side)


def runs(side):
    return lambda actor: runs_class(actor, side)


def own(parcel):
    return lambda actor: parcel in actor.learner_of


def unit_scope(unit):
    return lambda actor: sees_unit(actor, unit)


# ---- the world ----------------------------------------------------------------------------


@dataclass
class World:
    users: dict  # actor key -> User (None for the anonymous visitor)
    practice: dict  # actor key -> (owner key, practice identity)
    units: dict
    organisers: dict  # side -> OrganisingUnit
    classes: dict  # side -> TrainingClass
    sessions: dict  # side -> ClassSession
    enrollments: dict  # parcel -> Enrollment
    certificates: dict  # parcel -> Certificate
    submissions: dict  # parcel -> RealSubmission
    course: object
    lesson: str  # the text lesson's block id: reading and its knowledge check
    activity: str  # an activity key of the course, for manual progress
    dossiers: SimpleNamespace  # learner A's practice
    secrets: list = field(default_factory=list)  # (parcel, kind, text)
    picture_secrets: dict = field(default_factory=dict)  # parcel -> picture keys, in order
    files: dict = field(default_factory=dict)  # uploaded file name -> bytes


def make_user(username, group=None, **extra):
    return UserFactory(
        username=username, password="Mk@12345678", roles=[group] if group else [], **extra
    )


def build_world(home_page):
    khai_sinh = seed_khai_sinh()
    exercise = Exercise.objects.get(slug="tao-tai-khoan")
    course = CoursePageFactory(
        parent=CourseIndexPageFactory(parent=home_page),
        slug="lan-dau",
        allow_guided_practice=False,
        lessons=[
            ("procedure_lesson", {"procedure": khai_sinh, "note": "", "questions": []}),
            (
                "text_lesson",
                {"title": "Giữ an toàn", "body": "<p>Không đọc OTP.</p>", "questions": QUESTIONS},
            ),
            ("practice_lesson", {"exercise": exercise, "note": ""}),
        ],
    )
    lesson = next(b.id for b in course.lessons if b.block_type == "text_lesson")
    activities = course_activities(course)

    users = {
        "anonymous": None,
        "trainer_1": make_user("taphuan.mot", roles.TRAINER),
        "trainer_2": make_user("taphuan.hai", roles.TRAINER),
        "official": make_user("canbo.motcua", roles.OFFICIAL),
        "commune_manager_1": make_user("quanly.xa.mot", roles.COMMUNE_MANAGER),
        "province_manager_1": make_user("quanly.tinh.mot", roles.PROVINCE_MANAGER),
        "province_manager_2": make_user("quanly.tinh.hai", roles.PROVINCE_MANAGER),
        "admin": UserFactory(
            username="quantri", password="Mk@12345678", is_staff=True, is_superuser=True
        ),
    }
    units, organisers, classes, sessions = {}, {}, {}, {}
    places = {"1": ("Tỉnh Cà Mau", "Xã Đầm Dơi"), "2": ("Tỉnh An Giang", "Phường Long Xuyên")}
    class_names = {"1": "Lớp ấp Tân Lập Một", "2": "Lớp khóm Bình Khánh Hai"}
    for side, (province, commune) in places.items():
        units[f"province{side}"] = AdministrativeUnit.objects.create(name=province, level="tinh")
        units[f"commune{side}"] = AdministrativeUnit.objects.create(
            name=commune, level="xa", parent=units[f"province{side}"]
        )
        organisers[side] = OrganisingUnit.objects.create(
            name=f"{commune} {side}", kind="chi_doan", unit=units[f"commune{side}"]
        )
        classes[side] = services.class_open(
            trainer=users[f"trainer_{side}"],
            name=class_names[side],
            organiser=organisers[side],
            commune=units[f"commune{side}"],
            audience="cong_dan",
            course=course,
        )
    for actor, unit in [
        ("commune_manager_1", "commune1"),
        ("province_manager_1", "province1"),
        ("province_manager_2", "province2"),
    ]:
        ManagerScopeFactory(user=users[actor], unit=units[unit])

    now, today = timezone.now(), timezone.localdate()
    people = {  # parcel: (how they came in, name, birth year, phone)
        "A": ("code", "Phạm Thị Xoan", "1937", ""),
        "A2": ("roster", "Đỗ Văn Quýt", "1941", "0911000222"),
        "O1": ("official", "Lò Thị Mơ", "1943", ""),
        "B": ("code", "Vũ Thị Sấu", "1947", ""),
        "B2": ("roster", "Bùi Văn Dừa", "1949", "0922000333"),
    }
    enrollments = {}
    for parcel, (how, name, year, phone) in people.items():
        training_class = classes[LEARNERS[parcel]]
        if how == "roster":
            enrollments[parcel] = services.roster_add(
                training_class=training_class,
                display_name=name,
                birth_year=year,
                phone=phone,
                now=now,
            )[0]
        else:
            user = make_user("lo.thi.mo", roles.OFFICIAL) if how == "official" else None
            enrollments[parcel] = services.class_join(
                code=training_class.join_code,
                user=user,
                display_name=name,
                birth_year=year,
                consent=True,
                now=now,
            )[0]
    users["learner_a"] = enrollments["A"].learner
    users["learner_b"] = enrollments["B"].learner
    # Picture cards, printed for each class's plain learners; the official who took class
    # 1 as a learner has a card row too (made by hand: printing refuses them), which must
    # log nobody in.
    picture_secrets = {}
    for side in SIDES:
        for issued in picture_cards_issue(
            training_class=classes[side],
            enrollments=[enrollments[parcel] for parcel in PLAIN[side]],
            now=now,
        ):
            parcel = next(p for p, e in enrollments.items() if e == issued.enrollment)
            picture_secrets[parcel] = [picture.key for picture in issued.sequence]
    PictureCard.objects.create(
        user=enrollments["O1"].learner,
        own_picture="sao",
        sequence_hash=make_password("trau,trau,trau"),
        issued_at=now,
    )

    certificates, submissions = {}, {}
    for parcel in ("A", "B"):  # completed: every activity marked done by their trainer
        for activity in activities:
            progress.progress_override(
                enrollment=enrollments[parcel],
                activity_key=activity.key,
                done=True,
                reason="Làm cùng tập huấn viên",
                changed_by=users[f"trainer_{LEARNERS[parcel]}"],
            )
        certificates[parcel] = Certificate.objects.get(enrollment=enrollments[parcel])
    for parcel in ("A2", "B2"):
        submissions[parcel] = progress.real_submission_record(
            enrollment=enrollments[parcel],
            procedure_title="Đăng ký khai sinh",
            submitted_on=today,
            today=today,
        )
    for side in SIDES:
        sessions[side] = services.session_add(
            training_class=classes[side], starts_at=now, place="Hội trường"
        )
        services.attendance_take(
            session=sessions[side],
            present_ids=[enrollments[PLAIN[side][0]].pk],
            recorded_by=users[f"trainer_{side}"],
        )

    practice = {}  # every actor has a practice identity, logged in to the practice portal
    for actor in ACTORS:
        user = users[actor.key]
        owner_key = f"u{user.pk}" if user else f"s{uuid.uuid4().hex}"
        ctx = PracticeContext(owner_key=owner_key, user=user)
        practice[actor.key] = (owner_key, accounts.identity_issue(ctx=ctx))
    owner_key, identity = practice["learner_a"]
    identity.full_name = "Trương Thị Bưởi Luyện"  # no other identity can be drawn with it
    identity.save()
    ctx = PracticeContext(owner_key=owner_key, user=users["learner_a"])
    done = dossier_walk(ctx, identity, khai_sinh, DossierStatus.RECEIVED, copies="1")
    desk.desk_apologise(ctx=ctx, dossier=done, officer=OFFICER)
    desk.desk_start_processing(ctx=ctx, dossier=done, officer=OFFICER)
    desk.desk_finish(ctx=ctx, dossier=done, officer=OFFICER)
    draft = dossier_walk(ctx, identity, khai_sinh, DossierStatus.DRAFT)
    unpaid = dossier_walk(ctx, identity, khai_sinh, copies="1", pay=False)
    # Class 1 pairs its learners: learner A's new dossier went to the shared desk.
    desk_seats_set(desk_key="lop-1", owner_keys=[practice["official"][0]])
    dossier_route_to_desk(dossier_code=unpaid.code, desk_key="lop-1", wait_seconds=600)
    dossiers = SimpleNamespace(
        owner_key=owner_key,
        identity=identity,
        done=done,
        draft=draft,
        unpaid=unpaid,
        started=payments.payment_start(ctx=ctx, dossier=unpaid, provider="ngan-hang-a"),
        paid=done.payments.get(status=Payment.Status.SUCCESS),
        photo=done.files.get(),
    )

    world = World(
        users=users,
        practice=practice,
        units=units,
        organisers=organisers,
        classes=classes,
        sessions=sessions,
        enrollments=enrollments,
        certificates=certificates,
        submissions=submissions,
        course=course,
        lesson=lesson,
        activity=activities[0].key,
        dossiers=dossiers,
        picture_secrets=picture_secrets,
    )
    for parcel, enrollment in enrollments.items():
        world.secrets += [
            (parcel, "name", enrollment.display_name),
            (parcel, "username", enrollment.learner.username),
            (parcel, "birth year", str(enrollment.birth_year)),
        ]
        if enrollment.phone:
            world.secrets.append((parcel, "phone", enrollment.phone))
    for parcel, certificate in certificates.items():
        world.secrets.append((parcel, "certificate code", certificate.code))
    for side, training_class in classes.items():
        world.secrets += [
            (f"class{side}", "join code", training_class.join_code),
            (f"class{side}", "class name", training_class.name),
        ]
    world.secrets += [
        ("dossierA", "practice name", identity.full_name),
        ("dossierA", "practice CCCD", identity.cccd),
        ("dossierA", "dossier code", done.code),
        ("dossierA", "dossier code", unpaid.code),
    ]
    storage = DossierAttachment._meta.get_field("file").storage
    for attachment in DossierAttachment.objects.filter(dossier__owner_key=owner_key):
        with storage.open(attachment.file.name) as handle:
            world.files[attachment.file.name] = handle.read()
    return world
