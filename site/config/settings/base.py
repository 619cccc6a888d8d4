"""Settings shared by every environment.

Every environment variable the platform reads is read here, each with an embedded default
that needs no service: SQLite, Celery tasks run eagerly in-process, files under media/.
dev.py, test.py and production.py only override. See .env.example for the list.
"""

import datetime
from pathlib import Path

import environ

SITE_DIR = Path(__file__).resolve().parent.parent.parent  # site/
BASE_DIR = SITE_DIR.parent  # the repository root

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")  # absent in CI and on a fresh clone; that is fine

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env(
    "DJANGO_SECRET_KEY", default="insecure-embedded-default-key-change-me-for-any-public-server"
)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
# The address phones in the hall use (set by `make class`); QR codes on class pages point
# there even when the trainer opens the page as 127.0.0.1 on the laptop itself.
CLASS_HALL_URL = env("CLASS_HALL_URL", default="")

INSTALLED_APPS = [
    "home",
    "courses",
    "sandbox",
    "assessments",
    "training",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "simple_history",
    "csp",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "home.middleware.ContentSecurityPolicyMiddleware",
    "home.throttle.AnonymousWriteThrottle",
    # Last, as django-axes asks: it turns a locked-out log-in into the 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
# A form sent from a page opened too long ago gets a plain explanation, not Django's page.
CSRF_FAILURE_VIEW = "home.errors.csrf_failure"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "training.context_processors.roles",
            ],
        },
    },
]

# Databases: SQLite on one laptop, PostgreSQL at province scale.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Forty phones on one laptop: readers never wait for a writer (WAL), a write that
    # meets another waits its turn (busy timeout) instead of failing with "database is
    # locked", and a transaction takes the write lock when it begins (IMMEDIATE), so two
    # read-then-write transactions queue up rather than deadlock, which SQLite would
    # answer with an immediate error that no timeout helps.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": env.int("SQLITE_BUSY_TIMEOUT", default=20),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )

# Cache: per-process memory by default; Redis when REDIS_URL is set.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://cong-dan-so")}
# Wagtail's redirect import keeps the uploaded file between the upload and the confirm
# request; in the shared cache, the second request may land on any app server.
WAGTAIL_REDIRECTS_FILE_STORAGE = "cache" if REDIS_URL else "tmp_file"

# Celery: without a broker, tasks run eagerly in-process (the embedded default).
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_URL = CELERY_BROKER_URL or "memory://"
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=None)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=30 * 60)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=25 * 60)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # Longer than the hard time limit, or a long task is delivered twice.
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=2 * 60 * 60),
}
CELERY_TIMEZONE = "Asia/Ho_Chi_Minh"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
    # Printed-card and practice passwords only (why: home/hashers.py).
    "home.hashers.LightPBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes counts wrong passwords on the platform's and the admin's log-in, per
# username *and* address: a commune hall behind one address is not locked out because one
# person forgot a password, and a guesser is stopped after 10 tries for 15 minutes.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "home.errors.login_locked"
# Behind a reverse proxy, the client's address is in X-Forwarded-For: set the number of
# proxies in front (1 behind deploy/nginx). Read by home.throttle.client_address, for
# django-axes and django-ratelimit alike.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "home.throttle.client_address"
# django-ratelimit (home.throttle) counts in the default cache, by the same client address
# django-axes sees.
RATELIMIT_USE_CACHE = "default"
RATELIMIT_IP_META_KEY = "home.throttle.client_address"

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Vietnamese first. English is chosen only through the language form (a cookie), never
# from the browser's Accept-Language: a phone set to English must still get Vietnamese.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [SITE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# Static files are served by the platform itself (WhiteNoise): classes run on a LAN with
# no internet, so there is no CDN.
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [SITE_DIR / "static"]

# Media: files under media/ by default, S3-compatible object storage when a bucket is set.
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Folders whose files anyone may fetch at MEDIA_URL + name: tutorial renders (videos,
# posters) and Wagtail's original images and renditions, all shown on public pages. On
# one laptop home.public_media serves them; with a bucket, nginx proxies these paths to
# it, and `manage.py media_bucket_prepare` lets anonymous readers get these prefixes and
# nothing else. Every other file (learners' uploads, documents, captured screens) has no
# public address and is streamed by the platform's views after checking who asks. A
# change here must also be made in deploy/nginx and followed by media_bucket_prepare.
MEDIA_PUBLIC_FOLDERS = ("renders", "images", "original_images")
MEDIA_S3_BUCKET = env("MEDIA_S3_BUCKET", default="")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if MEDIA_S3_BUCKET:
    STORAGES["default"] = {
        # Public folders get /media/ addresses on this host (phones in a commune hall
        # reach nothing else); the rest get presigned URLs, used by no page.
        "BACKEND": "home.storage.MediaBucketStorage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": env("MEDIA_S3_ENDPOINT_URL", default=None),
            "access_key": env("MEDIA_S3_ACCESS_KEY_ID", default=None),
            "secret_key": env("MEDIA_S3_SECRET_ACCESS_KEY", default=None),
            "region_name": env("MEDIA_S3_REGION", default=None),
            # Two learners uploading "cccd.jpg" must never overwrite each other.
            "file_overwrite": False,
            "default_acl": None,
            "querystring_auth": True,
        },
    }

# Wagtail
WAGTAIL_SITE_NAME = "Công dân số"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = [
    *["pdf", "docx", "doc", "odt", "xlsx", "txt"],
    # Voice-overs and screen recordings for the tutorial renderer.
    *["mp3", "m4a", "wav", "ogg", "mp4", "webm", "mov"],
]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Documents always stream through Wagtail's view, which checks privacy. Left unset, Wagtail
# would redirect to a presigned bucket URL when media are in S3: a host the phones in a
# commune hall cannot reach, and a link that works for anyone until it expires. (On the
# local disk this is what Wagtail chooses by itself.)
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Publishing a procedure renders the video of every changed step (a Celery task).
TUTORIAL_RENDER_ON_PUBLISH = env.bool("TUTORIAL_RENDER_ON_PUBLISH", default=True)
# A render whose worker has not reported for this long is taken over by another worker.
TUTORIAL_RENDER_STALE_SECONDS = env.int("TUTORIAL_RENDER_STALE_SECONDS", default=45)
# Tutorial screens are captured from the practice portal by Debian's Chromium (see
# sandbox.capture); without it the editor's illustrated screenshots are used.
TUTORIAL_CAPTURE_PROVIDER = "sandbox.capture.provider.SandboxCaptureProvider"
TUTORIAL_CAPTURE_ENABLED = env.bool("TUTORIAL_CAPTURE_ENABLED", default=True)
CAPTURE_CHROMIUM = env("CAPTURE_CHROMIUM", default="")
# A capture not finished after this long (its worker died) is asked for again.
TUTORIAL_CAPTURE_STALE_SECONDS = env.int("TUTORIAL_CAPTURE_STALE_SECONDS", default=11 * 60)
# A render still waiting this long after it was asked for has lost its message (or waits
# behind a long queue): the sweep sends it again, at most once per this period.
TUTORIAL_RENDER_PENDING_REQUEUE_SECONDS = env.int(
    "TUTORIAL_RENDER_PENDING_REQUEUE_SECONDS", default=15 * 60
)
# How often beat looks for renders and captures whose worker died: their message would
# otherwise wait for the broker's visibility timeout (2 hours).
TUTORIAL_RENDER_SWEEP_SECONDS = env.int("TUTORIAL_RENDER_SWEEP_SECONDS", default=60)

# Sandbox: practice data is deleted this many days after its owner's last activity;
# the auto-officer takes one action per this many seconds (its accelerated clock).
SANDBOX_RETENTION_DAYS = env.int("SANDBOX_RETENTION_DAYS", default=30)
SANDBOX_AUTO_OFFICER_STEP_SECONDS = env.int("SANDBOX_AUTO_OFFICER_STEP_SECONDS", default=20)
SANDBOX_UPLOAD_MAX_BYTES = env.int("SANDBOX_UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
CELERY_BEAT_SCHEDULE = {
    "purge-expired-practice-data": {
        "task": "sandbox.tasks.purge_expired_practice_data",
        "schedule": 6 * 60 * 60,
    },
    "requeue-stalled-renders": {
        "task": "courses.tasks.requeue_stalled_renders",
        "schedule": TUTORIAL_RENDER_SWEEP_SECONDS,
        # A sweep queued behind long renders is dropped; the next one comes a minute later.
        "options": {"expires": TUTORIAL_RENDER_SWEEP_SECONDS},
    },
}

# Demo accounts printed by `seed_demo`; override on any server that others can reach.
DEMO_PASSWORD = env("DEMO_PASSWORD", default="congdanso2026")

# Content-Security-Policy (django-csp), enforced on every page: scripts only from this
# server's own files, never inline, nothing from other hosts (classes run without
# internet anyway). Inline style attributes stay allowed (the report bars use them).
# Wagtail's admin, for staff only, also needs its own inline scripts: see
# home.middleware.ContentSecurityPolicyMiddleware.
# Media are 'self' wherever they are kept: public ones have /media/ addresses (nginx
# fetches them from the bucket), private ones are streamed by the platform's views, so
# the bucket's own host is not allowed. The one thing still linked there is a staff
# avatar uploaded in Wagtail's admin (a presigned URL): not worth opening every page's
# policy to another host, which offices in a commune often cannot reach anyway.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
CSP_ADMIN_PREFIX = "/admin/"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # Wagtail logs every background index update at INFO; only problems matter here.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}
