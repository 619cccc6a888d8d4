"""Captions, hashes, narration headers and text drawing, without encoding video."""

import dataclasses
import io
import struct
import unicodedata

import numpy as np
import pytest
from PIL import Image

from courses.video import captions, frames, narration, specs
from courses.video.prepare import decode_screenshot
from courses.video.specs import RenderInputError, content_hash
from tests.courses.video.inputs import three_steps, tutorial

LONG_CAPTION = (
    "Bước 3: Nhập mã xác nhận (OTP) gồm 6 chữ số được gửi đến số điện thoại đã đăng ký; "
    "nếu sau hai phút chưa nhận được, bấm “Gửi lại mã”, kiểm tra hộp thư rác tin nhắn, "
    "rồi nhập lại thật cẩn thận từng chữ số một, không có dấu cách."
)


def test_a_changed_caption_changes_the_step_hash_and_an_unchanged_one_does_not():
    step = three_steps()[0]
    same = dataclasses.replace(step)
    decomposed = dataclasses.replace(step, caption=unicodedata.normalize("NFD", step.caption))
    changed = dataclasses.replace(step, caption=step.caption + " ngay")
    assert content_hash(step) == content_hash(same) == content_hash(decomposed)
    assert content_hash(changed) != content_hash(step)
    other_picture = dataclasses.replace(step, screenshot=step.screenshot + b"\0")
    assert content_hash(other_picture) != content_hash(step)


def test_tutorial_hash_covers_steps_settings_engine_and_pipeline_version(monkeypatch):
    spec = tutorial()
    base = content_hash(spec)
    assert content_hash(tutorial()) == base
    steps = list(spec.steps)
    steps[2] = dataclasses.replace(steps[2], highlight=(0.2, 0.5, 0.4, 0.1))
    assert content_hash(dataclasses.replace(spec, steps=tuple(steps))) != base
    assert content_hash(dataclasses.replace(spec, narrate=True)) != base
    assert content_hash(spec, narrator="eSpeak NG 1.51") != base
    monkeypatch.setattr(specs, "PIPELINE_VERSION", "next")
    assert content_hash(spec) != base


def test_webvtt_timestamps_escaping_and_round_trip():
    assert captions.timestamp(3661.5) == "01:01:01.500"
    assert captions.timestamp(59.9996) == "00:01:00.000"
    step = dataclasses.replace(
        three_steps()[0], caption="Bấm <Tiếp tục> & chờ --> xong\n\nrồi đóng"
    )
    vtt = captions.captions_vtt([step], [2.5], 0.0)
    assert "&lt;Tiếp tục&gt; &amp; chờ → xong rồi đóng" in vtt
    assert "\n\n\n" not in vtt
    (cue,) = captions.parse_vtt(vtt)
    assert (cue.id, cue.start, cue.end) == (step.key, 0.0, 2.5)
    assert cue.text == "Bấm <Tiếp tục> & chờ → xong rồi đóng"


def test_webvtt_parser_rejects_broken_files():
    with pytest.raises(ValueError, match="WEBVTT"):
        captions.parse_vtt("00:00:00.000 --> 00:00:01.000\nxin chào\n")
    with pytest.raises(ValueError, match="timing"):
        captions.parse_vtt("WEBVTT\n\nid\n00:00:00.000 -> 00:00:01.000\nxin chào\n")


def test_espeak_streaming_header_is_read_from_the_bytes_present():
    pcm = b"\x01\x00" * 22050
    header = narration.pcm_to_wav(pcm)
    # What `espeak-ng --stdout` writes: sizes of a stream whose length it does not know.
    streamed = header[:4] + struct.pack("<I", 0x7FFFF024) + header[8:40]
    streamed += struct.pack("<I", 0x7FFFF000) + pcm
    assert narration.wav_duration(streamed) == pytest.approx(1.0)
    assert narration.decode_to_pcm(streamed) == pcm


def test_without_espeak_narration_is_silent(monkeypatch):
    monkeypatch.setattr(narration.shutil, "which", lambda name: None)
    assert not narration.espeak_available()
    assert narration.synthesize("Xin chào") is None
    assert narration.step_pcm(None, "Xin chào", narrate=True, step_label="Bước 1") is None


def test_long_captions_wrap_inside_the_frame_and_are_never_clipped():
    for height in (360, 720):
        layout = frames.layout_for(height, [LONG_CAPTION])
        fnt = frames.font("Medium", layout.caption_size)
        lines = frames.wrap(LONG_CAPTION, fnt, layout.width)
        assert " ".join(lines) == unicodedata.normalize("NFC", LONG_CAPTION)
        img = frames.step_canvas(layout, 3, 6, "Bước 3: Nhập mã OTP", LONG_CAPTION)
        bar = np.asarray(img)[layout.height - layout.bar_h :]
        lit_rows = np.nonzero((bar > 128).any(axis=(1, 2)))[0]
        lit_cols = np.nonzero((bar > 128).any(axis=(0, 2)))[0]
        # Text (stacked marks and descenders included) stays clear of every edge.
        assert lit_rows.min() >= 2 and lit_rows.max() <= layout.bar_h - 3
        assert lit_cols.min() >= 2 and lit_cols.max() <= layout.width - 3


def test_decomposed_text_is_drawn_exactly_like_composed_text():
    layout = frames.layout_for(360, [LONG_CAPTION])
    composed = frames.step_canvas(layout, 1, 2, "Đăng ký khai sinh", LONG_CAPTION)
    decomposed = frames.step_canvas(
        layout,
        1,
        2,
        unicodedata.normalize("NFD", "Đăng ký khai sinh"),
        unicodedata.normalize("NFD", LONG_CAPTION),
    )
    assert np.array_equal(np.asarray(composed), np.asarray(decomposed))


def test_corner_label_and_badge_are_drawn_in_the_top_strip():
    layout = frames.layout_for(720, ["x"])
    img = np.asarray(frames.step_canvas(layout, 2, 6, "Bước 2: Tìm thủ tục", "x")).astype(int)
    strip = img[: layout.top_h]
    white = (strip == 255).all(axis=2)
    assert white[:, layout.width * 3 // 4 :].mean() > 0.2  # the label's white box, top right
    yellow = (np.abs(strip - frames.YELLOW) < 8).all(axis=2)
    assert yellow[:, :100].any()  # the step badge, top left


def test_transparent_screenshots_get_a_white_page_not_black():
    img = Image.new("RGBA", (40, 30), (0, 0, 0, 0))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    decoded = decode_screenshot(buf.getvalue(), "Bước 1")
    assert decoded.mode == "RGB"
    assert decoded.getpixel((5, 5)) == (255, 255, 255)


def test_only_ordinary_image_formats_are_opened():
    buf = io.BytesIO()
    Image.new("RGB", (40, 30)).save(buf, "GIF")
    with pytest.raises(RenderInputError, match="Bước 4"):
        decode_screenshot(buf.getvalue(), "Bước 4")
