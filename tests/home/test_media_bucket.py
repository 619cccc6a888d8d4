"""Media in an S3-compatible bucket at province scale: phones only ever reach the
platform's host (public media at /media/, proxied by nginx), the bucket lets anonymous
readers get the public folders and nothing else, and an audit finds files gone missing.

The bucket is moto's in-process mock: no store, no network."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
from moto import mock_aws

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.test import override_settings

from wagtail.documents import get_document_model

from home.storage import MediaBucketStorage

ROOT = Path(__file__).resolve().parents[2]
BUCKET = "congdanso-media"
REGION = "ap-southeast-1"
BUCKET_OPTIONS = {
    "bucket_name": BUCKET,
    "access_key": "testing",
    "secret_key": "testing",
    "region_name": REGION,
    "file_overwrite": False,
    "default_acl": None,
    "querystring_auth": True,
}


@pytest.fixture
def s3(monkeypatch):
    """A mocked S3 and a client on it; keys from the environment never reach it."""
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    with mock_aws():
        yield boto3.client("s3", region_name=REGION)


@pytest.fixture
def on_bucket(s3, settings):
    """Media in the bucket, as base.py configures them when MEDIA_S3_BUCKET is set."""
    storages = {
        **settings.STORAGES,
        "default": {"BACKEND": "home.storage.MediaBucketStorage", "OPTIONS": BUCKET_OPTIONS},
    }
    with override_settings(STORAGES=storages):
        yield s3


@pytest.fixture
def bucket(on_bucket):
    on_bucket.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
    return on_bucket


def _prepare():
    out = StringIO()
    call_command("media_bucket_prepare", stdout=out)
    return out.getvalue()


def _audit(*args):
    out = StringIO()
    try:
        call_command("media_audit", *args, stdout=out)
    except CommandError as error:
        return out.getvalue(), error.returncode
    return out.getvalue(), 0


# Addresses


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("renders/12/5f0c/360p.mp4", "/media/renders/12/5f0c/360p.mp4"),
        ("renders/12/5f0c/poster.jpg", "/media/renders/12/5f0c/poster.jpg"),
        ("images/giay-khai-sinh.max-800x600.jpg", "/media/images/giay-khai-sinh.max-800x600.jpg"),
        ("original_images/ảnh chụp.png", "/media/original_images/%E1%BA%A3nh%20ch%E1%BB%A5p.png"),
    ],
)
def test_public_media_are_addressed_on_the_platforms_own_host(bucket, name, url):
    assert default_storage.url(name) == url


@pytest.mark.parametrize(
    "name",
    [
        "sandbox/3f2a9c1b/3f2a9c1bd4.jpg",  # a learner's ID card photo
        "documents/to-khai-khai-sinh.pdf",  # Wagtail checks a document's privacy
        "captures/12/7b1e/01.png",  # captured screens are only read by the renderer
        "renders/../sandbox/3f2a9c1b/3f2a9c1bd4.jpg",
        "renders",
        "avatar_images/avatar_1.png",
    ],
)
def test_private_media_keep_a_signed_short_lived_url(bucket, name):
    url = default_storage.url(name)
    assert not url.startswith("/media/")
    query = parse_qs(urlsplit(url).query)
    assert "X-Amz-Signature" in query or "Signature" in query


def test_a_document_in_the_bucket_is_streamed_by_the_platform_not_redirected(bucket, client, db):
    document = get_document_model().objects.create(
        title="Tờ khai", file=ContentFile(b"%PDF-1.4 to khai", name="to-khai.pdf")
    )
    assert document.url == f"/documents/{document.pk}/to-khai.pdf"
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 to khai"


def test_a_bucket_installation_allows_no_other_media_host():
    # Settings are read once at start-up: a fresh interpreter with the bucket's variables.
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "MEDIA_"))},
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "MEDIA_S3_BUCKET": BUCKET,
        "MEDIA_S3_ENDPOINT_URL": "http://10.0.0.21:9000",
        "PYTHONPATH": "site",
    }
    code = (
        "import json; from django.conf import settings as s; "
        "d = s.CONTENT_SECURITY_POLICY['DIRECTIVES']; "
        "print(json.dumps([s.STORAGES['default'], s.WAGTAILDOCS_SERVE_METHOD, "
        "d['img-src'], d['media-src']]))"
    )
    result = subprocess.run(  # noqa: S603 - our own settings module
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    storage, serve_method, img_src, media_src = json.loads(result.stdout)
    assert storage["BACKEND"] == "home.storage.MediaBucketStorage"
    assert storage["OPTIONS"]["endpoint_url"] == "http://10.0.0.21:9000"
    assert storage["OPTIONS"]["bucket_name"] == BUCKET
    assert serve_method == "serve_view"
    assert img_src == ["'self'", "data:"] and media_src == ["'self'"]


# media_bucket_prepare


def test_prepare_creates_the_bucket_and_lets_anyone_read_the_public_folders_only(on_bucket):
    text = _prepare()
    assert f"Đã tạo bucket «{BUCKET}»" in text
    assert "Đã đặt chính sách" in text
    policy = json.loads(on_bucket.get_bucket_policy(Bucket=BUCKET)["Policy"])
    (statement,) = policy["Statement"]
    assert statement["Effect"] == "Allow"
    assert statement["Principal"] in ("*", {"AWS": "*"}, {"AWS": ["*"]})
    assert statement["Action"] in ("s3:GetObject", ["s3:GetObject"])
    assert sorted(statement["Resource"]) == [
        f"arn:aws:s3:::{BUCKET}/images/*",
        f"arn:aws:s3:::{BUCKET}/original_images/*",
        f"arn:aws:s3:::{BUCKET}/renders/*",
    ]


def test_prepare_run_twice_changes_nothing_and_keeps_the_stores_own_rules(on_bucket):
    _prepare()
    policy = json.loads(on_bucket.get_bucket_policy(Bucket=BUCKET)["Policy"])
    backup_rule = {
        "Sid": "Backup",
        "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::123456789012:user/backup"},
        "Action": "s3:GetObject",
        "Resource": f"arn:aws:s3:::{BUCKET}/*",
    }
    policy["Statement"].append(backup_rule)
    on_bucket.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(policy))

    text = _prepare()
    assert f"Bucket «{BUCKET}» đã có sẵn" in text
    assert "đã đúng, không đổi" in text
    assert json.loads(on_bucket.get_bucket_policy(Bucket=BUCKET)["Policy"]) == policy
    assert len(on_bucket.list_buckets()["Buckets"]) == 1


def test_prepare_replaces_its_own_rule_when_the_public_folders_change(on_bucket, settings):
    _prepare()
    settings.MEDIA_PUBLIC_FOLDERS = ("renders",)
    assert "Đã đặt chính sách" in _prepare()
    (statement,) = json.loads(on_bucket.get_bucket_policy(Bucket=BUCKET)["Policy"])["Statement"]
    assert statement["Resource"] in (
        f"arn:aws:s3:::{BUCKET}/renders/*",
        [f"arn:aws:s3:::{BUCKET}/renders/*"],
    )


def test_prepare_points_out_another_rule_that_opens_the_bucket_to_anyone(on_bucket):
    on_bucket.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
    everything = {
        "Sid": "Old",
        "Effect": "Allow",
        "Principal": "*",
        "Action": "s3:GetObject",
        "Resource": f"arn:aws:s3:::{BUCKET}/*",
    }
    on_bucket.put_bucket_policy(
        Bucket=BUCKET, Policy=json.dumps({"Version": "2012-10-17", "Statement": [everything]})
    )
    assert "Chú ý" in _prepare()


def test_prepare_does_nothing_when_media_are_on_the_local_disk():
    text = _prepare()
    assert "ổ đĩa" in text and "không có bucket nào cần chuẩn bị" in text


# media_audit


@pytest.fixture
def documents(bucket, db):
    Document = get_document_model()
    kept = Document.objects.create(
        title="Tờ khai", file=ContentFile(b"%PDF-1.4", name="to-khai.pdf")
    )
    lost = Document.objects.create(
        title="Giấy ủy quyền", file=ContentFile(b"%PDF-1.4", name="uy-quyen.pdf")
    )
    default_storage.delete(lost.file.name)
    return kept, lost


def test_audit_finds_a_missing_file_and_an_orphan_and_exits_1(documents):
    _kept, lost = documents
    default_storage.save("renders/7/abc/360p.mp4", ContentFile(b"\x00" * 64))

    text, status = _audit("--orphans", "renders", "documents")
    assert status == 1
    assert "wagtaildocs.Document.file: 2 tệp, thiếu 1" in text
    assert f"thiếu: {lost.file.name}" in text
    assert "không dùng: renders/7/abc/360p.mp4" in text
    # Every file column of every app, found without importing the apps.
    for field in (
        "courses.TutorialRender.video_360",
        "courses.TutorialRender.poster",
        "courses.CaptureShot.image",
        "sandbox.DossierAttachment.file",
        "wagtailimages.Image.file",
        "wagtailimages.Rendition.file",
    ):
        assert f"{field}: 0 tệp, thiếu 0" in text

    line, status = _audit("--json", "--orphans", "renders")
    assert status == 1
    assert json.loads(line) == {
        "checked": 2,
        "missing": [{"field": "wagtaildocs.Document.file", "name": lost.file.name}],
        "orphans": ["renders/7/abc/360p.mp4"],
    }


def test_audit_lists_bucket_folders_instead_of_asking_for_each_file(documents, monkeypatch):
    def head_request(self, name):
        raise AssertionError(f"HEAD {name}")

    monkeypatch.setattr(MediaBucketStorage, "exists", head_request)
    _text, status = _audit()
    assert status == 1


def test_audit_of_complete_media_exits_0(bucket, db):
    get_document_model().objects.create(
        title="Tờ khai", file=ContentFile(b"%PDF-1.4", name="to-khai.pdf")
    )
    line, status = _audit("--json")
    assert status == 0
    assert json.loads(line) == {"checked": 1, "missing": [], "orphans": []}


def test_audit_works_on_the_local_disk_too(db, media_root):
    Document = get_document_model()
    lost = Document.objects.create(title="Tờ khai", file=ContentFile(b"%PDF", name="a.pdf"))
    Path(lost.file.path).unlink()
    (media_root / "renders" / "7" / "abc").mkdir(parents=True)
    (media_root / "renders" / "7" / "abc" / "poster.jpg").write_bytes(b"\xff\xd8")

    line, status = _audit("--json", "--orphans", "renders/")
    assert status == 1
    report = json.loads(line)
    assert report["missing"] == [{"field": "wagtaildocs.Document.file", "name": lost.file.name}]
    assert report["orphans"] == ["renders/7/abc/poster.jpg"]
