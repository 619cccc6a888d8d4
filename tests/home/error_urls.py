"""The platform's URLs plus one view that fails, to see the 500 page a phone gets."""

from django.urls import path

from config.urls import *  # noqa: F403 - the same handlers and patterns
from config.urls import urlpatterns as platform_urlpatterns


def broken(request):
    raise RuntimeError("lỗi thử: SECRET-TRACEBACK-MARKER")


urlpatterns = [path("loi-thu/", broken), *platform_urlpatterns]
