"""Issue 9: what a procedure page makes a phone download before the learner asks for it.
Step pictures come at phone size and only when scrolled near; step clips' posters wait
for player.js (a <video poster> is fetched at once, wherever the video is)."""

import io
import re

import pytest
from PIL import Image

from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from courses.models.renders import TutorialRender
from courses.templatetags.courses_tags import step_screenshot
from tests.factories import ProcedurePageFactory
from tests.helpers import step_with

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_cached_renditions():
    # Wagtail caches renditions by image id; the ids come back after each test's rollback.
    for cache in caches.all():
        cache.clear()


def upload(title, size):
    buffer = io.BytesIO()
    Image.new("RGB", size, (230, 236, 245)).save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"{title}.png")
    )


def attributes(html, tag):
    found = re.search(rf"<{tag}\b([^>]*)>", html)
    assert found, f"no <{tag}> in {html}"
    return dict(re.findall(r'([\w-]+)="([^"]*)"', found[1]))


def test_a_phone_photo_of_the_portal_is_sent_at_phone_size_with_a_sharp_copy():
    image = upload("chup-man-hinh", (1080, 2340))  # a phone screenshot, full size
    img = attributes(step_screenshot(image, "Màn hình đăng nhập"), "img")
    small, large = (candidate.split() for candidate in img["srcset"].split(", "))
    # No taller than a phone screen, so the whole screen shows without scrolling.
    assert (img["width"], img["height"]) == ("295", "640")
    assert small == [img["src"], "295w"]
    assert large[1] == "590w" and large[0].endswith(".jpg")
    # On a 360-px phone the picture is 292 px wide (the step card takes 68 px).
    assert img["sizes"] == "(max-width: 363px) calc(100vw - 68px), 295px"
    assert (img["loading"], img["decoding"], img["alt"]) == ("lazy", "async", "Màn hình đăng nhập")
    assert img["src"].endswith(".jpg")


def test_a_small_picture_gets_no_second_copy():
    image = upload("nho", (360, 552))
    html = step_screenshot(image, "")
    img = attributes(html, "img")
    assert (img["width"], img["height"]) == ("360", "552")
    assert "srcset" not in img
    assert image.renditions.count() == 1  # nothing drawn that no phone would ask for


def test_an_unreadable_picture_leaves_the_step_without_it():
    image = upload("hong", (800, 600))
    with image.file.open("wb") as handle:
        handle.write(b"not a picture")
    assert step_screenshot(image, "") == ""


def done_render(page, step_key=""):
    render = TutorialRender.objects.create(
        procedure=page, step_key=step_key, content_hash=f"h{step_key}", status="done", duration=9
    )
    render.video_360.save("360p.mp4", ContentFile(b"mp4"), save=False)
    render.poster.save("poster.jpg", ContentFile(b"jpeg"), save=False)
    render.save()
    return render


def test_only_the_whole_tutorial_has_a_poster_the_browser_fetches_at_once(client, catalogue):
    page = ProcedurePageFactory(
        parent=catalogue,
        slug="dang-ky-khai-sinh",
        steps=[
            step_with("Đăng nhập", upload("s1", (640, 360))),
            step_with("Nộp hồ sơ", upload("s2", (640, 360))),
        ],
    )
    tutorial = done_render(page)
    clips = [done_render(page, block.id) for block in page.steps]

    html = client.get("/thu-tuc/dang-ky-khai-sinh/").content.decode()
    videos = re.findall(r"<video\b[^>]*>", html)
    assert len(videos) == 3
    assert f'poster="{tutorial.poster.url}"' in videos[0]
    for video, clip in zip(videos[1:], clips, strict=True):
        assert " poster=" not in video  # player.js sets it when the clip nears the screen
        assert f'data-poster="{clip.poster.url}"' in video
        assert 'preload="none"' in video
    assert html.count('loading="lazy"') == 2
