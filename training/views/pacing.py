"""Trainer-paced mode: the board's step buttons, and the learner's page that follows
the class's step (it reloads itself while the learner waits for the next one)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from ..errors import TrainingError
from ..forms import PaceForm
from ..paced_steps import ON_STEP, WAITING, done_keys, pace_state, paced_step
from ..services.pacing import pace_move
from .classes import own_class
from .learner import own_enrollment

WAITING_REFRESH_SECONDS = 10


@require_POST
@login_required
def pace(request, class_id):
    training_class = own_class(request, class_id)
    form = PaceForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    try:
        pace_move(
            training_class=training_class,
            to=data.get("to", ""),
            seen=data.get("seen", ""),
            now=timezone.now(),
        )
    except TrainingError:
        pass  # the board shows where the class is; nothing moved
    board = reverse("training:board", args=[training_class.pk])
    return redirect(f"{board}{'?chieu=1' if data.get('chieu') else ''}#buoc")


@login_required
def class_step(request, enrollment_id):
    enrollment = own_enrollment(request, enrollment_id)
    training_class = enrollment.training_class
    step = paced_step(training_class)
    state, missing = "", []
    if step is not None:
        course = training_class.course
        keys = [a.key for a in (*step.earlier, step.activity)]
        done = done_keys(
            [enrollment], keys, allow_guided=bool(course and course.specific.allow_guided_practice)
        )[enrollment.pk]
        state, missing = pace_state(step, done)
    return TemplateResponse(
        request,
        "training/class_step.html",
        {
            "enrollment": enrollment,
            "step": step,
            "state": state,
            "missing": missing,
            "waiting": state == WAITING or step is None,
            "on_step": state == ON_STEP,
            "refresh_seconds": WAITING_REFRESH_SECONDS,
        },
    )
