"""The learner's own pages: my classes, one course's checklist (read, answer, practise,
watch), reporting a real submission, and erasing my data."""

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from ..activities import completion_rule, course_activities, lesson_questions
from ..errors import TrainingError
from ..forms import EraseConfirmForm, QuizForm, RealSubmissionForm, form_error
from ..models import Certificate, Enrollment
from ..paced_steps import paced_step
from ..selectors import sessions_open_for_code
from ..services import progress as progress_services
from ..services.erasure import ErasureRefused, learner_erase


def own_enrollment(request, enrollment_id):
    """Only the learner's own enrolment: another learner's number gives 404."""
    return get_object_or_404(
        Enrollment.objects.select_related("training_class__course", "progress"),
        pk=enrollment_id,
        learner=request.user,
    )


@login_required
def my_classes(request):
    enrollments = Enrollment.objects.filter(learner=request.user).select_related(
        "training_class__course", "progress", "certificate"
    )
    return TemplateResponse(
        request,
        "training/my_classes.html",
        {
            "enrollments": enrollments,
            "certificates": Certificate.objects.filter(learner=request.user),
            "error": request.GET.get("loi") == "1",
        },
    )


def _lessons(course):
    """The course's lessons with their blocks, for the checklist."""
    return {block.id: block for block in course.specific.lessons} if course else {}


@login_required
def course_progress(request, enrollment_id):
    enrollment = own_enrollment(request, enrollment_id)
    course = enrollment.training_class.course
    activities = course_activities(course)
    states, summaries = progress_services.activity_states(enrollment, activities)
    lessons = _lessons(course)
    items = [
        {
            "activity": a,
            "done": states[a.key],
            "summary": summaries.get(a.key),
            "lesson": lessons.get(a.lesson_id),
            "questions": list(enumerate(lesson_questions(course, a.lesson_id), start=1))
            if a.kind == "quiz"
            else [],
        }
        for a in activities
    ]
    quiz = request.session.pop("quiz_result", None)
    progress = getattr(enrollment, "progress", None)
    return TemplateResponse(
        request,
        "training/course_progress.html",
        {
            "enrollment": enrollment,
            "course": course,
            "items": items,
            "done": sum(states.values()),
            "rule": completion_rule(course) if course else "",
            "certificate": Certificate.objects.filter(enrollment=enrollment).first(),
            "quiz": quiz,
            "submissions": enrollment.real_submissions.all(),
            "error": request.session.pop("progress_error", None),
            # What the learner typed in a refused report, to send again.
            "values": request.session.pop("progress_values", {}),
            "today": timezone.localdate(),
            "paced": paced_step(enrollment.training_class, activities),
            "checks": {
                "pre": progress.pre_test_percent if progress else None,
                "post": progress.post_test_percent if progress else None,
                "passed": bool(progress and progress.post_test_passed_at),
                "needed": progress_services.post_test_needed(enrollment.training_class),
                "all_done": bool(items) and all(states.values()),
            },
            "attendance_sessions": [
                session
                for session in sessions_open_for_code(enrollment, timezone.now())
                if not session.attendance.filter(enrollment=enrollment, present=True).exists()
            ],
        },
    )


@require_POST
@login_required
def reading_done(request, enrollment_id, lesson_id):
    enrollment = own_enrollment(request, enrollment_id)
    if f"read:{lesson_id}" in {a.key for a in course_activities(enrollment.training_class.course)}:
        progress_services.reading_done(enrollment=enrollment, lesson_id=lesson_id)
    return redirect(f"/hoc/{enrollment.pk}/#bai-{lesson_id}")


@require_POST
@login_required
def quiz_answer(request, enrollment_id, lesson_id):
    enrollment = own_enrollment(request, enrollment_id)
    form = QuizForm(request.POST, course=enrollment.training_class.course, lesson_id=lesson_id)
    if not form.is_valid():  # an answer the page never offered: nothing is counted
        request.session["quiz_result"] = {"lesson": lesson_id, "error": form_error(form).message}
        return redirect(f"/hoc/{enrollment.pk}/#bai-{lesson_id}")
    results = progress_services.quiz_answer(
        enrollment=enrollment, lesson_id=lesson_id, answers=form.answers()
    )
    request.session["quiz_result"] = {
        "lesson": lesson_id,
        "right": sum(ok for _q, _c, ok in results),
        "total": len(results),
        "wrong": [
            {"n": i + 1, "explanation": q.get("explanation", "")}
            for i, (q, _c, ok) in enumerate(results)
            if not ok
        ],
    }
    return redirect(f"/hoc/{enrollment.pk}/#bai-{lesson_id}")


@require_POST
@login_required
def real_submission(request, enrollment_id):
    enrollment = own_enrollment(request, enrollment_id)
    form = RealSubmissionForm(request.POST)
    try:
        if not form.is_valid():
            raise form_error(form)
        progress_services.real_submission_record(
            enrollment=enrollment,
            procedure_title=form.cleaned_data["procedure_title"],
            submitted_on=form.cleaned_data["submitted_on"],
            today=timezone.localdate(),
        )
    except TrainingError as failure:
        request.session["progress_error"] = failure.message
        request.session["progress_values"] = {
            "procedure_title": form["procedure_title"].value() or "",
            "submitted_on": form["submitted_on"].value() or "",
        }
    return redirect(f"/hoc/{enrollment.pk}/#nop-that")


@login_required
def erase_my_data(request):
    """Two steps: a page that says what goes and what stays, then the POST."""
    if request.method == "POST" and EraseConfirmForm(request.POST).is_valid():
        user = request.user
        try:
            learner_erase(user=user)
        except ErasureRefused as refusal:
            return TemplateResponse(
                request, "training/erase_done.html", {"refused": str(refusal)}, status=403
            )
        logout(request)  # the account is gone; end its session too
        return TemplateResponse(request, "training/erase_done.html", {})
    return TemplateResponse(request, "training/erase_confirm.html", {})
