"""How many tries an address or a browser gets, and the Vietnamese 429 page after that.

Counters live in the cache (django-ratelimit): Redis where REDIS_URL is set; on one
laptop the in-process cache, so each gunicorn worker counts on its own and a limit holds
per worker. Limits are set so a whole hall behind one address (a commune's NAT) never
meets them, and a script guessing codes or filling the database does.
"""

from __future__ import annotations

import functools
import ipaddress
from typing import TYPE_CHECKING

from django_ratelimit.core import get_usage

from django.conf import settings

from .errors import too_many_requests

if TYPE_CHECKING:
    from collections.abc import Callable, Collection
    from typing import Concatenate, ParamSpec, TypeAlias

    from django.http import HttpRequest
    from django.http.response import HttpResponseBase

    P = ParamSpec("P")
    # A ratelimit key: "ip", "user"… or a function of (group, request).
    RateKey: TypeAlias = str | Callable[[str, HttpRequest], str]


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the
    address the outermost of them saw, N-th from the right of X-Forwarded-For.

    nginx (deploy/nginx) writes X-Forwarded-For itself, so a phone cannot choose the
    address it is counted under; a chain added to by further proxies is read from the
    right, the only end a client cannot write. Without that setting every phone behind
    the proxy would share one address and one set of throttles, province-wide. django-axes
    reads the address here too (AXES_CLIENT_IP_CALLABLE)."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if not count:
        return remote
    chain = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    chain = [part for part in chain if part]
    if len(chain) < count:
        return remote
    forwarded = chain[-count]
    try:
        return str(ipaddress.ip_address(forwarded))
    except ValueError:
        return remote


def browser_or_address(group: str, request: HttpRequest) -> str:
    """The browser's session where it has one (a phone), else its address."""
    session = getattr(request, "session", None)
    return (session.session_key if session else None) or client_address(request)


def over_limit(
    request: HttpRequest, *, group: str, rate: str, key: RateKey = "ip", count: bool = True
) -> int | None:
    """None while under the limit, else the seconds until it resets. ``count=False``
    only looks (for limits that count failures, added with count_failure)."""
    usage = get_usage(request, group=group, key=key, rate=rate, increment=count)
    if usage and usage["should_limit"]:
        return max(1, usage["time_left"])
    return None


def count_failure(request: HttpRequest, *, group: str, rate: str, key: RateKey = "ip") -> None:
    get_usage(request, group=group, key=key, rate=rate, increment=True)


def throttle(
    *limits: tuple[str, str, RateKey], methods: Collection[str] = ("POST",)
) -> Callable[
    [Callable[Concatenate[HttpRequest, P], HttpResponseBase]],
    Callable[Concatenate[HttpRequest, P], HttpResponseBase],
]:
    """Refuse a view's writes with a 429 page once any (group, rate, key) limit is hit."""

    def decorate(
        view: Callable[Concatenate[HttpRequest, P], HttpResponseBase],
    ) -> Callable[Concatenate[HttpRequest, P], HttpResponseBase]:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponseBase:
            if request.method in methods:
                for group, rate, key in limits:
                    retry_after = over_limit(request, group=group, rate=rate, key=key)
                    if retry_after:
                        return too_many_requests(request, retry_after=retry_after)
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


class AnonymousWriteThrottle:
    """Every write by a visitor without an account, counted per address and per browser:
    generous enough for forty phones of a class behind one address, not for a script."""

    PER_ADDRESS = "3000/10m"
    PER_BROWSER = "300/10m"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method == "POST" and not request.user.is_authenticated:
            for group, rate, key in (
                ("anonymous-write-address", self.PER_ADDRESS, "ip"),
                ("anonymous-write-browser", self.PER_BROWSER, browser_or_address),
            ):
                retry_after = over_limit(request, group=group, rate=rate, key=key)
                if retry_after:
                    return too_many_requests(request, retry_after=retry_after)
        return self.get_response(request)
