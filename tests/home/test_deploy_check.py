"""Django's deployment checklist passes under the production settings."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_check_deploy_is_clean_under_production_settings():
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "k" * 20 + "Zx9!q#Lm2$Vb7&Tn4*Rc8@Hs5^Wd1%Gf6",
        "DJANGO_ALLOWED_HOSTS": "hoc.example.vn",
        # A province installation shares one cache between its app servers (home.W001
        # warns otherwise); the check reads the setting and never connects to Redis.
        "REDIS_URL": "redis://127.0.0.1:6379/1",
    }
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
