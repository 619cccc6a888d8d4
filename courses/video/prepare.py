"""Decode and check every editor input before anything is drawn or written.

A render either fails here, with a RenderInputError naming the step, or has everything it
needs: decoded screenshots, cut recordings that ffmpeg can read, narration as PCM, and each
step's length as a whole number of frames (so captions, chapters and frames line up).
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from . import narration
from .probe import probe
from .specs import RenderInputError, StepSpec, nfc

# Screenshots are editor uploads: only these decoders, and a pixel cap checked before
# decoding (reliability-ecosystem.md A5).
IMAGE_FORMATS = ["PNG", "JPEG", "WEBP"]
MAX_SCREENSHOT_PIXELS = 40_000_000


@dataclass
class PreparedStep:
    index: int  # 1-based
    label: str  # how error messages and logs name the step
    title: str
    caption: str
    screenshot: Image.Image | None
    highlight: tuple[float, float, float, float] | None
    recording_path: Path | None
    recording_size: tuple[int, int]
    recording_span: tuple[float, float]
    pcm: bytes | None
    frames: int


def step_seconds(step: StepSpec, narration_seconds: float, recording_seconds: float) -> float:
    """A step lasts its minimum, or long enough for its voice plus a second, or its cut."""
    voiced = narration_seconds + narration.PAD_SECONDS if narration_seconds else 0.0
    return max(step.min_duration, voiced, recording_seconds)


def frames_for(seconds: float, fps: int) -> int:
    return max(1, math.ceil(seconds * fps - 1e-6))


def decode_screenshot(data: bytes, step_label: str) -> Image.Image:
    """Open an uploaded screenshot safely, or raise RenderInputError naming the step."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data), formats=IMAGE_FORMATS)
            if img.width * img.height > MAX_SCREENSHOT_PIXELS:
                raise RenderInputError(
                    f"{step_label}: ảnh chụp màn hình quá lớn ({img.width}×{img.height}) / "
                    "screenshot too large"
                )
            img = ImageOps.exif_transpose(img)
            img.load()
            if img.mode in ("RGBA", "LA", "PA") or "transparency" in img.info:
                # Transparent areas would turn black; a page background is white.
                rgba = img.convert("RGBA")
                img = Image.new("RGBA", rgba.size, "white")
                img.alpha_composite(rgba)
            return img.convert("RGB")
    except RenderInputError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombWarning) as exc:
        raise RenderInputError(
            f"{step_label}: không đọc được ảnh chụp màn hình / screenshot cannot be read ({exc})"
        ) from exc


def _check_highlight(highlight, label: str):
    if highlight is None:
        return None
    try:
        x, y, w, h = (float(v) for v in highlight)
    except (TypeError, ValueError) as exc:
        raise RenderInputError(f"{label}: vùng đánh dấu không hợp lệ / bad highlight") from exc
    eps = 1e-3
    values_ok = all(math.isfinite(v) for v in (x, y, w, h))
    if not values_ok or x < -eps or y < -eps or w <= 0 or h <= 0:
        raise RenderInputError(f"{label}: vùng đánh dấu không hợp lệ / bad highlight {highlight}")
    if x + w > 1 + eps or y + h > 1 + eps:
        raise RenderInputError(
            f"{label}: vùng đánh dấu vượt ra ngoài ảnh / highlight outside the picture"
        )
    return (max(0.0, x), max(0.0, y), w, h)


def _check_recording(step: StepSpec, label: str, work_dir: Path, index: int):
    path = work_dir / f"recording-{index}.bin"
    path.write_bytes(step.recording)
    try:
        info = probe(path)
    except ValueError as exc:
        raise RenderInputError(
            f"{label}: không đọc được video quay màn hình / recording cannot be read"
        ) from exc
    if not info["width"] or not info["height"] or not info["duration"]:
        raise RenderInputError(f"{label}: tệp quay màn hình không có hình / recording has no video")
    start = float(step.recording_start or 0.0)
    end = info["duration"] if step.recording_end is None else float(step.recording_end)
    end = min(end, info["duration"])
    if not (math.isfinite(start) and start >= 0 and end - start >= 0.1):
        raise RenderInputError(
            f"{label}: thời điểm cắt không hợp lệ / bad cut times "
            f"({step.recording_start}–{step.recording_end}, video {info['duration']:.1f} s)"
        )
    return path, (info["width"], info["height"]), (start, end)


def prepare_steps(
    steps: Sequence[StepSpec], *, narrate: bool, fps: int, work_dir: Path, first_index: int = 1
) -> list[PreparedStep]:
    """Check and decode every step; RenderInputError names the first bad one."""
    prepared = []
    # Cheap checks on every step first, so a bad screenshot in step 5 fails before step 1's
    # narration or recording is processed.
    for index, step in enumerate(steps, start=first_index):
        label = f"Bước {index} ({nfc(step.title) or step.key})"
        if not (math.isfinite(step.min_duration) and step.min_duration > 0):
            raise RenderInputError(f"{label}: thời lượng không hợp lệ / bad min_duration")
        screenshot = None
        if step.screenshot is not None:
            screenshot = decode_screenshot(step.screenshot, label)
        prepared.append(
            PreparedStep(
                index=index,
                label=label,
                title=nfc(step.title),
                caption=nfc(step.caption) or nfc(step.title),
                screenshot=screenshot,
                highlight=_check_highlight(step.highlight, label),
                recording_path=None,
                recording_size=(0, 0),
                recording_span=(0.0, 0.0),
                pcm=None,
                frames=0,
            )
        )
    recording_seconds = {}
    for step, prep in zip(steps, prepared, strict=True):
        if step.recording:
            path, size, span = _check_recording(step, prep.label, work_dir, prep.index)
            prep.recording_path, prep.recording_size, prep.recording_span = path, size, span
            recording_seconds[prep.index] = span[1] - span[0]

    def voice_of(pair):
        step, prep = pair
        spoken = f"{prep.title}. {prep.caption}" if prep.caption != prep.title else prep.title
        return narration.step_pcm(step.voice, spoken, narrate=narrate, step_label=prep.label)

    # Each espeak-ng or ffmpeg call is its own short process (mostly start-up): run a few
    # at once. map() re-raises the first failing step's error, in step order.
    with ThreadPoolExecutor(max_workers=4, thread_name_prefix="video-voice") as pool:
        voices = list(pool.map(voice_of, zip(steps, prepared, strict=True)))
    for step, prep, pcm in zip(steps, prepared, voices, strict=True):
        prep.pcm = pcm
        voice_seconds = len(pcm) / 2 / narration.SAMPLE_RATE if pcm else 0.0
        seconds = step_seconds(step, voice_seconds, recording_seconds.get(prep.index, 0.0))
        prep.frames = frames_for(seconds, fps)
    return prepared
