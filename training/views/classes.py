"""Trainer pages (open a class, show its code, roster, attendance, board, history) and
joining by code. Managers in scope see a class read-only; only its trainer changes it."""

import functools
import secrets

import segno

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.errors import too_many_requests
from home.throttle import count_failure, over_limit, throttle

from .. import permissions
from ..activities import completion_rule
from ..forms import (
    AttendanceForm,
    ClassActionForm,
    ClassOpenForm,
    ClassSettingsForm,
    JoinForm,
    LoginCardsForm,
    RosterForm,
    SessionForm,
    form_error,
)
from ..models import TrainingClass
from ..selectors import attendance_marks, class_board, class_history
from ..services import classes as services
from ..services.skill_checks import invigilation_open

can_train = permissions.can_train


def trainer_required(view):
    @functools.wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not can_train(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def own_class(request, class_id):
    """Only the class's trainer (or an administrator) may change it; 404 otherwise, so
    a guessed number tells nothing."""
    training_class = get_object_or_404(
        TrainingClass.objects.select_related("organiser", "commune", "course"), pk=class_id
    )
    if not permissions.class_can_change(request.user, training_class):
        raise Http404
    return training_class


def visible_class(request, class_id):
    """The trainer, a manager over its commune, or an administrator may look."""
    training_class = get_object_or_404(
        TrainingClass.objects.select_related("organiser", "commune", "course"), pk=class_id
    )
    if not permissions.class_can_view(request.user, training_class):
        raise Http404
    return training_class


def class_viewer_required(view):
    @functools.wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not (can_train(request.user) or permissions.is_manager(request.user)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@class_viewer_required
def class_list(request):
    can_open = can_train(request.user)
    error, values = None, {}
    form = ClassOpenForm(user=request.user) if can_open else None
    if request.method == "POST":
        if not can_open:
            raise PermissionDenied
        form = ClassOpenForm(request.POST, user=request.user)
        values = form.data
        try:
            if not form.is_valid():
                raise form_error(form)
            data = form.cleaned_data
            created = services.class_open(
                trainer=request.user,
                name=data["name"],
                organiser=data["organiser"],
                commune=data["commune"],
                audience=data["audience"],
                course=data["course"],
            )
        except services.TrainingError as failure:
            error = failure
        else:
            return redirect("training:class", class_id=created.pk)
    classes = TrainingClass.objects.filter(trainer=request.user)
    managed = permissions.classes_visible(request.user).exclude(trainer=request.user)
    fields = form.fields if form is not None else {}
    return TemplateResponse(
        request,
        "training/class_list.html",
        {
            "classes": classes,
            "managed_classes": managed.select_related("commune", "organiser")[:200],
            "can_open": can_open,
            "organisers": fields["organiser"].queryset if fields else [],
            "communes": fields["commune"].queryset if fields else [],
            "courses": fields["course"].queryset if fields else [],
            "audiences": TrainingClass.Audience.choices,
            "error": error,
            "values": values,
        },
    )


def _join_url(request, training_class):
    path = f"/vao-lop/?ma={training_class.join_code}"
    if settings.CLASS_HALL_URL:
        return settings.CLASS_HALL_URL.rstrip("/") + path
    return request.build_absolute_uri(path)


@class_viewer_required
def class_detail(request, class_id):
    training_class = visible_class(request, class_id)
    can_change = permissions.class_can_change(request.user, training_class)
    error, cards, values = None, [], {}
    if request.method == "POST":
        if not can_change:
            raise Http404
        chosen = ClassActionForm(request.POST)
        action = chosen.cleaned_data["action"] if chosen.is_valid() else ""
        form_class = {
            "roster": RosterForm,
            "session": SessionForm,
            "settings": ClassSettingsForm,
        }.get(action)
        form = form_class(request.POST) if form_class else None
        try:
            if form is not None and not form.is_valid():
                raise form_error(form)
            if action == "roster":
                data = form.cleaned_data
                cards = [
                    services.roster_add(
                        training_class=training_class,
                        display_name=data["display_name"],
                        birth_year=data["birth_year"],
                        phone=data["phone"],
                        now=timezone.now(),
                    )
                ]
            elif action == "session":
                data = form.cleaned_data
                services.session_add(
                    training_class=training_class,
                    starts_at=data["starts_at"],
                    place=data["place"],
                    device_notes=data["device_notes"],
                )
                return redirect("training:class", class_id=training_class.pk)
            elif action == "settings":
                services.class_settings_update(training_class=training_class, **form.cleaned_data)
                return redirect(f"{reverse('training:class', args=[training_class.pk])}#cai-dat")
        except services.TrainingError as failure:
            error, values = failure, form.data
    # segno draws the SVG from our own URL and code only: no user text goes into it.
    qr_svg = mark_safe(  # noqa: S308
        segno.make(_join_url(request, training_class), error="m").svg_inline(
            scale=6,
            dark="#111",
            title=_("QR code to join the class %(code)s") % {"code": training_class.join_code},
        )
    )
    return TemplateResponse(
        request,
        "training/class_detail.html",
        {
            "training_class": training_class,
            "can_change": can_change,
            "enrollments": training_class.enrollments.filter(erased_at__isnull=True)
            .select_related("learner", "progress", "certificate")
            .prefetch_related("real_submissions"),
            "sessions": training_class.sessions.all(),
            "join_url": _join_url(request, training_class),
            "qr_svg": qr_svg,
            "cards": cards,
            "error": error,
            "values": values,
            "rule": completion_rule(training_class.course) if training_class.course else "",
            "history": class_history(training_class),
        },
    )


@require_POST
@trainer_required
def login_cards(request, class_id):
    """Print log-in cards: new passwords and new picture cards for the chosen learners,
    shown once."""
    training_class = own_class(request, class_id)
    form = LoginCardsForm(request.POST, training_class=training_class)
    error, chosen = None, []
    if form.is_valid():
        chosen = form.cleaned_data["enrollment"]
    else:
        error = form_error(form)  # another class's learner: nobody gets a new card
    # A learner who is also an official, trainer or manager keeps their own password:
    # a new card would hand the trainer an account with more rights than a learner's.
    cards, refused = [], []
    for enrollment in chosen:
        if permissions.is_plain_learner(enrollment.learner):
            cards.append(
                (
                    enrollment,
                    enrollment.learner.username,
                    services.login_card_reset(enrollment=enrollment),
                )
            )
        else:
            refused.append(enrollment)
    # The same learners' picture cards, for shared phones (a new secret each printing).
    from ..services.pictures import picture_cards_issue

    picture_cards = picture_cards_issue(
        training_class=training_class,
        enrollments=[enrollment for enrollment, _username, _password in cards],
        now=timezone.now(),
    )
    picture_path = f"/vao-lop/{training_class.join_code}/hinh/"
    picture_url = (
        settings.CLASS_HALL_URL.rstrip("/") + picture_path
        if settings.CLASS_HALL_URL
        else request.build_absolute_uri(picture_path)
    )
    # segno draws the SVG from our own URL and code only: no user text goes into it.
    picture_qr_svg = mark_safe(  # noqa: S308
        segno.make(picture_url, error="m").svg_inline(
            scale=2,
            dark="#111",
            title=_("QR code to log in with pictures in the class %(code)s")
            % {"code": training_class.join_code},
        )
    )
    return TemplateResponse(
        request,
        "training/login_cards.html",
        {
            "training_class": training_class,
            "cards": cards,
            "refused": refused,
            "refused_names": ", ".join(enrollment.display_name for enrollment in refused),
            "error": error,
            "picture_cards": picture_cards,
            "picture_url": picture_url,
            "picture_qr_svg": picture_qr_svg,
        },
    )


@trainer_required
def attendance(request, class_id, session_id):
    training_class = own_class(request, class_id)
    session = get_object_or_404(training_class.sessions, pk=session_id)
    error = None
    shown_at = timezone.now().isoformat()
    if request.method == "POST":
        form = AttendanceForm(request.POST, training_class=training_class)
        if form.is_valid():
            services.attendance_take(
                session=session,
                present_ids=[enrollment.pk for enrollment in form.cleaned_data["present"]],
                recorded_by=request.user,
                shown_at=form.cleaned_data["shown_at"],
            )
            return redirect("training:class", class_id=training_class.pk)
        # Show the ticks as they were sent, so nothing is lost.
        error = form_error(form)
        present = {int(pk) for pk in form["present"].value() or [] if str(pk).isdigit()}
        shown_at = form.data.get("shown_at", "")
    else:
        present = set(
            session.attendance.filter(present=True).values_list("enrollment_id", flat=True)
        )
    marks = attendance_marks(session)
    return TemplateResponse(
        request,
        "training/attendance.html",
        {
            "training_class": training_class,
            "session": session,
            "rows": [
                (enrollment, marks.get(enrollment.pk, {}))
                for enrollment in training_class.enrollments.filter(erased_at__isnull=True)
            ],
            "present": present,
            "shown_at": shown_at,
            "error": error,
        },
    )


# Wrong join codes per address: a hall mistypes a few, a guesser tries thousands.
WRONG_CODES = {"group": "join-wrong-code", "rate": "20/10m", "key": "ip"}


@throttle(("join-address", "200/10m", "ip"))
def join(request):
    """Vào lớp: the code from the projector (or the QR code), a name, consent."""
    error, values = None, request.GET
    # The form's hidden token: kept across a corrected form, so a retry of it is still the
    # same join; never taken from the address, or a shared link could replay someone
    # else's join.
    token = ""
    if request.method == "POST":
        retry_after = over_limit(request, **WRONG_CODES, count=False)
        if retry_after:
            return too_many_requests(request, retry_after=retry_after)
        form = JoinForm(request.POST)
        values = form.data
        try:
            if not form.is_valid():
                raise form_error(form)
            data = form.cleaned_data
            enrollment, password = services.class_join(
                code=data["ma"],
                user=request.user if request.user.is_authenticated else None,
                display_name=data["display_name"],
                birth_year=data["birth_year"],
                consent=data["consent"],
                now=timezone.now(),
                token=data["token"],
            )
        except services.TrainingError as failure:
            error = failure
            if failure.field == "code":
                count_failure(request, **WRONG_CODES)
        else:
            if password:
                login(
                    request, enrollment.learner, backend="django.contrib.auth.backends.ModelBackend"
                )
            return TemplateResponse(
                request,
                "training/joined.html",
                {
                    "enrollment": enrollment,
                    "password": password,
                },
            )
        token = form.cleaned_data.get("token", "")
    initial_name = values.get("display_name") or (
        request.user.get_full_name() if request.user.is_authenticated else ""
    )
    return TemplateResponse(
        request,
        "training/join.html",
        {
            "error": error,
            "values": values,
            "initial_name": initial_name,
            "token": token or secrets.token_hex(16),
        },
    )


@class_viewer_required
def board(request, class_id):
    """The live board: refreshes itself every 15 s (a meta refresh, no JavaScript), reads
    on a phone, and in large type with ?chieu=1 on a projector."""
    training_class = visible_class(request, class_id)
    context = class_board(training_class, now=timezone.now())
    return TemplateResponse(
        request,
        "training/board.html",
        {
            "training_class": training_class,
            "projector": request.GET.get("chieu") == "1",
            "can_change": permissions.class_can_change(request.user, training_class),
            "refresh_seconds": 15,
            "post_test_open": invigilation_open(training_class),
            **context,
        },
    )
