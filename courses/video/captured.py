"""Clips of tutorials captured from the practice portal, in the phone layouts.

A captured step is a run of stills: each moment of each action (phone.shot_still) with
the sentence being spoken at that time; a new still is drawn only where either changes
(PreparedStep.segments), and each once per rendition. A step without captured screens
in such a tutorial (its capture failed, or it has no script) shows its screenshot the
same way: plain, then with its highlight, as the older layout did.
"""

from __future__ import annotations

from bisect import bisect_right

import numpy as np
from moviepy import VideoClip

from . import frames, phone
from .painter import HIGHLIGHT_AT
from .prepare import PreparedShot, PreparedStep

# Rendition heights the callers ask for, and the captured layouts that stand for them:
# the projector's landscape 720p, and the phone's portrait 360×640 for weak links.
LABEL_FOR_HEIGHT = {720: "720p", 360: "phone"}


def layouts(prepared: list[PreparedStep], heights) -> dict[str, phone.PhoneLayout]:
    captions = tuple(sentence for step in prepared for sentence in step.sentences)
    chosen = {}
    for height in heights:
        label = LABEL_FOR_HEIGHT.get(height)
        if label:
            chosen[label] = phone.phone_layout(landscape=label == "720p", captions=captions)
    return chosen


def _illustrated_shots(step: PreparedStep, fps: int):
    """A screenshot step as shots: plain, then its highlight box (fractions → pixels)."""
    if step.screenshot is None:
        return [], [step.frames]
    plain = PreparedShot("result", step.screenshot, None, None, "", "", 1.0)
    if not step.highlight:
        return [plain], [step.frames]
    x, y, w, h = step.highlight
    width, height = step.screenshot.size
    box = (x * width, y * height, w * width, h * height)
    marked = PreparedShot("look", step.screenshot, box, None, "", "", 1.0)
    first = min(step.frames - 1, round(HIGHLIGHT_AT * fps)) if step.frames > 1 else step.frames
    if first <= 0 or first >= step.frames:
        return [marked], [step.frames]
    return [plain, marked], [first, step.frames - first]


def step_clip(step: PreparedStep, layout: phone.PhoneLayout, count: int, fps: int) -> VideoClip:
    shots, shot_frames = (
        (step.shots, step.shot_frames) if step.shots else _illustrated_shots(step, fps)
    )
    if not step.shots:
        step.shot_frames = shot_frames  # segments() reads them
    runs = step.segments()
    starts = [run[0] for run in runs]
    fitted: dict[int, tuple] = {}
    stills: dict[tuple[int, int], np.ndarray] = {}

    def still(shot_index: int, sentence_index: int) -> np.ndarray:
        key = (shot_index, sentence_index)
        if key not in stills:
            sentence = step.sentences[sentence_index] if step.sentences else step.caption
            if shots:
                shot = shots[shot_index]
                if shot_index not in fitted:
                    fitted[shot_index] = phone.fit_screen(layout, shot.image)
                picture, scale = fitted[shot_index]
                image = phone.shot_still(
                    layout,
                    index=step.index,
                    count=count,
                    title=step.title,
                    fitted=picture,
                    box=shot.box,
                    banner=shot.banner,
                    ratio=shot.ratio * scale,
                    kind=shot.kind,
                    sentence=sentence,
                    action=shot.label,
                    typed=shot.typed if shot.kind == "type" else "",
                )
            else:
                image = phone.empty_still(
                    layout, index=step.index, count=count, title=step.title, sentence=sentence
                )
            stills[key] = np.asarray(image)
        return stills[key]

    def frame_function(t):
        frame = min(step.frames - 1, max(0, round(t * fps)))
        _start, _count, shot_index, sentence_index = runs[bisect_right(starts, frame) - 1]
        return still(shot_index, sentence_index)

    clip = VideoClip(duration=step.frames / fps)
    clip.size = (layout.width, layout.height)
    clip.frame_function = frame_function
    return clip


def title_still(layout: phone.PhoneLayout, tutorial, count: int, captions) -> np.ndarray:
    if layout.landscape:
        legacy = frames.layout_for(layout.height, list(captions))
        return np.asarray(frames.title_card(legacy, tutorial.title, tutorial.subtitle, count))
    return np.asarray(phone.phone_title_card(layout, tutorial.title, tutorial.subtitle, count))


def still_clip(array: np.ndarray, n_frames: int, fps: int) -> VideoClip:
    clip = VideoClip(duration=n_frames / fps)
    clip.size = (array.shape[1], array.shape[0])
    clip.frame_function = lambda t: array
    return clip
