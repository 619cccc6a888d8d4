"""Issue 5, "done when": an authorisation test over every role × object × action of
training/ (and the sandbox dossiers) finds 0 cases where someone sees or changes what is
not theirs.

The world has two provinces, each with a commune, an organising unit and a class with its
own trainer and learners, so every object has an "own" and a "foreign" instance. Every
URL of ``training.urls`` (read from the URLconf: a new URL without an entry in ``ROUTES``
fails) and every sandbox URL that takes an object's id is requested by every actor, with
GET and with a realistic POST. ``POLICY`` below, written independently of
``training.permissions``, says who may see and who may change what. Each request must:

- when refused: answer 302 to a log-in page, 403 or 404, and change nothing at all;
- when allowed: answer 200 or 302, and change only what the request is about;
- whatever the outcome: show nobody's personal data (name, username, birth year, phone,
  join code, class, certificate code, practice identity) that the actor may not see.

Every request runs inside a savepoint that is rolled back, so one world serves all cases.
Problems are collected and reported together, one line each.
"""

import logging
import uuid
from types import SimpleNamespace

import pytest

from django.db import transaction
from django.urls import URLPattern

from training import urls as training_urls

from .authz_cases import ROUTES, all_cases, sandbox_object_routes, sandbox_routes
from .authz_observe import check, restore_files, snapshot
from .authz_world import ACTORS, build_world

pytestmark = pytest.mark.django_db


# ---- the tests -------------------------------------------------------------------------------


def test_every_url_has_an_entry_in_the_policy_table():
    training = {p.name for p in training_urls.urlpatterns if isinstance(p, URLPattern)}
    assert training - set(ROUTES) == set(), "training URLs without an entry in ROUTES"
    assert set(ROUTES) - training == set(), "ROUTES names a URL that no longer exists"
    world = SimpleNamespace(
        dossiers=SimpleNamespace(
            **dict.fromkeys(
                ["done", "draft", "unpaid", "started", "paid", "photo", "identity"],
                SimpleNamespace(pk=uuid.uuid4(), code="", cccd=""),
            )
        )
    )
    missing = sandbox_object_routes() - set(sandbox_routes(world))
    assert missing == set(), "sandbox URLs taking an id without an entry in sandbox_routes"


def test_nobody_sees_or_changes_what_is_not_theirs(home_page, caplog):
    caplog.set_level(logging.ERROR, logger="django.request")  # a thousand "Not Found"
    world = build_world(home_page)
    cases = all_cases(world)
    covered = {c.route for c in cases}
    problems = [f"UNCOVERED {name}" for name in ROUTES if name not in covered]
    baseline = snapshot(world)
    checked = 0
    for case in cases:
        for actor in ACTORS:
            savepoint = transaction.savepoint()
            try:
                problems += check(world, case, actor, baseline)
            finally:
                transaction.savepoint_rollback(savepoint)
                restore_files(world)
            checked += 1
    print(f"\n{checked} cases: {len(cases)} requests × {len(ACTORS)} actors")  # noqa: T201
    assert not problems, f"{len(problems)} problems in {checked} cases:\n" + "\n".join(problems)
