"""The skills checks: the learner's pre-test and post-test sheets, and the board's
button that opens and closes the post-test in the hall."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from home.skills import skill_name

from ..errors import TrainingError
from ..forms import InvigilationForm, skill_check_answers
from ..models import SkillCheckAttempt
from ..services import skill_checks as checks
from ..services.progress import post_test_needed
from .classes import own_class
from .learner import own_enrollment

KINDS = {"dau-vao": SkillCheckAttempt.Kind.PRE, "cuoi-khoa": SkillCheckAttempt.Kind.POST}


def _kind(slug):
    try:
        return KINDS[slug]
    except KeyError:
        raise Http404 from None


@login_required
def skill_check(request, enrollment_id, kind_slug):
    """GET: the open sheet, or where the learner stands with this check. POST: start a
    sheet (``start``) or send the answers of the open one."""
    enrollment = own_enrollment(request, enrollment_id)
    kind = _kind(kind_slug)
    error, kept = "", {}
    if request.method == "POST":
        try:
            if "start" in request.POST:
                checks.check_start(enrollment=enrollment, kind=kind, now=timezone.now())
                return redirect(request.path)
            sheet = enrollment.skill_checks.filter(kind=kind, submitted_at__isnull=True).first()
            if sheet is None:  # sent twice: the first one was scored
                return redirect(request.path)
            kept = skill_check_answers(request.POST, sheet.question_ids)
            checks.check_submit(sheet=sheet, answers=kept, now=timezone.now())
            return redirect(f"{request.path}#ket-qua")
        except TrainingError as failure:
            error = failure.message
    training_class = enrollment.training_class
    may_sit = kind == SkillCheckAttempt.Kind.PRE or checks.may_sit_now(training_class)
    sheets = list(enrollment.skill_checks.filter(kind=kind).order_by("number"))
    # While the trainer has the invigilated test closed, its questions are not shown.
    open_sheet = next((s for s in sheets if s.is_open), None) if may_sit else None
    done = [s for s in sheets if not s.is_open]
    questions = checks.sheet_questions(open_sheet) if open_sheet else []
    if open_sheet and not kept:
        kept = {int(pk): letter for pk, letter in open_sheet.answers.items()}
    return TemplateResponse(
        request,
        "training/skill_check.html",
        {
            "enrollment": enrollment,
            "kind": kind,
            "kind_slug": kind_slug,
            "is_post": kind == SkillCheckAttempt.Kind.POST,
            "sheet": open_sheet,
            "practical": [q for q in questions if q.kind == q.Kind.PRACTICAL],
            "choice": [
                (q, [(letter, text, kept.get(q.pk) == letter) for letter, text in q.choices()])
                for q in questions
                if q.kind == q.Kind.CHOICE
            ],
            "done": done,
            "latest": done[-1] if done else None,
            "latest_skills": [
                (skill_name(key), right, asked)
                for key, (right, asked) in (done[-1].per_skill.items() if done else ())
            ],
            "passed": any(s.passed for s in done),
            "attempts_left": checks.attempts_left(enrollment),
            "may_sit": may_sit,
            "required": post_test_needed(training_class),
            "error": error,
        },
    )


@require_POST
@login_required
def invigilation(request, class_id):
    training_class = own_class(request, class_id)
    form = InvigilationForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    checks.invigilation_set(
        training_class=training_class, open_it=data.get("action") == "open", now=timezone.now()
    )
    board = reverse("training:board", args=[training_class.pk])
    return redirect(f"{board}{'?chieu=1' if data.get('chieu') else ''}#kiem-tra")
