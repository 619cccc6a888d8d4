"""Behind nginx every request comes from the proxy's address: the phone's own is in
X-Forwarded-For, and throttles and lock-outs must count that one (issue 14). Until this
was read here, a province's phones all shared the proxy's address, so 200 joins in ten
minutes anywhere in the province locked every hall out."""

import pytest
from axes.helpers import get_client_ip_address

from django.core.cache import cache
from django.test import RequestFactory, override_settings

from home.throttle import client_address, over_limit

PROXY = "10.0.0.5"


def request_from(forwarded=None, remote=PROXY):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().post("/vao-lop/", REMOTE_ADDR=remote, **headers)


@pytest.fixture(autouse=True)
def clean_counters():
    cache.clear()
    yield
    cache.clear()


@override_settings(TRUSTED_PROXY_COUNT=1)
@pytest.mark.parametrize(
    ("forwarded", "seen"),
    [
        ("203.0.113.9", "203.0.113.9"),
        # A phone that sends its own header gets nginx's value appended (or replaced):
        # only the right end, written by the proxy, counts.
        ("1.2.3.4, 203.0.113.9", "203.0.113.9"),
        (" 2001:db8::7 ", "2001:db8::7"),
        ("not an address", PROXY),
        ("", PROXY),
        (None, PROXY),
    ],
)
def test_behind_one_proxy_the_forwarded_address_counts(forwarded, seen):
    request = request_from(forwarded)
    assert client_address(request) == seen
    assert get_client_ip_address(request) == seen  # django-axes reads the same


@override_settings(TRUSTED_PROXY_COUNT=0)
def test_without_a_proxy_a_forged_header_changes_nothing():
    assert client_address(request_from("203.0.113.9", remote="198.51.100.7")) == "198.51.100.7"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_the_outer_ones_view_counts():
    request = request_from("1.2.3.4, 203.0.113.9, 10.0.0.9")
    assert client_address(request) == "203.0.113.9"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_two_halls_behind_the_proxy_have_limits_of_their_own():
    rate = {"group": "test-hall", "rate": "2/10m", "key": "ip"}
    hall = "203.0.113.9"
    assert over_limit(request_from(hall), **rate) is None
    assert over_limit(request_from(hall), **rate) is None
    assert over_limit(request_from(hall), **rate)  # the third from that hall waits
    assert over_limit(request_from("198.51.100.20"), **rate) is None  # another hall does not
