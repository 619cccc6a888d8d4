"""The error pages a phone can meet, in plain Vietnamese, on every mode a trainer can
start: never Django's debug page, a traceback or the list of URL patterns.

Each page says what happened, that it is not the learner's fault where it is not, and
what to do next. The 500 page is a static template: the error may be the database, so it
must render without it.
"""

from django.http import HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _


def _page(request, *, status, title, message, retry_after=None):
    response = TemplateResponse(
        request,
        "errors/error.html",
        {"status": status, "title": title, "message": message, "retry_after": retry_after},
        status=status,
    )
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response.render()


def bad_request(request, exception=None):
    return _page(
        request,
        status=400,
        title=_("The request could not be read"),
        message=_(
            "The page received something it could not understand. Go back, reload the page "
            "and try again."
        ),
    )


def permission_denied(request, exception=None):
    return _page(
        request,
        status=403,
        title=_("You cannot open this page"),
        message=_(
            "This page belongs to another account or role. Log in with the account your "
            "trainer gave you, or ask the trainer."
        ),
    )


def page_not_found(request, exception=None):
    return _page(
        request,
        status=404,
        title=_("Page not found"),
        message=_("The address may be mistyped, or the page has moved."),
    )


def server_error(request):
    return HttpResponseServerError(loader.get_template("500.html").render())


def csrf_failure(request, reason=""):
    """A form sent from a page opened too long ago, or without its cookie."""
    return _page(
        request,
        status=403,
        title=_("The form has expired"),
        message=_(
            "The page was open for a long time, or the browser did not keep its cookie. "
            "Nothing was sent. Go back, reload the page, then send the form again."
        ),
    )


def too_many_requests(request, *, retry_after):
    """Refused because of too many tries; says when to try again."""
    minutes = max(1, round(retry_after / 60))
    return _page(
        request,
        status=429,
        title=_("Too many tries"),
        message=_("Please wait %(minutes)s minute(s), then try again.") % {"minutes": minutes},
        retry_after=retry_after,
    )


def login_locked(request, original_response=None, credentials=None):
    """django-axes: this username from this address tried too many wrong passwords."""
    from axes.helpers import get_cool_off

    cool_off = get_cool_off(request)
    return too_many_requests(request, retry_after=int(cool_off.total_seconds()))
