"""What a render takes and what it gives back.

The specs are plain frozen dataclasses so a Celery task can build them from a page
revision, hash them to decide whether a stored render is still current, and hand them to
the pipeline without the pipeline knowing about Django.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass, field

# Bump whenever a change to the drawing, timing or encoder settings changes the output, so
# every stored render is seen as stale and re-rendered.
PIPELINE_VERSION = "2026.12-2"


class RenderInputError(ValueError):
    """An editor-supplied input cannot be used (corrupt image, bad times, unreadable audio).

    Raised before any output file is written; the message names the step so the editor
    knows what to fix.
    """


def nfc(text: str) -> str:
    """All text is NFC-normalised: NFD input (from some macOS/IME paths) renders badly."""
    return unicodedata.normalize("NFC", text or "")


@dataclass(frozen=True)
class ShotSpec:
    """One screen captured from the practice portal (see courses.models.step_captures)."""

    kind: str  # look | tap | type | result
    image: bytes | None  # PNG; None when only hashing
    box: tuple[float, float, float, float] | None  # CSS px in the viewport
    label: str = ""  # "Bấm “Tiếp tục”", shown beside the phone on the projector
    typed: str = ""
    banner: tuple[float, float, float, float] | None = None  # kept bright when dimming


@dataclass(frozen=True)
class StepSpec:
    """One step of a procedure as the editor wrote it."""

    key: str  # stable id (the StreamField block id)
    title: str  # "Bước 2: Tìm thủ tục"
    caption: str  # shown burned-in and in WebVTT, and narrated
    screenshot: bytes | None  # PNG/JPEG/WebP bytes, any size; letterboxed, never stretched
    highlight: tuple[float, float, float, float] | None  # (x, y, w, h), fractions 0..1
    voice: bytes | None = None  # an uploaded recording that replaces espeak
    recording: bytes | None = None  # a screen recording to cut and use instead of the still
    recording_start: float = 0.0
    recording_end: float | None = None
    min_duration: float = 6.0
    # The step's instruction: narrated and captioned sentence by sentence after the title.
    instruction: str = ""
    # Screens captured from the practice portal; when present they replace the screenshot.
    shots: tuple[ShotSpec, ...] = ()
    pixel_ratio: float = 1.0  # image pixels per CSS pixel of the shots
    shots_digest: str = ""  # stands for the shots in the hash (their images unread)


@dataclass(frozen=True)
class TutorialSpec:
    """A whole procedure tutorial: a title card, then each step in order."""

    title: str
    subtitle: str
    steps: tuple[StepSpec, ...]
    narrate: bool = True

    @property
    def captured(self) -> bool:
        """Captured tutorials get a landscape 720p and a portrait phone rendition."""
        return any(step.shots for step in self.steps)


@dataclass
class Rendition:
    """One encoded file, with what was read back from it (not what was asked for)."""

    label: str  # "360p" / "720p"
    path: str
    width: int
    height: int
    duration: float
    size_bytes: int
    video_codec: str
    audio_codec: str | None


@dataclass
class RenderOutput:
    renditions: dict[str, Rendition]
    poster_path: str
    captions_vtt: str
    chapters_vtt: str
    step_durations: list[float]
    timings: dict[str, float] = field(default_factory=dict)
    # Frames each captured shot is on screen, per step (empty for a screenshot step).
    shot_schedule: list[list[int]] = field(default_factory=list)


def _digest_bytes(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def _step_fields(step: StepSpec) -> dict:
    return {
        "key": step.key,
        "title": nfc(step.title),
        "caption": nfc(step.caption),
        "screenshot": _digest_bytes(step.screenshot),
        "highlight": [round(v, 6) for v in step.highlight] if step.highlight else None,
        "voice": _digest_bytes(step.voice),
        "recording": _digest_bytes(step.recording),
        "recording_start": round(step.recording_start, 3),
        "recording_end": None if step.recording_end is None else round(step.recording_end, 3),
        "min_duration": round(step.min_duration, 3),
        "instruction": nfc(step.instruction),
        "shots": step.shots_digest or shots_digest(step.shots),
    }


def shots_digest(shots) -> str:
    """sha256 over captured screens: pictures, boxes and texts, in order."""
    if not shots:
        return ""
    digest = hashlib.sha256()
    for shot in shots:
        box, banner = (list(b) if b else None for b in (shot.box, shot.banner))
        fields = [shot.kind, box, banner, nfc(shot.label), nfc(shot.typed)]
        digest.update(json.dumps(fields, ensure_ascii=False).encode())
        digest.update(hashlib.sha256(shot.image or b"").digest())
    return digest.hexdigest()


def content_hash(spec: StepSpec | TutorialSpec, *, narrator: str = "") -> str:
    """sha256 over every input that changes the rendered output.

    Text is hashed after NFC normalisation, so an NFD copy of the same caption is the
    same render. `narrator` identifies the voice engine (see `narration.narrator_id`):
    installing espeak-ng changes the output, so callers that cache renders pass it.
    """
    if isinstance(spec, StepSpec):
        payload = {"step": _step_fields(spec)}
    else:
        payload = {
            "title": nfc(spec.title),
            "subtitle": nfc(spec.subtitle),
            "narrate": spec.narrate,
            "steps": [_step_fields(step) for step in spec.steps],
        }
    payload["pipeline"] = PIPELINE_VERSION
    payload["narrator"] = narrator
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(blob).hexdigest()
