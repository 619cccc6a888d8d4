"""The training pages read every POST through a form: the class form offers and accepts
only the communes in the trainer's scope, and a refused form keeps what was typed."""

import re

import pytest

from django.utils import timezone

from tests.helpers import join, lesson_id
from training.models import (
    AdministrativeUnit,
    Attendance,
    ClassSession,
    Enrollment,
    ManagerScope,
    RealSubmission,
    TrainingClass,
)
from training.services import classes as services

pytestmark = pytest.mark.django_db


def commune_options(html):
    select = re.search(r'<select id="i-commune" name="commune">(.*?)</select>', html, re.S)
    return re.findall(r'<option value="(\d+)"[^>]*>([^<]*)</option>', select.group(1))


@pytest.fixture
def other_commune(units):
    province = AdministrativeUnit.objects.create(name="Tỉnh An Giang", level="tinh")
    return AdministrativeUnit.objects.create(name="Phường Long Xuyên", level="xa", parent=province)


def class_form(organiser, commune, **extra):
    return {
        "name": "Lớp thôn 3",
        "organiser": organiser.pk,
        "commune": commune.pk,
        "audience": "can_bo",
        **extra,
    }


def test_a_trainer_of_one_commune_is_offered_and_may_pick_only_that_commune(
    client, trainer, units, other_commune
):
    commune, organiser = units
    ManagerScope.objects.create(user=trainer, unit=commune)
    client.force_login(trainer)
    assert commune_options(client.get("/lop/").content.decode()) == [
        (str(commune.pk), commune.name)
    ]

    response = client.post("/lop/", class_form(organiser, other_commune))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Xã, phường này không thuộc địa bàn của bạn" in html
    assert not TrainingClass.objects.exists()
    # What was typed and chosen is still there to correct.
    assert 'value="Lớp thôn 3"' in html
    assert re.search(rf'<option value="{organiser.pk}" selected>', html)
    assert '<option value="can_bo" selected>' in html

    assert client.post("/lop/", class_form(organiser, commune)).status_code == 302
    assert TrainingClass.objects.get().commune == commune


def test_a_province_scope_offers_the_provinces_communes(client, trainer, units, other_commune):
    commune, _organiser = units
    ManagerScope.objects.create(user=trainer, unit=commune.parent)
    client.force_login(trainer)
    options = commune_options(client.get("/lop/").content.decode())
    assert options == [(str(commune.pk), commune.name)]


def test_a_trainer_given_no_scope_and_an_administrator_are_offered_every_commune(
    client, trainer, django_user_model, units, other_commune
):
    everyone = {str(units[0].pk), str(other_commune.pk)}
    client.force_login(trainer)
    assert {pk for pk, _name in commune_options(client.get("/lop/").content.decode())} == everyone
    client.force_login(django_user_model.objects.create_superuser("quantri", password="x"))
    assert {pk for pk, _name in commune_options(client.get("/lop/").content.decode())} == everyone


def test_a_missing_organiser_or_a_village_as_commune_is_refused_in_vietnamese(
    client, trainer, units
):
    commune, organiser = units
    client.force_login(trainer)
    html = client.post(
        "/lop/", {**class_form(organiser, commune), "organiser": ""}
    ).content.decode()
    assert "Hãy chọn đơn vị tổ chức lớp." in html
    village = AdministrativeUnit.objects.get(level="thon")
    html = client.post("/lop/", class_form(organiser, village)).content.decode()
    assert "không thuộc địa bàn của bạn" in html
    assert not TrainingClass.objects.exists()


def test_a_roster_mistake_keeps_what_the_trainer_typed(client, trainer, training_class):
    client.force_login(trainer)
    response = client.post(
        f"/lop/{training_class.pk}/",
        {
            "action": "roster",
            "display_name": "Nguyễn Thị Hoa",
            "birth_year": "năm 62",
            "phone": "0987654321",
        },
    )
    html = response.content.decode()
    assert "Năm sinh gõ 4 chữ số, ví dụ 1958." in html
    assert 'value="Nguyễn Thị Hoa"' in html and 'value="0987654321"' in html
    assert not Enrollment.objects.exists()


@pytest.mark.parametrize("starts_at", ["", "ngày mai", "2026-13-45 08:00"])
def test_a_session_without_a_proper_date_keeps_the_place(
    client, trainer, training_class, starts_at
):
    client.force_login(trainer)
    response = client.post(
        f"/lop/{training_class.pk}/",
        {"action": "session", "starts_at": starts_at, "place": "Nhà văn hóa ấp 3"},
    )
    html = response.content.decode()
    assert "Hãy chọn ngày và giờ học, ví dụ 2026-11-25 08:00." in html
    assert 'value="Nhà văn hóa ấp 3"' in html
    assert not ClassSession.objects.exists()


def test_a_session_from_the_date_time_picker_is_local_time(client, trainer, training_class):
    client.force_login(trainer)
    response = client.post(
        f"/lop/{training_class.pk}/",
        {"action": "session", "starts_at": "2026-11-25T08:00", "place": "Nhà văn hóa"},
    )
    assert response.status_code == 302
    starts_at = timezone.localtime(ClassSession.objects.get().starts_at)
    assert (starts_at.hour, starts_at.day, str(starts_at.tzinfo)) == (8, 25, "Asia/Ho_Chi_Minh")


def test_attendance_refuses_another_classes_learner_and_keeps_the_ticks(
    client, trainer, training_class, units
):
    mine = join(training_class, "Lê Văn Bảy")
    other_class = services.class_open(
        trainer=trainer, name="Lớp khác", organiser=units[1], commune=units[0], audience="cong_dan"
    )
    stranger = join(other_class, "Vũ Thị Sấu")
    session = services.session_add(
        training_class=training_class, starts_at=timezone.now(), place="Hội trường"
    )
    client.force_login(trainer)
    url = f"/lop/{training_class.pk}/buoi/{session.pk}/diem-danh/"
    response = client.post(url, {"present": [mine.pk, stranger.pk]})
    html = response.content.decode()
    assert response.status_code == 200
    assert "không thuộc lớp này" in html
    assert f'value="{mine.pk}" checked' in html
    assert not Attendance.objects.exists()


def test_a_real_submission_with_a_bad_date_keeps_the_title(client, enrollment):
    client.force_login(enrollment.learner)
    client.post(
        f"/hoc/{enrollment.pk}/nop-that/",
        {"procedure_title": "Đăng ký khai sinh", "submitted_on": "hôm qua"},
    )
    html = client.get(f"/hoc/{enrollment.pk}/").content.decode()
    assert "Hãy chọn ngày nộp, ví dụ 20/11/2026." in html
    assert 'value="Đăng ký khai sinh"' in html
    assert not RealSubmission.objects.exists()
    # Shown once: the next visit starts empty.
    assert 'value="Đăng ký khai sinh"' not in client.get(f"/hoc/{enrollment.pk}/").content.decode()


def test_a_quiz_answer_the_page_never_offered_counts_nothing(client, enrollment, course):
    client.force_login(enrollment.learner)
    lesson = lesson_id(course, "text_lesson")
    response = client.post(f"/hoc/{enrollment.pk}/kiem-tra/{lesson}/", {"q0": "7", "q1": "1"})
    assert response.status_code == 302
    html = client.get(f"/hoc/{enrollment.pk}/").content.decode()
    assert "Hãy chọn một trong các câu trả lời." in html
    enrollment.refresh_from_db()
    assert enrollment.progress.activities_done == 0


def test_a_revocation_without_a_reason_keeps_the_certificate(client, trainer, enrollment):
    from training.services.certificates import certificate_issue

    certificate = certificate_issue(enrollment=enrollment)
    client.force_login(trainer)
    html = client.post(f"/chung-nhan/{certificate.code}/", {"reason": "  "}).content.decode()
    assert "Hãy ghi lý do thu hồi" in html
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
