"""The sandbox's photo-upload checks: what a learner sees when a file is refused, and what
is stored when it is accepted. Every file is built here; none is committed."""

import io
import random
import tracemalloc
import unicodedata
import warnings

import pytest
from PIL import ExifTags, Image, ImageDraw, ImageFile, ImageFont, ImageOps

from sandbox.uploads import (
    CleanImage,
    UploadRejected,
    clean_photo_upload,
    safe_stored_name,
)
from tests.sandbox.bad_uploads import (
    BAD_UPLOADS,
    MB,
    VIETNAMESE_LETTERS,
    XMP_NAMESPACE,
    EndlessZeros,
    RawUpload,
    encode,
    jpeg,
    jpeg_claiming,
    phone_photo_with_gps,
    photo,
    png_bomb,
    upload,
)


def assert_friendly_vietnamese(message):
    assert message.strip()
    assert unicodedata.is_normalized("NFC", message)
    assert VIETNAMESE_LETTERS & set(message.lower()), message
    assert message.endswith(".")


# --- refused ----------------------------------------------------------------------------


@pytest.mark.parametrize(("build", "code"), BAD_UPLOADS)
def test_bad_upload_is_refused_with_a_vietnamese_message(build, code):
    uploaded = build()

    with pytest.raises(UploadRejected) as refused:
        clean_photo_upload(uploaded)

    assert refused.value.code == code
    assert str(refused.value) == refused.value.message
    assert_friendly_vietnamese(refused.value.message)
    assert uploaded.name not in refused.value.message


def test_damaged_copies_of_real_photos_never_raise_anything_else():
    """300 seeded random mutations (bytes flipped, cut short, spliced) of valid uploads: each
    is either accepted or refused kindly, never an error page."""
    originals = [
        jpeg((160, 120)),
        encode(photo((160, 120)), "PNG"),
        encode(photo((160, 120)), "WEBP"),
        phone_photo_with_gps("JPEG"),
    ]
    rng = random.Random(2026)
    for _ in range(300):
        data = bytearray(rng.choice(originals))
        cut = rng.randrange(len(data))
        if rng.random() < 0.3:
            del data[cut:]
        else:
            data[cut : cut + rng.randint(1, 40)] = rng.randbytes(rng.randint(0, 40))
        try:
            assert clean_photo_upload(upload("anh.jpg", bytes(data))).content
        except UploadRejected as refused:
            assert_friendly_vietnamese(refused.message)


def test_the_corpus_covers_at_least_thirty_bad_uploads():
    assert len(BAD_UPLOADS) >= 30


def test_a_declared_40_mb_file_is_refused_before_anything_is_read():
    uploaded = RawUpload("anh.jpg", size=40 * MB, stream=EndlessZeros())

    with pytest.raises(UploadRejected) as refused:
        clean_photo_upload(uploaded)

    assert refused.value.code == "too_large"
    assert uploaded.bytes_read == 0
    assert refused.value.message == (
        "Tệp quá lớn (40,0 MB). Ảnh giấy tờ chỉ được tối đa 10 MB: hãy chụp lại ở chế độ "
        "thường hoặc gửi ảnh đã thu nhỏ."
    )


def test_a_stream_longer_than_its_declared_size_is_read_only_to_the_limit():
    uploaded = RawUpload("anh.jpg", size=1000, stream=EndlessZeros())

    with pytest.raises(UploadRejected) as refused:
        clean_photo_upload(uploaded, max_bytes=2 * MB)

    assert refused.value.code == "too_large"
    assert uploaded.bytes_read == 2 * MB + 1
    assert "hơn 2 MB" in refused.value.message


def test_png_bomb_is_refused_from_its_header_without_decoding(monkeypatch):
    bomb = png_bomb()
    assert len(bomb) < 200_000
    decoded = []
    original_load = ImageFile.ImageFile.load
    monkeypatch.setattr(
        ImageFile.ImageFile, "load", lambda img: decoded.append(img) or original_load(img)
    )

    # tracemalloc sees Python's allocations only; `decoded` proves Pillow never decoded.
    tracemalloc.start()
    try:
        with pytest.raises(UploadRejected) as refused:
            clean_photo_upload(upload("bom.png", bomb))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert refused.value.code == "too_many_pixels"
    assert decoded == []
    assert peak < 50 * MB


def test_a_48_megapixel_photo_is_refused_with_its_size_in_the_message():
    with pytest.raises(UploadRejected) as refused:
        clean_photo_upload(upload("IMG_48MP.jpg", jpeg_claiming(8000, 6000)))

    assert refused.value.code == "too_many_pixels"
    assert "Ảnh quá lớn (8.000 × 6.000 điểm ảnh)." in refused.value.message


def test_pillow_bomb_warning_is_an_error_without_changing_global_state():
    filters_before = list(warnings.filters)
    limit_before = Image.MAX_IMAGE_PIXELS

    # 100 Mpx is above Pillow's own warning threshold; the caller's limit would allow it.
    with pytest.raises(UploadRejected) as refused:
        clean_photo_upload(upload("a.png", png_bomb(10000, 10000)), max_pixels=200_000_000)

    assert refused.value.code == "too_many_pixels"
    assert warnings.filters == filters_before
    assert Image.MAX_IMAGE_PIXELS == limit_before
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_limits_come_from_settings(settings):
    settings.SANDBOX_UPLOAD_MAX_BYTES = 5000
    with pytest.raises(UploadRejected) as refused:
        clean_photo_upload(upload("a.jpg", jpeg()))
    assert refused.value.code == "too_large"
    assert "tối đa 4,9 KB" in refused.value.message

    settings.SANDBOX_UPLOAD_MAX_BYTES = 10 * MB
    settings.SANDBOX_UPLOAD_MAX_PIXELS = 1000
    with pytest.raises(UploadRejected) as refused:
        clean_photo_upload(upload("a.jpg", jpeg((40, 30))))
    assert refused.value.code == "too_many_pixels"


def test_heic_message_explains_the_iphone_setting():
    with pytest.raises(UploadRejected) as refused:
        clean_photo_upload(upload("IMG_0001.HEIC", b"\x00\x00\x00\x18ftypheic" + bytes(8)))

    assert "“Tương thích nhất”" in refused.value.message
    assert "chụp màn hình" in refused.value.message


# --- personal data is stripped ----------------------------------------------------------


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_gps_exif_xmp_and_comments_are_stripped_and_orientation_applied(fmt):
    original = phone_photo_with_gps(fmt)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert XMP_NAMESPACE in original

    clean = clean_photo_upload(upload(f"IMG_0001.{fmt.lower()}", original))

    stored = Image.open(io.BytesIO(clean.content))
    assert len(stored.getexif()) == 0
    assert stored.getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}
    assert not {"exif", "xmp", "comment", "XML:com.adobe.xmp"} & set(stored.info)
    for marker in (b"Exif\x00\x00", b"eXIf", XMP_NAMESPACE, b"079123456789", b"PhoneMaker"):
        assert marker not in clean.content
    # Turned upright: the left (red) half of the sensor is now the top.
    assert (clean.width, clean.height) == (300, 400) == stored.size
    red, _, blue = stored.convert("RGB").getpixel((150, 50))
    assert red > 150 > blue
    red, _, blue = stored.convert("RGB").getpixel((150, 350))
    assert blue > 150 > red


# --- accepted ---------------------------------------------------------------------------


def test_normal_jpeg_is_accepted_and_re_encoded():
    original = jpeg()

    clean = clean_photo_upload(upload("cccd-mat-truoc.jpg", original))

    assert isinstance(clean, CleanImage)
    assert (clean.content_type, clean.extension) == ("image/jpeg", "jpg")
    assert (clean.width, clean.height) == (1200, 900)
    assert clean.original_size == len(original)
    assert clean.content != original
    assert Image.open(io.BytesIO(clean.content)).format == "JPEG"


def test_png_screenshot_of_the_portal_stays_png():
    screen = Image.new("RGB", (1080, 1920), "white")
    draw = ImageDraw.Draw(screen)
    font = ImageFont.load_default(size=40)
    draw.rectangle((0, 0, 1080, 160), fill=(0, 82, 155))
    draw.text((40, 60), "Cổng Dịch vụ công quốc gia", fill="white", font=font)
    for line in range(20):
        draw.text((40, 200 + line * 80), f"Bước {line}: nộp hồ sơ", fill=(30, 30, 30), font=font)

    clean = clean_photo_upload(upload("Screenshot.png", encode(screen, "PNG"), "image/png"))

    assert (clean.content_type, clean.extension) == ("image/png", "png")
    assert (clean.width, clean.height) == (1080, 1920)
    assert Image.open(io.BytesIO(clean.content)).getpixel((500, 100)) == (0, 82, 155)


def test_transparent_png_keeps_its_transparency():
    img = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    ImageDraw.Draw(img).ellipse((50, 10, 150, 90), fill=(200, 0, 0, 255))

    clean = clean_photo_upload(upload("chu-ky.png", encode(img, "PNG")))

    stored = Image.open(io.BytesIO(clean.content))
    assert clean.extension == "png"
    assert stored.mode == "RGBA"
    assert stored.getpixel((0, 0))[3] == 0


def test_photo_saved_as_png_becomes_jpeg():
    clean = clean_photo_upload(upload("anh.png", encode(photo(), "PNG"), "image/png"))

    assert (clean.content_type, clean.extension) == ("image/jpeg", "jpg")


def test_webp_is_accepted():
    clean = clean_photo_upload(upload("anh.webp", encode(photo((800, 600)), "WEBP")))

    assert (clean.extension, clean.width, clean.height) == ("jpg", 800, 600)


@pytest.mark.parametrize(
    ("size", "expected"), [((4000, 3000), (3000, 2250)), ((3000, 4000), (2250, 3000))]
)
def test_phone_photo_is_downscaled_to_3000_px_on_its_long_side(size, expected):
    clean = clean_photo_upload(upload("IMG_1234.jpg", jpeg(size)))

    assert (clean.width, clean.height) == expected
    assert Image.open(io.BytesIO(clean.content)).size == expected


def test_awkward_but_valid_images_are_accepted():
    cmyk = clean_photo_upload(upload("scan.jpg", encode(photo((300, 200)).convert("CMYK"), "JPEG")))
    grey16 = Image.new("I;16", (300, 200), 40000)
    deep = clean_photo_upload(upload("scan.png", encode(grey16, "PNG")))

    assert cmyk.extension == "jpg"
    assert Image.open(io.BytesIO(cmyk.content)).mode == "RGB"
    # 40000/65535 of white, not clipped to white.
    assert 150 <= Image.open(io.BytesIO(deep.content)).getpixel((10, 10)) <= 160


def test_name_and_content_type_are_ignored_for_a_real_photo():
    clean = clean_photo_upload(upload("giay-to.pdf", jpeg((300, 200)), "application/pdf"))

    assert clean.extension == "jpg"


def test_data_hidden_after_a_jpeg_is_not_stored():
    payload = b"<?php system($_GET['c']); ?>"

    clean = clean_photo_upload(upload("anh.jpg", jpeg((300, 200)) + payload))

    assert payload not in clean.content


def test_stored_photo_matches_what_pillow_shows_upright():
    original = phone_photo_with_gps("JPEG")
    upright = ImageOps.exif_transpose(Image.open(io.BytesIO(original))).convert("RGB")

    stored = Image.open(io.BytesIO(clean_photo_upload(upload("a.jpg", original)).content))

    assert stored.size == upright.size
    for point in [(10, 10), (290, 10), (150, 200), (10, 390), (290, 390)]:
        expected = upright.getpixel(point)
        actual = stored.convert("RGB").getpixel(point)
        assert all(abs(a - b) < 40 for a, b in zip(actual, expected, strict=True))


# --- stored names -----------------------------------------------------------------------


def test_stored_names_are_random_and_never_the_users_name():
    names = {safe_stored_name("jpg") for _ in range(200)}

    assert len(names) == 200
    for name in names:
        stem, extension = name.split(".")
        assert extension == "jpg"
        assert len(stem) == 32
        assert set(stem) <= set("0123456789abcdef")
    assert safe_stored_name("png").endswith(".png")


def test_stored_names_refuse_an_extension_from_the_user():
    with pytest.raises(ValueError):
        safe_stored_name("php")
    with pytest.raises(ValueError):
        safe_stored_name("../../etc/passwd")
