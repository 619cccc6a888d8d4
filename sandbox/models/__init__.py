"""The sandbox's data: practice identities and accounts, dossiers and what happens to
them, exercises and the practice event log. Nothing here ever leaves the platform."""

from .accounts import OtpChallenge, PracticeAccount, PracticeIdentity, SimulatedMessage
from .desks import DeskRubricMark, DeskSeat
from .dossiers import (
    DossierAttachment,
    DossierCodeCounter,
    DossierEvent,
    DossierStatus,
    Holiday,
    Payment,
    PracticeDossier,
    Rating,
    SupplementRequest,
)
from .exercises import Exercise, ExerciseAttempt, PracticeEvent, PracticeForm

__all__ = [
    "DeskRubricMark",
    "DeskSeat",
    "DossierAttachment",
    "DossierCodeCounter",
    "DossierEvent",
    "DossierStatus",
    "Exercise",
    "ExerciseAttempt",
    "Holiday",
    "OtpChallenge",
    "Payment",
    "PracticeAccount",
    "PracticeDossier",
    "PracticeEvent",
    "PracticeForm",
    "PracticeIdentity",
    "Rating",
    "SimulatedMessage",
    "SupplementRequest",
]
