"""Playwright drives Debian's Chromium (/usr/bin/chromium); it never downloads a browser."""

import os
import shutil
import time

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's live_server and
# ORM calls from the test are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM) or os.environ.get("CI"):
        return  # in CI a missing browser must fail, not skip
    skip = pytest.mark.skip(reason="Debian's chromium is not installed (make system-packages)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "locale": "vi-VN",
        "timezone_id": "Asia/Ho_Chi_Minh",
        "viewport": {"width": 360, "height": 740},
        "is_mobile": True,
        "has_touch": True,
    }


@pytest.fixture(autouse=True)
def no_csp_violations(request):
    """Every browser test also checks the Content-Security-Policy: a page whose script,
    style or media the policy blocks fails the test, whatever else it asserts."""
    if "page" not in request.fixturenames:
        yield
        return
    page = request.getfixturevalue("page")
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield
    assert refused == [], refused


@pytest.fixture(autouse=True)
def requests_settle_before_the_database_is_emptied(request):
    """Let the browser's requests land before pytest-django empties the database.

    A page closing sends its last watch report (a pagehide beacon). Arriving while the
    test database is being flushed, on the connection the live server shares, it broke
    the flush's foreign keys (seen on a busy machine). After the test, wait for what is in
    flight, then refuse anything new, so the closing pages send nothing."""
    if "live_server" not in request.fixturenames or "page" not in request.fixturenames:
        yield
        return
    context = request.getfixturevalue("context")
    pending = set()
    context.on("request", lambda sent: pending.add(sent))
    context.on("requestfinished", lambda done: pending.discard(done))
    context.on("requestfailed", lambda failed: pending.discard(failed))
    yield
    context.route("**/*", lambda route: route.abort())
    deadline = time.monotonic() + 5
    while pending and context.pages and time.monotonic() < deadline:
        context.pages[0].wait_for_timeout(50)  # lets Playwright deliver the events


@pytest.fixture
def tutorial(catalogue, settings):
    """A rendered two-step tutorial of Đăng ký khai sinh: a 3-s title card and two 6-s
    steps captioned "Bấm Đăng nhập" and "Bấm Nộp hồ sơ" (silent or narrated)."""
    from courses.models import TutorialRender
    from tests.factories import ProcedurePageFactory
    from tests.helpers import step_with, wagtail_image

    settings.TUTORIAL_RENDER_ON_PUBLISH = True
    page = ProcedurePageFactory(
        parent=catalogue,
        slug="dang-ky-khai-sinh",
        title="Đăng ký khai sinh",
        steps=[
            step_with("Đăng nhập", wagtail_image("w1", (200, 220, 240)), "Bấm Đăng nhập"),
            step_with("Nộp hồ sơ", wagtail_image("w2", (240, 220, 200)), "Bấm Nộp hồ sơ"),
        ],
    )
    page.save_revision().publish()  # autocommit: the eager render runs here
    render = TutorialRender.objects.get(procedure=page, step_key="")
    assert render.status == "done"
    return render
