"""Certificates anyone can verify, revocation, the trainer-certificate rule, and erasing
a learner's personal data while figures and verifications stay coherent."""

import io
import re

import pytest
from pypdf import PdfReader

from courses.models.renders import TutorialRender, VideoWatchLog
from home import roles
from sandbox.models import PracticeEvent
from tests.factories import user_with
from tests.helpers import join, practise
from training.models import (
    ActivitySummary,
    Certificate,
    Enrollment,
    EnrollmentProgress,
    ProgressEvent,
)
from training.reports import unit_report
from training.services import classes as services
from training.services.certificates import certificate_issue
from training.services.erasure import ErasureRefused, learner_erase

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(enrollment):
    return certificate_issue(enrollment=enrollment)


def test_the_pdf_carries_the_verification_address_and_the_page_verifies_it(
    client, enrollment, certificate
):
    client.force_login(enrollment.learner)
    response = client.get(f"/chung-nhan/{certificate.code}.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Lê Văn Bảy" in text and "CHỨNG NHẬN CÔNG DÂN SỐ" in text
    url = re.search(r"https?://\S+/xac-minh/\S+/", text).group(0)
    page = client.get(url.split("testserver")[1]).content.decode()
    assert "Giấy chứng nhận hợp lệ" in page and "Lê Văn Bảy" in page
    assert "1958" not in page and enrollment.learner.username not in page


def test_an_unknown_code_says_so(client):
    response = client.get("/xac-minh/ABCDEFGHJK/")
    assert response.status_code == 404 and "Không tìm thấy" in response.content.decode()


def test_the_trainer_revokes_a_certificate_with_a_reason(client, trainer, certificate):
    client.force_login(trainer)
    response = client.post(f"/chung-nhan/{certificate.code}/", {"reason": ""})
    assert "Hãy ghi lý do thu hồi" in response.content.decode()
    client.post(f"/chung-nhan/{certificate.code}/", {"reason": "Cấp nhầm người"})
    page = client.get(f"/xac-minh/{certificate.code}/").content.decode()
    assert "đã bị thu hồi" in page and "Cấp nhầm người" in page
    assert Certificate.history.filter(id=certificate.pk).count() == 2


def test_a_province_can_require_the_trainer_certificate_before_a_class(
    units, trainer, course, django_user_model
):
    commune, organiser = units
    province = commune.province()
    province.trainer_certificate_required = True
    province.save()
    with pytest.raises(services.TrainingError, match="Giấy chứng nhận tập huấn viên"):
        services.class_open(
            trainer=trainer, name="Lớp 1", organiser=organiser, commune=commune, audience="cong_dan"
        )
    # The trainer takes the trainers' course in a class run by someone else.
    senior = user_with(roles.TRAINER, "tinh", is_superuser=True)
    trainers_class = services.class_open(
        trainer=senior,
        name="Lớp tập huấn viên",
        organiser=organiser,
        commune=commune,
        audience="tap_huan_vien",
        course=course,
    )
    certificate_issue(enrollment=join(trainers_class, "Trần Văn Minh", user=trainer))
    assert services.class_open(
        trainer=trainer, name="Lớp 1", organiser=organiser, commune=commune, audience="cong_dan"
    )


def test_erasing_a_learner_keeps_figures_and_verification_but_no_personal_data(
    client, training_class, enrollment, exercise, units
):
    from django.contrib.auth import get_user_model

    learner = enrollment.learner
    practise(learner, exercise)
    certificate = certificate_issue(enrollment=enrollment)
    other = join(training_class, "Trần Thị Mai")
    VideoWatchLog.objects.create(
        render=TutorialRender.objects.get(), user=learner, session_key="s", start=0, end=5
    )
    before = unit_report(units[0], now=enrollment.created_at)["tables"][0].total
    events_before = ProgressEvent.objects.filter(enrollment=enrollment).count()

    learner_erase(user=learner)

    assert not get_user_model().objects.filter(pk=learner.pk).exists()
    row = Enrollment.objects.get(pk=enrollment.pk)
    assert (row.display_name, row.birth_year, row.phone, row.learner) == ("", None, "", None)
    assert row.erased_at is not None
    for historic in Enrollment.history.filter(id=enrollment.pk):
        assert historic.display_name == "" and historic.birth_year is None
    for historic in Certificate.history.filter(id=certificate.pk):
        assert historic.holder_name == ""
    assert not ActivitySummary.objects.filter(learner_id=learner.pk).exists()
    assert not VideoWatchLog.objects.filter(user_id=learner.pk).exists()
    assert not PracticeEvent.objects.filter(owner_key=f"u{learner.pk}").exists()
    # Figures and the log stay, without the person.
    assert ProgressEvent.objects.filter(enrollment=enrollment).count() == events_before
    assert EnrollmentProgress.objects.filter(enrollment=enrollment).exists()
    after = unit_report(units[0], now=enrollment.created_at)["tables"][0].total
    assert after == before
    page = client.get(f"/xac-minh/{certificate.code}/").content.decode()
    assert "Giấy chứng nhận hợp lệ" in page and "Lê Văn Bảy" not in page
    assert "yêu cầu xóa dữ liệu cá nhân" in page
    # The other learner is untouched.
    assert Enrollment.objects.get(pk=other.pk).display_name == "Trần Thị Mai"


def test_a_learner_erases_their_own_data_from_their_page(client, enrollment):
    client.force_login(enrollment.learner)
    page = client.get("/hoc/xoa-du-lieu/").content.decode()
    assert "Không thể hoàn tác" in page
    response = client.post("/hoc/xoa-du-lieu/", {"confirm": "yes"})
    assert "Đã xóa dữ liệu của bạn" in response.content.decode()
    assert Enrollment.objects.get(pk=enrollment.pk).erased_at is not None
    assert client.get("/hoc/").status_code == 302  # logged out


def test_staff_accounts_are_not_erased_through_the_learner_door(trainer):
    with pytest.raises(ErasureRefused):
        learner_erase(user=trainer)


def test_a_learner_records_a_real_submission_and_an_official_confirms_it(
    client, trainer, enrollment
):
    client.force_login(enrollment.learner)
    client.post(f"/hoc/{enrollment.pk}/nop-that/", {"procedure_title": "", "submitted_on": ""})
    assert not enrollment.real_submissions.exists()
    client.post(
        f"/hoc/{enrollment.pk}/nop-that/",
        {"procedure_title": "Đăng ký khai sinh", "submitted_on": enrollment.created_at.date()},
    )
    client.post(  # sent twice: one record
        f"/hoc/{enrollment.pk}/nop-that/",
        {"procedure_title": "Đăng ký khai sinh", "submitted_on": enrollment.created_at.date()},
    )
    report = enrollment.real_submissions.get()
    assert EnrollmentProgress.objects.get(enrollment=enrollment).real_submission_at
    client.force_login(trainer)
    client.post(
        f"/lop/{enrollment.training_class_id}/hoc-vien/{enrollment.pk}/nop-that/{report.pk}/"
    )
    report.refresh_from_db()
    assert report.confirmed_by == trainer
