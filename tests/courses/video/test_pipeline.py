"""Real renders, read back: codecs, sizes, durations, faststart, poster, captions, clean-up."""

import re
import subprocess
import tempfile
import threading
import unicodedata

import imageio_ffmpeg
import numpy as np
import pytest
from PIL import Image

from courses.video import encode, frames, narration
from courses.video.captions import parse_vtt
from courses.video.encode import render_step_clip, render_tutorial
from courses.video.prepare import decode_screenshot
from courses.video.probe import moov_before_mdat, probe
from courses.video.specs import RenderInputError, StepSpec
from tests.courses.video.inputs import (
    child_processes,
    recording_mp4,
    screenshot,
    three_steps,
    tutorial,
    voice_wav,
)

TIMING_LINE = re.compile(r"^\d{2}:\d{2}:\d{2}\.\d{3} --> \d{2}:\d{2}:\d{2}\.\d{3}$")


def decoded_frame(path, seconds, size):
    """The frame shown at `seconds`, decoded by ffmpeg as RGB."""
    cmd = [imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-nostdin", "-i", str(path)]
    cmd += ["-ss", f"{seconds:.3f}", "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"]
    raw = subprocess.run(cmd, capture_output=True, check=True, timeout=60).stdout  # noqa: S603
    return np.frombuffer(raw, dtype=np.uint8).reshape(size[1], size[0], 3).astype(int)


def test_renditions_are_h264_yuv420p_at_the_asked_sizes(rendered):
    _spec, output, _out_dir = rendered
    for label, size in (("360p", (640, 360)), ("720p", (1280, 720))):
        rendition = output.renditions[label]
        info = probe(rendition.path)
        assert (info["video_codec"], info["pix_fmt"]) == ("h264", "yuv420p")
        assert (info["width"], info["height"]) == size == (rendition.width, rendition.height)
        assert rendition.video_codec == "h264"
        assert rendition.audio_codec is None  # silent: no narration asked for
        assert rendition.size_bytes > 0


def test_duration_is_the_sum_of_the_steps_plus_the_title_card(rendered):
    _spec, output, _out_dir = rendered
    assert output.step_durations == [2.0, 2.0, 2.0]
    for rendition in output.renditions.values():
        assert rendition.duration == pytest.approx(1.0 + 6.0, abs=0.2)
        assert probe(rendition.path)["duration"] == pytest.approx(7.0, abs=0.2)


def test_files_start_playing_before_they_are_downloaded(rendered):
    _spec, output, _out_dir = rendered
    for rendition in output.renditions.values():
        assert moov_before_mdat(rendition.path)


def test_only_finished_files_are_left_in_the_output_folder(rendered):
    _spec, output, out_dir = rendered
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == ["tutorial-360p.mp4", "tutorial-720p.mp4", "tutorial-poster.jpg"]


def test_poster_is_a_phone_size_jpeg_of_the_first_step_highlighted(rendered):
    spec, output, _out_dir = rendered
    with Image.open(output.poster_path) as poster:
        assert poster.format == "JPEG"
        assert poster.size == (640, 360)  # every phone fetches it before play (issue 9)
        shown = np.asarray(poster.convert("RGB")).astype(int)
    layout = frames.layout_for(360, [s.caption for s in spec.steps])
    first = spec.steps[0]
    shot = decode_screenshot(first.screenshot, "test")
    _plain, marked = frames.step_frames(
        layout, 1, 3, first.title, first.caption, shot, first.highlight
    )
    assert np.abs(shown - np.asarray(marked).astype(int)).mean() < 3


def test_video_shows_the_drawn_stills_and_the_highlight_after_a_moment(rendered):
    spec, output, _out_dir = rendered
    path = output.renditions["720p"].path
    layout = frames.layout_for(720, [s.caption for s in spec.steps])
    first = spec.steps[0]
    shot = decode_screenshot(first.screenshot, "test")
    plain, marked = frames.step_frames(
        layout, 1, 3, first.title, first.caption, shot, first.highlight
    )
    plain, marked = np.asarray(plain).astype(int), np.asarray(marked).astype(int)
    title = np.asarray(frames.title_card(layout, spec.title, spec.subtitle, 3)).astype(int)

    def distance(a, b):
        return np.abs(a - b).mean()

    assert distance(decoded_frame(path, 0.5, (1280, 720)), title) < 3
    before = decoded_frame(path, 1.0 + 1.0, (1280, 720))  # 1 s into step 1
    after = decoded_frame(path, 1.0 + 1.75, (1280, 720))  # past the 1.5 s highlight delay
    assert distance(before, plain) < 3 < distance(before, marked)
    assert distance(after, marked) < 3 < distance(after, plain)


def test_captions_and_chapters_match_the_steps(rendered):
    spec, output, _out_dir = rendered
    for vtt, texts in (
        (output.captions_vtt, [s.caption for s in spec.steps]),
        (output.chapters_vtt, [s.title for s in spec.steps]),
    ):
        assert vtt.startswith("WEBVTT\n")
        assert "Language: vi" in vtt
        timing_lines = [line for line in vtt.splitlines() if "-->" in line]
        assert all(TIMING_LINE.match(line) for line in timing_lines)
        cues = parse_vtt(vtt)
        assert len(cues) == 1 + len(spec.steps)
        assert (cues[0].id, cues[0].start, cues[0].end) == ("title", 0.0, 1.0)
        starts = [1.0, 3.0, 5.0]
        for cue, step, start, text in zip(cues[1:], spec.steps, starts, texts, strict=True):
            assert cue.id == step.key
            assert (cue.start, cue.end) == (start, start + 2.0)
            assert cue.text == text
    assert "Bước 3: Nhập mã xác nhận (OTP) gồm 6 chữ số" in output.captions_vtt
    assert "Đăng ký khai sinh" in output.chapters_vtt


def test_decomposed_vietnamese_comes_out_composed(tmp_path):
    caption = unicodedata.normalize("NFD", "Bước 3: Nhập mã xác nhận (OTP) gồm 6 chữ số")
    title = unicodedata.normalize("NFD", "Đăng ký khai sinh")
    assert not unicodedata.is_normalized("NFC", caption)
    step = three_steps({1: {"caption": caption, "title": title}})[0]
    output = render_step_clip(step, tmp_path, heights=(360,), narrate=False)
    for vtt in (output.captions_vtt, output.chapters_vtt):
        assert unicodedata.is_normalized("NFC", vtt)
    assert parse_vtt(output.captions_vtt)[0].text == "Bước 3: Nhập mã xác nhận (OTP) gồm 6 chữ số"
    assert parse_vtt(output.chapters_vtt)[0].text == "Đăng ký khai sinh"
    assert output.renditions["360p"].duration == pytest.approx(2.0, abs=0.2)
    assert (tmp_path / f"step-{step.key}-360p.mp4").exists()


def test_a_corrupt_screenshot_fails_before_anything_is_written(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    steps = three_steps({2: {"screenshot": b"\x89PNG\r\n\x1a\n" + b"not really" * 10}})
    out_dir = tmp_path / "out"
    with pytest.raises(RenderInputError, match="Bước 2") as error:
        render_tutorial(tutorial(steps), out_dir, heights=(360,))
    assert isinstance(error.value, ValueError)
    assert "Tìm thủ tục" in str(error.value)
    assert not out_dir.exists()
    assert list((tmp_path / "tmp").iterdir()) == []


@pytest.mark.parametrize(
    "override, message",
    [
        ({"highlight": (0.8, 0.1, 0.5, 0.1)}, "highlight"),
        ({"min_duration": 0.0}, "min_duration"),
        ({"voice": b"definitely not audio"}, "voice"),
    ],
)
def test_other_bad_inputs_name_the_step(tmp_path, override, message):
    steps = three_steps({3: override})
    with pytest.raises(RenderInputError, match=rf"Bước 3 .*{message}"):
        render_tutorial(tutorial(steps), tmp_path / "out", heights=(360,))
    assert not (tmp_path / "out").exists()


def test_a_failure_half_way_removes_what_was_already_written(tmp_path, monkeypatch):
    real = encode._read_back

    def fail_on_720p(label, path):
        if label == "720p":
            raise OSError("disk full")
        return real(label, path)

    monkeypatch.setattr(encode, "_read_back", fail_on_720p)
    out_dir = tmp_path / "out"
    with pytest.raises(OSError, match="disk full"):
        render_tutorial(tutorial(), out_dir, heights=(360, 720), title_seconds=0.5)
    assert list(out_dir.iterdir()) == []


def test_recording_is_cut_letterboxed_and_its_readers_closed(tmp_path):
    step = StepSpec(
        key="rec",
        title="Bước 4: Điền tờ khai",
        caption="Điền họ tên theo giấy chứng sinh",
        screenshot=None,
        highlight=(0.25, 0.25, 0.5, 0.5),
        recording=recording_mp4(tmp_path, seconds=3.0),
        recording_start=0.5,
        recording_end=2.5,
        min_duration=3.0,  # longer than the 2 s cut: the last frame holds
    )
    output = render_step_clip(step, tmp_path / "out", heights=(360,), narrate=False)
    assert output.step_durations == [3.0]
    rendition = output.renditions["360p"]
    assert (rendition.width, rendition.height) == (640, 360)
    assert rendition.duration == pytest.approx(3.0, abs=0.2)
    layout = frames.layout_for(360, [step.caption])
    canvas = np.asarray(frames.step_canvas(layout, 1, 1, step.title, step.caption)).astype(int)
    shown = decoded_frame(rendition.path, 0.5, (640, 360))
    x, y, w, h = frames.fit_rect(layout, 320, 240)
    assert w / h == pytest.approx(4 / 3, rel=0.03)  # letterboxed, not stretched
    assert np.abs(shown[y : y + h, x : x + w] - canvas[y : y + h, x : x + w]).mean() > 20
    assert np.abs(shown[:, : x - 2] - canvas[:, : x - 2]).mean() < 3  # side bars untouched
    assert not [c for c in child_processes() if "ffmpeg" in c]


def test_an_uploaded_voice_sets_the_step_length_and_is_mono_22khz(tmp_path):
    steps = three_steps({1: {"voice": voice_wav(3.0)}})
    output = render_tutorial(tutorial(steps), tmp_path, heights=(360,), title_seconds=1.0)
    assert output.step_durations == [4.0, 2.0, 2.0]  # 3 s of voice + 1 s
    info = probe(output.renditions["360p"].path)
    assert output.renditions["360p"].audio_codec == "aac"
    assert (info["audio_sample_rate"], info["audio_channels"]) == (22050, 1)
    assert info["duration"] == pytest.approx(9.0, abs=0.2)
    assert moov_before_mdat(output.renditions["360p"].path)


def test_no_processes_or_threads_are_left_behind(rendered):
    assert not [c for c in child_processes() if "ffmpeg" in c]
    assert not [t for t in threading.enumerate() if t.name.startswith("video-")]


@pytest.mark.skipif(not narration.espeak_available(), reason="espeak-ng is not installed")
def test_espeak_narration_is_aac_mono_22khz_at_about_32kbps(tmp_path):
    steps = three_steps()[:1]
    output = render_tutorial(tutorial(steps, narrate=True), tmp_path, heights=(360,))
    info = probe(output.renditions["360p"].path)
    assert (info["audio_codec"], info["audio_sample_rate"], info["audio_channels"]) == (
        "aac",
        22050,
        1,
    )
    assert info["audio_bitrate_kbps"] <= 36
    wav = narration.synthesize("Bước 1. Mở trình duyệt")
    rate, channels, width, offset, length = narration.wav_info(wav)
    assert (rate, channels, width, offset + length) == (22050, 1, 2, len(wav))
    assert narration.wav_duration(wav) > 1.0
    assert output.step_durations[0] > 2.0  # the voice, not min_duration, set the length
    kb_per_s = output.renditions["360p"].size_bytes / 1000 / output.renditions["360p"].duration
    assert kb_per_s <= 8


def test_letterboxed_screenshot_keeps_its_shape():
    layout = frames.layout_for(720, ["x"])
    x, y, w, h = frames.fit_rect(layout, 800, 600)
    assert w / h == pytest.approx(800 / 600, rel=0.01)
    cx, cy, cw, ch = layout.content
    assert cx <= x and cy <= y and x + w <= cx + cw and y + h <= cy + ch
    img = decode_screenshot(screenshot((3000, 500)), "test")
    assert img.size == (3000, 500)
