"""The one-stop desk (bộ phận một cửa): what an official does to an online dossier.

The same functions serve the console (an official or a trainer demonstrating) and the
scripted auto-officer, so every status is reachable in practice. Each action is one
transaction holding the dossier's row lock (`dossier_action`): the console and the
auto-officer acting at the same moment cannot both move the dossier, and a refused
action leaves nothing half written. An action pressed twice is refused the second time
("desk_wrong_status"): officials practise which action each status allows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone

from home.text import fold, vn_money

from ..errors import PracticeError, PracticeErrors
from ..models import DossierStatus, PracticeDossier, SupplementRequest
from ..selectors import dossier_due_date, holidays
from ..validators import NOTE_MAX, SHORT_TEXT_MAX, SUMMARY_MAX, clean_text
from ..working_days import add_working_days
from .desk_routing import desk_dossiers_for
from .desk_rubric import desk_rubric_record
from .dossier_actions import dossier_action, dossier_set_status, length_errors
from .exercise_goals import exercise_check
from .messages import message_send

if TYPE_CHECKING:
    import datetime

    from django.db.models import QuerySet

    from ..context import PracticeContext

S = DossierStatus


def _refuse_long(*boxes: tuple[str, int, str, str]) -> None:
    """Refuse, before anything is written, any ``(value, limit, field, label)`` typed
    in the console that is longer than its limit."""
    errors = length_errors("desk", *boxes)
    if errors:
        raise PracticeErrors(errors)


def _require(ctx: PracticeContext, dossier: PracticeDossier, *statuses: DossierStatus) -> None:
    """Refuse unless the dossier (reloaded under its lock) is in one of ``statuses``."""
    if dossier.status not in statuses:
        raise PracticeErrors([PracticeError("desk_wrong_status", step="desk")])


def _notify(
    ctx: PracticeContext, dossier: PracticeDossier, subject: str, body: str, kind: str = ""
) -> None:
    for channel, sender in (
        ("sms", "DVCQG-LUYENTAP"),
        ("email", "Bộ phận một cửa (luyện tập)"),
        ("zalo", "Zalo OA Dịch vụ công (luyện tập)"),
    ):
        text = fold(body) if channel == "sms" else body  # SMS brandnames send no accents
        message_send(
            ctx=ctx,
            identity=dossier.identity,
            dossier=dossier,
            channel=channel,
            sender=sender,
            subject=subject if channel == "email" else "",
            body=text,
            attachment_kind=kind if channel == "email" else "",
        )


@dossier_action
def desk_accept(*, ctx: PracticeContext, dossier: PracticeDossier, officer: str) -> None:
    """Tiếp nhận: sets the due date in working days and sends the intake slip."""
    _require(ctx, dossier, S.NEW)
    if dossier.fee_status == PracticeDossier.FeeStatus.UNPAID:
        error = PracticeError(
            "desk_unpaid",
            step="desk",
            field="fee",
            detail="Hồ sơ chưa nộp phí, lệ phí: chờ công dân thanh toán "
            "rồi mới tiếp nhận (hồ sơ thu phí trước).",
        )
        raise PracticeErrors([error])
    dossier.received_at = ctx.now
    dossier.due_date = dossier_due_date(dossier, ctx.now)
    dossier_set_status(
        dossier, S.RECEIVED, ctx=ctx, actor=officer, action="Tiếp nhận hồ sơ trực tuyến"
    )
    _notify(
        ctx,
        dossier,
        f"Phiếu tiếp nhận hồ sơ {dossier.code}",
        f"Hồ sơ {dossier.code} đã được tiếp nhận. Ngày hẹn trả kết quả: "
        f"{dossier.due_date:%d/%m/%Y}.",
        kind="intake_slip",
    )
    exercise_check(ctx=ctx, trigger="desk_accepted", dossier=dossier)


@dossier_action
def desk_start_processing(*, ctx: PracticeContext, dossier: PracticeDossier, officer: str) -> None:
    _require(ctx, dossier, S.RECEIVED)
    dossier_set_status(dossier, S.PROCESSING, ctx=ctx, actor=officer, action="Chuyển xử lý")


def desk_request_supplement(
    *,
    ctx: PracticeContext,
    dossier: PracticeDossier,
    officer: str,
    documents: list[str],
    reason: str,
    content: str,
    days: int = 7,
) -> None:
    """Yêu cầu bổ sung: must name the documents (only ones the procedure lists, and not
    ones the databases hold), the reason and the content, once. Otherwise the official
    is told which rule was broken and, on a shared desk, the fault is marked."""
    try:
        _supplement_request(
            ctx=ctx,
            dossier=dossier,
            officer=officer,
            documents=documents,
            reason=reason,
            content=content,
            days=days,
        )
    except PracticeErrors as refused:
        desk_rubric_record(ctx=ctx, dossier=dossier, errors=refused.errors)
        raise


@dossier_action
def _supplement_request(
    *,
    ctx: PracticeContext,
    dossier: PracticeDossier,
    officer: str,
    documents: list[str],
    reason: str,
    content: str,
    days: int,
) -> None:
    listed = [block.value["name"] for block in dossier.procedure.documents]
    in_database = {
        block.value["name"]
        for block in dossier.procedure.documents
        if block.value["lookup_from_database"]
    }
    _refuse_long(
        *[  # the procedure's own names are ticked; anything else was typed in
            (name, SHORT_TEXT_MAX, "documents", "Giấy tờ khác (ghi rõ)")
            for name in documents
            if clean_text(name) not in listed
        ],
        (reason, NOTE_MAX, "reason", "Lý do bổ sung"),
        (content, NOTE_MAX, "content", "Nội dung cần bổ sung"),
    )
    _require(ctx, dossier, S.NEW, S.RECEIVED, S.PROCESSING)
    documents = [clean_text(name) for name in documents if clean_text(name)]
    errors = []
    if not documents:
        errors.append(
            PracticeError(
                "desk_no_document",
                step="desk",
                field="documents",
                field_label="Thành phần cần bổ sung",
            )
        )
    for name in documents:
        if name not in listed:
            errors.append(
                PracticeError(
                    "desk_document_not_required", step="desk", field="documents", field_label=name
                )
            )
        elif name in in_database:
            errors.append(
                PracticeError(
                    "desk_document_in_database", step="desk", field="documents", field_label=name
                )
            )
    if len(clean_text(reason)) < 5 or len(clean_text(content)) < 5:
        errors.append(
            PracticeError(
                "desk_no_reason",
                step="desk",
                field="reason",
                field_label="Lý do và nội dung bổ sung",
            )
        )
    if errors:
        raise PracticeErrors(errors)
    deadline = add_working_days(timezone.localdate(ctx.now), int(days), holidays())
    SupplementRequest.objects.create(
        dossier=dossier,
        document_names=documents,
        reason=clean_text(reason),
        content=clean_text(content),
        deadline=deadline,
        requested_by=officer,
    )
    dossier_set_status(
        dossier,
        S.SUPPLEMENT,
        ctx=ctx,
        actor=officer,
        action="Yêu cầu công dân bổ sung hồ sơ",
        note=clean_text(reason),
    )
    _notify(
        ctx,
        dossier,
        f"Yêu cầu bổ sung hồ sơ {dossier.code}",
        f"Hồ sơ {dossier.code} cần bổ sung: {', '.join(documents)}. Lý do: "
        f"{clean_text(reason)}. Hạn bổ sung: {deadline:%d/%m/%Y}.",
        kind="supplement_guide",
    )
    exercise_check(ctx=ctx, trigger="desk_supplement_requested", dossier=dossier)


@dossier_action
def desk_reject(
    *, ctx: PracticeContext, dossier: PracticeDossier, officer: str, reason: str
) -> None:
    _refuse_long((reason, NOTE_MAX, "reject_reason", "Lý do từ chối"))
    _require(ctx, dossier, S.NEW, S.RECEIVED)
    if len(clean_text(reason)) < 5:
        error = PracticeError(
            "desk_no_reason", step="desk", field="reason", field_label="Lý do từ chối"
        )
        raise PracticeErrors([error])
    dossier.decision_note, dossier.finished_at = clean_text(reason), ctx.now
    dossier_set_status(
        dossier,
        S.REJECTED,
        ctx=ctx,
        actor=officer,
        action="Từ chối tiếp nhận hồ sơ",
        note=dossier.decision_note,
    )
    _notify(
        ctx,
        dossier,
        f"Từ chối tiếp nhận hồ sơ {dossier.code}",
        f"Hồ sơ {dossier.code} không được tiếp nhận. Lý do: {dossier.decision_note}",
        kind="rejection",
    )


@dossier_action
def desk_request_financial(
    *,
    ctx: PracticeContext,
    dossier: PracticeDossier,
    officer: str,
    amount: int,
    note: str,
) -> None:
    _refuse_long((note, NOTE_MAX, "note", "Nội dung"))
    _require(ctx, dossier, S.PROCESSING)
    dossier.fee_amount += int(amount)
    dossier.fee_status = PracticeDossier.FeeStatus.UNPAID
    dossier_set_status(
        dossier,
        S.FINANCIAL,
        ctx=ctx,
        actor=officer,
        action="Yêu cầu thực hiện nghĩa vụ tài chính",
        note=clean_text(note),
    )
    _notify(
        ctx,
        dossier,
        f"Thông báo nộp phí hồ sơ {dossier.code}",
        f"Hồ sơ {dossier.code} cần nộp thêm {vn_money(int(amount))}: {clean_text(note)}.",
    )


@dossier_action
def desk_finish(
    *, ctx: PracticeContext, dossier: PracticeDossier, officer: str, summary: str = ""
) -> None:
    """Đã xử lý xong: the result is ready (an electronic, watermarked practice copy)."""
    _refuse_long((summary, SUMMARY_MAX, "summary", "Trích yếu kết quả"))
    _require(ctx, dossier, S.PROCESSING)
    dossier.finished_at = ctx.now
    dossier.result_summary = clean_text(summary) or f"Kết quả {dossier.procedure_title}"
    dossier_set_status(dossier, S.DONE, ctx=ctx, actor=officer, action="Đã xử lý xong")
    where = {
        "online": "Tải kết quả điện tử trong Quản lý hồ sơ.",
        "desk": "Mời ông/bà đến Bộ phận một cửa nhận kết quả.",
        "post": "Kết quả sẽ được chuyển qua bưu điện; cước phí trả khi nhận.",
    }.get(dossier.delivery_method, "")
    _notify(
        ctx,
        dossier,
        f"Hồ sơ {dossier.code} đã có kết quả",
        f"Hồ sơ {dossier.code} đã có kết quả. {where}",
        kind="result",
    )


@dossier_action
def desk_return(*, ctx: PracticeContext, dossier: PracticeDossier, officer: str) -> None:
    _require(ctx, dossier, S.DONE)
    dossier.returned_at = ctx.now
    action = (
        "Chuyển kết quả qua bưu chính công ích"
        if dossier.delivery_method == "post"
        else "Trả kết quả"
    )
    dossier_set_status(dossier, S.RETURNED, ctx=ctx, actor=officer, action=action)


@dossier_action
def desk_apologise(
    *,
    ctx: PracticeContext,
    dossier: PracticeDossier,
    officer: str,
    extra_days: int = 2,
    reason: str = "",
) -> datetime.date:
    """Phiếu xin lỗi và hẹn lại ngày trả kết quả, for an overdue dossier."""
    _refuse_long((reason, NOTE_MAX, "apology_reason", "Lý do"))
    _require(ctx, dossier, S.RECEIVED, S.PROCESSING)
    original = dossier.due_date
    today = timezone.localdate(ctx.now)
    dossier.due_date = add_working_days(max(original, today), int(extra_days), holidays())
    dossier.apology_sent_at = ctx.now
    dossier.save()
    reason = clean_text(reason) or "Hồ sơ cần thêm thời gian xác minh."
    _notify(
        ctx,
        dossier,
        f"Phiếu xin lỗi và hẹn lại ngày trả kết quả {dossier.code}",
        f"Xin lỗi ông/bà vì hồ sơ {dossier.code} chưa có kết quả đúng hẹn "
        f"({original:%d/%m/%Y}). Lý do: {reason} Ngày hẹn mới: {dossier.due_date:%d/%m/%Y}.",
        kind="apology",
    )
    return original


def desk_queue(owner_key: str) -> QuerySet[PracticeDossier]:
    """The practice desk of one learner: their own submitted dossiers and those routed
    to a shared desk they sit at, never anyone else's. One query."""
    return (
        desk_dossiers_for(owner_key)
        .exclude(status=S.DRAFT)
        .select_related("identity")
        .order_by("-submitted_at")
    )


def overdue_today(dossier: PracticeDossier, now: datetime.datetime) -> bool:
    return bool(
        dossier.due_date
        and timezone.localdate(now) > dossier.due_date
        and dossier.status in (S.RECEIVED, S.PROCESSING)
    )
