"""Practice identities, the portal's own registration, and both log-in paths."""

from __future__ import annotations

import datetime
import secrets
from typing import TYPE_CHECKING

from django.contrib.auth.hashers import make_password
from django.db import transaction

from home.hashers import LIGHT_HASHER

from ..errors import (
    PracticeError,
    PracticeErrors,
    too_long_error,
)
from ..models import OtpChallenge, PracticeAccount, PracticeEvent, PracticeIdentity
from ..models.accounts import PRACTICE_CCCD_PREFIX
from ..validators import (
    EMAIL,
    EMAIL_MAX,
    NAME_MAX,
    PASSWORD_MAX,
    PHONE,
    clean_text,
    has_diacritics,
    id_number,
    id_number_problem,
    names_match,
    parse_vn_date,
    password_problems,
)
from .events import practice_errors_record, practice_event_record
from .messages import message_send

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import NoReturn

    from ..context import PracticeContext

OTP_LIFETIME = datetime.timedelta(minutes=5)
OTP_MAX_ATTEMPTS = 5
# A form sent again this soon after a code went out is the same request (a double tap,
# a re-sent page on weak Wi-Fi): it gets the code already on the phone, not a second one
# that would make the first one typed "wrong".
OTP_REPEAT_WINDOW = datetime.timedelta(seconds=30)
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = {"Nam": ["Văn", "Hữu", "Đức", "Minh", "Quang"], "Nữ": ["Thị", "Ngọc", "Thu", "Mỹ"]}
GIVEN = {
    "Nam": ["Bảy", "Hùng", "Dũng", "Tâm", "Phúc", "Lộc", "Đạt", "Sơn"],
    "Nữ": ["Hoa", "Lan", "Hằng", "Ánh", "Nga", "Thủy", "Duyên", "Đào"],
}
PLACES = [
    "Ấp Tân Lập, xã Đầm Dơi, tỉnh Cà Mau",
    "Thôn 3, xã Bù Đốp, tỉnh Đồng Nai",
    "Tổ dân phố 5, phường Hồng Bàng, thành phố Hải Phòng",
    "Thôn An Phú, xã Tịnh Khê, tỉnh Quảng Ngãi",
]


def _choice(items: Sequence[str]) -> str:
    return items[secrets.randbelow(len(items))]


def identity_issue(
    *,
    ctx: PracticeContext,
    vneid_level: int = 2,
    web_login_allowed: bool = True,
    old_phone: bool = False,
) -> PracticeIdentity:
    """Hand out a practice ID card: a made-up person whose CCCD starts with 099."""
    sex = _choice(["Nam", "Nữ"])
    year = 1950 + secrets.randbelow(55)
    birth = datetime.date(year, 1 + secrets.randbelow(12), 1 + secrets.randbelow(28))
    century_sex = ("0" if sex == "Nam" else "1") if year < 2000 else ("2" if sex == "Nam" else "3")
    while True:
        cccd = f"{PRACTICE_CCCD_PREFIX}{century_sex}{year % 100:02d}{secrets.randbelow(10**6):06d}"
        if not PracticeIdentity.objects.filter(cccd=cccd).exists():
            break
    identity = PracticeIdentity.objects.create(
        owner_key=ctx.owner_key,
        cccd=cccd,
        full_name=f"{_choice(SURNAMES)} {_choice(MIDDLE[sex])} {_choice(GIVEN[sex])}",
        birth_date=birth,
        sex=sex,
        phone=f"09{secrets.randbelow(10**8):08d}",
        address=_choice(PLACES),
        vneid_level=vneid_level,
        vneid_web_login_allowed=web_login_allowed,
        vneid_device=PracticeIdentity.VneidDevice.OLD_PHONE
        if old_phone
        else PracticeIdentity.VneidDevice.CURRENT,
    )
    practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.STEP_COMPLETED, step="cccd")
    return identity


def own_identity(ctx: PracticeContext, cccd: str, step: str) -> PracticeIdentity:
    problem = id_number_problem(cccd)
    if problem:
        raise PracticeError(problem, step=step, field="cccd", field_label="Số CCCD")
    cccd = id_number(cccd)
    identity = PracticeIdentity.objects.filter(cccd=cccd, owner_key=ctx.owner_key).first()
    if identity is None:
        raise PracticeError("cccd_unknown", step=step, field="cccd", field_label="Số CCCD")
    return identity


def otp_issued_at(otp: OtpChallenge) -> datetime.datetime:
    return otp.expires_at - OTP_LIFETIME  # on the sandbox's clock, like expires_at


def _live_otp(
    identity: PracticeIdentity,
    purpose: OtpChallenge.Purpose,
    now: datetime.datetime,
    within: datetime.timedelta,
) -> OtpChallenge | None:
    """The newest code of this purpose if it went out less than ``within`` ago and can
    still be typed (unused, not locked, not expired)."""
    otp = identity.otps.filter(purpose=purpose).first()
    if otp is None or otp.used_at or otp.attempts >= OTP_MAX_ATTEMPTS or now > otp.expires_at:
        return None
    return otp if now - otp_issued_at(otp) < within else None


def otp_issue(
    *,
    ctx: PracticeContext,
    identity: PracticeIdentity,
    purpose: OtpChallenge.Purpose,
    channel: OtpChallenge.Channel = OtpChallenge.Channel.SMS,
) -> OtpChallenge:
    """Send a new code to the simulated phone, as an SMS or as a notice in the VNeID app."""
    code = f"{secrets.randbelow(10**6):06d}"
    otp = OtpChallenge.objects.create(
        identity=identity,
        purpose=purpose,
        channel=channel,
        code=code,
        expires_at=ctx.now + OTP_LIFETIME,
    )
    if channel == OtpChallenge.Channel.APP:
        message_send(
            ctx=ctx,
            identity=identity,
            channel="app",
            sender="VNeID (giả lập)",
            body=f"Mã xác nhận đăng nhập Cổng dịch vụ công luyện tập: {code}. Mã có hiệu lực "
            "trong 5 phút. Không cung cấp mã này cho bất kỳ ai, kể cả người xưng là cán bộ.",
        )
        return otp
    # Real SMS brandnames send unaccented text; the simulated phone shows it the same way.
    if purpose == OtpChallenge.Purpose.LOGIN:
        body = f"Ma xac thuc dang nhap Cong DVC luyen tap: {code}. Ma co hieu luc trong 5 phut. "
    else:
        body = f"Ma xac thuc cua ban la {code}. Ma co hieu luc trong 5 phut. "
    message_send(
        ctx=ctx,
        identity=identity,
        channel="sms",
        sender="DVCQG-LUYENTAP",
        body=f"{body}KHONG cung cap ma nay cho bat ky ai.",
    )
    return otp


def otp_issue_once(
    ctx: PracticeContext,
    identity: PracticeIdentity,
    purpose: OtpChallenge.Purpose,
    channel: OtpChallenge.Channel = OtpChallenge.Channel.SMS,
) -> tuple[OtpChallenge, bool]:
    """A new code, or the one sent a moment ago to the same channel; and whether a new
    one was sent. The caller holds the account's (or identity's) row lock, so two
    requests at once cannot both decide to send."""
    live = _live_otp(identity, purpose, ctx.now, OTP_REPEAT_WINDOW)
    if live is not None and live.channel == channel:
        return live, False
    return otp_issue(ctx=ctx, identity=identity, purpose=purpose, channel=channel), True


def _lock_account(account: PracticeAccount) -> PracticeAccount:
    """Lock the account row until the transaction ends and reload it in place, so what
    follows sees what a simultaneous request committed (PostgreSQL; on SQLite the
    IMMEDIATE transaction already holds the only write lock)."""
    locked = PracticeAccount.objects.select_for_update().get(pk=account.pk)
    for name in ("phone", "email", "password", "otp_verified_at", "activated_at"):
        setattr(account, name, getattr(locked, name))
    return account


def _refuse(ctx: PracticeContext, errors: list[PracticeError]) -> NoReturn:
    """Record a refusal and raise it; called after the transaction, so it stays recorded."""
    practice_errors_record(ctx=ctx, errors=errors)
    raise PracticeErrors(errors)


def otp_resend(*, ctx: PracticeContext, account: PracticeAccount) -> OtpChallenge:
    """ "Gửi lại mã": a new code, unless one went out a moment ago (a double tap)."""
    with transaction.atomic():
        _lock_account(account)
        otp, _sent = otp_issue_once(ctx, account.identity, OtpChallenge.Purpose.REGISTER)
    return otp


def registration_start(
    *, ctx: PracticeContext, data: Mapping[str, str], captcha_expected: str | None
) -> PracticeAccount:
    """Check the registration form the way the portal does, then send the OTP."""
    errors = []

    def fail(code: str, field: str, label: str) -> None:
        errors.append(PracticeError(code, step="register", field=field, field_label=label))

    identity = None
    try:
        identity = own_identity(ctx, data.get("cccd", ""), "register")
    except PracticeError as error:
        errors.append(error)
    full_name = clean_text(data.get("full_name"))
    if not full_name:
        fail("required", "full_name", "Họ và tên")
    elif len(full_name) > NAME_MAX:
        errors.append(
            too_long_error(
                step="register",
                field="full_name",
                field_label="Họ và tên",
                limit=NAME_MAX,
                length=len(full_name),
            )
        )
    elif not has_diacritics(full_name):
        fail("name_no_diacritics", "full_name", "Họ và tên")
    elif identity and not names_match(full_name, identity.full_name):
        fail("name_mismatch", "full_name", "Họ và tên")
    birth_text = data.get("birth_date", "")
    if not birth_text.strip():
        fail("required", "birth_date", "Ngày sinh")
    else:
        try:
            birth = parse_vn_date(birth_text)
            if identity and birth != identity.birth_date:
                fail("birth_date_mismatch", "birth_date", "Ngày sinh")
        except ValueError as error:
            fail(str(error), "birth_date", "Ngày sinh")
    phone = "".join(data.get("phone", "").split())
    if not PHONE.match(phone):
        fail("phone_format", "phone", "Số điện thoại")
    email = data.get("email", "").strip()
    if len(email) > EMAIL_MAX:
        errors.append(
            too_long_error(
                step="register",
                field="email",
                field_label="Thư điện tử",
                limit=EMAIL_MAX,
                length=len(email),
            )
        )
    elif email and not EMAIL.match(email):
        fail("email_format", "email", "Thư điện tử")
    if data.get("captcha", "").strip().upper() != (captcha_expected or "").upper():
        fail("captcha_wrong", "captcha", "Mã kiểm tra")
    if identity and hasattr(identity, "portal_account") and identity.portal_account.is_active:
        fail("account_exists", "cccd", "Số CCCD")
    if not errors and phone != identity.phone:
        # The portal only learns this when it asks the carrier, after everything else.
        fail("phone_not_owner", "phone", "Số điện thoại")
    if errors:
        practice_errors_record(ctx=ctx, errors=errors)
        raise PracticeErrors(errors)

    with transaction.atomic():
        # get_or_create under select_for_update: two requests at once make one account,
        # and the second waits here for the first to commit.
        account, _created = PracticeAccount.objects.select_for_update().get_or_create(
            identity=identity, defaults={"phone": phone, "email": email}
        )
        if account.is_active:  # finished in another tab meanwhile
            fail("account_exists", "cccd", "Số CCCD")
        else:
            if (account.phone, account.email) != (phone, email):
                account.phone, account.email = phone, email
                account.save(update_fields=["phone", "email"])
            _otp, sent = otp_issue_once(ctx, identity, OtpChallenge.Purpose.REGISTER)
            if sent:  # the same form sent again is not a second registration
                practice_event_record(
                    ctx=ctx, kind=PracticeEvent.Kind.STEP_COMPLETED, step="register"
                )
    if errors:
        _refuse(ctx, errors)
    return account


def otp_verify(*, ctx: PracticeContext, account: PracticeAccount, code: str | None) -> None:
    """Check the code, in one transaction with the account and the code locked.

    The same right code sent again after it was accepted (a double tap, a re-sent page)
    is accepted again without recording anything, so the learner goes on to the password
    page instead of reading "mã đã hết hạn". Wrong guesses are counted under the lock,
    so guesses sent at once cannot share one count.
    """
    code = "".join((code or "").split())
    error = None
    with transaction.atomic():
        _lock_account(account)
        otp = (
            OtpChallenge.objects.select_for_update()
            .filter(identity_id=account.identity_id, purpose=OtpChallenge.Purpose.REGISTER)
            .first()
        )
        if otp is not None and otp.used_at and account.otp_verified_at and code == otp.code:
            return
        if otp is None or otp.used_at:
            error = "otp_expired"
        elif otp.attempts >= OTP_MAX_ATTEMPTS:
            error = "otp_too_many"
        elif ctx.now > otp.expires_at:
            error = "otp_expired"
        elif code != otp.code:
            otp.attempts += 1
            otp.save(update_fields=["attempts"])
            error = "otp_wrong" if otp.attempts < OTP_MAX_ATTEMPTS else "otp_too_many"
        if error:
            # Recorded in the same transaction as the count it goes with.
            failure = PracticeError(error, step="otp", field="otp", field_label="Mã xác nhận")
            practice_errors_record(ctx=ctx, errors=[failure])
        else:
            otp.used_at = ctx.now
            otp.save(update_fields=["used_at"])
            account.otp_verified_at = ctx.now
            account.save(update_fields=["otp_verified_at"])
            practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.STEP_COMPLETED, step="otp")
    if error:
        raise PracticeErrors([failure])


def password_too_long(step: str, password: str) -> PracticeError | None:
    """Passwords are hashed, never stored as typed, but hashing a very long one is slow."""
    if len(password) > PASSWORD_MAX:
        return too_long_error(
            step=step,
            field="password",
            field_label="Mật khẩu",
            limit=PASSWORD_MAX,
            length=len(password),
        )
    return None


def password_set(
    *, ctx: PracticeContext, account: PracticeAccount, password: str, confirm: str
) -> None:
    too_long = password_too_long("password", password)
    errors = (
        [too_long]
        if too_long
        else [
            PracticeError(code, step="password", field="password", field_label="Mật khẩu")
            for code in password_problems(password)
        ]
    )
    if not errors and password != confirm:
        errors.append(
            PracticeError(
                "password_mismatch",
                step="password",
                field="confirm",
                field_label="Nhập lại mật khẩu",
            )
        )
    if errors:
        _refuse(ctx, errors)
    if account.is_active:
        return  # sent again after it worked: nothing more to do, nothing to hash
    # Hashing is deliberately slow: do it before the transaction, never holding the
    # write lock (on SQLite a write transaction makes every other writer wait).
    hashed = make_password(password, hasher=LIGHT_HASHER)  # made-up accounts: home/hashers.py
    with transaction.atomic():
        _lock_account(account)
        if account.is_active:
            return  # a simultaneous request set it first; the first password stands
        account.password = hashed
        account.activated_at = ctx.now
        account.save(update_fields=["password", "activated_at"])
        message_send(
            ctx=ctx,
            identity=account.identity,
            channel="sms",
            sender="DVCQG-LUYENTAP",
            body="Tai khoan dich vu cong luyen tap cua ban da duoc tao thanh cong.",
        )
        practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.STEP_COMPLETED, step="password")
