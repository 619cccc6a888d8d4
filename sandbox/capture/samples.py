"""The sample photo a capture attaches: a paper document, clearly a practice copy."""

import functools
import io
import unicodedata

from fontpkg_be_vietnam_pro import ROOT as FONT_ROOT
from PIL import Image, ImageDraw, ImageFont


def _font(size, weight="Regular"):
    return ImageFont.truetype(str(FONT_ROOT / "files" / f"BeVietnamPro-{weight}.ttf"), size)


@functools.lru_cache(maxsize=16)
def sample_document_jpeg(title: str) -> bytes:
    """A 900×1200 photo of a sheet titled ``title``, watermarked BẢN LUYỆN TẬP."""
    page = Image.new("RGB", (900, 1200), (236, 232, 222))
    sheet = ImageDraw.Draw(page)
    sheet.rectangle((60, 60, 840, 1140), fill=(252, 251, 247), outline=(200, 196, 186), width=3)
    sheet.text(
        (450, 140),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        font=_font(30, "Bold"),
        fill=(30, 30, 30),
        anchor="mm",
    )
    sheet.text(
        (450, 185),
        "Độc lập - Tự do - Hạnh phúc",
        font=_font(28, "SemiBold"),
        fill=(30, 30, 30),
        anchor="mm",
    )
    sheet.text(
        (450, 290),
        unicodedata.normalize("NFC", title).upper()[:40],
        font=_font(34, "Bold"),
        fill=(20, 20, 20),
        anchor="mm",
    )
    for row in range(10):
        y = 400 + row * 64
        sheet.line((120, y, 780, y), fill=(170, 170, 170), width=2)
    sheet.text(
        (450, 1060), "BẢN LUYỆN TẬP", font=_font(64, "Bold"), fill=(190, 40, 40), anchor="mm"
    )
    buffer = io.BytesIO()
    page.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()
