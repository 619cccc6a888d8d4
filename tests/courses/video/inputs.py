"""Inputs for the video pipeline tests: small screenshots, a recording, a voice file."""

import io
import math
import os
import struct
import subprocess
from pathlib import Path

import imageio_ffmpeg
from PIL import Image, ImageDraw

from courses.video.specs import StepSpec, TutorialSpec


def screenshot(size=(800, 600), color=(230, 236, 245), fmt="PNG") -> bytes:
    """A form-like picture; 4:3 by default so letterboxing is exercised."""
    img = Image.new("RGB", size, color)
    draw = ImageDraw.Draw(img)
    w, h = size
    draw.rectangle((0, 0, w, h // 8), fill=(176, 28, 36))
    draw.rectangle((w // 10, h // 2, w // 2, h // 2 + h // 10), outline=(20, 20, 20), width=3)
    buf = io.BytesIO()
    img.save(buf, fmt)
    return buf.getvalue()


def voice_wav(seconds: float, rate: int = 44100, channels: int = 2) -> bytes:
    """A stereo 44.1 kHz tone, so the pipeline has to resample and downmix it."""
    frames = bytearray()
    for i in range(int(seconds * rate)):
        sample = int(8000 * math.sin(2 * math.pi * 440 * i / rate))
        frames += struct.pack("<h", sample) * channels
    header = struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF",
        36 + len(frames),
        b"WAVE",
        b"fmt ",
        16,
        1,
        channels,
        rate,
        rate * channels * 2,
        channels * 2,
        16,
        b"data",
        len(frames),
    )
    return header + bytes(frames)


def recording_mp4(tmp_path: Path, seconds: float = 3.0) -> bytes:
    """A 320×240 screen-recording stand-in made by ffmpeg's test source."""
    out = tmp_path / "recording.mp4"
    cmd = [imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-nostdin", "-y"]
    cmd += ["-f", "lavfi", "-i", f"testsrc=size=320x240:rate=12:duration={seconds}"]
    cmd += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(out)]
    subprocess.run(cmd, check=True, timeout=60)  # noqa: S603
    return out.read_bytes()


STEP_TEXTS = [
    ("Bước 1: Mở Cổng Dịch vụ công", "Mở trình duyệt, vào trang dichvucong.gov.vn"),
    ("Bước 2: Tìm thủ tục", "Gõ “Đăng ký khai sinh” vào ô tìm kiếm"),
    ("Bước 3: Nhập mã OTP", "Bước 3: Nhập mã xác nhận (OTP) gồm 6 chữ số"),
]


def three_steps(overrides: dict | None = None) -> tuple[StepSpec, ...]:
    """Three 2 s steps; `overrides` maps a step number to field values."""
    overrides = overrides or {}
    steps = []
    for index, (title, caption) in enumerate(STEP_TEXTS, start=1):
        fields = {
            "key": f"b{index}-7f3a",
            "title": title,
            "caption": caption,
            "screenshot": screenshot(fmt="JPEG" if index == 2 else "PNG"),
            "highlight": (0.1, 0.5, 0.4, 0.1) if index != 2 else None,
            "min_duration": 2.0,
        }
        fields.update(overrides.get(index, {}))
        steps.append(StepSpec(**fields))
    return tuple(steps)


def tutorial(steps=None, narrate=False) -> TutorialSpec:
    return TutorialSpec(
        title="Đăng ký khai sinh",
        subtitle="Làm thủ tục trực tuyến, từng bước",
        steps=steps or three_steps(),
        narrate=narrate,
    )


def child_processes() -> list[str]:
    """Commands of the live (not zombie) children of this process, from /proc."""
    me, found = os.getpid(), []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        comm_end = stat.rfind(")")
        state, ppid = stat[comm_end + 2 :].split()[:2]
        if int(ppid) == me and state != "Z":
            found.append(stat[stat.find("(") + 1 : comm_end])
    return found
