"""Safety checks for the photos of documents that learners attach in the sandbox.

Nothing a learner uploads is stored as received: `clean_photo_upload` checks it and
returns freshly encoded pixels (no EXIF, GPS, XMP or comments, which are personal data
under PDPL 91/2025), and `safe_stored_name` gives the storage key, never the name the
phone sent (a path or a script's extension must not reach the disk).

The messages are Vietnamese literals for now, not gettext msgids: they move into
site/locale with the rest of the sandbox's strings when its views are translated.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import struct
import uuid
import warnings
from dataclasses import dataclass
from io import BytesIO
from typing import TYPE_CHECKING

from PIL import Image, ImageOps

from django.conf import settings

from home.text import vn_number

if TYPE_CHECKING:
    from typing import Protocol

    class Upload(Protocol):
        """What an upload is read through: a Django UploadedFile, or anything with
        ``.read()``; ``.size`` and ``.seek()`` are used when it has them."""

        def read(self, size: int = ..., /) -> bytes: ...


logger = logging.getLogger(__name__)

MIB = 1024 * 1024
DEFAULT_MAX_BYTES = 10 * MIB
# A 48 Mpx phone camera is refused; phones take 12 Mpx photos unless told otherwise.
DEFAULT_MAX_PIXELS = 40_000_000
MAX_LONG_SIDE = 3000
JPEG_QUALITY = 85
# Screenshots and scans of forms have few colours; PNG keeps their text sharp.
PNG_MAX_COLOURS = 4096
ACCEPTED_FORMATS = ["JPEG", "PNG", "WEBP"]
STORED_EXTENSIONS = {"jpg", "png"}

TRY_AGAIN = "Hãy chụp giấy tờ bằng điện thoại rồi gửi ảnh dạng JPG hoặc PNG."
MESSAGES = {
    "too_large": "Tệp quá lớn ({size}). Ảnh giấy tờ chỉ được tối đa {limit}: hãy chụp lại ở "
    "chế độ thường hoặc gửi ảnh đã thu nhỏ.",
    "empty": "Tệp đã chọn không có nội dung (0 byte). Hãy chọn lại ảnh giấy tờ rồi gửi lại.",
    "not_an_image": "Tệp này không phải là ảnh. " + TRY_AGAIN,
    "pdf_not_photo": "Đây là tệp PDF, không phải ảnh. Ở bước này cần ảnh chụp giấy tờ: hãy "
    "chụp giấy tờ bằng điện thoại rồi gửi ảnh dạng JPG hoặc PNG.",
    "svg_not_allowed": "Tệp SVG là hình vẽ, không phải ảnh chụp, nên không được nhận. " + TRY_AGAIN,
    "heic": "Đây là ảnh HEIC (thường do iPhone chụp), hệ thống chưa đọc được. Trên iPhone, "
    "hãy vào Cài đặt > Camera > Định dạng, chọn “Tương thích nhất” rồi chụp lại; hoặc chụp "
    "màn hình ảnh đó và gửi ảnh chụp màn hình.",
    "gif": "Ảnh GIF không dùng được cho hồ sơ. " + TRY_AGAIN,
    "office_document": "Đây là tệp Word, Excel hoặc PowerPoint, không phải ảnh. Hãy chụp "
    "giấy tờ bằng điện thoại, hoặc chụp màn hình trang tài liệu, rồi gửi ảnh đó.",
    "archive": "Đây là tệp nén (ZIP, RAR…), không phải ảnh. Hãy gửi từng ảnh giấy tờ riêng, "
    "dạng JPG hoặc PNG.",
    "video": "Đây là tệp video, không phải ảnh. Hãy chụp ảnh giấy tờ (không quay video) rồi "
    "gửi ảnh đó.",
    "bad_type": "Hệ thống chỉ nhận ảnh JPG, PNG hoặc WebP, còn tệp này là ảnh dạng {name}. "
    "Hãy lưu lại ảnh dưới dạng JPG, hoặc chụp lại giấy tờ bằng điện thoại.",
    "too_many_pixels": "Ảnh quá lớn{dimensions}. Hãy chụp lại ở chế độ "
    "thường (không dùng chế độ độ phân giải cao) hoặc gửi ảnh đã thu nhỏ.",
    "truncated": "Ảnh bị thiếu một phần, có thể do tải lên chưa xong. Hãy gửi lại ảnh; nếu "
    "vẫn lỗi, hãy chụp lại giấy tờ.",
    "corrupt": "Ảnh bị hỏng nên không mở được. Hãy chụp lại giấy tờ rồi gửi ảnh mới.",
}

# First bytes of files people pick by mistake, checked once JPEG, PNG and WebP are ruled out.
SIGNATURES = (
    ((b"GIF87a", b"GIF89a"), "gif", ""),
    ((b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",), "office_document", ""),  # .doc, .xls, .ppt
    ((b"PK\x03\x04", b"PK\x05\x06", b"Rar!\x1a\x07", b"7z\xbc\xaf\x27\x1c"), "archive", ""),
    ((b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00"), "archive", ""),  # gzip, bzip2, xz
    ((b"BM",), "bad_type", "BMP"),
    ((b"II*\x00", b"MM\x00*"), "bad_type", "TIFF"),
    ((b"\x00\x00\x01\x00",), "bad_type", "ICO"),
    ((b"8BPS",), "bad_type", "PSD"),
    ((b"SIMPLE  =",), "bad_type", "FITS"),
    ((b"\xff\x4f\xff\x51", b"\x00\x00\x00\x0cjP  "), "bad_type", "JPEG 2000"),
    ((b"\xff\x0a", b"\x00\x00\x00\x0cJXL "), "bad_type", "JPEG XL"),
)
HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
OFFICE_ZIP_MARKERS = (b"[Content_Types].xml", b"mimetypeapplication/vnd.oasis.opendocument")
# What Pillow raises on hostile or broken input (its own Image.open catches the same).
DECODE_ERRORS = (OSError, ValueError, SyntaxError, EOFError, LookupError, TypeError, struct.error)


class UploadRejected(Exception):
    """An upload we will not store. `code` is stable for tests and logs; `message` is the
    Vietnamese sentence shown to the learner, saying what is wrong and what to do."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    content_type: str
    extension: str
    width: int
    height: int
    original_size: int


def _reject(code: str, **values: str) -> UploadRejected:
    return UploadRejected(code, MESSAGES[code].format(**values))


def _size_text(n: int) -> str:
    if n < MIB:
        return f"{n / 1024:.1f} KB".replace(".", ",")
    return f"{n / MIB:.1f} MB".replace(".", ",")


def _limit_text(n: int) -> str:
    return f"{n / MIB:g} MB".replace(".", ",") if n >= MIB else _size_text(n)


def _setting(name: str, default: int) -> int:
    return getattr(settings, name, default) if settings.configured else default


def _read_at_most(uploaded: Upload, limit: int) -> bytes:
    """Read up to `limit` bytes; a reader that ignores .size cannot make us hold more."""
    with contextlib.suppress(AttributeError, OSError):
        uploaded.seek(0)
    chunks, total = [], 0
    while total < limit:
        chunk = uploaded.read(min(64 * 1024, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _sniff(data: bytes) -> None:
    """Refuse anything that is not JPEG, PNG or WebP by its first bytes, naming what it
    looks like, since the file name and browser content type are the user's to fake."""
    if data.startswith((b"\xff\xd8", b"\x89PNG\r\n\x1a\n")):
        return
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return
    if b"%PDF-" in data[:1024]:  # the PDF spec allows junk before the header
        raise _reject("pdf_not_photo")
    text = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<") and b"<svg" in text and b"<html" not in text:
        raise _reject("svg_not_allowed")
    if data[4:8] == b"ftyp":
        brand = data[8:12]
        if brand in HEIF_BRANDS:
            raise _reject("heic")
        if brand in (b"avif", b"avis"):
            raise _reject("bad_type", name="AVIF")
        raise _reject("video")  # MP4, MOV and 3GP share the ISO container
    if data.startswith(b"PK") and any(marker in data for marker in OFFICE_ZIP_MARKERS):
        raise _reject("office_document")
    for prefixes, code, name in SIGNATURES:
        if data.startswith(prefixes):
            raise _reject(code, name=name)
    raise _reject("not_an_image")


def _uses_transparency(img: Image.Image) -> bool:
    """Many phones and editors save fully opaque RGBA; only real transparency counts."""
    has_alpha = "A" in img.getbands()
    if not has_alpha and "transparency" not in img.info:
        return False
    rgba = img if has_alpha else img.convert("RGBA")
    return rgba.getchannel("A").getextrema()[0] < 255


def _normalise(img: Image.Image, source_format: str) -> tuple[Image.Image, str]:
    """Choose the stored format and a mode it can hold.

    Images that really use transparency are stored as PNG (RGBA), and so are PNGs with
    at most PNG_MAX_COLOURS colours (screenshots of the portal, scanned line art: JPEG
    would blur the text). Everything else, photos saved as PNG included, becomes JPEG,
    a fraction of the size.
    """
    transparent = _uses_transparency(img)
    if img.mode.startswith("I"):
        # Pillow clips 16-bit grey to 255 when converting to L; scale it down instead.
        img = img.convert("I").point(lambda value: value / 256)
    if transparent:
        mode = "RGBA"
    else:
        mode = "L" if img.mode in ("1", "L", "LA", "I") else "RGB"
    if img.mode != mode:
        img = img.convert(mode)
    few_colours = source_format == "PNG" and img.getcolors(PNG_MAX_COLOURS) is not None
    return img, "PNG" if transparent or few_colours else "JPEG"


def clean_photo_upload(
    uploaded: Upload, *, max_bytes: int | None = None, max_pixels: int | None = None
) -> CleanImage:
    """Check an uploaded photo of a document and return it re-encoded, or raise UploadRejected.

    `uploaded` is a Django UploadedFile or anything with .read() and .size. The name and
    content type are ignored. Checks run cheapest first: declared size, bytes read (never
    more than max_bytes + 1), empty, magic bytes, pixel count from the header (before any
    decoding, so a 20 000 × 20 000 bomb costs nothing), then a full decode.

    The stored image is rotated upright (EXIF orientation), shrunk so its long side is at
    most MAX_LONG_SIDE px (phones shoot 4000 px; 3000 px reads a document comfortably and
    halves the storage), and written to a new buffer with no EXIF, GPS, XMP, comments or
    colour profile. It is JPEG (quality 85, optimised) unless `_normalise` keeps PNG.

    Defaults come from settings SANDBOX_UPLOAD_MAX_BYTES and SANDBOX_UPLOAD_MAX_PIXELS.
    """
    if max_bytes is None:
        max_bytes = _setting("SANDBOX_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES)
    if max_pixels is None:
        max_pixels = _setting("SANDBOX_UPLOAD_MAX_PIXELS", DEFAULT_MAX_PIXELS)
    declared = getattr(uploaded, "size", None)
    if isinstance(declared, int) and declared > max_bytes:
        raise _reject("too_large", size=_size_text(declared), limit=_limit_text(max_bytes))
    data = _read_at_most(uploaded, max_bytes + 1)
    if len(data) > max_bytes:
        limit = _limit_text(max_bytes)
        raise _reject("too_large", size=f"hơn {limit}", limit=limit)
    if not data:
        raise _reject("empty")
    _sniff(data)

    # Thread-unsafe on Python < 3.14, but only a second guard: the explicit pixel check
    # below refuses anything Pillow would warn about (MAX_IMAGE_PIXELS stays as Wagtail
    # expects it).
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        # Damaged EXIF only costs the orientation, and EXIF is dropped anyway: not log-worthy.
        warnings.simplefilter("ignore", UserWarning)
        try:
            img = Image.open(BytesIO(data), formats=ACCEPTED_FORMATS)
            width, height = img.size
            if width * height > max_pixels:
                dimensions = f" ({vn_number(width)} × {vn_number(height)} điểm ảnh)"
                raise _reject("too_many_pixels", dimensions=dimensions)
            img.load()
            source_format = img.format
            ImageOps.exif_transpose(img, in_place=True)
            img, stored_format = _normalise(img, source_format)
            img.thumbnail((MAX_LONG_SIDE, MAX_LONG_SIDE), Image.Resampling.LANCZOS)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _reject("too_many_pixels", dimensions="") from exc
        except DECODE_ERRORS as exc:
            logger.info("Photo upload refused as unreadable: %s", exc)
            # Pillow tells a cut-off file from a damaged one only in the message.
            code = "truncated" if "truncated" in str(exc) else "corrupt"
            raise _reject(code) from exc

    # Savers copy some metadata (JPEG comments, PNG ICC profiles) from .info: drop it all.
    img.info.clear()
    buffer = BytesIO()
    if stored_format == "PNG":
        # No optimize: it multiplies the time on a 3000 px screenshot for a few per cent.
        img.save(buffer, "PNG")
    else:
        img.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return CleanImage(
        content=buffer.getvalue(),
        content_type=f"image/{stored_format.lower()}",
        extension="png" if stored_format == "PNG" else "jpg",
        width=img.width,
        height=img.height,
        original_size=len(data),
    )


def upload_sha256(uploaded: Upload, *, max_bytes: int | None = None) -> str:
    """SHA-256 of the bytes as sent (at most max_bytes + 1 of them, as
    `clean_photo_upload` reads), to recognise the same photo sent twice before spending
    time decoding it. Leaves the file at its start for the next reader."""
    if max_bytes is None:
        max_bytes = _setting("SANDBOX_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES)
    digest = hashlib.sha256(_read_at_most(uploaded, max_bytes + 1))
    with contextlib.suppress(AttributeError, OSError):
        uploaded.seek(0)
    return digest.hexdigest()


def safe_stored_name(extension: str) -> str:
    """A random storage name such as "3f2a…c9.jpg": nothing from the user's file name, so
    no path tricks, no overwrites, and no personal data in storage keys."""
    if extension not in STORED_EXTENSIONS:
        raise ValueError(f"Unexpected extension for a stored photo: {extension!r}")
    return f"{uuid.uuid4().hex}.{extension}"
