from .base import *  # noqa: F403

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "home.hashers.LightPBKDF2PasswordHasher",
]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = "memory://"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
WAGTAILADMIN_BASE_URL = "http://testserver"
# No collectstatic in tests: WhiteNoise serves from the finders (the capture server has no
# staticfiles handler of its own, unlike the live server).
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
LOGGING["root"]["level"] = "WARNING"
# Rendering video on every publish would slow every page test; render tests turn it on.
TUTORIAL_RENDER_ON_PUBLISH = False
# Capturing from the practice portal takes a browser; capture tests turn it on.
TUTORIAL_CAPTURE_ENABLED = False
