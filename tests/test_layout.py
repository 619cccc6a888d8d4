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
        "assessments",
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


def test_every_marked_string_has_a_vietnamese_entry():
    """What the code and templates mark for translation is in the catalogue: a string
    marked but never added would show in English on a Vietnamese screen."""
    import io

    from babel.messages.extract import extract
    from babel.messages.pofile import read_po

    from django.utils.translation.template import templatize

    keywords = {
        "_": None,
        "gettext": None,
        "gettext_lazy": None,
        "ngettext": (1, 2),
        "ngettext_lazy": (1, 2),
        "pgettext": ((1, "c"), 2),
        "pgettext_lazy": ((1, "c"), 2),
    }
    with open(ROOT / "site/locale/vi/LC_MESSAGES/django.po", "rb") as handle:
        catalog = read_po(handle)
    known = {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id) for m in catalog}

    sources = [
        *(
            p
            for app in ("courses", "sandbox", "assessments", "training")
            for p in (ROOT / app).rglob("*.py")
        ),
        *(ROOT / "site" / "home").rglob("*.py"),
    ]
    templates = list((ROOT / "site" / "templates").rglob("*.html"))
    missing = set()
    for path in [*sources, *templates]:
        if "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            # templatize gives gettext() calls among X's, indented as the template was:
            # flush them left so Python's tokenizer reads them.
            text = "\n".join(
                line.lstrip() for line in templatize(text, origin=str(path)).splitlines()
            )
        for _line, message, _comments, context in extract(
            "python", io.BytesIO(text.encode()), keywords=keywords
        ):
            msgid = message[0] if isinstance(message, tuple) else message
            if msgid and (context, msgid) not in known:
                missing.add(f"{path.relative_to(ROOT)}: {msgid!r}")
    assert sorted(missing) == []
