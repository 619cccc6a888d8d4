"""The embedded default: one laptop serves a class over plain HTTP on its own network.

`make run` and `make class` use these settings: DEBUG off (a learner's phone never sees a
traceback), static files from WhiteNoise's manifest, public media with HTTP Range from
config.wsgi, SQLite unless DATABASE_URL says otherwise. Unlike production.py there is no
TLS on a commune-hall Wi-Fi, so cookies are not marked secure and nothing redirects to
HTTPS. The secret key and the demo accounts' password are made for this machine on first
start and kept in .local/ (never in git), so two laptops never share them.
"""

import secrets

from .base import *  # noqa: F403

LOCAL_DIR = BASE_DIR / ".local"


def _machine_secret(name, make):
    """Read .local/<name>, creating it (owner-only) on first use."""
    path = LOCAL_DIR / name
    if not path.exists():
        LOCAL_DIR.mkdir(mode=0o700, exist_ok=True)
        path.write_text(make())
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="") or _machine_secret(
    "secret_key", lambda: secrets.token_urlsafe(50)
)
# The default demo password is printed in the README: on a hall's Wi-Fi anyone could use
# it, so this machine gets its own (printed by `make run`).
DEMO_PASSWORD = env("DEMO_PASSWORD", default="") or _machine_secret(
    "demo_password", lambda: "cds-" + secrets.token_hex(4)
)
