"""End-to-end walks through the practice portal with the test client, and the error
summary: every message shown there names the step and the box to fix."""

import html
import re

import pytest

from home import roles
from sandbox.codes import CODE_PATTERN
from sandbox.errors import STEPS
from sandbox.models import (
    DossierStatus,
    ExerciseAttempt,
    OtpChallenge,
    Payment,
    PracticeDossier,
    PracticeIdentity,
    SimulatedMessage,
)
from sandbox.services import accounts
from tests.factories import user_with
from tests.helpers import (
    dossier_walk,
    jpeg_upload,
    khai_sinh_form_data,
    login_code_sent,
    new_ctx,
    portal_account_made,
    portal_session,
)

SUMMARY = re.compile(r'<div class="error-summary".*?</ul>', re.S)


def page_text(response):
    return html.unescape(response.content.decode())


def assert_error_summary(response, *codes):
    """The page lists exactly these errors, each naming its step and its box."""
    assert response.status_code == 200
    errors = response.context["errors"]
    assert [error.code for error in errors] == list(codes)
    [summary] = SUMMARY.findall(response.content.decode())
    summary = html.unescape(summary)
    assert f"Có {len(errors)} lỗi cần sửa" in summary
    for error in errors:
        assert error.full_message in summary
        assert error.full_message.startswith(STEPS[error.step])
        if error.field_label:
            assert f"{STEPS[error.step]}, ô “{error.field_label}”: " in summary
    return errors


def redirects_to(response, path):
    """The step was accepted and the browser moves on to ``path``."""
    shown = response.context.get("errors") if response.context else None
    assert response.status_code == 302, shown  # on failure, say which error was shown
    assert response["Location"].split("?")[0] == path
    return response


# --- the whole journey ------------------------------------------------------------------


def test_register_log_in_submit_khai_sinh_by_post_pay_and_read_the_code(client, sandbox_site):
    # Take a practice ID card, then register with it.
    redirects_to(
        client.post("/thuc-hanh/the-luyen-tap/", {"vneid": "normal"}), "/thuc-hanh/the-luyen-tap/"
    )
    card = PracticeIdentity.objects.get(owner_key=client.session["sandbox_owner"])
    assert card.cccd in page_text(client.get("/thuc-hanh/the-luyen-tap/"))
    client.get("/thuc-hanh/dang-ky/")
    response = client.post(
        "/thuc-hanh/dang-ky/",
        {
            "cccd": card.cccd,
            "full_name": card.full_name,
            "birth_date": card.birth_date.strftime("%d/%m/%Y"),
            "phone": card.phone,
            "captcha": client.session["sandbox_captcha"],
        },
    )
    redirects_to(response, "/thuc-hanh/dang-ky/xac-nhan/")
    otp = OtpChallenge.objects.get(identity=card)
    assert otp.code in page_text(client.get("/thuc-hanh/dang-ky/xac-nhan/"))  # the fake phone
    redirects_to(
        client.post("/thuc-hanh/dang-ky/xac-nhan/", {"otp": otp.code}),
        "/thuc-hanh/dang-ky/mat-khau/",
    )
    redirects_to(
        client.post(
            "/thuc-hanh/dang-ky/mat-khau/", {"password": "Lan@2026vn", "confirm": "Lan@2026vn"}
        ),
        "/thuc-hanh/dang-nhap/",
    )
    redirects_to(
        client.post("/thuc-hanh/dang-nhap/", {"cccd": card.cccd, "password": "Lan@2026vn"}),
        "/thuc-hanh/dang-nhap/xac-nhan/",
    )
    code = login_code_sent(card).code
    assert code in page_text(client.get("/thuc-hanh/dang-nhap/xac-nhan/"))  # the fake phone
    redirects_to(
        client.post("/thuc-hanh/dang-nhap/xac-nhan/", {"otp": code}),
        "/thuc-hanh/quan-ly-ho-so/",
    )

    # The exercise: khai sinh with one copy, result by post.
    client.post("/thuc-hanh/bai-tap/khai-sinh-buu-dien/bat-dau/")
    found = page_text(client.get("/thuc-hanh/thu-tuc/", {"q": "làm giấy khai sinh"}))
    assert "Đăng ký khai sinh" in found
    offered = client.get("/thuc-hanh/thu-tuc/dang-ky-khai-sinh/").content.decode()
    agency = html.unescape(re.search(r'name="agency" value="([^"]+)"', offered).group(1))
    response = client.post("/thuc-hanh/thu-tuc/dang-ky-khai-sinh/", {"agency": agency})
    dossier = PracticeDossier.objects.get(identity=card)
    wizard = f"/thuc-hanh/ho-so/{dossier.pk}/buoc"
    redirects_to(response, f"{wizard}/applicant/")
    redirects_to(client.post(f"{wizard}/applicant/", {"is_owner": "1"}), f"{wizard}/eform/")
    assert card.full_name in page_text(client.get(f"{wizard}/eform/"))  # prefilled
    redirects_to(
        client.post(f"{wizard}/eform/", khai_sinh_form_data(card, copies="1")),
        f"{wizard}/delivery/",
    )
    redirects_to(
        client.post(
            f"{wizard}/delivery/", {"delivery_method": "post", "delivery_address": card.address}
        ),
        f"{wizard}/attachments/",
    )
    redirects_to(
        client.post(f"{wizard}/attachments/", {"slot_1": jpeg_upload(), "continue": "1"}),
        f"{wizard}/review/",
    )
    assert "8.000" in page_text(client.get(f"{wizard}/review/"))
    redirects_to(
        client.post(f"{wizard}/review/", {"declaration": "1", "consent": "1"}),
        f"/thuc-hanh/ho-so/{dossier.pk}/thanh-toan/",
    )
    response = client.post(f"/thuc-hanh/ho-so/{dossier.pk}/thanh-toan/", {"provider": "vi-c"})
    payment = dossier.payments.get()
    redirects_to(response, f"/thuc-hanh/cong-thanh-toan/{payment.pk}/")
    assert "9.000" in page_text(client.get(f"/thuc-hanh/cong-thanh-toan/{payment.pk}/"))
    redirects_to(
        client.post(f"/thuc-hanh/cong-thanh-toan/{payment.pk}/", {"outcome": "success"}),
        f"/thuc-hanh/ho-so/{dossier.pk}/thanh-cong/",
    )

    shown = page_text(client.get(f"/thuc-hanh/ho-so/{dossier.pk}/thanh-cong/"))
    dossier.refresh_from_db()
    [code] = re.findall(r'<strong class="dossier-code">([^<]+)</strong>', shown)
    assert code == dossier.code and CODE_PATTERN.match(code)
    assert dossier.fee_status == PracticeDossier.FeeStatus.PAID
    assert SimulatedMessage.objects.filter(dossier=dossier, channel="sms", body__contains=code)
    assert code in page_text(client.get("/thuc-hanh/dien-thoai/"))
    attempt = ExerciseAttempt.objects.get(exercise__slug="khai-sinh-buu-dien")
    assert attempt.completed_at is not None


# --- the error summary ------------------------------------------------------------------


@pytest.fixture
def learner(client, khai_sinh):
    """A registered learner, logged in to the practice portal in this browser."""
    ctx = new_ctx()
    card = portal_account_made(ctx, "Lan@2026vn")
    portal_session(client, ctx.owner_key, card)
    ctx.identity = card
    return ctx


def test_registration_errors_are_summarised_naming_step_and_box(client, db):
    client.get("/thuc-hanh/dang-ky/")

    response = client.post(
        "/thuc-hanh/dang-ky/",
        {
            "cccd": "001203004567",
            "full_name": "Nguyen Thi Lan",
            "birth_date": "05031968",
            "phone": "0912 345 678",
            "captcha": "nope",
        },
    )

    errors = assert_error_summary(
        response, "cccd_not_practice", "name_no_diacritics", "date_no_slash", "captcha_wrong"
    )
    assert errors[0].full_message.startswith("Bước 1 – Đăng ký tài khoản, ô “Số CCCD”: ")
    assert "Lấy số CCCD luyện tập" in page_text(response)


def test_otp_and_password_errors_are_summarised(client, db):
    ctx = new_ctx()
    card = accounts.identity_issue(ctx=ctx)
    portal_session(client, ctx.owner_key)
    client.get("/thuc-hanh/dang-ky/")
    client.post(
        "/thuc-hanh/dang-ky/",
        {
            "cccd": card.cccd,
            "full_name": card.full_name,
            "birth_date": card.birth_date.strftime("%d/%m/%Y"),
            "phone": card.phone,
            "captcha": client.session["sandbox_captcha"],
        },
    )
    code = card.otps.get().code
    wrong = "000000" if code != "000000" else "111111"

    assert_error_summary(client.post("/thuc-hanh/dang-ky/xac-nhan/", {"otp": wrong}), "otp_wrong")
    client.post("/thuc-hanh/dang-ky/xac-nhan/", {"otp": code})
    response = client.post("/thuc-hanh/dang-ky/mat-khau/", {"password": "lan", "confirm": "lan"})

    assert_error_summary(
        response, "password_short", "password_no_upper", "password_no_digit", "password_no_symbol"
    )


def test_log_in_and_vneid_errors_are_summarised_and_the_fix_logs_in(client, learner):
    card = learner.identity
    response = client.post("/thuc-hanh/dang-nhap/", {"cccd": card.cccd, "password": "sai"})
    assert_error_summary(response, "login_failed")

    phone_off = accounts.identity_issue(ctx=learner, web_login_allowed=False)
    response = client.post("/thuc-hanh/dang-nhap/vneid/", {"identity": phone_off.pk})
    [error] = assert_error_summary(response, "vneid_web_not_allowed")
    assert "Cho phép đăng nhập trên web" in page_text(response)  # the fix, as a button

    client.post("/thuc-hanh/dang-nhap/vneid/", {"identity": phone_off.pk, "action": "allow_web"})
    redirects_to(
        client.post("/thuc-hanh/dang-nhap/vneid/", {"identity": phone_off.pk}),
        "/thuc-hanh/quan-ly-ho-so/",
    )
    assert client.session["sandbox_identity"] == str(phone_off.pk)


def test_wizard_errors_are_summarised_naming_step_and_box(client, learner, khai_sinh):
    dossier = dossier_walk(learner, learner.identity, khai_sinh, DossierStatus.DRAFT)
    dossier.files.all().delete()
    wizard = f"/thuc-hanh/ho-so/{dossier.pk}/buoc"

    data = khai_sinh_form_data(learner.identity, ngay_sinh="2/11/26", ten_tre="")
    errors = assert_error_summary(client.post(f"{wizard}/eform/", data), "required", "date_invalid")
    assert errors[0].full_message == (
        "Tờ khai điện tử, ô “Họ, chữ đệm và tên của trẻ”: Ô này chưa được điền."
    )
    assert_error_summary(
        client.post(f"{wizard}/delivery/", {"delivery_method": "post", "delivery_address": ""}),
        "delivery_address",
    )
    assert_error_summary(
        client.post(f"{wizard}/attachments/", {"continue": "1"}), "attachment_missing"
    )
    response = client.post(f"{wizard}/review/", {})

    # Both steps broken above are no longer done: the review sends the learner back.
    errors = assert_error_summary(
        response, "required", "required", "attachment_missing", "declaration", "consent"
    )
    assert [error.step for error in errors] == [
        "eform",
        "delivery",
        "attachments",
        "review",
        "review",
    ]
    dossier.refresh_from_db()
    assert dossier.is_draft


def test_payment_failures_are_explained_and_reconcile_marks_the_dossier_paid(
    client, learner, khai_sinh
):
    dossier = dossier_walk(learner, learner.identity, khai_sinh, copies="1", pay=False)
    client.post(f"/thuc-hanh/ho-so/{dossier.pk}/thanh-toan/", {"provider": "ngan-hang-a"})
    payment = dossier.payments.get()
    gateway = f"/thuc-hanh/cong-thanh-toan/{payment.pk}/"

    response = client.post(gateway, {"outcome": "debited"})
    [error] = assert_error_summary(response, "payment_debited")
    assert "ĐỪNG thanh toán lại" in page_text(response)
    client.post(gateway, {"outcome": "success"})  # pressed again: changes nothing
    dossier.refresh_from_db()
    payment.refresh_from_db()
    assert dossier.fee_status == PracticeDossier.FeeStatus.PENDING
    assert payment.status == Payment.Status.DEBITED

    redirects_to(client.post(f"{gateway}tra-soat/"), f"/thuc-hanh/ho-so/{dossier.pk}/thanh-toan/")
    redirects_to(
        client.get(f"/thuc-hanh/ho-so/{dossier.pk}/thanh-toan/"),
        f"/thuc-hanh/ho-so/{dossier.pk}/thanh-cong/",
    )
    dossier.refresh_from_db()
    assert dossier.fee_status == PracticeDossier.FeeStatus.PAID
    receipt = client.get(f"/thuc-hanh/bien-lai/{payment.pk}.pdf")
    assert receipt["Content-Type"] == "application/pdf"


def test_desk_refuses_a_supplement_for_a_document_the_procedure_does_not_list(
    client, learner, khai_sinh
):
    official = user_with(roles.OFFICIAL, "can.bo.hoa")
    client.force_login(official)
    learner.owner_key = f"u{official.pk}"
    dossier = dossier_walk(learner, accounts.identity_issue(ctx=learner), khai_sinh)
    url = f"/thuc-hanh/mot-cua/{dossier.pk}/"

    response = client.post(
        url,
        {
            "action": "supplement",
            "other_document": "Sổ hộ khẩu",
            "reason": "Cần xác minh nơi cư trú.",
            "content": "Nộp bản chụp Sổ hộ khẩu.",
        },
    )

    [error] = assert_error_summary(response, "desk_document_not_required")
    assert error.full_message.startswith("Bộ phận một cửa, ô “Sổ hộ khẩu”: ")
    redirects_to(
        client.post(
            url,
            {
                "action": "supplement",
                "documents": ["Giấy chứng sinh"],
                "reason": "Ảnh chụp bị mờ.",
                "content": "Chụp lại Giấy chứng sinh rõ nét.",
            },
        ),
        url,
    )
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.SUPPLEMENT
    assert_error_summary(client.post(url, {"action": "finish"}), "desk_wrong_status")
