"""What the citizen does with a submitted dossier: look it up by code, withdraw it, rate
the service, take the electronic result."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import PracticeError, PracticeErrors
from ..models import DossierStatus, PracticeDossier, PracticeEvent, Rating
from ..models.dossiers import DeliveryMethod
from ..validators import CODE_MAX, NOTE_MAX, clean_text, id_number, id_number_problem
from .dossier_actions import CITIZEN, dossier_action, dossier_set_status, length_errors, refuse
from .events import practice_event_record

if TYPE_CHECKING:
    from ..context import PracticeContext


def dossier_lookup(*, ctx: PracticeContext, code: str, cccd: str) -> PracticeDossier:
    """Tra cứu hồ sơ: the learner's own dossier with this code and applicant's ID
    number. The boxes are checked like everywhere else (a practice ID number, a code
    no longer than codes are); a refusal or no match raises PracticeErrors."""
    errors = length_errors("tracking", (code, CODE_MAX, "ma", "Mã hồ sơ"))
    problem = id_number_problem(cccd)
    if problem:
        errors.append(
            PracticeError(problem, step="tracking", field="cccd", field_label="Số CCCD người nộp")
        )
    found = None
    if not errors:
        found = PracticeDossier.objects.filter(
            owner_key=ctx.owner_key, code=clean_text(code), identity__cccd=id_number(cccd)
        ).first()
        if found is None:
            errors.append(
                PracticeError(
                    "tracking_not_found", step="tracking", field="ma", field_label="Mã hồ sơ"
                )
            )
    if errors:
        refuse(ctx, errors)
    return found


@dossier_action
def dossier_withdraw(*, ctx: PracticeContext, dossier: PracticeDossier, reason: str) -> None:
    """Rút hồ sơ. Sent again with the same reason (a double tap), it is already done."""
    too_long = length_errors("tracking", (reason, NOTE_MAX, "reason", "Lý do rút hồ sơ"))
    if too_long:
        raise PracticeErrors(too_long)
    reason = clean_text(reason)
    if dossier.status == DossierStatus.WITHDRAWN and dossier.decision_note == reason:
        return
    if dossier.is_finished or dossier.is_draft:
        raise PracticeErrors([PracticeError("desk_wrong_status", step="tracking")])
    dossier.decision_note = reason
    dossier.finished_at = ctx.now
    dossier_set_status(
        dossier,
        DossierStatus.WITHDRAWN,
        ctx=ctx,
        actor=CITIZEN,
        action="Công dân yêu cầu rút hồ sơ",
        note=dossier.decision_note,
    )


@dossier_action
def dossier_rate(
    *, ctx: PracticeContext, dossier: PracticeDossier, score: int | str, comment: str = ""
) -> Rating:
    """Đánh giá: one rating per dossier, changed by rating again; the same rating sent
    twice is recorded once."""
    too_long = length_errors("rating", (comment, NOTE_MAX, "comment", "Góp ý"))
    if too_long:
        raise PracticeErrors(too_long)
    if dossier.status not in (DossierStatus.DONE, DossierStatus.RETURNED):
        raise PracticeErrors([PracticeError("rating_not_ready", step="rating")])
    score = int(score) if str(score).isdigit() else 0
    if score not in Rating.Score.values:
        raise PracticeErrors(
            [PracticeError("required", step="rating", field="score", field_label="Mức độ hài lòng")]
        )
    comment = clean_text(comment)
    rating = Rating.objects.filter(dossier=dossier).first()
    if rating is not None and (rating.score, rating.comment) == (score, comment):
        return rating
    rating, _created = Rating.objects.update_or_create(
        dossier=dossier, defaults={"score": score, "comment": comment}
    )
    practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.STEP_COMPLETED, step="rating")
    return rating


def _result_to_take(dossier: PracticeDossier) -> bool:
    return dossier.status == DossierStatus.DONE and dossier.delivery_method == DeliveryMethod.ONLINE


def dossier_result_taken(*, ctx: PracticeContext, dossier: PracticeDossier) -> None:
    """The citizen downloaded the electronic result: it is now returned (status 10).
    Downloading it again changes nothing, and takes no write lock."""
    if _result_to_take(dossier):
        _result_return(ctx=ctx, dossier=dossier)


@dossier_action
def _result_return(*, ctx: PracticeContext, dossier: PracticeDossier) -> None:
    if _result_to_take(dossier):  # checked again under the lock
        dossier.returned_at = ctx.now
        dossier_set_status(
            dossier,
            DossierStatus.RETURNED,
            ctx=ctx,
            actor=CITIZEN,
            action="Công dân nhận kết quả điện tử",
        )
