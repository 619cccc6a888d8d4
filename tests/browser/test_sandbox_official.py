"""Issue 3: a commune official practises the one-stop-desk console on a phone."""

import pytest

from sandbox.models import DossierStatus, ExerciseAttempt
from tests.browser.helpers import assert_fits_phone, shot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def official(demo_site, django_user_model, settings):
    from courses.demo.accounts import demo_accounts_ensure
    from sandbox.demo.loader import sandbox_demo_seed

    sandbox_demo_seed()
    demo_accounts_ensure()
    return django_user_model.objects.get(username="canbo")


def log_in(page, live_server, settings):
    page.goto(live_server.url + "/tai-khoan/dang-nhap/?next=/thuc-hanh/")
    page.fill("#id_username", "canbo")
    page.fill("#id_password", settings.DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def start(page, title):
    page.goto(page.url.split("/thuc-hanh/")[0] + "/thuc-hanh/")
    page.locator(".card", has_text=title).get_by_role("button", name="Tự làm (kiểm tra)").click()


def test_official_accepts_a_complete_dossier_and_requests_a_lawful_supplement(
    page, live_server, official, settings
):
    log_in(page, live_server, settings)
    assert page.url.endswith("/thuc-hanh/")

    # Exercise 1: receive a complete dossier.
    start(page, "Tiếp nhận hồ sơ đủ")
    assert "Bộ phận một cửa" in page.locator("h1").inner_text()
    page.locator(".card-list .card a").first.click()
    assert "Tờ khai điện tử" in page.inner_text("body")
    assert page.locator("img.thumb").count() >= 1
    page.get_by_role("button", name="Tiếp nhận hồ sơ").click()
    assert page.locator(".status").first.inner_text() == "Được tiếp nhận"
    assert "hẹn trả" in page.inner_text("body")
    assert_fits_phone(page)

    # Exercise 2: the photo is blurred; a supplement request must name the document,
    # the reason and the content, and ask for nothing the procedure does not list.
    start(page, "Yêu cầu bổ sung đúng quy định")
    page.locator(".card-list .card a").first.click()
    page.fill("#i-other", "Sổ hộ khẩu")
    page.fill("#i-reason", "Thiếu giấy tờ")
    page.fill("#i-content", "Nộp thêm sổ hộ khẩu")
    page.get_by_role("button", name="Gửi yêu cầu bổ sung").click()
    summary = page.locator(".error-summary").inner_text()
    assert "không được yêu cầu người dân nộp thêm giấy tờ mà pháp luật không quy định" in summary
    assert "Bộ phận một cửa, ô “Sổ hộ khẩu”" in summary
    shot(page, "desk-error-360")

    page.get_by_label("Giấy chứng sinh").check()
    page.fill("#i-reason", "Ảnh chụp Giấy chứng sinh bị mờ, không đọc được họ tên mẹ.")
    page.fill("#i-content", "Chụp lại Giấy chứng sinh rõ nét, đủ bốn góc.")
    page.get_by_role("button", name="Gửi yêu cầu bổ sung").click()
    assert page.locator(".status").first.inner_text() == "Yêu cầu bổ sung giấy tờ"
    assert "Yêu cầu công dân bổ sung hồ sơ" in page.locator(".timeline").inner_text()
    assert_fits_phone(page)

    attempts = ExerciseAttempt.objects.filter(user=official).order_by("started_at")
    assert [a.exercise.slug for a in attempts] == ["tiep-nhan-ho-so-du", "yeu-cau-bo-sung-dung"]
    assert all(a.completed_at for a in attempts)
    assert attempts[1].error_count >= 1  # the unlawful request was counted
    supplemented = attempts[1].dossiers.get()
    assert supplemented.status == DossierStatus.SUPPLEMENT


def test_a_citizen_without_the_official_role_cannot_open_the_desk(page, live_server, demo_site):
    page.goto(live_server.url + "/thuc-hanh/mot-cua/")
    assert "/tai-khoan/dang-nhap/" in page.url
