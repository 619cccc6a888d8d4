"""Serving the public part of media/ from the app server itself, with HTTP Range.

On a trainer's laptop there is no nginx in front: gunicorn answers everything. Tutorial
videos must seek (a phone asks for byte ranges), posters and step images should be
cached, and WhiteNoise already does both well for static files. Media change while the
server runs (a new render), so this instance looks files up on each request instead of
indexing them at start-up.

Only folders that hold public files are served here (settings.MEDIA_PUBLIC_FOLDERS, the
same list the bucket storage gives /media/ addresses to). Learners' uploads (sandbox/),
documents (Wagtail checks their privacy) and certificates stay behind their views.
"""

import os

from whitenoise import WhiteNoise

from django.conf import settings

# A render's folder is named after its row and never rewritten once done; images get a
# new name when replaced. A day of caching still lets a fixed file reach phones soon.
MEDIA_MAX_AGE = 24 * 60 * 60


def _announce_ranges(headers, path, url):
    # WhiteNoise answers Range requests but does not say so; some phone players only seek
    # when the first answer announces it.
    headers["Accept-Ranges"] = "bytes"


class PublicMediaFiles(WhiteNoise):
    """WhiteNoise over the public media folders, found per request (files appear while
    the server runs)."""

    def __init__(self, application, *, media_root, media_url):
        super().__init__(
            application,
            autorefresh=True,
            max_age=MEDIA_MAX_AGE,
            allow_all_origins=False,
            add_headers_function=_announce_ranges,
        )
        prefix = "/" + media_url.strip("/") + "/"
        for folder in settings.MEDIA_PUBLIC_FOLDERS:
            self.add_files(os.path.join(str(media_root), folder), prefix=f"{prefix}{folder}/")
        self.media_prefix = prefix

    def __call__(self, environ, start_response):
        # Outside /media/ nothing is looked up on disk: pages pay no cost for this.
        if not environ.get("PATH_INFO", "").startswith(self.media_prefix):
            return self.application(environ, start_response)
        return super().__call__(environ, start_response)


def with_public_media(application):
    """Wrap the WSGI application when media live on this machine's disk (with a bucket,
    nginx proxies the same /media/ paths to it)."""
    backend = settings.STORAGES["default"]["BACKEND"]
    if backend != "django.core.files.storage.FileSystemStorage":
        return application
    return PublicMediaFiles(
        application, media_root=settings.MEDIA_ROOT, media_url=settings.MEDIA_URL
    )
