"""Issue 9: `make class` serves the hall with no IP address typed by the trainer."""

from io import StringIO

import pytest
import segno

from django.core.management import CommandError, call_command


@pytest.fixture
def started(monkeypatch):
    calls = {}

    def execvpe(file, args, env):
        calls.update(file=file, args=args, env=env)

    monkeypatch.setattr("home.management.commands.serve.os.execvpe", execvpe)
    return calls


def test_class_mode_prints_the_address_and_its_qr_and_allows_that_host(started, monkeypatch):
    monkeypatch.setattr(
        "home.management.commands.serve.lan_addresses", lambda: ["192.168.1.10", "10.0.0.5"]
    )
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "hoc.example.vn")
    out = StringIO()
    call_command("serve", "--hall", "--port", "8123", stdout=out)
    text = out.getvalue()
    assert "http://192.168.1.10:8123/" in text and "http://10.0.0.5:8123/" in text
    # The QR code drawn in the terminal is the first address's, module for module.
    qr = StringIO()
    segno.make("http://192.168.1.10:8123/", error="m").terminal(out=qr, compact=True)
    assert qr.getvalue().strip() in text
    env = started["env"]
    hosts = env["DJANGO_ALLOWED_HOSTS"].split(",")
    assert {"192.168.1.10", "10.0.0.5", "127.0.0.1", "hoc.example.vn"} <= set(hosts)
    assert env["CLASS_HALL_URL"] == "http://192.168.1.10:8123/"
    assert started["args"][-2:] == ["--bind", "0.0.0.0:8123"]
    assert "gunicorn" in started["args"]


def test_class_mode_without_a_network_says_what_to_do(started, monkeypatch):
    monkeypatch.setattr("home.management.commands.serve.lan_addresses", lambda: [])
    with pytest.raises(CommandError, match="Wi-Fi"):
        call_command("serve", "--hall")
    assert not started


def test_make_run_serves_this_machine_only(started):
    call_command("serve", stdout=StringIO())
    assert started["args"][-2:] == ["--bind", "127.0.0.1:8000"]
    assert "CLASS_HALL_URL" not in started["env"]
