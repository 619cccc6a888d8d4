"""The sandbox's photo-upload checks: what a learner sees when a file is refused, and what
is stored when it is accepted. Every file is built here; none is committed."""

import gzip
import io
import random
import struct
import tracemalloc
import unicodedata
import warnings
import zipfile
import zlib

import pytest
from PIL import ExifTags, Image, ImageDraw, ImageFile, ImageFont, ImageOps, PngImagePlugin

from django.core.files.uploadedfile import SimpleUploadedFile

from sandbox.uploads import (
    CleanImage,
    UploadRejected,
    clean_photo_upload,
    safe_stored_name,
)

MB = 1024 * 1024
VIETNAMESE_LETTERS = set("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
XMP_NAMESPACE = b"http://ns.adobe.com/xap/1.0/"
XMP_PACKET = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="Camera"/>'
    b'</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)
PDF = b"%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


# --- building files ---------------------------------------------------------------------


def photo(size=(1200, 900)):
    """Many colours, like a camera photo (a flat image would be kept as PNG line art)."""
    noise = Image.effect_noise(size, 40)
    gradient = Image.linear_gradient("L").resize(size)
    return Image.merge("RGB", (noise, gradient, gradient.transpose(Image.Transpose.ROTATE_180)))


def encode(img, fmt, **params):
    buffer = io.BytesIO()
    img.save(buffer, fmt, **params)
    return buffer.getvalue()


def jpeg(size=(1200, 900)):
    return encode(photo(size), "JPEG", quality=90)


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width=20000, height=20000):
    """A valid 1-bit PNG of zeros: ~50 KB on disk, 400 MB once Pillow decodes it to L."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = b"\x00" * (1 + (width + 7) // 8)
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row * 1000) for _ in range(height // 1000))
    body += compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", body)
        + png_chunk(b"IEND", b"")
    )


def png_with_huge_ztxt():
    small = encode(Image.new("RGB", (10, 10), "white"), "PNG")
    text = png_chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(b"A" * (20 * MB), 9))
    return small[:33] + text + small[33:]  # after the signature and IHDR


def jpeg_claiming(width, height):
    data = bytearray(jpeg((64, 48)))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def jpeg_with_corrupt_huffman_table():
    data = bytearray(jpeg((600, 400)))
    table = data.index(b"\xff\xc4")
    data[table + 5 : table + 21] = b"\xff" * 16  # code counts that cannot be a Huffman tree
    return bytes(data)


def zip_of(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def upload(name, content, content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


class RawUpload:
    """An upload exactly as a client sent it: the name is not sanitised as Django would,
    the size may lie, and every byte read is counted."""

    def __init__(self, name, content=b"", *, size=None, stream=None):
        self.name = name
        self.content_type = "image/jpeg"
        self.size = len(content) if size is None else size
        self.stream = stream or io.BytesIO(content)
        self.bytes_read = 0

    def read(self, n=-1):
        chunk = self.stream.read(n)
        self.bytes_read += len(chunk)
        return chunk


class EndlessZeros(io.RawIOBase):
    def readinto(self, buffer):
        buffer[:] = bytes(len(buffer))
        return len(buffer)


def bad(case_id, code, build):
    return pytest.param(build, code, id=case_id)


BAD_UPLOADS = [
    # Wrong type behind a photo's name or content type.
    bad("pdf-named-jpg", "pdf_not_photo", lambda: upload("cccd.jpg", PDF)),
    bad("pdf-where-photo-asked", "pdf_not_photo", lambda: upload("ks.pdf", PDF, "application/pdf")),
    bad("pdf-after-junk-bytes", "pdf_not_photo", lambda: upload("scan.jpg", b"\r\n\r\n" + PDF)),
    bad("html-named-jpg", "not_an_image", lambda: upload("anh.jpg", HTML)),
    bad("zip-named-png", "archive", lambda: upload("anh.png", zip_of({"a.txt": "x"}))),
    bad(
        "docx-named-jpg",
        "office_document",
        lambda: upload(
            "don.jpg",
            zip_of({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}),
        ),
    ),
    bad(
        "odt-document",
        "office_document",
        lambda: upload("don.odt", zip_of({"mimetype": "application/vnd.oasis.opendocument.text"})),
    ),
    bad(
        "old-word-doc",
        "office_document",
        lambda: upload("to-khai.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)),
    ),
    bad("rar-archive", "archive", lambda: upload("hoso.rar", b"Rar!\x1a\x07\x01\x00" + bytes(64))),
    bad("gzip-named-jpg", "archive", lambda: upload("anh.jpg", gzip.compress(b"x" * 100))),
    bad("exe-mz-named-jpg", "not_an_image", lambda: upload("anh.jpg", b"MZ\x90\x00" + bytes(60))),
    bad(
        "elf-named-png",
        "not_an_image",
        lambda: upload("anh.png", b"\x7fELF\x02\x01\x01" + bytes(9)),
    ),
    bad(
        "php-named-jpg-php",
        "not_an_image",
        lambda: upload("anh.jpg.php", b"<?php system($_GET['c']); ?>"),
    ),
    bad(
        "mp4-video-named-jpg",
        "video",
        lambda: upload("anh.jpg", b"\x00\x00\x00\x18ftypmp42" + bytes(8)),
    ),
    bad(
        "mov-video", "video", lambda: upload("IMG_0001.MOV", b"\x00\x00\x00\x14ftypqt  " + bytes(8))
    ),
    # Other image formats.
    bad("gif-named-jpg", "gif", lambda: upload("anh.jpg", encode(photo((64, 48)), "GIF"))),
    bad("gif-1x1-pixel", "gif", lambda: upload("pixel.gif", encode(Image.new("P", (1, 1)), "GIF"))),
    bad("bmp", "bad_type", lambda: upload("scan.bmp", encode(photo((64, 48)), "BMP"))),
    bad("tiff-named-jpg", "bad_type", lambda: upload("scan.jpg", encode(photo((64, 48)), "TIFF"))),
    bad("ico-named-jpg", "bad_type", lambda: upload("anh.jpg", encode(photo((32, 32)), "ICO"))),
    bad(
        "fits-header-named-jpg",
        "bad_type",
        lambda: upload("anh.jpg", b"SIMPLE  =                    T".ljust(2880, b" ")),
    ),
    bad("photoshop-psd", "bad_type", lambda: upload("anh.psd", b"8BPS\x00\x01" + bytes(20))),
    bad(
        "jpeg-2000",
        "bad_type",
        lambda: upload("anh.jp2", b"\x00\x00\x00\x0cjP  \r\n\x87\n" + bytes(20)),
    ),
    bad("avif", "bad_type", lambda: upload("anh.avif", b"\x00\x00\x00\x1cftypavif" + bytes(16))),
    bad(
        "heic-iphone",
        "heic",
        lambda: upload("IMG_0001.HEIC", b"\x00\x00\x00\x18ftypheic" + bytes(8)),
    ),
    bad(
        "heif-mif1-named-jpg",
        "heic",
        lambda: upload("anh.jpg", b"\x00\x00\x00\x18ftypmif1" + bytes(8)),
    ),
    # Too big, in bytes or in pixels.
    bad("jpeg-40-mb", "too_large", lambda: upload("anh.jpg", jpeg((64, 48)) + bytes(40 * MB))),
    bad("png-bomb-20000x20000", "too_many_pixels", lambda: upload("bom.png", png_bomb())),
    bad(
        "jpeg-header-claims-50000px",
        "too_many_pixels",
        lambda: upload("a.jpg", jpeg_claiming(50000, 50000)),
    ),
    # Broken images.
    bad("jpeg-cut-in-half", "truncated", lambda: upload("a.jpg", jpeg()[: len(jpeg()) // 2])),
    bad("png-cut-in-half", "truncated", lambda: upload("a.png", encode(photo(), "PNG")[:200_000])),
    bad(
        "jpeg-corrupt-huffman-table",
        "corrupt",
        lambda: upload("a.jpg", jpeg_with_corrupt_huffman_table()),
    ),
    bad("jpeg-soi-marker-only", "corrupt", lambda: upload("a.jpg", b"\xff\xd8")),
    bad("jpeg-headers-without-image-data", "corrupt", lambda: upload("a.jpg", jpeg()[:600])),
    bad(
        "polyglot-jpeg-header-and-html",
        "corrupt",
        lambda: upload(
            "a.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + HTML
        ),
    ),
    bad("png-signature-only", "corrupt", lambda: upload("a.png", b"\x89PNG\r\n\x1a\n")),
    bad("png-huge-ztxt-chunk", "corrupt", lambda: upload("a.png", png_with_huge_ztxt())),
    bad(
        "webp-corrupt",
        "corrupt",
        lambda: upload("a.webp", b"RIFF\x20\x00\x00\x00WEBPVP8 " + bytes(24)),
    ),
    bad("webp-cut-in-half", "corrupt", lambda: upload("a.webp", encode(photo(), "WEBP")[:5000])),
    # Drawings and text.
    bad("svg-with-script", "svg_not_allowed", lambda: upload("logo.svg", SVG, "image/svg+xml")),
    bad("svg-named-jpg", "svg_not_allowed", lambda: upload("anh.jpg", SVG)),
    bad(
        "svg-with-bom-and-xml-prolog",
        "svg_not_allowed",
        lambda: upload("anh.png", b'\xef\xbb\xbf<?xml version="1.0"?>\n' + SVG),
    ),
    bad(
        "html-page-with-inline-svg-icon",
        "not_an_image",
        lambda: upload("anh.jpg", b"<!DOCTYPE html><html><body>" + SVG + b"</body></html>"),
    ),
    bad("zero-byte-file", "empty", lambda: upload("anh.jpg", b"")),
    bad(
        "text-file",
        "not_an_image",
        lambda: upload("ghichu.txt", "Họ và tên: Nguyễn Văn A".encode()),
    ),
    bad("json-file", "not_an_image", lambda: upload("anh.jpg", b'{"so_cccd": "079123456789"}')),
    bad(
        "passwd-path-traversal-name",
        "not_an_image",
        lambda: RawUpload("../../etc/passwd.jpg", b"root:x:0:0:root:/root:/bin/bash\n"),
    ),
    bad(
        "nul-and-rtl-override-in-name",
        "not_an_image",
        lambda: RawUpload("anh\x00\u202egpj.exe", b"MZ\x90\x00" + bytes(60)),
    ),
]


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


def phone_photo_with_gps(fmt):
    """400×300 pixels stored sideways (Orientation 6), red on the left, blue on the right,
    with GPS in Hà Nội, XMP and a comment naming the citizen."""
    img = Image.new("RGB", (400, 300), (220, 30, 30))
    ImageDraw.Draw(img).rectangle((200, 0, 400, 300), fill=(30, 30, 220))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "PhoneMaker"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (21.0, 1.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (105.0, 51.0, 12.0)
    params = {"exif": exif, "xmp": XMP_PACKET}
    if fmt == "JPEG":
        params["comment"] = b"Nguyen Van A 079123456789"
    if fmt == "PNG":  # Pillow's PNG writer takes XMP as an iTXt chunk
        params["pnginfo"] = PngImagePlugin.PngInfo()
        params["pnginfo"].add_itxt("XML:com.adobe.xmp", XMP_PACKET.decode())
    return encode(img, fmt, **params)


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
