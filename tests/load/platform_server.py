"""The `make run` server on a fresh database, for the concurrency tests and `make bench-class`.

It is the real thing: `manage.py serve` (gunicorn, DEBUG off, WhiteNoise, public media with
Range) under the embedded settings, in its own process, on a database of its own: a new
SQLite file, or a new PostgreSQL database beside the one DATABASE_URL names. Nothing is
shared with the test process's database, so tests look at the server's data through
`PlatformServer.python()` (a `manage.py shell` in the server's environment).
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
DEMO_PASSWORD = "bench-" + uuid.uuid4().hex[:8]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PlatformServer:
    """Start with `with PlatformServer() as server:`; `server.url`, `server.world`."""

    def __init__(self, *, database_url=None, workers=None, threads=None, log=None):
        self.base_database_url = (
            database_url if database_url is not None else os.environ.get("DATABASE_URL", "")
        )
        self.workers, self.threads = workers, threads
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workdir = Path(tempfile.mkdtemp(prefix="cds-server-"))
        self.log_path = log or self.workdir / "server.log"
        self.process = None
        self.pg_database = None
        self.world = {}

    # -- environment -------------------------------------------------------------------
    def _database_url(self):
        if self.base_database_url.startswith("postgres"):
            self.pg_database = f"cds_server_{uuid.uuid4().hex[:10]}"
            parts = urlsplit(self.base_database_url)
            self._pg_admin(f'CREATE DATABASE "{self.pg_database}"')
            return urlunsplit(parts._replace(path="/" + self.pg_database))
        return f"sqlite:///{self.workdir / 'db.sqlite3'}"

    def _pg_admin(self, sql):
        import psycopg

        parts = urlsplit(self.base_database_url)
        admin = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(sql)

    def _env(self, database_url):
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "PYTEST", "CELERY_", "REDIS_", "CACHE_"))
        }
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "config.settings.embedded",
                "DATABASE_URL": database_url,
                "MEDIA_ROOT": str(self.workdir / "media"),
                "STATIC_ROOT": str(self.workdir / "static"),
                "DJANGO_SECRET_KEY": uuid.uuid4().hex * 2,
                "DEMO_PASSWORD": DEMO_PASSWORD,
                # Only the tutorial the journeys watch is rendered (in prepare()).
                "TUTORIAL_RENDER_ON_PUBLISH": "false",
                # The journeys watch a video; whether its screens were captured from the
                # practice portal changes nothing they measure, and capturing takes a minute.
                "TUTORIAL_CAPTURE_ENABLED": "false",
                "PYTHONPATH": "site",
                "PYTHONUNBUFFERED": "1",
            }
        )
        if self.workers:
            env["GUNICORN_WORKERS"] = str(self.workers)
        if self.threads:
            env["GUNICORN_THREADS"] = str(self.threads)
        return env

    def manage(self, *args, capture=False):
        result = subprocess.run(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout if capture else None

    def python(self, code):
        """Run code inside the server's Django and return what it printed, parsed as JSON."""
        out = self.manage("shell", "-c", code, capture=True)
        return json.loads(out.strip().splitlines()[-1])

    # -- life cycle --------------------------------------------------------------------
    def prepare(self):
        self.env = self._env(self._database_url())
        self.manage("migrate", "--no-input", "-v", "0")
        self.manage("seed_demo")
        self.manage("collectstatic", "--no-input", "-v", "0")
        self.world = self.python("from tests.load.world import world_build; world_build()")

    def start(self):
        self.log_file = open(self.log_path, "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "serve", "--port", str(self.port)],
            cwd=ROOT,
            env=self.env,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server stopped: {Path(self.log_path).read_text()}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server did not answer /healthz within 60 s")

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if getattr(self, "log_file", None):
            self.log_file.close()
        if self.pg_database:
            self._pg_admin(f'DROP DATABASE IF EXISTS "{self.pg_database}" WITH (FORCE)')
        shutil.rmtree(self.workdir, ignore_errors=True)

    def server_pids(self):
        """The gunicorn master and its workers (for CPU measurements)."""
        import psutil

        if not self.process:
            return []
        master = psutil.Process(self.process.pid)
        return [master, *master.children(recursive=True)]

    def __enter__(self):
        try:
            self.prepare()
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()
