import pytest


@pytest.mark.django_db
def test_healthz_reports_every_service_as_json(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    report = response.json()
    assert report["ok"] is True
    assert report["database"]["ok"] and report["database"]["vendor"] in {"sqlite", "postgresql"}
    assert report["cache"]["ok"]
    assert report["task_queue"] == {**report["task_queue"], "ok": True, "mode": "eager"}


@pytest.mark.django_db
def test_healthz_answers_503_when_the_cache_loses_writes(client, settings):
    # DummyCache accepts writes and forgets them, as a full or misconfigured cache would.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = client.get("/healthz")
    assert response.status_code == 503
    report = response.json()
    assert report["ok"] is False
    assert report["cache"]["ok"] is False
    assert report["database"]["ok"] is True


@pytest.mark.django_db
def test_healthz_reports_an_unreachable_broker(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    from config.celery_app import app

    original = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = original
    assert response.status_code == 503
    assert response.json()["task_queue"]["ok"] is False
