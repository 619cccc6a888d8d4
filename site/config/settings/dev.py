from .base import *  # noqa: F403

DEBUG = env.bool("DJANGO_DEBUG", default=True)
# runserver serves static files itself; no manifest to build first.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
WHITENOISE_AUTOREFRESH = True
