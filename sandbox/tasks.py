from celery import shared_task

from django.utils import timezone

from .capture.tasks import capture_tutorial_task  # noqa: F401 - found by the worker here
from .services.purge import practice_data_purge_expired


@shared_task(time_limit=15 * 60, soft_time_limit=14 * 60)
def purge_expired_practice_data() -> int:
    """Delete practice data past SANDBOX_RETENTION_DAYS (run by Celery beat)."""
    return len(practice_data_purge_expired(now=timezone.now()))
