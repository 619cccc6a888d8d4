"""Media in an S3-compatible bucket, addressed through the platform's own host name.

Phones in a commune hall can often reach the platform and nothing else (a firewall that
lets one name through, a captive Wi-Fi, a store on the province's private network), so
a page must never send them to the bucket's endpoint. Files in the public folders
(settings.MEDIA_PUBLIC_FOLDERS) are therefore addressed as MEDIA_URL + name, the same
address the laptop serves them at (home.public_media): nginx proxies those paths to the
bucket, path-style (<endpoint>/<bucket>/<name>), caching them and answering Range
requests, and the bucket lets anonymous readers get those prefixes only
(``manage.py media_bucket_prepare``).

Every other name keeps django-storages' presigned URL. No page a learner sees uses one:
learners' uploads and documents are streamed by the platform's views after checking who
asks (only a staff avatar in Wagtail's admin is linked this way). The short-lived
signature is what stops a leaked name from becoming a readable file.
"""

from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from django.conf import settings
from django.utils.encoding import filepath_to_uri


def public_folder_of(name: str) -> str | None:
    """The public folder a stored name lies in, or None for a private name.

    The name is normalised first, so "renders/../sandbox/x.jpg" counts as the private
    sandbox/x.jpg it really designates, and a bare folder name is not a file in it."""
    folder, _slash, rest = clean_name(name).lstrip("/").partition("/")
    return folder if rest and folder in settings.MEDIA_PUBLIC_FOLDERS else None


class MediaBucketStorage(S3Storage):
    """S3Storage whose public files have /media/ addresses on the platform's host."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        # Extra parameters (a download name, a content type) only a signed URL can carry;
        # nginx would drop them, so such a request keeps the parent's answer.
        if not parameters and http_method in (None, "GET") and public_folder_of(name):
            return settings.MEDIA_URL + filepath_to_uri(clean_name(name).lstrip("/"))
        return super().url(name, parameters=parameters, expire=expire, http_method=http_method)


def public_prefixes(location: str = "") -> list[str]:
    """The bucket keys anonymous readers may get, as "<prefix>/" strings.

    nginx maps /media/<name> to the key <name>; a storage ``location`` would sit in front
    of every key, so it is part of the prefix here (and must then be in nginx's
    proxy_pass too)."""
    location = (location or "").strip("/")
    return [
        f"{location}/{folder}/" if location else f"{folder}/"
        for folder in settings.MEDIA_PUBLIC_FOLDERS
    ]
