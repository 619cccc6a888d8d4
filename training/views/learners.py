"""One learner of a class, seen by the trainer or a manager: activities, manual
progress (trainer), confirming real submissions, erasing personal data."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from .. import permissions
from ..activities import course_activities
from ..errors import TrainingError
from ..forms import EraseConfirmForm, ProgressOverrideForm, form_error
from ..models import Enrollment, RealSubmission
from ..services import progress as progress_services
from ..services.erasure import ErasureRefused, learner_erase


def _enrollment(request, class_id, enrollment_id, *, change=False):
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("training_class__course", "learner", "progress"),
        pk=enrollment_id,
        training_class_id=class_id,
        erased_at__isnull=True,
    )
    allowed = (permissions.class_can_change if change else permissions.class_can_view)(
        request.user, enrollment.training_class
    )
    if not allowed:
        raise Http404
    return enrollment


@login_required
def learner_detail(request, class_id, enrollment_id):
    enrollment = _enrollment(request, class_id, enrollment_id)
    activities = course_activities(enrollment.training_class.course)
    states, summaries = progress_services.activity_states(enrollment, activities)
    overrides = {o.activity_key: o for o in enrollment.overrides.all()}
    return TemplateResponse(
        request,
        "training/learner_detail.html",
        {
            "enrollment": enrollment,
            "training_class": enrollment.training_class,
            "can_change": permissions.class_can_change(request.user, enrollment.training_class),
            "items": [
                {
                    "activity": a,
                    "done": states[a.key],
                    "summary": summaries.get(a.key),
                    "override": overrides.get(a.key),
                }
                for a in activities
            ],
            "submissions": enrollment.real_submissions.all(),
            "error": request.session.pop("learner_error", None),
            # What the trainer typed in a refused manual change, to send again.
            "values": request.session.pop("learner_values", {}),
        },
    )


@require_POST
@login_required
def progress_override(request, class_id, enrollment_id):
    enrollment = _enrollment(request, class_id, enrollment_id, change=True)
    form = ProgressOverrideForm(request.POST)
    try:
        if not form.is_valid():
            raise form_error(form)
        progress_services.progress_override(
            enrollment=enrollment,
            activity_key=form.cleaned_data["activity"],
            done=form.cleaned_data["done"],
            reason=form.cleaned_data["reason"],
            changed_by=request.user,
        )
    except TrainingError as failure:
        request.session["learner_error"] = failure.message
        request.session["learner_values"] = {
            "activity": form["activity"].value() or "",
            "reason": form["reason"].value() or "",
        }
    return redirect("training:learner", class_id=class_id, enrollment_id=enrollment.pk)


@require_POST
@login_required
def submission_confirm(request, class_id, enrollment_id, submission_id):
    enrollment = _enrollment(request, class_id, enrollment_id)  # trainer or manager
    report = get_object_or_404(RealSubmission, pk=submission_id, enrollment=enrollment)
    progress_services.real_submission_confirm(report=report, by=request.user)
    return redirect("training:learner", class_id=class_id, enrollment_id=enrollment.pk)


@login_required
def learner_erase_view(request, class_id, enrollment_id):
    """The class's trainer passes on a learner's request (managers only read)."""
    enrollment = _enrollment(request, class_id, enrollment_id, change=True)
    if request.method == "POST" and EraseConfirmForm(request.POST).is_valid():
        try:
            learner_erase(user=enrollment.learner)
        except ErasureRefused as refusal:
            request.session["learner_error"] = str(refusal)
            return redirect("training:learner", class_id=class_id, enrollment_id=enrollment.pk)
        return redirect("training:class", class_id=class_id)
    return TemplateResponse(
        request,
        "training/erase_confirm.html",
        {"enrollment": enrollment, "training_class": enrollment.training_class},
    )
