"""The citizen's wizard: each missing or mistyped thing is refused naming the step and
the box, a complete dossier gets a code in the real format, and the exercises notice by
themselves when the learner has done what was asked."""

import datetime
import re

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from sandbox import selectors as sandbox_selectors
from sandbox.codes import CODE_PATTERN
from sandbox.errors import STEPS, PracticeErrors
from sandbox.models import (
    DossierAttachment,
    DossierStatus,
    Exercise,
    PracticeDossier,
    PracticeEvent,
    SimulatedMessage,
)
from sandbox.services import attachments, desk, dossiers, payments, tracking
from sandbox.services.exercises import exercise_start
from tests.helpers import (
    OFFICER,
    dossier_draft,
    error_codes,
    jpeg_upload,
    khai_sinh_form_data,
    vn_time,
)


def located(error):
    """What the learner reads first: the step, then the box."""
    return error.full_message.split(": ", 1)[0]


@pytest.fixture
def draft(practice_ctx, identity, khai_sinh):
    return dossiers.dossier_start(
        ctx=practice_ctx,
        identity=identity,
        procedure=khai_sinh,
        agency_name="Ủy ban nhân dân xã Đầm Dơi – tỉnh Cà Mau (luyện tập)",
    )


# --- the e-form -------------------------------------------------------------------------


def test_empty_e_form_names_every_required_box_and_keeps_nothing_half_done(practice_ctx, draft):
    with pytest.raises(PracticeErrors) as failure:
        dossiers.dossier_save_eform(ctx=practice_ctx, dossier=draft, data={})

    messages = [error.full_message for error in failure.value.errors]
    assert set(error_codes(failure)) == {"required"}
    assert f"{STEPS['eform']}, ô “Họ, chữ đệm và tên của trẻ”: Ô này chưa được điền." in messages
    assert f"{STEPS['eform']}, ô “Ngày, tháng, năm sinh của trẻ”: Ô này chưa được điền." in (
        messages
    )
    labels = {error.field_label for error in failure.value.errors}
    assert "Họ, chữ đệm và tên của cha" not in labels  # the father's part may stay empty
    draft.refresh_from_db()
    assert "eform" not in draft.wizard_steps_done


@pytest.mark.parametrize(
    ("typed", "code", "words"),
    [("02112026", "date_no_slash", "dấu “/”"), ("31/02/2026", "date_invalid", "không có thật")],
)
def test_bad_date_in_the_e_form_is_refused_and_what_was_typed_is_kept(
    practice_ctx, identity, draft, typed, code, words
):
    data = khai_sinh_form_data(identity, ngay_sinh=typed)

    with pytest.raises(PracticeErrors) as failure:
        dossiers.dossier_save_eform(ctx=practice_ctx, dossier=draft, data=data)

    [error] = failure.value.errors
    assert error.code == code
    assert located(error) == f"{STEPS['eform']}, ô “Ngày, tháng, năm sinh của trẻ”"
    assert words in error.plain
    draft.refresh_from_db()
    assert draft.form_data["ten_tre"] == "Nguyễn Minh Khang"  # nothing to type again


def test_e_form_checks_cccd_number_and_choice_boxes(practice_ctx, identity, draft):
    data = khai_sinh_form_data(
        identity, me_so_dinh_danh="09912345", me_nam_sinh="năm 95", gioi_tinh="Trai"
    )

    with pytest.raises(PracticeErrors) as failure:
        dossiers.dossier_save_eform(ctx=practice_ctx, dossier=draft, data=data)

    assert {located(error) for error in failure.value.errors} == {
        f"{STEPS['eform']}, ô “Số định danh cá nhân (số căn cước) của mẹ”",
        f"{STEPS['eform']}, ô “Năm sinh của mẹ”",
        f"{STEPS['eform']}, ô “Giới tính”",
    }


# --- applicant and delivery -------------------------------------------------------------


def test_someone_submitting_for_another_person_must_give_their_details(practice_ctx, draft):
    with pytest.raises(PracticeErrors) as failure:
        dossiers.dossier_save_applicant(
            ctx=practice_ctx,
            dossier=draft,
            data={"proxy_name": "Trần Văn Tùng", "proxy_cccd": "0991", "proxy_phone": ""},
        )

    assert {located(error) for error in failure.value.errors} == {
        f"{STEPS['applicant']}, ô “Số điện thoại người được ủy quyền”",
        f"{STEPS['applicant']}, ô “Số CCCD người được ủy quyền”",
    }


def test_delivery_by_post_needs_an_address(practice_ctx, draft):
    with pytest.raises(PracticeErrors) as failure:
        dossiers.dossier_save_delivery(ctx=practice_ctx, dossier=draft, method="post", address="")

    [error] = failure.value.errors
    assert error.code == "delivery_address"
    assert located(error) == f"{STEPS['delivery']}, ô “Địa chỉ nhận kết quả”"
    assert "bưu điện" in error.plain

    dossiers.dossier_save_delivery(
        ctx=practice_ctx,
        dossier=draft,
        method="post",
        address="Ấp Tân Lập, xã Đầm Dơi, tỉnh Cà Mau",
    )
    draft.refresh_from_db()
    assert "delivery" in draft.wizard_steps_done


def test_no_delivery_choice_is_refused(practice_ctx, draft):
    with pytest.raises(PracticeErrors) as failure:
        dossiers.dossier_save_delivery(ctx=practice_ctx, dossier=draft, method="")

    assert located(failure.value.errors[0]) == (f"{STEPS['delivery']}, ô “Hình thức nhận kết quả”")


# --- attachments and submission ---------------------------------------------------------


def test_only_the_documents_people_must_photograph_are_asked_for(draft):
    slots = sandbox_selectors.attachment_slots(draft)

    names = [slot["name"] for slot in slots]
    assert "Giấy chứng sinh" in names
    assert "Tờ khai đăng ký khai sinh" not in names  # the e-form replaces it
    assert "Giấy tờ tùy thân của người đi khai (căn cước)" not in names  # looked up
    assert [slot["name"] for slot in slots if slot["required"]] == ["Giấy chứng sinh"]


def test_missing_attachment_declaration_and_consent_are_all_named(
    practice_ctx, identity, khai_sinh
):
    dossier = dossier_draft(practice_ctx, identity, khai_sinh)
    dossier.files.all().delete()

    with pytest.raises(PracticeErrors) as failure:
        dossiers.dossier_submit(ctx=practice_ctx, dossier=dossier, declaration=False, consent="")

    assert [located(error) for error in failure.value.errors] == [
        f"{STEPS['attachments']}, ô “Giấy chứng sinh”",
        f"{STEPS['review']}, ô “Lời cam đoan”",
        f"{STEPS['review']}, ô “Đồng ý xử lý dữ liệu cá nhân”",
    ]
    assert "hồ sơ trống" in failure.value.errors[0].plain
    dossier.refresh_from_db()
    assert dossier.is_draft and dossier.code is None


def test_skipped_wizard_steps_are_named_before_submission(practice_ctx, draft):
    with pytest.raises(PracticeErrors) as failure:
        dossiers.dossier_submit(ctx=practice_ctx, dossier=draft, declaration=True, consent=True)

    assert [located(error) for error in failure.value.errors] == [
        f"{STEPS['applicant']}, ô “Thông tin người nộp”",
        f"{STEPS['eform']}, ô “Tờ khai điện tử”",
        f"{STEPS['delivery']}, ô “Hình thức nhận kết quả”",
        f"{STEPS['attachments']}, ô “Giấy chứng sinh”",
    ]


def test_a_refused_photo_names_the_document_it_was_for(practice_ctx, draft):
    slot = sandbox_selectors.attachment_slots(draft)[0]
    pdf = SimpleUploadedFile("giay.pdf", b"%PDF-1.7\n%%EOF\n", content_type="application/pdf")

    with pytest.raises(PracticeErrors) as failure:
        attachments.dossier_attach(ctx=practice_ctx, dossier=draft, slot=slot["slot"], uploaded=pdf)

    [error] = failure.value.errors
    assert located(error) == f"{STEPS['attachments']}, ô “Giấy chứng sinh”"
    assert "PDF" in error.plain
    assert not draft.files.exists()


def test_going_back_and_breaking_a_saved_step_stops_the_submission(
    practice_ctx, identity, khai_sinh
):
    dossier = dossier_draft(practice_ctx, identity, khai_sinh)
    with pytest.raises(PracticeErrors):
        dossiers.dossier_save_eform(
            ctx=practice_ctx, dossier=dossier, data=khai_sinh_form_data(identity, ten_tre="")
        )
    with pytest.raises(PracticeErrors):
        dossiers.dossier_save_delivery(ctx=practice_ctx, dossier=dossier, method="post")

    with pytest.raises(PracticeErrors) as failure:
        dossiers.dossier_submit(ctx=practice_ctx, dossier=dossier, declaration=True, consent=True)

    assert [located(error) for error in failure.value.errors] == [
        f"{STEPS['eform']}, ô “Tờ khai điện tử”",
        f"{STEPS['delivery']}, ô “Hình thức nhận kết quả”",
    ]
    dossier.refresh_from_db()
    assert dossier.is_draft


def test_errors_of_the_wizard_are_recorded_with_code_step_and_field(practice_ctx, draft):
    with pytest.raises(PracticeErrors):
        dossiers.dossier_save_delivery(ctx=practice_ctx, dossier=draft, method="post")
    with pytest.raises(PracticeErrors):
        dossiers.dossier_submit(ctx=practice_ctx, dossier=draft, declaration=True, consent=False)

    recorded = set(
        PracticeEvent.objects.filter(
            owner_key=practice_ctx.owner_key, kind=PracticeEvent.Kind.ERROR
        ).values_list("error_code", "step", "field")
    )
    assert ("delivery_address", "delivery", "delivery_address") in recorded
    assert ("consent", "review", "consent") in recorded
    assert ("attachment_missing", "attachments", "slot_1") in recorded


def test_submission_gives_a_code_sends_sms_and_email_and_a_second_press_changes_nothing(
    practice_ctx, identity, khai_sinh
):
    dossier = dossier_draft(practice_ctx, identity, khai_sinh)

    sent = dossiers.dossier_submit(
        ctx=practice_ctx, dossier=dossier, declaration=True, consent=True
    )
    again = dossiers.dossier_submit(
        ctx=practice_ctx, dossier=dossier, declaration=True, consent=True
    )

    assert sent.status == DossierStatus.NEW and CODE_PATTERN.match(sent.code)
    assert again.code == sent.code
    assert PracticeDossier.objects.filter(owner_key=practice_ctx.owner_key).count() == 1
    assert sent.fee_status == PracticeDossier.FeeStatus.NONE  # khai sinh is free online
    messages = SimulatedMessage.objects.filter(dossier=sent)
    assert sorted(messages.values_list("channel", flat=True)) == ["email", "sms"]
    assert all(sent.code in message.body for message in messages)


def test_each_copy_of_the_birth_certificate_costs_8000_dong(practice_ctx, identity, khai_sinh):
    dossier = dossier_draft(practice_ctx, identity, khai_sinh, copies="2")

    dossier = dossiers.dossier_submit(
        ctx=practice_ctx, dossier=dossier, declaration=True, consent=True
    )

    assert dossier.fee_amount == 16000
    assert dossier.fee_status == PracticeDossier.FeeStatus.UNPAID
    email = SimulatedMessage.objects.get(dossier=dossier, channel="email")
    assert "16.000" in email.body


# --- dossier codes ----------------------------------------------------------------------


def test_codes_follow_the_real_format_with_a_counter_per_day(practice_ctx, identity, khai_sinh):
    def submit_at(moment):
        practice_ctx.now = moment
        dossier = dossier_draft(practice_ctx, identity, khai_sinh)
        return dossiers.dossier_submit(
            ctx=practice_ctx, dossier=dossier, declaration=True, consent=True
        ).code

    codes = [
        submit_at(vn_time(2026, 11, 2, 8, 0)),
        submit_at(vn_time(2026, 11, 2, 16, 30)),
        submit_at(vn_time(2026, 11, 3, 7, 45)),
    ]

    assert codes == [
        "000.00.00.H99-261102-0001",
        "000.00.00.H99-261102-0002",
        "000.00.00.H99-261103-0001",
    ]


def test_a_dossier_sent_early_in_the_morning_carries_that_days_date(
    practice_ctx, identity, khai_sinh
):
    # 06:30 on 3 November in Việt Nam is still 2 November in UTC, the server's clock.
    practice_ctx.now = datetime.datetime(2026, 11, 2, 23, 30, tzinfo=datetime.UTC)
    dossier = dossier_draft(practice_ctx, identity, khai_sinh)

    code = dossiers.dossier_submit(
        ctx=practice_ctx, dossier=dossier, declaration=True, consent=True
    ).code

    assert re.fullmatch(r"000\.00\.00\.H99-261103-\d{4}", code)


# --- supplement -------------------------------------------------------------------------


def test_citizen_answers_a_supplement_request_with_a_new_photo(practice_ctx, walk):
    dossier = walk(DossierStatus.PROCESSING)
    desk.desk_request_supplement(
        ctx=practice_ctx,
        dossier=dossier,
        officer=OFFICER,
        documents=["Giấy chứng sinh"],
        reason="Ảnh chụp bị mờ, không đọc được họ tên mẹ.",
        content="Chụp lại Giấy chứng sinh rõ nét, đủ bốn góc.",
    )
    dossier.refresh_from_db()

    with pytest.raises(PracticeErrors) as failure:
        attachments.supplement_send(ctx=practice_ctx, dossier=dossier, note="", uploaded_files=[])
    [error] = failure.value.errors
    assert located(error) == f"{STEPS['supplement']}, ô “Tệp bổ sung”"
    assert error.code == "supplement_missing_file"

    attachments.supplement_send(
        ctx=practice_ctx,
        dossier=dossier,
        note="Đã chụp lại rõ nét.",
        uploaded_files=[jpeg_upload("chup-lai.jpg")],
    )
    dossier.refresh_from_db()
    request = dossier.supplements.get()
    assert dossier.status == DossierStatus.PROCESSING
    assert request.answered_at is not None and request.answer_note == "Đã chụp lại rõ nét."
    new_photo = DossierAttachment.objects.get(supplement=request)
    assert new_photo.document_name == "Giấy chứng sinh"
    assert dossier.events.last().action == "Công dân đã gửi bổ sung"


def test_supplement_cannot_be_sent_when_none_was_asked_for(practice_ctx, walk):
    dossier = walk(DossierStatus.PROCESSING)

    with pytest.raises(PracticeErrors) as failure:
        attachments.supplement_send(
            ctx=practice_ctx, dossier=dossier, note="", uploaded_files=[jpeg_upload()]
        )

    assert error_codes(failure) == ["desk_wrong_status"]
    assert failure.value.errors[0].full_message.startswith(STEPS["supplement"])


# --- result, withdrawal, rating ---------------------------------------------------------


def test_rating_before_the_result_is_refused_and_after_it_is_kept(practice_ctx, walk):
    dossier = walk(DossierStatus.PROCESSING)
    with pytest.raises(PracticeErrors) as failure:
        tracking.dossier_rate(ctx=practice_ctx, dossier=dossier, score=5)
    assert failure.value.errors[0].full_message.startswith(STEPS["rating"])

    desk.desk_finish(ctx=practice_ctx, dossier=dossier, officer=OFFICER)
    tracking.dossier_result_taken(ctx=practice_ctx, dossier=dossier)
    dossier.refresh_from_db()
    rating = tracking.dossier_rate(ctx=practice_ctx, dossier=dossier, score=5, comment="Nhanh")

    assert dossier.status == DossierStatus.RETURNED  # the electronic result was downloaded
    assert rating.get_score_display() == "Rất hài lòng"


def test_a_finished_dossier_cannot_be_withdrawn(practice_ctx, walk):
    dossier = walk(DossierStatus.RECEIVED)
    tracking.dossier_withdraw(ctx=practice_ctx, dossier=dossier, reason="Nộp nhầm thủ tục")
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.WITHDRAWN

    with pytest.raises(PracticeErrors) as failure:
        tracking.dossier_withdraw(ctx=practice_ctx, dossier=dossier, reason="Lần nữa")
    assert error_codes(failure) == ["desk_wrong_status"]


# --- exercises --------------------------------------------------------------------------


@pytest.fixture
def by_post(practice_ctx, khai_sinh):
    """The learner starts the exercise "khai sinh, result by post"."""
    return exercise_start(
        ctx=practice_ctx, exercise=Exercise.objects.get(slug="khai-sinh-buu-dien"), mode="guided"
    )


POST_ADDRESS = "Ấp Tân Lập, xã Đầm Dơi, tỉnh Cà Mau"


def test_khai_sinh_by_post_completes_only_once_the_fee_is_paid(
    practice_ctx, identity, khai_sinh, by_post
):
    dossier = dossier_draft(
        practice_ctx, identity, khai_sinh, delivery="post", address=POST_ADDRESS, copies="1"
    )
    dossier = dossiers.dossier_submit(
        ctx=practice_ctx, dossier=dossier, declaration=True, consent=True
    )
    by_post.refresh_from_db()
    assert by_post.completed_at is None  # submitted, but 8.000 đồng still unpaid

    started = payments.payment_start(ctx=practice_ctx, dossier=dossier, provider="vi-c")
    payments.payment_complete(ctx=practice_ctx, payment=started, outcome="success")

    by_post.refresh_from_db()
    assert by_post.completed_at is not None
    assert PracticeEvent.objects.filter(
        attempt=by_post, kind=PracticeEvent.Kind.EXERCISE_COMPLETED
    ).exists()


def test_khai_sinh_by_post_is_not_won_with_online_delivery(
    practice_ctx, identity, khai_sinh, by_post
):
    dossier = dossier_draft(practice_ctx, identity, khai_sinh, delivery="online", copies="1")
    dossier = dossiers.dossier_submit(
        ctx=practice_ctx, dossier=dossier, declaration=True, consent=True
    )
    started = payments.payment_start(ctx=practice_ctx, dossier=dossier, provider="ngan-hang-a")
    payments.payment_complete(ctx=practice_ctx, payment=started, outcome="success")

    by_post.refresh_from_db()
    assert by_post.completed_at is None


def test_exercise_counts_the_learners_mistakes(practice_ctx, identity, khai_sinh, by_post):
    dossier = dossier_draft(practice_ctx, identity, khai_sinh)
    with pytest.raises(PracticeErrors):  # by post, but no address
        dossiers.dossier_save_delivery(ctx=practice_ctx, dossier=dossier, method="post")
    with pytest.raises(PracticeErrors):  # delivery still to fix, no declaration ticked
        dossiers.dossier_submit(ctx=practice_ctx, dossier=dossier, declaration=False, consent=True)

    by_post.refresh_from_db()
    assert by_post.error_count == 3
