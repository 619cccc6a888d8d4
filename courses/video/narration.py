"""Vietnamese voice-over: an uploaded recording when there is one, else espeak-ng, else none.

espeak-ng's `vi` voice is robotic but intelligible (video-bench.md), a placeholder until an
editor uploads a real voice. Without espeak-ng the video is silent with captions. All audio
ends up as mono 16-bit PCM at 22.05 kHz, the rate espeak-ng speaks at.
"""

from __future__ import annotations

import functools
import logging
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

import imageio_ffmpeg

from .specs import RenderInputError, nfc

logger = logging.getLogger(__name__)

SAMPLE_RATE = 22050
# The voice starts half a second into its step and a step outlasts its voice by a second.
LEAD_SECONDS = 0.5
PAD_SECONDS = 1.0
ESPEAK_TIMEOUT_S = 30
DECODE_TIMEOUT_S = 120
MAX_VOICE_SECONDS = 300


def espeak_path() -> str | None:
    return shutil.which("espeak-ng")


def espeak_available() -> bool:
    return espeak_path() is not None


@functools.cache
def narrator_id() -> str:
    """Identifies the voice engine for render hashes ('' when narration is silent)."""
    path = espeak_path()
    if path is None:
        return ""
    try:
        out = subprocess.run(  # noqa: S603
            [path, "--version"], capture_output=True, timeout=ESPEAK_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return "espeak-ng"
    return out.stdout.decode(errors="replace").split("Data at")[0].strip() or "espeak-ng"


def wav_info(data: bytes) -> tuple[int, int, int, int, int]:
    """(sample_rate, channels, sample_width, pcm_offset, pcm_length) from a RIFF/WAVE header.

    `espeak-ng --stdout` streams, so its header claims a huge data size; the real length is
    whatever bytes are present.
    """
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise ValueError("not a WAV file")
    pos, fmt = 12, None
    while pos + 8 <= len(data):
        chunk, size = data[pos : pos + 4], struct.unpack("<I", data[pos + 4 : pos + 8])[0]
        body = pos + 8
        if chunk == b"fmt ":
            _tag, channels, rate, _byte_rate, _align, bits = struct.unpack(
                "<HHIIHH", data[body : body + 16]
            )
            fmt = (rate, channels, bits // 8)
        elif chunk == b"data":
            if fmt is None:
                raise ValueError("WAV data before fmt")
            length = min(size, len(data) - body)
            frame = fmt[1] * fmt[2]
            return (*fmt, body, length - length % frame)
        pos = body + size + (size & 1)
    raise ValueError("WAV without data")


def wav_duration(data: bytes) -> float:
    rate, channels, width, _offset, length = wav_info(data)
    return length / (rate * channels * width)


def pcm_to_wav(pcm: bytes, rate: int = SAMPLE_RATE) -> bytes:
    """A mono 16-bit WAV with correct sizes in its header."""
    header = struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF",
        36 + len(pcm),
        b"WAVE",
        b"fmt ",
        16,
        1,
        1,
        rate,
        rate * 2,
        2,
        16,
        b"data",
        len(pcm),
    )
    return header + pcm


def synthesize(text: str) -> bytes | None:
    """Speak `text` with espeak-ng's Vietnamese voice; a WAV, or None when unavailable.

    The text goes in on stdin (never argv), so a caption starting with '-' is not an option.
    If espeak-ng fails the step is left silent (its caption still shows) rather than
    failing the whole render.
    """
    path = espeak_path()
    text = nfc(text).strip()
    if path is None or not text:
        return None
    try:
        result = subprocess.run(  # noqa: S603
            [path, "-v", "vi", "-s", "150", "--stdin", "--stdout"],
            input=text.encode(),
            capture_output=True,
            timeout=ESPEAK_TIMEOUT_S,
            check=True,
        )
        rate, channels, width, offset, length = wav_info(result.stdout)
    except (OSError, subprocess.SubprocessError, ValueError):
        logger.warning("espeak-ng failed; leaving the step silent", exc_info=True)
        return None
    if (rate, channels, width) == (SAMPLE_RATE, 1, 2):
        # Rewrite the header so the bytes are a well-formed WAV for anyone who stores them.
        return pcm_to_wav(result.stdout[offset : offset + length])
    return pcm_to_wav(decode_to_pcm(result.stdout))


def decode_to_pcm(data: bytes, step_label: str = "") -> bytes:
    """Any audio ffmpeg reads → mono s16le PCM at 22.05 kHz (raises RenderInputError)."""
    try:
        rate, channels, width, offset, length = wav_info(data)
    except ValueError:
        pass
    else:
        if (rate, channels, width) == (SAMPLE_RATE, 1, 2):
            return data[offset : offset + length]
    # From a file, not a pipe: MP4/M4A voice memos keep their index at the end.
    with tempfile.TemporaryDirectory(prefix="cds-voice-") as tmp:
        src = Path(tmp) / "voice.bin"
        src.write_bytes(data)
        cmd = [imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-nostdin", "-i", str(src)]
        cmd += ["-vn", "-ac", "1", "-ar", str(SAMPLE_RATE), "-f", "s16le", "-"]
        try:
            result = subprocess.run(  # noqa: S603
                cmd, capture_output=True, timeout=DECODE_TIMEOUT_S, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise RenderInputError(f"{step_label}: giọng đọc quá dài / voice too long") from exc
    if result.returncode != 0 or not result.stdout:
        detail = result.stderr.decode(errors="replace").strip().splitlines()[-1:]
        raise RenderInputError(
            f"{step_label}: không đọc được tệp giọng đọc / voice file cannot be read {detail}"
        )
    if len(result.stdout) > MAX_VOICE_SECONDS * SAMPLE_RATE * 2:
        raise RenderInputError(
            f"{step_label}: giọng đọc dài hơn {MAX_VOICE_SECONDS} giây / voice too long"
        )
    return result.stdout[: len(result.stdout) // 2 * 2]


def step_pcm(voice: bytes | None, text: str, *, narrate: bool, step_label: str) -> bytes | None:
    """The narration for a step: the uploaded voice wins, then espeak-ng, else None."""
    if voice:
        return decode_to_pcm(voice, step_label)
    if not narrate:
        return None
    wav = synthesize(text)
    return None if wav is None else decode_to_pcm(wav, step_label)
