"""Picture log-in on one shared 360 × 740 phone: the trainer prints the picture cards, then
two learners log in one after the other by tapping pictures only (no keyboard), each
landing on their course, with "Đổi người học" in between."""

import re

import pytest

from django.utils.translation import gettext, override

from home import roles
from tests.browser.helpers import assert_fits_phone, shot
from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    TrainingClassFactory,
    user_with,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COURSE = "Lần đầu nộp hồ sơ trực tuyến"
LEARNERS = ("Lê Văn Bảy", "Trần Thị Mai")


def vi(message):
    with override("vi"):
        return gettext(message)


@pytest.fixture
def hall_class(home_page):
    """A class with a course, and the two learners the trainer typed into its roster."""
    from django.utils import timezone

    from training.services.classes import roster_add

    course = CoursePageFactory(
        parent=CourseIndexPageFactory(parent=home_page),
        slug="lan-dau",
        title=COURSE,
        lessons=[
            (
                "text_lesson",
                {"title": "Giữ an toàn", "body": "<p>Không đọc mã OTP.</p>", "questions": []},
            )
        ],
    )
    trainer = user_with(roles.TRAINER, "taphuan", password="Tap@huan2026")
    training_class = TrainingClassFactory(trainer=trainer, course=course)
    for name in LEARNERS:
        roster_add(
            training_class=training_class,
            display_name=name,
            birth_year="1952",
            phone="",
            now=timezone.now(),
        )
    return training_class


def printed_picture_cards(page, base, training_class):
    """The trainer prints the cards; {name: [picture names in order]} and the address."""
    page.goto(f"{base}/lop/{training_class.pk}/")
    page.fill("#id_username", "taphuan")
    page.fill("#id_password", "Tap@huan2026")
    page.get_by_role("button", name=vi("Log in")).click()
    for name in LEARNERS:
        page.get_by_label(name, exact=False).check()
    page.get_by_role("button", name=vi("Print log-in cards for the people selected")).click()
    shot(page, "picture-cards")
    secrets = {}
    for card in page.locator(".picture-card").all():
        name = card.locator("strong").first.inner_text()
        secrets[name] = card.locator(".sequence-picture").all_inner_texts()
        assert card.locator("svg").count() == 5  # own picture, three of the secret, QR code
    address = re.search(r"https?://\S+/vao-lop/\w+/hinh/", page.inner_text("body")).group(0)
    return secrets, address


class Fingers:
    """Taps on the phone, counted; nothing is ever typed."""

    def __init__(self, page):
        self.page, self.taps = page, 0

    def tap(self, locator):
        self.taps += 1
        locator.click()

    def double_tap(self, locator):
        """Weak Wi-Fi, impatient finger: the same button twice."""
        self.taps += 1
        locator.dblclick()


def assert_big_enough(locators):
    for locator in locators:
        box = locator.bounding_box()
        assert box["width"] >= 48 and box["height"] >= 48, box


def assert_no_keyboard_needed(page):
    assert page.locator("main input:not([type=hidden]), main textarea").count() == 0


def log_in_with_pictures(fingers, name, pictures, *, double_tap_last=False):
    page = fingers.page
    assert_no_keyboard_needed(page)
    assert_big_enough(page.locator(".picture-learners a").all())
    assert_fits_phone(page)
    fingers.tap(page.get_by_role("link", name=name))
    assert_no_keyboard_needed(page)
    assert_big_enough(page.locator(".picture-grid button").all())
    assert_fits_phone(page)
    dots = ["○○○", "●○○", "●●○"]
    for number, picture in enumerate(pictures):
        assert page.locator(".picture-dots").inner_text().startswith(dots[number])
        button = page.get_by_role("button", name=picture, exact=True)
        if number == 2:
            shot(page, "picture-sequence")
        if double_tap_last and number == 2:
            fingers.double_tap(button)
        else:
            fingers.tap(button)
    page.wait_for_url(re.compile(r"/hoc/\d+/$"))


def test_two_learners_share_one_phone_and_log_in_by_tapping_pictures(
    page, browser, browser_context_args, live_server, hall_class
):
    secrets, address = printed_picture_cards(page, live_server.url, hall_class)
    assert set(secrets) == set(LEARNERS) and all(len(s) == 3 for s in secrets.values())

    shared = browser.new_context(**browser_context_args).new_page()
    shared.goto(address)  # the QR code on the card
    fingers = Fingers(shared)
    shot(shared, "picture-learners")

    # Bảy taps his picture, then his three pictures: four taps to his course.
    log_in_with_pictures(fingers, "Lê Văn Bảy", secrets["Lê Văn Bảy"])
    assert fingers.taps == 4
    body = shared.inner_text("body")
    assert COURSE in body
    assert_fits_phone(shared)
    shot(shared, "picture-course")

    # The phone goes to Mai: "Đổi người học", her picture, her three pictures (the last
    # one tapped twice): five taps from Bảy's course to hers.
    switch = shared.get_by_role("button", name=vi("Switch learner"))
    assert_big_enough([switch])
    fingers.tap(switch)
    shared.wait_for_url(address)
    assert "Trần Thị Mai" in shared.inner_text("main")
    log_in_with_pictures(fingers, "Trần Thị Mai", secrets["Trần Thị Mai"], double_tap_last=True)
    assert fingers.taps == 4 + 5
    assert COURSE in shared.inner_text("body")
    assert vi(
        "Not the right pictures. Look at your card and tap the 3 pictures again, in order."
    ) not in (shared.inner_text("body"))

    # Next time the phone starts at the class (it remembers it), with nobody logged in.
    shared.get_by_role("button", name=vi("Switch learner")).click()
    shared.goto(live_server.url + "/vao-lop/hinh/")
    assert shared.url == address
