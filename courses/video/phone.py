"""Stills of steps captured from the practice portal: a phone screen and its moment.

Two layouts. The projector's landscape 1280×720 puts the phone on the left at a little
over its real size and the sentence being spoken, large, on the right, with what the
person does ("Bấm “Tiếp tục”", what they type). The phone's portrait 360×640 shows the
screen at about its real size, with a strip for the step on top and the sentence below.
Each moment of an action is drawn on the screen itself: the target is outlined and the
rest dimmed, a tap is a ring at its centre, typed text is in the screenshot.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw

from .frames import (
    BACKGROUND,
    BRAND,
    CAPTION_BAR,
    MUTED,
    STRIP,
    WHITE,
    YELLOW,
    draw_text_line,
    ellipsize,
    font,
    line_metrics,
    wrap,
    wrapped_lines,
)
from .specs import nfc

PHONE_SIZE = (360, 640)
LANDSCAPE_SIZE = (1280, 720)
DIM = 0.55  # brightness left outside the target: dimmed, still readable
TAP_RADIUS_CSS = 18
MARGIN_CSS = 5  # room between the target's own edge (a label's first letter) and the outline


def _dim(img: Image.Image) -> Image.Image:
    return img.point(lambda v: int(v * DIM))


def _box_px(box, ratio):
    x, y, w, h = box
    return (round(x * ratio), round(y * ratio), round((x + w) * ratio), round((y + h) * ratio))


def _clip(box, ratio, img):
    x0, y0, x1, y1 = _box_px(box, ratio)
    x0, y0 = max(0, x0), max(0, y0)
    x1, y1 = min(img.width - 1, x1), min(img.height - 1, y1)
    return (x0, y0, x1, y1) if x1 > x0 and y1 > y0 else None


def mark(img: Image.Image, box, ratio: float, *, kind: str, line: int, keep=None) -> Image.Image:
    """The screen with its target outlined and the rest dimmed (but for ``keep``, the
    practice banner); a tap adds a ring at the target's centre."""
    if box is None or kind == "result":
        return img
    target = _clip(box, ratio, img)
    if target is None:
        return img
    margin = round(MARGIN_CSS * ratio)
    x0, y0, x1, y1 = target
    x0, y0 = max(0, x0 - margin), max(0, y0 - margin)
    x1, y1 = min(img.width, x1 + margin), min(img.height, y1 + margin)
    target = (x0, y0, x1, y1)
    out = _dim(img)
    for area in (target, _clip(keep, ratio, img) if keep else None):
        if area:
            out.paste(img.crop(area), area[:2])
    draw = ImageDraw.Draw(out, "RGBA")
    pad = max(1, line // 2)
    draw.rounded_rectangle(
        (x0 - pad, y0 - pad, x1 + pad, y1 + pad), radius=line * 2, outline=YELLOW, width=line
    )
    if kind == "tap":
        cx, cy = (x0 + x1) // 2, (y0 + y1) // 2
        r = round(TAP_RADIUS_CSS * ratio)
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(250, 204, 21, 150))
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=WHITE, width=max(2, line // 2))
    return out


def marked_screen(png: bytes, box, ratio: float, *, keep=None) -> Image.Image:
    """A captured screen as the procedure page shows it: the target outlined."""
    img = Image.open(io.BytesIO(png)).convert("RGB")
    return mark(img, box, ratio, kind="look", line=max(3, round(2 * ratio)), keep=keep)


@dataclass(frozen=True)
class PhoneLayout:
    """Where things go in one rendition; ``landscape`` is the projector's."""

    width: int
    height: int
    landscape: bool
    top_h: int
    bar_h: int
    caption_size: int
    screen: tuple[int, int, int, int]  # (x, y, w, h) the phone screen is fitted into

    @property
    def label(self) -> str:
        return "720p" if self.landscape else "phone"


def _caption_lines(captions, size, width):
    fnt = font("Medium", size)
    return max((len(wrap(c, fnt, width)) for c in captions), default=1)


def phone_layout(*, landscape: bool, captions: tuple[str, ...], viewport=(360, 560)):
    """One layout per rendition, sized so the longest sentence fits."""
    if landscape:
        width, height = LANDSCAPE_SIZE
        top_h = 60
        screen_h = height - top_h - 2 * 20
        screen_w = round(screen_h * viewport[0] / viewport[1])
        return PhoneLayout(width, height, True, top_h, 0, 34, (48, top_h + 20, screen_w, screen_h))
    width, height = PHONE_SIZE
    top_h = 34
    size = 15
    lines = min(4, max(2, _caption_lines(captions, size, width - 20)))
    above, below = line_metrics("Medium", size)
    bar_h = lines * round((above + below) * 1.1) + 10
    screen_h = height - top_h - bar_h
    screen_w = min(width, round(screen_h * viewport[0] / viewport[1]))
    screen_h = round(screen_w * viewport[1] / viewport[0])
    x = (width - screen_w) // 2
    y = top_h + (height - top_h - bar_h - screen_h) // 2
    return PhoneLayout(width, height, False, top_h, bar_h, size, (x, y, screen_w, screen_h))


@lru_cache(maxsize=64)
def _strip(layout: PhoneLayout, index: int, count: int, title: str) -> Image.Image:
    img = Image.new("RGB", (layout.width, layout.top_h), STRIP)
    draw = ImageDraw.Draw(img)
    size = 22 if layout.landscape else 13
    badge = f"{index}/{count}"
    above, below = line_metrics("Bold", size)
    pad = 10 if layout.landscape else 6
    badge_w = font("Bold", size).getlength(badge) + 2 * pad
    badge_h = above + below + (8 if layout.landscape else 4)
    x0, y0 = (16 if layout.landscape else 6), (layout.top_h - badge_h) // 2
    draw.rounded_rectangle((x0, y0, x0 + badge_w, y0 + badge_h), radius=badge_h // 2, fill=YELLOW)
    draw_text_line(
        draw, (x0 + pad, y0 + (4 if layout.landscape else 2)), badge, "Bold", size, (15, 23, 42)
    )
    title_size = 26 if layout.landscape else 14
    t_above, t_below = line_metrics("Bold", title_size)
    tx = x0 + badge_w + (14 if layout.landscape else 6)
    room = layout.width - tx - (300 if layout.landscape else 6)
    text = ellipsize(title, font("Bold", title_size), room)
    draw_text_line(
        draw, (tx, (layout.top_h - t_above - t_below) // 2), text, "Bold", title_size, WHITE
    )
    if layout.landscape:
        label = "Bản hướng dẫn · Công dân số"
        lsize = 18
        l_above, l_below = line_metrics("SemiBold", lsize)
        lw = font("SemiBold", lsize).getlength(label)
        lx = layout.width - 16 - lw - 24
        ly = (layout.top_h - l_above - l_below - 8) // 2
        draw.rounded_rectangle(
            (lx, ly, lx + lw + 24, ly + l_above + l_below + 8), radius=8, fill=WHITE
        )
        draw_text_line(draw, (lx + 12, ly + 4), label, "SemiBold", lsize, STRIP)
    return img


def fit_screen(layout: PhoneLayout, screen: Image.Image) -> tuple[Image.Image, float]:
    """The screen at the size this layout shows it, never stretched (done once per shot),
    and the scale applied."""
    _x, _y, w, h = layout.screen
    scale = min(w / screen.width, h / screen.height)
    size = (max(2, round(screen.width * scale)), max(2, round(screen.height * scale)))
    return screen.resize(size, Image.Resampling.LANCZOS), scale


def shot_still(
    layout: PhoneLayout,
    *,
    index: int,
    count: int,
    title: str,
    fitted: Image.Image,
    box,
    banner,
    ratio: float,
    kind: str,
    sentence: str,
    action: str,
    typed: str,
) -> Image.Image:
    """One still of a captured step in this layout; ``fitted`` comes from fit_screen and
    ``ratio`` is its pixels per CSS pixel of the box."""
    img = Image.new("RGB", (layout.width, layout.height), BACKGROUND)
    img.paste(_strip(layout, index, count, nfc(title)), (0, 0))
    x, y, w, h = layout.screen
    x, y = x + (w - fitted.width) // 2, y + (h - fitted.height) // 2
    w, h = fitted.size
    marked = mark(fitted, box, ratio, kind=kind, line=4 if layout.landscape else 3, keep=banner)
    if layout.landscape:
        draw = ImageDraw.Draw(img)
        draw.rounded_rectangle((x - 8, y - 8, x + w + 8, y + h + 8), radius=18, fill=(55, 65, 81))
    img.paste(marked, (x, y))
    draw = ImageDraw.Draw(img)
    if layout.landscape:
        _side_panel(draw, layout, sentence, action, typed)
    else:
        _caption_bar(draw, layout, sentence)
    return img


def empty_still(layout: PhoneLayout, *, index, count, title, sentence) -> Image.Image:
    """A step with nothing to show on the phone (no screen captured or uploaded)."""
    img = Image.new("RGB", (layout.width, layout.height), BACKGROUND)
    img.paste(_strip(layout, index, count, nfc(title)), (0, 0))
    draw = ImageDraw.Draw(img)
    if layout.landscape:
        _side_panel(draw, layout, sentence, "", "")
    else:
        _caption_bar(draw, layout, sentence)
    return img


def _side_panel(draw, layout, sentence, action, typed):
    x = layout.screen[0] + layout.screen[2] + 56
    width = layout.width - x - 48
    y = layout.top_h + 40
    size = layout.caption_size
    above, below = line_metrics("Medium", size)
    line_h = round((above + below) * 1.15)
    for line in wrapped_lines(sentence, font("Medium", size), width, 8):
        draw_text_line(draw, (x, y), line, "Medium", size, WHITE)
        y += line_h
    if not action:
        return
    y += 28
    a_size = 28
    a_above, a_below = line_metrics("SemiBold", a_size)
    for line in wrapped_lines(action, font("SemiBold", a_size), width, 2):
        draw_text_line(draw, (x, y), line, "SemiBold", a_size, YELLOW)
        y += round((a_above + a_below) * 1.15)
    if typed:
        y += 10
        t_size = 30
        t_above, t_below = line_metrics("Bold", t_size)
        text = ellipsize(typed, font("Bold", t_size), width - 32)
        draw.rounded_rectangle((x, y, x + width, y + t_above + t_below + 24), radius=10, fill=WHITE)
        draw_text_line(draw, (x + 16, y + 12), text, "Bold", t_size, (15, 23, 42))


def _caption_bar(draw, layout, sentence):
    top = layout.height - layout.bar_h
    draw.rectangle((0, top, layout.width, layout.height), fill=CAPTION_BAR)
    size = layout.caption_size
    above, below = line_metrics("Medium", size)
    line_h = round((above + below) * 1.1)
    lines = wrapped_lines(sentence, font("Medium", size), layout.width - 20, 4)
    y = top + (layout.bar_h - len(lines) * line_h) // 2
    for line in lines:
        draw_text_line(draw, (layout.width // 2, y), line, "Medium", size, WHITE, "ma")
        y += line_h


def phone_title_card(layout: PhoneLayout, title: str, subtitle: str, count: int) -> Image.Image:
    """The opening card of the portrait rendition (the landscape one uses frames')."""
    img = Image.new("RGB", (layout.width, layout.height), STRIP)
    draw = ImageDraw.Draw(img)
    margin = 24
    draw_text_line(draw, (margin, 28), BRAND, "Bold", 16, YELLOW)
    size = 28
    above, below = line_metrics("Bold", size)
    lines = wrapped_lines(title, font("Bold", size), layout.width - 2 * margin, 6)
    y = 150
    for line in lines:
        draw_text_line(draw, (margin, y), line, "Bold", size, WHITE)
        y += round((above + below) * 1.1)
    y += 16
    s_above, s_below = line_metrics("Regular", 16)
    for line in wrapped_lines(subtitle, font("Regular", 16), layout.width - 2 * margin, 4):
        draw_text_line(draw, (margin, y), line, "Regular", 16, MUTED)
        y += round((s_above + s_below) * 1.15)
    draw_text_line(draw, (margin, layout.height - 70), f"{count} bước", "SemiBold", 18, YELLOW)
    return img
