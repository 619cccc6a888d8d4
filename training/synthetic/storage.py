"""Writing and deleting millions of synthetic rows fast enough to rebuild a province in
minutes: one-statement deletes, COPY on PostgreSQL (``bulk_create`` elsewhere), and
timestamps kept as generated rather than stamped with the current time.

These bypass the ORM's per-row machinery on purpose and are only meant for the
synthetic province, never for real data.
"""

import itertools
from contextlib import contextmanager

from django.db import connection, reset_queries

COPY_CHUNK = 250_000
BATCH = 2_000


def raw_delete(queryset):
    """DELETE … WHERE in one statement. Django's ``delete()`` would load every row first:
    Wagtail listens to every model's post_delete, and events' SET_NULL foreign key would
    update millions of rows before deleting them."""
    return queryset._raw_delete(queryset.db)


@contextmanager
def timestamps_as_given(*fields):
    """``bulk_create`` stamps auto_now/auto_now_add fields with the current time; synthetic
    rows keep the dates they were given, spread over months."""
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def _auto_timestamp_fields(model):
    auto = [f for f in model._meta.concrete_fields if getattr(f, "auto_now", False)]
    auto += [f for f in model._meta.concrete_fields if getattr(f, "auto_now_add", False)]
    return auto


def rows_insert(model, columns, rows):
    """Insert tuples (values in ``columns`` order, attnames such as ``learner_id``): COPY on
    PostgreSQL in chunks (each its own transaction outside an atomic block, so the deferred
    foreign-key checks do not pile up), ``bulk_create`` elsewhere. Returns the row count."""
    rows = iter(rows)
    total = 0
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(model._meta.db_table)
        column_of = {f.attname: f.column for f in model._meta.concrete_fields}
        # The model's defaults for the columns not given ("" for text, the default where
        # one is set), as bulk_create fills them in: a NOT NULL field added to a model
        # later does not break the COPY.
        defaulted = [
            f for f in model._meta.concrete_fields if f.attname not in columns and not f.primary_key
        ]
        names = ", ".join(
            connection.ops.quote_name(column_of[c])
            for c in [*columns, *(f.attname for f in defaulted)]
        )
        while chunk := list(itertools.islice(rows, COPY_CHUNK)):
            with connection.cursor() as cursor:
                with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:  # noqa: S608
                    for row in chunk:
                        copy.write_row((*row, *(f.get_default() for f in defaulted)))
            total += len(chunk)
        return total
    with timestamps_as_given(*_auto_timestamp_fields(model)):
        while chunk := list(itertools.islice(rows, BATCH)):
            model.objects.bulk_create(
                [model(**dict(zip(columns, row, strict=True))) for row in chunk]
            )
            total += len(chunk)
            reset_queries()
    return total


def objects_create(model, objects):
    """``bulk_create`` that keeps given timestamps and fills in primary keys."""
    created = []
    with timestamps_as_given(*_auto_timestamp_fields(model)):
        for start in range(0, len(objects), BATCH):
            created += model.objects.bulk_create(objects[start : start + BATCH])
            reset_queries()
    return created
