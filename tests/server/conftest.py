import pytest

from tests.load.platform_server import PlatformServer


@pytest.fixture(scope="session")
def platform_server():
    """The `make run` server (gunicorn, embedded settings) on a fresh database of its own,
    started once for the whole run: preparing it takes about a minute and a half."""
    with PlatformServer() as server:
        yield server
