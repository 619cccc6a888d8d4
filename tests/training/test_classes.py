"""Issue 5, first slice: open a class, join it by code without e-mail, roster and
log-in cards, attendance, and trainers seeing only their own classes."""

import pytest

from django.utils import timezone

from home import roles
from tests.factories import user_with
from training.demo import training_demo_seed
from training.models import AdministrativeUnit, Attendance, Enrollment, OrganisingUnit
from training.services import classes as services

pytestmark = pytest.mark.django_db


@pytest.fixture
def units():
    training_demo_seed()
    return (
        AdministrativeUnit.objects.get(level="xa"),
        OrganisingUnit.objects.get(kind="chi_doan"),
    )


def make_trainer(django_user_model, username="taphuan"):
    return user_with(roles.TRAINER, username)


@pytest.fixture
def trainer(django_user_model):
    return make_trainer(django_user_model)


@pytest.fixture
def training_class(trainer, units):
    commune, organiser = units
    return services.class_open(
        trainer=trainer,
        name="Lớp dịch vụ công ấp Tân Lập",
        organiser=organiser,
        commune=commune,
        audience="cong_dan",
    )


def test_demo_units_follow_the_two_level_government(units):
    commune, organiser = units
    assert commune.parent.level == "tinh"
    assert organiser.unit.parent == commune
    assert commune.province().name == "Tỉnh Cà Mau"


def test_a_trainer_opens_a_class_and_shows_its_code_and_qr(client, trainer, units):
    commune, organiser = units
    client.force_login(trainer)
    response = client.post(
        "/lop/",
        {
            "name": "Lớp thôn 3",
            "organiser": organiser.pk,
            "commune": commune.pk,
            "audience": "cong_dan",
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    code = trainer.classes_trained.get().join_code
    assert len(code) == 6 and not set(code) & set("0O1IL")
    assert f'<p class="big-code">{code}</p>' in page
    assert "<svg" in page and f"/vao-lop/?ma={code}" in page


def test_a_visitor_joins_with_the_code_without_email(client, training_class):
    code = training_class.join_code.lower()  # typed in lower case, with a space
    response = client.post(
        "/vao-lop/",
        {
            "ma": f"{code[:3]} {code[3:]}",
            "display_name": "Lê Văn Bảy",
            "birth_year": "1958",
            "consent": "1",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    enrollment = Enrollment.objects.get(training_class=training_class)
    assert enrollment.display_name == "Lê Văn Bảy" and enrollment.birth_year == 1958
    assert enrollment.learner.email == ""
    assert enrollment.learner.username in html  # shown once, to write down
    assert "Đăng xuất" in client.get("/").content.decode()  # and logged in


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"ma": "ZZZZZZ", "display_name": "Bảy", "consent": "1"}, "Mã lớp không đúng"),
        ({"display_name": "", "consent": "1"}, "Hãy ghi họ và tên"),
        ({"display_name": "Bảy", "birth_year": "58", "consent": "1"}, "Năm sinh gõ 4 chữ số"),
        ({"display_name": "Bảy"}, "Hãy đánh dấu đồng ý"),
    ],
)
def test_joining_mistakes_are_explained_in_vietnamese(client, training_class, data, message):
    data = {"ma": training_class.join_code, **data}
    response = client.post("/vao-lop/", data)
    assert message in response.content.decode()
    assert Enrollment.objects.count() == 0


def test_a_closed_class_takes_nobody(client, training_class):
    training_class.is_open = False
    training_class.save()
    response = client.post(
        "/vao-lop/", {"ma": training_class.join_code, "display_name": "Bảy", "consent": "1"}
    )
    assert "ngừng nhận học viên" in response.content.decode()


def test_roster_and_printed_login_cards_work_for_log_in(client, trainer, training_class):
    client.force_login(trainer)
    response = client.post(
        f"/lop/{training_class.pk}/",
        {
            "action": "roster",
            "display_name": "Nguyễn Thị Hoa",
            "birth_year": "1962",
        },
    )
    html = response.content.decode()
    enrollment = Enrollment.objects.get(display_name="Nguyễn Thị Hoa")
    assert enrollment.joined_via == "roster"
    card = client.post(
        f"/lop/{training_class.pk}/the-dang-nhap/", {"enrollment": [enrollment.pk]}
    ).content.decode()
    username = enrollment.learner.username
    password = card.split('class="card-password">')[1].split("<")[0]
    assert username in html and username in card
    client.logout()
    login = client.post("/tai-khoan/dang-nhap/", {"username": username, "password": password})
    assert login.status_code == 302


def test_attendance_is_quick_and_kept_with_history(client, trainer, training_class):
    now = timezone.now()
    first, *_ = (
        services.roster_add(
            training_class=training_class, display_name=name, birth_year="", phone="", now=now
        )[0]
        for name in ("An", "Bình", "Chi")
    )
    session = services.session_add(
        training_class=training_class, starts_at=now, place="Hội trường ấp Tân Lập"
    )
    client.force_login(trainer)
    url = f"/lop/{training_class.pk}/buoi/{session.pk}/diem-danh/"
    assert client.get(url).status_code == 200
    client.post(url, {"present": [first.pk]})
    marks = {m.enrollment.display_name: m.present for m in Attendance.objects.all()}
    assert marks == {"An": True, "Bình": False, "Chi": False}
    client.post(url, {"present": []})
    mark = Attendance.objects.get(enrollment=first)
    assert mark.present is False
    assert [h.present for h in mark.history.order_by("history_date")] == [True, False]
    assert mark.history.first().history_user == trainer


def test_trainers_see_and_change_only_their_own_classes(client, django_user_model, training_class):
    other = make_trainer(django_user_model, "taphuan2")
    client.force_login(other)
    session = services.session_add(
        training_class=training_class, starts_at=timezone.now(), place="Hội trường"
    )
    for url in (
        f"/lop/{training_class.pk}/",
        f"/lop/{training_class.pk}/buoi/{session.pk}/diem-danh/",
    ):
        assert client.get(url).status_code == 404
    assert client.post(f"/lop/{training_class.pk}/the-dang-nhap/").status_code == 404
    assert training_class.name not in client.get("/lop/").content.decode()
    learner = django_user_model.objects.create_user("hocvien", password="x")
    client.force_login(learner)
    assert client.get("/lop/").status_code == 403
    client.logout()
    assert client.get("/lop/").status_code == 302  # to log in
