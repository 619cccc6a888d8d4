import pytest


def pytest_report_header(config):
    # CI runs the suite twice; say which database this run uses.
    import django
    from django.conf import settings

    django.setup()
    return f"database: {settings.DATABASES['default']['ENGINE']}"


@pytest.fixture(autouse=True)
def language_reset():
    """Each test starts in the default language: a request in English leaves English
    active in the thread, and a service called directly next would answer in it."""
    from django.utils import translation

    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads and generated files go to a temporary folder, never to media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def home_page(db):
    from home.services import home_page_ensure

    return home_page_ensure()


@pytest.fixture
def catalogue(home_page):
    from tests.factories import ProcedureIndexPageFactory

    return ProcedureIndexPageFactory(parent=home_page, slug="thu-tuc", title="Thủ tục hành chính")


@pytest.fixture
def demo_site(db):
    """The full demo content, as `make run` loads it."""
    from training.demo_site import demo_site_seed

    return demo_site_seed()


@pytest.fixture(scope="session")
def platform_server():
    """The `make run` server (gunicorn, DEBUG off) on a fresh database of its own, started
    once for the tests that need a real server: concurrency, seeking, error pages."""
    from tests.load.platform_server import PlatformServer

    with PlatformServer() as server:
        yield server


@pytest.fixture(autouse=True)
def fresh_throttle_counters():
    """Throttle counters live in the cache: each test starts with none, as a new hour."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def registering(client, db):
    """A learner who sent the registration form in this browser; the code is on the phone.
    (Here, not in tests/sandbox, because the training throttle tests use it too.)"""
    from sandbox.services import accounts
    from tests.helpers import location, new_ctx, portal_session, registration_form

    ctx = new_ctx()
    card = accounts.identity_issue(ctx=ctx)
    portal_session(client, ctx.owner_key)
    client.get("/thuc-hanh/dang-ky/")
    location(
        client.post(
            "/thuc-hanh/dang-ky/", registration_form(card, client.session["sandbox_captcha"])
        )
    )
    ctx.identity = card
    return ctx
