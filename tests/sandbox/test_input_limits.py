"""Every box of the sandbox that takes free text has a length limit: 10.000 characters
sent to it are refused with a message naming the box and its limit, and nothing of them
is saved (SQLite would store them, PostgreSQL would answer with an error page). Lengths
are counted after NFC, as the text is stored."""

import html
import unicodedata

import pytest

from home import roles
from sandbox.errors import STEPS, PracticeErrors
from sandbox.models import (
    DossierStatus,
    PracticeAccount,
    Rating,
    SupplementRequest,
)
from sandbox.services import accounts, desk, dossiers
from tests.factories import user_with
from tests.helpers import (
    OFFICER,
    dossier_walk,
    eform_answers,
    jpeg_upload,
    khai_sinh_form_data,
    new_ctx,
    portal_session,
    sandbox_rows_holding,
    seed_procedures,
)

LONG = "ạ" * 10_000  # one character each, in NFC as in NFD… after normalisation
MARK = LONG[:40]  # any part of it kept anywhere would hold this
LY_LICH = "cap-phieu-ly-lich-tu-phap"


def page_text(response):
    return html.unescape(response.content.decode())


def refused(response, step, label, limit):
    """The page shows the summary line naming the step, the box and its limit, and the
    text sent was kept nowhere."""
    assert response.status_code == 200
    [error] = response.context["errors"]
    assert error.code == "too_long"
    assert error.full_message == (
        f"{STEPS[step]}, ô “{label}”: Ô này chỉ nhận tối đa {limit} ký tự, bạn đã gõ "
        "10.000 ký tự. Hãy viết ngắn gọn lại."
    )
    assert error.full_message in page_text(response)
    assert sandbox_rows_holding(MARK) == []
    return error


# --- registration and log-in -------------------------------------------------------------


def registration_form(client, card, **changes):
    client.get("/thuc-hanh/dang-ky/")
    return {
        "cccd": card.cccd,
        "full_name": card.full_name,
        "birth_date": card.birth_date.strftime("%d/%m/%Y"),
        "phone": card.phone,
        "captcha": client.session["sandbox_captcha"],
        **changes,
    }


@pytest.mark.parametrize(
    ("box", "label", "limit"), [("full_name", "Họ và tên", "100"), ("email", "Thư điện tử", "254")]
)
def test_registration_refuses_an_over_long_name_or_email(client, db, box, label, limit):
    ctx = new_ctx()
    card = accounts.identity_issue(ctx=ctx)
    portal_session(client, ctx.owner_key)
    text = LONG if box == "full_name" else f"{LONG[:-8]}@mail.vn"

    response = client.post("/thuc-hanh/dang-ky/", registration_form(client, card, **{box: text}))

    assert response.status_code == 200
    [error] = response.context["errors"]
    assert error.code == "too_long"
    assert error.full_message.startswith(f"{STEPS['register']}, ô “{label}”: ")
    assert f"tối đa {limit} ký tự" in error.full_message
    assert not PracticeAccount.objects.exists()
    assert sandbox_rows_holding(MARK) == []


def test_an_over_long_password_is_refused_when_set_and_when_logging_in(client, db):
    ctx = new_ctx()
    card = accounts.identity_issue(ctx=ctx)
    portal_session(client, ctx.owner_key)
    client.post("/thuc-hanh/dang-ky/", registration_form(client, card))
    client.post("/thuc-hanh/dang-ky/xac-nhan/", {"otp": card.otps.get().code})
    password = f"Lua@2026{LONG}"

    response = client.post(
        "/thuc-hanh/dang-ky/mat-khau/", {"password": password, "confirm": password}
    )

    [error] = response.context["errors"]
    assert error.full_message.startswith(f"{STEPS['password']}, ô “Mật khẩu”: ")
    assert "tối đa 128 ký tự" in error.plain
    assert not PracticeAccount.objects.get().is_active

    client.post(
        "/thuc-hanh/dang-ky/mat-khau/", {"password": "Lua@2026nam", "confirm": "Lua@2026nam"}
    )
    response = client.post("/thuc-hanh/dang-nhap/", {"cccd": card.cccd, "password": password})
    [error] = response.context["errors"]
    assert error.full_message.startswith(f"{STEPS['login']}, ô “Mật khẩu”: ")
    assert "tối đa 128 ký tự" in error.plain


# --- the e-form, every kind of box --------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "code", "words"),
    [
        ("ho_ten", "too_long", "tối đa 100 ký tự"),  # a name: as on the ID card
        ("noi_sinh", "too_long", "tối đa 200 ký tự"),  # one line of text
        ("qua_trinh_cu_tru", "too_long", "tối đa 2.000 ký tự"),  # a paragraph
        ("ngay_sinh", "too_long", "tối đa 20 ký tự"),
        ("so_luong_phieu", "too_long", "tối đa 20 ký tự"),
        ("so_dien_thoai", "phone_format", "10 chữ số"),
        ("cccd", "cccd_format", "đúng 12 chữ số"),
        ("loai_phieu", "choice", "các lựa chọn có sẵn"),
    ],
)
def test_each_kind_of_e_form_box_refuses_10000_characters_and_keeps_none(
    practice_ctx, identity, key, code, words
):
    procedure = seed_procedures(LY_LICH)
    dossier = dossiers.dossier_start(
        ctx=practice_ctx, identity=identity, procedure=procedure, agency_name="Công an tỉnh"
    )
    form = procedure.practice_form
    label = next(field["label"] for field in form.fields() if field["key"] == key)

    with pytest.raises(PracticeErrors) as failure:
        dossiers.dossier_save_eform(
            ctx=practice_ctx, dossier=dossier, data=eform_answers(form, identity, **{key: LONG})
        )

    [error] = failure.value.errors
    assert error.code == code
    assert error.full_message.startswith(f"{STEPS['eform']}, ô “{label}”: ")
    assert words in error.plain
    dossier.refresh_from_db()
    assert dossier.form_data[key] == ""
    assert dossier.form_data["noi_thuong_tru"]  # the rest of the draft is kept
    assert sandbox_rows_holding(MARK) == []


def test_an_editor_sets_a_text_boxs_limit_in_the_schema(practice_ctx, identity, khai_sinh):
    from sandbox.models import PracticeForm

    form = PracticeForm.objects.get(procedure=khai_sinh)
    sections = form.sections.raw_data
    for item in sections[1]["value"]["fields"]:
        field = item.get("value", item)  # a list item as stored, or a bare dict
        if field["key"] == "dan_toc":
            field["max_length"] = 5
    form.sections = sections
    form.save()
    dossier = dossiers.dossier_start(
        ctx=practice_ctx, identity=identity, procedure=khai_sinh, agency_name="UBND xã"
    )

    with pytest.raises(PracticeErrors) as failure:
        dossiers.dossier_save_eform(
            ctx=practice_ctx,
            dossier=dossier,
            data=khai_sinh_form_data(identity, dan_toc="Khmer Krom"),
        )

    [error] = failure.value.errors
    assert "ô “Dân tộc”: Ô này chỉ nhận tối đa 5 ký tự, bạn đã gõ 10 ký tự" in error.full_message


def test_the_e_form_page_names_the_box_and_its_limit(signed_in, practice_ctx, identity, khai_sinh):
    dossier = dossier_walk(practice_ctx, identity, khai_sinh, DossierStatus.DRAFT)

    response = signed_in.post(
        f"/thuc-hanh/ho-so/{dossier.pk}/buoc/eform/",
        khai_sinh_form_data(identity, noi_sinh=LONG),
    )

    refused(response, "eform", "Nơi sinh", "200")


# --- the other wizard steps --------------------------------------------------------------


def test_the_proxys_over_long_name_is_refused_and_nothing_is_saved(
    signed_in, practice_ctx, identity, khai_sinh
):
    dossier = dossier_walk(practice_ctx, identity, khai_sinh, DossierStatus.DRAFT)

    response = signed_in.post(
        f"/thuc-hanh/ho-so/{dossier.pk}/buoc/applicant/",
        {"proxy_name": LONG, "proxy_cccd": identity.cccd, "proxy_phone": "0912345678"},
    )

    refused(response, "applicant", "Họ và tên người được ủy quyền", "100")
    dossier.refresh_from_db()
    assert dossier.applicant == {"is_owner": True}


def test_an_over_long_delivery_address_is_refused_not_cut_short(
    signed_in, practice_ctx, identity, khai_sinh
):
    dossier = dossier_walk(practice_ctx, identity, khai_sinh, DossierStatus.DRAFT)

    response = signed_in.post(
        f"/thuc-hanh/ho-so/{dossier.pk}/buoc/delivery/",
        {"delivery_method": "post", "delivery_address": LONG},
    )

    refused(response, "delivery", "Địa chỉ nhận kết quả", "250")
    dossier.refresh_from_db()
    assert dossier.delivery_method == "online"  # as saved before, untouched
    assert dossier.delivery_address == ""


# --- after submission: supplement, withdrawal, rating, lookup, search ------------------------


def test_an_over_long_supplement_note_is_refused_with_its_photos(
    signed_in, practice_ctx, identity, khai_sinh
):
    dossier = dossier_walk(practice_ctx, identity, khai_sinh, DossierStatus.PROCESSING)
    desk.desk_request_supplement(
        ctx=practice_ctx,
        dossier=dossier,
        officer=OFFICER,
        documents=["Giấy chứng sinh"],
        reason="Ảnh chụp bị mờ, không đọc được họ tên mẹ.",
        content="Chụp lại Giấy chứng sinh rõ nét, đủ bốn góc.",
    )
    files = dossier.files.count()

    response = signed_in.post(
        f"/thuc-hanh/ho-so/{dossier.pk}/",
        {"action": "supplement", "note": LONG, "files": jpeg_upload("chup-lai.jpg")},
    )

    refused(response, "supplement", "Thông tin bổ sung", "1.000")
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.SUPPLEMENT
    assert SupplementRequest.objects.get().answered_at is None
    assert dossier.files.count() == files


def test_an_over_long_withdrawal_reason_is_refused(signed_in, practice_ctx, identity, khai_sinh):
    dossier = dossier_walk(practice_ctx, identity, khai_sinh, DossierStatus.RECEIVED)

    response = signed_in.post(
        f"/thuc-hanh/ho-so/{dossier.pk}/", {"action": "withdraw", "reason": LONG}
    )

    refused(response, "tracking", "Lý do rút hồ sơ", "1.000")
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.RECEIVED


def test_an_over_long_rating_comment_is_refused(signed_in, practice_ctx, identity, khai_sinh):
    dossier = dossier_walk(practice_ctx, identity, khai_sinh, DossierStatus.DONE)

    response = signed_in.post(
        f"/thuc-hanh/ho-so/{dossier.pk}/", {"action": "rate", "score": "5", "comment": LONG}
    )

    refused(response, "rating", "Góp ý", "1.000")
    assert not Rating.objects.exists()


def test_an_over_long_lookup_code_is_refused(signed_in):
    response = signed_in.get("/thuc-hanh/tra-cuu/", {"ma": LONG, "cccd": "099203001234"})

    refused(response, "tracking", "Mã hồ sơ", "40")
    assert response.context["found"] is None


def test_an_over_long_search_is_refused(signed_in, khai_sinh):
    response = signed_in.get("/thuc-hanh/thu-tuc/", {"q": LONG})

    refused(response, "find", "Từ khóa", "200")
    assert [page.slug for page in response.context["procedures"]] == ["dang-ky-khai-sinh"]


# --- the one-stop desk --------------------------------------------------------------------


@pytest.fixture
def official(client, khai_sinh):
    """An official logged in to the platform, practising the desk on a new dossier."""
    user = user_with(roles.OFFICIAL, "can.bo.hoa")
    client.force_login(user)
    ctx = new_ctx()
    ctx.owner_key = f"u{user.pk}"
    ctx.identity = accounts.identity_issue(ctx=ctx)
    return ctx


@pytest.mark.parametrize(
    ("status", "data", "label", "limit"),
    [
        (
            DossierStatus.NEW,
            {
                "action": "supplement",
                "other_document": LONG,
                "reason": "Ảnh mờ quá",
                "content": "Chụp lại",
            },
            "Giấy tờ khác (ghi rõ)",
            "200",
        ),
        (
            DossierStatus.NEW,
            {
                "action": "supplement",
                "documents": "Giấy chứng sinh",
                "reason": LONG,
                "content": "Chụp lại",
            },
            "Lý do bổ sung",
            "1.000",
        ),
        (
            DossierStatus.NEW,
            {
                "action": "supplement",
                "documents": "Giấy chứng sinh",
                "reason": "Ảnh mờ quá",
                "content": LONG,
            },
            "Nội dung cần bổ sung",
            "1.000",
        ),
        (DossierStatus.NEW, {"action": "reject", "reason": LONG}, "Lý do từ chối", "1.000"),
        (
            DossierStatus.PROCESSING,
            {"action": "finish", "summary": LONG},
            "Trích yếu kết quả",
            "250",
        ),
        (
            DossierStatus.PROCESSING,
            {"action": "financial", "amount": "5000", "note": LONG},
            "Nội dung",
            "1.000",
        ),
        (DossierStatus.RECEIVED, {"action": "apologise", "reason": LONG}, "Lý do", "1.000"),
    ],
)
def test_the_desk_refuses_over_long_reasons_and_notes(
    client, official, khai_sinh, status, data, label, limit
):
    dossier = dossier_walk(official, official.identity, khai_sinh, status)
    events = dossier.events.count()

    response = client.post(f"/thuc-hanh/mot-cua/{dossier.pk}/", data)

    refused(response, "desk", label, limit)
    dossier.refresh_from_db()
    assert dossier.status == status
    assert dossier.events.count() == events
    assert not SupplementRequest.objects.exists()


# --- decomposed (NFD) Vietnamese ------------------------------------------------------------


def test_a_name_typed_in_nfd_is_stored_nfc_and_counted_after_normalising(
    practice_ctx, identity, khai_sinh
):
    name = "Nguyễn Thị Hoa"
    nfd = unicodedata.normalize("NFD", name)
    assert len(nfd) > len(name)
    # 100 characters once normalised, more than 100 as the phone sent them.
    padded = (name + " ") * 7
    padded = padded[:100]
    assert len(padded) == 100 and not padded.endswith(" ")
    sent = unicodedata.normalize("NFD", padded)
    assert len(sent) > 100
    dossier = dossiers.dossier_start(
        ctx=practice_ctx, identity=identity, procedure=khai_sinh, agency_name="UBND xã"
    )

    dossiers.dossier_save_eform(
        ctx=practice_ctx,
        dossier=dossier,
        data=khai_sinh_form_data(identity, ten_tre=nfd, me_ho_ten=sent),
    )
    dossier.refresh_from_db()
    assert dossier.form_data["ten_tre"] == name
    assert dossier.form_data["me_ho_ten"] == padded
    assert unicodedata.is_normalized("NFC", dossier.form_data["me_ho_ten"])

    dossiers.dossier_save_applicant(
        ctx=practice_ctx,
        dossier=dossier,
        data={"proxy_name": sent, "proxy_cccd": identity.cccd, "proxy_phone": "0912345678"},
    )
    dossier.refresh_from_db()
    assert dossier.applicant["proxy_name"] == padded

    with pytest.raises(PracticeErrors) as failure:  # one character more is too long
        dossiers.dossier_save_eform(
            ctx=practice_ctx,
            dossier=dossier,
            data=khai_sinh_form_data(identity, me_ho_ten=sent + "a"),
        )
    [error] = failure.value.errors
    assert "tối đa 100 ký tự, bạn đã gõ 101 ký tự" in error.plain
