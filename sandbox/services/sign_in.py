"""Logging in to the practice portal, as the real portal offers it: the CCCD and
password followed by a confirmation code (sent to the VNeID app or by SMS), or the VNeID
app's QR code, with the VNeID account's real failure states to fix on the simulated phone.

The "login" practice step is recorded only when the log-in completes (the code accepted,
or the QR confirmed): the 5-minute figure of the reports times submissions from it.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from django.contrib.auth.hashers import check_password
from django.db import transaction

from ..errors import (
    PracticeError,
    PracticeErrors,
    login_code_too_soon_error,
    login_code_wrong_error,
)
from ..models import OtpChallenge, PracticeEvent, PracticeIdentity
from ..validators import PASSWORD_MAX
from .accounts import (
    OTP_LIFETIME,
    OTP_MAX_ATTEMPTS,
    OTP_REPEAT_WINDOW,
    otp_issue,
    otp_issue_once,
    otp_issued_at,
    own_identity,
    password_too_long,
)
from .events import practice_errors_record, practice_event_record
from .exercise_goals import exercise_check
from .messages import message_send

if TYPE_CHECKING:
    from ..context import PracticeContext

# How the code page and its messages name where a log-in code went.
LOGIN_CHANNEL_PHRASES = {
    OtpChallenge.Channel.APP: "thông báo trong ứng dụng VNeID",
    OtpChallenge.Channel.SMS: "tin nhắn SMS",
}


def portal_login_start(
    *,
    ctx: PracticeContext,
    cccd: str,
    password: str,
    channel: OtpChallenge.Channel = OtpChallenge.Channel.APP,
) -> OtpChallenge:
    """Log-in, first half: check the CCCD and the password and, if right, send a
    confirmation code to the VNeID app or by SMS, as the learner chose. The learner is
    not logged in until portal_login_verify accepts the code.

    The same form sent again a moment later (a double tap, a re-sent page) gets the code
    already sent to that channel, not a second one that would make the first one typed
    "wrong".
    """
    try:
        identity = own_identity(ctx, cccd, "login")
    except PracticeError as error:
        practice_errors_record(ctx=ctx, errors=[error])
        raise PracticeErrors([error]) from None
    account = getattr(identity, "portal_account", None)
    error = None
    if account is None:
        error = PracticeError(
            "login_failed", step="login", field="password", field_label="Mật khẩu"
        )
    elif not account.is_active:
        error = PracticeError(
            "login_not_activated", step="login", field="cccd", field_label="Số CCCD"
        )
    elif len(password) > PASSWORD_MAX:
        error = password_too_long("login", password)
    elif not check_password(password, account.password):  # slow: outside the transaction
        error = PracticeError(
            "login_failed", step="login", field="password", field_label="Mật khẩu"
        )
    if error:
        practice_errors_record(ctx=ctx, errors=[error])
        raise PracticeErrors([error])
    with transaction.atomic():
        locked = PracticeIdentity.objects.select_for_update().get(pk=identity.pk)
        otp, sent = otp_issue_once(ctx, locked, OtpChallenge.Purpose.LOGIN, channel)
        if sent:
            # Not "login": that step means logged in, and reports time the practice
            # from it; it is recorded when the code is accepted.
            practice_event_record(
                ctx=ctx,
                kind=PracticeEvent.Kind.STEP_COMPLETED,
                step="login_password",
                data={"channel": channel},
            )
    return otp


def _login_code_error(code: str) -> PracticeError:
    return PracticeError(code, step="login_code", field="otp", field_label="Mã xác nhận")


# The refusals after which the code page is of no more use: log in again from the start.
LOGIN_RESTART_CODES = frozenset({"login_code_too_many", "login_code_restart"})


def portal_login_verify(
    *, ctx: PracticeContext, identity: PracticeIdentity, code: str | None
) -> PracticeIdentity:
    """Log-in, second half: the right code logs the learner in. The "login" step and the
    exercise check are recorded here, the moment the log-in completes.

    As in otp_verify, the right code sent again after it was accepted (a double tap, a
    page re-sent on weak Wi-Fi) is accepted again, without recording anything, for as
    long as a code lasts. Wrong guesses are counted under the identity's row lock, so
    guesses sent at once cannot share one count; the fifth kills the code, and a guesser
    has to get past the password again for each five guesses.
    """
    code = "".join((code or "").split())
    failure = None
    with transaction.atomic():
        # Another learner's identity (another owner) finds no code to type.
        PracticeIdentity.objects.select_for_update().filter(
            pk=identity.pk, owner_key=ctx.owner_key
        ).first()
        otp = (
            OtpChallenge.objects.filter(
                identity_id=identity.pk,
                identity__owner_key=ctx.owner_key,
                purpose=OtpChallenge.Purpose.LOGIN,
            )
            .order_by("-created_at")
            .first()
        )
        if (
            otp is not None
            and otp.used_at
            and code == otp.code
            and ctx.now <= otp.used_at + OTP_LIFETIME
        ):
            return identity
        if otp is None or otp.used_at:
            failure = _login_code_error("login_code_restart")
        elif otp.attempts >= OTP_MAX_ATTEMPTS:
            failure = _login_code_error("login_code_too_many")
        elif ctx.now > otp.expires_at:
            failure = _login_code_error("login_code_expired")
        elif code != otp.code:
            otp.attempts += 1
            otp.save(update_fields=["attempts"])
            attempts_left = OTP_MAX_ATTEMPTS - otp.attempts
            failure = (
                login_code_wrong_error(attempts_left=attempts_left)
                if attempts_left
                else _login_code_error("login_code_too_many")
            )
        if failure:
            # Recorded in the same transaction as the count it goes with.
            practice_errors_record(ctx=ctx, errors=[failure])
        else:
            otp.used_at = ctx.now
            otp.save(update_fields=["used_at"])
            practice_event_record(
                ctx=ctx,
                kind=PracticeEvent.Kind.STEP_COMPLETED,
                step="login",
                data={"method": "portal", "channel": otp.channel},
            )
            exercise_check(ctx=ctx, trigger="logged_in", identity=identity, method="portal")
    if failure:
        raise PracticeErrors([failure])
    return identity


def portal_login_resend(
    *, ctx: PracticeContext, identity: PracticeIdentity, channel: OtpChallenge.Channel | str = ""
) -> OtpChallenge:
    """ "Gửi lại mã" on the code page: a new code, to the channel chosen this time ("":
    where the last one went).

    Refused while the code just sent still works and went out less than
    OTP_REPEAT_WINDOW ago (a double tap, impatience), and after the code was locked by
    wrong guesses: a new code then needs the password again. These refusals are not
    recorded as the learner's mistakes: a double tap on weak Wi-Fi is not one.
    """
    failure = otp = None
    with transaction.atomic():
        locked = (
            PracticeIdentity.objects.select_for_update()
            .filter(pk=identity.pk, owner_key=ctx.owner_key)
            .first()
        )
        newest = locked.otps.filter(purpose=OtpChallenge.Purpose.LOGIN).first() if locked else None
        if newest is None or newest.used_at:
            failure = _login_code_error("login_code_restart")
        elif newest.attempts >= OTP_MAX_ATTEMPTS:
            failure = _login_code_error("login_code_too_many")
        elif ctx.now - otp_issued_at(newest) < OTP_REPEAT_WINDOW:
            wait = OTP_REPEAT_WINDOW - (ctx.now - otp_issued_at(newest))
            failure = login_code_too_soon_error(
                channel_label=LOGIN_CHANNEL_PHRASES[newest.channel],
                seconds_left=max(1, math.ceil(wait.total_seconds())),
            )
        else:
            otp = otp_issue(
                ctx=ctx,
                identity=locked,
                purpose=OtpChallenge.Purpose.LOGIN,
                channel=channel or newest.channel,
            )
    if failure:
        raise PracticeErrors([failure])
    return otp


def vneid_login(*, ctx: PracticeContext, identity: PracticeIdentity) -> PracticeIdentity:
    """The VNeID app confirms a QR log-in, unless the account is in one of the real
    failure states, which the learner then fixes on the simulated phone."""
    code = None
    if identity.vneid_level < 2:
        code = "vneid_level1"
    elif not identity.vneid_web_login_allowed:
        code = "vneid_web_not_allowed"
    elif identity.vneid_device == PracticeIdentity.VneidDevice.OLD_PHONE:
        code = "vneid_old_phone"
    if code:
        error = PracticeError(code, step="vneid", field="vneid")
        practice_errors_record(ctx=ctx, errors=[error])
        raise PracticeErrors([error])
    message_send(
        ctx=ctx,
        identity=identity,
        channel="app",
        sender="VNeID (giả lập)",
        body="Bạn vừa xác nhận đăng nhập Cổng dịch vụ công luyện tập bằng tài khoản định danh.",
    )
    practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.STEP_COMPLETED, step="vneid")
    exercise_check(ctx=ctx, trigger="logged_in", identity=identity, method="vneid")
    return identity


def vneid_fix(*, ctx: PracticeContext, identity: PracticeIdentity, action: str) -> None:
    """What the learner does on the simulated phone (or at the police station) to fix it.

    Done once: pressed again (a double tap, a re-sent page) it finds the account fixed
    and neither sends a second code nor counts a second hint.
    """
    fixes = {
        "allow_web": ("vneid_web_login_allowed", True),
        "upgrade_level": ("vneid_level", 2),
        "move_device": ("vneid_device", PracticeIdentity.VneidDevice.CURRENT),
    }
    if action not in fixes:
        return
    field, value = fixes[action]
    with transaction.atomic():
        locked = PracticeIdentity.objects.select_for_update().get(pk=identity.pk)
        if getattr(locked, field) == value:
            setattr(identity, field, value)
            return
        setattr(locked, field, value)
        locked.save(update_fields=[field])
        setattr(identity, field, value)
        if action == "move_device":
            otp_issue(ctx=ctx, identity=locked, purpose=OtpChallenge.Purpose.VNEID_DEVICE)
        practice_event_record(
            ctx=ctx, kind=PracticeEvent.Kind.HINT_USED, step="vneid", data={"fix": action}
        )
