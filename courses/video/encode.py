"""Render a tutorial (title card + steps) or a single step to H.264 MP4 renditions.

Every input is decoded and checked first (prepare.py), so a bad upload raises
RenderInputError before anything is written to out_dir. Each still state is drawn once per
height with Pillow and handed to moviepy as a plain image (painter.py); recordings are
scaled by the ffmpeg that reads them. Files are written under a hidden temporary name and
moved into place with os.replace, so a half-written file is never visible; on failure
everything this call wrote is removed.
"""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from moviepy import concatenate_videoclips
from PIL import Image

from . import captions, captured, frames, narration
from .painter import HIGHLIGHT_AT, Painter, recording_clip, still_clip
from .prepare import PreparedStep, prepare_steps
from .probe import probe
from .specs import RenderInputError, RenderOutput, Rendition, StepSpec, TutorialSpec

TITLE_SECONDS = 3.0

# video-bench.md: fps 12 + veryfast + crf 30 + stillimage is the measured sweet spot.
VIDEO_PARAMS = ["-crf", "30", "-tune", "stillimage", "-movflags", "+faststart"]
# moviepy appends "-pix_fmt yuva420p" for libx264 after these; libx264 falls back to
# yuv420p (checked in the tests), ours is here in case that ever changes.
VIDEO_PARAMS += ["-pix_fmt", "yuv420p"]
# The audio is muxed from a WAV in the same ffmpeg call, so these are ffmpeg options, not
# moviepy's audio_fps/audio_bitrate (which only apply when moviepy encodes audio itself).
# ffmpeg's default AAC coder (twoloop) took ~0.9 s for a minute of espeak speech on 2 cores;
# "fast" takes ~0.2 s at the same 32 kb/s, and espeak's voice loses nothing audible.
AUDIO_PARAMS = ["-ac", "1", "-ar", str(narration.SAMPLE_RATE), "-b:a", "32k"]
AUDIO_PARAMS += ["-aac_coder", "fast"]


def render_tutorial(
    spec: TutorialSpec,
    out_dir: str | Path,
    *,
    heights: Sequence[int] = (360, 720),
    fps: int = 12,
    name: str = "tutorial",
    title_seconds: float = TITLE_SECONDS,
) -> RenderOutput:
    """Render the whole tutorial: a title card, then every step, one file per height."""
    if not spec.steps:
        raise RenderInputError("Bản hướng dẫn chưa có bước nào / the tutorial has no steps")
    return _render(
        spec.steps,
        out_dir,
        tutorial=spec,
        heights=heights,
        fps=fps,
        name=name,
        narrate=spec.narrate,
        title_frames=round(title_seconds * fps),
    )


def render_step_clip(
    step: StepSpec,
    out_dir: str | Path,
    *,
    heights: Sequence[int] = (360, 720),
    fps: int = 12,
    narrate: bool = True,
    name: str | None = None,
    index: int = 1,
    count: int = 1,
) -> RenderOutput:
    """Render one step on its own (no title card), with the same settings as a tutorial.

    `index`/`count` number the step's badge ("3/6") as in its tutorial.
    """
    safe_key = "".join(c for c in step.key if c.isalnum() or c in "-_")[:64] or "step"
    return _render(
        (step,),
        out_dir,
        tutorial=None,
        heights=heights,
        fps=fps,
        name=name or f"step-{safe_key}",
        narrate=narrate,
        title_frames=0,
        numbering=(index, count),
    )


def _render(steps, out_dir, *, tutorial, heights, fps, name, narrate, title_frames, numbering=None):
    first, count = numbering or (1, len(steps))
    started = time.perf_counter()
    timings: dict[str, float] = {}
    out_dir = Path(out_dir)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="cds-render-") as work:
        work_dir = Path(work)
        prepared = prepare_steps(
            steps, narrate=narrate, fps=fps, work_dir=work_dir, first_index=first
        )
        timings["prepare"] = time.perf_counter() - started
        durations = [p.frames / fps for p in prepared]
        title_s = title_frames / fps
        audio_path = narration_track(prepared, title_frames, fps, work_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        # Steps with an instruction are captioned sentence by sentence, as they are spoken.
        sentences = [
            list(zip(p.sentence_starts, p.sentences, strict=True)) if s.instruction.strip() else []
            for s, p in zip(steps, prepared, strict=True)
        ]
        render = _render_captured if any(p.shots for p in prepared) else _render_illustrated
        renditions, poster = render(
            prepared,
            tutorial,
            out_dir,
            heights,
            fps,
            name,
            title_frames,
            count,
            audio_path,
            written,
            timings,
        )
    timings["total"] = time.perf_counter() - started
    return RenderOutput(
        renditions=renditions,
        poster_path=str(poster),
        captions_vtt=captions.captions_vtt(steps, durations, title_s, tutorial, sentences),
        chapters_vtt=captions.chapters_vtt(steps, durations, title_s, tutorial),
        step_durations=durations,
        timings=timings,
        # Which frames show which captured shot: the OCR checks read it (none if drawn).
        shot_schedule=[list(p.shot_frames) if p.shots else [] for p in prepared]
        if render is _render_captured
        else [],
    )


def _render_illustrated(
    prepared,
    tutorial,
    out_dir,
    heights,
    fps,
    name,
    title_frames,
    count,
    audio_path,
    written,
    timings,
):
    """The drawn screens (painter.py): one rendition per height, then the poster."""
    painter = Painter(prepared, tutorial, fps, count=count)
    try:
        # Queue every still now: the painter thread draws step k+1 while ffmpeg
        # encodes step k, so Pillow's time mostly hides behind the encoder's.
        for height in heights:
            painter.queue(height, title=bool(title_frames))
        poster_job = painter.poster()
        renditions = {}
        for height in heights:
            label = f"{height}p"
            path = out_dir / f"{name}-{label}.mp4"
            t0 = time.perf_counter()
            _encode(painter, height, title_frames, audio_path, path, written)
            timings[f"encode_{label}"] = time.perf_counter() - t0
            renditions[label] = _read_back(label, path)
        t0 = time.perf_counter()
        poster = out_dir / f"{name}-poster.jpg"
        _write_poster(poster_job.result(), poster, written)
        timings["poster"] = time.perf_counter() - t0
    except BaseException:
        painter.shutdown(cancel=True)
        for path in written:
            path.unlink(missing_ok=True)
        raise
    painter.shutdown()
    return renditions, poster


def _render_captured(
    prepared,
    tutorial,
    out_dir,
    heights,
    fps,
    name,
    title_frames,
    count,
    audio_path,
    written,
    timings,
):
    """The phone layouts (captured.py): landscape 720p and portrait for phones."""
    chosen = captured.layouts(prepared, heights)
    if not chosen:
        raise RenderInputError("Không có kích thước video nào để dựng / no rendition asked for")
    renditions = {}
    poster = None
    try:
        for label, layout in chosen.items():
            path = out_dir / f"{name}-{label}.mp4"
            t0 = time.perf_counter()
            clips = []
            if title_frames:
                sentences = [s for p in prepared for s in p.sentences]
                card = captured.title_still(layout, tutorial, count, sentences)
                clips.append(captured.still_clip(card, title_frames, fps))
            step_clips = [captured.step_clip(step, layout, count, fps) for step in prepared]
            clips += step_clips
            total = title_frames + sum(p.frames for p in prepared)
            _write_clips(clips, total, fps, audio_path, path, written)
            timings[f"encode_{label}"] = time.perf_counter() - t0
            renditions[label] = _read_back(label, path)
            if poster is None or label == "phone":
                first = step_clips[0]
                poster = Image.fromarray(first.get_frame(min(HIGHLIGHT_AT, first.duration / 2)))
        t0 = time.perf_counter()
        poster_path = out_dir / f"{name}-poster.jpg"
        _write_poster(poster, poster_path, written)
        timings["poster"] = time.perf_counter() - t0
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return renditions, poster_path


def _write_clips(clips, total_frames, fps, audio_path, path, written, *, readers=()) -> None:
    """Encode ``clips`` one after another to ``path`` (atomically), closing them and the
    ``readers`` they draw from."""
    final = None
    tmp = path.with_name(f".{path.stem}.{uuid.uuid4().hex[:8]}.tmp.mp4")
    written.append(tmp)
    try:
        final = concatenate_videoclips(clips, method="chain")
        # The chained timings are float sums; pin the length to the exact frame count
        # (moviepy writes int(duration * fps) frames).
        final = final.with_duration((total_frames + 0.5) / fps)
        params = VIDEO_PARAMS + (AUDIO_PARAMS if audio_path else [])
        final.write_videofile(
            str(tmp),
            fps=fps,
            codec="libx264",
            preset="veryfast",
            threads=2,
            ffmpeg_params=params,
            audio=str(audio_path) if audio_path else False,
            audio_codec="aac",
            logger=None,
        )
        os.replace(tmp, path)
        written.append(path)
    finally:
        for clip in [final, *clips, *readers]:
            if clip is not None:
                clip.close()
        tmp.unlink(missing_ok=True)


def narration_track(prepared: list[PreparedStep], title_frames: int, fps: int, work_dir: Path):
    """One mono WAV covering the whole video: each step's voice, silence around it."""
    if not any(p.pcm for p in prepared):
        return None
    rate = narration.SAMPLE_RATE
    total_frames = title_frames + sum(p.frames for p in prepared)
    track = np.zeros(round(total_frames / fps * rate), dtype="<i2")
    start_frame = title_frames
    for step in prepared:
        if step.pcm:
            voice = np.frombuffer(step.pcm, dtype="<i2")
            at = round((start_frame / fps + narration.LEAD_SECONDS) * rate)
            voice = voice[: max(0, len(track) - at)]
            track[at : at + len(voice)] = voice
        start_frame += step.frames
    path = work_dir / "narration.wav"
    path.write_bytes(narration.pcm_to_wav(track.tobytes(), rate))
    return path


def _encode(painter: Painter, height, title_frames, audio_path, path, written) -> None:
    fps = painter.fps
    size = frames.frame_size(height)
    clips: list = []
    readers: list = []
    try:
        if title_frames:
            clips.append(still_clip(painter.title(height), size, title_frames, fps))
        for step in painter.prepared:
            if step.recording_path is not None:
                layout = painter.layout(height)
                clips.append(recording_clip(step, layout, painter.count, fps, readers))
            else:
                switch = round(HIGHLIGHT_AT * fps) if step.frames > HIGHLIGHT_AT * fps else 0
                clips.append(still_clip(painter.step(height, step), size, step.frames, fps, switch))
    except BaseException:
        for clip in [*clips, *readers]:
            clip.close()
        raise
    total_frames = title_frames + sum(p.frames for p in painter.prepared)
    _write_clips(clips, total_frames, fps, audio_path, path, written, readers=readers)


def _write_poster(image: Image.Image, path: Path, written) -> None:
    tmp = path.with_name(f".{path.stem}.{uuid.uuid4().hex[:8]}.tmp.jpg")
    written.append(tmp)
    try:
        # 80 keeps the burned-in text clean at 640×360 (85 costs ~9% more).
        image.save(tmp, "JPEG", quality=80, optimize=True, progressive=True)
        os.replace(tmp, path)
        written.append(path)
    finally:
        tmp.unlink(missing_ok=True)


def _read_back(label: str, path: Path) -> Rendition:
    info = probe(path)
    return Rendition(
        label=label,
        path=str(path),
        width=info["width"],
        height=info["height"],
        duration=info["duration"],
        size_bytes=path.stat().st_size,
        video_codec=info["video_codec"],
        audio_codec=info["audio_codec"],
    )
