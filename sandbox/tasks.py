import logging

from celery import shared_task

from django.utils import timezone

from .services.purge import practice_data_purge_expired

logger = logging.getLogger(__name__)


@shared_task(time_limit=15 * 60, soft_time_limit=14 * 60)
def purge_expired_practice_data():
    """Delete practice data past SANDBOX_RETENTION_DAYS (run by Celery beat)."""
    return len(practice_data_purge_expired(now=timezone.now()))


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OSError,),
    retry_backoff=5,
    max_retries=2,
    soft_time_limit=9 * 60,
    time_limit=10 * 60,
)
def capture_tutorial_task(procedure_id):
    """Capture a tutorial's screens from the practice portal (thin: see sandbox.capture)."""
    from .capture.services import tutorial_capture_execute

    outcome = tutorial_capture_execute(procedure_id=procedure_id)
    if outcome.failed:
        logger.warning("Capture of procedure %s: %s", procedure_id, outcome.failed)
    return {"captured": outcome.captured, "failed": outcome.failed}
