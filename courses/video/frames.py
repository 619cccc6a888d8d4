"""Pillow drawing of every still the video shows, once per state and size.

Pre-composing each state (title card; a step before and after its highlight) and handing
moviepy plain images is ~10x faster than compositing per frame (video-bench.md). The
layout never hides the screenshot: a strip at the top holds the step badge, title and the
corner label, the screenshot is letterboxed into the middle, the caption bar sits below.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import fontpkg_be_vietnam_pro
from PIL import Image, ImageDraw, ImageFont

from .specs import nfc

FONT_DIR = Path(fontpkg_be_vietnam_pro.ROOT) / "files"
CORNER_LABEL = "Bản hướng dẫn · Công dân số"
BRAND = "Công dân số"

BACKGROUND = (17, 24, 39)
STRIP = (13, 59, 122)
CAPTION_BAR = (10, 10, 12)
WHITE = (255, 255, 255)
MUTED = (203, 213, 225)
YELLOW = (250, 204, 21)
INK = (15, 23, 42)

_HALF_BRIGHTNESS = [v // 2 for v in range(256)] * 3

# Samples for the highest stacked marks and the lowest descenders, so no line is clipped.
_TALL = "ẤỖỮỸẶẲÂỚ"
_DEEP = "gjpqyỵọặ"


def frame_size(height: int) -> tuple[int, int]:
    """16:9, even dimensions (yuv420p needs them)."""
    width = round(height * 16 / 9)
    return width + width % 2, height + height % 2


@lru_cache(maxsize=64)
def font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / f"BeVietnamPro-{weight}.ttf"), size)


@lru_cache(maxsize=64)
def line_metrics(weight: str, size: int) -> tuple[int, int]:
    """(pixels above the baseline, pixels below) covering stacked marks and descenders."""
    f = font(weight, size)
    above = -min(f.getbbox(_TALL, anchor="ls")[1], -f.getmetrics()[0])
    below = max(f.getbbox(_DEEP, anchor="ls")[3], f.getmetrics()[1])
    return above, below


def wrap(text: str, fnt: ImageFont.FreeTypeFont, max_width: float) -> list[str]:
    """Greedy word wrap by rendered width; a word wider than a line is split by letters."""
    lines: list[str] = []
    current = ""
    for word in nfc(text).split():
        candidate = f"{current} {word}" if current else word
        if fnt.getlength(candidate) <= max_width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        for char in word:
            if fnt.getlength(current + char) > max_width and current:
                lines.append(current)
                current = ""
            current += char
    if current:
        lines.append(current)
    return lines


def ellipsize(text: str, fnt: ImageFont.FreeTypeFont, max_width: float) -> str:
    text = nfc(text)
    if fnt.getlength(text) <= max_width:
        return text
    while text and fnt.getlength(text + "…") > max_width:
        text = text[:-1]
    return text.rstrip() + "…"


@dataclass(frozen=True)
class Layout:
    """Sizes for one rendition; shared by all steps so recordings and stills line up."""

    width: int
    height: int
    top_h: int
    bar_h: int
    caption_size: int
    caption_lines: int

    @property
    def scale(self) -> float:
        return self.height / 720

    @property
    def content(self) -> tuple[int, int, int, int]:
        """(x, y, w, h) of the area the screenshot or recording is fitted into."""
        return 0, self.top_h, self.width, self.height - self.top_h - self.bar_h

    def px(self, value: float, minimum: int = 1) -> int:
        return max(minimum, round(value * self.scale))


def layout_for(height: int, captions: list[str]) -> Layout:
    """Pick one caption size for the whole tutorial so the longest caption fits.

    Up to three lines at the base size, then a slightly smaller size, and only then does
    the bar grow: a caption is never clipped.
    """
    width, height = frame_size(height)
    scale = height / 720
    base = max(18, round(32 * scale))
    margin = max(12, round(40 * scale))
    for size, max_lines in ((base, 3), (round(base * 0.85), 3), (round(base * 0.8), 6)):
        fnt = font("Medium", size)
        needed = max((len(wrap(c, fnt, width - 2 * margin)) for c in captions), default=1)
        if needed <= max_lines:
            break
    lines = max(2, needed)
    above, below = line_metrics("Medium", size)
    line_h = round((above + below) * 1.12)
    bar_h = lines * line_h + 2 * max(6, round(14 * scale))
    top_h = max(30, round(60 * scale))
    return Layout(width, height, top_h, bar_h + bar_h % 2, size, lines)


def fit_rect(layout: Layout, src_w: int, src_h: int) -> tuple[int, int, int, int]:
    """(x, y, w, h) of a src_w×src_h picture letterboxed into the content area, even sizes."""
    cx, cy, cw, ch = layout.content
    ratio = min(cw / src_w, ch / src_h)
    w = max(2, int(src_w * ratio) // 2 * 2)
    h = max(2, int(src_h * ratio) // 2 * 2)
    return cx + (cw - w) // 2, cy + (ch - h) // 2, w, h


def draw_text_line(draw, xy, text, weight, size, fill, anchor="la"):
    """Draw one line with its top at xy[1], leaving room above for stacked marks."""
    above, _ = line_metrics(weight, size)
    x, y = xy
    draw.text((x, y + above), text, font=font(weight, size), fill=fill, anchor=anchor[0] + "s")


@lru_cache(maxsize=8)
def _corner_label(layout: Layout) -> Image.Image:
    """The "Bản hướng dẫn · Công dân số" pill, drawn once per size on the strip colour."""
    size = max(12, round(20 * layout.scale))
    above, below = line_metrics("SemiBold", size)
    pad, inset = layout.px(12, 5), layout.px(4, 2)
    box = (
        round(font("SemiBold", size).getlength(CORNER_LABEL)) + 2 * pad,
        above + below + 2 * inset,
    )
    img = Image.new("RGB", box, STRIP)
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle((0, 0, box[0] - 1, box[1] - 1), radius=layout.px(8, 3), fill=WHITE)
    draw_text_line(draw, (pad, inset), CORNER_LABEL, "SemiBold", size, STRIP)
    return img


def _paste_corner_label(img: Image.Image, layout: Layout) -> int:
    """Paste the label at the top right of the strip; returns the width it takes."""
    label = _corner_label(layout)
    x = layout.width - layout.px(16, 6) - label.width
    img.paste(label, (x, (layout.top_h - label.height) // 2))
    return layout.width - x


def wrapped_lines(text: str, fnt: ImageFont.FreeTypeFont, width: float, limit: int) -> list[str]:
    """Wrapped lines, at most `limit`, the last one ending in "…" when text was cut."""
    lines = wrap(text, fnt, width)
    if len(lines) > limit:
        lines = [*lines[: limit - 1], ellipsize(" ".join(lines[limit - 1 :]) + "…", fnt, width)]
    return lines


def title_card(layout: Layout, title: str, subtitle: str, step_count: int) -> Image.Image:
    img = Image.new("RGB", (layout.width, layout.height), STRIP)
    draw = ImageDraw.Draw(img)
    _paste_corner_label(img, layout)
    margin = layout.px(80, 24)
    brand_size = max(14, round(24 * layout.scale))
    draw_text_line(draw, (margin, layout.px(18, 8)), BRAND, "Bold", brand_size, YELLOW)
    title_size = max(24, round(56 * layout.scale))
    lines = wrapped_lines(title, font("Bold", title_size), layout.width - 2 * margin, 3)
    above, below = line_metrics("Bold", title_size)
    line_h = round((above + below) * 1.08)
    sub_size = max(15, round(30 * layout.scale))
    sub_lines = wrapped_lines(subtitle, font("Regular", sub_size), layout.width - 2 * margin, 2)
    s_above, s_below = line_metrics("Regular", sub_size)
    sub_h = round((s_above + s_below) * 1.1)
    total = len(lines) * line_h + layout.px(24, 10) + len(sub_lines) * sub_h
    y = (layout.height - total) // 2
    for line in lines:
        draw_text_line(draw, (layout.width // 2, y), line, "Bold", title_size, WHITE, "ma")
        y += line_h
    y += layout.px(24, 10)
    for line in sub_lines:
        draw_text_line(draw, (layout.width // 2, y), line, "Regular", sub_size, MUTED, "ma")
        y += sub_h
    foot_xy = (layout.width // 2, layout.height - layout.px(70, 30))
    draw_text_line(draw, foot_xy, f"{step_count} bước", "SemiBold", sub_size, YELLOW, "ma")
    return img


def step_canvas(layout: Layout, index: int, count: int, title: str, caption: str) -> Image.Image:
    """A step frame with an empty content area: strip, badge, title, label, caption bar."""
    img = Image.new("RGB", (layout.width, layout.height), BACKGROUND)
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, layout.width, layout.top_h - 1), fill=STRIP)
    label_w = _paste_corner_label(img, layout)

    badge_size = max(13, round(22 * layout.scale))
    badge = f"{index}/{count}"
    above, below = line_metrics("Bold", badge_size)
    pad = layout.px(10, 5)
    badge_w = font("Bold", badge_size).getlength(badge) + 2 * pad
    badge_h = above + below + 2 * layout.px(4, 2)
    x0 = layout.px(16, 6)
    y0 = (layout.top_h - badge_h) // 2
    draw.rounded_rectangle((x0, y0, x0 + badge_w, y0 + badge_h), radius=badge_h // 2, fill=YELLOW)
    draw_text_line(draw, (x0 + pad, y0 + layout.px(4, 2)), badge, "Bold", badge_size, INK)

    title_size = max(14, round(26 * layout.scale))
    t_above, t_below = line_metrics("Bold", title_size)
    tx = x0 + badge_w + layout.px(14, 6)
    room = layout.width - tx - label_w - layout.px(12, 6)
    text = ellipsize(title, font("Bold", title_size), room)
    ty = (layout.top_h - t_above - t_below) // 2
    draw_text_line(draw, (tx, ty), text, "Bold", title_size, WHITE)

    bar_top = layout.height - layout.bar_h
    draw.rectangle((0, bar_top, layout.width, layout.height), fill=CAPTION_BAR)
    size = layout.caption_size
    margin = max(12, round(40 * layout.scale))
    lines = wrap(caption, font("Medium", size), layout.width - 2 * margin)
    c_above, c_below = line_metrics("Medium", size)
    line_h = round((c_above + c_below) * 1.12)
    y = bar_top + (layout.bar_h - len(lines) * line_h) // 2
    for line in lines:
        draw_text_line(draw, (layout.width // 2, y), line, "Medium", size, WHITE, "ma")
        y += line_h
    return img


def highlight_rect(
    rect: tuple[int, int, int, int], highlight: tuple[float, float, float, float]
) -> tuple[int, int, int, int]:
    """Map a (x, y, w, h) fraction box onto the fitted picture, as (x0, y0, x1, y1)."""
    x, y, w, h = rect
    fx, fy, fw, fh = highlight
    x0, y0 = x + round(fx * w), y + round(fy * h)
    x1, y1 = x + round((fx + fw) * w), y + round((fy + fh) * h)
    return max(x, x0), max(y, y0), min(x + w - 1, x1), min(y + h - 1, y1)


def draw_highlight(img: Image.Image, box: tuple[int, int, int, int], layout: Layout) -> None:
    """Dim everything but the box, then outline it in yellow, in place."""
    cx, cy, cw, ch = layout.content
    area = (cx, cy, cx + cw, cy + ch)
    bright = img.crop(box)
    img.paste(img.crop(area).point(_HALF_BRIGHTNESS), area[:2])
    img.paste(bright, box[:2])
    width = layout.px(4, 2)
    pad = layout.px(3, 1)
    outline = (box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad)
    ImageDraw.Draw(img).rounded_rectangle(
        outline, radius=layout.px(6, 2), outline=YELLOW, width=width
    )


def step_frames(
    layout: Layout,
    index: int,
    count: int,
    title: str,
    caption: str,
    screenshot: Image.Image | None,
    highlight: tuple[float, float, float, float] | None,
) -> tuple[Image.Image, Image.Image | None]:
    """The step before its highlight and, if it has one, after it appears."""
    plain = step_canvas(layout, index, count, title, caption)
    if screenshot is None:
        return plain, None
    rect = fit_rect(layout, screenshot.width, screenshot.height)
    x, y, w, h = rect
    # Hamming is ~2x faster than Lanczos and as clean when shrinking 2x or more (360p).
    shrink = screenshot.width / w
    method = Image.Resampling.HAMMING if shrink >= 2 else Image.Resampling.LANCZOS
    plain.paste(screenshot.resize((w, h), method), (x, y))
    if not highlight:
        return plain, None
    marked = plain.copy()
    draw_highlight(marked, highlight_rect(rect, highlight), layout)
    return plain, marked
