"""The one-stop-desk console, for officials and for trainers demonstrating.

The desk shows the learner's own practice dossiers (the ones made up for the officials'
exercises and the ones they submitted themselves as a citizen) and the classmates'
dossiers routed to a shared desk they sit at; nobody else's.
"""

from django.contrib.auth.decorators import user_passes_test
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone

from home import roles

from ..errors import PracticeErrors
from ..forms import DeskActionForm
from ..models import DossierEvent, DossierStatus
from ..selectors import attachment_slots
from ..services import desk as desk_services
from ..services.auto_officer import auto_officer_wait_left
from ..services.desk_routing import desk_dossiers_for, desk_wait_left, is_shared_with, minutes
from ..services.desk_rubric import desk_rubric_marks, desk_rubric_score
from .common import sandbox_render, step_entered, with_practice

TABS = [
    ("cho-tiep-nhan", "Chờ tiếp nhận", [DossierStatus.NEW]),
    (
        "dang-xu-ly",
        "Đang xử lý",
        [DossierStatus.RECEIVED, DossierStatus.PROCESSING, DossierStatus.FINANCIAL],
    ),
    ("cho-bo-sung", "Chờ bổ sung", [DossierStatus.SUPPLEMENT]),
    ("da-xu-ly", "Đã xử lý xong", [DossierStatus.DONE]),
    (
        "da-tra",
        "Đã trả, từ chối, rút",
        [DossierStatus.RETURNED, DossierStatus.REJECTED, DossierStatus.WITHDRAWN],
    ),
]


def can_use_desk(user):
    """Officials and trainers (and administrators) practise the desk side."""
    return user.is_authenticated and (
        user.is_staff or user.groups.filter(name__in=roles.DESK_GROUPS).exists()
    )


login_required = user_passes_test(can_use_desk)


def _officer_name(request):
    """The name the timeline shows, cut to its column (DossierEvent.actor): a platform
    user's full name may be longer, which PostgreSQL would refuse."""
    user = request.user
    name = f"Cán bộ {user.get_full_name() or user.get_username()}"
    limit = DossierEvent._meta.get_field("actor").max_length
    return name if len(name) <= limit else f"{name[: limit - 1]}…"


@login_required
@with_practice
def queue(request):
    tab = request.GET.get("tab", TABS[0][0])
    statuses = {key: value for key, _label, value in TABS}.get(tab, TABS[0][2])
    everything = list(desk_services.desk_queue(request.practice.owner_key))
    now = timezone.now()
    counts = {key: sum(1 for d in everything if d.status in value) for key, _l, value in TABS}
    dossiers = [d for d in everything if d.status in statuses]
    owner_key = request.practice.owner_key
    for dossier in dossiers:
        dossier.overdue = desk_services.overdue_today(dossier, now)
        dossier.shared = is_shared_with(dossier, owner_key)
        if dossier.shared and dossier.status == DossierStatus.NEW:
            # NEW was set by the citizen's submission: no timeline to read for the wait.
            dossier.auto_in = minutes(desk_wait_left(dossier, now, auto_acted_last=False))
    step_entered(request, "desk")
    return sandbox_render(
        request,
        "sandbox/desk/queue.html",
        {
            "tabs": [(key, label, counts[key], key == tab) for key, label, _v in TABS],
            "dossiers": dossiers,
        },
        step="desk",
    )


@login_required
@with_practice
def desk_dossier(request, dossier_id):
    dossier = get_object_or_404(
        desk_dossiers_for(request.practice.owner_key).select_related("procedure", "identity"),
        pk=dossier_id,
    )
    if dossier.is_draft:
        return redirect("sandbox:desk")
    ctx, officer = request.practice, _officer_name(request)
    errors = []
    if request.method == "POST":
        post = DeskActionForm(request.POST).values()
        action = post["action"]
        try:
            if action == "accept":
                desk_services.desk_accept(ctx=ctx, dossier=dossier, officer=officer)
            elif action == "process":
                desk_services.desk_start_processing(ctx=ctx, dossier=dossier, officer=officer)
            elif action == "supplement":
                desk_services.desk_request_supplement(
                    ctx=ctx,
                    dossier=dossier,
                    officer=officer,
                    documents=[*post["documents"], post["other_document"]],
                    reason=post["reason"],
                    content=post["content"],
                    days=post["days"],
                )
            elif action == "reject":
                desk_services.desk_reject(
                    ctx=ctx, dossier=dossier, officer=officer, reason=post["reason"]
                )
            elif action == "financial":
                desk_services.desk_request_financial(
                    ctx=ctx,
                    dossier=dossier,
                    officer=officer,
                    amount=post["amount"],
                    note=post["note"],
                )
            elif action == "finish":
                desk_services.desk_finish(
                    ctx=ctx, dossier=dossier, officer=officer, summary=post["summary"]
                )
            elif action == "return":
                desk_services.desk_return(ctx=ctx, dossier=dossier, officer=officer)
            elif action == "apologise":
                desk_services.desk_apologise(
                    ctx=ctx,
                    dossier=dossier,
                    officer=officer,
                    extra_days=post["extra_days"],
                    reason=post["reason"],
                )
        except PracticeErrors as failure:
            errors = failure.errors
        if not errors:
            return redirect("sandbox:desk_dossier", dossier_id=dossier.pk)
        dossier.refresh_from_db()
    return sandbox_render(
        request,
        "sandbox/desk/dossier.html",
        {
            "dossier": dossier,
            "errors": errors,
            "events": dossier.events.all(),
            "files": dossier.files.all(),
            "documents": [block.value["name"] for block in dossier.procedure.documents]
            if dossier.procedure
            else [],
            "slots": attachment_slots(dossier),
            "overdue": desk_services.overdue_today(dossier, timezone.now()),
            "form_rows": _form_rows(dossier),
            **_shared_desk(dossier, ctx.owner_key, ctx.now),
        },
        step="desk",
    )


def _shared_desk(dossier, owner_key, now):
    """For a classmate's dossier on a shared desk: when the auto-officer takes over, and
    this official's rubric on it."""
    if not is_shared_with(dossier, owner_key):
        return {"shared": False}
    marks = desk_rubric_marks(dossier=dossier, owner_key=owner_key)
    points, out_of = desk_rubric_score(marks)
    left = auto_officer_wait_left(dossier=dossier, now=now)
    return {
        "shared": True,
        "auto_in": minutes(left),
        "rubric_marks": marks,
        "rubric_points": points,
        "rubric_out_of": out_of,
    }


def _form_rows(dossier):
    from ..selectors import practice_form_for

    form = practice_form_for(dossier.procedure)
    return [
        (field["label"], dossier.form_data.get(field["key"], ""))
        for field in (form.fields() if form else [])
    ]
