"""Mock phone screens for the demo steps, drawn with Pillow.

They stand in for real screenshots until the sandbox can be captured; each is clearly
labelled as an illustration so nobody mistakes it for the real portal.
"""

import io
import unicodedata

from fontpkg_be_vietnam_pro import ROOT as FONT_ROOT
from PIL import Image, ImageDraw, ImageFont

WIDTH = 360
INK = (26, 26, 26)
BRAND = (11, 79, 138)
HIGHLIGHT = (230, 120, 0)
LABEL = "ẢNH MINH HỌA · KHÔNG PHẢI CỔNG THẬT"


def _font(size, weight="Regular"):
    return ImageFont.truetype(str(FONT_ROOT / "files" / f"BeVietnamPro-{weight}.ttf"), size)


def _wrap(draw, text, font, width):
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    return [*lines, line] if line else lines


def phone_screen_png(*, heading, fields, highlight, step_number):
    """A 360-px-wide PNG of a phone screen with the step's fields; the highlight is boxed.

    The height follows the number of fields, so a phone shows no empty screen area."""
    nfc = lambda text: unicodedata.normalize("NFC", text)  # noqa: E731
    image = Image.new("RGB", (WIDTH, 112 + 72 * len(fields) + 8), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, WIDTH, 28], fill=(255, 244, 224))
    draw.text((WIDTH // 2, 14), LABEL, font=_font(12, "SemiBold"), fill=(138, 75, 0), anchor="mm")
    draw.rectangle([0, 28, WIDTH, 92], fill=BRAND)
    draw.text((16, 40), nfc(f"Bước {step_number}"), font=_font(14), fill=(255, 255, 255))
    title_lines = _wrap(draw, nfc(heading), _font(18, "Bold"), WIDTH - 32)
    draw.text((16, 58), title_lines[0], font=_font(18, "Bold"), fill=(255, 255, 255))
    y = 112
    for label in fields:
        is_target = label == highlight
        box = [16, y, WIDTH - 16, y + 56]
        draw.rounded_rectangle(
            box,
            radius=8,
            outline=HIGHLIGHT if is_target else (150, 160, 170),
            width=4 if is_target else 2,
            fill=(255, 246, 232) if is_target else (255, 255, 255),
        )
        for offset, line in enumerate(_wrap(draw, nfc(label), _font(16), WIDTH - 64)[:2]):
            draw.text((28, y + 8 + offset * 20), line, font=_font(16), fill=INK)
        if is_target:
            draw.text(
                (WIDTH - 24, y + 28), "◀", font=_font(18, "Bold"), fill=HIGHLIGHT, anchor="rm"
            )
        y += 72
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def practice_form_pdf(*, title, procedure_title):
    """A one-page PDF of a practice form (tờ khai), watermarked as a practice copy."""
    page = Image.new("RGB", (1240, 1754), (255, 255, 255))  # A4 at 150 dpi
    draw = ImageDraw.Draw(page)
    draw.text(
        (620, 80),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        font=_font(30, "Bold"),
        fill=INK,
        anchor="mm",
    )
    draw.text(
        (620, 125), "Độc lập - Tự do - Hạnh phúc", font=_font(28, "SemiBold"), fill=INK, anchor="mm"
    )
    y = 230
    for line in _wrap(draw, unicodedata.normalize("NFC", title).upper(), _font(34, "Bold"), 1040):
        draw.text((620, y), line, font=_font(34, "Bold"), fill=INK, anchor="mm")
        y += 48
    draw.text(
        (620, y + 10),
        unicodedata.normalize("NFC", f"Thủ tục: {procedure_title}"),
        font=_font(24),
        fill=INK,
        anchor="mm",
    )
    y += 120
    for label in [
        "Họ, chữ đệm, tên",
        "Ngày, tháng, năm sinh",
        "Số định danh cá nhân",
        "Nơi cư trú",
        "Số điện thoại",
        "Nội dung đề nghị",
    ]:
        draw.text((100, y), f"{label}: ", font=_font(26), fill=INK)
        draw.line(
            [(100 + draw.textlength(f"{label}: ", font=_font(26)), y + 32), (1140, y + 32)],
            fill=(120, 120, 120),
            width=2,
        )
        y += 90
    draw.text(
        (100, y + 40),
        "Tôi cam đoan những nội dung khai trên đây là đúng sự thật.",
        font=_font(24),
        fill=INK,
    )
    watermark = Image.new("RGBA", (1600, 200), (0, 0, 0, 0))
    ImageDraw.Draw(watermark).text(
        (800, 100), "BẢN LUYỆN TẬP", font=_font(150, "Bold"), fill=(200, 0, 0, 60), anchor="mm"
    )
    watermark = watermark.rotate(35, expand=True)
    page.paste(
        watermark, ((1240 - watermark.width) // 2, (1754 - watermark.height) // 2), watermark
    )
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", resolution=150)
    return buffer.getvalue()
