"""Picture log-in on a shared phone: learners who cannot type tap their own picture, then
the 3 pictures of their printed card, in order; "Đổi người học" hands the phone on.

Texts are looked up through the catalogue (``vi``), as the pages show them."""

import datetime
import re
import types

import pytest

from django.contrib.auth.hashers import check_password
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from django.utils.translation import gettext, ngettext, override

from home import roles
from home.models import PictureCard
from home.pictures import PICTURES, SEQUENCE_PICTURES
from tests.factories import (
    EnrollmentFactory,
    ManagerScopeFactory,
    PictureCardFactory,
    UserFactory,
    user_with,
)
from tests.helpers import join
from training.models import Enrollment
from training.services import classes as services
from training.services import pictures as picture_services
from training.services.erasure import learner_erase
from training.views import pictures as picture_views

pytestmark = pytest.mark.django_db

WRONG = "Not the right pictures. Look at your card and tap the 3 pictures again, in order."
HALL = "203.0.113.7"  # a commune hall behind one address


def vi(message):
    with override("vi"):
        return gettext(message)


def roster(training_class, *names):
    """Learners the trainer typed in (as at the start of a class)."""
    return [
        services.roster_add(
            training_class=training_class,
            display_name=name,
            birth_year="1950",
            phone="",
            now=timezone.now(),
        )[0]
        for name in names
    ]


def print_cards(client, trainer, training_class, enrollments):
    """The trainer prints the roster's cards; {display name: [picture names, in order]}
    as printed, and the page."""
    client.force_login(trainer)
    response = client.post(
        f"/lop/{training_class.pk}/the-dang-nhap/",
        {"enrollment": [enrollment.pk for enrollment in enrollments]},
    )
    client.logout()
    assert response.status_code == 200
    return {
        issued.enrollment.display_name: [picture.key for picture in issued.sequence]
        for issued in response.context["picture_cards"]
    }, response.content.decode()


def sequence_url(training_class, enrollment):
    return f"/vao-lop/{training_class.join_code}/hinh/{enrollment.pk}/"


def tap(phone, training_class, enrollment, keys):
    """Tap pictures one by one as a browser does: each answer carries the taps so far."""
    url, picked, response = sequence_url(training_class, enrollment), "", None
    for key in keys:
        response = phone.post(url, {"picked": picked, "tap": key})
        if response.status_code == 200:
            picked = response.context["picked"]
    return response


def other_than(keys):
    """A wrong secret: the right one with its last picture changed."""
    last = next(p.key for p in SEQUENCE_PICTURES if p.key != keys[-1])
    return [*keys[:-1], last]


def wrong_secrets(keys, count):
    """``count`` different wrong secrets."""
    secrets = []
    for first in SEQUENCE_PICTURES:
        for second in SEQUENCE_PICTURES:
            candidate = [first.key, second.key, keys[-1]]
            if candidate != list(keys) and len(secrets) < count:
                secrets.append(candidate)
    return secrets


@pytest.fixture
def phone(db):
    """The class's shared phone."""
    return Client(REMOTE_ADDR=HALL)


@pytest.fixture
def printed(client, trainer, training_class):
    """Two learners typed in by the trainer, their cards printed: (enrollments, secrets)."""
    enrollments = roster(training_class, "Lê Văn Bảy", "Trần Thị Mai")
    secrets, _html = print_cards(client, trainer, training_class, enrollments)
    return enrollments, secrets


# ---- printing the cards ------------------------------------------------------------------


def test_the_printed_card_shows_each_learners_picture_and_secret_in_order(
    client, trainer, training_class
):
    bay, mai = roster(training_class, "Lê Văn Bảy", "Trần Thị Mai")
    secrets, html = print_cards(client, trainer, training_class, [bay, mai])
    with override("vi"):
        names = {p.key: str(p.name) for p in PICTURES}
    card = html.split(f'data-enrollment="{bay.pk}"')[1].split('class="login-card')[0]
    printed = re.findall(r'class="sequence-picture"[^>]*>([^<]+)<', card)
    assert printed == [names[key] for key in secrets["Lê Văn Bảy"]]
    assert re.findall(r"<strong[^>]*>(\d)</strong>", card) == ["1", "2", "3"]
    own = bay.learner.picture_card.own_picture
    assert f'class="own-picture">{names[own]}<' in card
    # Where to log in: the class's picture address, and its QR code.
    assert f"/vao-lop/{training_class.join_code}/hinh/" in card and "<svg" in card
    # Kept hashed, like a password: the plain secret is nowhere in the database.
    row = PictureCard.objects.get(user=bay.learner)
    assert ",".join(secrets["Lê Văn Bảy"]) not in str(vars(row))
    assert check_password(",".join(secrets["Lê Văn Bảy"]), row.sequence_hash)


def test_learners_of_a_class_get_different_pictures_and_keep_theirs_when_printed_again(
    training_class,
):
    now = timezone.now()
    enrollments = roster(training_class, *(f"Học viên {n}" for n in range(17)))
    first = picture_services.picture_cards_issue(
        training_class=training_class, enrollments=enrollments[:7], now=now
    )
    grid = {p.key for p in SEQUENCE_PICTURES}
    # Up to seven learners: nobody's own picture is one of the grid's nine.
    assert not {issued.own_picture.key for issued in first} & grid
    picture_services.picture_cards_issue(
        training_class=training_class, enrollments=enrollments[7:], now=now
    )
    owns = [PictureCard.objects.get(user=e.learner).own_picture for e in enrollments]
    assert len(set(owns[:16])) == 16  # sixteen pictures, sixteen learners
    assert owns[16] in owns[:16]  # the seventeenth shares one; the name tells them apart
    again = picture_services.picture_cards_issue(
        training_class=training_class, enrollments=enrollments[:3], now=now
    )
    assert [issued.own_picture.key for issued in again] == owns[:3]


def test_only_plain_learners_of_the_class_get_a_picture_card(training_class):
    official = EnrollmentFactory(
        training_class=training_class, learner=user_with(roles.OFFICIAL), display_name="Lò Mơ"
    )
    staff = EnrollmentFactory(
        training_class=training_class, learner=UserFactory(is_staff=True), display_name="Quản trị"
    )
    elsewhere = EnrollmentFactory(display_name="Lớp khác")
    (learner,) = roster(training_class, "Lê Văn Bảy")
    issued = picture_services.picture_cards_issue(
        training_class=training_class,
        enrollments=[official, staff, elsewhere, learner],
        now=timezone.now(),
    )
    assert [card.enrollment for card in issued] == [learner]
    assert PictureCard.objects.count() == 1


# ---- logging in on the shared phone -------------------------------------------------------


def test_the_right_pictures_log_the_learner_in_to_their_course(phone, training_class, printed):
    (bay, mai), secrets = printed
    grid = phone.get(f"/vao-lop/{training_class.join_code.lower()}/hinh/")  # typed small
    html = grid.content.decode()
    assert "Lê Văn Bảy" in html and "Trần Thị Mai" in html
    assert sequence_url(training_class, bay) in html
    assert phone.get(sequence_url(training_class, bay)).context["picked"] == ""

    first = phone.post(sequence_url(training_class, bay), {"picked": "", "tap": "trau"})
    assert first.context["picked"] == "trau"
    assert "●○○" in first.content.decode() and 'name="picked" value="trau"' in (
        first.content.decode()
    )
    response = tap(phone, training_class, bay, secrets["Lê Văn Bảy"])
    assert response.status_code == 302
    assert response["Location"] == f"/hoc/{bay.pk}/"
    course = phone.get(response["Location"])
    assert course.status_code == 200 and course.context["user"] == bay.learner
    assert training_class.course.title in course.content.decode()
    assert vi("Switch learner") in course.content.decode()


def test_a_wrong_secret_is_explained_and_the_taps_start_again(phone, training_class, printed):
    (bay, _mai), secrets = printed
    response = tap(phone, training_class, bay, other_than(secrets["Lê Văn Bảy"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert vi(WRONG) in html
    assert "○○○" in html and 'name="picked" value=""' in html
    assert response.context["user"].is_anonymous
    assert PictureCard.objects.get(user=bay.learner).failed_attempts == 1


def test_start_again_and_a_tampered_tap_count_nothing(phone, training_class, printed):
    (bay, _mai), _secrets = printed
    url = sequence_url(training_class, bay)
    phone.post(url, {"picked": "", "tap": "trau"})
    again = phone.get(url)  # "Chọn lại" is a link back to the empty grid
    assert again.context["picked"] == "" and "○○○" in again.content.decode()
    for data in (
        {"picked": "trau,khong-co", "tap": "lua"},
        {"picked": "trau,lua,sen", "tap": "lua"},
        {"picked": "", "tap": "meo"},  # a picture that is not on the grid
    ):
        response = phone.post(url, data)
        assert response.status_code == 200 and response.context["picked"] == ""
    assert PictureCard.objects.get(user=bay.learner).failed_attempts == 0


def test_five_wrong_secrets_lock_that_learner_only_until_a_new_card(
    phone, client, trainer, training_class, printed
):
    (bay, mai), secrets = printed
    for keys in wrong_secrets(secrets["Lê Văn Bảy"], 5):
        response = tap(phone, training_class, bay, keys)
    html = response.content.decode()
    with override("vi"):
        locked = ngettext(
            "Too many wrong pictures. Ask the trainer to print you a new card, or try again in "
            "%(minutes)s minute.",
            "Too many wrong pictures. Ask the trainer to print you a new card, or try again in "
            "%(minutes)s minutes.",
            15,
        ) % {"minutes": 15}
    assert locked in html
    assert 'name="tap"' not in html  # no grid to tap while locked
    # Even the right pictures are refused now, or the lock would not stop a guesser.
    response = tap(phone, training_class, bay, secrets["Lê Văn Bảy"])
    assert response.status_code == 200 and response.context["user"].is_anonymous
    # The next learner on the same phone is not locked.
    assert tap(phone, training_class, mai, secrets["Trần Thị Mai"]).status_code == 302
    phone.post("/vao-lop/hinh/doi-nguoi-hoc/")
    # The trainer prints Bảy a new card: unlocked, with a new secret that works.
    new_secrets, _html = print_cards(client, trainer, training_class, [bay])
    card = PictureCard.objects.get(user=bay.learner)
    assert card.locked_until is None and card.failed_attempts == 0
    assert tap(phone, training_class, bay, new_secrets["Lê Văn Bảy"]).status_code == 302


def test_the_lock_ends_after_fifteen_minutes(training_class):
    issued = PictureCardFactory(enrollment=roster(training_class, "Lê Văn Bảy")[0])
    keys = [p.key for p in issued.sequence]
    now = timezone.now()
    for wrong in wrong_secrets(keys, 5):
        with pytest.raises(services.TrainingError):
            picture_services.picture_login_check(
                enrollment=issued.enrollment, sequence=wrong, now=now
            )
    with pytest.raises(picture_services.PicturesLocked):
        picture_services.picture_login_check(enrollment=issued.enrollment, sequence=keys, now=now)
    later = now + datetime.timedelta(minutes=15, seconds=1)
    learner = picture_services.picture_login_check(
        enrollment=issued.enrollment, sequence=keys, now=later
    )
    assert learner == issued.enrollment.learner


def test_a_right_secret_clears_the_wrong_ones_before_it(training_class):
    issued = PictureCardFactory(enrollment=roster(training_class, "Lê Văn Bảy")[0])
    keys, now = [p.key for p in issued.sequence], timezone.now()
    check = picture_services.picture_login_check
    for wrong in wrong_secrets(keys, 4):
        with pytest.raises(picture_services.WrongPictures):
            check(enrollment=issued.enrollment, sequence=wrong, now=now)
    check(enrollment=issued.enrollment, sequence=keys, now=now)
    for wrong in wrong_secrets(keys, 4):  # four more: still not locked
        with pytest.raises(picture_services.WrongPictures):
            check(enrollment=issued.enrollment, sequence=wrong, now=now)
    assert check(enrollment=issued.enrollment, sequence=keys, now=now)


def test_printing_again_draws_a_new_secret_and_the_old_card_stops_working(
    monkeypatch, client, trainer, phone, training_class
):
    (bay,) = roster(training_class, "Lê Văn Bảy")
    # Draws made predictable: the first printing's secret, then the second's.
    for draw in (0, 1):
        fixed = types.SimpleNamespace(choice=lambda options, draw=draw: options[draw])
        monkeypatch.setattr(picture_services, "secrets", fixed)
        secrets, _html = print_cards(client, trainer, training_class, [bay])
        if draw == 0:
            old = secrets["Lê Văn Bảy"]
    new = secrets["Lê Văn Bảy"]
    assert old != new
    assert vi(WRONG) in tap(phone, training_class, bay, old).content.decode()
    assert tap(phone, training_class, bay, new).status_code == 302


# ---- weak Wi-Fi: the last tap sent twice ----------------------------------------------------


def test_the_same_wrong_secret_sent_twice_is_one_mistake(phone, training_class, printed):
    (bay, _mai), secrets = printed
    wrong = other_than(secrets["Lê Văn Bảy"])
    url = sequence_url(training_class, bay)
    last = {"picked": ",".join(wrong[:2]), "tap": wrong[2]}
    for _ in range(2):
        assert vi(WRONG) in phone.post(url, last).content.decode()
    assert PictureCard.objects.get(user=bay.learner).failed_attempts == 1


def test_the_right_last_tap_sent_twice_logs_in_once_and_fails_neither_time(training_class, printed):
    """The first answer logged in (and so renewed the CSRF token) but its page never
    showed: the phone sends the last tap again, from the old page, with the old token."""
    (bay, _mai), secrets = printed
    phone = Client(enforce_csrf_checks=True, REMOTE_ADDR=HALL)
    url = sequence_url(training_class, bay)
    page = phone.get(url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    keys = secrets["Lê Văn Bảy"]
    last = {"csrfmiddlewaretoken": token, "picked": ",".join(keys[:2]), "tap": keys[2]}
    first = phone.post(url, last)
    again = phone.post(url, last)
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"] == f"/hoc/{bay.pk}/"
    assert phone.get(f"/hoc/{bay.pk}/").status_code == 200
    assert PictureCard.objects.get(user=bay.learner).failed_attempts == 0
    # Without a token, nothing but that redirect is possible.
    stranger = Client(enforce_csrf_checks=True)
    assert stranger.post(url, last).status_code == 403


# ---- handing the phone on ---------------------------------------------------------------


def test_switching_learner_goes_back_to_the_class_in_one_tap(phone, training_class, printed):
    (bay, mai), secrets = printed
    tap(phone, training_class, bay, secrets["Lê Văn Bảy"])
    switched = phone.post("/vao-lop/hinh/doi-nguoi-hoc/")
    assert switched.status_code == 302
    assert switched["Location"] == f"/vao-lop/{training_class.join_code}/hinh/"
    grid = phone.get(switched["Location"])
    assert grid.context["user"].is_anonymous and "Trần Thị Mai" in grid.content.decode()
    assert tap(phone, training_class, mai, secrets["Trần Thị Mai"])["Location"] == (
        f"/hoc/{mai.pk}/"
    )
    assert phone.get(f"/hoc/{bay.pk}/").status_code == 404  # Bảy's page is Bảy's alone


def test_the_phone_remembers_its_class_for_the_next_learner(phone, training_class, printed):
    assert phone.get("/vao-lop/hinh/").status_code == 200  # a new phone: asks for the code
    phone.get(f"/vao-lop/{training_class.join_code}/hinh/")
    remembered = phone.get("/vao-lop/hinh/")
    assert remembered["Location"] == f"/vao-lop/{training_class.join_code}/hinh/"
    typed = phone.get("/vao-lop/hinh/", {"ma": "KHONG1"})
    assert typed.status_code == 200 and typed.context["wrong_code"]


def test_only_a_picture_log_in_shows_switch_learner(client, training_class, printed):
    (bay, _mai), _secrets = printed
    bay.learner.refresh_from_db()  # the printing gave it a new password
    client.force_login(bay.learner)  # as if logged in with the card's password
    page = client.get(f"/hoc/{bay.pk}/").content.decode()
    assert vi("Switch learner") not in page and vi("Log out") in page


# ---- who can be logged in, and what the page shows ----------------------------------------


def test_the_class_page_shows_only_names_and_pictures(phone, training_class, printed):
    (bay, _mai), _secrets = printed
    html = phone.get(f"/vao-lop/{training_class.join_code}/hinh/").content.decode()
    assert bay.learner.username not in html
    assert "1950" not in html
    assert 'name="picked"' not in html


def test_erased_learners_are_not_shown_and_cannot_log_in(phone, training_class, printed):
    (bay, mai), secrets = printed
    Enrollment.objects.filter(pk=mai.pk).update(erased_at=timezone.now())
    learner_erase(user=bay.learner)
    html = phone.get(f"/vao-lop/{training_class.join_code}/hinh/").content.decode()
    assert "Trần Thị Mai" not in html
    assert phone.post(sequence_url(training_class, mai), {"tap": "trau"}).status_code == 404
    assert phone.get(sequence_url(training_class, bay)).status_code == 404


def test_another_classs_learner_cannot_log_in_through_this_class(phone, training_class):
    issued = PictureCardFactory(enrollment=EnrollmentFactory(display_name="Ở lớp khác"))
    keys = [p.key for p in issued.sequence]
    response = tap(phone, training_class, issued.enrollment, keys)
    assert response.status_code == 404 and response.wsgi_request.user.is_anonymous
    html = phone.get(f"/vao-lop/{training_class.join_code}/hinh/").content.decode()
    assert "Ở lớp khác" not in html


def given_role(name):
    return lambda user: user.groups.add(Group.objects.get_or_create(name=name)[0])


def given_flag(**flags):
    return lambda user: type(user).objects.filter(pk=user.pk).update(**flags)


@pytest.mark.parametrize(
    "promote",
    [
        pytest.param(given_role(roles.TRAINER), id="trainer"),
        pytest.param(given_role(roles.OFFICIAL), id="official"),
        pytest.param(given_role(roles.COMMUNE_MANAGER), id="manager"),
        pytest.param(lambda user: ManagerScopeFactory(user=user), id="manager-scope"),
        pytest.param(given_flag(is_staff=True), id="staff"),
        pytest.param(given_flag(is_superuser=True), id="administrator"),
        pytest.param(given_flag(is_active=False), id="inactive"),
        pytest.param(lambda user: user.groups.clear(), id="not-a-learner"),
    ],
)
def test_no_account_with_more_rights_than_a_learners_logs_in_with_pictures(
    promote, phone, training_class
):
    """A card printed while the account was a plain learner's, then the account given more
    rights (or taken out of the learner group): the card no longer logs anyone in."""
    issued = PictureCardFactory(enrollment=roster(training_class, "Lê Văn Bảy")[0])
    enrollment, keys = issued.enrollment, [p.key for p in issued.sequence]
    promote(enrollment.learner)
    html = phone.get(f"/vao-lop/{training_class.join_code}/hinh/").content.decode()
    assert "Lê Văn Bảy" not in html
    response = tap(phone, training_class, enrollment, keys)
    assert response.status_code == 404 and response.wsgi_request.user.is_anonymous
    enrollment.learner.refresh_from_db()
    with pytest.raises(services.TrainingError):
        picture_services.picture_login_check(
            enrollment=enrollment, sequence=keys, now=timezone.now()
        )


def test_a_learner_who_joined_by_code_gets_a_card_too(client, trainer, phone, training_class):
    enrollment = join(training_class, "Võ Thị Sáu")
    secrets, _html = print_cards(client, trainer, training_class, [enrollment])
    assert tap(phone, training_class, enrollment, secrets["Võ Thị Sáu"]).status_code == 302


# ---- guessing across learners, wrong class codes ------------------------------------------


def test_wrong_secrets_from_one_address_are_limited_across_learners(
    monkeypatch, phone, training_class, printed
):
    monkeypatch.setitem(picture_views.WRONG_PICTURES, "rate", "3/10m")
    (bay, mai), secrets = printed
    tap(phone, training_class, bay, other_than(secrets["Lê Văn Bảy"]))
    for keys in wrong_secrets(secrets["Trần Thị Mai"], 3):  # four wrong: over three
        tap(phone, training_class, mai, keys)
    refused = tap(phone, training_class, mai, secrets["Trần Thị Mai"])
    assert refused.status_code == 429
    # Another address (another hall) is not refused.
    elsewhere = Client(REMOTE_ADDR="198.51.100.9")
    assert tap(elsewhere, training_class, mai, secrets["Trần Thị Mai"]).status_code == 302


def test_wrong_class_codes_count_with_the_join_forms(phone, training_class):
    for _ in range(21):  # over the join form's twenty
        assert phone.get("/vao-lop/KHONG9/hinh/").status_code == 404
    assert phone.get(f"/vao-lop/{training_class.join_code}/hinh/").status_code == 429
    response = phone.post(
        "/vao-lop/", {"ma": training_class.join_code, "display_name": "Bảy", "consent": "1"}
    )
    assert response.status_code == 429
