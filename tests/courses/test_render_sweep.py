"""Renders and captures whose worker was killed, or whose message was lost, are sent again
by a beat task instead of waiting hours for the broker; a killed attempt's files do not
stay in the render's folder."""

import datetime
import time
from pathlib import Path

import pytest

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from courses.captures import capture_hashes, captures_stalled_requeue
from courses.models.renders import TutorialRender
from courses.models.step_captures import StepCapture
from courses.rendering import (
    MAX_ATTEMPTS,
    TOO_MANY_ATTEMPTS,
    render_folder,
    render_leftovers_remove,
    renders_stalled_requeue,
    tutorial_render_execute,
)
from courses.tasks import requeue_stalled_renders
from courses.video.specs import RenderOutput, Rendition
from tests.factories import ProcedurePageFactory, step
from tests.helpers import step_with, wagtail_image

pytestmark = pytest.mark.django_db
STALE_SECONDS = 45
PENDING_SECONDS = 15 * 60


@pytest.fixture
def timing(settings):
    settings.TUTORIAL_RENDER_STALE_SECONDS = STALE_SECONDS
    settings.TUTORIAL_RENDER_PENDING_REQUEUE_SECONDS = PENDING_SECONDS


@pytest.fixture
def published(catalogue):
    """A published procedure of one step, not rendered (rendering on publish is off)."""
    image = wagtail_image("s1", (200, 220, 240))
    page = ProcedurePageFactory(
        parent=catalogue, slug="quet", title="Quét", steps=[step_with("Đăng nhập", image)]
    )
    page.save_revision().publish()
    return page


def ago(**delta):
    return timezone.now() - datetime.timedelta(**delta)


def render_row(page, name, **fields):
    return TutorialRender.objects.create(procedure=page, content_hash=name, **fields)


def stale_running(page, name="stale", **fields):
    fields = {"attempts": 1, "heartbeat_at": ago(minutes=10), **fields}
    return render_row(page, name, status="running", **fields)


def test_the_sweep_sends_again_the_dead_and_the_long_waiting_renders_only(published, timing):
    dead = stale_running(published)
    long_waiting = render_row(published, "waiting", requested_at=ago(minutes=20))
    render_row(published, "live", status="running", attempts=1, heartbeat_at=ago(seconds=5))
    render_row(published, "just-asked", requested_at=ago(minutes=1))
    render_row(published, "done", status="done", requested_at=ago(days=1))
    render_row(published, "failed", status="failed", requested_at=ago(days=1))
    sent = []

    requeued = renders_stalled_requeue(now=timezone.now(), send=sent.append)

    assert sorted(sent) == sorted([str(dead.pk), str(long_waiting.pk)])
    assert sorted(requeued) == sorted([dead.pk, long_waiting.pk])


def test_a_dead_render_without_attempts_left_fails_instead(published, timing):
    worn_out = stale_running(published, attempts=MAX_ATTEMPTS)
    sent = []

    renders_stalled_requeue(now=timezone.now(), send=sent.append)

    worn_out.refresh_from_db()
    assert sent == []
    assert worn_out.status == "failed" and worn_out.error == TOO_MANY_ATTEMPTS


def test_a_render_is_sent_again_once_per_attempt(published, timing):
    """A render waiting behind a long queue is not sent again at every sweep; one whose
    re-sent attempt died too is sent at once."""
    dead = stale_running(published)
    sent = []
    for _sweep in range(3):
        renders_stalled_requeue(now=timezone.now(), send=sent.append)
    assert sent == [str(dead.pk)]

    TutorialRender.objects.filter(pk=dead.pk).update(attempts=2)  # claimed, then killed
    renders_stalled_requeue(now=timezone.now(), send=sent.append)
    assert sent == [str(dead.pk)] * 2


def test_a_render_whose_worker_was_killed_is_rendered_by_the_beat_task(published, timing):
    clip = stale_running(published, step_key=published.steps[0].id, step_title="Bước 1")
    folder = render_folder(clip)
    # What the killed attempt saved before it could record it in the row.
    default_storage.save(f"{folder}/360p.mp4", ContentFile(b"half a video"))

    assert requeue_stalled_renders() == 1  # Celery is eager in tests: rendered here

    clip.refresh_from_db()
    assert clip.status == "done" and clip.attempts == 2 and clip.error == ""
    # The leftover went, so the new file has the plain name instead of a suffixed one.
    assert clip.video_360.name == f"{folder}/360p.mp4"
    assert clip.size_360 > len(b"half a video")
    _subfolders, files = default_storage.listdir(folder)
    assert sorted(files) == ["360p.mp4", "poster.jpg"]


def test_leftovers_go_and_the_files_the_row_names_stay(published):
    render = render_row(published, "kept", status="running", attempts=2)
    render.poster.save("poster.jpg", ContentFile(b"jpeg"))
    stray = default_storage.save(f"{render_folder(render)}/360p_Ab12Cd3.mp4", ContentFile(b"x"))
    other = render_row(published, "other")
    elsewhere = default_storage.save(f"{render_folder(other)}/360p.mp4", ContentFile(b"y"))
    loaded = TutorialRender.objects.get(pk=render.pk)
    # Recorded since this worker loaded the row (another worker's finished render).
    recorded = default_storage.save(f"{render_folder(render)}/720p.mp4", ContentFile(b"z"))
    TutorialRender.objects.filter(pk=render.pk).update(video_720=recorded)

    render_leftovers_remove(loaded)

    assert not default_storage.exists(stray)
    assert default_storage.exists(render.poster.name) and default_storage.exists(recorded)
    assert default_storage.exists(elsewhere)


def test_leftovers_removal_of_a_render_with_no_folder_yet(published):
    render_leftovers_remove(render_row(published, "new"))  # FileSystemStorage: no folder


@pytest.mark.django_db(transaction=True)
def test_a_render_slower_than_the_stale_period_keeps_its_heartbeat(
    catalogue, settings, monkeypatch, tmp_path
):
    """The encoder reports nothing while it works: without a heartbeat of its own, a
    live render would look dead and the sweep would hand it to a second worker."""
    settings.TUTORIAL_RENDER_STALE_SECONDS = 0.3
    page = ProcedurePageFactory(parent=catalogue, slug="cham", title="Chậm", steps=[step("A")])
    clip = render_row(page, "slow", step_key=page.steps[0].id)
    seen = {}

    def slow_clip(step_spec, folder, **options):
        claimed = TutorialRender.objects.get(pk=clip.pk).heartbeat_at
        time.sleep(0.6)
        seen["beat"] = TutorialRender.objects.get(pk=clip.pk).heartbeat_at - claimed
        video = Path(folder) / "clip.mp4"
        video.write_bytes(b"mp4")
        rendition = Rendition("360p", str(video), 640, 360, 1.0, 3, "h264", None)
        return RenderOutput({"360p": rendition}, "", "", "", [1.0])

    monkeypatch.setattr("courses.video.encode.render_step_clip", slow_clip)

    assert tutorial_render_execute(render_id=clip.pk) is True
    assert seen["beat"] >= datetime.timedelta(seconds=0.2)


class ScriptedPortal:
    """A capture provider that can always capture and only records what it is asked."""

    asked: list[int] = []

    def unavailable_reason(self):
        return ""

    def fingerprint(self, page):
        return "portal"

    def enqueue(self, procedure_id):
        self.asked.append(procedure_id)


@pytest.fixture
def portal(settings):
    settings.TUTORIAL_CAPTURE_PROVIDER = f"{__name__}.ScriptedPortal"
    ScriptedPortal.asked = []
    return ScriptedPortal


@pytest.fixture
def scripted(catalogue):
    steps = [step("Mở", script=[("open", "/thuc-hanh/")]), step("Bấm", script=[("press", "Nộp")])]
    page = ProcedurePageFactory(parent=catalogue, slug="chup", title="Chụp", steps=steps)
    page.save_revision().publish()
    return page


def capture_row(page, key, **fields):
    digest = capture_hashes(page, "portal")[key]
    return StepCapture.objects.create(procedure=page, step_key=key, capture_hash=digest, **fields)


def test_a_capture_whose_worker_died_is_asked_for_again(scripted, portal):
    first, second = (block.id for block in scripted.steps)
    dead = capture_row(scripted, first, status="running", attempts=1, heartbeat_at=ago(minutes=12))
    capture_row(scripted, second, status="running", attempts=1, heartbeat_at=ago(minutes=1))

    assert captures_stalled_requeue(now=timezone.now()) == [scripted.pk]

    assert portal.asked == [scripted.pk]
    dead.refresh_from_db()
    assert dead.status == "pending" and dead.requested_at > ago(minutes=1)
    # Asked again: left alone until it could be lost again.
    assert captures_stalled_requeue(now=timezone.now()) == []


def test_a_lost_capture_of_content_the_page_no_longer_has_is_not_asked_for(scripted, portal):
    first = scripted.steps[0].id
    StepCapture.objects.create(
        procedure=scripted,
        step_key=first,
        capture_hash="older content",
        status="running",
        heartbeat_at=ago(minutes=12),
    )
    capture_row(scripted, first, status="done")
    capture_row(scripted, scripted.steps[1].id, status="done")

    assert captures_stalled_requeue(now=timezone.now()) == []
    assert portal.asked == []


def test_no_capture_is_asked_for_where_captures_cannot_run(scripted, settings):
    capture_row(scripted, scripted.steps[0].id, status="pending", requested_at=ago(hours=1))
    settings.TUTORIAL_CAPTURE_ENABLED = False
    assert captures_stalled_requeue(now=timezone.now()) == []
