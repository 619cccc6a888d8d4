"""The purge leaves nothing of an expired practice account: rows, files, history; and it
never touches another learner's practice."""

import datetime
import io
from pathlib import Path

import pytest

from django.core.management import call_command
from django.utils import timezone

from sandbox.models import (
    DossierAttachment,
    DossierEvent,
    DossierStatus,
    Exercise,
    ExerciseAttempt,
    OtpChallenge,
    Payment,
    PracticeAccount,
    PracticeDossier,
    PracticeEvent,
    PracticeIdentity,
    SimulatedMessage,
    SupplementRequest,
)
from sandbox.services import accounts, attachments, desk
from sandbox.services.exercises import exercise_start
from sandbox.services.purge import practice_data_purge, practice_data_purge_expired
from tests.helpers import OFFICER, dossier_walk, jpeg_upload, new_ctx

ROWS = [
    PracticeIdentity,
    PracticeAccount,
    OtpChallenge,
    SimulatedMessage,
    PracticeDossier,
    DossierAttachment,
    Payment,
    SupplementRequest,
    DossierEvent,
    PracticeEvent,
    ExerciseAttempt,
]
OWNED_BY = {
    PracticeIdentity: "owner_key",
    PracticeAccount: "identity__owner_key",
    OtpChallenge: "identity__owner_key",
    SimulatedMessage: "owner_key",
    PracticeDossier: "owner_key",
    DossierAttachment: "dossier__owner_key",
    Payment: "dossier__owner_key",
    SupplementRequest: "dossier__owner_key",
    DossierEvent: "dossier__owner_key",
    PracticeEvent: "owner_key",
    ExerciseAttempt: "owner_key",
}


def practise_everything(khai_sinh):
    """A learner who registered, started an exercise, submitted and paid a dossier, was
    asked for a supplement and sent a new photo: a row in every table, files on disk."""
    ctx = new_ctx()
    exercise_start(ctx=ctx, exercise=Exercise.objects.get(slug="khai-sinh-bo-sung"), mode="guided")
    identity = accounts.identity_issue(ctx=ctx)
    account = accounts.registration_start(
        ctx=ctx,
        data={
            "cccd": identity.cccd,
            "full_name": identity.full_name,
            "birth_date": identity.birth_date.strftime("%d/%m/%Y"),
            "phone": identity.phone,
            "captcha": "ABCDE",
        },
        captcha_expected="ABCDE",
    )
    accounts.otp_verify(ctx=ctx, account=account, code=identity.otps.get().code)
    dossier = dossier_walk(ctx, identity, khai_sinh, DossierStatus.PROCESSING, copies="1")
    desk.desk_request_supplement(
        ctx=ctx,
        dossier=dossier,
        officer=OFFICER,
        documents=["Giấy chứng sinh"],
        reason="Ảnh chụp bị mờ.",
        content="Chụp lại Giấy chứng sinh rõ nét.",
    )
    dossier.refresh_from_db()
    attachments.supplement_send(
        ctx=ctx, dossier=dossier, note="Đã chụp lại.", uploaded_files=[jpeg_upload()]
    )
    draft = dossier_walk(ctx, identity, khai_sinh, DossierStatus.DRAFT)
    return ctx.owner_key, [dossier.pk, draft.pk]


def counts(owner_key):
    return {
        model.__name__: model.objects.filter(**{OWNED_BY[model]: owner_key}).count()
        for model in ROWS
    }


def files_of(owner_key):
    return [
        Path(name)
        for name in DossierAttachment.objects.filter(dossier__owner_key=owner_key).values_list(
            "file", flat=True
        )
    ]


@pytest.fixture
def two_learners(khai_sinh):
    return practise_everything(khai_sinh), practise_everything(khai_sinh)


def assert_nothing_left(owner_key, dossier_ids, stored_files, media_root):
    assert counts(owner_key) == {model.__name__: 0 for model in ROWS}
    history = PracticeDossier.history.model.objects
    assert not history.filter(id__in=dossier_ids).exists()
    assert not history.filter(owner_key=owner_key).exists()
    for name in stored_files:
        assert not (media_root / name).exists()
    leftover = [path for path in Path(media_root).rglob("*") if path.is_file()]
    assert not any(owner_key[:8] in str(path) for path in leftover)


def assert_untouched(owner_key, before, stored_files, media_root):
    assert counts(owner_key) == before
    for name in stored_files:
        assert (media_root / name).is_file()


def test_every_table_really_holds_the_learners_practice(two_learners, media_root):
    (owner_key, dossier_ids), _other = two_learners

    assert all(counts(owner_key).values()), counts(owner_key)
    assert PracticeDossier.history.model.objects.filter(id__in=dossier_ids).exists()
    assert len(files_of(owner_key)) == 3  # two dossiers' photos and the supplement
    assert all((media_root / name).is_file() for name in files_of(owner_key))


def test_purge_on_request_leaves_nothing_and_spares_the_other_learner(two_learners, media_root):
    (owner_key, dossier_ids), (other_key, other_ids) = two_learners
    stored, other_stored = files_of(owner_key), files_of(other_key)
    other_before = counts(other_key)
    other_history = PracticeDossier.history.model.objects.filter(id__in=other_ids).count()

    assert practice_data_purge(owner_key=owner_key) == 2

    assert_nothing_left(owner_key, dossier_ids, stored, media_root)
    assert_untouched(other_key, other_before, other_stored, media_root)
    assert PracticeDossier.history.model.objects.filter(id__in=other_ids).count() == other_history


def age(owner_key, days):
    """Make everything of ``owner_key`` look ``days`` old."""
    moment = timezone.now() - datetime.timedelta(days=days)
    PracticeIdentity.objects.filter(owner_key=owner_key).update(created_at=moment)
    PracticeDossier.objects.filter(owner_key=owner_key).update(created_at=moment)
    PracticeEvent.objects.filter(owner_key=owner_key).update(created_at=moment)


def test_expired_practice_is_purged_and_recent_practice_kept(two_learners, media_root, settings):
    settings.SANDBOX_RETENTION_DAYS = 30
    (old_key, old_ids), (recent_key, _ids) = two_learners
    age(old_key, 31)
    age(recent_key, 29)
    stored, recent_stored = files_of(old_key), files_of(recent_key)
    recent_before = counts(recent_key)

    purged = practice_data_purge_expired(now=timezone.now())

    assert purged == [old_key]
    assert_nothing_left(old_key, old_ids, stored, media_root)
    assert_untouched(recent_key, recent_before, recent_stored, media_root)


def test_the_management_command_purges_expired_practice(two_learners, media_root):
    (old_key, old_ids), (recent_key, _ids) = two_learners
    age(old_key, 8)
    stored = files_of(old_key)
    recent_before = counts(recent_key)
    output = io.StringIO()

    call_command("sandbox_purge", "--days", "7", stdout=output)

    assert output.getvalue().strip() == "Đã xóa dữ liệu thực hành của 1 người học."
    assert_nothing_left(old_key, old_ids, stored, media_root)
    assert counts(recent_key) == recent_before
