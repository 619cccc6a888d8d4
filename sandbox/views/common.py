"""Helpers every sandbox view shares: the practice context, guidance, errors, ownership."""

import functools
from urllib.parse import urlencode

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from ..context import logged_in_identity, practice_context
from ..models import PracticeDossier, PracticeEvent
from ..services.events import practice_event_record


def sandbox_render(request, template, context=None, *, step="", status=200):
    """Render with the practice context; in practice mode the guide shows only on request
    (?goi_y=1), and asking for it is recorded as a hint."""
    ctx = getattr(request, "practice", None) or practice_context(request)
    asked_for_hint = request.GET.get("goi_y") == "1"
    if asked_for_hint and not ctx.guided and request.method == "GET":
        practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.HINT_USED, step=step)
    errors = (context or {}).get("errors") or []
    data = {
        "ctx": ctx,
        "show_guide": ctx.guided or asked_for_hint,
        "identity": getattr(request, "identity", None) or logged_in_identity(request),
        "step": step,
        "error_fields": {error.field for error in errors},
        **(context or {}),
    }
    return TemplateResponse(request, template, data, status=status)


def with_practice(view):
    """Attach request.practice (who practises, in which mode, on which exercise)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        request.practice = practice_context(request)
        return view(request, *args, **kwargs)

    return wrapper


def portal_login_required(view):
    """Pages of the practice portal that need the learner to be logged in there."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        request.practice = practice_context(request)
        request.identity = logged_in_identity(request)
        if request.identity is None:
            return redirect(
                f"{reverse('sandbox:login')}?{urlencode({'next': request.get_full_path()})}"
            )
        return view(request, *args, **kwargs)

    return wrapper


def own_dossier(request, dossier_id, **filters):
    """A dossier of this learner, or 404: never another learner's (no IDOR)."""
    return get_object_or_404(
        PracticeDossier.objects.select_related("procedure", "identity"),
        pk=dossier_id,
        owner_key=request.practice.owner_key,
        **filters,
    )


def step_entered(request, step):
    if request.method == "GET":
        practice_event_record(ctx=request.practice, kind=PracticeEvent.Kind.STEP_ENTERED, step=step)
