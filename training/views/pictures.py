"""Picture log-in on a shared phone: the class's learners (picture and name), then a 3 × 3
grid where a learner taps the three pictures of their card, then "Đổi người học" in the
header for the next learner. No keyboard and no JavaScript: every tap is a form POST.

The pictures tapped so far travel in the page (a hidden field), so a tap sent twice on
weak Wi-Fi is the same tap. The phone remembers its class in a cookie of its own: the
session ends at every change of learner.
"""

import functools

from django.conf import settings
from django.contrib.auth import login, logout
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from home.errors import too_many_requests
from home.pictures import BY_KEY, SEQUENCE_LENGTH, SEQUENCE_PICTURES
from home.throttle import count_failure, over_limit

from ..errors import TrainingError
from ..forms import PictureTapForm, form_error
from ..models import TrainingClass
from ..services.classes import normalise_code
from ..services.pictures import (
    SEQUENCE_KEYS,
    PicturesLocked,
    WrongPictures,
    picture_card_locked_until,
    picture_login_check,
    picture_roster,
)
from .classes import WRONG_CODES

# The phone's class: the next learner starts there. A course runs a few sessions over
# some weeks.
PICTURE_CLASS_COOKIE = "lop_hinh"
PICTURE_CLASS_COOKIE_AGE = 60 * 24 * 60 * 60
# In the session of a learner who logged in with pictures: their class's code. It puts
# "Đổi người học" in the header (includes/header.html) and leads back to the class.
SESSION_PICTURE_CLASS = "picture_login_class"
# Wrong secrets from one address, whichever learners they were for: a hall of forty
# makes a few mistakes each; a guesser going down the list of names is stopped. (Per
# browser would be no stronger: a guesser drops the cookie, and a hall shares a phone.)
WRONG_PICTURES = {"group": "picture-wrong-address", "rate": "60/10m", "key": "ip"}
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def with_picture_class(view):
    """Turns the ``code`` of the address into its class. A wrong code counts with the join
    form's (the same counter), so this page is no easier way to find a class's names."""

    @functools.wraps(view)
    def wrapper(request, code, **kwargs):
        retry_after = over_limit(request, **WRONG_CODES, count=False)
        if retry_after:
            return too_many_requests(request, retry_after=retry_after)
        training_class = TrainingClass.objects.filter(join_code=normalise_code(code)).first()
        if training_class is None:
            count_failure(request, **WRONG_CODES)
            raise Http404
        return view(request, training_class, **kwargs)

    return wrapper


def _landing(enrollment):
    """Where a learner goes once in: their course in this class."""
    if enrollment.training_class.course_id:
        return reverse("training:course_progress", args=[enrollment.pk])
    return reverse("training:my_classes")


@require_GET
def picture_start(request):
    """/vao-lop/hinh/: the class whose code is typed (?ma=), else the last class this
    phone used, else a box for the code."""
    typed = normalise_code(request.GET.get("ma"))
    code = typed or normalise_code(request.COOKIES.get(PICTURE_CLASS_COOKIE))
    if code and TrainingClass.objects.filter(join_code=code).exists():
        return redirect("training:picture_learners", code=code)
    if typed:
        count_failure(request, **WRONG_CODES)
    return TemplateResponse(request, "training/picture_start.html", {"wrong_code": bool(typed)})


@require_GET
@with_picture_class
def picture_learners(request, training_class):
    """The class's learners who have a picture card: tap yours."""
    learners = [
        (enrollment, BY_KEY.get(enrollment.learner.picture_card.own_picture))
        for enrollment in picture_roster(training_class)
    ]
    response = TemplateResponse(
        request,
        "training/picture_learners.html",
        {"training_class": training_class, "learners": learners},
    )
    response.set_cookie(
        PICTURE_CLASS_COOKIE,
        training_class.join_code,
        max_age=PICTURE_CLASS_COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


# The CSRF check is made below, after the one case where a stale token is expected: the
# last tap sent again after its answer (which logged in, and so renewed the token)
# reached the phone but the page did not. That case only redirects.
@csrf_exempt
@never_cache
@with_picture_class
def picture_sequence(request, training_class, enrollment_id):
    """A learner's 3 × 3 grid; each tap is a POST, the third one logs in."""
    enrollment = get_object_or_404(picture_roster(training_class), pk=enrollment_id)
    if request.user.is_authenticated and request.user.pk == enrollment.learner_id:
        return redirect(_landing(enrollment))  # already in: the first of the taps did it
    return _picture_taps(request, training_class, enrollment)


@csrf_protect
def _picture_taps(request, training_class, enrollment):
    now = timezone.now()
    picked, error = [], None
    if request.method == "POST":
        form = PictureTapForm(request.POST, pictures=SEQUENCE_KEYS, length=SEQUENCE_LENGTH)
        if not form.is_valid():
            error = form_error(form)
        elif len(form.sequence()) < SEQUENCE_LENGTH:
            picked = form.sequence()
        else:
            retry_after = over_limit(request, **WRONG_PICTURES, count=False)
            if retry_after:
                return too_many_requests(request, retry_after=retry_after)
            try:
                learner = picture_login_check(
                    enrollment=enrollment, sequence=form.sequence(), now=now
                )
            except WrongPictures as wrong:
                if wrong.counted:
                    count_failure(request, **WRONG_PICTURES)
                error = wrong
            except TrainingError as failure:  # locked, or no longer allowed
                error = failure
            else:
                login(request, learner, backend=MODEL_BACKEND)
                request.session[SESSION_PICTURE_CLASS] = training_class.join_code
                return redirect(_landing(enrollment))
    card = enrollment.learner.picture_card
    locked_until = picture_card_locked_until(card, now)
    if error is None and locked_until:
        error = PicturesLocked(until=locked_until, now=now)
    return TemplateResponse(
        request,
        "training/picture_sequence.html",
        {
            "training_class": training_class,
            "enrollment": enrollment,
            "own_picture": BY_KEY.get(card.own_picture),
            "grid": SEQUENCE_PICTURES,
            "picked": ",".join(picked),
            "dots": [index < len(picked) for index in range(SEQUENCE_LENGTH)],
            "picked_count": len(picked),
            "length": SEQUENCE_LENGTH,
            "error": error,
            "locked": isinstance(error, PicturesLocked),
        },
    )


@require_POST
def picture_switch(request):
    """ "Đổi người học": log out and go back to the class's learners, for the next one."""
    code = normalise_code(
        request.session.get(SESSION_PICTURE_CLASS) or request.COOKIES.get(PICTURE_CLASS_COOKIE)
    )
    logout(request)
    if code:
        return redirect("training:picture_learners", code=code)
    return redirect("training:picture_start")
