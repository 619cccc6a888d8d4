"""Carrying out one render of a tutorial or step clip (the render task's work): what it
renders from, claiming it, keeping it alive, storing its files, marking it failed, and
sending again the renders whose worker or message was lost."""

from __future__ import annotations

import contextlib
import datetime
import logging
import posixpath
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.core.files import File
from django.db import DatabaseError, connection
from django.db.models import F, Q
from django.utils import timezone

from .captures import capture_plan
from .models.renders import TutorialRender, render_path
from .video.specs import ShotSpec, StepSpec, TutorialSpec

if TYPE_CHECKING:
    import uuid
    from collections.abc import Callable, Iterator, Mapping

    from django.db.models.fields.files import FieldFile

    from wagtail.blocks import StreamValue

    from .models import ProcedurePage
    from .models.step_captures import StepCapture
    from .video.specs import RenderOutput

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 4
BUSY = "busy"
TOO_MANY_ATTEMPTS = "Đã thử dựng nhiều lần mà không được; hãy kiểm tra ảnh và tệp của bước."
FILE_FIELDS = ("video_360", "video_720", "video_phone", "poster")


def stale_after() -> datetime.timedelta:
    """A running render whose heartbeat is older than this was lost with its worker."""
    return datetime.timedelta(seconds=settings.TUTORIAL_RENDER_STALE_SECONDS)


def pending_requeue_after() -> datetime.timedelta:
    """A render still waiting this long after it was asked for has lost its message, or
    waits behind a long queue (sending it again is harmless then), and is sent again."""
    seconds = getattr(settings, "TUTORIAL_RENDER_PENDING_REQUEUE_SECONDS", 15 * 60)
    return datetime.timedelta(seconds=seconds)


def _read(field_file: FieldFile) -> bytes | None:
    if not field_file:
        return None
    # A fresh file object from the storage: FieldFile.open() reuses one per instance,
    # which concurrent readers of the same page would close under each other.
    with field_file.storage.open(field_file.name, "rb") as handle:
        return handle.read()


def _highlight(text: str | None) -> tuple[float, float, float, float] | None:
    if not text:
        return None
    left, top, width, height = (min(max(int(part), 0), 100) / 100 for part in text.split(","))
    return (left, top, width, height)


def _shots(capture: StepCapture, *, with_images: bool) -> tuple[ShotSpec, ...]:
    return tuple(
        ShotSpec(
            kind=shot.kind,
            image=_read(shot.image) if with_images else None,
            box=tuple(shot.box) if shot.box else None,
            label=shot.action_label,
            typed=shot.typed,
            banner=tuple(shot.banner) if shot.banner else None,
        )
        for shot in capture.shots.all()
    )


def step_spec(
    block: StreamValue.StreamChild,
    number: int,
    capture: StepCapture | None = None,
    *,
    with_images: bool = True,
) -> StepSpec:
    """What one step renders from: its captured screens when it has them, else the
    editor's screenshot (or recording). Both narrate the instruction."""
    value = block.value
    screenshot = value["screenshot"]
    captured = capture is not None
    return StepSpec(
        key=block.id,
        title=f"Bước {number}: {value['title']}",
        caption=value.get("caption") or value["title"],
        screenshot=_read(screenshot.file) if screenshot and not captured else None,
        highlight=None if captured else _highlight(value.get("highlight")),
        voice=_read(value["voice"].file) if value.get("voice") else None,
        recording=_read(value["recording"].file)
        if value.get("recording") and not captured
        else None,
        recording_start=value.get("recording_start") or 0.0,
        recording_end=value.get("recording_end"),
        instruction=value.get("instruction") or "",
        shots=_shots(capture, with_images=with_images) if captured else (),
        pixel_ratio=capture.pixel_ratio if captured else 1.0,
        shots_digest=capture.shots_digest if captured else "",
    )


def tutorial_spec(
    page: ProcedurePage,
    captures: Mapping[str, StepCapture] | None = None,
    *,
    with_images: bool = True,
    only_step: str | None = None,
) -> TutorialSpec:
    """The render input of a page; ``captures`` ({step key: done StepCapture}) defaults
    to the page's current ones. With ``only_step`` (a step clip's render) the other
    steps' captured screens are not read."""
    if captures is None:
        captures = capture_plan(page).done
    steps = tuple(
        step_spec(
            block,
            number,
            captures.get(block.id),
            with_images=with_images and only_step in (None, block.id),
        )
        for number, block in enumerate(page.steps, start=1)
    )
    return TutorialSpec(title=page.title, subtitle=page.implementing_agency, steps=steps)


def _claim(render_id: uuid.UUID | str, now: datetime.datetime) -> bool:
    """Take the render for this worker, unless it is done or alive elsewhere."""
    alive_elsewhere = Q(status=TutorialRender.Status.RUNNING, heartbeat_at__gte=now - stale_after())
    claimed = (
        TutorialRender.objects.filter(pk=render_id)
        .exclude(status=TutorialRender.Status.DONE)
        .exclude(alive_elsewhere)
        .update(
            status=TutorialRender.Status.RUNNING,
            started_at=now,
            heartbeat_at=now,
            attempts=F("attempts") + 1,
            progress=0,
        )
    )
    return claimed == 1


def render_progress(render_id: uuid.UUID | str, percent: float) -> None:
    TutorialRender.objects.filter(pk=render_id).update(
        progress=max(0, min(int(percent), 99)), heartbeat_at=timezone.now()
    )


def _heartbeat_until(render_id: uuid.UUID | str, stop: threading.Event) -> None:
    # Three beats per stale period: one late beat does not make a live render look dead.
    interval = stale_after().total_seconds() / 3
    try:
        while not stop.wait(interval):
            try:
                TutorialRender.objects.filter(
                    pk=render_id, status=TutorialRender.Status.RUNNING
                ).update(heartbeat_at=timezone.now())
            except DatabaseError:
                logger.warning("Render %s: heartbeat not recorded", render_id, exc_info=True)
    finally:
        connection.close()  # this thread's own connection


@contextlib.contextmanager
def _kept_alive(render_id: uuid.UUID | str) -> Iterator[None]:
    """Beat for the render while it runs. The encoder reports nothing for minutes, and a
    render whose heartbeat goes stale is handed to another worker by the sweep; a killed
    worker takes this thread with it, so only a dead render stops beating."""
    stop = threading.Event()
    beat = threading.Thread(
        target=_heartbeat_until, args=(render_id, stop), name="render-heartbeat", daemon=True
    )
    beat.start()
    try:
        yield
    finally:
        stop.set()
        beat.join()


def tutorial_render_execute(*, render_id: uuid.UUID | str) -> bool | str:
    """Carry out one render. Idempotent: a duplicate delivery of a finished render does
    nothing; one that another worker is busy with answers BUSY (the task checks again
    later, and takes over if that worker died); a retry replaces its own files."""
    from .video.encode import render_step_clip, render_tutorial
    from .video.specs import RenderInputError

    if not _claim(render_id, timezone.now()):
        running = TutorialRender.objects.filter(
            pk=render_id, status=TutorialRender.Status.RUNNING
        ).exists()
        return BUSY if running else False
    render = TutorialRender.objects.select_related("procedure").get(pk=render_id)
    if render.attempts > MAX_ATTEMPTS:
        _fail(render, TOO_MANY_ATTEMPTS)
        return False
    page = render.procedure  # the live (published) content that was hashed at request time
    with _kept_alive(render.pk):
        spec = tutorial_spec(page, only_step=render.step_key or None)
        try:
            with tempfile.TemporaryDirectory(prefix="render-") as folder:
                render_progress(render.pk, 5)
                if render.is_tutorial:
                    output = render_tutorial(spec, Path(folder))
                else:
                    keys = [s.key for s in spec.steps]
                    if render.step_key not in keys:
                        _fail(render, "Bước này không còn trong trang thủ tục.")
                        return False
                    index = keys.index(render.step_key)
                    # One step is watched again on a phone; the projector plays the whole
                    # tutorial, so step clips come in the low-bandwidth size only.
                    output = render_step_clip(
                        spec.steps[index],
                        Path(folder),
                        heights=(360,),
                        index=index + 1,
                        count=len(keys),
                    )
                render_progress(render.pk, 90)
                _store(render, output)
        except RenderInputError as error:
            _fail(render, str(error))
            return False
    return True


def render_folder(render: TutorialRender) -> str:
    """The storage folder of this render's files (render_path names one per row)."""
    return posixpath.dirname(render_path(render, "file"))


def _referenced_names(render: TutorialRender) -> set[str]:
    # The row as stored now, not only as loaded at the claim: should another worker have
    # taken the render over and finished it meanwhile, the files it recorded stay.
    stored = TutorialRender.objects.filter(pk=render.pk).values_list(*FILE_FIELDS).first()
    loaded = (getattr(render, field).name for field in FILE_FIELDS)
    return {name for name in (*(stored or ()), *loaded) if name}


def render_leftovers_remove(render: TutorialRender) -> None:
    """Delete the files of a killed attempt: saved in the render's folder, never recorded
    in its row. With a storage that does not overwrite (S3, file_overwrite=False) they
    would also push this attempt's files to new names and stay in the bucket for good.
    The folder is this row's alone (render_path), so a file the row does not name is
    nobody's; one listing per store keeps it cheap on S3."""
    storage = render.video_360.storage
    folder = render_folder(render)
    try:
        _subfolders, names = storage.listdir(folder)
    except FileNotFoundError:  # nothing saved yet (FileSystemStorage has no folder)
        return
    kept = _referenced_names(render)
    for name in names:
        path = f"{folder}/{name}"
        if path not in kept:
            logger.info("Render %s: removing leftover %s", render.pk, path)
            storage.delete(path)


def _store(render: TutorialRender, output: RenderOutput) -> None:
    render_leftovers_remove(render)
    for label, field, size_field in (
        ("360p", "video_360", "size_360"),
        ("720p", "video_720", "size_720"),
        ("phone", "video_phone", "size_phone"),
    ):
        rendition = output.renditions.get(label)
        if rendition is None:
            continue
        if getattr(render, field):
            getattr(render, field).delete(save=False)  # a retry replaces its own output
        with open(rendition.path, "rb") as handle:
            getattr(render, field).save(f"{label}.mp4", File(handle), save=False)
        setattr(render, size_field, rendition.size_bytes)
        render.duration = rendition.duration
        render.has_narration = bool(rendition.audio_codec)
    if output.poster_path:
        if render.poster:
            render.poster.delete(save=False)
        with open(output.poster_path, "rb") as handle:
            render.poster.save("poster.jpg", File(handle), save=False)
    render.captions_vtt = output.captions_vtt
    render.chapters_vtt = output.chapters_vtt
    render.step_durations = list(output.step_durations)
    render.shot_schedule = list(output.shot_schedule)
    render.timings = dict(output.timings)
    render.status = TutorialRender.Status.DONE
    render.progress = 100
    render.error = ""
    render.finished_at = timezone.now()
    render.save()


def _fail(render: TutorialRender, message: str) -> None:
    logger.warning("Render %s failed: %s", render.pk, message)
    TutorialRender.objects.filter(pk=render.pk).update(
        status=TutorialRender.Status.FAILED, error=message, finished_at=timezone.now()
    )


def render_mark_failed(*, render_id: uuid.UUID | str, message: str) -> None:
    """Called when a task gives up (time limit, retries exhausted)."""
    render = TutorialRender.objects.filter(pk=render_id).first()
    if render and render.status != TutorialRender.Status.DONE:
        _fail(render, message)


def _stalled(now: datetime.datetime) -> Q:
    dead_worker = Q(status=TutorialRender.Status.RUNNING) & (
        Q(heartbeat_at__lt=now - stale_after()) | Q(heartbeat_at__isnull=True)
    )
    lost_message = Q(
        status=TutorialRender.Status.PENDING, requested_at__lt=now - pending_requeue_after()
    )
    return dead_worker | lost_message


def _stalled_out_of_attempts_fail(now: datetime.datetime) -> None:
    # Sending these again would only have the task fail them; failing them here shows the
    # editor "failed" (and the button to render again) instead of a render that seems to
    # run for the two hours until the broker gives its message back.
    exhausted = TutorialRender.objects.filter(_stalled(now), attempts__gte=MAX_ATTEMPTS)
    failed = exhausted.update(
        status=TutorialRender.Status.FAILED, error=TOO_MANY_ATTEMPTS, finished_at=now
    )
    if failed:
        logger.warning("%s stalled renders failed: no attempts left", failed)


def _resend_due(render_id: uuid.UUID, attempts: int) -> bool:
    """True once per attempt and waiting period: a render that waits behind a long queue
    is not sent again every sweep, and one whose re-sent attempt died too is sent at
    once. (In the cache: Redis, shared by every worker, when REDIS_URL is set.)"""
    key = f"tutorial-render-resent:{render_id}:{attempts}"
    return cache.add(key, True, timeout=pending_requeue_after().total_seconds())


def renders_stalled_requeue(
    *, now: datetime.datetime, send: Callable[[str], object]
) -> list[uuid.UUID]:
    """Send again (with ``send``, the render task's delay) the renders whose worker died
    (a stale heartbeat) or whose message was lost (waiting too long): a killed worker's
    message comes back only after the broker's visibility timeout, hours later. The claim
    makes a delivery too many harmless. Returns the ids sent."""
    _stalled_out_of_attempts_fail(now)
    stalled = TutorialRender.objects.filter(_stalled(now), attempts__lt=MAX_ATTEMPTS)
    sent = []
    for render_id, attempts in stalled.values_list("pk", "attempts"):
        if _resend_due(render_id, attempts):
            send(str(render_id))
            sent.append(render_id)
    return sent
