"""Issue 4: a real Celery worker (Redis broker, PostgreSQL) renders a tutorial, and the
render survives the worker being killed in the middle of it.

Runs in CI's second stage, which starts Redis and sets RENDER_WORKER_BROKER_URL; it is
skipped where there is no broker or the database is SQLite's in-memory test database
(a worker process cannot see it).
"""

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from django.core.files.images import ImageFile
from django.db import connection

from wagtail.images import get_image_model

from config.celery_app import app
from courses.models.renders import TutorialRender
from courses.models.step_captures import StepCapture
from courses.services import tutorial_renders_request
from tests.factories import ProcedurePageFactory, step

BROKER = os.environ.get("RENDER_WORKER_BROKER_URL", "")
ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not BROKER, reason="needs RENDER_WORKER_BROKER_URL (CI stage 2)"),
]
VISIBILITY_TIMEOUT = 8


def screenshot(number):
    image = Image.new("RGB", (1280, 720), (230, 236, 245))
    ImageDraw.Draw(image).rectangle((100, 300, 1180, 380), outline=(20, 20, 20), width=4)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=f"w{number}", file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"w{number}.png")
    )


def start_worker(media_root):
    settings_db = connection.settings_dict
    env = {
        **os.environ,
        "PYTHONPATH": f"{ROOT / 'site'}:{ROOT}",
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DJANGO_DEBUG": "false",
        "DATABASE_URL": (
            f"postgres://{settings_db['USER']}@{settings_db['HOST']}:{settings_db['PORT']}/"
            f"{settings_db['NAME']}"
        ),
        "CELERY_BROKER_URL": BROKER,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
        "TUTORIAL_RENDER_STALE_SECONDS": "3",
        "MEDIA_ROOT": str(media_root),
    }
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "config",
        "worker",
        "-c",
        "1",
        "--pool",
        "prefork",
        "-l",
        "warning",
        "--without-mingle",
        "--without-gossip",
    ]
    return subprocess.Popen(  # noqa: S603 - our own worker, fixed arguments
        command,
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def kill(worker):
    os.killpg(worker.pid, signal.SIGKILL)  # the main process and its pool child, no goodbye
    worker.wait(timeout=10)


def wait_for(condition, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def broker(settings):
    if connection.vendor != "postgresql":
        pytest.skip("the worker process needs a database it can reach (PostgreSQL)")
    # Read the app's configuration before touching the settings: the first read loads it
    # from them, and restoring a value read after the change left every later test's
    # tasks queued on the broker instead of run in-process.
    previous = (
        app.conf.broker_url,
        app.conf.task_always_eager,
        dict(app.conf.broker_transport_options or {}),
    )
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.broker_url = BROKER
    app.conf.task_always_eager = False
    app.conf.broker_transport_options = {"visibility_timeout": VISIBILITY_TIMEOUT}
    reset_connections()
    yield
    app.conf.broker_url, app.conf.task_always_eager, options = previous
    app.conf.broker_transport_options = options
    reset_connections()


def reset_connections():
    """Forget pooled broker connections so the next publish uses the new broker URL."""
    app._pool = None
    app.amqp._producer_pool = None


def test_a_killed_worker_does_not_lose_or_duplicate_a_render(catalogue, broker, media_root):
    steps = [step(f"Bước thử {n}") for n in range(1, 7)]
    for number, (_name, value) in enumerate(steps):
        value["screenshot"] = screenshot(number)
    page = ProcedurePageFactory(
        parent=catalogue, slug="thu-worker", title="Thử worker", steps=steps
    )
    page.save_revision().publish()  # TUTORIAL_RENDER_ON_PUBLISH is off in tests

    worker = start_worker(media_root)
    try:
        queued = tutorial_renders_request(page=page)
        assert len(queued) == 7  # the tutorial and six steps
        tutorial = TutorialRender.objects.get(procedure=page, step_key="")
        assert wait_for(
            lambda: TutorialRender.objects.filter(pk=tutorial.pk, status="running").exists(), 60
        ), "the worker never started the render"
        time.sleep(0.5)  # well inside the render (it takes seconds)
        kill(worker)
        assert TutorialRender.objects.get(pk=tutorial.pk).status == "running"

        # The broker gives an unacknowledged message back once it is older than the
        # visibility timeout; kombu checks at worker start and then only every ~100 s,
        # so the worker comes back after the timeout, as a supervisor restart would.
        time.sleep(VISIBILITY_TIMEOUT + 1)
        worker = start_worker(media_root)
        restarted = time.monotonic()
        all_done = wait_for(
            lambda: TutorialRender.objects.filter(procedure=page, status="done").count() == 7,
            VISIBILITY_TIMEOUT + 150,
        )
        assert all_done, list(TutorialRender.objects.values_list("status", "error"))
        print(f"render finished {time.monotonic() - restarted:.1f} s after the restart")  # noqa: T201
    finally:
        kill(worker)

    renders = TutorialRender.objects.filter(procedure=page)
    assert renders.count() == 7  # one row per content: nothing rendered twice
    tutorial.refresh_from_db()
    assert tutorial.attempts >= 2  # taken over after the kill
    assert tutorial.progress == 100 and tutorial.error == ""
    folder = Path(media_root) / "renders" / str(page.pk) / str(tutorial.pk)
    files = sorted(path.name for path in folder.iterdir())
    assert files == ["360p.mp4", "720p.mp4", "poster.jpg"]  # one output, no leftovers
    assert tutorial.duration and tutorial.size_360 > 0


def test_a_worker_captures_from_the_practice_portal_then_renders(
    catalogue, broker, media_root, settings
):
    # Issue 11: the capture task runs in the worker (Chromium and the practice portal
    # served from the worker's own process), then asks for the renders it waited for.
    settings.TUTORIAL_CAPTURE_ENABLED = True
    log_in = [
        ("open", "/thuc-hanh/dang-nhap/"),
        ("press", "Tài khoản định danh điện tử (VNeID)"),
        ("press", "Quét QR và xác nhận đăng nhập"),
    ]
    page = ProcedurePageFactory(
        parent=catalogue,
        slug="chup-worker",
        title="Chụp bằng worker",
        steps=[
            step("Đăng nhập", script=log_in),
            step("Vào mục nộp hồ sơ", script=[("press", "Nộp hồ sơ")]),
        ],
    )
    page.save_revision().publish()  # TUTORIAL_RENDER_ON_PUBLISH is off in tests
    worker = start_worker(media_root)
    try:
        assert tutorial_renders_request(page=page) == []  # the capture comes first
        rendered = wait_for(
            lambda: TutorialRender.objects.filter(procedure=page, status="done").count() == 3,
            240,
        )
    finally:
        kill(worker)
    assert rendered, list(TutorialRender.objects.values_list("status", "error"))
    captures = StepCapture.objects.filter(procedure=page)
    assert sorted(captures.values_list("status", flat=True)) == ["done", "done"], list(
        captures.values_list("error", flat=True)
    )
    tutorial = TutorialRender.objects.get(procedure=page, step_key="")
    assert tutorial.video_phone and tutorial.video_720 and not tutorial.video_360
