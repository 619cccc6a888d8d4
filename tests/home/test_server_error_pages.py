"""Issue 9: no page the `make run` server gives a phone shows a traceback or a URL list."""

import pytest
import requests

pytestmark = pytest.mark.server

LEAKS = ("Traceback", "URLconf", "urlpatterns", "DEBUG = True", "settings.py")


@pytest.mark.parametrize(
    ("method", "path", "data", "status"),
    [
        ("get", "/khong-co-trang-nay/", None, 404),
        ("get", "/media/sandbox/bat-ky/anh.jpg", None, 404),
        ("post", "/vao-lop/", {"ma": "ABCDEF"}, 403),  # a form without its CSRF cookie
        ("get", "/lop/999999/bang/?x=1", None, 302),  # to the log-in page, not a trace
        ("get", "/video/00000000-0000-0000-0000-000000000000/da-xem/", None, 405),
    ],
)
def test_no_error_page_shows_a_traceback(platform_server, method, path, data, status):
    response = getattr(requests, method)(
        platform_server.url + path, data=data, allow_redirects=False, timeout=10
    )
    assert response.status_code == status
    for leak in LEAKS:
        assert leak not in response.text
    assert len(response.content) < 20_000


def test_an_unknown_host_gets_a_plain_400(platform_server):
    response = requests.get(platform_server.url + "/", headers={"Host": "evil.example"}, timeout=10)
    assert response.status_code == 400
    assert "Traceback" not in response.text and "DisallowedHost" not in response.text
