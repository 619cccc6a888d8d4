"""Attendance by the code on the projector: it changes every minute, a stale or guessed
code marks no one, a double tap marks once, and the trainer's tick list shows who was
marked from one phone and keeps code marks made while it was open."""

import datetime

import pytest

from django.utils import timezone

from home import roles
from tests.factories import user_with
from tests.helpers import join
from training.attendance_codes import (
    PERIOD_SECONDS,
    code_attendance_is_open,
    code_check,
    code_now,
    normalise_code,
)
from training.errors import TrainingError
from training.models import Attendance, EnrollmentProgress
from training.selectors import attendance_marks, sessions_open_for_code
from training.services import attendance as services
from training.services import classes as class_services

pytestmark = pytest.mark.django_db

MINUTE = datetime.timedelta(seconds=PERIOD_SECONDS)


@pytest.fixture
def session(training_class):
    return class_services.session_add(
        training_class=training_class, starts_at=timezone.now(), place="Nhà văn hóa ấp 3"
    )


@pytest.fixture
def opened(session):
    return services.code_attendance_open(session=session, now=timezone.now())


def by_code(session, enrollment, code, now=None, device="phone-a"):
    return services.attendance_by_code(
        session=session, enrollment=enrollment, code=code, device=device, now=now or timezone.now()
    )


def test_the_code_changes_every_minute_and_the_last_one_still_counts(opened):
    now = timezone.now()
    codes = [code_now(opened, now + k * MINUTE) for k in range(6)]
    assert all(len(code) == 4 and code.isdigit() for code in codes)
    assert len(set(codes)) > 1
    assert code_check(opened, codes[0], now) == "ok"
    assert code_check(opened, codes[0], now + MINUTE) == "ok"  # a slow typist
    assert code_check(opened, codes[0], now + 3 * MINUTE) == "expired"
    assert code_check(opened, "12a", now) == "wrong"


def test_codes_differ_between_sessions(training_class, session):
    other = class_services.session_add(
        training_class=training_class, starts_at=timezone.now(), place="Hội trường xã"
    )
    now = timezone.now()
    same = sum(
        code_now(session, now + k * MINUTE) == code_now(other, now + k * MINUTE) for k in range(30)
    )
    assert same <= 2  # one in 10,000 a minute by chance


def test_typed_codes_are_normalised():
    assert normalise_code(" 48 21 ") == "4821"
    assert normalise_code("４８２１") == "4821"  # full-width digits from some keyboards
    assert normalise_code(None) == ""


def test_the_right_code_marks_the_learner_present_and_counts_attendance(opened, training_class):
    enrollment = join(training_class)
    mark = by_code(opened, enrollment, code_now(opened, timezone.now()))
    assert mark.present and mark.method == Attendance.Method.CODE
    assert mark.device == "phone-a"
    assert EnrollmentProgress.objects.get(enrollment=enrollment).sessions_attended == 1


def test_a_double_tap_marks_once(opened, training_class):
    enrollment = join(training_class)
    code = code_now(opened, timezone.now())
    by_code(opened, enrollment, code)
    # The second tap arrives after the code changed and the trainer closed attendance.
    services.code_attendance_close(session=opened, now=timezone.now())
    again = by_code(opened, enrollment, code, now=timezone.now() + 5 * MINUTE)
    assert again.present
    assert Attendance.objects.filter(enrollment=enrollment).count() == 1
    assert EnrollmentProgress.objects.get(enrollment=enrollment).sessions_attended == 1


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("closed", "chưa mở"),
        ("stale", "đã đổi"),
        ("wrong", "chưa đúng"),
        ("other class", "không có tên"),
    ],
)
def test_refusals_mark_no_one(session, training_class, trainer, units, case, message):
    enrollment = join(training_class)
    now = timezone.now()
    code = code_now(session, now)
    if case != "closed":
        services.code_attendance_open(session=session, now=now)
    if case == "stale":
        now += 4 * MINUTE
    if case == "wrong":
        code = f"{(int(code) + 1) % 10000:04d}"
    if case == "other class":
        commune, organiser = units
        other = class_services.class_open(
            trainer=trainer,
            name="Lớp khác",
            organiser=organiser,
            commune=commune,
            audience="cong_dan",
        )
        enrollment = join(other, "Người lớp khác")
    with pytest.raises(TrainingError) as refused:
        by_code(session, enrollment, code, now=now)
    assert message in refused.value.message
    assert not Attendance.objects.filter(present=True).exists()


def test_attendance_by_code_closes_by_itself_after_hours(opened):
    assert code_attendance_is_open(opened, timezone.now())
    assert not code_attendance_is_open(opened, timezone.now() + datetime.timedelta(hours=5))


def test_the_learner_sees_which_sessions_take_the_code(opened, training_class):
    enrollment = join(training_class)
    assert sessions_open_for_code(enrollment, timezone.now()) == [opened]
    services.code_attendance_close(session=opened, now=timezone.now())
    assert sessions_open_for_code(enrollment, timezone.now()) == []


def test_the_tick_list_shows_learners_marked_from_one_phone(opened, training_class):
    bay, tu, nam = (join(training_class, name) for name in ("Bảy", "Tư", "Năm"))
    code = code_now(opened, timezone.now())
    by_code(opened, bay, code, device="phone-a")
    by_code(opened, tu, code, device="phone-a")
    by_code(opened, nam, code, device="phone-b")
    marks = attendance_marks(opened)
    assert marks[bay.pk]["same_phone"] == ["Tư"]
    assert marks[tu.pk]["same_phone"] == ["Bảy"]
    assert marks[nam.pk]["same_phone"] == []
    assert all(mark["by_code"] for mark in marks.values())


# ---- through the pages ---------------------------------------------------------------------


def test_the_projector_page_opens_shows_the_code_and_closes(client, training_class, session):
    client.force_login(training_class.trainer)
    url = f"/lop/{training_class.pk}/buoi/{session.pk}/ma-diem-danh/"
    assert "data-attendance-code" not in client.get(url).content.decode()
    client.post(url, {"action": "open"})
    page = client.get(url).content.decode()
    session.refresh_from_db()
    code = code_now(session, timezone.now())
    shown = page.split("data-attendance-code>")[1][:4]
    assert shown == code or code_check(session, shown, timezone.now()) == "ok"  # a new minute
    assert 'http-equiv="refresh"' in page
    assert f"/diem-danh/{session.pk}/</strong>" in page  # the address, and its QR code
    assert "<svg" in page
    client.post(url, {"action": "close"})
    session.refresh_from_db()
    assert session.code_closed_at is not None


def test_only_the_classes_trainer_opens_the_projector_page(client, training_class, session):
    url = f"/lop/{training_class.pk}/buoi/{session.pk}/ma-diem-danh/"
    other_trainer = user_with(roles.TRAINER, "taphuan2")
    client.force_login(other_trainer)
    assert client.post(url, {"action": "open"}).status_code == 404
    session.refresh_from_db()
    assert session.code_opened_at is None


def test_a_learner_marks_present_from_the_qr_code(client, opened, training_class):
    enrollment = join(training_class)
    client.force_login(enrollment.learner)
    code = code_now(opened, timezone.now())
    page = client.get(f"/diem-danh/{opened.pk}/?ma={code}").content.decode()
    assert f'value="{code}"' in page
    response = client.post(f"/diem-danh/{opened.pk}/", {"ma": code})
    assert response.status_code == 302
    assert "Bạn đã được điểm danh" in client.get(response["Location"]).content.decode()
    mark = Attendance.objects.get(enrollment=enrollment)
    assert mark.device and len(mark.device) == 12


def test_someone_not_on_the_roster_gets_404(client, opened):
    stranger = user_with(roles.LEARNER, "nguoila")
    client.force_login(stranger)
    assert client.get(f"/diem-danh/{opened.pk}/").status_code == 404
    assert client.post(f"/diem-danh/{opened.pk}/", {"ma": "0000"}).status_code == 404


def test_guessing_the_code_is_stopped(client, opened, training_class):
    enrollment = join(training_class)
    client.force_login(enrollment.learner)
    right = code_now(opened, timezone.now())
    wrong = [f"{n:04d}" for n in range(10000) if f"{n:04d}" != right][:8]
    statuses = [client.post(f"/diem-danh/{opened.pk}/", {"ma": code}).status_code for code in wrong]
    assert statuses[:6] == [200] * 6
    assert statuses[-1] == 429
    # Even the right code is refused now: the learner asks the trainer to tick them.
    assert client.post(f"/diem-danh/{opened.pk}/", {"ma": right}).status_code == 429
    assert not Attendance.objects.filter(present=True).exists()


def test_the_tick_list_keeps_code_marks_made_while_it_was_open(client, opened, training_class):
    early, late = join(training_class, "Bảy"), join(training_class, "Tư")
    client.force_login(training_class.trainer)
    url = f"/lop/{training_class.pk}/buoi/{opened.pk}/diem-danh/"
    page = client.get(url).content.decode()
    shown_at = page.split('name="shown_at" value="')[1].split('"')[0]
    # While the trainer's list is open, Tư types the code on her phone.
    by_code(opened, late, code_now(opened, timezone.now()))
    client.post(url, {"present": [early.pk], "shown_at": shown_at})
    assert Attendance.objects.get(enrollment=early).present
    assert Attendance.objects.get(enrollment=late).present
    # A list opened after her mark shows her ticked; unticking her there is the trainer's call.
    page = client.get(url).content.decode()
    shown_at = page.split('name="shown_at" value="')[1].split('"')[0]
    assert "bằng mã" in page
    client.post(url, {"present": [early.pk], "shown_at": shown_at})
    assert not Attendance.objects.get(enrollment=late).present
