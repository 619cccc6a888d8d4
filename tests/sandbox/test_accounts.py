"""Registration (CCCD → OTP → password), log-in and VNeID: every mistake people make is
refused with a Vietnamese message that names the step and the box to fix."""

import datetime
import unicodedata

import pytest

from sandbox.errors import STEPS, PracticeErrors
from sandbox.models import OtpChallenge, PracticeEvent, PracticeIdentity, SimulatedMessage
from sandbox.services import accounts, sign_in
from tests.helpers import error_codes, new_ctx

CAPTCHA = "K7QPX"
PASSWORD = "Hoa@2026x"


def form(identity, **changes):
    """The registration form as a careful learner fills it in from the practice card."""
    data = {
        "cccd": identity.cccd,
        "full_name": identity.full_name,
        "birth_date": identity.birth_date.strftime("%d/%m/%Y"),
        "phone": identity.phone,
        "email": "",
        "captcha": CAPTCHA.lower(),  # the captcha ignores case
    }
    data.update(changes)
    return data


def register(ctx, identity, **changes):
    return accounts.registration_start(
        ctx=ctx, data=form(identity, **changes), captcha_expected=CAPTCHA
    )


def the_error(failure, code):
    """The one error with ``code``, checked to say where it happened."""
    [error] = [error for error in failure.value.errors if error.code == code]
    return error


def assert_names_step_and_field(error, step, field_label):
    assert error.full_message.startswith(f"{STEPS[step]}, ô “{field_label}”: ")


def registered(ctx, identity, password=PASSWORD):
    """A learner who has finished registration and can log in."""
    account = register(ctx, identity)
    otp = OtpChallenge.objects.get(identity=identity)
    accounts.otp_verify(ctx=ctx, account=account, code=otp.code)
    accounts.password_set(ctx=ctx, account=account, password=password, confirm=password)
    return account


# --- the practice ID card -------------------------------------------------------------


def test_practice_card_numbers_can_never_be_real_ones(practice_ctx):
    cards = [accounts.identity_issue(ctx=practice_ctx) for _ in range(5)]
    for card in cards:
        assert len(card.cccd) == 12 and card.cccd.isdigit()
        assert card.cccd.startswith("099")  # no province has the code 099
        assert card.owner_key == practice_ctx.owner_key
    assert len({card.cccd for card in cards}) == 5


# --- registration -----------------------------------------------------------------------


def test_correct_registration_sends_a_six_digit_code_to_the_simulated_phone(practice_ctx, identity):
    account = register(practice_ctx, identity)

    assert account.phone == identity.phone and not account.is_active
    sms = SimulatedMessage.objects.get(identity=identity, channel="sms")
    otp = OtpChallenge.objects.get(identity=identity)
    assert otp.code in sms.body and len(otp.code) == 6


@pytest.mark.parametrize("typed", ["09912345678", "0991234567890", "099 1234 5678a", ""])
def test_cccd_that_is_not_12_digits_is_refused(practice_ctx, identity, typed):
    with pytest.raises(PracticeErrors) as failure:
        register(practice_ctx, identity, cccd=typed)

    error = the_error(failure, "cccd_format")
    assert_names_step_and_field(error, "register", "Số CCCD")
    assert "đúng 12 chữ số" in error.full_message


def test_a_real_looking_cccd_is_refused_kindly_with_the_practice_prefix_explained(
    practice_ctx, identity
):
    with pytest.raises(PracticeErrors) as failure:
        register(practice_ctx, identity, cccd="001203004567")  # Hà Nội's code, a real shape

    error = the_error(failure, "cccd_not_practice")
    assert_names_step_and_field(error, "register", "Số CCCD")
    assert "bắt đầu bằng 099" in error.plain
    assert "Lấy số CCCD luyện tập" in error.plain
    assert "Không bao giờ nhập số căn cước thật" in error.why
    assert not PracticeIdentity.objects.filter(cccd="001203004567").exists()


def test_another_learners_practice_card_is_not_accepted(practice_ctx, identity):
    someone_else = accounts.identity_issue(ctx=new_ctx())

    with pytest.raises(PracticeErrors) as failure:
        register(practice_ctx, identity, cccd=someone_else.cccd)

    assert_names_step_and_field(the_error(failure, "cccd_unknown"), "register", "Số CCCD")


def test_phone_not_registered_to_this_cccd_is_found_last_and_explained(practice_ctx, identity):
    other_phone = "0912345678" if identity.phone != "0912345678" else "0987654321"

    with pytest.raises(PracticeErrors) as failure:
        register(practice_ctx, identity, phone=other_phone)

    assert error_codes(failure) == ["phone_not_owner"]
    error = the_error(failure, "phone_not_owner")
    assert_names_step_and_field(error, "register", "Số điện thoại")
    assert "không đăng ký chính chủ" in error.plain
    assert "1414" in error.why  # how to check whose name the SIM is in
    assert not OtpChallenge.objects.filter(identity=identity).exists()  # no code was sent


def test_date_typed_without_slashes_is_explained(practice_ctx, identity):
    with pytest.raises(PracticeErrors) as failure:
        register(practice_ctx, identity, birth_date=identity.birth_date.strftime("%d%m%Y"))

    error = the_error(failure, "date_no_slash")
    assert_names_step_and_field(error, "register", "Ngày sinh")
    assert "dấu “/”" in error.plain


def test_impossible_date_and_wrong_birth_date_are_told_apart(practice_ctx, identity):
    with pytest.raises(PracticeErrors) as impossible:
        register(practice_ctx, identity, birth_date="31/02/1968")
    other_day = identity.birth_date + datetime.timedelta(days=1)
    with pytest.raises(PracticeErrors) as wrong:
        register(practice_ctx, identity, birth_date=other_day.strftime("%d/%m/%Y"))

    assert_names_step_and_field(the_error(impossible, "date_invalid"), "register", "Ngày sinh")
    assert_names_step_and_field(the_error(wrong, "birth_date_mismatch"), "register", "Ngày sinh")


def test_name_without_diacritics_is_refused(practice_ctx, identity):
    with pytest.raises(PracticeErrors) as failure:
        register(practice_ctx, identity, full_name="Nguyen Van Bay")

    error = the_error(failure, "name_no_diacritics")
    assert_names_step_and_field(error, "register", "Họ và tên")
    assert "gõ có dấu" in error.plain


def test_name_typed_on_a_phone_keyboard_in_decomposed_unicode_is_accepted(practice_ctx, identity):
    typed = unicodedata.normalize("NFD", identity.full_name.upper())

    account = register(practice_ctx, identity, full_name=f"  {typed} ")

    assert account.pk


def test_wrong_captcha_is_refused(practice_ctx, identity):
    with pytest.raises(PracticeErrors) as failure:
        register(practice_ctx, identity, captcha="ABCDE")

    error = the_error(failure, "captcha_wrong")
    assert_names_step_and_field(error, "register", "Mã kiểm tra")


def test_all_mistakes_of_one_form_are_shown_together(practice_ctx, identity):
    with pytest.raises(PracticeErrors) as failure:
        register(
            practice_ctx,
            identity,
            full_name="Nguyen Thi Hoa",
            birth_date="05031968",
            phone="091234",
            email="hoa@",
            captcha="",
        )

    assert error_codes(failure) == [
        "name_no_diacritics",
        "date_no_slash",
        "phone_format",
        "email_format",
        "captcha_wrong",
    ]
    for error in failure.value.errors:
        assert error.full_message.startswith(f"{STEPS['register']}, ô “{error.field_label}”: ")


def test_errors_are_recorded_as_practice_events_with_code_step_and_field(practice_ctx, identity):
    with pytest.raises(PracticeErrors):
        register(practice_ctx, identity, birth_date="05031968", captcha="")

    recorded = PracticeEvent.objects.filter(
        owner_key=practice_ctx.owner_key, kind=PracticeEvent.Kind.ERROR
    )
    assert {(e.error_code, e.step, e.field) for e in recorded} == {
        ("date_no_slash", "register", "birth_date"),
        ("captcha_wrong", "register", "captcha"),
    }


def test_a_cccd_with_an_account_already_is_sent_to_log_in(practice_ctx, identity):
    registered(practice_ctx, identity)

    with pytest.raises(PracticeErrors) as failure:
        register(practice_ctx, identity)

    error = the_error(failure, "account_exists")
    assert "chuyển sang Đăng nhập" in error.plain


# --- OTP --------------------------------------------------------------------------------


def test_wrong_otp_is_refused_and_the_right_one_accepted(practice_ctx, identity):
    account = register(practice_ctx, identity)
    otp = OtpChallenge.objects.get(identity=identity)
    wrong = "000000" if otp.code != "000000" else "111111"

    with pytest.raises(PracticeErrors) as failure:
        accounts.otp_verify(ctx=practice_ctx, account=account, code=wrong)
    error = the_error(failure, "otp_wrong")
    assert_names_step_and_field(error, "otp", "Mã xác nhận")
    assert "6 chữ số" in error.plain

    accounts.otp_verify(ctx=practice_ctx, account=account, code=f" {otp.code[:3]} {otp.code[3:]}")
    account.refresh_from_db()
    assert account.otp_verified_at is not None


def test_expired_otp_is_refused_and_a_new_code_works(practice_ctx, identity):
    account = register(practice_ctx, identity)
    old = OtpChallenge.objects.get(identity=identity)
    practice_ctx.now += datetime.timedelta(minutes=5, seconds=1)

    with pytest.raises(PracticeErrors) as failure:
        accounts.otp_verify(ctx=practice_ctx, account=account, code=old.code)
    error = the_error(failure, "otp_expired")
    assert_names_step_and_field(error, "otp", "Mã xác nhận")
    assert "Gửi lại mã" in error.plain

    new = accounts.otp_issue(ctx=practice_ctx, identity=identity, purpose="register")
    accounts.otp_verify(ctx=practice_ctx, account=account, code=new.code)
    account.refresh_from_db()
    assert account.otp_verified_at == practice_ctx.now


def test_too_many_wrong_codes_lock_the_code_even_when_the_right_one_follows(practice_ctx, identity):
    account = register(practice_ctx, identity)
    otp = OtpChallenge.objects.get(identity=identity)
    wrong = "000000" if otp.code != "000000" else "111111"
    seen = []
    for _ in range(5):
        with pytest.raises(PracticeErrors) as failure:
            accounts.otp_verify(ctx=practice_ctx, account=account, code=wrong)
        seen.extend(error_codes(failure))

    with pytest.raises(PracticeErrors) as failure:
        accounts.otp_verify(ctx=practice_ctx, account=account, code=otp.code)

    assert seen == ["otp_wrong"] * 4 + ["otp_too_many"]
    error = the_error(failure, "otp_too_many")
    assert_names_step_and_field(error, "otp", "Mã xác nhận")
    assert "quá 5 lần" in error.plain
    account.refresh_from_db()
    assert account.otp_verified_at is None


# --- password ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "code", "words"),
    [
        ("Ab1@xyz", "password_short", "ít nhất 8 ký tự"),
        ("hoa@2026x", "password_no_upper", "chữ IN HOA"),
        ("HOA@2026X", "password_no_lower", "chữ thường"),
        ("Hoa@hoaxx", "password_no_digit", "chữ số"),
        ("Hoa2026xy", "password_no_symbol", "ký tự đặc biệt"),
    ],
)
def test_each_weak_password_rule_is_named(practice_ctx, identity, password, code, words):
    account = register(practice_ctx, identity)
    accounts.otp_verify(
        ctx=practice_ctx, account=account, code=OtpChallenge.objects.get(identity=identity).code
    )

    with pytest.raises(PracticeErrors) as failure:
        accounts.password_set(
            ctx=practice_ctx, account=account, password=password, confirm=password
        )

    assert error_codes(failure) == [code]
    error = the_error(failure, code)
    assert_names_step_and_field(error, "password", "Mật khẩu")
    assert words in error.plain
    account.refresh_from_db()
    assert not account.is_active


def test_password_typed_differently_twice_names_the_second_box(practice_ctx, identity):
    account = register(practice_ctx, identity)
    accounts.otp_verify(
        ctx=practice_ctx, account=account, code=OtpChallenge.objects.get(identity=identity).code
    )

    with pytest.raises(PracticeErrors) as failure:
        accounts.password_set(
            ctx=practice_ctx, account=account, password="Hoa@2026x", confirm="Hoa@2026"
        )

    assert_names_step_and_field(
        the_error(failure, "password_mismatch"), "password", "Nhập lại mật khẩu"
    )


# --- log-in -----------------------------------------------------------------------------


def test_log_in_with_cccd_and_password_after_registering(practice_ctx, identity):
    registered(practice_ctx, identity)

    otp = sign_in.portal_login_start(ctx=practice_ctx, cccd=identity.cccd, password="Hoa@2026x")

    assert otp.identity == identity and otp.purpose == OtpChallenge.Purpose.LOGIN
    assert sign_in.portal_login_verify(ctx=practice_ctx, identity=identity, code=otp.code) == (
        identity
    )


def test_wrong_password_is_refused_without_saying_which_half_is_wrong(practice_ctx, identity):
    registered(practice_ctx, identity)

    with pytest.raises(PracticeErrors) as failure:
        sign_in.portal_login_start(ctx=practice_ctx, cccd=identity.cccd, password="hoa@2026x")

    error = the_error(failure, "login_failed")
    assert_names_step_and_field(error, "login", "Mật khẩu")
    assert "chữ hoa và chữ thường là khác nhau" in error.plain


def test_log_in_before_a_password_is_set_says_registration_is_unfinished(practice_ctx, identity):
    account = register(practice_ctx, identity)
    accounts.otp_verify(
        ctx=practice_ctx, account=account, code=OtpChallenge.objects.get(identity=identity).code
    )

    with pytest.raises(PracticeErrors) as failure:
        sign_in.portal_login_start(ctx=practice_ctx, cccd=identity.cccd, password="Hoa@2026x")

    error = the_error(failure, "login_not_activated")
    assert_names_step_and_field(error, "login", "Số CCCD")
    assert "tạo mật khẩu" in error.plain


def test_log_in_before_the_otp_is_entered_says_registration_is_unfinished(practice_ctx, identity):
    register(practice_ctx, identity)  # the learner closed the page instead of typing the code

    with pytest.raises(PracticeErrors) as failure:
        sign_in.portal_login_start(ctx=practice_ctx, cccd=identity.cccd, password="Hoa@2026x")

    error = the_error(failure, "login_not_activated")
    assert "nhập mã xác nhận" in error.plain


def test_log_in_without_any_account_is_refused(practice_ctx, identity):
    with pytest.raises(PracticeErrors) as failure:
        sign_in.portal_login_start(ctx=practice_ctx, cccd=identity.cccd, password="Hoa@2026x")

    assert_names_step_and_field(the_error(failure, "login_failed"), "login", "Mật khẩu")


def test_log_in_with_a_real_looking_cccd_is_refused_before_anything_else(practice_ctx):
    with pytest.raises(PracticeErrors) as failure:
        sign_in.portal_login_start(ctx=practice_ctx, cccd="079090001234", password="x")

    assert_names_step_and_field(the_error(failure, "cccd_not_practice"), "login", "Số CCCD")


# --- VNeID ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setup", "code", "fix", "words"),
    [
        ({"vneid_level": 1}, "vneid_level1", "upgrade_level", "mức 1"),
        ({"web_login_allowed": False}, "vneid_web_not_allowed", "allow_web", "Cài đặt"),
        ({"old_phone": True}, "vneid_old_phone", "move_device", "điện thoại cũ"),
    ],
)
def test_vneid_failures_are_explained_and_the_fix_lets_the_log_in_succeed(
    practice_ctx, setup, code, fix, words
):
    identity = accounts.identity_issue(ctx=practice_ctx, **setup)

    with pytest.raises(PracticeErrors) as failure:
        sign_in.vneid_login(ctx=practice_ctx, identity=identity)
    error = the_error(failure, code)
    assert error.full_message.startswith(f"{STEPS['vneid']}")
    assert words in error.plain

    sign_in.vneid_fix(ctx=practice_ctx, identity=identity, action=fix)
    identity.refresh_from_db()
    assert sign_in.vneid_login(ctx=practice_ctx, identity=identity) == identity
    assert SimulatedMessage.objects.filter(identity=identity, channel="app").exists()
    assert PracticeEvent.objects.filter(
        owner_key=practice_ctx.owner_key, kind=PracticeEvent.Kind.ERROR, error_code=code
    ).exists()


def test_moving_vneid_to_the_new_phone_sends_a_confirmation_code_there(practice_ctx):
    identity = accounts.identity_issue(ctx=practice_ctx, old_phone=True)

    sign_in.vneid_fix(ctx=practice_ctx, identity=identity, action="move_device")

    otp = OtpChallenge.objects.get(identity=identity, purpose=OtpChallenge.Purpose.VNEID_DEVICE)
    assert SimulatedMessage.objects.filter(identity=identity, body__contains=otp.code).exists()
