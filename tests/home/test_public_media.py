"""Issue 9: under `make run` videos seek (HTTP Range), posters are cached, and learners'
uploads are never served as plain files."""

from wsgiref.util import setup_testing_defaults

import pytest

from home.lan import allowed_hosts_for, lan_addresses
from home.public_media import PublicMediaFiles


def _fallback(environ, start_response):
    start_response("404 Not Found", [("Content-Type", "text/plain")])
    return [b"django"]


@pytest.fixture
def media(tmp_path):
    (tmp_path / "renders" / "7" / "abc").mkdir(parents=True)
    (tmp_path / "renders" / "7" / "abc" / "360p.mp4").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "sandbox" / "k1").mkdir(parents=True)
    (tmp_path / "sandbox" / "k1" / "cccd.jpg").write_bytes(b"\xff\xd8 a learner's ID card")
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "to-khai.pdf").write_bytes(b"%PDF-1.4")
    return PublicMediaFiles(_fallback, media_root=tmp_path, media_url="/media/")


def _get(app, path, **headers):
    environ = {"PATH_INFO": path, "REQUEST_METHOD": "GET"}
    environ.update({f"HTTP_{k.upper()}": v for k, v in headers.items()})
    setup_testing_defaults(environ)
    seen = {}

    def start_response(status, response_headers):
        seen["status"], seen["headers"] = status, dict(response_headers)

    body = b"".join(app(environ, start_response))
    return seen["status"], seen["headers"], body


def test_a_video_is_served_in_ranges_so_a_phone_can_seek(media):
    status, headers, body = _get(media, "/media/renders/7/abc/360p.mp4", range="bytes=1000-1999")
    assert status.startswith("206")
    assert headers["Content-Range"] == "bytes 1000-1999/10240"
    assert body == (bytes(range(256)) * 40)[1000:2000]
    assert headers["Accept-Ranges"] == "bytes"
    assert "max-age=86400" in headers["Cache-Control"]
    assert "ETag" in headers and "Last-Modified" in headers


def test_a_file_rendered_after_start_is_found(media, tmp_path):
    (tmp_path / "renders" / "7" / "new").mkdir()
    (tmp_path / "renders" / "7" / "new" / "poster.jpg").write_bytes(b"\xff\xd8poster")
    status, headers, body = _get(media, "/media/renders/7/new/poster.jpg")
    assert status.startswith("200") and body == b"\xff\xd8poster"


@pytest.mark.parametrize(
    "path",
    [
        "/media/sandbox/k1/cccd.jpg",  # a learner's upload: only through its checked view
        "/media/documents/to-khai.pdf",  # Wagtail serves documents and checks privacy
        "/media/renders/../sandbox/k1/cccd.jpg",
        "/media/renders/7/abc/../../../sandbox/k1/cccd.jpg",
    ],
)
def test_private_files_are_left_to_the_platform(media, path):
    status, _headers, body = _get(media, path)
    assert status.startswith("404") and body == b"django"


def test_class_mode_accepts_its_own_addresses_only():
    addresses = lan_addresses()
    assert all(not a.startswith("127.") for a in addresses)
    hosts = allowed_hosts_for(["192.168.1.10"])
    assert hosts == ["127.0.0.1", "localhost", "[::1]", "192.168.1.10"]
