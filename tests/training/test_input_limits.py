"""Issue 10: every free-text field of the classes has a limit, refused in Vietnamese
before anything is saved, the same on SQLite and PostgreSQL; NFD input is stored NFC."""

import datetime
import unicodedata

import pytest

from django.utils import timezone

from tests.helpers import join
from training.models import ClassSession, Enrollment, ProgressOverride, RealSubmission
from training.services import classes as services
from training.services import progress
from training.services.certificates import certificate_issue, certificate_revoke

pytestmark = pytest.mark.django_db

LONG = "Nguyễn " * 1500  # 10,500 characters


def _refused(call, field):
    with pytest.raises(services.TrainingError) as caught:
        call()
    assert caught.value.field == field
    assert "dài quá: tối đa" in caught.value.message and "ký tự" in caught.value.message


def test_a_class_name_too_long(trainer, units):
    commune, organiser = units
    _refused(
        lambda: services.class_open(
            trainer=trainer, name=LONG, organiser=organiser, commune=commune, audience="cong_dan"
        ),
        "name",
    )
    assert not trainer.classes_trained.exists()


def test_joining_with_a_name_too_long_through_the_page(client, training_class):
    response = client.post(
        "/vao-lop/", {"ma": training_class.join_code, "display_name": LONG, "consent": "1"}
    )
    assert response.status_code == 200
    assert "Họ và tên dài quá: tối đa 100 ký tự" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_roster_session_override_submission_and_revocation_limits(training_class):
    now = timezone.now()
    _refused(
        lambda: services.roster_add(
            training_class=training_class, display_name=LONG, birth_year="", phone="", now=now
        ),
        "display_name",
    )
    _refused(
        lambda: services.session_add(training_class=training_class, starts_at=now, place=LONG),
        "place",
    )
    _refused(
        lambda: services.session_add(
            training_class=training_class, starts_at=now, place="Hội trường", device_notes=LONG
        ),
        "device_notes",
    )
    enrollment = join(training_class)
    _refused(
        lambda: progress.progress_override(
            enrollment=enrollment,
            activity_key="x",
            done=True,
            reason=LONG,
            changed_by=training_class.trainer,
        ),
        "reason",
    )
    _refused(
        lambda: progress.real_submission_record(
            enrollment=enrollment,
            procedure_title=LONG,
            submitted_on=timezone.localdate(),
            today=timezone.localdate() + datetime.timedelta(days=1),
        ),
        "procedure_title",
    )
    certificate = certificate_issue(enrollment=enrollment)
    _refused(
        lambda: certificate_revoke(certificate=certificate, reason=LONG, by=training_class.trainer),
        "reason",
    )
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    assert not ClassSession.objects.exists()
    assert not ProgressOverride.objects.exists() and not RealSubmission.objects.exists()
    assert Enrollment.objects.count() == 1


def test_an_nfd_name_is_stored_nfc_and_measured_after_normalising(training_class):
    name = unicodedata.normalize("NFD", "Nguyễn Thị Hoa")
    assert len(name) > len("Nguyễn Thị Hoa")
    enrollment = join(training_class, name)
    assert enrollment.display_name == "Nguyễn Thị Hoa"
    # 100 characters once composed, more than 100 code points as typed: accepted.
    exact = unicodedata.normalize("NFD", ("Hoà " * 25).strip()[:100])
    assert len(exact) > 100
    assert join(training_class, exact).display_name == unicodedata.normalize("NFC", exact)
