"""Draw every still once, on a background thread, and build the clips that show them.

Each state (title card; a step before and after its highlight) is drawn once per height
with Pillow and handed to moviepy as a plain array. Drawing runs on one worker thread in
the order the encoder needs the stills, so step k+1 is drawn while ffmpeg encodes step k.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np
from moviepy import VideoClip, VideoFileClip
from PIL import Image

from . import frames
from .prepare import PreparedStep

HIGHLIGHT_AT = 1.5  # seconds into a step before its highlight box appears
# Phones fetch the poster before anyone presses play, on every page view; the projector
# shows it for a moment only. The 360p still is drawn for the video anyway, and as a JPEG
# it is ~23 KB against ~60 KB at 720p (issue 9). Not in the content hash: a smaller poster
# alone is not worth re-encoding every stored tutorial, so older renders keep theirs.
POSTER_HEIGHT = 360


class Painter:
    """Queues and caches the stills of one render, keyed by (height, what)."""

    def __init__(self, prepared: list[PreparedStep], tutorial, fps: int, *, count: int):
        self.prepared = prepared
        self.tutorial = tutorial
        self.fps = fps
        self.count = count  # what the step badges count to ("2/6")
        self._captions = [p.caption for p in prepared]
        self._layouts: dict[int, frames.Layout] = {}
        self._jobs: dict[tuple, Future] = {}
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="video-painter")

    def layout(self, height: int) -> frames.Layout:
        if height not in self._layouts:
            self._layouts[height] = frames.layout_for(height, self._captions)
        return self._layouts[height]

    def _submit(self, key, fn, *args) -> Future:
        if key not in self._jobs:
            self._jobs[key] = self._pool.submit(fn, *args)
        return self._jobs[key]

    def queue(self, height: int, *, title: bool) -> None:
        """Queue everything a rendition at `height` shows, in playing order."""
        if title:
            self.title(height)
        for step in self.prepared:
            if step.recording_path is None:
                self.step(height, step)

    def title(self, height: int) -> Future:
        return self._submit((height, "title"), self._draw_title, self.layout(height))

    def _draw_title(self, layout):
        card = frames.title_card(layout, self.tutorial.title, self.tutorial.subtitle, self.count)
        return np.asarray(card), None

    def step(self, height: int, step: PreparedStep) -> Future:
        """(plain, highlighted or None) arrays of a still step."""
        return self._submit((height, step.index), self._draw_step, self.layout(height), step)

    def _draw_step(self, layout, step):
        plain, marked = frames.step_frames(
            layout,
            step.index,
            self.count,
            step.title,
            step.caption,
            step.screenshot,
            step.highlight,
        )
        return np.asarray(plain), None if marked is None else np.asarray(marked)

    def poster(self) -> Future:
        """The first step as a 360p picture, highlighted: what a player shows before play."""
        first = self.prepared[0]
        if first.recording_path is not None:
            return self._submit(("poster",), self._recording_poster, first)
        job = self.step(POSTER_HEIGHT, first)
        return self._submit(("poster",), self._still_poster, job)

    @staticmethod
    def _still_poster(job: Future) -> Image.Image:
        plain, marked = job.result()
        return Image.fromarray(plain if marked is None else marked)

    def _recording_poster(self, step):
        readers: list = []
        try:
            clip = recording_clip(step, self.layout(POSTER_HEIGHT), self.count, self.fps, readers)
            return Image.fromarray(clip.get_frame(min(HIGHLIGHT_AT, clip.duration - 0.01)))
        finally:
            for reader in readers:
                reader.close()

    def shutdown(self, *, cancel: bool = False) -> None:
        self._pool.shutdown(wait=True, cancel_futures=cancel)


def still_clip(job: Future, size, n_frames: int, fps: int, switch: int = 0) -> VideoClip:
    """An ImageClip whose picture may still be being drawn: no per-frame work.

    The job gives (plain, highlighted or None) arrays; the highlighted one shows from frame
    `switch`. ImageClip itself needs its array up front, which would serialise drawing and
    encoding again.
    """
    clip = VideoClip(duration=n_frames / fps)  # a frame_function here would draw frame 0 now
    clip.size = size

    def frame_function(t):
        plain, marked = job.result()
        if marked is not None and t * fps >= switch - 0.5:
            return marked
        return plain

    clip.frame_function = frame_function
    return clip


def recording_clip(step: PreparedStep, layout, count, fps, readers) -> VideoClip:
    """The cut recording letterboxed into the step frame; its last frame holds if short.

    The VideoFileClip is appended to `readers`; the caller closes it (it owns an ffmpeg
    process).
    """
    canvas = np.array(frames.step_canvas(layout, step.index, count, step.title, step.caption))
    x, y, w, h = frames.fit_rect(layout, *step.recording_size)
    # Scaled once, by the ffmpeg that reads it, to exactly the fitted size.
    source = VideoFileClip(str(step.recording_path), audio=False, target_resolution=(w, h))
    readers.append(source)
    cut = source.subclipped(*step.recording_span)  # shares `source`'s reader
    last = max(0.0, cut.duration - 1.0 / max(source.fps or fps, 1))
    box = frames.highlight_rect((x, y, w, h), step.highlight) if step.highlight else None
    line = layout.px(4, 2)
    show_at = round(HIGHLIGHT_AT * fps) / fps

    def frame_function(t):
        out = canvas.copy()
        out[y : y + h, x : x + w] = cut.get_frame(min(t, last))[:h, :w]
        if box is not None and t >= show_at:
            x0, y0, x1, y1 = box
            out[y0 : y0 + line, x0:x1] = frames.YELLOW
            out[y1 - line : y1, x0:x1] = frames.YELLOW
            out[y0:y1, x0 : x0 + line] = frames.YELLOW
            out[y0:y1, x1 - line : x1] = frames.YELLOW
        return out

    clip = VideoClip(duration=step.frames / fps)
    clip.size = frames.frame_size(layout.height)
    clip.frame_function = frame_function
    return clip
