"""Issue 11: a learner watches a step's clip, captured from the practice portal, then
does the same step there: what the clip showed is what they meet."""

import pytest

from courses.models import ProcedureIndexPage
from courses.models.renders import TutorialRender
from courses.models.step_captures import StepCapture
from tests.browser.helpers import assert_fits_phone
from tests.factories import ProcedurePageFactory, step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIND_THE_PROCEDURE = [
    ("press", "Nộp hồ sơ"),
    ("fill", "Từ khóa", "khai sinh"),
    ("press", "Tìm kiếm"),
    ("press", "Đăng ký khai sinh"),
]


@pytest.fixture
def captured_procedure(demo_site, settings):
    settings.TUTORIAL_RENDER_ON_PUBLISH = True
    settings.TUTORIAL_CAPTURE_ENABLED = True
    page = ProcedurePageFactory(
        parent=ProcedureIndexPage.objects.get(slug="thu-tuc"),
        slug="tim-thu-tuc-khai-sinh",
        title="Tìm thủ tục khai sinh",
        steps=[
            step(
                "Đăng nhập",
                instruction="Bấm “Tài khoản định danh điện tử”. Quét mã và xác nhận.",
                script=[
                    ("open", "/thuc-hanh/dang-nhap/"),
                    ("press", "Tài khoản định danh điện tử (VNeID)"),
                    ("press", "Quét QR và xác nhận đăng nhập"),
                ],
            ),
            step(
                "Tìm thủ tục",
                instruction="Bấm “Nộp hồ sơ”. Gõ chữ khai sinh vào ô Từ khóa rồi bấm Tìm "
                "kiếm. Chọn “Đăng ký khai sinh”.",
                script=FIND_THE_PROCEDURE,
            ),
        ],
    )
    page.save_revision().publish()  # autocommit: capture and renders run here
    return page


def test_the_clip_shows_the_practice_screens_the_learner_then_uses(
    page, live_server, captured_procedure
):
    second = captured_procedure.steps[1]
    clip = TutorialRender.objects.get(procedure=captured_procedure, step_key=second.id)
    assert clip.status == "done" and clip.video_phone, clip.error
    capture = StepCapture.objects.get(procedure=captured_procedure, step_key=second.id)
    shown = [shot.action_label for shot in capture.shots.filter(kind="look")]
    assert shown == ["Bấm “Nộp hồ sơ”", "Ô “Từ khóa”", "Bấm “Tìm kiếm”", "Bấm “Đăng ký khai sinh”"]

    # Watch the step's clip to the end, on a phone, at double speed, captions on.
    page.goto(f"{live_server.url}/thu-tuc/tim-thu-tuc-khai-sinh/")
    assert_fits_phone(page)
    step_two = page.locator("#buoc-2")
    picture = step_two.locator("figure.screenshot img")
    assert "Màn hình thực hành, bước 2" in picture.get_attribute("alt")
    step_two.locator("video").scroll_into_view_if_needed()
    watched = page.evaluate(
        """async () => {
            const video = document.querySelector('#buoc-2 video');
            video.muted = true;
            video.playbackRate = 2;
            const track = video.textTracks[0];
            track.mode = 'showing';
            const ended = new Promise(resolve => video.addEventListener('ended', resolve));
            await video.play();
            await ended;
            return {src: video.currentSrc, width: video.videoWidth, height: video.videoHeight,
                    cues: Array.from(track.cues || []).map(cue => cue.text)};
        }"""
    )
    assert watched["src"].endswith("phone.mp4")
    assert (watched["width"], watched["height"]) == (360, 640)
    assert "Bấm “Nộp hồ sơ”." in watched["cues"]
    assert "Chọn “Đăng ký khai sinh”." in watched["cues"]

    # Then do the same step in the practice portal, by the words the clip pointed at.
    page.goto(f"{live_server.url}/thuc-hanh/the-luyen-tap/")
    page.get_by_role("button", name="Lấy số CCCD luyện tập").first.click()
    page.goto(f"{live_server.url}/thuc-hanh/dang-nhap/")
    page.get_by_role("link", name="Tài khoản định danh điện tử (VNeID)").click()
    page.get_by_role("button", name="Quét QR và xác nhận đăng nhập").click()
    main = page.locator("main")
    main.get_by_role("link", name="Nộp hồ sơ", exact=True).click()
    main.get_by_label("Từ khóa").fill("khai sinh")
    main.get_by_role("button", name="Tìm kiếm").click()
    main.get_by_role("link", name="Đăng ký khai sinh", exact=True).click()
    page.wait_for_url("**/thuc-hanh/thu-tuc/dang-ky-khai-sinh/")
    assert page.get_by_role("heading", level=1).inner_text() == "Đăng ký khai sinh"
    assert page.locator(".practice-banner").is_visible()
    assert_fits_phone(page)
