"""Checks behind /healthz: can the platform reach its database, cache and task queue?"""

import logging
import time
import uuid

from celery import current_app as celery_app  # the project's app, made by config

from django.conf import settings
from django.core.cache import cache
from django.db import connection

logger = logging.getLogger(__name__)


def _timed(check):
    started = time.perf_counter()
    try:
        detail = check()
    except Exception as error:  # noqa: BLE001 - any failure is the answer we report
        # The type only: the message may name hosts and users, and /healthz is public.
        logger.warning("Health check failed", exc_info=True)
        return {"ok": False, "error": type(error).__name__}
    return {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1), **detail}


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"vendor": connection.vendor}


def check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=5)
    if cache.get(key) != "1":
        raise RuntimeError("value written was not read back")
    cache.delete(key)
    return {"backend": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]}


def check_task_queue():
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return {"mode": "eager", "detail": "tasks run in-process"}
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    replies = celery_app.control.inspect(timeout=1.0).ping() or {}
    return {"mode": "broker", "workers": len(replies)}


def platform_health():
    """The state of each service; ``ok`` is false when any of them fails."""
    checks = {
        "database": _timed(check_database),
        "cache": _timed(check_cache),
        "task_queue": _timed(check_task_queue),
    }
    return {"ok": all(result["ok"] for result in checks.values()), **checks}
