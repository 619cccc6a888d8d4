"""`make bench-video`: the pipeline against plain ffmpeg on the same pre-drawn frames.

A 60 s tutorial (3 s title card + 6 steps of 9.5 s, highlight at 1.5 s, no narration so it
is deterministic) is rendered at 360p and 720p, alternating N runs of the pipeline
(`render_tutorial` for that rendition only) with N runs of one ffmpeg command fed the same
stills as PNGs through the concat demuxer. With espeak-ng installed, 360p is measured again
with narration, ffmpeg getting the same narration WAV. Every measured run is its own process, so its
peak memory (ru_maxrss from wait4: the largest process of its tree, ffmpeg included) is
its own. pipeline_s is the wall time of the render call inside that process, what a warm
Celery worker pays; the process time with Python start-up and imports is shown alongside.

Run from the repository root: `python -m courses.video.bench` (no Django needed).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5
NARRATED_RUNS = 5
SECONDS = 60.0
TITLE_SECONDS = 3.0
STEP_SECONDS = 9.5
FPS = 12
MAX_RATIO = 1.5
MAX_360P_SECONDS = 2.0
MAX_360P_KB_PER_S = 3.0
MAX_NARRATED_KB_PER_S = 8.0

STEPS = [
    ("Bước 1: Mở Cổng Dịch vụ công", "Mở trình duyệt và vào dichvucong.gov.vn", "Đăng nhập"),
    ("Bước 2: Tìm thủ tục", "Gõ “Đăng ký khai sinh” vào ô tìm kiếm rồi bấm Tìm kiếm", "Tìm kiếm"),
    (
        "Bước 3: Nhập mã xác nhận",
        "Nhập mã xác nhận (OTP) gồm 6 chữ số gửi về điện thoại",
        "Xác nhận",
    ),
    (
        "Bước 4: Điền tờ khai",
        "Điền họ tên, ngày sinh và nơi sinh của trẻ theo giấy chứng sinh",
        "Tiếp tục",
    ),
    (
        "Bước 5: Đính kèm giấy tờ",
        "Chụp rõ giấy chứng sinh và tải lên ở mục Thành phần hồ sơ",
        "Tải lên",
    ),
    (
        "Bước 6: Nộp hồ sơ",
        "Kiểm tra lại thông tin rồi bấm Nộp hồ sơ; ghi lại mã hồ sơ",
        "Nộp hồ sơ",
    ),
]


def portal_screenshot(index: int, button: str) -> tuple[bytes, tuple[float, float, float, float]]:
    """A 1280×720 PNG that looks like a public-service portal form, and where its button is."""
    from PIL import Image, ImageDraw

    from .frames import font

    img = Image.new("RGB", (1280, 720), (244, 246, 249))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, 1280, 86), fill=(176, 28, 36))
    draw.text((32, 26), "CỔNG DỊCH VỤ CÔNG QUỐC GIA", font=font("Bold", 28), fill=(255, 236, 160))
    draw.rectangle((0, 86, 1280, 128), fill=(255, 255, 255))
    for i, item in enumerate(["Trang chủ", "Thủ tục hành chính", "Hỗ trợ", "Tra cứu hồ sơ"]):
        draw.text((32 + i * 210, 96), item, font=font("Medium", 18), fill=(40, 40, 60))
    draw.rectangle((32, 150, 300, 690), fill=(255, 255, 255), outline=(210, 214, 220))
    for i in range(8):
        draw.text((48, 170 + i * 56), f"Mục {i + 1}", font=font("Regular", 17), fill=(70, 80, 95))
    draw.rectangle((330, 150, 1248, 690), fill=(255, 255, 255), outline=(210, 214, 220))
    labels = ["Họ và tên", "Ngày sinh", "Nơi sinh", "Số định danh"]
    for i, label in enumerate(labels):
        y = 180 + i * 100 + (index % 2) * 10
        draw.text((360, y), label, font=font("SemiBold", 18), fill=(30, 41, 59))
        draw.rectangle((360, y + 32, 1000, y + 74), outline=(160, 170, 185), width=2)
    bx, by = 360 + index * 70, 600
    draw.rounded_rectangle((bx, by, bx + 220, by + 56), radius=8, fill=(13, 89, 180))
    draw.text((bx + 110, by + 28), button, font=font("SemiBold", 20), fill="white", anchor="mm")
    buf = io.BytesIO()
    img.save(buf, "PNG", compress_level=1)
    return buf.getvalue(), ((bx - 12) / 1280, (by - 12) / 720, 244 / 1280, 80 / 720)


def bench_spec(*, narrate: bool = False):
    from .specs import StepSpec, TutorialSpec

    steps = []
    for index, (title, caption, button) in enumerate(STEPS, start=1):
        shot, box = portal_screenshot(index, button)
        steps.append(
            StepSpec(
                key=f"step-{index}",
                title=title,
                caption=caption,
                screenshot=shot,
                highlight=box,
                min_duration=STEP_SECONDS,
            )
        )
    return TutorialSpec(
        title="Đăng ký khai sinh trực tuyến",
        subtitle="Làm thủ tục trên Cổng Dịch vụ công, từng bước một",
        steps=tuple(steps),
        narrate=narrate,
    )


def predraw(height: int, folder: Path, *, narrate: bool = False) -> tuple[Path, Path | None]:
    """The pipeline's own stills as PNGs, a concat list with its timings, and its narration."""
    from . import frames
    from .encode import narration_track
    from .painter import HIGHLIGHT_AT
    from .prepare import prepare_steps

    spec = bench_spec(narrate=narrate)
    prepared = prepare_steps(spec.steps, narrate=narrate, fps=FPS, work_dir=folder)
    layout = frames.layout_for(height, [p.caption for p in prepared])
    frames.title_card(layout, spec.title, spec.subtitle, len(prepared)).save(folder / "title.png")
    lines = ["file 'title.png'", f"duration {TITLE_SECONDS}"]
    for p in prepared:
        plain, marked = frames.step_frames(
            layout, p.index, len(prepared), p.title, p.caption, p.screenshot, p.highlight
        )
        plain.save(folder / f"{p.index}a.png")
        marked.save(folder / f"{p.index}b.png")
        lines += [f"file '{p.index}a.png'", f"duration {HIGHLIGHT_AT}"]
        lines += [f"file '{p.index}b.png'", f"duration {p.frames / FPS - HIGHLIGHT_AT}"]
    lines.append(f"file '{prepared[-1].index}b.png'")  # the last duration needs a repeat
    listing = folder / "list.txt"
    listing.write_text("\n".join(lines) + "\n")
    audio = narration_track(prepared, round(TITLE_SECONDS * FPS), FPS, folder)
    return listing, audio


def _measure(cmd: list[str]) -> tuple[float, float, str]:
    """(wall seconds, peak MB of the largest process in the tree, stdout)."""
    # os.wait4, not Popen.wait: it also returns the child's resource usage. stderr goes to
    # a file so a chatty child cannot fill a pipe nobody reads.
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err)  # noqa: S603
        out = proc.stdout.read()
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        proc.stdout.close()
        if proc.returncode != 0:
            err.seek(0)
            raise RuntimeError(f"{cmd[0]} failed: {err.read().decode(errors='replace')[-2000:]}")
    return wall, usage.ru_maxrss / 1024, out.decode()


def run_pipeline(height: int, out_dir: Path, narrate: bool) -> dict:
    cmd = [sys.executable, "-m", "courses.video.bench", "--child", str(height), str(out_dir)]
    wall, peak, out = _measure(cmd + (["--narrate"] if narrate else []))
    result = json.loads(out.strip().splitlines()[-1])
    return {**result, "process_s": wall, "peak_mb": peak}


def run_ffmpeg(listing: Path, out: Path, audio: Path | None = None) -> dict:
    """The same stills (and narration) through one ffmpeg command, the pipeline's settings."""
    import imageio_ffmpeg

    from .encode import AUDIO_PARAMS

    cmd = [imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-nostdin", "-y"]
    cmd += ["-f", "concat", "-safe", "0", "-i", str(listing)]
    cmd += ["-i", str(audio), "-c:a", "aac", *AUDIO_PARAMS] if audio else []
    cmd += ["-vf", f"fps={FPS},format=yuv420p", "-t", f"{SECONDS:g}"]
    cmd += ["-c:v", "libx264", "-preset", "veryfast", "-crf", "30", "-tune", "stillimage"]
    cmd += ["-threads", "2", "-movflags", "+faststart", str(out)]
    wall, peak, _ = _measure(cmd)
    return {"seconds": wall, "peak_mb": peak, "size": out.stat().st_size}


def child(height: int, out_dir: Path, narrate: bool) -> None:
    """One measured pipeline run (in its own process); prints a JSON line."""
    from .encode import render_tutorial

    spec = bench_spec(narrate=narrate)
    started = time.perf_counter()
    result = render_tutorial(spec, out_dir, heights=(height,), fps=FPS)
    seconds = time.perf_counter() - started
    rendition = result.renditions[f"{height}p"]
    line = {"seconds": seconds, "size": rendition.size_bytes, "duration": rendition.duration}
    sys.stdout.write(json.dumps(line) + "\n")


def _median(rows: list[dict], key: str) -> float:
    return statistics.median(row[key] for row in rows)


def compare(height: int, tmp: Path, *, narrate: bool, runs: int) -> dict:
    """Alternate pipeline and ffmpeg runs at one size; medians and the pipeline's file."""
    folder = tmp / f"frames-{height}{'-narrated' if narrate else ''}"
    folder.mkdir()
    listing, audio = predraw(height, folder, narrate=narrate)
    pipe_rows, ff_rows = [], []
    for _ in range(runs):
        pipe_rows.append(run_pipeline(height, folder / "pipeline", narrate=narrate))
        ff_rows.append(run_ffmpeg(listing, folder / "ffmpeg.mp4", audio))
    row = {
        "pipeline_s": _median(pipe_rows, "seconds"),
        "process_s": _median(pipe_rows, "process_s"),
        "ffmpeg_s": _median(ff_rows, "seconds"),
        "kb_per_s": pipe_rows[-1]["size"] / 1000 / pipe_rows[-1]["duration"],
        "peak_mb": max(r["peak_mb"] for r in pipe_rows),
        "ffmpeg_peak_mb": max(r["peak_mb"] for r in ff_rows),
        "same_size": pipe_rows[-1]["size"] == ff_rows[-1]["size"],
        "duration": pipe_rows[-1]["duration"],
    }
    row["ratio"] = row["pipeline_s"] / row["ffmpeg_s"]
    return row


def _table_row(name: str, row: dict) -> str:
    return (
        f"{name:<15}{row['pipeline_s']:10.2f} {row['process_s']:10.2f} "
        f"{row['ffmpeg_s']:9.2f} {row['ratio']:6.2f} {row['kb_per_s']:9.1f} "
        f"{'yes' if row['same_size'] else 'no':>10}  "
        f"{row['peak_mb']:.0f}/{row['ffmpeg_peak_mb']:.0f}\n"
    )


def main() -> int:
    from .narration import espeak_available

    results, failures = {}, []
    out = sys.stdout
    out.write(f"bench-video: {SECONDS:g} s, 6 steps, fps {FPS}, {RUNS} alternating runs each\n")
    out.write("pipeline_s: render call; process_s: its whole process (start-up, imports, inputs)\n")
    out.write(
        "run            pipeline_s  process_s  ffmpeg_s  ratio  kb_per_s  same_size"
        "  peak_mb(pipe/ffmpeg)\n"
    )
    with tempfile.TemporaryDirectory(prefix="bench-video-") as tmp:
        tmp = Path(tmp)
        for height in (360, 720):
            results[height] = row = compare(height, tmp, narrate=False, runs=RUNS)
            out.write(_table_row(f"{height}p", row))
            if abs(row["duration"] - SECONDS) > 0.2:
                failures.append(f"{height}p lasts {row['duration']:.2f} s, not {SECONDS:g} s")
        if espeak_available():
            row = compare(360, tmp, narrate=True, runs=NARRATED_RUNS)
            out.write(_table_row("360p narrated", row))
            out.write(
                f"narrated 360p pipeline_s={row['pipeline_s']:.2f} "
                f"ffmpeg_s={row['ffmpeg_s']:.2f} ratio={row['ratio']:.2f} "
                f"kb_per_s={row['kb_per_s']:.1f} peak_mb={row['peak_mb']:.0f}\n"
            )
            if row["kb_per_s"] > MAX_NARRATED_KB_PER_S:
                failures.append(f"narrated 360p is {row['kb_per_s']:.1f} KB/s > 8")
        else:
            out.write("360p narrated: skipped (espeak-ng is not installed)\n")
    for height, row in results.items():
        out.write(
            f"bench-video {height}p pipeline_s={row['pipeline_s']:.2f} "
            f"ffmpeg_s={row['ffmpeg_s']:.2f} ratio={row['ratio']:.2f} "
            f"kb_per_s={row['kb_per_s']:.1f} peak_mb={row['peak_mb']:.0f}\n"
        )
        if row["ratio"] > MAX_RATIO:
            failures.append(f"{height}p pipeline/ffmpeg ratio {row['ratio']:.2f} > {MAX_RATIO}")
    if results[360]["pipeline_s"] > MAX_360P_SECONDS:
        failures.append(f"360p render took {results[360]['pipeline_s']:.2f} s > 2 s")
    if results[360]["kb_per_s"] > MAX_360P_KB_PER_S:
        failures.append(f"360p is {results[360]['kb_per_s']:.1f} KB/s > 3")
    for failure in failures:
        sys.stderr.write(f"bench-video FAILED: {failure}\n")
    return 1 if failures else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", nargs=2, metavar=("HEIGHT", "OUT_DIR"))
    parser.add_argument("--narrate", action="store_true")
    args = parser.parse_args()
    if args.child:
        child(int(args.child[0]), Path(args.child[1]), args.narrate)
        sys.exit(0)
    sys.exit(main())
