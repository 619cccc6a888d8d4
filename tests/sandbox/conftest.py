"""Fixtures for the sandbox tests: a learner practising, the khai sinh procedure with its
e-form, exercises and holidays. The helpers that walk a dossier through the services
are in tests/helpers.py."""

import pytest

from sandbox.models import DossierStatus
from sandbox.services import accounts
from tests.helpers import dossier_walk, new_ctx, portal_session, seed_khai_sinh


@pytest.fixture
def khai_sinh(db):
    """Đăng ký khai sinh: free online, 8.000 đồng a copy, one working day, and one photo
    to attach (Giấy chứng sinh); the paper form is replaced by the e-form."""
    return seed_khai_sinh()


@pytest.fixture
def sandbox_site(demo_site):
    """The whole demo (every procedure, course and e-form), as `make run` loads it."""
    from sandbox.demo.loader import sandbox_demo_seed

    sandbox_demo_seed()
    return demo_site


@pytest.fixture
def practice_ctx(db):
    """An anonymous learner practising in guided mode, with the desk run by hand."""
    return new_ctx()


@pytest.fixture
def identity(practice_ctx):
    """The learner's practice ID card (CCCD starting 099, a made-up citizen)."""
    return accounts.identity_issue(ctx=practice_ctx)


@pytest.fixture
def walk(practice_ctx, identity, khai_sinh):
    """``walk(to=DossierStatus.PROCESSING, delivery="post", ...)`` for this learner."""

    def walk_to(to=DossierStatus.NEW, **kwargs):
        return dossier_walk(practice_ctx, identity, khai_sinh, to, **kwargs)

    return walk_to


@pytest.fixture
def signed_in(client, practice_ctx, identity):
    """This browser practises as ``practice_ctx``, logged in to the portal as ``identity``."""
    return portal_session(client, practice_ctx.owner_key, identity)
