"""Opening classes, joining them without e-mail, rosters and attendance."""

from __future__ import annotations

import datetime
import re
import secrets
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from home.hashers import LIGHT_HASHER
from home.roles import LEARNER

from ..errors import TrainingError, limited_text
from ..models import (
    JOIN_CODE_LETTERS,
    Attendance,
    ClassSession,
    Enrollment,
    EnrollmentProgress,
    TrainingClass,
    new_join_code,
)
from .certificates import holds_trainer_certificate
from .desk_pairing import desk_seats_sync
from .progress import attendance_progress_record, enrollment_progress_refresh
from .skill_checks import invigilation_open

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from courses.models import CoursePage

    from ..models import AdministrativeUnit, OrganisingUnit

CARD_PASSWORD_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789"  # noqa: S105 - an alphabet, not a secret
# The join form's hidden token; a repeat of it within this window is the same join.
JOIN_TOKEN = re.compile(r"[0-9a-f]{32}")
JOIN_REPEAT_WINDOW = datetime.timedelta(minutes=30)


def class_open(
    *,
    trainer: User,
    name: str,
    organiser: OrganisingUnit,
    commune: AdministrativeUnit,
    audience: str,
    course: CoursePage | None = None,
) -> TrainingClass:
    name = limited_text(name, field="name", label=_("Class name"), max_length=150)
    if not name:
        raise TrainingError(
            "name", _("Give the class a name, for example “Village 3 public services class”.")
        )
    province = commune.province()
    if (
        province.trainer_certificate_required
        and not trainer.is_superuser
        and not holds_trainer_certificate(trainer)
    ):
        raise TrainingError(
            "commune",
            _(
                "%(province)s requires trainers to hold a trainer certificate before they open "
                "a class. Finish the course “Community trainer” to be awarded one."
            )
            % {"province": province.name},
        )
    for _attempt in range(10):
        try:
            with transaction.atomic():
                return TrainingClass.objects.create(
                    name=name,
                    organiser=organiser,
                    commune=commune,
                    audience=audience,
                    course=course,
                    trainer=trainer,
                    join_code=new_join_code(),
                )
        except IntegrityError:  # the rare join-code collision: draw another
            continue
    raise RuntimeError("could not draw a free join code")


def normalise_code(code: str | None) -> str:
    return "".join(ch for ch in (code or "").upper() if ch in JOIN_CODE_LETTERS)


def _card_password() -> tuple[str, str]:
    """A password that fits on a printed card, and its hash (the light hasher: random
    characters, re-hashed at full strength at the first log-in; see home/hashers.py).
    Callers still hash before their transaction, never inside it."""
    password = "".join(secrets.choice(CARD_PASSWORD_LETTERS) for _ in range(8))
    return password, make_password(password, hasher=LIGHT_HASHER)


def _learner_account(display_name: str, password_hash: str) -> User:
    """A platform account for a learner without e-mail: a short username that fits on a
    printed card. Call inside a transaction; the password is hashed already."""
    User = get_user_model()
    while True:
        # 8 letters and digits that cannot be misread (31^8, about 8.5e11): short enough
        # for a printed card, far too many to guess, unlike a counter or 6 digits.
        username = "hv" + "".join(secrets.choice(CARD_PASSWORD_LETTERS) for _ in range(8))
        if not User.objects.filter(username=username).exists():
            break
    user = User.objects.create(
        username=username, password=password_hash, first_name=display_name[:150]
    )
    # get_or_create: the migration made the group, but a flushed test database has none.
    user.groups.add(Group.objects.get_or_create(name=LEARNER)[0])
    return user


def _join_repeat(
    *,
    token: str,
    training_class: TrainingClass,
    user: User | None,
    now: datetime.datetime,
    card: tuple[str, str] | None,
) -> tuple[Enrollment, str] | None:
    """The same join form sent again (a double tap, or a retry after the answer was lost on
    the Wi-Fi): the same account and enrollment. The first answer may never have reached
    the phone, so the card gets a new password, shown now; the old one stops working.

    Only joins that made their account carry a token, so no one else's password is ever
    changed here."""
    enrollment = (
        Enrollment.objects.select_related("learner")
        .filter(join_token=token, training_class=training_class, learner__isnull=False)
        .first()
    )
    if enrollment is None or (user is not None and enrollment.learner_id != user.pk):
        return None
    if enrollment.created_at < now - JOIN_REPEAT_WINDOW:
        raise TrainingError(
            "code",
            _(
                "You have already joined this class. Log in with the username and password you "
                "wrote down, or ask the trainer to print your log-in card again."
            ),
        )
    password, password_hash = card or _card_password()
    learner = enrollment.learner
    learner.password = password_hash
    learner.save(update_fields=["password"])
    return enrollment, password


def class_join(
    *,
    code: str,
    user: User | None,
    display_name: str,
    birth_year: int | str | None,
    consent: bool,
    now: datetime.datetime,
    token: str = "",
) -> tuple[Enrollment, str | None]:
    """Join with the code shown on the projector. Returns (enrollment, new_password);
    a visitor without an account gets one, whose password is shown once.

    ``token`` comes from a hidden field of the join form: the same form sent twice gives
    one account and one enrollment."""
    training_class = TrainingClass.objects.filter(join_code=normalise_code(code)).first()
    if training_class is None:
        raise TrainingError(
            "code",
            _(
                "The class code is not right. Look at the code on the screen again: 6 "
                "characters, for example K7M2QD."
            ),
        )
    if not training_class.is_open:
        raise TrainingError("code", _("This class no longer takes new learners. Ask the trainer."))
    display_name = limited_text(
        display_name, field="display_name", label=_("Full name"), max_length=100
    ) or (user.get_full_name()[:100] if user else "")
    if not display_name:
        raise TrainingError(
            "display_name", _("Write your full name so that the trainer knows who you are.")
        )
    year = _birth_year(birth_year)
    if not consent:
        raise TrainingError(
            "consent",
            _("Tick the box to agree that the class keeps your name and learning progress."),
        )
    token = token if JOIN_TOKEN.fullmatch(token or "") else ""
    if token:
        repeat = _join_repeat(
            token=token, training_class=training_class, user=user, now=now, card=None
        )
        if repeat:
            return repeat
    card = _card_password() if user is None else None
    for _attempt in range(3):
        try:
            with transaction.atomic():
                learner = user or _learner_account(display_name, card[1])
                enrollment, created = Enrollment.objects.get_or_create(
                    training_class=training_class,
                    learner=learner,
                    defaults={
                        "display_name": display_name,
                        "birth_year": year,
                        "joined_via": Enrollment.JoinedVia.CODE,
                        "consent_at": now,
                        "join_token": token if user is None else "",
                    },
                )
                if created:
                    _progress_start(enrollment, now)
                    if training_class.pairs_desk and user is not None:
                        # An official joining a paired class takes a seat at its desk now,
                        # not at the next citizen's submission.
                        desk_seats_sync(training_class)
            return enrollment, card[0] if card else None
        except IntegrityError:
            # Another request of the same phone joined first with this token (it held the
            # write lock while we hashed), or two new accounts drew the same username.
            repeat = token and _join_repeat(
                token=token, training_class=training_class, user=user, now=now, card=card
            )
            if repeat:
                return repeat
    raise RuntimeError("could not create the learner's account")


def _progress_start(enrollment: Enrollment, now: datetime.datetime) -> None:
    """Count what the learner already did elsewhere (a video watched at home counts)."""
    EnrollmentProgress.objects.get_or_create(enrollment=enrollment)
    enrollment_progress_refresh(enrollment=enrollment, now=now)


def _birth_year(value: int | str | None) -> int | None:
    if value in (None, ""):
        return None
    try:
        year = int(str(value).strip())
    except ValueError:
        year = None
    if year is None or not 1900 <= year <= 2020:
        raise TrainingError(
            "birth_year", _("Type the year of birth in 4 digits, for example 1958.")
        )
    return year


def roster_add(
    *,
    training_class: TrainingClass,
    display_name: str,
    birth_year: int | str | None,
    phone: str,
    now: datetime.datetime,
) -> tuple[Enrollment, str, str]:
    """The trainer types a learner in; returns (enrollment, username, password) for the
    printed log-in card. The learner's consent is taken in person by the trainer."""
    display_name = limited_text(
        display_name, field="display_name", label=_("Full name"), max_length=100
    )
    if not display_name:
        raise TrainingError("display_name", _("Write the learner’s full name."))
    year = _birth_year(birth_year)
    phone = "".join((phone or "").split())
    if phone and not (phone.isdigit() and len(phone) == 10 and phone.startswith("0")):
        raise TrainingError(
            "phone", _("A phone number has 10 digits and starts with 0 (it may be left empty).")
        )
    password, password_hash = _card_password()
    with transaction.atomic():
        user = _learner_account(display_name, password_hash)
        enrollment = Enrollment.objects.create(
            training_class=training_class,
            learner=user,
            display_name=display_name,
            birth_year=year,
            phone=phone,
            joined_via=Enrollment.JoinedVia.ROSTER,
            consent_at=now,
        )
        _progress_start(enrollment, now)
    return enrollment, user.username, password


def login_card_reset(*, enrollment: Enrollment) -> str:
    """A new password for a learner's printed card (the old card stops working)."""
    password, password_hash = _card_password()
    enrollment.learner.password = password_hash
    enrollment.learner.save(update_fields=["password"])
    return password


def session_add(
    *,
    training_class: TrainingClass,
    starts_at: datetime.datetime,
    place: str,
    device_notes: str = "",
) -> ClassSession:
    place = limited_text(place, field="place", label=_("Place"), max_length=200)
    if not place:
        raise TrainingError("place", _("Write the place, for example “Village 3 meeting hall”."))
    return ClassSession.objects.create(
        training_class=training_class,
        starts_at=starts_at,
        place=place,
        device_notes=limited_text(
            device_notes, field="device_notes", label=_("Equipment"), max_length=250
        ),
    )


def attendance_take(
    *,
    session: ClassSession,
    present_ids: Iterable[int | str],
    recorded_by: User,
    shown_at: datetime.datetime | None = None,
) -> list[Attendance]:
    """Mark everyone on the roster present or absent in one go (one tap per learner).

    ``shown_at``: when the trainer's list was shown. A learner who typed the code on the
    projector after that is not marked absent by a list that could not show them ticked.
    """
    present_ids = {int(pk) for pk in present_ids if str(pk).isdigit()}
    since_shown = set()
    if shown_at is not None:
        since_shown = set(
            session.attendance.filter(
                present=True, method=Attendance.Method.CODE, recorded_at__gt=shown_at
            ).values_list("enrollment_id", flat=True)
        )
    marks = []
    for enrollment in session.training_class.enrollments.filter(erased_at__isnull=True):
        if enrollment.pk in since_shown and enrollment.pk not in present_ids:
            continue
        mark, _created = Attendance.objects.update_or_create(
            session=session,
            enrollment=enrollment,
            defaults={
                "present": enrollment.pk in present_ids,
                "recorded_by": recorded_by,
                "method": Attendance.Method.LIST,
            },
        )
        marks.append(mark)
    attendance_progress_record(marks=marks)
    return marks


FLAGS = ("pairs_desk", "post_test_required", "post_test_invigilated")
# What a trainer may set, with the range each must stay in.
SETTING_RANGES = {
    "desk_wait_minutes": (1, 120),
    "post_test_pass_percent": (50, 100),
    "post_test_attempts": (1, 10),
}


def class_settings_update(
    *,
    training_class: TrainingClass,
    pairs_desk: bool,
    desk_wait_minutes: int | None,
    post_test_required: bool,
    post_test_pass_percent: int | None,
    post_test_attempts: int | None,
    post_test_invigilated: bool,
) -> TrainingClass:
    """The trainer's settings of the class's sessions; an empty number keeps its value."""
    numbers = {
        "desk_wait_minutes": desk_wait_minutes,
        "post_test_pass_percent": post_test_pass_percent,
        "post_test_attempts": post_test_attempts,
    }
    labels = {
        "desk_wait_minutes": _("Minutes before the auto-officer takes a dossier"),
        "post_test_pass_percent": _("Pass mark of the final test (%)"),
        "post_test_attempts": _("Attempts at the final test"),
    }
    for field, value in numbers.items():
        low, high = SETTING_RANGES[field]
        if value is not None and not low <= value <= high:
            raise TrainingError(
                field,
                _("%(label)s must be between %(low)s and %(high)s.")
                % {"label": labels[field], "low": low, "high": high},
            )
        if value is not None:
            setattr(training_class, field, value)
    training_class.pairs_desk = bool(pairs_desk)
    training_class.post_test_required = bool(post_test_required)
    if training_class.post_test_invigilated and not post_test_invigilated:
        # Leaving the invigilated mode closes a test left open: ticking it again later
        # must not find it open since the old time.
        if invigilation_open(training_class):
            training_class.post_test_closed_at = timezone.now()
    training_class.post_test_invigilated = bool(post_test_invigilated)
    # Only these columns: the board's step buttons write the paced ones meanwhile.
    training_class.save(update_fields=[*numbers, *FLAGS, "post_test_closed_at"])
    desk_seats_sync(training_class)
    return training_class
