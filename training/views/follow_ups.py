"""The trainer's one-month calls: who to call, and what they said."""

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from ..errors import TrainingError
from ..forms import FollowUpForm
from ..models import FollowUpCall
from ..selectors import FOLLOW_UP_AFTER, follow_ups
from ..services.follow_ups import follow_up_record
from .classes import own_class, trainer_required


def _list(request, error=None, values=None, failed_id=None):
    calls = follow_ups(request.user, timezone.now())
    return TemplateResponse(
        request,
        "training/follow_ups.html",
        {
            **calls,
            "outcomes": FollowUpCall.Outcome.choices,
            "after_days": FOLLOW_UP_AFTER.days,
            "error": error,
            "values": values or {},
            "failed_id": failed_id,
        },
    )


@trainer_required
def follow_up_list(request):
    return _list(request)


@trainer_required
def follow_up(request, class_id, enrollment_id):
    training_class = own_class(request, class_id)
    enrollment = get_object_or_404(
        training_class.enrollments.filter(erased_at__isnull=True), pk=enrollment_id
    )
    if request.method != "POST":
        return redirect("training:follow_ups")
    form = FollowUpForm(request.POST)
    form.is_valid()  # text boxes only: the service says what is wrong, in the page's words
    data = form.cleaned_data
    try:
        follow_up_record(
            enrollment=enrollment,
            outcome=data.get("outcome", ""),
            procedure_title=data.get("procedure_title", ""),
            note=data.get("note", ""),
            by=request.user,
            now=timezone.now(),
        )
    except TrainingError as failure:
        return _list(request, error=failure, values=form.data, failed_id=enrollment.pk)
    return redirect(f"{reverse('training:follow_ups')}#hv-{enrollment.pk}")
