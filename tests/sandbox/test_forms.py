"""The practice portal's input forms: they keep what a page sends as typed, drop what it
did not ask for, and turn a value that does not fit into the box's default, so the
services answer in the portal's words instead of the page failing."""

import uuid

from django.http import QueryDict

from sandbox.forms import (
    AttachmentsForm,
    DeskActionForm,
    EformForm,
    GatewayForm,
    LoginForm,
    OtpForm,
    PracticeCardForm,
    PracticeSettingsForm,
    RegistrationForm,
    ReviewForm,
    VneidForm,
)


def posted(text):
    return QueryDict(text)


def test_text_is_kept_as_typed_and_unknown_keys_are_dropped():
    values = RegistrationForm(
        posted("full_name=+Nguy%E1%BB%85n++V%C4%83n+A+&cccd=079&is_staff=1&captcha=ab")
    ).values()
    # The services normalise and measure the text themselves (the portal's messages).
    assert values["full_name"] == " Nguyễn  Văn A "
    assert values["captcha"] == "ab"
    assert values["email"] == ""
    assert "is_staff" not in values


def test_a_password_keeps_its_spaces():
    assert LoginForm(posted("password=+mat+khau+"))["password"].value() == " mat khau "
    assert LoginForm(posted("password=+mat+khau+")).values()["password"] == " mat khau "


def test_an_unknown_choice_becomes_the_default():
    assert PracticeCardForm(posted("vneid=hack")).values()["vneid"] == "normal"
    assert PracticeCardForm(posted("vneid=old_phone")).values()["vneid"] == "old_phone"
    assert VneidForm(posted("action=delete_all")).values()["action"] == "confirm"


def test_settings_left_out_are_empty_so_the_view_keeps_them():
    assert PracticeSettingsForm(posted("")).values() == {"mode": "", "auto_officer": ""}
    values = PracticeSettingsForm(posted("mode=practice&auto_officer=off")).values()
    assert values == {"mode": "practice", "auto_officer": "off"}


def test_a_button_counts_by_being_sent_whatever_its_value():
    assert OtpForm(posted("resend=")).values()["resend"] is True
    assert OtpForm(posted("otp=123456")).values()["resend"] is False
    values = AttachmentsForm(posted("continue=1")).values()
    assert (values["proceed"], values["removing"]) == (True, False)
    values = AttachmentsForm(posted("remove=17")).values()
    assert (values["removing"], values["remove"]) == (True, "17")


def test_checkboxes_are_ticked_only_with_a_value():
    assert ReviewForm(posted("declaration=1")).values() == {"declaration": True, "consent": False}


def test_a_form_read_on_a_get_gives_the_defaults():
    values = VneidForm(None).values()
    assert values == {"identity": None, "action": "confirm", "next": ""}


def test_a_bad_uuid_is_no_identity():
    assert VneidForm(posted("identity=not-a-uuid")).values()["identity"] is None
    chosen = uuid.uuid4()
    assert VneidForm(posted(f"identity={chosen}")).values()["identity"] == chosen


def test_console_numbers_stay_inside_their_bounds():
    values = DeskActionForm(posted("days=999&amount=-5&extra_days=abc")).values()
    assert values["days"] == 60
    assert values["amount"] == 0  # "-5" is not digits: the default
    assert values["extra_days"] == 2
    assert DeskActionForm(posted("days=0")).values()["days"] == 1
    assert DeskActionForm(posted("amount=250000")).values()["amount"] == 250_000


def test_ticked_documents_keep_their_order():
    values = DeskActionForm(posted("documents=T%E1%BB%9D+khai&documents=CCCD")).values()
    assert values["documents"] == ["Tờ khai", "CCCD"]
    assert DeskActionForm(posted("")).values()["documents"] == []


def test_the_eform_reads_only_its_own_boxes():
    values = EformForm(posted("ho_ten=An&owner_key=x&so_ban=2"), keys=["ho_ten", "so_ban"]).values()
    assert values == {"ho_ten": "An", "so_ban": "2"}


def test_a_null_character_is_refused_as_an_empty_box():
    # PostgreSQL cannot store it; the portal then says the box is empty.
    assert RegistrationForm(posted("full_name=An%00")).values()["full_name"] == ""


def test_the_gateway_outcome_defaults_to_success():
    assert GatewayForm(posted("")).values()["outcome"] == "success"
    assert GatewayForm(posted("outcome=timeout")).values()["outcome"] == "timeout"
