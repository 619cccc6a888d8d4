import logging

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded

from django.conf import settings
from django.utils import timezone

from .captures import captures_stalled_requeue
from .rendering import BUSY, render_mark_failed, renders_stalled_requeue, tutorial_render_execute

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OSError,),
    retry_backoff=5,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=3,
    soft_time_limit=10 * 60,
    time_limit=11 * 60,
)
def render_tutorial_task(self: Task, render_id: str) -> bool | str:
    """Render one tutorial or step clip (thin: the work is in courses.rendering)."""
    try:
        outcome = tutorial_render_execute(render_id=render_id)
    except SoftTimeLimitExceeded:
        render_mark_failed(render_id=render_id, message="Dựng video quá thời gian cho phép.")
        raise
    except OSError:
        if self.request.retries >= self.max_retries:
            render_mark_failed(render_id=render_id, message="Lỗi đọc/ghi tệp khi dựng video.")
        raise
    except Exception as error:  # noqa: BLE001 - a bug will not be fixed by a retry
        logger.exception("Render %s crashed", render_id)
        render_mark_failed(render_id=render_id, message=f"Lỗi khi dựng video: {error}")
        return False
    if outcome == BUSY and not self.request.is_eager:
        # Another worker holds it: look again once its heartbeat could have gone stale.
        raise self.retry(countdown=settings.TUTORIAL_RENDER_STALE_SECONDS, max_retries=20)
    return outcome


@shared_task
def requeue_stalled_renders() -> int:
    """Beat: send again the renders and captures whose worker died or whose message was
    lost (thin: see rendering.renders_stalled_requeue and captures_stalled_requeue)."""
    now = timezone.now()
    renders = renders_stalled_requeue(now=now, send=render_tutorial_task.delay)
    pages = captures_stalled_requeue(now=now)
    if renders or pages:
        logger.warning(
            "Sent again: %s stalled renders, the captures of %s pages", len(renders), len(pages)
        )
    return len(renders) + len(pages)
