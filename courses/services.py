"""State changes of the tutorials asked for by people: renders of a published page, the
segments a player reports. The render task's own work is in rendering.py."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone

from .captures import capture_plan, captures_request
from .models.renders import TutorialRender, VideoWatchLog, VideoWatchReport
from .rendering import tutorial_spec
from .signals import video_segments_recorded
from .tasks import render_tutorial_task
from .video.narration import narrator_id
from .video.specs import content_hash
from .watching import viewing_check

if TYPE_CHECKING:
    import datetime
    import uuid
    from collections.abc import Iterable, Sequence

    from django.contrib.auth.models import AbstractBaseUser

    from .models import ProcedurePage

logger = logging.getLogger(__name__)


def _enqueue(render_ids: Iterable[uuid.UUID]) -> None:
    for render_id in render_ids:
        transaction.on_commit(
            lambda render_id=render_id: render_tutorial_task.delay(str(render_id))
        )


def _row(
    page: ProcedurePage, step_key: str, step_title: str, digest: str
) -> tuple[TutorialRender, bool]:
    """The render row for this content, created once even under concurrent requests."""
    try:
        with transaction.atomic():
            return TutorialRender.objects.get_or_create(
                procedure=page,
                step_key=step_key,
                content_hash=digest,
                defaults={"step_title": step_title},
            )
    except IntegrityError:  # another request created it between our read and write
        return TutorialRender.objects.get(
            procedure=page, step_key=step_key, content_hash=digest
        ), False


def tutorial_renders_request(*, page: ProcedurePage, force: bool = False) -> list[uuid.UUID]:
    """Ask for the renders a published page needs: one per step whose content changed,
    and the whole tutorial when anything changed. Unchanged content renders nothing.

    ``force`` (the editor's "render again") re-runs failed rows too. Steps scripted in
    the practice portal are captured first when their screens are missing or out of
    date; the renders are asked for when the capture ends.
    """
    if not page.steps:
        return []
    plan = capture_plan(page)
    if captures_request(page=page, plan=plan, force=force):
        return []  # the capture asks for the renders when its screens are stored
    spec = tutorial_spec(page, plan.done, with_images=False)
    narrator = narrator_id()
    wanted = [("", "", content_hash(spec, narrator=narrator))]
    wanted += [(step.key, step.title, content_hash(step, narrator=narrator)) for step in spec.steps]
    to_run = []
    for step_key, title, digest in wanted:
        render, created = _row(page, step_key, title, digest)
        if not created:
            TutorialRender.objects.filter(pk=render.pk).update(requested_at=timezone.now())
        retry = force and render.status == TutorialRender.Status.FAILED
        if retry:
            TutorialRender.objects.filter(pk=render.pk).update(
                status=TutorialRender.Status.PENDING, error="", attempts=0, progress=0
            )
        if created or retry:
            to_run.append(render.pk)
    _enqueue(to_run)
    return to_run


def video_watch_record(
    *,
    render: TutorialRender,
    user: AbstractBaseUser | None,
    session_key: str,
    segments: Sequence[tuple[float, float, float]],
    started_at: datetime.datetime | None,
    batch: str = "",
) -> tuple[int, bool]:
    """Store the played segments a player reported (shape checked by
    watching.segments_clean) and credit them, in one transaction. ``started_at`` is when
    this viewing began; segments that real time does not allow raise ImplausibleReport
    and nothing is stored. A batch id already recorded for this viewer is a retry:
    nothing is stored twice. Returns (segments saved by this batch, whether a repeat)."""
    try:
        with transaction.atomic():
            viewing_check(
                render=render, session_key=session_key, started_at=started_at, segments=segments
            )
            if batch:
                VideoWatchReport.objects.create(
                    render=render,
                    session_key=session_key,
                    batch=batch,
                    segment_count=len(segments),
                )
            VideoWatchLog.objects.bulk_create(
                VideoWatchLog(
                    render=render,
                    user=user,
                    session_key=session_key,
                    start=start,
                    end=end,
                    playback_rate=rate,
                )
                for start, end, rate in segments
            )
            video_segments_recorded.send(
                sender=VideoWatchLog, render=render, user=user, segments=segments
            )
    except IntegrityError:
        report = VideoWatchReport.objects.filter(
            render=render, session_key=session_key, batch=batch
        ).first()
        if report is None:
            raise
        return report.segment_count, True
    return len(segments), False
