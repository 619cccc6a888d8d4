"""Issue 9: the join form sent twice (a double tap, a retry on weak Wi-Fi) is one join."""

import datetime
import re

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password

from home import roles
from training.models import Enrollment
from training.services import classes as services

pytestmark = pytest.mark.django_db


def _form_token(client):
    html = client.get("/vao-lop/").content.decode()
    return re.search(r'name="token" value="([0-9a-f]{32})"', html).group(1)


def _join(client, training_class, token):
    return client.post(
        "/vao-lop/",
        {
            "ma": training_class.join_code,
            "display_name": "Lê Văn Bảy",
            "consent": "1",
            "token": token,
        },
    )


def _shown_password(response):
    return re.search(r'class="card-password">([^<]+)<', response.content.decode()).group(1)


def _visitor_joins(training_class, *, name="Bảy", now=None, token=""):
    """A visitor without an account joins through the service; (enrollment, password)."""
    return services.class_join(
        code=training_class.join_code,
        user=None,
        display_name=name,
        birth_year="",
        consent=True,
        now=now or datetime.datetime.now(datetime.UTC),
        token=token,
    )


def test_the_same_form_sent_twice_makes_one_account_and_shows_a_working_password(
    client, training_class
):
    token = _form_token(client)
    first = _join(client, training_class, token)
    second = _join(client, training_class, token)  # the first answer never reached the phone
    assert first.status_code == second.status_code == 200
    assert Enrollment.objects.filter(training_class=training_class).count() == 1
    assert get_user_model().objects.filter(groups__name=roles.LEARNER).count() == 1
    learner = Enrollment.objects.get().learner
    assert learner.username in second.content.decode()
    # The password on the last page the phone shows is the one that works (checked
    # without re-hashing it, which would end the session this test goes on with).
    assert check_password(_shown_password(second), learner.password)
    assert not check_password(_shown_password(first), learner.password)
    assert "Đăng xuất" in client.get("/").content.decode()


def test_two_forms_of_two_phones_make_two_accounts(client, training_class):
    _join(client, training_class, _form_token(client))
    client.logout()
    _join(client, training_class, _form_token(client))
    assert Enrollment.objects.filter(training_class=training_class).count() == 2


def test_a_token_in_the_address_is_never_used(client, training_class):
    token = "a" * 32
    html = client.get(f"/vao-lop/?ma={training_class.join_code}&token={token}").content.decode()
    hidden = re.search(r'name="token" value="([0-9a-f]{32})"', html).group(1)
    assert hidden != token


def test_an_old_token_does_not_reset_the_password(training_class):
    now = datetime.datetime.now(datetime.UTC)
    token = "b" * 32
    enrollment, password = _visitor_joins(training_class, now=now, token=token)
    later = now + services.JOIN_REPEAT_WINDOW + datetime.timedelta(minutes=1)
    Enrollment.objects.filter(pk=enrollment.pk).update(created_at=now)
    with pytest.raises(services.TrainingError, match="Bạn đã vào lớp này rồi"):
        _visitor_joins(training_class, now=later, token=token)
    enrollment.learner.refresh_from_db()
    assert enrollment.learner.check_password(password)


def test_a_malformed_token_is_ignored(training_class):
    for _ in range(2):
        _visitor_joins(training_class, token="not-a-token")
    assert Enrollment.objects.filter(join_token="").count() == 2


def test_in_class_mode_the_class_page_shows_the_halls_address(client, training_class, settings):
    settings.CLASS_HALL_URL = "http://192.168.1.10:8000/"
    client.force_login(training_class.trainer)
    html = client.get(f"/lop/{training_class.pk}/").content.decode()
    assert f"http://192.168.1.10:8000/vao-lop/?ma={training_class.join_code}" in html


def test_learner_usernames_cannot_be_guessed(training_class):
    """Usernames are drawn from 31^8 values, not a counter or six digits."""
    names = set()
    for n in range(20):
        enrollment, _password = _visitor_joins(training_class, name=f"Học viên {n}")
        names.add(enrollment.learner.username)
    assert len(names) == 20
    assert all(re.fullmatch(r"hv[a-hj-km-np-z2-9]{8}", name) for name in names)
    assert not all(name[2:].isdigit() for name in names)


def test_card_passwords_are_hashed_light_then_at_full_strength_on_first_log_in(
    client, training_class, settings
):
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "home.hashers.LightPBKDF2PasswordHasher",
    ]
    enrollment, password = _visitor_joins(training_class)
    learner = enrollment.learner
    assert learner.password.startswith("pbkdf2_sha256_light$100000$")
    response = client.post(
        "/tai-khoan/dang-nhap/", {"username": learner.username, "password": password}
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.password.startswith("pbkdf2_sha256$1000000$")
