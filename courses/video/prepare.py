"""Decode and check every editor input before anything is drawn or written.

A render either fails here, with a RenderInputError naming the step, or has everything it
needs: decoded screenshots, cut recordings that ffmpeg can read, narration as PCM, and each
step's length as a whole number of frames (so captions, chapters and frames line up).
"""

from __future__ import annotations

import io
import math
import re
import warnings
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from . import narration
from .probe import probe
from .specs import RenderInputError, ShotSpec, StepSpec, nfc

# Screenshots are editor uploads: only these decoders, and a pixel cap checked before
# decoding (reliability-ecosystem.md A5).
IMAGE_FORMATS = ["PNG", "JPEG", "WEBP"]
MAX_SCREENSHOT_PIXELS = 40_000_000


# A sentence ends at . ! ? … followed by a space and a capital, a quote or a bracket, so
# "dichvucong.gov.vn" and "1.001193" stay whole.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-Ỹ“\"(])")
SENTENCE_GAP_SECONDS = 0.3
# Shortest time each moment of an action stays on screen, and its share of a long step.
SHOT_SECONDS = {"result": 0.8, "look": 0.7, "tap": 0.35, "type": 0.3}
SHOT_WEIGHT = {"result": 1.2, "look": 1.0, "tap": 0.5, "type": 0.45}


def split_sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(nfc(text).strip()) if part.strip()]


def spoken_sentences(step: StepSpec) -> list[str]:
    """What a step's voice says, one sentence at a time: its title, then its instruction
    (older steps without one say their caption)."""
    title = nfc(step.title)
    if step.instruction.strip():
        return [title, *split_sentences(step.instruction)]
    caption = nfc(step.caption) or title
    return [title] if caption == title else [title, caption]


@dataclass
class PreparedShot:
    kind: str
    image: Image.Image
    box: tuple[float, float, float, float] | None
    banner: tuple[float, float, float, float] | None
    label: str
    typed: str
    ratio: float  # image pixels per unit of the boxes


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
    sentences: list[str] = None  # spoken, in order
    sentence_starts: list[float] = None  # seconds into the step where each is heard
    shots: list[PreparedShot] = None  # captured screens (empty for a screenshot step)
    shot_frames: list[int] = None  # frames each shot stays on screen

    def segments(self):
        """(first frame, frame count, shot index, sentence index) runs within the step:
        a new still wherever the shot or the spoken sentence changes."""
        fps_starts = self._sentence_frames
        shot_starts, at = [], 0
        for count in self.shot_frames or [self.frames]:
            shot_starts.append(at)
            at += count
        cuts = sorted({0, *shot_starts, *fps_starts} - {self.frames})
        cuts = [c for c in cuts if c < self.frames]
        out = []
        for n, start in enumerate(cuts):
            end = cuts[n + 1] if n + 1 < len(cuts) else self.frames
            shot = max(i for i, s in enumerate(shot_starts) if s <= start)
            spoken = [i for i, s in enumerate(fps_starts) if s <= start]
            out.append((start, end - start, shot, spoken[-1] if spoken else 0))
        return out

    _sentence_frames: list[int] = None


def step_seconds(
    step: StepSpec, narration_seconds: float, recording_seconds: float, shots_seconds: float = 0.0
) -> float:
    """A step lasts its minimum, or long enough for its voice plus a second, or its cut,
    or its captured moments at their shortest."""
    voiced = narration_seconds + narration.PAD_SECONDS if narration_seconds else 0.0
    return max(step.min_duration, voiced, recording_seconds, shots_seconds)


def _fold(text: str) -> set[str]:
    return set("".join(c if c.isalnum() else " " for c in nfc(text).lower()).split())


def _target_words(label: str) -> set[str]:
    """The quoted on-screen words of an action label: Bấm “Tìm kiếm” → {tìm, kiếm}."""
    if "“" in label and "”" in label:
        label = label.split("“", 1)[1].rsplit("”", 1)[0]
    return _fold(label)


def _actions(shots: Sequence) -> list[list[int]]:
    """Shot indexes grouped by action: a look and its taps or typing; a result alone."""
    groups: list[list[int]] = []
    for index, shot in enumerate(shots):
        if groups and shot.kind in ("tap", "type"):
            groups[-1].append(index)
        else:
            groups.append([index])
    return groups


def _sentence_of_actions(shots, groups, sentences) -> list[int]:
    """The sentence each action belongs to: the first one, from the previous action's on,
    that names its target; an action no sentence names goes with the one before."""
    if len(sentences) < 2:
        return [0] * len(groups)
    words = [_fold(sentence) for sentence in sentences]
    current, out = 1, []
    for group in groups:
        target = _target_words(shots[group[0]].label)
        if target:
            for index in range(current, len(sentences)):
                if len(target & words[index]) >= math.ceil(0.75 * len(target)):
                    current = index
                    break
        out.append(current)
    return out


def shot_frames(
    shots: Sequence,
    total: int,
    fps: int,
    sentences: Sequence[str] = (),
    sentence_starts: Sequence[float] = (),
) -> list[int]:
    """Share a step's frames among its shots, in step with the voice: each action starts
    when the sentence that names it is heard (spread within it), never shorter than its
    minimum; the last shot holds to the end of the step."""
    if not shots:
        return []
    minimum = [max(1, round(SHOT_SECONDS.get(s.kind, 0.5) * fps)) for s in shots]
    groups = _actions(shots)
    owners = _sentence_of_actions(shots, groups, list(sentences))
    starts_f = [round(t * fps) for t in sentence_starts] or [0]
    starts_f[0] = 0
    bounds = [*starts_f[1:], total]
    desired = []
    for sentence in sorted(set(owners)):
        members = [g for g, owner in enumerate(owners) if owner == sentence]
        begin = starts_f[sentence] if sentence < len(starts_f) else 0
        end = bounds[sentence] if sentence < len(bounds) else total
        weights = [sum(SHOT_WEIGHT.get(shots[i].kind, 1.0) for i in groups[g]) for g in members]
        at = 0.0
        for g, weight in zip(members, weights, strict=True):
            desired.append((g, begin + round((end - begin) * at / sum(weights))))
            at += weight
    desired = dict(desired)
    frames = [0] * len(shots)
    cursor = 0
    for g, group in enumerate(groups):
        cursor = max(cursor, desired.get(g, cursor)) if g else 0
        group_start = cursor
        next_start = desired.get(g + 1, total) if g + 1 < len(groups) else total
        room = max(sum(minimum[i] for i in group), next_start - group_start)
        weights = [SHOT_WEIGHT.get(shots[i].kind, 1.0) for i in group]
        spare = room - sum(minimum[i] for i in group)
        for i, weight in zip(group, weights, strict=True):
            frames[i] = minimum[i] + int(spare * weight / sum(weights))
        frames[group[-1]] += room - sum(frames[i] for i in group)
        cursor = group_start + room
    # Past the end (minimums outgrew the step): take it back from the longest shots.
    while sum(frames) > total and max(frames) > 1:
        frames[frames.index(max(frames))] -= 1
    frames[-1] += total - sum(frames)
    return frames


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

    for step, prep in zip(steps, prepared, strict=True):
        prep.shots = [_decode_shot(shot, step, prep.label) for shot in step.shots]
        prep.sentences = spoken_sentences(step)

    # Each espeak-ng or ffmpeg call is its own short process (mostly start-up): run a few
    # at once, a sentence each. map() re-raises the first failing one's error, in order.
    jobs = []
    for step, prep in zip(steps, prepared, strict=True):
        if step.voice:
            jobs.append((prep, step.voice, " ".join(prep.sentences)))
        else:
            jobs += [(prep, None, sentence) for sentence in prep.sentences]

    def voice_of(job):
        prep, voice, text = job
        return narration.step_pcm(voice, text, narrate=narrate, step_label=prep.label)

    with ThreadPoolExecutor(max_workers=4, thread_name_prefix="video-voice") as pool:
        voices = list(pool.map(voice_of, jobs))
    for step, prep in zip(steps, prepared, strict=True):
        parts = [pcm for (owner, _v, _t), pcm in zip(jobs, voices, strict=True) if owner is prep]
        prep.pcm, prep.sentence_starts = _join_voices(parts, prep.sentences, bool(step.voice))
        voice_seconds = len(prep.pcm) / 2 / narration.SAMPLE_RATE if prep.pcm else 0.0
        shortest = sum(SHOT_SECONDS.get(shot.kind, 0.5) for shot in step.shots)
        seconds = step_seconds(
            step, voice_seconds, recording_seconds.get(prep.index, 0.0), shortest
        )
        prep.frames = frames_for(seconds, fps)
        if prep.pcm is None:  # silent: each sentence shows for a share by its length
            prep.sentence_starts = _spread(prep.sentences, prep.frames / fps)
        prep.shot_frames = shot_frames(
            step.shots, prep.frames, fps, prep.sentences, prep.sentence_starts
        )
        prep._sentence_frames = [min(prep.frames - 1, round(s * fps)) for s in prep.sentence_starts]
    return prepared


def _spread(sentences, seconds):
    total = sum(len(s) for s in sentences) or 1
    starts, at = [], 0
    for sentence in sentences:
        starts.append(seconds * at / total)
        at += len(sentence)
    return starts


def _join_voices(parts, sentences, one_recording):
    """One PCM for the step and where each sentence starts in it (seconds into the step).

    An uploaded recording is one piece: its sentences are placed by their length."""
    lead = narration.LEAD_SECONDS
    if not any(parts):
        return None, [lead] * len(sentences) if sentences else []
    rate = narration.SAMPLE_RATE
    if one_recording:
        pcm = parts[0]
        return pcm, [lead + start for start in _spread(sentences, len(pcm) / 2 / rate)]
    gap = b"\0\0" * round(SENTENCE_GAP_SECONDS * rate)
    starts, chunks, at = [], [], 0
    for pcm in parts:
        starts.append(lead + at / 2 / rate)
        pcm = pcm or b""
        chunks += [pcm, gap]
        at += len(pcm) + len(gap)
    return b"".join(chunks[:-1]), starts


def _decode_shot(shot: ShotSpec, step: StepSpec, label: str) -> PreparedShot:
    if shot.image is None:
        raise RenderInputError(f"{label}: thiếu ảnh chụp màn hình / captured screen missing")
    image = decode_screenshot(shot.image, label)
    return PreparedShot(
        kind=shot.kind,
        image=image,
        box=shot.box,
        banner=shot.banner,
        label=nfc(shot.label),
        typed=nfc(shot.typed),
        ratio=step.pixel_ratio,
    )
