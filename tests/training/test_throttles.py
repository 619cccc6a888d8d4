"""Issue 10: guessing is throttled, and each refusal is a Vietnamese 429 page that says
when to try again; a commune hall behind one address is not locked out by one person."""

import pytest

from django.test import Client

from training.models import Enrollment

pytestmark = pytest.mark.django_db

HALL = "203.0.113.7"  # one commune's address, shared by the whole hall (a NAT)


def _refused(response):
    html = response.content.decode()
    assert response.status_code == 429, response.status_code
    assert int(response["Retry-After"]) > 0
    assert "Thử quá nhiều lần" in html and "phút rồi thử lại" in html
    return html


@pytest.fixture
def people(django_user_model, home_page):
    return [
        django_user_model.objects.create_user(name, password="Dung-mat-khau-1")
        for name in ("canbo.xa", "hocvien.xa")
    ]


@pytest.mark.parametrize("login_url", ["/tai-khoan/dang-nhap/", "/admin/login/"])
def test_thirty_wrong_passwords_lock_that_name_from_that_address_only(people, login_url):
    target, neighbour = people
    phone = Client(REMOTE_ADDR=HALL)
    statuses = [
        phone.post(login_url, {"username": target.username, "password": f"sai{n}"}).status_code
        for n in range(30)
    ]
    assert statuses[:9] == [200] * 9  # the form again, with its message
    assert set(statuses[9:]) == {429}  # the tenth wrong password locks
    # Now even the right password is refused, and the page shows only the lock message.
    html = _refused(
        phone.post(login_url, {"username": target.username, "password": "Dung-mat-khau-1"})
    )
    assert 'name="password"' not in html
    # Another person in the same hall logs in as usual.
    other = Client(REMOTE_ADDR=HALL)
    response = other.post(
        login_url, {"username": neighbour.username, "password": "Dung-mat-khau-1"}
    )
    assert response.status_code == 302
    # And the same name from another address is not locked either.
    elsewhere = Client(REMOTE_ADDR="198.51.100.9")
    response = elsewhere.post(
        login_url, {"username": target.username, "password": "Dung-mat-khau-1"}
    )
    assert response.status_code == 302


def test_sixty_random_join_codes_are_slowed(home_page):
    guesser = Client(REMOTE_ADDR=HALL)
    statuses = [
        guesser.post(
            "/vao-lop/",
            {"ma": f"ZZZ{n:03d}", "display_name": "Kẻ đoán mã", "consent": "1"},
        ).status_code
        for n in range(60)
    ]
    assert statuses[:20] == [200] * 20  # "Mã lớp không đúng" each time
    assert set(statuses[21:]) == {429}
    assert Enrollment.objects.count() == 0


def test_a_hall_joins_with_the_right_code_after_a_few_typos(home_page, training_class):
    for n in range(40):
        phone = Client(REMOTE_ADDR=HALL)
        if n % 4 == 0:
            phone.post("/vao-lop/", {"ma": "SAIMA1", "display_name": "Gõ nhầm", "consent": "1"})
        response = phone.post(
            "/vao-lop/",
            {"ma": training_class.join_code, "display_name": f"Học viên {n}", "consent": "1"},
        )
        assert response.status_code == 200
    assert Enrollment.objects.filter(training_class=training_class).count() == 40


def test_otp_guesses_and_resends_are_limited(client, registering):
    statuses = [
        client.post("/thuc-hanh/dang-ky/xac-nhan/", {"otp": f"{n:06d}"}).status_code
        for n in range(50)
    ]
    assert 429 in statuses and statuses.index(429) <= 20
    _refused(client.post("/thuc-hanh/dang-ky/xac-nhan/", {"otp": "000000"}))


def test_resending_the_code_is_limited(client, registering):
    statuses = [
        client.post("/thuc-hanh/dang-ky/xac-nhan/", {"resend": "1"}).status_code for _ in range(8)
    ]
    assert 429 not in statuses[:5]
    assert statuses[-1] == 429


def test_anonymous_practice_cards_are_limited_per_browser(home_page):
    phone = Client(REMOTE_ADDR=HALL)
    phone.get("/thuc-hanh/the-luyen-tap/")
    statuses = [phone.post("/thuc-hanh/the-luyen-tap/").status_code for _ in range(15)]
    assert statuses[:10] == [302] * 10
    assert set(statuses[10:]) == {429}
    # The next phone in the hall still gets its card.
    other = Client(REMOTE_ADDR=HALL)
    other.get("/thuc-hanh/the-luyen-tap/")
    assert other.post("/thuc-hanh/the-luyen-tap/").status_code == 302


def test_segment_reports_are_limited_per_browser(home_page):
    phone = Client(REMOTE_ADDR=HALL)
    url = "/video/00000000-0000-0000-0000-000000000000/da-xem/"
    statuses = [
        phone.post(url, {}, content_type="application/json").status_code for _ in range(125)
    ]
    assert set(statuses[:120]) == {404} and set(statuses[120:]) == {429}
