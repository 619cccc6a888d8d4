"""The bad-upload corpus through the real wizard: 0 stored files, 0 server errors, and a
photo's GPS position never reaches the disk."""

import io

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile

from sandbox.context import PracticeContext
from sandbox.models import DossierAttachment
from sandbox.selectors import attachment_slots
from sandbox.services.accounts import identity_issue
from sandbox.services.dossiers import dossier_start
from tests.sandbox.bad_uploads import BAD_UPLOADS, phone_photo_with_gps

OWNER = "s-upload-views"


@pytest.fixture
def draft(client, demo_site):
    from courses.models import ProcedurePage
    from sandbox.demo.loader import sandbox_demo_seed

    sandbox_demo_seed()
    ctx = PracticeContext(owner_key=OWNER)
    identity = identity_issue(ctx=ctx)
    dossier = dossier_start(
        ctx=ctx,
        identity=identity,
        procedure=ProcedurePage.objects.get(slug="dang-ky-khai-sinh"),
        agency_name="Ủy ban nhân dân xã Đầm Dơi (luyện tập)",
    )
    session = client.session
    session["sandbox_owner"] = OWNER
    session["sandbox_identity"] = str(identity.pk)
    session.save()
    slot = attachment_slots(dossier)[0]["slot"]
    return dossier, f"/thuc-hanh/ho-so/{dossier.pk}/buoc/attachments/", f"slot_{slot}"


def stored_files(media_root):
    folder = media_root / "sandbox"
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


def as_posted_file(build):
    made = build()
    if isinstance(made, SimpleUploadedFile):
        made.seek(0)
        return SimpleUploadedFile(made.name, made.read(), content_type=made.content_type)
    # Uploads whose declared size lies cannot be sent by a real client: post the bytes.
    content = made.stream.read(12 * 1024 * 1024) if hasattr(made, "stream") else b""
    return SimpleUploadedFile(made.name or "anh.jpg", content, content_type="image/jpeg")


def test_every_bad_upload_is_refused_by_the_wizard_and_nothing_is_stored(client, draft, media_root):
    dossier, url, field = draft
    server_errors, refused = [], 0
    for param in BAD_UPLOADS:
        build, _code = param.values
        response = client.post(url, {field: as_posted_file(build), "upload": "1"})
        if response.status_code >= 500:
            server_errors.append(param.id)
            continue
        html = response.content.decode()
        assert response.status_code == 200, param.id
        assert "Giấy tờ đính kèm" in html and 'class="field-error"' in html, param.id
        refused += 1
    assert server_errors == []
    assert refused == len(BAD_UPLOADS) >= 30
    assert DossierAttachment.objects.filter(dossier=dossier).count() == 0
    assert stored_files(media_root) == []


def test_a_40_mb_photo_is_refused_with_its_size_and_not_stored(client, draft, media_root):
    dossier, url, field = draft
    big = b"\xff\xd8\xff\xe0" + bytes(40 * 1024 * 1024)
    response = client.post(
        url, {field: SimpleUploadedFile("anh.jpg", big, "image/jpeg"), "upload": "1"}
    )
    assert response.status_code == 200
    assert "40,0 MB" in response.content.decode()
    assert stored_files(media_root) == []


def test_a_phone_photo_comes_back_without_its_gps_position(client, draft, media_root):
    dossier, url, field = draft
    photo = phone_photo_with_gps("JPEG")
    assert Image.open(io.BytesIO(photo)).getexif().get_ifd(0x8825)  # GPS is really there
    response = client.post(
        url, {field: SimpleUploadedFile("IMG_2026.jpg", photo, "image/jpeg"), "upload": "1"}
    )
    assert response.status_code == 302
    attachment = DossierAttachment.objects.get(dossier=dossier)
    assert "IMG_2026" not in attachment.file.name  # stored under a random name
    served = client.get(f"/thuc-hanh/tep/{attachment.pk}/")
    content = b"".join(served.streaming_content)
    stored = Image.open(io.BytesIO(content))
    assert stored.getexif().get_ifd(0x8825) == {}
    assert len(stored.getexif()) == 0
    assert b"Exif\x00\x00" not in content
    assert b"http://ns.adobe.com/xap/1.0/" not in content
    assert stored.size == (300, 400)  # orientation applied, then dropped
