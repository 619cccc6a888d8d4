"""A session in the commune hall on 360×740 phones: the trainer leads the class step by
step from the board, the learners' phones follow (the waiting one reloads by itself),
the one behind is flagged, and attendance is taken with the code on the projector."""

import re

import pytest

from django.utils import timezone

from home import roles
from tests.browser.helpers import assert_fits_phone, phone_logged_in, shot
from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    TrainingClassFactory,
    user_with,
)
from training.models import Attendance

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def hall(home_page):
    """A class of two learners typed in by the trainer, on a course of two readings, with
    a session today."""
    from training.services.classes import roster_add, session_add

    course = CoursePageFactory(
        parent=CourseIndexPageFactory(parent=home_page),
        slug="an-toan",
        title="An toàn khi nộp hồ sơ trực tuyến",
        lessons=[
            (
                "text_lesson",
                {
                    "title": "Mã OTP là của riêng bạn",
                    "body": "<p>Không đọc mã OTP.</p>",
                    "questions": [],
                },
            ),
            (
                "text_lesson",
                {"title": "Nhận ra cổng giả", "body": "<p>Chỉ dùng .gov.vn.</p>", "questions": []},
            ),
        ],
    )
    trainer = user_with(roles.TRAINER, "taphuan", password="Tap@huan2026")
    training_class = TrainingClassFactory(trainer=trainer, course=course)
    learners = {
        name: roster_add(
            training_class=training_class,
            display_name=name,
            birth_year="1955",
            phone="",
            now=timezone.now(),
        )
        for name in ("Lê Văn Bảy", "Trần Thị Mai")
    }
    session = session_add(
        training_class=training_class, starts_at=timezone.now(), place="Nhà văn hóa ấp 3"
    )
    return training_class, session, learners


def test_the_trainer_leads_step_by_step_and_takes_attendance_by_code(
    browser, browser_context_args, live_server, hall
):
    training_class, session, learners = hall
    base = live_server.url
    trainer = phone_logged_in(browser, browser_context_args, base, "taphuan", "Tap@huan2026")
    phones = {
        name: phone_logged_in(browser, browser_context_args, base, username, password)
        for name, (_enrollment, username, password) in learners.items()
    }
    bay, mai = phones["Lê Văn Bảy"], phones["Trần Thị Mai"]
    step_url = {
        name: f"{base}/hoc/{enrollment.pk}/buoc/" for name, (enrollment, _u, _p) in learners.items()
    }

    # Before the trainer starts, the learners' step page waits (and reloads by itself).
    bay.goto(step_url["Lê Văn Bảy"])
    assert "chưa bắt đầu dẫn lớp" in bay.inner_text("body")

    # The trainer starts from the board: step 1 of 2.
    trainer.goto(f"{base}/lop/{training_class.pk}/bang/")
    trainer.get_by_role("button", name="Dẫn lớp từng bước", exact=False).click()
    assert "Bước 1/2: Đọc: Mã OTP là của riêng bạn" in trainer.inner_text("#buoc")
    assert_fits_phone(trainer)

    # Bảy's waiting page picks it up by itself; he does the step and waits.
    bay.wait_for_selector("text=Bước 1/2", timeout=15_000)
    assert_fits_phone(bay)
    bay.get_by_role("link", name="Làm bước này").click()
    bay.get_by_role("button", name="Tôi đã đọc xong").first.click()
    bay.goto(step_url["Lê Văn Bảy"])
    assert "Bạn đã làm xong bước này" in bay.inner_text("body")
    shot(bay, "class-session-learner-waiting")

    trainer.reload()
    counts = trainer.inner_text("[data-pace-counts]")
    assert re.search(r"1 đã xong, đang chờ · 1 đang làm bước này · 0 chậm bước", counts)
    trainer.get_by_role("button", name="Bước sau →").click()
    assert "Bước 2/2" in trainer.inner_text("#buoc")

    # Bảy's phone moves to step 2 without anyone touching it; Mai, who skipped step 1, is
    # told what she missed, and the board flags her.
    bay.wait_for_selector("text=Bước 2/2", timeout=15_000)
    mai.goto(step_url["Trần Thị Mai"])
    assert "Bạn còn bước trước chưa làm" in mai.inner_text("body")
    assert_fits_phone(mai)
    shot(mai, "class-session-learner-behind")
    trainer.reload()
    assert trainer.locator("[data-pace=behind]").count() == 1
    assert "Trần Thị Mai" in trainer.locator(".board-row.help, .board-row").first.inner_text()
    shot(trainer, "class-session-board")

    # Attendance: the trainer puts the code on the projector; Bảy types it on his phone.
    trainer.goto(f"{base}/lop/{training_class.pk}/")
    trainer.get_by_role("link", name="Điểm danh bằng mã").first.click()
    trainer.get_by_role("button", name="Mở điểm danh bằng mã").click()
    code = trainer.locator("[data-attendance-code]").inner_text().strip()
    assert re.fullmatch(r"\d{4}", code)
    assert trainer.locator(".qr svg").count() == 1
    assert_fits_phone(trainer)
    shot(trainer, "class-session-attendance-code")

    bay.goto(f"{base}/hoc/{learners['Lê Văn Bảy'][0].pk}/")
    bay.get_by_role("link", name="Điểm danh buổi học", exact=False).click()
    bay.fill("#i-ma", "0000" if code != "0000" else "1111")  # a slip of the finger first
    bay.get_by_role("button", name="Tôi có mặt").click()
    assert "Mã chưa đúng" in bay.inner_text(".error-summary")
    bay.fill("#i-ma", code)
    bay.get_by_role("button", name="Tôi có mặt").click()
    if "Mã đã đổi" in bay.inner_text("body"):  # the minute turned while he typed
        code = trainer.reload() or trainer.locator("[data-attendance-code]").inner_text()
        bay.fill("#i-ma", code.strip())
        bay.get_by_role("button", name="Tôi có mặt").click()
    assert "Bạn đã được điểm danh có mặt" in bay.inner_text("body")
    assert_fits_phone(bay)
    shot(bay, "class-session-marked-present")

    trainer.reload()
    assert "1/2 học viên đã điểm danh có mặt" in trainer.inner_text("body")
    mark = Attendance.objects.get(session=session, present=True)
    assert mark.method == Attendance.Method.CODE
    assert mark.enrollment == learners["Lê Văn Bảy"][0]
