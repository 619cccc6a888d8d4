"""Read captured tutorials back with OCR: is what the learner must find legible?

For every moment of the video that points at something (a field, a button), the frame in
the middle of that moment is cut from the encoded file, and Tesseract (Debian's
tesseract-ocr with its Vietnamese model) reads it twice: the whole phone screen, and the
region inside the yellow outline the video draws around the target. The moment counts as
legible when the words the script names (the label as the practice portal shows it) are
in either reading. Two readings because Tesseract's page layout step drops short light
text on a coloured button ("Tìm kiếm" in white on green) that a person reads at once; read
as one block, the outlined region gives it back. Used by `make bench-video` and the tests;
needs the tesseract binary.
"""

from __future__ import annotations

import difflib
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import imageio_ffmpeg
import numpy as np
from PIL import Image

from courses.video.encode import TITLE_SECONDS
from courses.video.frames import YELLOW

FPS = 12
BANNER_WORDS = "MÔI TRƯỜNG THỰC HÀNH"


def tesseract_path() -> str | None:
    return shutil.which("tesseract")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def found(words: str, text: str, *, cutoff: float = 0.85) -> bool:
    """Whether ``words`` appear in OCR ``text``, allowing a wrong letter or two."""
    want, have = _fold(words), _fold(text)
    if not want:
        return True
    if want in have:
        return True
    size = len(want.split())
    tokens = have.split()
    for start in range(max(1, len(tokens) - size + 1)):
        window = " ".join(tokens[start : start + size])
        if difflib.SequenceMatcher(None, want, window).ratio() >= cutoff:
            return True
    return False


def frame_at(video: str | Path, seconds: float) -> Image.Image:
    """The decoded frame at ``seconds`` (ffmpeg seeks, then takes one frame)."""
    with tempfile.TemporaryDirectory(prefix="ocr-") as tmp:
        out = Path(tmp) / "frame.png"
        subprocess.run(  # noqa: S603 - fixed arguments
            [
                imageio_ffmpeg.get_ffmpeg_exe(),
                "-v",
                "error",
                "-nostdin",
                "-ss",
                f"{seconds:.3f}",
                "-i",
                str(video),
                "-frames:v",
                "1",
                "-y",
                str(out),
            ],
            check=True,
            timeout=60,
        )
        with Image.open(out) as image:
            return image.convert("RGB")


def read_text(image: Image.Image, *, scale: int = 2, layout: str = "11") -> str:
    """Tesseract's Vietnamese reading of a frame, upscaled as OCR wants small text.
    ``layout`` is Tesseract's page segmentation: 11 scattered text, 6 one block."""
    big = image.resize((image.width * scale, image.height * scale), Image.Resampling.LANCZOS)
    with tempfile.TemporaryDirectory(prefix="ocr-") as tmp:
        path = Path(tmp) / "frame.png"
        big.save(path)
        result = subprocess.run(  # noqa: S603 - fixed arguments
            [tesseract_path() or "tesseract", str(path), "stdout", "-l", "vie", "--psm", layout],
            capture_output=True,
            check=True,
            timeout=60,
        )
    return unicodedata.normalize("NFC", result.stdout.decode("utf-8", errors="replace"))


def outlined_region(image: Image.Image, *, line: int = 4) -> Image.Image | None:
    """The part of a frame inside the yellow outline around the target, or None."""
    rgb = np.asarray(image.convert("RGB")).astype(int)
    r, g, b = YELLOW
    yellow = (abs(rgb[..., 0] - r) < 40) & (abs(rgb[..., 1] - g) < 45) & (abs(rgb[..., 2] - b) < 60)
    ys, xs = np.nonzero(yellow)
    if len(xs) < 40:
        return None
    box = (xs.min() + line, ys.min() + line, xs.max() - line + 1, ys.max() - line + 1)
    if box[2] - box[0] < 8 or box[3] - box[1] < 8:
        return None
    return image.crop(box)


@dataclass
class Moment:
    step: int
    seconds: float  # into the video
    target: str  # what the learner must find on screen
    kind: str


def moments(render, captures_in_order) -> list[Moment]:
    """The middle of every pointed-at moment of a stored tutorial render.

    ``captures_in_order``: the StepCapture (or None) of each step, in step order."""
    shots = [list(c.shots.all()) if c is not None else [] for c in captures_in_order]
    labels = [[shot.action_label for shot in step] for step in shots]
    return timeline_moments(
        render.step_durations, render.shot_schedule, shots, labels, title=render.is_tutorial
    )


def timeline_moments(durations, schedule, shots, labels, *, title=True) -> list[Moment]:
    """The same from plain data: per step its duration, the frames of each shot (the
    render's shot_schedule), the shots (with .kind and .box) and their action labels."""
    out = []
    at = TITLE_SECONDS if title else 0.0
    schedule = schedule or [[] for _ in durations]
    for number, (duration, frames, step_shots, step_labels) in enumerate(
        zip(durations, schedule, shots, labels, strict=True), start=1
    ):
        start = 0
        for shot, label, count in zip(step_shots, step_labels, frames, strict=False):
            if shot.box and shot.kind in ("look", "type"):
                out.append(
                    Moment(number, at + (start + count / 2) / FPS, _target(label), shot.kind)
                )
            start += count
        at += duration
    return out


def _target(label: str) -> str:
    """The on-screen words inside the label's quotes: Ô “Họ và tên” → Họ và tên."""
    if "“" in label and "”" in label:
        return label.split("“", 1)[1].rsplit("”", 1)[0]
    return label


@dataclass
class Legibility:
    read: int  # in either reading
    total: int
    banner_frames: int
    misses: list[str]
    read_whole: int = 0  # in the whole screen's reading alone

    @property
    def share(self) -> float:
        return self.read / self.total if self.total else 0.0


def screen_area(spec, label: str) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of the phone screen in a rendition's frames: OCR reads
    only there, never the sentence or action drawn beside or below it."""
    from courses.video.phone import phone_layout
    from courses.video.prepare import spoken_sentences

    captions = tuple(s for step in spec.steps for s in spoken_sentences(step))
    layout = phone_layout(landscape=label == "720p", captions=captions)
    x, y, w, h = layout.screen
    return (x, y, x + w, y + h)


def legibility(
    video: str | Path, points: list[Moment], *, area=None, limit: int | None = None
) -> Legibility:
    """OCR the frame of each moment, inside ``area`` (``limit`` spreads a sample)."""
    if limit and len(points) > limit:
        step = len(points) / limit
        points = [points[int(i * step)] for i in range(limit)]
    read, whole, banner, misses = 0, 0, 0, []
    for point in points:
        frame = frame_at(video, point.seconds)
        screen = frame.crop(area) if area else frame
        text = read_text(screen)
        banner += found(BANNER_WORDS, text)
        if found(point.target, text):
            read += 1
            whole += 1
            continue
        region = outlined_region(screen)
        if region is not None and found(point.target, read_text(region, scale=3, layout="6")):
            read += 1
        else:
            misses.append(f"bước {point.step} @{point.seconds:.1f}s: {point.target}")
    return Legibility(read, len(points), banner, misses, read_whole=whole)
