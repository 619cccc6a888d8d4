"""Issue 11: tutorial screens captured from the practice portal by Chromium.

Each test publishes a small procedure whose steps carry practice scripts, with capture
and rendering on (both run in-process, as under `make run`), and looks at what the
capture and the renders left behind."""

import pytest

from django.contrib.sessions.models import Session

from courses.models.renders import TutorialRender
from courses.models.step_captures import StepCapture
from courses.selectors import render_status
from courses.video.probe import probe
from sandbox.models import PracticeIdentity
from tests.factories import ProcedurePageFactory, step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LOG_IN = [
    ("open", "/thuc-hanh/dang-nhap/"),
    ("press", "Tài khoản định danh điện tử (VNeID)"),
    ("press", "Quét QR và xác nhận đăng nhập"),
]
TO_PROCEDURES = [("press", "Nộp hồ sơ")]
SEARCH = [("fill", "Từ khóa", "khai sinh"), ("press", "Tìm kiếm")]


@pytest.fixture
def capturing(settings):
    settings.TUTORIAL_RENDER_ON_PUBLISH = True
    settings.TUTORIAL_CAPTURE_ENABLED = True


def publish(page):
    page.save_revision().publish()  # autocommit: capture and renders run here, eagerly


def scripted_page(catalogue, *scripts, slug="thu-tuc-chup"):
    steps = [
        step(f"Việc {n}", instruction=f"Câu thứ nhất của việc {n}. Câu thứ hai.", script=script)
        for n, script in enumerate(scripts, start=1)
    ]
    page = ProcedurePageFactory(parent=catalogue, slug=slug, title="Thủ tục chụp", steps=steps)
    publish(page)
    return page


def rows(model, page):
    return {(row.step_key, row.pk) for row in model.objects.filter(procedure=page)}


def test_capture_stores_screens_renders_phone_and_projector_and_leaves_no_practice_data(
    catalogue, capturing
):
    page = scripted_page(catalogue, LOG_IN, [*TO_PROCEDURES, *SEARCH])
    captures = list(StepCapture.objects.filter(procedure=page).order_by("requested_at"))
    assert [c.status for c in captures] == ["done", "done"]
    first, second = (
        StepCapture.objects.get(procedure=page, step_key=block.id) for block in page.steps
    )
    kinds = [shot.kind for shot in second.shots.all()]
    # Nộp hồ sơ: look, tap; Từ khóa: look and the text appearing; Tìm kiếm: look, tap; end.
    assert kinds == ["look", "tap", "look", "type", "type", "type", "look", "tap", "result"]
    typed = [shot.typed for shot in second.shots.filter(kind="type")]
    assert typed[-1] == "khai sinh" and len(typed[0]) < len(typed[-1])
    assert all(shot.banner for shot in second.shots.all())  # the practice banner is in view
    assert first.still and second.still and "bước 2" in second.still_alt
    tutorial = TutorialRender.objects.get(procedure=page, step_key="")
    assert tutorial.status == "done", tutorial.error
    phone, projector = probe(tutorial.video_phone.path), probe(tutorial.video_720.path)
    assert (phone["width"], phone["height"]) == (360, 640)
    assert (projector["width"], projector["height"]) == (1280, 720)
    assert "Câu thứ hai." in tutorial.captions_vtt  # captions are the instruction sentences
    clip = TutorialRender.objects.get(procedure=page, step_key=page.steps[1].id)
    assert clip.video_phone and not clip.video_720
    # The throwaway identity and its session are gone.
    assert not PracticeIdentity.objects.filter(owner_key__startswith="c").exists()
    assert Session.objects.count() == 0


def test_changing_one_instruction_recaptures_and_rerenders_that_step_only(catalogue, capturing):
    page = scripted_page(catalogue, LOG_IN, TO_PROCEDURES, SEARCH)
    captures_before, renders_before = rows(StepCapture, page), rows(TutorialRender, page)
    assert len(captures_before) == 3 and len(renders_before) == 4
    changed_key = page.steps[1].id
    page.steps[1].value["instruction"] = "Bấm vào mục “Nộp hồ sơ” ở đầu trang."
    publish(page)

    new_captures = rows(StepCapture, page) - captures_before
    assert [key for key, _pk in new_captures] == [changed_key]
    assert StepCapture.objects.get(pk=next(iter(new_captures))[1]).status == "done"
    gone = captures_before - rows(StepCapture, page)  # the superseded capture is dropped
    assert [key for key, _pk in gone] == [changed_key]
    new_renders = rows(TutorialRender, page) - renders_before
    assert sorted(key for key, _pk in new_renders) == sorted(["", changed_key])
    assert all(TutorialRender.objects.get(pk=pk).status == "done" for _key, pk in new_renders)


def test_a_label_no_longer_on_screen_fails_naming_the_step_and_the_action(catalogue, capturing):
    page = scripted_page(
        catalogue, LOG_IN, [("press", "Nộp hồ sơ"), ("fill", "Ô đã bị bỏ", "abc")], SEARCH
    )
    second, third = (
        StepCapture.objects.get(procedure=page, step_key=block.id) for block in page.steps[1:]
    )
    assert second.status == "failed"
    assert second.error.startswith("Bước 2 (Việc 2), thao tác 2 (Gõ vào ô “Ô đã bị bỏ”)")
    assert "không thấy ô “Ô đã bị bỏ”" in second.error
    assert third.status == "failed" and "bước 2 bị lỗi" in third.error
    # The video is still made, with illustrations where the screens are missing, and the
    # editor's panel says which steps and why.
    assert TutorialRender.objects.get(procedure=page, step_key="").status == "done"
    items = {item["key"]: item for item in render_status(page)["items"]}
    assert "Ô đã bị bỏ" in items[page.steps[1].id]["capture_error"]
    assert items[page.steps[0].id]["capture"] == "Đã chụp từ môi trường thực hành"


def test_without_chromium_the_tutorial_uses_illustrations_and_the_admin_says_why(
    catalogue, capturing, settings
):
    settings.CAPTURE_CHROMIUM = "/nonexistent/chromium"
    page = scripted_page(catalogue, LOG_IN, TO_PROCEDURES)
    assert not StepCapture.objects.filter(procedure=page).exists()
    tutorial = TutorialRender.objects.get(procedure=page, step_key="")
    assert tutorial.status == "done" and tutorial.video_360 and not tutorial.video_phone
    status = render_status(page)
    assert "chưa có trình duyệt Chromium" in status["capture_reason"]


def test_a_worker_with_production_hosts_and_secure_cookies_still_captures(
    catalogue, capturing, settings
):
    # A province's worker allows only the site's name and sends cookies over HTTPS only;
    # the capture's browser talks to http://localhost, presented to Django as the site.
    settings.ALLOWED_HOSTS = ["congdanso.example.vn"]
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.CSRF_TRUSTED_ORIGINS = ["https://congdanso.example.vn"]
    page = scripted_page(catalogue, LOG_IN, [*TO_PROCEDURES, *SEARCH])
    statuses = {c.step_key: (c.status, c.error) for c in StepCapture.objects.filter(procedure=page)}
    assert statuses == {block.id: ("done", "") for block in page.steps}


def test_a_portal_without_its_styles_is_not_filmed(catalogue, capturing, settings):
    # A server where collectstatic never ran answers 404 for the stylesheet: the screens
    # would be bare HTML, so the capture fails and says what to run.
    settings.WHITENOISE_USE_FINDERS = False
    settings.STATIC_ROOT = str(settings.MEDIA_ROOT) + "/no-static-here"
    page = scripted_page(catalogue, LOG_IN)
    capture = StepCapture.objects.get(procedure=page)
    assert capture.status == "failed"
    assert "thiếu kiểu dáng /static/css/site.css" in capture.error
    assert "collectstatic" in capture.error
