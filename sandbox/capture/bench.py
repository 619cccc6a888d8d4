"""`make bench-video`, second part: a procedure captured from the practice portal and
rendered, against the render alone (the same steps with their illustrated screenshots).

On a throwaway SQLite database seeded with the demo: Chromium plays the procedure's
scripts once (capture_s, with each step's share), then the captured tutorial is rendered
(landscape 720p for the projector and portrait 360×640 for phones, plus a phone clip per
step: render_s), then the same tutorial with illustrations (360p and 720p, plus 360p step
clips: render_alone_s), in the same run. Sizes are read from the files (KB/s). OCR
(Tesseract, Vietnamese) reads back a frame of every pointed-at moment of both captured
renditions: the share whose label it recovers is the legibility figure.

Run from the repository root: `python -m sandbox.capture.bench [--all] [--ocr-limit N]
[slug …]`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

DEFAULT = "dang-ky-khai-sinh"
MIN_OCR_SHARE = 0.8


def _setup(folder: Path) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL=f"sqlite:///{folder / 'bench.sqlite3'}",
        MEDIA_ROOT=str(folder / "media"),
        TUTORIAL_RENDER_ON_PUBLISH="false",
        TUTORIAL_CAPTURE_ENABLED="true",
        CELERY_TASK_ALWAYS_EAGER="true",
    )
    sys.path[:0] = [str(Path(__file__).resolve().parents[2] / "site")]
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from courses.demo.loader import procedures_demo_seed
    from sandbox.demo.loader import sandbox_demo_seed

    procedures_demo_seed()
    sandbox_demo_seed()  # the procedures' e-forms, which the scripts fill in


def _kb_per_s(rendition) -> float:
    return rendition.size_bytes / 1024 / rendition.duration


def bench_procedure(slug: str, folder: Path, out, *, ocr_limit: int = 0) -> dict:
    from dataclasses import replace

    from courses.models import ProcedurePage
    from courses.rendering import tutorial_spec
    from courses.video.encode import render_step_clip, render_tutorial
    from courses.video.specs import ShotSpec

    from . import legibility
    from .services import _capture, _script_steps

    page = ProcedurePage.objects.get(slug=slug)
    steps = _script_steps(page)
    t0 = time.perf_counter()
    recorded, failure = _capture(steps, {s.key for s in steps if s.actions})
    capture_s = time.perf_counter() - t0
    if failure is not None:
        raise SystemExit(f"bench-video capture FAILED: {failure}")
    illustrated = tutorial_spec(page, {})
    captured = replace(
        illustrated,
        steps=tuple(
            replace(
                spec,
                shots=tuple(
                    ShotSpec(s.kind, s.png, s.box, s.label, s.typed, s.banner)
                    for s in recorded[spec.key].shots
                ),
                pixel_ratio=2.0,
                screenshot=None,
                highlight=None,
            )
            if spec.key in recorded
            else spec
            for spec in illustrated.steps
        ),
    )

    def render_all(spec, name):
        started = time.perf_counter()
        whole = render_tutorial(spec, folder / name)
        for index, step in enumerate(spec.steps, start=1):
            render_step_clip(
                step, folder / name, heights=(360,), index=index, count=len(spec.steps)
            )
        return whole, time.perf_counter() - started

    captured_out, render_s = render_all(captured, f"{slug}-captured")
    alone_out, alone_s = render_all(illustrated, f"{slug}-illustrated")
    out.write(
        f"\n{slug}: {len(steps)} steps, video {captured_out.renditions['phone'].duration:.0f} s\n"
    )
    out.write("step  capture_s  screens\n")
    for step in steps:
        shots = recorded.get(step.key)
        if shots:
            out.write(f"{step.number:>4}  {shots.seconds:9.2f}  {len(shots.shots):7d}\n")
    row = {
        "slug": slug,
        "capture_s": capture_s,
        "render_s": render_s,
        "render_alone_s": alone_s,
        "ratio": (capture_s + render_s) / alone_s,
        "phone_kb_s": _kb_per_s(captured_out.renditions["phone"]),
        "projector_kb_s": _kb_per_s(captured_out.renditions["720p"]),
        "alone_360_kb_s": _kb_per_s(alone_out.renditions["360p"]),
        "alone_720_kb_s": _kb_per_s(alone_out.renditions["720p"]),
    }
    if legibility.tesseract_path():
        shots = [recorded[s.key].shots if s.key in recorded else [] for s in steps]
        labels = [[shot.label for shot in step] for step in shots]
        points = legibility.timeline_moments(
            captured_out.step_durations, captured_out.shot_schedule, shots, labels
        )
        for label in ("phone", "720p"):
            t0 = time.perf_counter()
            result = legibility.legibility(
                captured_out.renditions[label].path,
                points,
                area=legibility.screen_area(captured, label),
                limit=ocr_limit or None,
            )
            row[f"ocr_{label}"] = result
            out.write(
                f"OCR {label}: {result.read}/{result.total} labels read "
                f"({100 * result.share:.0f}%; {result.read_whole} in the whole-screen reading "
                f"alone), banner read in {result.banner_frames} frames, "
                f"{time.perf_counter() - t0:.0f} s\n"
            )
            for miss in result.misses:
                out.write(f"  not read: {miss}\n")
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("slugs", nargs="*")
    parser.add_argument("--all", action="store_true", help="every demo procedure")
    parser.add_argument(
        "--ocr-limit",
        type=int,
        default=0,
        help="OCR at most this many moments per rendition, spread over the video "
        "(default: every one; about 2 s each)",
    )
    args = parser.parse_args()
    out = sys.stdout
    with tempfile.TemporaryDirectory(prefix="bench-capture-") as tmp:
        folder = Path(tmp)
        _setup(folder)
        from courses.models import ProcedurePage

        from .runner import chromium_path

        if chromium_path() is None:
            out.write("bench-video capture: skipped (Debian's chromium is not installed)\n")
            return 0
        slugs = args.slugs or [DEFAULT]
        if args.all:
            slugs = list(
                ProcedurePage.objects.live().order_by("path").values_list("slug", flat=True)
            )
        rows = [bench_procedure(slug, folder, out, ocr_limit=args.ocr_limit) for slug in slugs]
    failures = []
    for row in rows:
        ocr = "".join(
            f" ocr_{label}={row[f'ocr_{label}'].read}/{row[f'ocr_{label}'].total}"
            for label in ("phone", "720p")
            if f"ocr_{label}" in row
        )
        out.write(
            f"bench-video capture {row['slug']} capture_s={row['capture_s']:.1f} "
            f"render_s={row['render_s']:.1f} render_alone_s={row['render_alone_s']:.1f} "
            f"ratio={row['ratio']:.2f} phone_kb_s={row['phone_kb_s']:.1f} "
            f"projector_kb_s={row['projector_kb_s']:.1f} "
            f"alone_kb_s={row['alone_360_kb_s']:.1f}/{row['alone_720_kb_s']:.1f}{ocr}\n"
        )
        for label in ("phone", "720p"):
            result = row.get(f"ocr_{label}")
            if result is not None and result.share < MIN_OCR_SHARE:
                failures.append(f"{row['slug']} {label}: OCR read {100 * result.share:.0f}%")
    for failure in failures:
        sys.stderr.write(f"bench-video capture FAILED: {failure} < {100 * MIN_OCR_SHARE:.0f}%\n")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
