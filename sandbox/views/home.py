"""The sandbox's front page, exercises, settings, the fraud lesson and data deletion."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from ..context import (
    SESSION_ATTEMPT,
    SESSION_AUTO_OFFICER,
    SESSION_IDENTITY,
    SESSION_MODE,
)
from ..forms import ExerciseBeginForm, PracticeSettingsForm
from ..models import DossierAttachment, Exercise, ExerciseAttempt, PracticeDossier
from ..services.desk_routing import desk_dossiers_for
from ..services.exercises import exercise_start
from ..services.purge import practice_data_purge
from .common import sandbox_render, with_practice
from .desk import can_use_desk


@with_practice
def home(request):
    exercises = Exercise.objects.select_related("procedure")
    if not can_use_desk(request.user):
        exercises = exercises.filter(audience=Exercise.Audience.CITIZEN)
    attempts = ExerciseAttempt.objects.filter(owner_key=request.practice.owner_key)
    done = set(attempts.filter(completed_at__isnull=False).values_list("exercise_id", flat=True))
    return sandbox_render(
        request,
        "sandbox/home.html",
        {
            "exercises": exercises,
            "done": done,
            "can_use_desk": can_use_desk(request.user),
            "purged": request.GET.get("da_xoa") == "1",
        },
        step="home",
    )


@require_POST
@with_practice
def exercise_begin(request, slug):
    exercise = get_object_or_404(Exercise, slug=slug)
    if exercise.audience == Exercise.Audience.OFFICIAL and not can_use_desk(request.user):
        raise Http404
    mode = ExerciseBeginForm(request.POST).values()["mode"]
    attempt = exercise_start(ctx=request.practice, exercise=exercise, mode=mode)
    request.session[SESSION_ATTEMPT] = str(attempt.pk)
    request.session[SESSION_MODE] = mode
    if exercise.kind == Exercise.Kind.SUPPLEMENT:
        request.session[SESSION_AUTO_OFFICER] = True
    if exercise.audience == Exercise.Audience.OFFICIAL:
        return redirect("sandbox:desk")
    if exercise.kind == Exercise.Kind.REGISTER:
        return redirect("sandbox:card")
    if exercise.kind == Exercise.Kind.VNEID_LOGIN:
        from ..services.accounts import identity_issue

        identity_issue(ctx=request.practice, web_login_allowed=False)
        request.session.pop(SESSION_IDENTITY, None)
        return redirect("sandbox:vneid")
    if exercise.procedure_id:
        return redirect("sandbox:procedure", slug=exercise.procedure.slug)
    return redirect("sandbox:home")


@require_POST
@with_practice
def settings_update(request):
    """Guided or practice mode, and the auto-officer for self-study."""
    posted = PracticeSettingsForm(request.POST).values()
    mode = posted["mode"]
    if mode:
        if mode != request.practice.mode:
            # A different mode is a different try: leave the exercise in progress.
            request.session.pop(SESSION_ATTEMPT, None)
        request.session[SESSION_MODE] = mode
    if posted["auto_officer"]:
        request.session[SESSION_AUTO_OFFICER] = posted["auto_officer"] == "on"
    return redirect("sandbox:home")


@require_POST
@with_practice
def purge(request):
    """Xóa dữ liệu thực hành: everything this learner practised with, at once."""
    practice_data_purge(owner_key=request.practice.owner_key)
    for key in (SESSION_IDENTITY, SESSION_ATTEMPT, "sandbox_registering"):
        request.session.pop(key, None)
    return redirect("/thuc-hanh/?da_xoa=1")


@with_practice
def fraud_lesson(request):
    return sandbox_render(request, "sandbox/fraud_lesson.html", step="lesson")


@with_practice
def attachment_file(request, attachment_id):
    """A practice photo, only for its owner (and the officials seated at the shared desk
    its dossier was routed to), served as an image with no sniffing."""
    owner_key = request.practice.owner_key
    visible = (
        desk_dossiers_for(owner_key)
        if can_use_desk(request.user)
        else PracticeDossier.objects.filter(owner_key=owner_key)
    )
    attachment = get_object_or_404(DossierAttachment, pk=attachment_id, dossier__in=visible)
    response = FileResponse(attachment.file.open("rb"), content_type=attachment.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
