"""Who is practising: the glue between a request and the sandbox services.

The sandbox works for anonymous visitors too, so practice data belongs to an *owner
key*: the platform user when logged in, otherwise a random token kept in the session.
Everything a learner sees is filtered by it, so nobody sees another learner's dossiers.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.utils import timezone

from .models import ExerciseAttempt, PracticeIdentity

if TYPE_CHECKING:
    import datetime

    from django.contrib.auth.models import AbstractBaseUser
    from django.http import HttpRequest

SESSION_OWNER = "sandbox_owner"
SESSION_IDENTITY = "sandbox_identity"
SESSION_ATTEMPT = "sandbox_attempt"
SESSION_MODE = "sandbox_mode"
SESSION_AUTO_OFFICER = "sandbox_auto_officer"


@dataclass
class PracticeContext:
    owner_key: str
    user: AbstractBaseUser | None = None
    attempt: ExerciseAttempt | None = None
    mode: str = "guided"
    auto_officer: bool = False
    now: datetime.datetime = field(default_factory=timezone.now)

    @property
    def guided(self) -> bool:
        return self.mode == "guided"


def owner_key_for(request: HttpRequest) -> str:
    if request.user.is_authenticated:
        return f"u{request.user.pk}"
    token = request.session.get(SESSION_OWNER)
    if not token:
        token = request.session[SESSION_OWNER] = f"s{uuid.uuid4().hex}"
    return token


def practice_context(request: HttpRequest) -> PracticeContext:
    owner_key = owner_key_for(request)
    attempt = None
    attempt_id = request.session.get(SESSION_ATTEMPT)
    if attempt_id:
        attempt = (
            ExerciseAttempt.objects.filter(pk=attempt_id, owner_key=owner_key)
            .select_related("exercise")
            .first()
        )
    mode = attempt.mode if attempt else request.session.get(SESSION_MODE, "guided")
    return PracticeContext(
        owner_key=owner_key,
        user=request.user if request.user.is_authenticated else None,
        attempt=attempt,
        mode=mode,
        auto_officer=request.session.get(SESSION_AUTO_OFFICER, True),
    )


def context_for_owner(owner_key: str, now: datetime.datetime) -> PracticeContext:
    """The context of a dossier's owner, for what happens to their dossier while someone
    else acts (an official at a shared desk): owner key "u<pk>" is that platform user,
    any other key an anonymous learner."""
    user = None
    if owner_key.startswith("u") and owner_key[1:].isdigit():
        user = get_user_model().objects.filter(pk=int(owner_key[1:])).first()
    return PracticeContext(owner_key=owner_key, user=user, now=now)


def logged_in_identity(request: HttpRequest) -> PracticeIdentity | None:
    """The practice identity logged in to the practice portal in this browser, if any."""
    identity_id = request.session.get(SESSION_IDENTITY)
    if not identity_id:
        return None
    return PracticeIdentity.objects.filter(pk=identity_id, owner_key=owner_key_for(request)).first()
