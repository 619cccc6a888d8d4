"""WebVTT captions (vi) and chapters for a rendered tutorial, plus a small parser.

The captions repeat what is burned into the picture, for screen readers and for players
that restyle text; the chapters let a learner jump to a step. Cue ids are the step keys
(the StreamField block ids), so the player can link a chapter to its step on the page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .specs import StepSpec, TutorialSpec, nfc

TITLE_CUE_ID = "title"


@dataclass(frozen=True)
class Cue:
    id: str
    start: float
    end: float
    text: str


def timestamp(seconds: float) -> str:
    """HH:MM:SS.mmm"""
    ms = round(seconds * 1000)
    hours, ms = divmod(ms, 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    secs, ms = divmod(ms, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{ms:03d}"


def parse_timestamp(value: str) -> float:
    parts = value.strip().split(":")
    if len(parts) == 2:
        parts.insert(0, "0")
    hours, minutes, rest = parts
    return int(hours) * 3600 + int(minutes) * 60 + float(rest)


def _cue_text(text: str) -> str:
    # One line, no cue terminator, and the three characters WebVTT reserves escaped.
    text = " ".join(nfc(text).replace("-->", "→").split())
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cue_id(key: str, index: int) -> str:
    key = " ".join(str(key).replace("-->", "").split())
    return key or f"step-{index}"


def _document(kind: str, cues: list[tuple[str, float, float, str]]) -> str:
    out = ["WEBVTT", f"Kind: {kind}", "Language: vi", ""]
    for cue_id, start, end, text in cues:
        out += [cue_id, f"{timestamp(start)} --> {timestamp(end)}", _cue_text(text), ""]
    return "\n".join(out)


def _timeline(
    steps: Sequence[StepSpec], durations: Sequence[float], title_duration: float
) -> list[tuple[int, StepSpec, float, float]]:
    if len(steps) != len(durations):
        raise ValueError("one duration per step")
    start, rows = title_duration, []
    for index, (step, duration) in enumerate(zip(steps, durations, strict=True), start=1):
        rows.append((index, step, start, start + duration))
        start += duration
    return rows


def captions_vtt(
    steps: Sequence[StepSpec],
    durations: Sequence[float],
    title_duration: float = 0.0,
    tutorial: TutorialSpec | None = None,
    sentences: Sequence[Sequence[tuple[float, str]]] | None = None,
) -> str:
    """A first cue for the title card if there is one, then per step either one cue with
    its caption or, given ``sentences`` ([(seconds into the step, text), …] per step, as
    the voice says them), one cue per sentence, shown from when it is heard."""
    cues = []
    if title_duration > 0 and tutorial is not None:
        title = nfc(tutorial.title) + (f" — {nfc(tutorial.subtitle)}" if tutorial.subtitle else "")
        cues.append((TITLE_CUE_ID, 0.0, title_duration, title))
    for index, step, start, end in _timeline(steps, durations, title_duration):
        spoken = list(sentences[index - 1]) if sentences else []
        if not spoken:
            cues.append((_cue_id(step.key, index), start, end, step.caption or step.title))
            continue
        key = _cue_id(step.key, index)
        for n, (offset, text) in enumerate(spoken):
            cue_start = start if n == 0 else min(end, start + offset)
            cue_end = end if n + 1 == len(spoken) else min(end, start + spoken[n + 1][0])
            if cue_end > cue_start:
                cues.append((key if n == 0 else f"{key}-{n + 1}", cue_start, cue_end, text))
    return _document("captions", cues)


def chapters_vtt(
    steps: Sequence[StepSpec],
    durations: Sequence[float],
    title_duration: float = 0.0,
    tutorial: TutorialSpec | None = None,
) -> str:
    """One chapter per step named by its title; a first chapter for the title card."""
    cues = []
    if title_duration > 0 and tutorial is not None:
        cues.append((TITLE_CUE_ID, 0.0, title_duration, tutorial.title))
    for index, step, start, end in _timeline(steps, durations, title_duration):
        cues.append((_cue_id(step.key, index), start, end, step.title))
    return _document("chapters", cues)


_TIMING = re.compile(r"^(\S+)\s+-->\s+(\S+)")


def parse_vtt(text: str) -> list[Cue]:
    """Parse the WebVTT this module writes (and simple files like it) into cues.

    Raises ValueError when the header or a timing line is malformed.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    blocks = re.split(r"\n{2,}", text.strip("\n"))
    if not blocks or not re.match(r"WEBVTT(?:[ \t\n]|$)", blocks[0]):
        raise ValueError("missing WEBVTT header")
    cues = []
    for block in blocks[1:]:
        lines = block.split("\n")
        if lines[0].startswith(("NOTE", "STYLE", "REGION")):
            continue
        cue_id = ""
        if "-->" not in lines[0]:
            cue_id, lines = lines[0], lines[1:]
        match = _TIMING.match(lines[0]) if lines else None
        if match is None:
            raise ValueError(f"bad cue timing in block: {block!r}")
        start, end = parse_timestamp(match[1]), parse_timestamp(match[2])
        if end < start:
            raise ValueError(f"cue ends before it starts: {block!r}")
        body = "\n".join(lines[1:])
        body = body.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        cues.append(Cue(cue_id, start, end, body))
    return cues
