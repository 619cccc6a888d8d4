"""Read back what was actually written, with imageio-ffmpeg's binary (no system ffprobe)."""

from __future__ import annotations

import re
import struct
import subprocess
from pathlib import Path

import imageio_ffmpeg

PROBE_TIMEOUT_S = 60

_DURATION = re.compile(r"Duration:\s*(\d+):(\d+):(\d+(?:\.\d+)?)")
_BITRATE = re.compile(r"Duration:.*?bitrate:\s*(\d+)\s*kb/s")
_VIDEO = re.compile(
    r"Stream #\S+.*?: Video: (\w+)[^,]*(?:,\s*(\w+)(?:\([^)]*\))?)?.*?(\d{2,5})x(\d{2,5})"
)
_AUDIO = re.compile(r"Stream #\S+.*?: Audio: (\w+)(.*)")
_FPS = re.compile(r"([\d.]+) fps")
_KBPS = re.compile(r"(\d+) kb/s")


def probe(path: str | Path) -> dict:
    """duration, width, height, video codec, pixel format, and audio details if any.

    Parses `ffmpeg -i` output, which is stable enough for these fields; moviepy's
    `ffmpeg_parse_infos` does the same but drops the audio channel layout.
    """
    result = subprocess.run(  # noqa: S603
        [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-nostdin", "-i", str(path)],
        capture_output=True,
        timeout=PROBE_TIMEOUT_S,
        check=False,
    )
    text = result.stderr.decode(errors="replace")
    duration = _DURATION.search(text)
    if duration is None:
        raise ValueError(f"not a media file: {path}")
    hours, minutes, seconds = duration.groups()
    info: dict = {
        "duration": int(hours) * 3600 + int(minutes) * 60 + float(seconds),
        "bitrate_kbps": int(m[1]) if (m := _BITRATE.search(text)) else None,
        "width": None,
        "height": None,
        "video_codec": None,
        "pix_fmt": None,
        "fps": None,
        "audio_codec": None,
        "audio_sample_rate": None,
        "audio_channels": None,
        "audio_bitrate_kbps": None,
    }
    for line in text.splitlines():
        if info["video_codec"] is None and (video := _VIDEO.search(line)):
            info["video_codec"] = video[1]
            info["pix_fmt"] = video[2]
            info["width"], info["height"] = int(video[3]), int(video[4])
            info["fps"] = float(fps[1]) if (fps := _FPS.search(line)) else None
        elif info["audio_codec"] is None and (audio := _AUDIO.search(line)):
            fields = [f.strip() for f in audio[2].split(",")]
            info["audio_codec"] = audio[1]
            for item in fields:
                if item.endswith(" Hz"):
                    info["audio_sample_rate"] = int(item.split()[0])
                elif item in ("mono", "stereo") or "channels" in item:
                    info["audio_channels"] = {"mono": 1, "stereo": 2}.get(
                        item, int(item.split()[0]) if item[0].isdigit() else None
                    )
                elif kbps := _KBPS.match(item):
                    info["audio_bitrate_kbps"] = int(kbps[1])
    return info


def top_level_boxes(path: str | Path) -> list[str]:
    """The types of an MP4's top-level boxes, in file order."""
    boxes = []
    with open(path, "rb") as fh:
        size_total = Path(path).stat().st_size
        pos = 0
        while pos + 8 <= size_total:
            fh.seek(pos)
            size, kind = struct.unpack(">I4s", fh.read(8))
            if size == 1:
                size = struct.unpack(">Q", fh.read(8))[0]
            elif size == 0:
                size = size_total - pos
            if size < 8:
                raise ValueError(f"corrupt MP4 box at {pos}")
            boxes.append(kind.decode("latin-1"))
            pos += size
    return boxes


def moov_before_mdat(path: str | Path) -> bool:
    """True when the index comes first (+faststart): playback starts before the download ends."""
    boxes = top_level_boxes(path)
    return "moov" in boxes and "mdat" in boxes and boxes.index("moov") < boxes.index("mdat")
