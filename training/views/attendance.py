"""Attendance by the code on the projector: the trainer's screen with the code that
changes every minute, and the learner's page where they type it (or land from the QR
code, which carries it)."""

import segno

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from home.errors import too_many_requests
from home.throttle import count_failure, over_limit

from ..attendance_codes import code_attendance_is_open, code_now, seconds_to_next_code
from ..errors import TrainingError
from ..forms import AttendanceCodeForm, CodeAttendanceSwitchForm, form_error
from ..models import ClassSession, Enrollment
from ..services import attendance as services
from .classes import own_class


def _code_url(request, session, code):
    path = f"/diem-danh/{session.pk}/?ma={code}"
    if settings.CLASS_HALL_URL:
        return settings.CLASS_HALL_URL.rstrip("/") + path
    return request.build_absolute_uri(path)


@login_required
def code_screen(request, class_id, session_id):
    """For the projector: the code, its QR code, how many are marked. The page reloads
    itself when the code changes (no JavaScript)."""
    training_class = own_class(request, class_id)
    session = get_object_or_404(training_class.sessions, pk=session_id)
    now = timezone.now()
    if request.method == "POST":
        form = CodeAttendanceSwitchForm(request.POST)
        if form.is_valid():
            if form.cleaned_data["action"] == "open":
                services.code_attendance_open(session=session, now=now)
            else:
                services.code_attendance_close(session=session, now=now)
        return redirect("training:attendance_code", class_id=class_id, session_id=session.pk)
    is_open = code_attendance_is_open(session, now)
    code = code_now(session, now) if is_open else ""
    qr_svg = ""
    if is_open:
        # segno draws the SVG from our own URL and a code of digits: no user text in it.
        qr_svg = mark_safe(  # noqa: S308
            segno.make(_code_url(request, session, code), error="m").svg_inline(
                scale=7, dark="#111", title=_("QR code for attendance")
            )
        )
    roster = training_class.enrollments.filter(erased_at__isnull=True)
    return TemplateResponse(
        request,
        "training/attendance_code.html",
        {
            "training_class": training_class,
            "session": session,
            "is_open": is_open,
            "code": code,
            "qr_svg": qr_svg,
            "refresh_in": seconds_to_next_code(now) if is_open else 0,
            "present": session.attendance.filter(present=True, enrollment__in=roster).count(),
            "roster": roster.count(),
            "address": _code_url(request, session, "")[: -len("?ma=")],
        },
    )


def _wrong_codes(session):
    # A learner who mistypes gets a few tries; someone guessing the 4 digits does not.
    return {"group": f"attendance-code-{session.pk}", "rate": "6/4h", "key": "user"}


@login_required
def mark_present(request, session_id):
    """The learner's side: type the code (or arrive with it from the QR code) and press
    "Tôi có mặt"."""
    session = get_object_or_404(
        ClassSession.objects.select_related("training_class"), pk=session_id
    )
    enrollment = Enrollment.objects.filter(
        training_class=session.training_class, learner=request.user, erased_at__isnull=True
    ).first()
    if enrollment is None:
        raise Http404
    error = None
    code = request.GET.get("ma", "")
    if request.method == "POST":
        form = AttendanceCodeForm(request.POST)
        code = form.data.get("ma", "")
        retry_after = over_limit(request, **_wrong_codes(session), count=False)
        if retry_after:
            return too_many_requests(request, retry_after=retry_after)
        if not form.is_valid():
            error = form_error(form)
        else:
            try:
                services.attendance_by_code(
                    session=session,
                    enrollment=enrollment,
                    code=form.cleaned_data["ma"],
                    device=services.device_digest(request.session.session_key),
                    now=timezone.now(),
                )
            except TrainingError as failure:
                error = failure
                count_failure(request, **_wrong_codes(session))
            else:
                return redirect("training:mark_present", session_id=session.pk)
    mark = session.attendance.filter(enrollment=enrollment, present=True).first()
    return TemplateResponse(
        request,
        "training/mark_present.html",
        {
            "session": session,
            "enrollment": enrollment,
            "mark": mark,
            "is_open": code_attendance_is_open(session, timezone.now()),
            "code": code,
            "error": error,
        },
    )
