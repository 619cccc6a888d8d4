"""Issue 9: every error a phone can meet is a plain Vietnamese page, never a traceback or
the list of URL patterns, whatever mode the trainer started."""

import pytest

from django.test import Client

pytestmark = pytest.mark.django_db

LEAKS = ("Traceback", "URLconf", "urlpatterns", "SECRET-TRACEBACK-MARKER", "settings.py")


def _assert_friendly(response, status, words):
    html = response.content.decode()
    assert response.status_code == status
    assert '<html lang="vi">' in html
    assert words in html
    for leak in LEAKS:
        assert leak not in html
    assert len(response.content) < 20_000  # Django's debug page is ~178 KB


def test_a_missing_page(client, home_page):
    _assert_friendly(client.get("/khong-co-trang-nay/"), 404, "Không tìm thấy trang")


@pytest.mark.urls("tests.home.error_urls")
def test_a_server_error_says_it_is_not_the_learners_fault(home_page):
    client = Client(raise_request_exception=False)
    _assert_friendly(client.get("/loi-thu/"), 500, "không phải do bạn")


def test_a_form_without_its_cookie(home_page):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/vao-lop/", {"ma": "ABCDEF"})
    _assert_friendly(response, 403, "Biểu mẫu đã hết hạn")
    assert "tải lại trang" in response.content.decode()


def test_a_page_of_another_role(client, home_page, django_user_model):
    client.force_login(django_user_model.objects.create_user("hv000001", password="x"))
    _assert_friendly(client.get("/lop/1/bang/"), 403, "Bạn không mở được trang này")


def test_an_unknown_host_name(home_page):
    response = Client(HTTP_HOST="evil.example").get("/")
    _assert_friendly(response, 400, "Không đọc được yêu cầu")


def test_too_many_tries_says_when_to_try_again(rf, home_page):
    from home.errors import too_many_requests

    response = too_many_requests(rf.get("/"), retry_after=300)
    assert response.status_code == 429 and response["Retry-After"] == "300"
    assert "chờ 5 phút" in response.content.decode()


def test_the_trainers_modes_run_without_debug():
    """`make run` and `make class` use the embedded settings: DEBUG is off there."""
    import importlib

    embedded = importlib.import_module("config.settings.embedded")
    assert embedded.DEBUG is False
    assert embedded.DEMO_PASSWORD != "congdanso2026"
    assert len(embedded.SECRET_KEY) >= 50


def test_djangos_own_admin_is_not_served(client, home_page):
    """Wagtail's admin at /admin/ is the only one: no second log-in page to guess at."""
    assert client.get("/django-admin/").status_code == 404
    assert client.get("/django-admin/login/").status_code == 404
