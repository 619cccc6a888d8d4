"""`manage.py media_audit`: does every file the database names exist in its storage?

After moving media to a bucket, restoring a backup or a purge that stopped half-way, a
row may name a file that is gone (a broken video, a 404 picture, an attachment an
official cannot open) and a folder may hold files no row names (space, and possibly a
learner's photo that should have been deleted). Every file field of every installed
model is read, found through django.apps: home sits below the apps that own the models
(courses' renders and captured screens, the sandbox's attachments, Wagtail's images,
renditions and documents) and may not import them.

Exit status 1 when a file is missing, so a script or a CI stage can stop on it.
"""

import json
import posixpath

from botocore.exceptions import BotoCoreError, ClientError
from storages.backends.s3 import S3Storage

from django.apps import apps
from django.core.exceptions import SuspiciousOperation
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import models

# Rows are read in chunks of this size: tens of thousands of rows never sit in memory as
# model instances, only their names as strings.
CHUNK = 2000


class Command(BaseCommand):
    help = (
        "Kiểm tra mọi tệp mà cơ sở dữ liệu nhắc tới có trong kho lưu trữ không (mọi "
        "FileField/ImageField). --orphans THƯ_MỤC… liệt kê tệp không dòng nào dùng. "
        "Trả mã 1 khi thiếu tệp."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--orphans",
            nargs="+",
            metavar="PREFIX",
            default=[],
            help=(
                "Thư mục trong kho (ví dụ renders sandbox) cần tìm tệp không dòng nào dùng. "
                "Chỉ liệt kê, không xóa: tệp đang tải lên có thể chưa có dòng của nó."
            ),
        )
        parser.add_argument(
            "--json",
            action="store_true",
            dest="as_json",
            help='In đúng một dòng JSON {"checked": n, "missing": [...], "orphans": [...]}.',
        )

    def handle(self, *args, orphans=(), as_json=False, **options):
        try:
            self._audit(orphans, as_json)
        except (BotoCoreError, ClientError) as error:
            raise CommandError(f"Kho lưu trữ trả lời lỗi: {error}", returncode=2) from error

    def _audit(self, orphans, as_json):
        listings = Listings()
        # Folders for --orphans are listed before any row is read: a file is written
        # before its row, so a file saved meanwhile already has its row when rows are
        # read, and is not reported by mistake.
        orphan_candidates = {
            prefix: listings.take(default_storage, prefix) for prefix in _folders(orphans)
        }
        fields = [
            (f"{model._meta.label}.{field.name}", field.storage, _stored_names(model, field))
            for model, field in file_fields()
        ]
        # And the folders used to find missing files are listed after every row was read,
        # for the same reason: a row's file was written before the row.
        existing = Listings()
        checked, missing, referenced = 0, [], set()
        lines = []
        for label, storage, names in fields:
            gone = [name for name in sorted(set(names)) if not existing.has(storage, name)]
            checked += len(names)
            missing += [{"field": label, "name": name} for name in gone]
            if storage is default_storage:
                referenced.update(names)
            lines.append(f"{label}: {len(names)} tệp, thiếu {len(gone)}")
            lines += [f"    thiếu: {name}" for name in gone]
        found_orphans = sorted(
            {
                name
                for candidates in orphan_candidates.values()
                for name in candidates
                if name not in referenced
            }
        )

        if as_json:
            report = {"checked": checked, "missing": missing, "orphans": found_orphans}
            self.stdout.write(json.dumps(report, ensure_ascii=False))
        else:
            for line in lines:
                self.stdout.write(line)
            self.stdout.write(f"Đã kiểm tra {checked} tệp: thiếu {len(missing)}.")
            for prefix, candidates in orphan_candidates.items():
                unused = sorted(name for name in candidates if name not in referenced)
                self.stdout.write(
                    f"Trong {prefix}/: {len(candidates)} tệp, {len(unused)} tệp không dòng "
                    "nào dùng."
                )
                for name in unused:
                    self.stdout.write(f"    không dùng: {name}")
        if missing:
            raise CommandError(f"Thiếu {len(missing)} tệp trong kho lưu trữ.", returncode=1)


def file_fields():
    """(model, field) for each file column of each installed model, each column once."""
    for model in apps.get_models():
        meta = model._meta
        # A proxy reads its concrete model's table (counted there); an unmanaged model's
        # table belongs to something else and may not exist in this database.
        if meta.proxy or not meta.managed or meta.swapped:
            continue
        # local_concrete_fields: a child page's inherited file field is its parent's
        # column, read once through the parent.
        for field in meta.local_concrete_fields:
            if isinstance(field, models.FileField):
                yield model, field


def _stored_names(model, field):
    """The non-empty names of one column, straight from the database."""
    column = field.attname
    rows = (
        model._base_manager.order_by()
        .exclude(**{f"{column}__isnull": True})
        .exclude(**{column: ""})
        .values_list(column, flat=True)
    )
    return list(rows.iterator(chunk_size=CHUNK))


def _folders(prefixes):
    """Storage folders as given on the command line, without slashes around them."""
    return list(dict.fromkeys(prefix.strip("/") for prefix in prefixes if prefix.strip("/")))


class Listings:
    """What each storage folder holds, listed at most once per run.

    On S3, exists() is a HEAD request per name: tens of thousands of round trips to the
    store. Listing a folder returns a thousand names per request, so for a bucket the
    top-level folder of each name is listed once and names are compared as sets. On the
    local disk exists() is one stat() and needs no listing."""

    def __init__(self):
        self._listed = {}

    def take(self, storage, folder):
        key = (id(storage), folder)
        if key not in self._listed:
            self._listed[key] = set(_all_names(storage, folder))
        return self._listed[key]

    def has(self, storage, name):
        folder, slash, _rest = name.partition("/")
        if slash and _is_bucket(storage):
            return name in self.take(storage, folder)
        try:
            return storage.exists(name)
        except SuspiciousOperation:
            # A name pointing outside the storage ("../x") cannot be served either.
            return False


def _all_names(storage, folder):
    """Every file under a storage folder, as names relative to the storage."""
    if _is_bucket(storage):
        # One flat listing (no delimiter): listdir() would ask once per sub-folder, and
        # every render has a folder of its own.
        location = (storage.location or "").strip("/")
        prefix = posixpath.join(location, folder) + "/" if location else folder + "/"
        strip = len(location) + 1 if location else 0
        paginator = storage.connection.meta.client.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=storage.bucket_name, Prefix=prefix):
            for entry in page.get("Contents", ()):
                if not entry["Key"].endswith("/"):
                    yield entry["Key"][strip:]
        return
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield posixpath.join(folder, name)
    for directory in directories:
        yield from _all_names(storage, posixpath.join(folder, directory))


def _is_bucket(storage):
    return isinstance(storage, S3Storage)
