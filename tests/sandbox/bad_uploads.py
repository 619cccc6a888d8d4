"""Hostile and ordinary uploads for the sandbox's photo checks, all built in memory
(none is committed): the catalogue of files a learner or an attacker might send, and a
phone photo carrying GPS, XMP and a comment."""

import gzip
import io
import struct
import zipfile
import zlib

import pytest
from PIL import ExifTags, Image, ImageDraw, PngImagePlugin

from django.core.files.uploadedfile import SimpleUploadedFile

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
