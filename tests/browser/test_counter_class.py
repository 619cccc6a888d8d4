"""Issue 13: a class session in the commune hall, on 360×740 phones. A trainer, two
citizen learners and one official learner: the trainer leads step by step from the
board; citizen Bảy logs in to the practice portal with number, password and code and
submits a birth registration, which lands on official An's desk in the same class; An
asks for a supplement the lawful way; Bảy sends it; An finishes the dossier. The
trainer opens the final test in class; all three pass it; the board, the class report
(skills gain, the 5-minute figure) and the certificates show it.

Citizen Tư and the official do their practice exercise through the services (the
browser path of a submission is Bảy's); every page the issue names is driven here."""

import re
import time

import pytest

from django.utils import timezone

from assessments.models import SkillQuestion
from home import roles
from sandbox.context import PracticeContext
from sandbox.models import DossierStatus, Exercise, PracticeDossier
from tests.browser.helpers import assert_fits_phone, phone_logged_in, photo, shot
from tests.browser.test_sandbox_citizen import fill_eform
from tests.factories import CourseIndexPageFactory, CoursePageFactory, user_with
from tests.helpers import join, portal_account_made, practise
from training.models import Certificate, EnrollmentProgress, PracticeSubmissionTime
from training.services.classes import class_open

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Lop@hoc2026"
PORTAL_PASSWORD = "Lua@2026nam"


@pytest.fixture
def hall(demo_site, home_page):
    """The demo site (procedures, practice exercises, the 20-question bank), and a
    paired class on a two-step course: a reading on account safety (which a pre-test
    can skip) and the birth-registration exercise."""
    from training.demo import training_demo_seed
    from training.models import AdministrativeUnit, OrganisingUnit

    training_demo_seed()
    course = CoursePageFactory(
        parent=CourseIndexPageFactory(parent=home_page, slug="khoa-hoc-lop"),
        slug="hai-phia-quay",
        title="Nộp hồ sơ khai sinh trực tuyến",
        allow_guided_practice=False,
        lessons=[
            (
                "text_lesson",
                {
                    "title": "Giữ tài khoản an toàn",
                    "body": "<p>Không đưa mã OTP cho ai.</p>",
                    "questions": [],
                    "skills": ["safety.accounts"],
                },
            ),
            (
                "practice_lesson",
                {"exercise": Exercise.objects.get(slug="khai-sinh-buu-dien"), "note": ""},
            ),
        ],
    )
    trainer = user_with(roles.TRAINER, "taphuan.lop", password=PASSWORD, first_name="Minh")
    training_class = class_open(
        trainer=trainer,
        name="Lớp hai phía quầy",
        organiser=OrganisingUnit.objects.first(),
        commune=AdministrativeUnit.objects.filter(level="xa").first(),
        audience="cong_dan",
        course=course,
    )
    training_class.pairs_desk = True
    training_class.post_test_invigilated = True
    training_class.save()
    people = {}
    for username, role, name in [
        ("bay", roles.LEARNER, "Lê Văn Bảy"),
        ("tu", roles.LEARNER, "Trần Thị Tư"),
        ("an", roles.OFFICIAL, "Nguyễn Thị An"),
    ]:
        user = user_with(role, username, password=PASSWORD)
        people[username] = (user, join(training_class, name=name, user=user))
    return training_class, people


def phone(browser, browser_context_args, base, username):
    return phone_logged_in(browser, browser_context_args, base, username, PASSWORD)


def answer_sheet(page, right=lambda question: True):
    """Pick each choice question's right letter (or a wrong one where ``right`` says
    no), as a learner taps the radios, then send the sheet."""
    for question in SkillQuestion.objects.active().filter(kind="choice"):
        letters = [letter for letter, _text in question.choices()]
        wrong = next(letter for letter in letters if letter != question.correct_choice)
        letter = question.correct_choice if right(question) else wrong
        page.locator(f"input[name=q{question.pk}][value={letter}]").check()
    page.get_by_role("button", name="Nộp bài kiểm tra").click()


def test_both_sides_of_the_counter_in_one_class(browser, browser_context_args, live_server, hall):
    training_class, people = hall
    base = live_server.url
    started = time.monotonic()
    (bay, bay_enrollment), (tu, tu_enrollment), (an, an_enrollment) = (
        people["bay"],
        people["tu"],
        people["an"],
    )
    trainer = phone(browser, browser_context_args, base, "taphuan.lop")
    board = f"{base}/lop/{training_class.pk}/bang/"
    trainer.goto(board)
    trainer.get_by_role("button", name="Dẫn lớp từng bước (bắt đầu từ Bước 1)").click()
    assert "Bước 1/2: Đọc: Giữ tài khoản an toàn" in trainer.locator("#buoc").inner_text()

    # Tư already knows account safety: the pre-test skips the reading for her.
    tu_phone = phone(browser, browser_context_args, base, "tu")
    tu_phone.goto(f"{base}/hoc/{tu_enrollment.pk}/danh-gia/dau-vao/")
    tu_phone.get_by_role("button", name="Bắt đầu làm bài đầu vào").click()
    answer_sheet(tu_phone, right=lambda q: q.skill.startswith("safety."))
    assert "hoạt động của khóa học được tính là đã xong" in tu_phone.inner_text("#ket-qua")
    assert_fits_phone(tu_phone)
    tu_phone.goto(f"{base}/hoc/{tu_enrollment.pk}/buoc/")
    assert "Bạn đã làm xong bước này." in tu_phone.inner_text("body")

    # Bảy reads step 1 from the class's step page; An reads it too.
    bay_phone = phone(browser, browser_context_args, base, "bay")
    bay_phone.goto(f"{base}/hoc/{bay_enrollment.pk}/buoc/")
    assert bay_phone.locator("[data-step-title]").inner_text() == "Đọc: Giữ tài khoản an toàn"
    an_phone = phone(browser, browser_context_args, base, "an")
    for page, enrollment in ((bay_phone, bay_enrollment), (an_phone, an_enrollment)):
        page.goto(f"{base}/hoc/{enrollment.pk}/")
        page.get_by_role("button", name="Tôi đã đọc xong").click()
    trainer.goto(board)
    trainer.get_by_role("button", name="Bước sau →").click()
    assert "Bước 2/2" in trainer.locator("#buoc").inner_text()

    # Step 2 for Bảy: log in to the practice portal (number, password, SMS code).
    ctx = PracticeContext(owner_key=f"u{bay.pk}", user=bay)
    card = portal_account_made(ctx, PORTAL_PASSWORD)
    bay_phone.goto(f"{base}/thuc-hanh/dang-nhap/")
    bay_phone.fill("#i-cccd", card.cccd)
    bay_phone.fill("#i-password", PORTAL_PASSWORD)
    bay_phone.get_by_label("Tin nhắn SMS").click()
    bay_phone.get_by_role("button", name="Đăng nhập", exact=True).click()
    sms = bay_phone.locator(".phone-messages li").first.inner_text()
    bay_phone.fill("#i-otp", re.search(r"\b(\d{6})\b", sms).group(1))
    bay_phone.get_by_role("button", name="Xác nhận").click()
    assert card.full_name in bay_phone.locator(".whoami").inner_text()

    # ... and submit a birth registration on their own (counts for the course).
    bay_phone.goto(f"{base}/hoc/{bay_enrollment.pk}/")
    bay_phone.get_by_role("button", name="Tự làm (được tính)").click()
    bay_phone.locator("input[name=agency]").first.click()
    bay_phone.get_by_role("button", name="Nộp hồ sơ trực tuyến").click()
    bay_phone.get_by_role("button", name="Tiếp tục").click()
    fill_eform(bay_phone)
    bay_phone.get_by_role("button", name="Lưu và tiếp tục").click()
    bay_phone.get_by_label("Qua dịch vụ bưu chính công ích").click()
    bay_phone.get_by_role("button", name="Tiếp tục").click()
    slot = bay_phone.locator("input[type=file]").first
    for side in ("mat-truoc", "mat-sau"):
        slot.set_input_files(
            files=[{"name": f"{side}.jpg", "mimeType": "image/jpeg", "buffer": photo(side)}]
        )
        bay_phone.get_by_role("button", name="Tải ảnh lên").click()
    bay_phone.get_by_role("button", name="Tiếp tục").click()
    bay_phone.get_by_label("Tôi cam đoan", exact=False).click()
    bay_phone.get_by_label("Tôi đồng ý cho cơ quan", exact=False).click()
    bay_phone.get_by_role("button", name="Nộp hồ sơ").click()
    bay_phone.get_by_label("Ngân hàng A", exact=False).click()
    bay_phone.get_by_role("button", name="Thanh toán").click()
    bay_phone.get_by_role("button", name="Xác nhận thanh toán").click()
    code = bay_phone.locator(".dossier-code").inner_text()
    dossier = PracticeDossier.objects.get(code=code)
    assert dossier.desk_key == f"lop-{training_class.pk}"

    # The dossier is on An's desk, marked as a classmate's, with the auto-officer's wait.
    an_phone.goto(f"{base}/thuc-hanh/mot-cua/")
    queue = an_phone.inner_text("body")
    assert code in queue and "Hồ sơ của học viên trong lớp" in queue
    assert "Cán bộ tự động sẽ xử lý sau" in queue
    assert_fits_phone(an_phone)
    an_phone.goto(f"{base}/thuc-hanh/mot-cua/{dossier.pk}/")
    an_phone.get_by_label("Giấy chứng sinh").check()
    an_phone.fill("#i-reason", "Ảnh Giấy chứng sinh bị mờ, không đọc được họ tên mẹ.")
    an_phone.fill("#i-content", "Chụp lại Giấy chứng sinh rõ nét, đủ bốn góc.")
    an_phone.get_by_role("button", name="Gửi yêu cầu bổ sung").click()
    assert an_phone.locator(".status").first.inner_text() == "Yêu cầu bổ sung giấy tờ"
    assert "10/10" in an_phone.inner_text("body")  # a lawful request loses no point
    shot(an_phone, "counter-official-desk-360")

    # Bảy sees the request and the SMS, and sends a clearer photo.
    bay_phone.goto(f"{base}/thuc-hanh/ho-so/{dossier.pk}/")
    assert bay_phone.locator("#trang-thai").inner_text() == "Yêu cầu bổ sung giấy tờ"
    assert "họ tên mẹ" in bay_phone.locator("#bo-sung").inner_text()
    bay_phone.locator("#i-files").set_input_files(
        files=[{"name": "chup-lai.jpg", "mimeType": "image/jpeg", "buffer": photo("ro net")}]
    )
    bay_phone.get_by_role("button", name="Gửi bổ sung").click()
    assert bay_phone.locator("#trang-thai").inner_text() == "Đang xử lý"
    bay_phone.goto(f"{base}/thuc-hanh/dien-thoai/")
    assert "bo sung" in bay_phone.inner_text("body").lower()
    an_phone.goto(f"{base}/thuc-hanh/mot-cua/{dossier.pk}/")
    an_phone.fill("#i-summary", "Cấp Giấy khai sinh bản điện tử.")
    an_phone.get_by_role("button", name="Xác nhận đã xử lý xong").click()
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.DONE

    # Tư and An do their exercise (the services' path); everyone's course is done.
    exercise = Exercise.objects.get(slug="khai-sinh-buu-dien")
    practise(tu, exercise)
    practise(an, exercise)

    # The final test is closed until the trainer opens it in class.
    bay_phone.goto(f"{base}/hoc/{bay_enrollment.pk}/danh-gia/cuoi-khoa/")
    assert "Bài kiểm tra cuối khóa do tập huấn viên mở tại lớp" in bay_phone.inner_text("body")
    trainer.goto(board)
    trainer.get_by_role("button", name="Mở bài kiểm tra cuối khóa tại lớp").click()
    for page, enrollment in (
        (bay_phone, bay_enrollment),
        (tu_phone, tu_enrollment),
        (an_phone, an_enrollment),
    ):
        page.goto(f"{base}/hoc/{enrollment.pk}/danh-gia/cuoi-khoa/")
        page.get_by_role("button", name="Bắt đầu làm bài cuối khóa").click()
        assert_fits_phone(page)
        answer_sheet(page)
        assert "Bạn đã đạt bài kiểm tra cuối khóa." in page.inner_text("#ket-qua")
        page.goto(f"{base}/hoc/{enrollment.pk}/")
        assert "Tải giấy chứng nhận (PDF)" in page.inner_text("#chung-nhan")
    shot(bay_phone, "counter-certificate-360")
    trainer.goto(board)
    trainer.get_by_role("button", name="Đóng bài kiểm tra cuối khóa").click()

    # The board: pre- and post-test scores, An's desk score, three completed.
    text = trainer.inner_text("body")
    assert "3 đạt trên 3 người đã làm" in text
    assert "Một cửa: 1 hồ sơ, 10/10 điểm" in text
    tu_row = trainer.locator(f"[data-learner='{tu_enrollment.pk}']").inner_text()
    assert "Đầu vào" in tu_row and "Cuối khóa 80%" in tu_row
    assert_fits_phone(trainer)
    shot(trainer, "counter-board-360")

    # The class report: the gain and the 5-minute figure.
    trainer.goto(f"{base}/lop/{training_class.pk}/bao-cao/")
    report = trainer.inner_text("body")
    assert "Kiểm tra kỹ năng: trước và sau khóa học" in report
    assert "Từ đăng nhập đến nộp hồ sơ thành công" in report
    assert_fits_phone(trainer)

    figures = EnrollmentProgress.objects.filter(enrollment__training_class=training_class)
    assert all(p.completed_at and p.post_test_passed_at for p in figures)
    assert Certificate.objects.filter(enrollment__training_class=training_class).count() == 3
    tu_progress = figures.get(enrollment=tu_enrollment)
    timed = PracticeSubmissionTime.objects.get(enrollment=bay_enrollment)
    print(  # noqa: T201 - the figures of the journey, reported in the closing note
        f"\ncounter class: Bảy log-in→submission {timed.seconds} s; Tư pre-test "
        f"{tu_progress.pre_test_percent}% → final {tu_progress.post_test_percent}%; "
        f"3/3 passed, 3 certificates; journey {time.monotonic() - started:.0f} s; "
        f"{timezone.now():%H:%M}"
    )
