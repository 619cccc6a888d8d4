"""Issue 9: phones on weak Wi-Fi tap twice and send again the forms whose answer was lost.

The same request sent again, one after the other or at the same moment, must give what
the first one gave (the same next page, the same code, the same receipt) and be counted
once; and slow work (password hashing, photo decoding) never runs inside a write
transaction, which on SQLite would make every other phone in the class wait.

The tests at the same moment use threads with a connection each, so they run on
PostgreSQL only (CI's second stage, or DATABASE_URL): SQLite's in-memory test database
cannot be shared between threads. The real server under gunicorn is tested in
tests/server/.
"""

import dataclasses
import datetime
import html
import io
import re
import threading
from pathlib import Path

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from sandbox import selectors as sandbox_selectors
from sandbox.codes import dossier_code
from sandbox.errors import PracticeErrors
from sandbox.models import (
    DossierAttachment,
    DossierCodeCounter,
    DossierStatus,
    Exercise,
    ExerciseAttempt,
    OtpChallenge,
    Payment,
    PracticeAccount,
    PracticeDossier,
    PracticeEvent,
    SimulatedMessage,
)
from sandbox.services import accounts, attachments, desk, dossiers, payments, sign_in, tracking
from sandbox.services.events import practice_event_record
from sandbox.services.exercises import exercise_start
from tests.helpers import (
    OFFICER,
    dossier_draft,
    dossier_walk,
    khai_sinh_form_data,
    location,
    login_code_sent,
    new_ctx,
    portal_log_in,
    portal_logged_in,
    portal_session,
    registration_form,
    seed_khai_sinh,
    vn_time,
)

PASSWORD = "Lan@2026vn"
WIZARD = "/thuc-hanh/ho-so/{}/buoc"
AGENCY = "Ủy ban nhân dân xã Đầm Dơi – tỉnh Cà Mau (luyện tập)"


def photo_bytes(seed=1, size=(640, 480)):
    """A phone photo of a document, as bytes; the same seed gives the same bytes."""
    image = Image.new("RGB", size, (200 + seed % 50, 190, 170))
    image.putpixel((seed % size[0], 0), (0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def upload(data, name="giay-chung-sinh.jpg"):
    """The photo as the browser sends it (a new file object for each request)."""
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def stored_photos(media_root):
    return sorted(path for path in Path(media_root, "sandbox").rglob("*") if path.is_file())


def completed(owner_key, step):
    return PracticeEvent.objects.filter(
        owner_key=owner_key, kind=PracticeEvent.Kind.STEP_COMPLETED, step=step
    ).count()


def errors_recorded(owner_key, step):
    return PracticeEvent.objects.filter(
        owner_key=owner_key, kind=PracticeEvent.Kind.ERROR, step=step
    ).count()


def twice(client, url, data_for):
    """POST the same form twice, as a double tap or a re-send does; both answers."""
    return [location(client.post(url, data_for())) for _ in range(2)]


class TransactionDepth:
    """Spies on a slow function: how deep inside transactions each call ran, counted
    from where the test itself runs (pytest-django wraps each test in its own)."""

    def __init__(self, monkeypatch, target, name):
        self.outside = len(connection.atomic_blocks)
        self.depths = []
        original = getattr(target, name)

        def spy(*args, **kwargs):
            self.depths.append(len(connection.atomic_blocks) - self.outside)
            return original(*args, **kwargs)

        monkeypatch.setattr(target, name, spy)


@pytest.fixture
def learner(client, khai_sinh):
    """A registered learner, logged in to the practice portal in this browser."""
    ctx = new_ctx()
    card = accounts.identity_issue(ctx=ctx)
    account = accounts.registration_start(
        ctx=ctx, data=registration_form(card, "X"), captcha_expected="X"
    )
    accounts.otp_verify(ctx=ctx, account=account, code=card.otps.get().code)
    accounts.password_set(ctx=ctx, account=account, password=PASSWORD, confirm=PASSWORD)
    portal_session(client, ctx.owner_key, card)
    ctx.identity = card
    return ctx


# --- registration, code, password, log-in --------------------------------------------


def test_the_registration_form_sent_twice_sends_one_code(client, db):
    ctx = new_ctx()
    card = accounts.identity_issue(ctx=ctx)
    portal_session(client, ctx.owner_key)
    client.get("/thuc-hanh/dang-ky/")
    captcha = client.session["sandbox_captcha"]

    # The page is not shown again between the two taps, so both carry the same captcha.
    landed = [
        location(client.post("/thuc-hanh/dang-ky/", registration_form(card, captcha)))
        for _ in range(2)
    ]

    assert landed == ["/thuc-hanh/dang-ky/xac-nhan/"] * 2
    assert PracticeAccount.objects.filter(identity=card).count() == 1
    assert OtpChallenge.objects.filter(identity=card).count() == 1  # one SMS: no "wrong" code
    assert SimulatedMessage.objects.filter(identity=card, channel="sms").count() == 1
    assert completed(ctx.owner_key, "register") == 1


def test_the_right_code_sent_again_leads_to_the_password_page_not_expired(client, registering):
    code = registering.identity.otps.get().code

    landed = twice(client, "/thuc-hanh/dang-ky/xac-nhan/", lambda: {"otp": code})

    assert landed == ["/thuc-hanh/dang-ky/mat-khau/"] * 2
    assert completed(registering.owner_key, "otp") == 1
    assert errors_recorded(registering.owner_key, "otp") == 0
    assert registering.identity.otps.get().attempts == 0


def test_the_right_code_sent_again_after_it_expired_is_still_the_same_success(registering):
    account = PracticeAccount.objects.get(identity=registering.identity)
    code = registering.identity.otps.get().code
    accounts.otp_verify(ctx=registering, account=account, code=code)
    later = dataclasses.replace(registering, now=registering.now + datetime.timedelta(hours=1))

    accounts.otp_verify(ctx=later, account=account, code=code)

    assert completed(registering.owner_key, "otp") == 1
    with pytest.raises(PracticeErrors) as failure:  # another code is still refused
        accounts.otp_verify(ctx=later, account=account, code="000000" if code != "000000" else "1")
    assert [error.code for error in failure.value.errors] == ["otp_expired"]


def test_resend_pressed_twice_sends_one_new_code(registering):
    account = PracticeAccount.objects.get(identity=registering.identity)
    first = registering.identity.otps.get()
    later = dataclasses.replace(registering, now=registering.now + datetime.timedelta(minutes=2))

    resent = [accounts.otp_resend(ctx=later, account=account) for _ in range(2)]

    assert resent[0] == resent[1] != first
    assert registering.identity.otps.count() == 2
    accounts.otp_verify(ctx=later, account=account, code=resent[0].code)


def test_the_password_form_sent_twice_lands_on_log_in_both_times(client, registering):
    client.post("/thuc-hanh/dang-ky/xac-nhan/", {"otp": registering.identity.otps.get().code})
    account = PracticeAccount.objects.get(identity=registering.identity)

    landed = twice(
        client,
        "/thuc-hanh/dang-ky/mat-khau/",
        lambda: {"password": PASSWORD, "confirm": PASSWORD},
    )

    assert landed == ["/thuc-hanh/dang-nhap/?da_dang_ky=1"] * 2
    account.refresh_from_db()
    assert account.is_active and account.activated_at is not None
    assert SimulatedMessage.objects.filter(body__contains="da duoc tao thanh cong").count() == 1
    assert completed(registering.owner_key, "password") == 1
    # A code page re-sent even later goes to log-in too, not back to step 1.
    assert location(client.post("/thuc-hanh/dang-ky/xac-nhan/", {"otp": "1"})) == landed[0]
    assert portal_log_in(client, registering.identity, PASSWORD) == "/thuc-hanh/quan-ly-ho-so/"


def test_a_log_in_whose_answer_was_lost_keeps_the_practice(client, registering):
    """The phone re-sends each log-in page with the cookie it had: its session, and so
    its practice data, must still be there, and the same code lands it logged in."""
    client.post("/thuc-hanh/dang-ky/xac-nhan/", {"otp": registering.identity.otps.get().code})
    client.post("/thuc-hanh/dang-ky/mat-khau/", {"password": PASSWORD, "confirm": PASSWORD})
    before = client.cookies["sessionid"].value
    form = {"cccd": registering.identity.cccd, "password": PASSWORD}
    first = client.post("/thuc-hanh/dang-nhap/", form)
    client.cookies["sessionid"] = before  # the answer never reached the phone
    again = client.post("/thuc-hanh/dang-nhap/", form)
    assert location(first) == location(again) == "/thuc-hanh/dang-nhap/xac-nhan/"
    code = {"otp": login_code_sent(registering.identity).code}
    first = client.post("/thuc-hanh/dang-nhap/xac-nhan/", code)
    client.cookies["sessionid"] = before
    again = client.post("/thuc-hanh/dang-nhap/xac-nhan/", code)
    assert location(first) == location(again) == "/thuc-hanh/quan-ly-ho-so/"
    assert client.get("/thuc-hanh/quan-ly-ho-so/").status_code == 200
    assert completed(registering.owner_key, "login") == 1


def test_passwords_are_hashed_and_checked_outside_any_transaction(monkeypatch, registering):
    account = PracticeAccount.objects.get(identity=registering.identity)
    accounts.otp_verify(ctx=registering, account=account, code=registering.identity.otps.get().code)
    hashing = TransactionDepth(monkeypatch, accounts, "make_password")
    checking = TransactionDepth(monkeypatch, sign_in, "check_password")

    accounts.password_set(ctx=registering, account=account, password=PASSWORD, confirm=PASSWORD)
    accounts.password_set(ctx=registering, account=account, password=PASSWORD, confirm=PASSWORD)
    sign_in.portal_login_start(ctx=registering, cccd=registering.identity.cccd, password=PASSWORD)

    assert hashing.depths == [0]  # once, and not again for the repeat
    assert checking.depths == [0]


def test_logging_in_twice_completes_the_exercise_once(db):
    seed_khai_sinh()
    ctx = new_ctx()
    attempt = exercise_start(
        ctx=ctx, exercise=Exercise.objects.filter(kind="register").first(), mode="practice"
    )
    card = accounts.identity_issue(ctx=ctx)
    account = accounts.registration_start(
        ctx=ctx, data=registration_form(card, "X"), captcha_expected="X"
    )
    accounts.otp_verify(ctx=ctx, account=account, code=card.otps.get().code)
    accounts.password_set(ctx=ctx, account=account, password=PASSWORD, confirm=PASSWORD)
    # The second log-in a minute later, from a page that read the attempt before the
    # first one completed it.
    stale = dataclasses.replace(
        ctx,
        attempt=ExerciseAttempt.objects.get(pk=attempt.pk),
        now=ctx.now + datetime.timedelta(minutes=1),
    )

    for each in (ctx, stale):
        portal_logged_in(each, card, PASSWORD)

    finished = PracticeEvent.objects.filter(attempt=attempt, kind="exercise_completed")
    assert finished.count() == 1


def test_a_vneid_fix_pressed_twice_counts_one_hint_and_sends_one_code(learner):
    card = accounts.identity_issue(ctx=learner, old_phone=True)

    for _ in range(2):
        sign_in.vneid_fix(ctx=learner, identity=card, action="move_device")

    assert card.otps.filter(purpose=OtpChallenge.Purpose.VNEID_DEVICE).count() == 1
    hints = PracticeEvent.objects.filter(owner_key=learner.owner_key, kind="hint_used")
    assert hints.count() == 1
    sign_in.vneid_login(ctx=learner, identity=card)


# --- the wizard and the submission ---------------------------------------------------


def test_choosing_the_agency_twice_makes_one_draft(client, learner):
    url = "/thuc-hanh/thu-tuc/dang-ky-khai-sinh/"
    offered = client.get(url).content.decode()
    agency = html.unescape(re.search(r'name="agency" value="([^"]+)"', offered).group(1))

    landed = twice(client, url, lambda: {"agency": agency})

    dossier = PracticeDossier.objects.get(owner_key=learner.owner_key)
    assert landed == [f"{WIZARD.format(dossier.pk)}/applicant/"] * 2
    assert completed(learner.owner_key, "agency") == 1


def test_a_wizard_step_sent_twice_is_saved_and_recorded_once(client, learner, khai_sinh):
    dossier = dossiers.dossier_start(
        ctx=learner, identity=learner.identity, procedure=khai_sinh, agency_name=AGENCY
    )
    wizard = WIZARD.format(dossier.pk)
    data = khai_sinh_form_data(learner.identity)

    assert (
        twice(client, f"{wizard}/applicant/", lambda: {"is_owner": "1"}) == [f"{wizard}/eform/"] * 2
    )
    assert twice(client, f"{wizard}/eform/", lambda: data) == [f"{wizard}/delivery/"] * 2

    dossier.refresh_from_db()
    assert dossier.wizard_steps_done == ["applicant", "eform"]
    assert completed(learner.owner_key, "applicant") == completed(learner.owner_key, "eform") == 1


def test_submit_sent_twice_gives_one_code_and_the_same_next_page(client, learner, khai_sinh):
    dossier = dossier_draft(learner, learner.identity, khai_sinh, copies="1")
    wizard = WIZARD.format(dossier.pk)

    landed = twice(client, f"{wizard}/review/", lambda: {"declaration": "1", "consent": "1"})

    assert landed == [f"/thuc-hanh/ho-so/{dossier.pk}/thanh-toan/"] * 2  # not a 404
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.NEW and dossier.code.endswith("-0001")
    assert dossier.events.filter(action="Nộp hồ sơ trực tuyến").count() == 1
    assert SimulatedMessage.objects.filter(dossier=dossier, channel="sms").count() == 1
    assert completed(learner.owner_key, "review") == 1
    # Any wizard page of the submitted dossier, from an old tab, leads to the same place.
    assert location(client.get(f"{wizard}/attachments/")) == landed[0]
    assert DossierCodeCounter.objects.get().last_number == 1


def test_a_refused_submission_takes_no_code(learner, khai_sinh):
    dossier = dossier_draft(learner, learner.identity, khai_sinh)

    with pytest.raises(PracticeErrors):
        dossiers.dossier_submit(ctx=learner, dossier=dossier, declaration=False, consent=True)
    submitted = dossiers.dossier_submit(
        ctx=learner, dossier=dossier, declaration=True, consent=True
    )

    assert submitted.code.endswith("-0001")
    assert errors_recorded(learner.owner_key, "review") == 1  # the refusal still counts


def test_codes_go_on_from_those_given_before_the_counter_existed(learner, khai_sinh):
    day = vn_time(2026, 11, 2, 9)
    older = dossier_walk(learner, learner.identity, khai_sinh)
    PracticeDossier.objects.filter(pk=older.pk).update(code=dossier_code(day.date(), 41))
    learner.now = day

    dossier = dossier_draft(learner, learner.identity, khai_sinh)
    dossiers.dossier_submit(ctx=learner, dossier=dossier, declaration=True, consent=True)

    assert dossier.code == "000.00.00.H99-261102-0042"


def test_a_number_a_dossier_already_holds_is_never_given_again(learner, khai_sinh):
    day = vn_time(2026, 11, 3, 9)
    learner.now = day
    first = dossier_walk(learner, learner.identity, khai_sinh)
    DossierCodeCounter.objects.filter(day=day.date()).update(last_number=0)  # damaged

    second = dossier_walk(learner, learner.identity, khai_sinh)

    assert [first.code[-4:], second.code[-4:]] == ["0001", "0002"]


# --- payment -------------------------------------------------------------------------


def test_the_payment_form_sent_twice_opens_one_payment(client, learner, khai_sinh):
    dossier = dossier_walk(learner, learner.identity, khai_sinh, copies="1", pay=False)

    landed = twice(
        client, f"/thuc-hanh/ho-so/{dossier.pk}/thanh-toan/", lambda: {"provider": "vi-c"}
    )

    payment = dossier.payments.get()
    assert landed == [f"/thuc-hanh/cong-thanh-toan/{payment.pk}/"] * 2


def test_confirming_a_payment_twice_charges_once_and_shows_the_same_page(
    client, learner, khai_sinh
):
    dossier = dossier_walk(learner, learner.identity, khai_sinh, copies="1", pay=False)
    started = payments.payment_start(ctx=learner, dossier=dossier, provider="vi-c")

    landed = twice(
        client, f"/thuc-hanh/cong-thanh-toan/{started.pk}/", lambda: {"outcome": "success"}
    )

    assert landed == [f"/thuc-hanh/ho-so/{dossier.pk}/thanh-cong/"] * 2
    assert list(dossier.payments.values_list("status", flat=True)) == ["success"]
    assert dossier.events.filter(action="Đã thanh toán phí, lệ phí").count() == 1
    assert SimulatedMessage.objects.filter(dossier=dossier, attachment_kind="receipt").count() == 1
    assert completed(learner.owner_key, "payment") == 1


def test_asking_for_a_check_twice_gives_one_receipt(client, learner, khai_sinh):
    dossier = dossier_walk(learner, learner.identity, khai_sinh, copies="1", pay=False)
    started = payments.payment_start(ctx=learner, dossier=dossier, provider="vi-c")
    with pytest.raises(PracticeErrors):
        payments.payment_complete(ctx=learner, payment=started, outcome="debited")

    landed = twice(client, f"/thuc-hanh/cong-thanh-toan/{started.pk}/tra-soat/", dict)

    assert landed == [f"/thuc-hanh/ho-so/{dossier.pk}/thanh-toan/"] * 2
    started.refresh_from_db()
    assert started.status == Payment.Status.RECONCILED
    assert SimulatedMessage.objects.filter(dossier=dossier, attachment_kind="receipt").count() == 1


# --- photos --------------------------------------------------------------------------


def test_the_same_photo_sent_twice_to_a_slot_is_stored_once(client, learner, khai_sinh, media_root):
    dossier = dossiers.dossier_start(
        ctx=learner, identity=learner.identity, procedure=khai_sinh, agency_name=AGENCY
    )
    [slot] = [
        item["slot"] for item in sandbox_selectors.attachment_slots(dossier) if item["required"]
    ]
    url = f"{WIZARD.format(dossier.pk)}/attachments/"
    data = photo_bytes(1)

    landed = twice(client, url, lambda: {f"slot_{slot}": upload(data), "upload": "1"})

    assert landed == [url] * 2
    [attachment] = dossier.files.all()
    assert stored_photos(media_root) == [Path(media_root) / attachment.file.name]
    assert completed(learner.owner_key, "attachments") == 1
    # Another page of the same document is a second photo in the slot, as the page shows.
    client.post(url, {f"slot_{slot}": upload(photo_bytes(2)), "upload": "1"})
    assert dossier.files.filter(slot=slot).count() == 2


def test_photos_are_decoded_outside_any_transaction(monkeypatch, learner, khai_sinh):
    from sandbox import uploads

    decoding = TransactionDepth(monkeypatch, uploads, "clean_photo_upload")
    dossier = dossier_walk(learner, learner.identity, khai_sinh, DossierStatus.PROCESSING)
    desk.desk_request_supplement(
        ctx=learner,
        dossier=dossier,
        officer=OFFICER,
        documents=["Giấy chứng sinh"],
        reason="Ảnh chụp bị mờ.",
        content="Chụp lại Giấy chứng sinh rõ nét.",
    )
    attachments.supplement_send(
        ctx=learner, dossier=dossier, note="", uploaded_files=[upload(photo_bytes(5))]
    )

    assert decoding.depths == [0, 0]  # the wizard's photo, then the supplement's


def test_a_supplement_sent_twice_is_answered_once(client, learner, khai_sinh, media_root):
    dossier = dossier_walk(learner, learner.identity, khai_sinh, DossierStatus.PROCESSING)
    desk.desk_request_supplement(
        ctx=learner,
        dossier=dossier,
        officer=OFFICER,
        documents=["Giấy chứng sinh"],
        reason="Ảnh chụp bị mờ.",
        content="Chụp lại Giấy chứng sinh rõ nét.",
    )
    url = f"/thuc-hanh/ho-so/{dossier.pk}/"
    data = photo_bytes(3)

    landed = twice(
        client,
        url,
        lambda: {"action": "supplement", "note": "Đã chụp lại.", "files": [upload(data)]},
    )

    assert landed == [url] * 2
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.PROCESSING
    assert dossier.events.filter(action="Công dân đã gửi bổ sung").count() == 1
    assert DossierAttachment.objects.filter(supplement__dossier=dossier).count() == 1
    assert len(stored_photos(media_root)) == 2
    assert completed(learner.owner_key, "supplement") == 2  # the photo and the answer, once


def test_withdrawing_or_rating_twice_is_recorded_once(learner, khai_sinh):
    withdrawn = dossier_walk(learner, learner.identity, khai_sinh, DossierStatus.RECEIVED)
    rated = dossier_walk(learner, learner.identity, khai_sinh, DossierStatus.RETURNED)

    for _ in range(2):
        tracking.dossier_withdraw(ctx=learner, dossier=withdrawn, reason="Nộp nhầm thủ tục")
        tracking.dossier_rate(ctx=learner, dossier=rated, score=5, comment="Nhanh")

    assert withdrawn.events.filter(to_status=DossierStatus.WITHDRAWN).count() == 1
    assert completed(learner.owner_key, "rating") == 1


# --- practice events -----------------------------------------------------------------


def test_counts_of_an_attempt_add_up_from_requests_holding_old_copies(practice_ctx, khai_sinh):
    attempt = exercise_start(
        ctx=practice_ctx, exercise=Exercise.objects.filter(kind="submit").first(), mode="practice"
    )
    # Two requests loaded the attempt before either recorded anything.
    phones = [
        dataclasses.replace(practice_ctx, attempt=ExerciseAttempt.objects.get(pk=attempt.pk))
        for _ in range(2)
    ]

    for ctx in phones:
        practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.ERROR, step="eform")
        practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.HINT_USED, step="eform")

    attempt.refresh_from_db()
    assert (attempt.error_count, attempt.hint_count) == (2, 2)
    assert phones[1].attempt.error_count == 2  # the request's own copy is current too


# --- at the same moment (PostgreSQL) -------------------------------------------------

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="threads need a database they can share: CI's PostgreSQL stage runs these",
)


def at_once(count, work):
    """Run ``work(index)`` in ``count`` threads released together, each with its own
    connection as a separate request would have; what each returned or raised."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def run(index):
        try:
            barrier.wait(timeout=10)
            results[index] = work(index)
        except Exception as error:  # noqa: BLE001 - the tests look at what each got
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def raised(results):
    return [result for result in results if isinstance(result, BaseException)]


@pytest.fixture
def shared(transactional_db):
    """The khai sinh procedure in a database the threads share (committed, not rolled
    back), and a learner whose registration code has been sent."""
    from home.services import home_page_ensure

    home_page_ensure()
    procedure = seed_khai_sinh()
    ctx = new_ctx()
    card = accounts.identity_issue(ctx=ctx)
    accounts.registration_start(ctx=ctx, data=registration_form(card, "X"), captcha_expected="X")
    ctx.identity = card
    return ctx, procedure


def own_account(ctx):
    return PracticeAccount.objects.select_related("identity").get(identity=ctx.identity)


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_right_code_sent_three_times_at_once_verifies_once(shared):
    ctx, _procedure = shared
    code = ctx.identity.otps.get().code

    results = at_once(
        3, lambda _i: accounts.otp_verify(ctx=ctx, account=own_account(ctx), code=code)
    )

    assert raised(results) == []
    assert completed(ctx.owner_key, "otp") == 1
    assert own_account(ctx).otp_verified_at is not None


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_wrong_codes_sent_at_once_are_each_counted(shared):
    ctx, _procedure = shared
    code = ctx.identity.otps.get().code
    wrong = "000000" if code != "000000" else "111111"

    results = at_once(
        5, lambda _i: accounts.otp_verify(ctx=ctx, account=own_account(ctx), code=wrong)
    )

    codes = sorted(error.errors[0].code for error in raised(results))
    assert codes == ["otp_too_many"] + ["otp_wrong"] * 4
    assert ctx.identity.otps.get().attempts == 5
    assert errors_recorded(ctx.owner_key, "otp") == 5


def login_code_waiting(ctx):
    """Finish the shared learner's registration and type the password: the log-in code
    is on the phone."""
    account = own_account(ctx)
    accounts.otp_verify(ctx=ctx, account=account, code=ctx.identity.otps.get().code)
    accounts.password_set(ctx=ctx, account=account, password=PASSWORD, confirm=PASSWORD)
    return sign_in.portal_login_start(ctx=ctx, cccd=ctx.identity.cccd, password=PASSWORD)


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_right_log_in_code_sent_three_times_at_once_logs_in_once(shared):
    ctx, _procedure = shared
    otp = login_code_waiting(ctx)

    results = at_once(
        3,
        lambda _i: sign_in.portal_login_verify(ctx=ctx, identity=ctx.identity, code=otp.code),
    )

    assert raised(results) == []
    assert completed(ctx.owner_key, "login") == 1


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_wrong_log_in_codes_sent_at_once_are_each_counted(shared):
    ctx, _procedure = shared
    otp = login_code_waiting(ctx)
    wrong = "000000" if otp.code != "000000" else "111111"

    results = at_once(
        5, lambda _i: sign_in.portal_login_verify(ctx=ctx, identity=ctx.identity, code=wrong)
    )

    codes = sorted(error.errors[0].code for error in raised(results))
    assert codes == ["login_code_too_many"] + ["login_code_wrong"] * 4
    assert OtpChallenge.objects.get(pk=otp.pk).attempts == 5
    assert errors_recorded(ctx.owner_key, "login_code") == 5


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_registration_form_sent_twice_at_once_makes_one_account_and_one_code(shared):
    ctx, _procedure = shared
    card = accounts.identity_issue(ctx=ctx)

    results = at_once(
        2,
        lambda _i: (
            accounts.registration_start(
                ctx=ctx, data=registration_form(card, "X"), captcha_expected="X"
            ).pk
        ),
    )

    assert raised(results) == [] and results[0] == results[1]
    assert card.otps.count() == 1


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_password_sent_twice_at_once_activates_once(shared):
    ctx, _procedure = shared
    accounts.otp_verify(ctx=ctx, account=own_account(ctx), code=ctx.identity.otps.get().code)

    results = at_once(
        2,
        lambda _i: accounts.password_set(
            ctx=ctx, account=own_account(ctx), password=PASSWORD, confirm=PASSWORD
        ),
    )

    assert raised(results) == []
    assert own_account(ctx).is_active
    assert SimulatedMessage.objects.filter(body__contains="da duoc tao thanh cong").count() == 1


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_same_dossier_submitted_three_times_at_once_gets_one_code(shared):
    ctx, procedure = shared
    dossier = dossier_draft(ctx, ctx.identity, procedure)

    results = at_once(
        3,
        lambda _i: (
            dossiers.dossier_submit(
                ctx=ctx,
                dossier=PracticeDossier.objects.get(pk=dossier.pk),
                declaration=True,
                consent=True,
            ).code
        ),
    )

    assert raised(results) == []
    assert len(set(results)) == 1
    assert dossier.events.filter(action="Nộp hồ sơ trực tuyến").count() == 1
    assert SimulatedMessage.objects.filter(dossier=dossier).count() == 2  # one SMS, one e-mail


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_class_submitting_at_once_gets_numbers_in_a_row(shared):
    ctx, procedure = shared
    # More than the 20 tries the old "read the last code, retry on a clash" loop allowed.
    ctx.now = vn_time(2026, 12, 24, 9)
    drafts = [dossier_draft(ctx, ctx.identity, procedure) for _ in range(24)]

    results = at_once(
        24,
        lambda i: (
            dossiers.dossier_submit(
                ctx=dataclasses.replace(ctx),
                dossier=PracticeDossier.objects.get(pk=drafts[i].pk),
                declaration=True,
                consent=True,
            ).code
        ),
    )

    assert raised(results) == []
    assert sorted(results) == [dossier_code(ctx.now.date(), n) for n in range(1, 25)]


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_agency_chosen_twice_at_once_makes_one_draft(shared):
    ctx, procedure = shared

    results = at_once(
        2,
        lambda _i: (
            dossiers.dossier_start(
                ctx=ctx, identity=ctx.identity, procedure=procedure, agency_name=AGENCY
            ).pk
        ),
    )

    assert raised(results) == [] and results[0] == results[1]
    assert completed(ctx.owner_key, "agency") == 1


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_payment_form_sent_twice_at_once_opens_one_payment(shared):
    ctx, procedure = shared
    dossier = dossier_walk(ctx, ctx.identity, procedure, copies="1", pay=False)

    results = at_once(
        2,
        lambda _i: (
            payments.payment_start(
                ctx=ctx, dossier=PracticeDossier.objects.get(pk=dossier.pk), provider="vi-c"
            ).pk
        ),
    )

    assert raised(results) == [] and results[0] == results[1]
    assert dossier.payments.count() == 1


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_payment_confirmed_three_times_at_once_is_charged_once(shared):
    ctx, procedure = shared
    dossier = dossier_walk(ctx, ctx.identity, procedure, copies="1", pay=False)
    started = payments.payment_start(ctx=ctx, dossier=dossier, provider="vi-c")

    results = at_once(
        3,
        lambda _i: (
            payments.payment_complete(
                ctx=ctx, payment=Payment.objects.get(pk=started.pk), outcome="success"
            ).receipt_number
        ),
    )

    assert raised(results) == [] and len(set(results)) == 1
    assert list(dossier.payments.values_list("status", flat=True)) == ["success"]
    assert SimulatedMessage.objects.filter(dossier=dossier, attachment_kind="receipt").count() == 1
    assert dossier.events.filter(action="Đã thanh toán phí, lệ phí").count() == 1


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_same_photo_sent_twice_at_once_is_stored_once(shared, media_root):
    ctx, procedure = shared
    dossier = dossiers.dossier_start(
        ctx=ctx, identity=ctx.identity, procedure=procedure, agency_name=AGENCY
    )
    [slot] = [
        item["slot"] for item in sandbox_selectors.attachment_slots(dossier) if item["required"]
    ]
    data = photo_bytes(4)

    results = at_once(
        2,
        lambda _i: (
            attachments.dossier_attach(
                ctx=ctx,
                dossier=PracticeDossier.objects.get(pk=dossier.pk),
                slot=slot,
                uploaded=upload(data),
            ).pk
        ),
    )

    assert raised(results) == [] and results[0] == results[1]
    assert dossier.files.count() == 1
    assert len(stored_photos(media_root)) == 1


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_errors_recorded_at_once_are_all_counted(shared):
    ctx, _procedure = shared
    attempt = exercise_start(
        ctx=ctx, exercise=Exercise.objects.filter(kind="submit").first(), mode="practice"
    )

    results = at_once(
        8,
        lambda _i: practice_event_record(
            ctx=dataclasses.replace(ctx, attempt=ExerciseAttempt.objects.get(pk=attempt.pk)),
            kind=PracticeEvent.Kind.ERROR,
            step="eform",
            error_code="required",
        ),
    )

    assert raised(results) == []
    attempt.refresh_from_db()
    assert attempt.error_count == 8
