"""Issue 10: every page carries an enforced Content-Security-Policy without inline script."""

import pytest

pytestmark = pytest.mark.django_db


def _directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split("; ") if part}


@pytest.mark.parametrize("path", ["/", "/thu-tuc/", "/vao-lop/", "/thuc-hanh/", "/khong-co/"])
def test_pages_forbid_inline_and_foreign_scripts(client, home_page, path):
    response = client.get(path)
    assert "Content-Security-Policy-Report-Only" not in response
    policy = _directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]


def test_the_admin_may_run_wagtails_own_inline_scripts(client, home_page, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("quantri", password="x"))
    policy = _directives(client.get("/admin/"))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in policy["script-src"]
