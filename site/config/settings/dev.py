from .base import *  # noqa: F403

DEBUG = env.bool("DJANGO_DEBUG", default=True)
# runserver serves static files itself; no manifest to build first.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
WHITENOISE_AUTOREFRESH = True
# No collectstatic in development, even with DJANGO_DEBUG=false: WhiteNoise serves from the
# finders, so a worker capturing tutorials films the practice portal with its styles.
WHITENOISE_USE_FINDERS = True
