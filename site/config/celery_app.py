"""The Celery application.

Run a worker from the repository root with site/ on the path, as the Makefile does:
``PYTHONPATH=site celery -A config worker``. With no ``CELERY_BROKER_URL`` the settings
make every task run eagerly in-process, which is the embedded default.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("cong_dan_so")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
