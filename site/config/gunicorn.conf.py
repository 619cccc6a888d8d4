"""gunicorn for the platform: `make run`, `make class` and production alike.

Why gunicorn: it is the WSGI server Django documents first, kept since 2010, pure Python
(installs from PyPI on any Linux laptop, nothing to compile), and the same server a
province runs behind nginx, so a class on one laptop exercises the production path. Its
threaded worker suits this load: phones spend most of their time reading, so a few
processes with a few threads each serve a whole hall.

Every value can be set from the environment (GUNICORN_*), or on the command line.
"""

import multiprocessing
import os


def _int(name, default):
    return int(os.environ.get(name, default))


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = "gthread"
# One process per core: SQLite allows one writer at a time anyway, and more processes
# only add memory. Few threads: more of them only wait on SQLite's write lock and on
# Python's, and the waits grow. Measured with make bench-class, 80 learners, 2 workers:
# 16 threads gave page p95 1.59 s and form p95 2.03 s, 8 threads 1.12 s and 1.55 s,
# 4 threads 0.51 s and 0.61 s. (Each thread also serves one upload at a time: a photo
# sent over very weak Wi-Fi holds its thread until it has arrived.)
workers = _int("GUNICORN_WORKERS", multiprocessing.cpu_count())
threads = _int("GUNICORN_THREADS", 4)
# A phone on weak Wi-Fi may take long to send a 10 MB photo; a render started by
# publishing runs in the request when tasks are in-process.
timeout = _int("GUNICORN_TIMEOUT", 300)
graceful_timeout = 30
keepalive = 5
# Restart workers now and then so a slow leak never grows through a whole class day.
max_requests = _int("GUNICORN_MAX_REQUESTS", 5000)
max_requests_jitter = 500
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
# site/ is a source root; the repository root holds the apps (config.wsgi adds both).
pythonpath = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
wsgi_app = "config.wsgi:application"
