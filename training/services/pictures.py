"""Picture log-in for learners on shared phones: issuing picture cards, checking the three
pictures a learner taps, and locking a card that is being guessed.

A secret of three pictures out of nine has only 9 × 9 × 9 = 729 values, so it protects
only because guessing is stopped where it is tried:

- per learner, on the card itself: ``WRONG_LIMIT`` different wrong secrets in a row lock
  the card for ``LOCK_TIME``; the trainer printing a new card unlocks it at once;
- per address across learners: the view counts wrong secrets with the platform's
  throttle (home/throttle.py).

django-axes, which guards password log-ins, counts per username *and* address and is
unlocked by an administrator; a card must lock whatever the address, and its trainer
must be able to unlock it, so the count lives on the card.

Only plain learners get a card or log in with one: never an official, trainer, manager or
staff account, whatever rows exist (``picture_login_allowed``).
"""

from __future__ import annotations

import datetime
import secrets
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.db.models import QuerySet
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home.hashers import LIGHT_HASHER
from home.models import PictureCard
from home.pictures import BY_KEY, PICTURES, SEQUENCE_LENGTH, SEQUENCE_PICTURES, Picture
from home.roles import LEARNER, MANAGER_GROUPS, TRAINER_GROUPS

from ..errors import TrainingError
from ..permissions import is_plain_learner

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from ..models import Enrollment, TrainingClass

WRONG_LIMIT = 5
LOCK_TIME = datetime.timedelta(minutes=15)
SEQUENCE_KEYS = tuple(picture.key for picture in SEQUENCE_PICTURES)
# Own pictures are drawn first from those that are not on the 3 × 3 grid, so that in a
# class of up to seven nobody sees their own face among the pictures of their secret.
OWN_PICTURE_ORDER = (
    *(picture.key for picture in PICTURES if picture.key not in SEQUENCE_KEYS),
    *SEQUENCE_KEYS,
)


class WrongPictures(TrainingError):
    """Not the card's secret. ``counted`` is False for the same wrong secret sent again
    (a double tap), which is one mistake, not two."""

    def __init__(self, *, counted: bool) -> None:
        super().__init__(
            "sequence",
            _("Not the right pictures. Look at your card and tap the 3 pictures again, in order."),
        )
        self.counted = counted


class PicturesLocked(TrainingError):
    def __init__(self, *, until: datetime.datetime, now: datetime.datetime) -> None:
        minutes = max(1, round((until - now).total_seconds() / 60))
        super().__init__(
            "locked",
            ngettext(
                "Too many wrong pictures. Ask the trainer to print you a new card, or try "
                "again in %(minutes)s minute.",
                "Too many wrong pictures. Ask the trainer to print you a new card, or try "
                "again in %(minutes)s minutes.",
                minutes,
            )
            % {"minutes": minutes},
        )
        self.until = until


@dataclass(frozen=True)
class IssuedPictureCard:
    """A card just printed: the only time its secret is known in plain."""

    enrollment: Enrollment
    own_picture: Picture
    sequence: tuple[Picture, ...]


def picture_login_allowed(user: User) -> bool:
    """A plain learner's account: in the learner group and in no role with more rights
    (official, trainer, manager, a manager's scope, staff), and active."""
    return (
        user.is_active
        and is_plain_learner(user)
        and user.groups.filter(name=LEARNER).exists()
        and not user.manager_scopes.exists()
    )


def picture_roster(training_class: TrainingClass) -> QuerySet[Enrollment]:
    """The learners shown on the class's picture log-in page: those with a card, who may
    log in with it (``picture_login_allowed``, in one query), not erased."""
    return (
        training_class.enrollments.filter(
            erased_at__isnull=True,
            learner__is_active=True,
            learner__is_staff=False,
            learner__is_superuser=False,
            learner__picture_card__isnull=False,
            learner__groups__name=LEARNER,
        )
        .exclude(learner__groups__name__in=TRAINER_GROUPS | MANAGER_GROUPS)
        .exclude(learner__manager_scopes__isnull=False)
        .select_related("learner__picture_card")
        .order_by("display_name", "pk")
    )


def _free_picture(used: Counter[str]) -> str:
    """A picture nobody in the class has yet; when all sixteen are taken, one of the
    least used (the learner's name under it tells them apart)."""
    free = [key for key in OWN_PICTURE_ORDER if not used[key]]
    if free:
        first_tier = [key for key in free if key not in SEQUENCE_KEYS]
        return secrets.choice(first_tier or free)
    fewest = min(used[key] for key in OWN_PICTURE_ORDER)
    return secrets.choice([key for key in OWN_PICTURE_ORDER if used[key] == fewest])


def _sequence_text(keys: Sequence[str]) -> str:
    return ",".join(keys)


def picture_cards_issue(
    *, training_class: TrainingClass, enrollments: Iterable[Enrollment], now: datetime.datetime
) -> list[IssuedPictureCard]:
    """New picture cards for these learners of the class (printing again draws a new
    secret, unlocks the card and ends the old secret). A learner keeps their own picture
    unless someone else in the class has it and a picture fewer learners have is left.
    Accounts that may not log in with pictures, erased learners and other classes'
    learners get nothing."""
    chosen = [
        enrollment
        for enrollment in enrollments
        if enrollment.training_class_id == training_class.pk
        and enrollment.erased_at is None
        and enrollment.learner is not None
        and picture_login_allowed(enrollment.learner)
    ]
    if not chosen:
        return []
    # Hashed before the transaction, as the card passwords are (services/classes.py). The
    # light hasher: 729 secrets cannot resist a search of a stolen database at any cost,
    # so the hash only keeps them out of sight; the lock is what stops guessing.
    drawn = [tuple(secrets.choice(SEQUENCE_KEYS) for _ in range(SEQUENCE_LENGTH)) for _ in chosen]
    hashes = [make_password(_sequence_text(keys), hasher=LIGHT_HASHER) for keys in drawn]
    user_ids = [enrollment.learner_id for enrollment in chosen]
    issued = []
    with transaction.atomic():
        used = Counter(
            PictureCard.objects.filter(
                user__enrollments__training_class=training_class,
                user__enrollments__erased_at__isnull=True,
            )
            .exclude(user_id__in=user_ids)
            .values_list("own_picture", flat=True)
        )
        current = {
            card.user_id: card.own_picture
            for card in PictureCard.objects.filter(user_id__in=user_ids)
        }
        # The pictures of those printed again count as taken too, so that one of them is
        # never handed to another learner printed in the same batch.
        used.update(key for key in current.values() if key in BY_KEY)
        own_pictures = {}
        # Those who have a picture keep it first, then the others get what is left.
        for enrollment in sorted(chosen, key=lambda e: e.learner_id not in current):
            kept = current.get(enrollment.learner_id)
            if kept in BY_KEY:
                used[kept] -= 1  # not taken by someone else: their own
            fewest = min(used[key] for key in OWN_PICTURE_ORDER)
            own = kept if kept in BY_KEY and used[kept] <= fewest else _free_picture(used)
            used[own] += 1
            own_pictures[enrollment.learner_id] = own
        for enrollment, keys, sequence_hash in zip(chosen, drawn, hashes, strict=True):
            own = own_pictures[enrollment.learner_id]
            PictureCard.objects.update_or_create(
                user_id=enrollment.learner_id,
                defaults={
                    "own_picture": own,
                    "sequence_hash": sequence_hash,
                    "failed_attempts": 0,
                    "locked_until": None,
                    "last_wrong": "",
                    "issued_at": now,
                },
            )
            issued.append(
                IssuedPictureCard(
                    enrollment=enrollment,
                    own_picture=BY_KEY[own],
                    sequence=tuple(BY_KEY[key] for key in keys),
                )
            )
    return issued


def picture_card_locked_until(
    card: PictureCard, now: datetime.datetime
) -> datetime.datetime | None:
    return card.locked_until if card.locked_until and card.locked_until > now else None


def _wrong_digest(card: PictureCard, keys: Sequence[str]) -> str:
    """Which wrong secret was sent, without keeping it: a near miss is close to the real
    one. Bound to the card's printing, so a new card starts afresh."""
    value = f"{card.pk}:{card.issued_at.isoformat()}:{_sequence_text(keys)}"
    return salted_hmac("home.PictureCard.last_wrong", value, algorithm="sha256").hexdigest()


def picture_login_check(
    *, enrollment: Enrollment, sequence: Sequence[str], now: datetime.datetime
) -> User:
    """The learner whose card's secret is ``sequence`` (picture keys, in the order
    tapped); raises ``PicturesLocked`` or ``WrongPictures`` otherwise, and
    ``TrainingError`` for a learner who may not log in with pictures at all.

    A right secret clears the count of wrong ones. While the card is locked even the
    right secret is refused, or the lock would not stop a guesser."""
    learner = enrollment.learner
    card = PictureCard.objects.filter(user=learner).first() if learner else None
    if card is None or enrollment.erased_at is not None or not picture_login_allowed(learner):
        raise TrainingError(
            "learner", _("This learner cannot log in with pictures. Ask the trainer.")
        )
    locked_until = picture_card_locked_until(card, now)
    if locked_until:
        raise PicturesLocked(until=locked_until, now=now)
    keys = list(sequence)
    right = len(keys) == SEQUENCE_LENGTH and check_password(
        _sequence_text(keys), card.sequence_hash
    )
    digest = _wrong_digest(card, keys)
    failure: TrainingError | None = None
    with transaction.atomic():
        fresh = PictureCard.objects.select_for_update().get(pk=card.pk)
        # Raising before the save below writes nothing, which is what these cases want.
        locked_until = picture_card_locked_until(fresh, now)
        if locked_until:  # another phone's wrong try locked it while this one was hashed
            raise PicturesLocked(until=locked_until, now=now)
        if fresh.sequence_hash != card.sequence_hash:  # a new card was printed meanwhile
            raise WrongPictures(counted=False)
        if right:
            fresh.failed_attempts, fresh.locked_until, fresh.last_wrong = 0, None, ""
        elif fresh.last_wrong == digest:
            raise WrongPictures(counted=False)
        else:
            fresh.failed_attempts += 1
            fresh.last_wrong = digest
            failure = WrongPictures(counted=True)
            if fresh.failed_attempts >= WRONG_LIMIT:
                fresh.failed_attempts, fresh.last_wrong = 0, ""
                fresh.locked_until = now + LOCK_TIME
                failure = PicturesLocked(until=fresh.locked_until, now=now)
        fresh.save(update_fields=["failed_attempts", "locked_until", "last_wrong"])
    if failure is not None:
        raise failure  # after the block: the count above is kept
    return learner
