"""The layout promises of CONVENTIONS.md and the health of the Django project itself."""

import importlib
from io import StringIO
from pathlib import Path

import pytest

from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


def test_site_is_a_source_root_not_a_package():
    # "site" is a standard-library module; a site/__init__.py would shadow or break it.
    assert not (ROOT / "site" / "__init__.py").exists()
    assert importlib.import_module("config.settings.base").SITE_DIR == ROOT / "site"


def test_top_level_layout_exists():
    for name in [
        "site",
        "courses",
        "sandbox",
        "training",
        "media",
        "tests",
        "manage.py",
        "requirements.txt",
        "README.md",
        "Makefile",
        ".ci/run",
        "pyproject.toml",
        ".env.example",
    ]:
        assert (ROOT / name).exists(), name


def test_django_system_checks_pass():
    out = StringIO()
    call_command("check", stdout=out)
    assert "no issues" in out.getvalue()


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_vietnamese_catalogue_is_complete():
    from babel.messages.pofile import read_po

    with open(ROOT / "site/locale/vi/LC_MESSAGES/django.po", "rb") as handle:
        catalog = read_po(handle)
    untranslated = [
        message.id
        for message in catalog
        if message.id
        and (
            message.fuzzy
            or not (all(message.string) if isinstance(message.string, tuple) else message.string)
        )
    ]
    assert untranslated == []
    assert len(catalog) > 50
