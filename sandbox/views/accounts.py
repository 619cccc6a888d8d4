"""Practice ID cards, the portal's registration (CCCD → OTP → password) and log-in
(CCCD and password → confirmation code, or VNeID)."""

import io
import secrets
import uuid

from fontpkg_be_vietnam_pro import ROOT as FONT_ROOT
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from ..context import SESSION_IDENTITY
from ..errors import PracticeErrors
from ..forms import (
    LoginCodeForm,
    LoginForm,
    OtpForm,
    PasswordForm,
    PracticeCardForm,
    RegistrationForm,
    VneidForm,
)
from ..models import OtpChallenge, PracticeAccount, PracticeIdentity
from ..services import accounts, sign_in
from .common import sandbox_render, step_entered, with_practice

CAPTCHA_SESSION = "sandbox_captcha"
# The log-in waiting for its code: {"identity": the practice identity's id, "next": …}.
LOGIN_PENDING = "sandbox_login_pending"
CAPTCHA_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L to confuse older eyes


def _safe_next(request, default, posted=""):
    """Where to go after log-in: the posted or linked page, if it is on this site."""
    target = posted or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


@with_practice
def practice_card(request):
    """Lấy số CCCD luyện tập: shows the learner's practice ID cards; POST makes one."""
    if request.method == "POST":
        scenario = PracticeCardForm(request.POST).values()["vneid"]
        accounts.identity_issue(
            ctx=request.practice,
            vneid_level=1 if scenario == "level1" else 2,
            web_login_allowed=scenario != "web_not_allowed",
            old_phone=scenario == "old_phone",
        )
        return redirect("sandbox:card")
    step_entered(request, "cccd")
    cards = PracticeIdentity.objects.filter(owner_key=request.practice.owner_key)
    return sandbox_render(request, "sandbox/card.html", {"cards": cards}, step="cccd")


def _new_captcha(request):
    request.session[CAPTCHA_SESSION] = "".join(secrets.choice(CAPTCHA_LETTERS) for _ in range(5))


def captcha_image(request):
    from django.http import HttpResponse

    code = request.session.get(CAPTCHA_SESSION) or "-----"
    font = ImageFont.truetype(str(FONT_ROOT / "files" / "BeVietnamPro-Bold.ttf"), 34)
    image = Image.new("RGB", (180, 56), (240, 244, 248))
    draw = ImageDraw.Draw(image)
    for index, letter in enumerate(code):
        draw.text((18 + index * 32, 8 + (index % 2) * 6), letter, font=font, fill=(20, 40, 90))
    for _ in range(6):
        draw.line(
            [
                (secrets.randbelow(180), secrets.randbelow(56)),
                (secrets.randbelow(180), secrets.randbelow(56)),
            ],
            fill=(120, 140, 170),
            width=1,
        )
    image = image.filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    response = HttpResponse(buffer.getvalue(), content_type="image/png")
    response["Cache-Control"] = "no-store"
    return response


@with_practice
def register(request):
    errors, data = [], {"cccd": request.GET.get("cccd", "")}
    if request.method == "POST":
        data = RegistrationForm(request.POST).values()
        try:
            account = accounts.registration_start(
                ctx=request.practice,
                data=data,
                captcha_expected=request.session.get(CAPTCHA_SESSION),
            )
        except PracticeErrors as failure:
            errors = failure.errors
        else:
            request.session["sandbox_registering"] = account.pk
            return redirect("sandbox:register_otp")
    else:
        step_entered(request, "register")
    _new_captcha(request)
    return sandbox_render(
        request,
        "sandbox/register.html",
        {
            "errors": errors,
            "data": data,
            "cards": PracticeIdentity.objects.filter(owner_key=request.practice.owner_key),
        },
        step="register",
    )


def _registering_account(request):
    account_id = request.session.get("sandbox_registering")
    return (
        PracticeAccount.objects.filter(
            pk=account_id, identity__owner_key=request.practice.owner_key
        )
        .select_related("identity")
        .first()
    )


def _registered():
    """Where a page of the registration sends a learner who already finished it (the
    password page sent twice, a re-sent page): log-in, as after the last step."""
    return redirect(f"{reverse('sandbox:login')}?da_dang_ky=1")


@with_practice
def register_otp(request):
    account = _registering_account(request)
    if account is None:
        return redirect("sandbox:register")
    if account.is_active:
        return _registered()
    errors = []
    if request.method == "POST":
        posted = OtpForm(request.POST).values()
        if posted["resend"]:
            accounts.otp_resend(ctx=request.practice, account=account)
            return redirect("sandbox:register_otp")
        try:
            accounts.otp_verify(ctx=request.practice, account=account, code=posted["otp"])
        except PracticeErrors as failure:
            errors = failure.errors
        else:
            return redirect("sandbox:register_password")
    else:
        step_entered(request, "otp")
    return sandbox_render(
        request,
        "sandbox/register_otp.html",
        {"errors": errors, "account": account, "phone_identity": account.identity},
        step="otp",
    )


@with_practice
def register_password(request):
    account = _registering_account(request)
    if account is None or account.otp_verified_at is None:
        return redirect("sandbox:register")
    if account.is_active:
        return _registered()
    errors = []
    if request.method == "POST":
        posted = PasswordForm(request.POST).values()
        try:
            accounts.password_set(
                ctx=request.practice,
                account=account,
                password=posted["password"],
                confirm=posted["confirm"],
            )
        except PracticeErrors as failure:
            errors = failure.errors
        else:
            # The registering account stays in the session: the same form sent again
            # (its answer lost on weak Wi-Fi) must land on log-in too, not on step 1.
            return _registered()
    else:
        step_entered(request, "password")
    return sandbox_render(
        request,
        "sandbox/register_password.html",
        {"errors": errors, "account": account},
        step="password",
    )


@with_practice
def login(request):
    """Đăng nhập, first half: CCCD and password, and where the confirmation code goes.
    Right, the code is sent and the code page finishes the log-in."""
    errors = []
    posted = LoginForm(request.POST if request.method == "POST" else None).values()
    if request.method == "POST":
        try:
            otp = sign_in.portal_login_start(
                ctx=request.practice,
                cccd=posted["cccd"],
                password=posted["password"],
                channel=posted["channel"],
            )
        except PracticeErrors as failure:
            errors = failure.errors
        else:
            # A new log-in ends the one before, so the code page never takes the
            # learner for logged in already (see login_code).
            request.session.pop(SESSION_IDENTITY, None)
            request.session[LOGIN_PENDING] = {
                "identity": str(otp.identity_id),
                "next": _safe_next(request, "", posted["next"]),
            }
            return redirect("sandbox:login_code")
    else:
        step_entered(request, "login")
    return sandbox_render(
        request,
        "sandbox/login.html",
        {
            "errors": errors,
            "cccd": posted["cccd"],
            "channel": posted["channel"],
            "channels": OtpChallenge.Channel.choices,
            "just_registered": request.GET.get("da_dang_ky") == "1",
            "next": _safe_next(request, "", posted["next"]),
        },
        step="login",
    )


def _pending_login(request):
    """The identity whose password this browser just typed right, and where to go after."""
    pending = request.session.get(LOGIN_PENDING) or {}
    try:
        identity_id = uuid.UUID(pending.get("identity") or "")
    except ValueError:
        return None, ""
    identity = PracticeIdentity.objects.filter(
        pk=identity_id, owner_key=request.practice.owner_key
    ).first()
    return identity, pending.get("next") or ""


@with_practice
def login_code(request):
    """Đăng nhập, second half: the 6-digit code sent to VNeID or by SMS. Right, the learner
    is logged in, exactly as the password alone did before."""
    identity, next_url = _pending_login(request)
    if identity is None:
        return redirect("sandbox:login")
    target = _safe_next(request, reverse("sandbox:dossiers"), next_url)
    if request.session.get(SESSION_IDENTITY) == str(identity.pk):
        # Logged in already: the code sent twice (a double tap, a page re-sent on weak
        # Wi-Fi) or the back button lands where the first one did.
        return redirect(target)
    errors = []
    posted = LoginCodeForm(request.POST if request.method == "POST" else None).values()
    if request.method == "POST":
        try:
            if posted["resend"]:
                sign_in.portal_login_resend(
                    ctx=request.practice, identity=identity, channel=posted["channel"]
                )
                return redirect("sandbox:login_code")
            sign_in.portal_login_verify(ctx=request.practice, identity=identity, code=posted["otp"])
        except PracticeErrors as failure:
            errors = failure.errors
        else:
            # No new session id here, unlike a real portal: the practice data already
            # belongs to this browser's session (its owner key), so a new id protects
            # nothing, and with database sessions it deletes the old one, so a phone
            # whose answer was lost on the Wi-Fi would come back without its practice.
            request.session[SESSION_IDENTITY] = str(identity.pk)
            return redirect(target)
    else:
        step_entered(request, "login_code")
    restart = any(error.code in sign_in.LOGIN_RESTART_CODES for error in errors)
    if restart:
        request.session.pop(LOGIN_PENDING, None)  # a new code needs the password again
    otp = identity.otps.filter(purpose=OtpChallenge.Purpose.LOGIN).first()
    return sandbox_render(
        request,
        "sandbox/login_code.html",
        {
            "errors": errors,
            "otp": otp,
            "typed": "" if posted["resend"] else posted["otp"],  # a wrong code, to fix
            "restart": restart,
            "channels": OtpChallenge.Channel.choices,
            "phone_identity": identity,
            "next": next_url,
        },
        step="login_code",
    )


@with_practice
def vneid_login(request):
    """The QR page, with the simulated VNeID app beside it. The learner picks which of
    their practice cards the app belongs to, then confirms on the 'phone'."""
    cards = PracticeIdentity.objects.filter(owner_key=request.practice.owner_key)
    posted = VneidForm(request.POST if request.method == "POST" else None).values()
    chosen_id = posted["identity"]
    if chosen_id is None:
        try:
            chosen_id = uuid.UUID(request.GET.get("the") or "")
        except ValueError:
            chosen_id = None
    chosen = cards.filter(pk=chosen_id).first() if chosen_id else None
    errors = []
    if request.method == "POST" and chosen is not None:
        action = posted["action"]
        if action in ("allow_web", "upgrade_level", "move_device"):
            sign_in.vneid_fix(ctx=request.practice, identity=chosen, action=action)
            return redirect(f"{reverse('sandbox:vneid')}?the={chosen.pk}")
        try:
            sign_in.vneid_login(ctx=request.practice, identity=chosen)
        except PracticeErrors as failure:
            errors = failure.errors
        else:
            request.session[SESSION_IDENTITY] = str(chosen.pk)  # no new id: see login_code()
            return redirect(_safe_next(request, reverse("sandbox:dossiers"), posted["next"]))
    else:
        step_entered(request, "vneid")
    return sandbox_render(
        request,
        "sandbox/vneid.html",
        {
            "errors": errors,
            "cards": cards,
            "chosen": chosen,
            "phone_identity": chosen,
            "next": _safe_next(request, "", posted["next"]),
        },
        step="vneid",
    )


@require_POST
def logout(request):
    request.session.pop(SESSION_IDENTITY, None)
    request.session.pop(LOGIN_PENDING, None)  # the code page must not log back in
    return redirect("sandbox:home")
