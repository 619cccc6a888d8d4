"""Every box that takes an ID number (the citizen's, the parents', the person declaring
the birth, the proxy's, the spouse's, the business owner's) accepts only practice
numbers (099…), with the same explanation as registration, and a real-looking number
never reaches a dossier or its history rows."""

import html

import pytest

from django.core.exceptions import ValidationError

from sandbox.blocks import EFormFieldBlock, looks_like_id_field
from sandbox.demo.forms import PRACTICE_FORMS
from sandbox.errors import MESSAGES, STEPS, PracticeErrors
from sandbox.models import DossierStatus, PracticeForm
from sandbox.services import dossiers
from tests.helpers import (
    KHAI_SINH,
    REAL_LOOKING_CCCD,
    dossier_walk,
    eform_answers,
    khai_sinh_form_data,
    sandbox_rows_holding,
    seed_procedures,
)

NOT_PRACTICE = MESSAGES["cccd_not_practice"][0]
FORMAT = MESSAGES["cccd_format"][0]

# Who each demo e-form asks an ID number of.
ID_BOXES = {
    "dang-ky-khai-sinh": {"nguoi_khai_cccd", "me_so_dinh_danh", "cha_so_dinh_danh"},
    "lien-thong-khai-sinh": {"nguoi_khai_cccd", "me_so_dinh_danh", "cha_so_dinh_danh"},
    "dang-ky-ket-hon": {"ban_cccd", "nguoi_kia_cccd"},
    "cap-phieu-ly-lich-tu-phap": {"cccd"},
    "dang-ky-ho-kinh-doanh": {"chu_ho_cccd"},
    "dang-ky-bien-dong-dat-dai": {"nguoi_su_dung_cccd"},
    "dang-ky-thuong-tru": {"so_dinh_danh", "chu_ho_so_dinh_danh"},
}
EVERY_ID_BOX = [(slug, key) for slug, keys in ID_BOXES.items() for key in sorted(keys)]


def draft_of(ctx, identity, slug):
    procedure = seed_procedures(slug)
    return dossiers.dossier_start(
        ctx=ctx, identity=identity, procedure=procedure, agency_name="Ủy ban nhân dân (luyện tập)"
    )


def practice_number(identity):
    """Another practice number than the learner's own (a parent's, a spouse's)."""
    return "099" + ("1" if identity.cccd[3] != "1" else "2") + identity.cccd[4:]


def test_every_id_number_box_of_the_demo_e_forms_is_an_id_field():
    for slug, form in PRACTICE_FORMS.items():
        fields = [field for section in form["sections"] for field in section["fields"]]
        asking_for_ids = {
            field["key"]
            for field in fields
            if field["kind"] == "cccd" or looks_like_id_field(field["key"], field["label"])
        }
        assert asking_for_ids == ID_BOXES[slug], slug
        assert {field["key"] for field in fields if field["kind"] == "cccd"} == ID_BOXES[slug]
        for field in fields:  # and the admin accepts every demo field as it is
            EFormFieldBlock().clean(dict(field))


@pytest.mark.parametrize(("slug", "key"), EVERY_ID_BOX)
def test_a_real_looking_id_number_is_refused_and_kept_nowhere(practice_ctx, identity, slug, key):
    dossier = draft_of(practice_ctx, identity, slug)
    form = dossier.procedure.practice_form
    label = next(field["label"] for field in form.fields() if field["key"] == key)
    typed = f"{REAL_LOOKING_CCCD[:3]} {REAL_LOOKING_CCCD[3:6]} {REAL_LOOKING_CCCD[6:]}"

    with pytest.raises(PracticeErrors) as failure:
        dossiers.dossier_save_eform(
            ctx=practice_ctx,
            dossier=dossier,
            data=eform_answers(form, identity, **{key: typed}),
        )

    [error] = failure.value.errors
    assert error.code == "cccd_not_practice"
    assert error.full_message == f"{STEPS['eform']}, ô “{label}”: {NOT_PRACTICE}"
    assert "099" in error.plain and "Lấy số CCCD luyện tập" in error.plain
    dossier.refresh_from_db()
    assert dossier.form_data[key] == ""
    assert "eform" not in dossier.wizard_steps_done
    assert dossier.history.count() >= 2  # the draft was saved, without the number
    assert sandbox_rows_holding(REAL_LOOKING_CCCD) == []
    assert sandbox_rows_holding(typed) == []


@pytest.mark.parametrize(("slug", "key"), EVERY_ID_BOX)
def test_a_practice_number_passes_every_id_box(practice_ctx, identity, slug, key):
    dossier = draft_of(practice_ctx, identity, slug)
    form = dossier.procedure.practice_form
    number = practice_number(identity)
    grouped = f"{number[:4]} {number[4:8]} {number[8:]}"  # as printed on the card

    dossiers.dossier_save_eform(
        ctx=practice_ctx, dossier=dossier, data=eform_answers(form, identity, **{key: grouped})
    )

    dossier.refresh_from_db()
    assert dossier.form_data[key] == number
    assert "eform" in dossier.wizard_steps_done


@pytest.mark.parametrize("typed", ["07920300123", "0792030012345", "09920300123a", "099-203-001"])
def test_an_id_number_that_is_not_12_digits_gets_the_format_message(
    practice_ctx, identity, khai_sinh, typed
):
    dossier = draft_of(practice_ctx, identity, KHAI_SINH)

    with pytest.raises(PracticeErrors) as failure:
        dossiers.dossier_save_eform(
            ctx=practice_ctx,
            dossier=dossier,
            data=khai_sinh_form_data(identity, cha_so_dinh_danh=typed),
        )

    [error] = failure.value.errors
    assert error.code == "cccd_format"
    assert error.plain == FORMAT
    assert "ô “Số định danh cá nhân (số căn cước) của cha”" in error.full_message
    dossier.refresh_from_db()
    assert dossier.form_data["cha_so_dinh_danh"] == ""  # a mistyped real number neither
    assert sandbox_rows_holding(typed) == []


def test_the_proxys_real_looking_id_number_is_refused_before_anything_is_saved(
    practice_ctx, identity, khai_sinh
):
    dossier = draft_of(practice_ctx, identity, KHAI_SINH)
    proxy = {"proxy_name": "Trần Văn Tùng", "proxy_phone": "0912345678"}

    with pytest.raises(PracticeErrors) as failure:
        dossiers.dossier_save_applicant(
            ctx=practice_ctx, dossier=dossier, data={**proxy, "proxy_cccd": REAL_LOOKING_CCCD}
        )

    [error] = failure.value.errors
    assert error.full_message == (
        f"{STEPS['applicant']}, ô “Số CCCD người được ủy quyền”: {NOT_PRACTICE}"
    )
    dossier.refresh_from_db()
    assert dossier.applicant == {"is_owner": True}
    assert sandbox_rows_holding(REAL_LOOKING_CCCD) == []

    number = practice_number(identity)
    dossiers.dossier_save_applicant(
        ctx=practice_ctx, dossier=dossier, data={**proxy, "proxy_cccd": f" {number} "}
    )
    dossier.refresh_from_db()
    assert dossier.applicant["proxy_cccd"] == number
    assert "applicant" in dossier.wizard_steps_done


def test_the_birth_registration_page_explains_and_keeps_no_real_number(
    signed_in, practice_ctx, identity, khai_sinh
):
    dossier = dossier_walk(practice_ctx, identity, khai_sinh, DossierStatus.DRAFT)
    url = f"/thuc-hanh/ho-so/{dossier.pk}/buoc/eform/"
    data = khai_sinh_form_data(identity, me_so_dinh_danh=REAL_LOOKING_CCCD)

    response = signed_in.post(url, data)

    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    assert f"Tờ khai điện tử, ô “Số định danh cá nhân (số căn cước) của mẹ”: {NOT_PRACTICE}" in text
    assert sandbox_rows_holding(REAL_LOOKING_CCCD) == []

    # The practice journey goes on with a practice number.
    data["me_so_dinh_danh"] = identity.cccd
    response = signed_in.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == f"/thuc-hanh/ho-so/{dossier.pk}/buoc/delivery/"


def test_the_admin_refuses_an_id_box_built_as_plain_text():
    block = EFormFieldBlock()
    field = {
        "key": "so_dinh_danh_nguoi_giam_ho",
        "label": "Số định danh cá nhân của người giám hộ",
        "kind": "text",
        "required": True,
        "choices": "",
        "prefill": "",
        "help_text": "",
        "guide": "",
        "max_length": None,
    }

    with pytest.raises(ValidationError) as refused:
        block.clean(field)

    assert "số luyện tập 099" in str(refused.value.block_errors["kind"])
    block.clean({**field, "kind": "cccd"})
    # The date or place a card was issued is no ID number.
    block.clean({**field, "key": "ngay_cap_cccd", "label": "Ngày cấp CCCD", "kind": "date"})
    block.clean({**field, "key": "noi_cap_cccd", "label": "Nơi cấp CCCD", "kind": "text"})


def test_an_id_box_saved_as_text_outside_the_admin_still_takes_only_practice_numbers(
    practice_ctx, identity, khai_sinh
):
    form = PracticeForm.objects.get(procedure=khai_sinh)
    sections = form.sections.raw_data
    extra = {
        "key": "giam_ho_so",
        "label": "Số định danh cá nhân của người giám hộ",
        "kind": "text",
        "required": False,
        "choices": "",
        "prefill": "",
        "help_text": "",
        "guide": "",
    }
    sections[0]["value"]["fields"].append(extra)
    form.sections = sections
    form.save()
    dossier = draft_of(practice_ctx, identity, KHAI_SINH)

    with pytest.raises(PracticeErrors) as failure:
        dossiers.dossier_save_eform(
            ctx=practice_ctx,
            dossier=dossier,
            data=khai_sinh_form_data(identity, giam_ho_so=REAL_LOOKING_CCCD),
        )

    assert [error.code for error in failure.value.errors] == ["cccd_not_practice"]
    assert sandbox_rows_holding(REAL_LOOKING_CCCD) == []


def test_a_real_looking_number_typed_into_a_text_box_is_not_kept(practice_ctx, identity, khai_sinh):
    dossier = draft_of(practice_ctx, identity, KHAI_SINH)

    with pytest.raises(PracticeErrors) as failure:
        dossiers.dossier_save_eform(
            ctx=practice_ctx,
            dossier=dossier,
            data=khai_sinh_form_data(identity, noi_sinh=f"Nhà số {REAL_LOOKING_CCCD}"),
        )

    [error] = failure.value.errors
    assert error.code == "cccd_not_practice"
    assert error.field == "noi_sinh"
    assert sandbox_rows_holding(REAL_LOOKING_CCCD) == []


def test_lookup_with_a_real_looking_number_explains_instead_of_searching(signed_in):
    response = signed_in.get("/thuc-hanh/tra-cuu/", {"ma": "000", "cccd": REAL_LOOKING_CCCD})

    [error] = response.context["errors"]
    assert error.code == "cccd_not_practice"
    assert NOT_PRACTICE in html.unescape(response.content.decode())
    assert f'value="{REAL_LOOKING_CCCD}"' not in response.content.decode()  # not filled back
