"""Log-in as on the real portal: CCCD and password, then a 6-digit confirmation code
sent as a VNeID notice or by SMS to the simulated phone, typed to finish logging in."""

import dataclasses
import datetime
import html
import re

import pytest

from django.core import mail

from sandbox.errors import STEPS, PracticeErrors
from sandbox.models import ExerciseAttempt, OtpChallenge, PracticeEvent, SimulatedMessage
from sandbox.services import accounts, sign_in
from sandbox.services.exercises import exercise_start
from tests.factories import ExerciseFactory
from tests.helpers import (
    error_codes,
    location,
    login_code_sent,
    new_ctx,
    portal_account_made,
    portal_log_in,
    portal_session,
)

PASSWORD = "Mai@2026vn"
LOGIN = "/thuc-hanh/dang-nhap/"
CODE_PAGE = "/thuc-hanh/dang-nhap/xac-nhan/"
DOSSIERS = "/thuc-hanh/quan-ly-ho-so/"


def page_text(response):
    return html.unescape(response.content.decode())


def other_than(code):
    """A wrong code: six digits, not this one."""
    return f"{(int(code) + 1) % 10**6:06d}"


def registered(ctx):
    """A practice card of ``ctx``'s learner with a finished portal account."""
    return portal_account_made(ctx, PASSWORD)


@pytest.fixture
def card(practice_ctx):
    return registered(practice_ctx)


@pytest.fixture
def learner_browser(client, practice_ctx):
    """This browser practises as ``practice_ctx``, not logged in to the portal yet."""
    return portal_session(client, practice_ctx.owner_key)


def password_typed(client, card, channel="app", **extra):
    """The first half: CCCD and password right; the browser is sent to the code page."""
    form = {"cccd": card.cccd, "password": PASSWORD, "channel": channel, **extra}
    assert location(client.post(LOGIN, form)) == CODE_PAGE
    return login_code_sent(card)


def events(owner_key, step, kind=PracticeEvent.Kind.STEP_COMPLETED):
    return PracticeEvent.objects.filter(owner_key=owner_key, kind=kind, step=step)


def logged_in_as(client):
    return client.session.get("sandbox_identity")


# --- the right code ----------------------------------------------------------------------


def test_the_right_code_logs_in_and_goes_to_the_page_asked_for(learner_browser, card):
    assert location(learner_browser.get("/thuc-hanh/thu-tuc/")).startswith(LOGIN)
    otp = password_typed(learner_browser, card, next="/thuc-hanh/thu-tuc/")
    assert logged_in_as(learner_browser) is None  # not yet: the code is still to come

    page = page_text(learner_browser.get(CODE_PAGE))
    assert otp.code in page  # on the simulated phone beside the box, nowhere else

    assert (
        location(learner_browser.post(CODE_PAGE, {"otp": f" {otp.code} "})) == "/thuc-hanh/thu-tuc/"
    )
    assert logged_in_as(learner_browser) == str(card.pk)
    assert card.full_name in page_text(learner_browser.get(DOSSIERS))


@pytest.mark.parametrize(
    ("channel", "sender", "where"),
    [
        ("app", "VNeID (giả lập)", "thông báo trong ứng dụng VNeID"),
        ("sms", "DVCQG-LUYENTAP", "tin nhắn SMS"),
    ],
)
def test_the_code_goes_where_the_learner_chose_on_the_simulated_phone_only(
    learner_browser, card, channel, sender, where
):
    before = set(SimulatedMessage.objects.values_list("pk", flat=True))

    otp = password_typed(learner_browser, card, channel=channel)

    [message] = SimulatedMessage.objects.exclude(pk__in=before)
    assert (message.channel, message.sender, message.identity) == (channel, sender, card)
    assert otp.code in message.body and otp.channel == channel
    if channel == "sms":  # SMS brandnames send unaccented text
        assert message.body.isascii()
    assert where in page_text(learner_browser.get(CODE_PAGE))
    inbox = page_text(learner_browser.get("/thuc-hanh/dien-thoai/"))
    assert otp.code in inbox and message.get_channel_display() in inbox
    assert mail.outbox == []  # nothing leaves the sandbox


def test_the_log_in_page_offers_both_channels_with_vneid_ticked(learner_browser, card):
    page = learner_browser.get(LOGIN).content.decode()

    assert re.search(r'name="channel" value="app" checked>\s*Ứng dụng VNeID', page)
    assert re.search(r'name="channel" value="sms">\s*Tin nhắn SMS', page)


# --- mistakes ----------------------------------------------------------------------------


def test_a_wrong_password_sends_no_code_and_keeps_the_cccd_and_the_channel(learner_browser, card):
    response = learner_browser.post(LOGIN, {"cccd": card.cccd, "password": "sai", "channel": "sms"})

    assert [error.code for error in response.context["errors"]] == ["login_failed"]
    page = page_text(response)
    assert f'value="{card.cccd}"' in page
    assert re.search(r'value="sms" checked>\s*Tin nhắn SMS', page)
    assert not card.otps.filter(purpose=OtpChallenge.Purpose.LOGIN).exists()
    assert location(learner_browser.get(CODE_PAGE)) == LOGIN  # no code page without the password


def test_a_wrong_code_says_how_many_tries_are_left_and_keeps_the_channel(learner_browser, card):
    otp = password_typed(learner_browser, card, channel="sms")

    response = learner_browser.post(CODE_PAGE, {"otp": other_than(otp.code)})

    [error] = response.context["errors"]
    assert error.code == "login_code_wrong"
    assert error.full_message.startswith(f"{STEPS['login_code']}, ô “Mã xác nhận”: ")
    assert "Bạn còn 4 lần nhập" in error.plain
    page = page_text(response)
    assert error.full_message in page and "Bạn còn 4 lần nhập" in page
    assert re.search(r'value="sms" checked>\s*Tin nhắn SMS', page)  # the channel chosen
    assert f'value="{other_than(otp.code)}"' in page  # what was typed, to correct
    assert logged_in_as(learner_browser) is None
    # The same, right code still works.
    assert location(learner_browser.post(CODE_PAGE, {"otp": otp.code})) == DOSSIERS


def test_wrong_codes_count_down_to_the_limit(practice_ctx, card):
    otp = sign_in.portal_login_start(ctx=practice_ctx, cccd=card.cccd, password=PASSWORD)
    plain = []
    for _ in range(accounts.OTP_MAX_ATTEMPTS):
        with pytest.raises(PracticeErrors) as failure:
            sign_in.portal_login_verify(ctx=practice_ctx, identity=card, code=other_than(otp.code))
        plain.append(failure.value.errors[0].plain)

    assert [re.search(r"còn (\d) lần", text)[1] for text in plain[:-1]] == ["4", "3", "2", "1"]
    assert "sai mã xác nhận 5 lần" in plain[-1]
    assert events(practice_ctx.owner_key, "login_code", PracticeEvent.Kind.ERROR).count() == 5


def test_an_expired_code_is_refused_and_a_new_one_works(learner_browser, card):
    otp = password_typed(learner_browser, card)
    OtpChallenge.objects.filter(pk=otp.pk).update(
        expires_at=otp.expires_at - accounts.OTP_LIFETIME - datetime.timedelta(seconds=1)
    )

    response = learner_browser.post(CODE_PAGE, {"otp": otp.code})

    [error] = response.context["errors"]
    assert error.code == "login_code_expired" and "5 phút" in error.plain
    assert "Gửi lại mã" in page_text(response)
    assert location(learner_browser.post(CODE_PAGE, {"resend": "1"})) == CODE_PAGE
    fresh = login_code_sent(card)
    assert fresh != otp and fresh.channel == otp.channel
    assert location(learner_browser.post(CODE_PAGE, {"otp": fresh.code})) == DOSSIERS


def test_an_expired_code_in_the_service(practice_ctx, card):
    otp = sign_in.portal_login_start(ctx=practice_ctx, cccd=card.cccd, password=PASSWORD)
    later = dataclasses.replace(practice_ctx, now=practice_ctx.now + datetime.timedelta(minutes=6))

    with pytest.raises(PracticeErrors) as failure:
        sign_in.portal_login_verify(ctx=later, identity=card, code=otp.code)

    assert error_codes(failure) == ["login_code_expired"]
    assert otp.attempts == OtpChallenge.objects.get(pk=otp.pk).attempts == 0  # not a guess


def test_guessing_is_stopped_and_the_learner_must_log_in_again(learner_browser, practice_ctx, card):
    otp = password_typed(learner_browser, card)
    guesses = [f"{n:06d}" for n in range(10) if f"{n:06d}" != otp.code][:6]

    answers = [learner_browser.post(CODE_PAGE, {"otp": guess}) for guess in guesses]

    shown = [response.context["errors"][0].code for response in answers[:5]]
    assert shown == ["login_code_wrong"] * 4 + ["login_code_too_many"]
    assert "Đăng nhập lại" in page_text(answers[4])
    assert location(answers[5]) == LOGIN  # the code page is closed: start again
    assert OtpChallenge.objects.get(pk=otp.pk).attempts == accounts.OTP_MAX_ATTEMPTS
    # The right code is now refused too, and no new code comes without the password.
    assert location(learner_browser.post(CODE_PAGE, {"otp": otp.code})) == LOGIN
    with pytest.raises(PracticeErrors) as failure:
        sign_in.portal_login_verify(ctx=practice_ctx, identity=card, code=otp.code)
    assert error_codes(failure) == ["login_code_too_many"]
    with pytest.raises(PracticeErrors) as failure:
        sign_in.portal_login_resend(ctx=practice_ctx, identity=card)
    assert error_codes(failure) == ["login_code_too_many"]
    assert logged_in_as(learner_browser) is None
    # The password again sends a new code, which works.
    assert (
        location(learner_browser.post(LOGIN, {"cccd": card.cccd, "password": PASSWORD}))
        == CODE_PAGE
    )
    fresh = login_code_sent(card)
    assert fresh != otp
    assert location(learner_browser.post(CODE_PAGE, {"otp": fresh.code})) == DOSSIERS


# --- sent twice ----------------------------------------------------------------------------


def test_the_right_code_sent_twice_lands_logged_in_both_times(learner_browser, practice_ctx, card):
    otp = password_typed(learner_browser, card)

    landed = [location(learner_browser.post(CODE_PAGE, {"otp": otp.code})) for _ in range(2)]

    assert landed == [DOSSIERS] * 2
    assert events(practice_ctx.owner_key, "login").count() == 1
    assert not events(practice_ctx.owner_key, "login_code", PracticeEvent.Kind.ERROR).exists()


def test_the_right_code_again_after_the_first_answer_was_lost_lands_logged_in(
    learner_browser, practice_ctx, card
):
    """The first request logged in (in the database) but its answer, and so its session
    change, never reached the phone; the phone sends the same code again."""
    otp = password_typed(learner_browser, card)
    sign_in.portal_login_verify(ctx=practice_ctx, identity=card, code=otp.code)  # the lost one

    assert location(learner_browser.post(CODE_PAGE, {"otp": otp.code})) == DOSSIERS
    assert logged_in_as(learner_browser) == str(card.pk)
    assert events(practice_ctx.owner_key, "login").count() == 1
    # A wrong code is not a repeat: refused.
    with pytest.raises(PracticeErrors) as failure:
        sign_in.portal_login_verify(ctx=practice_ctx, identity=card, code=other_than(otp.code))
    assert error_codes(failure) == ["login_code_restart"]


def test_the_password_form_sent_twice_sends_one_code(learner_browser, practice_ctx, card):
    first, second = password_typed(learner_browser, card), password_typed(learner_browser, card)

    assert first == second
    assert card.otps.filter(purpose=OtpChallenge.Purpose.LOGIN).count() == 1
    assert SimulatedMessage.objects.filter(identity=card, channel="app").count() == 1
    assert events(practice_ctx.owner_key, "login_password").count() == 1


def test_after_logging_out_the_old_code_does_not_log_back_in(learner_browser, card):
    otp = password_typed(learner_browser, card)
    learner_browser.post(CODE_PAGE, {"otp": otp.code})

    learner_browser.post("/thuc-hanh/dang-xuat/")

    assert location(learner_browser.post(CODE_PAGE, {"otp": otp.code})) == LOGIN
    assert logged_in_as(learner_browser) is None


# --- sending again -----------------------------------------------------------------------


def test_asking_again_too_soon_is_refused_then_a_new_code_goes_to_the_new_channel(
    learner_browser, practice_ctx, card
):
    otp = password_typed(learner_browser, card, channel="app")

    response = learner_browser.post(CODE_PAGE, {"resend": "1", "channel": "sms"})

    [error] = response.context["errors"]
    assert error.code == "login_code_too_soon"
    assert re.search(r"đợi \d+ giây", error.plain)
    assert "thông báo trong ứng dụng VNeID" in error.plain
    assert error.full_message in page_text(response)
    assert login_code_sent(card) == otp  # nothing new sent
    # Half a minute later a new code goes by SMS and the old one no longer works.
    later = dataclasses.replace(practice_ctx, now=practice_ctx.now + datetime.timedelta(seconds=31))
    fresh = sign_in.portal_login_resend(ctx=later, identity=card, channel="sms")
    assert fresh.channel == "sms" and fresh.code in card.messages.first().body
    if fresh.code != otp.code:  # one chance in a million that they are the same
        with pytest.raises(PracticeErrors) as failure:
            sign_in.portal_login_verify(ctx=later, identity=card, code=otp.code)
        assert error_codes(failure) == ["login_code_wrong"]
    assert location(learner_browser.post(CODE_PAGE, {"otp": fresh.code})) == DOSSIERS


def test_pressing_send_again_over_and_over_is_throttled(learner_browser, card):
    password_typed(learner_browser, card)

    statuses = [learner_browser.post(CODE_PAGE, {"resend": "1"}).status_code for _ in range(7)]

    assert 429 not in statuses[:5]
    assert statuses[-1] == 429


# --- whose code --------------------------------------------------------------------------


def test_a_code_cannot_be_used_from_another_learners_browser(client, practice_ctx, card):
    otp = sign_in.portal_login_start(ctx=practice_ctx, cccd=card.cccd, password=PASSWORD)
    other = new_ctx()
    portal_session(client, other.owner_key)

    # Without the password step, the code page sends the learner_browser to log in.
    assert location(client.post(CODE_PAGE, {"otp": otp.code})) == LOGIN
    # With the other learner's card forced into its session, still nothing.
    session = client.session
    session["sandbox_login_pending"] = {"identity": str(card.pk), "next": ""}
    session.save()
    assert location(client.post(CODE_PAGE, {"otp": otp.code})) == LOGIN
    assert logged_in_as(client) is None
    # And the service finds no code of this learner's to check.
    with pytest.raises(PracticeErrors) as failure:
        sign_in.portal_login_verify(ctx=other, identity=card, code=otp.code)
    assert error_codes(failure) == ["login_code_restart"]
    with pytest.raises(PracticeErrors):
        sign_in.portal_login_resend(ctx=other, identity=card)
    # The owner's code is untouched and still logs the owner in.
    assert OtpChallenge.objects.get(pk=otp.pk).attempts == 0
    assert sign_in.portal_login_verify(ctx=practice_ctx, identity=card, code=otp.code) == card


def test_the_password_of_another_learners_card_sends_no_code(learner_browser, card):
    other = new_ctx()
    theirs = registered(other)

    response = learner_browser.post(LOGIN, {"cccd": theirs.cccd, "password": PASSWORD})

    assert [error.code for error in response.context["errors"]] == ["cccd_unknown"]
    assert not theirs.otps.filter(purpose=OtpChallenge.Purpose.LOGIN).exists()


# --- when the log-in is recorded ---------------------------------------------------------


def test_the_log_in_is_recorded_when_the_code_is_accepted_not_at_the_password(db):
    ctx = new_ctx()
    attempt = exercise_start(ctx=ctx, exercise=ExerciseFactory(), mode="practice")
    card = registered(ctx)

    otp = sign_in.portal_login_start(ctx=ctx, cccd=card.cccd, password=PASSWORD, channel="sms")

    assert events(ctx.owner_key, "login").count() == 0
    assert events(ctx.owner_key, "login_password").count() == 1
    assert ExerciseAttempt.objects.get(pk=attempt.pk).completed_at is None

    sign_in.portal_login_verify(ctx=ctx, identity=card, code=otp.code)

    [logged_in] = events(ctx.owner_key, "login")
    assert logged_in.data == {"method": "portal", "channel": "sms"}
    assert logged_in.pk > events(ctx.owner_key, "login_password").get().pk
    attempt.refresh_from_db()
    assert attempt.completed_at is not None
    finished = PracticeEvent.objects.get(attempt=attempt, kind="exercise_completed")
    assert finished.pk > logged_in.pk


def test_the_guide_explains_the_code_step_in_guided_mode_only(learner_browser, card, practice_ctx):
    password_typed(learner_browser, card)

    guided = page_text(learner_browser.get(CODE_PAGE))
    session = learner_browser.session
    session["sandbox_mode"] = "practice"
    session.save()
    on_their_own = page_text(learner_browser.get(CODE_PAGE))

    assert "Hướng dẫn: Mã xác nhận đăng nhập" in guided
    assert "gõ sai 5 lần thì phải đăng nhập lại" in guided
    assert "Hướng dẫn: Mã xác nhận đăng nhập" not in on_their_own
    assert "Cần gợi ý?" in on_their_own
    entered = events(practice_ctx.owner_key, "login_code", PracticeEvent.Kind.STEP_ENTERED)
    assert entered.count() == 2


def test_the_helper_logs_in_through_both_steps(learner_browser, card):
    assert portal_log_in(learner_browser, card, PASSWORD, channel="sms") == DOSSIERS
    assert logged_in_as(learner_browser) == str(card.pk)
