"""The province topology on one machine, all on loopback: `make bench-province` and CI's
province stage (issue 14).

    nginx (deploy/nginx/congdanso.conf.template, as documented)
      ├── app server 1: gunicorn, production settings
      ├── app server 2: gunicorn, production settings
      └── /media/ → the S3-compatible store (moto's standalone server)
    PostgreSQL (pg_stat_statements on) · Redis (cache, throttling counters, task queue)
    a Celery worker (renders) · Celery beat (the purge, the render sweep)

Every service is a real process from Debian's packages or PyPI, started the way the
systemd units in deploy/systemd start it, each with its own log in the work folder. The
harness plays systemd's part too: `kill()` ends a service with SIGKILL, `restart()`
brings it back.

`ProvinceTopology` offers what `make bench-class`'s server offers (`url`, `world`, `env`,
`python()`, `server_pids()`), so the class journeys run across the proxy unchanged.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

from tests.load.platform_server import DEMO_PASSWORD, free_port

ROOT = Path(__file__).resolve().parents[2]
NGINX_TEMPLATE = ROOT / "deploy" / "nginx" / "congdanso.conf.template"
BUCKET = "congdanso-media"


def _root():
    return os.geteuid() == 0


def _pg_bin():
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if not versions:
        raise RuntimeError(
            "PostgreSQL is not installed: bash .ci/install-system-packages postgresql"
        )
    return versions[-1]


def nginx_config(*, listen, app_servers, static_root, media_host, cache_dir):
    """deploy/nginx/congdanso.conf.template with its @NAME@ values filled in."""
    servers = "\n".join(
        f"    server {address} max_fails=1 fail_timeout=10s;" for address in app_servers
    )
    values = {
        "@SERVER_NAME@": "127.0.0.1 localhost",
        "@LISTEN@": listen,
        "@APP_SERVERS@": servers,
        "@STATIC_ROOT@": str(static_root),
        "@MEDIA_HOST@": media_host,
        "@MEDIA_BUCKET@": BUCKET,
        "@CACHE_DIR@": str(cache_dir),
        "@TLS@": "# plain HTTP on loopback",
    }
    text = NGINX_TEMPLATE.read_text()
    for name, value in values.items():
        text = text.replace(name, value)
    return text


class Service:
    """One long-running process: started in its own session (so a kill takes its
    children too), its output in a log file."""

    def __init__(self, name, command, *, env, log, cwd=ROOT, user=None):
        self.name, self.command, self.env, self.log_path, self.cwd = name, command, env, log, cwd
        self.user = user
        self.process = None
        self.starts = 0

    def start(self):
        command = self.command
        if self.user and _root():
            command = ["runuser", "-u", self.user, "--", *command]
        log = open(self.log_path, "a")  # noqa: SIM115 - the child keeps it open
        log.write(f"--- start {self.starts + 1} at {time.strftime('%H:%M:%S')}\n")
        log.flush()
        self.process = subprocess.Popen(  # noqa: S603 - our own commands
            command,
            cwd=self.cwd,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        self.starts += 1
        return self

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def kill(self, sig=signal.SIGKILL):
        if self.alive():
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def pids(self):
        import psutil

        if not self.alive():
            return []
        try:
            master = psutil.Process(self.process.pid)
            return [master, *master.children(recursive=True)]
        except psutil.Error:
            return []

    def log_text(self):
        try:
            return Path(self.log_path).read_text(errors="replace")
        except OSError:
            return ""


def _wait_for(check, what, *, seconds=60, service=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if service is not None and not service.alive():
            raise RuntimeError(f"{what}: the process stopped:\n{service.log_text()[-3000:]}")
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.2)
    tail = service.log_text()[-3000:] if service else ""
    raise RuntimeError(f"{what} did not come up within {seconds} s\n{tail}")


def _http_ok(url):
    with urllib.request.urlopen(url, timeout=3) as response:  # noqa: S310 - loopback
        return response.status == 200


class ProvinceTopology:
    """`with ProvinceTopology(app_servers=2) as province:` starts everything on loopback."""

    def __init__(self, *, app_servers=2, workers_per_server=1, threads=4):
        self.app_server_count = app_servers
        self.workers_per_server, self.threads = workers_per_server, threads
        self.workdir = Path(tempfile.mkdtemp(prefix="cds-province-"))
        self.workdir.chmod(0o755)
        self.ports = {name: free_port() for name in ("postgres", "redis", "s3", "proxy")}
        self.app_ports = [free_port() for _ in range(app_servers)]
        self.url = f"http://127.0.0.1:{self.ports['proxy']}"
        self.services = {}
        self.world = {}
        self.env = {}

    # -- PostgreSQL, Redis, the bucket ----------------------------------------------------
    def _postgres(self):
        data = self.workdir / "pg"
        data.mkdir()
        user = None
        if _root():
            shutil.chown(data, "postgres")
            user = "postgres"
        initdb = [str(_pg_bin() / "initdb"), "-D", str(data / "data"), "-U", "postgres"]
        initdb += ["--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]
        if user:
            initdb = ["runuser", "-u", user, "--", *initdb]
        subprocess.run(initdb, check=True, capture_output=True)  # noqa: S603
        # Settings of deploy/postgresql/congdanso.conf, and CI's speed-ups (no fsync: the
        # data is thrown away afterwards).
        options = [
            f"port={self.ports['postgres']}",
            f"unix_socket_directories={data}",
            "listen_addresses=127.0.0.1",
            "max_connections=200",
            "shared_buffers=256MB",
            "shared_preload_libraries=pg_stat_statements",
            "pg_stat_statements.track=top",
            "fsync=off",
            "synchronous_commit=off",
            "full_page_writes=off",
        ]
        command = [str(_pg_bin() / "postgres"), "-D", str(data / "data")]
        for option in options:
            command += ["-c", option]
        service = Service("postgres", command, env=dict(os.environ), log=data / "log", user=user)
        self.services["postgres"] = service.start()
        pg_isready = [str(_pg_bin() / "pg_isready"), "-h", "127.0.0.1"]
        pg_isready += ["-p", str(self.ports["postgres"]), "-q"]

        def ready():
            return subprocess.run(pg_isready, check=False).returncode == 0  # noqa: S603

        _wait_for(ready, "PostgreSQL", service=service)
        self.database_url = f"postgres://postgres@127.0.0.1:{self.ports['postgres']}/congdanso"
        self.psql("CREATE DATABASE congdanso", database="postgres")
        self.psql("CREATE EXTENSION pg_stat_statements")

    def psql(self, sql, params=None, *, database="congdanso"):
        import psycopg

        url = f"postgres://postgres@127.0.0.1:{self.ports['postgres']}/{database}"
        with psycopg.connect(url, autocommit=True) as connection:
            cursor = connection.execute(sql, params)
            return cursor.fetchall() if cursor.description else None

    def _redis(self):
        command = ["redis-server", "--port", str(self.ports["redis"]), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "yes", "--dir", str(self.workdir)]
        command += ["--maxmemory-policy", "noeviction"]
        service = Service("redis", command, env=dict(os.environ), log=self.workdir / "redis.log")
        self.services["redis"] = service.start()

        def ready():
            out = subprocess.run(  # noqa: S603
                ["redis-cli", "-p", str(self.ports["redis"]), "ping"],  # noqa: S607
                capture_output=True,
                text=True,
                check=False,
            )
            return out.stdout.strip() == "PONG"

        _wait_for(ready, "Redis", service=service)

    def _bucket_store(self):
        moto = Path(sys.executable).parent / "moto_server"
        command = [str(moto), "-H", "127.0.0.1", "-p", str(self.ports["s3"])]
        service = Service("s3", command, env=dict(os.environ), log=self.workdir / "s3.log")
        self.services["s3"] = service.start()
        _wait_for(
            lambda: _http_ok(f"http://127.0.0.1:{self.ports['s3']}/moto-api/"),
            "the S3-compatible server",
            service=service,
        )

    # -- the platform ---------------------------------------------------------------------
    def _platform_env(self):
        redis = f"redis://127.0.0.1:{self.ports['redis']}"
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "PYTEST", "CELERY_", "REDIS_", "CACHE_", "MEDIA_"))
        }
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "config.settings.production",
                "DJANGO_SECRET_KEY": uuid.uuid4().hex * 2,
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
                # Plain HTTP on loopback: the TLS settings of production stay off here.
                "DJANGO_SECURE_SSL_REDIRECT": "false",
                "DJANGO_SECURE_COOKIES": "false",
                "DJANGO_SECURE_HSTS_SECONDS": "0",
                "TRUSTED_PROXY_COUNT": "1",
                "DATABASE_URL": self.database_url,
                "REDIS_URL": f"{redis}/1",
                "CELERY_BROKER_URL": f"{redis}/0",
                "MEDIA_S3_BUCKET": BUCKET,
                "MEDIA_S3_ENDPOINT_URL": f"http://127.0.0.1:{self.ports['s3']}",
                "MEDIA_S3_ACCESS_KEY_ID": "province-bench",
                "MEDIA_S3_SECRET_ACCESS_KEY": "province-bench-secret",
                "MEDIA_S3_REGION": "us-east-1",
                "STATIC_ROOT": str(self.workdir / "static"),
                "MEDIA_ROOT": str(self.workdir / "no-local-media"),
                "WAGTAILADMIN_BASE_URL": self.url,
                "DEMO_PASSWORD": DEMO_PASSWORD,
                "TUTORIAL_CAPTURE_ENABLED": "false",
                "GUNICORN_WORKERS": str(self.workers_per_server),
                "GUNICORN_THREADS": str(self.threads),
                "PYTHONPATH": "site",
                "PYTHONUNBUFFERED": "1",
            }
        )
        return env

    def manage(self, *args, capture=False, eager=False, extra_env=None, ok_codes=(0,)):
        env = {**self.env, **(extra_env or {})}
        if eager:
            env["CELERY_TASK_ALWAYS_EAGER"] = "true"
        result = subprocess.run(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode not in ok_codes:
            raise RuntimeError(f"manage.py {' '.join(args)}:\n{result.stdout}\n{result.stderr}")
        return result.stdout if capture else None

    def python(self, code, *, eager=False):
        """Run code inside the platform's Django; the last printed line, parsed as JSON."""
        out = self.manage("shell", "-c", code, capture=True, eager=eager)
        return json.loads(out.strip().splitlines()[-1])

    def _prepare(self):
        self.env = self._platform_env()
        self.manage("migrate", "--no-input", "-v", "0")
        self.manage("collectstatic", "--no-input", "-v", "0")
        self.manage("media_bucket_prepare")
        # The demo content without rendering every tutorial: only the one the learners
        # watch is rendered (in-process here, straight into the bucket).
        self.manage("seed_demo", extra_env={"TUTORIAL_RENDER_ON_PUBLISH": "false"})
        self.world = self.python(
            "from tests.load.world import world_build; world_build()", eager=True
        )

    def _app_server(self, number):
        port = self.app_ports[number - 1]
        env = {**self.env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
        command = [sys.executable, "-m", "gunicorn", "-c", "site/config/gunicorn.conf.py"]
        return Service(f"app{number}", command, env=env, log=self.workdir / f"app{number}.log")

    def _wait_app(self, number):
        service = self.services[f"app{number}"]
        url = f"http://127.0.0.1:{self.app_ports[number - 1]}/healthz"
        _wait_for(lambda: _http_ok(url), f"app server {number}", service=service)

    def _worker(self):
        command = [sys.executable, "-m", "celery", "-A", "config", "worker"]
        command += ["-c", "1", "--pool", "prefork", "-l", "warning", "-n", "renders@%h"]
        return Service("worker", command, env=self.env, log=self.workdir / "worker.log")

    def _beat(self):
        command = [sys.executable, "-m", "celery", "-A", "config", "beat", "-l", "warning"]
        command += ["-s", str(self.workdir / "beat-schedule")]
        return Service("beat", command, env=self.env, log=self.workdir / "beat.log")

    def _nginx(self):
        folder = self.workdir / "nginx"
        folder.mkdir()
        cache = folder / "cache"
        site = nginx_config(
            listen=f"127.0.0.1:{self.ports['proxy']}",
            app_servers=[f"127.0.0.1:{port}" for port in self.app_ports],
            static_root=self.workdir / "static",
            media_host=f"127.0.0.1:{self.ports['s3']}",
            cache_dir=cache,
        )
        (folder / "congdanso.conf").write_text(site)
        # What /etc/nginx/nginx.conf gives a Debian server, written out so nginx runs
        # as an ordinary process with everything in the work folder.
        access = "$remote_addr $request_method $uri $status $request_time $upstream_addr"
        main = f"""
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
{"user root;" if _root() else ""}
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    log_format timing '{access}';
    access_log {folder}/access.log timing;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/congdanso.conf;
}}
"""
        (folder / "nginx.conf").write_text(main)
        command = ["nginx", "-p", str(folder), "-c", str(folder / "nginx.conf")]
        subprocess.run([*command, "-t", "-q"], check=True, capture_output=True)  # noqa: S603
        service = Service(
            "nginx",
            [*command, "-g", "daemon off;"],
            env=dict(os.environ),
            log=folder / "stdout.log",
        )
        self.services["nginx"] = service.start()
        _wait_for(lambda: _http_ok(self.url + "/healthz"), "nginx", service=service)

    # -- life cycle -----------------------------------------------------------------------
    def start(self):
        if not shutil.which("nginx"):
            raise RuntimeError("nginx is not installed: bash .ci/install-system-packages nginx")
        self._postgres()
        self._redis()
        self._bucket_store()
        self._prepare()
        for number in range(1, self.app_server_count + 1):
            self.services[f"app{number}"] = self._app_server(number).start()
        for number in range(1, self.app_server_count + 1):
            self._wait_app(number)
        self.services["worker"] = self._worker().start()
        self.services["beat"] = self._beat().start()
        self._nginx()

    def kill(self, name):
        """A crash: SIGKILL to the service and its children, nothing cleaned up."""
        self.services[name].kill(signal.SIGKILL)

    def restart(self, name):
        """What systemd's Restart=on-failure does after a crash."""
        service = self.services[name]
        service.kill(signal.SIGKILL)
        service.start()
        if name.startswith("app"):
            self._wait_app(int(name.removeprefix("app")))

    def server_pids(self):
        """The app servers' processes (for CPU per request)."""
        return [p for name, s in self.services.items() if name.startswith("app") for p in s.pids()]

    def stop(self):
        for name in ("nginx", "beat", "worker", *[f"app{n}" for n in range(9, 0, -1)]):
            if name in self.services:
                self.services[name].kill(signal.SIGTERM)
        for name in ("s3", "redis", "postgres"):
            if name in self.services:
                self.services[name].kill(signal.SIGTERM)
        if os.environ.get("KEEP_PROVINCE_LOGS"):
            return
        shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()
