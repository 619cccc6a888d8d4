import logging

from celery import shared_task

from .services import tutorial_capture_execute

logger = logging.getLogger(__name__)


@shared_task(
    # The name it was queued under before it moved here, so queued captures still run.
    name="sandbox.tasks.capture_tutorial_task",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OSError,),
    retry_backoff=5,
    max_retries=2,
    soft_time_limit=9 * 60,
    time_limit=10 * 60,
)
def capture_tutorial_task(procedure_id: int) -> dict[str, object]:
    """Capture a tutorial's screens from the practice portal (thin: see sandbox.capture)."""
    outcome = tutorial_capture_execute(procedure_id=procedure_id)
    if outcome.failed:
        logger.warning("Capture of procedure %s: %s", procedure_id, outcome.failed)
    return {"captured": outcome.captured, "failed": outcome.failed}
