"""The practice portal served from this process, for the capturing browser only."""

import contextlib
import threading
from urllib.parse import urlsplit

from django.conf import settings
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.core.wsgi import get_wsgi_application
from django.db import connections

from home.public_media import with_public_media


class _QuietHandler(WSGIRequestHandler):
    timeout = 60  # a connection the browser left open cannot hold the shutdown for long

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


class _JoiningServer(ThreadedWSGIServer):
    """Waits for its request threads on close: they must finish with the shared test
    database connection before it stops being shared."""

    daemon_threads = False
    block_on_close = True


def _site_host():
    """The host requests must name: the browser says localhost, which production
    settings may not allow, so the capture presents itself as the site."""
    allowed = [host for host in settings.ALLOWED_HOSTS if host and "*" not in host]
    if "*" in settings.ALLOWED_HOSTS or "localhost" in allowed:
        return None
    host = allowed[0].lstrip(".") if allowed else "localhost"
    return host


def _as_site(app, host, scheme):
    """Rewrite Host, Origin and Referer so the app sees a request to its own site."""

    def wrapped(environ, start_response):
        browser_origin = f"http://{environ.get('HTTP_HOST', '')}"
        site_origin = f"{scheme}://{host}"
        environ["HTTP_HOST"] = host
        environ["wsgi.url_scheme"] = scheme
        for key in ("HTTP_ORIGIN", "HTTP_REFERER"):
            if environ.get(key, "").startswith(browser_origin):
                environ[key] = site_origin + environ[key][len(browser_origin) :]
        return app(environ, start_response)

    return wrapped


def shared_connections():
    """An in-memory SQLite database (the tests') exists only in its own connection: the
    server's threads must use that one, as Django's live server does."""
    return {
        conn.alias: conn
        for conn in connections.all()
        if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }


def use_connections(overrides):
    for alias, conn in overrides.items():
        connections[alias] = conn


@contextlib.contextmanager
def practice_portal_server():
    """Yield the base URL (http://localhost:PORT) of the whole site served in threads."""
    app = with_public_media(get_wsgi_application())
    host = _site_host()
    if host:
        app = _as_site(app, host, "https" if settings.SESSION_COOKIE_SECURE else "http")
    overrides = shared_connections()
    for conn in overrides.values():
        conn.inc_thread_sharing()
    server = _JoiningServer(
        ("127.0.0.1", 0), _QuietHandler, allow_reuse_address=False, connections_override=overrides
    )
    server.set_app(app)
    thread = threading.Thread(target=server.serve_forever, name="capture-server", daemon=True)
    thread.start()
    try:
        yield f"http://localhost:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
        for conn in overrides.values():
            conn.dec_thread_sharing()


def same_site(url, base):
    return urlsplit(url).netloc == urlsplit(base).netloc
