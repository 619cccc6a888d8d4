"""`check --deploy` warns when the cache is kept per process: with several app servers
the throttle counters (and Wagtail's cached site paths) would each be counted apart."""

import pytest

from django.core import checks
from django.test import override_settings


def _warnings(caches):
    with override_settings(CACHES=caches):
        found = checks.run_checks(include_deployment_checks=True, tags=[checks.Tags.caches])
    return [message for message in found if message.id == "home.W001"]


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.cache.backends.dummy.DummyCache",
        "django.core.cache.backends.filebased.FileBasedCache",
    ],
)
def test_a_cache_each_server_keeps_to_itself_is_reported(backend, tmp_path):
    (warning,) = _warnings({"default": {"BACKEND": backend, "LOCATION": str(tmp_path)}})
    assert warning.level == checks.WARNING
    assert "REDIS_URL" in warning.hint and "home.throttle" in warning.hint


def test_a_redis_cache_is_shared_and_needs_no_redis_server_to_be_checked():
    # Port 1: nothing listens there, and the check must not try.
    redis = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/1",
        }
    }
    assert _warnings(redis) == []


def test_the_laptop_is_not_warned_outside_deploy_checks():
    with override_settings(
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    ):
        found = checks.run_checks(tags=[checks.Tags.caches])
    assert [message for message in found if message.id == "home.W001"] == []
