"""What each page of the practice portal accepts from a POST.

The portal's own checks, and their wording, stay in the services: they copy the real
portal's messages, which is what the learner practises reading. These forms name the
boxes a page reads, turn them into text, booleans, numbers and choices, and drop any
other key, so a service never sees input it did not ask for. They are never invalid:
a value that does not fit (an unknown choice, a letter in a number) becomes the box's
default, and the service then answers in the portal's words.
"""

from __future__ import annotations

from typing import Any

from django import forms


class PortalForm(forms.Form):
    def values(self) -> dict[str, Any]:
        """Every box's cleaned value, or its default where the value did not fit."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})  # none on a GET (an unbound form)
        return {name: cleaned.get(name, field.initial) for name, field in self.fields.items()}


def text() -> forms.CharField:
    """A box as typed: the services normalise it (NFC, spaces) and measure it themselves,
    so a password keeps its spaces and an over-long name gets the portal's message."""
    return forms.CharField(required=False, strip=False, initial="")


def choice(*values: str, default: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        required=False, choices=[(value, value) for value in values], initial=default
    )


class Pressed(forms.Widget):
    """A submit button that counts by being sent at all, whatever its value. ``sent_as``
    is its name in the page where that is not a Python name ("continue")."""

    def __init__(self, sent_as: str = "") -> None:
        super().__init__()
        self.sent_as = sent_as

    def value_from_datadict(self, data, files, name) -> bool:
        return (self.sent_as or name) in data


def pressed(sent_as: str = "") -> forms.BooleanField:
    return forms.BooleanField(required=False, widget=Pressed(sent_as), initial=False)


def ticked() -> forms.BooleanField:
    """A checkbox: ticked when sent with a value."""
    return forms.BooleanField(required=False, initial=False)


class ClampedNumberField(forms.Field):
    """A number typed in the officers' console, kept inside sensible bounds: digits only,
    else the default (never a 500, never an error the real console would not give)."""

    def __init__(self, *, default: int, low: int, high: int) -> None:
        super().__init__(required=False, initial=default)
        self.default, self.low, self.high = default, low, high

    def to_python(self, value: Any) -> int:
        value = (value or "").strip()
        return min(max(int(value), self.low), self.high) if value.isdigit() else self.default


class TextListField(forms.Field):
    """Several boxes of one name (ticked documents): their texts, in order."""

    widget = forms.MultipleHiddenInput

    def __init__(self) -> None:
        super().__init__(required=False, initial=[])

    def to_python(self, value: Any) -> list[str]:
        return [str(item) for item in value or []]


# --- accounts --------------------------------------------------------------------------


class PracticeCardForm(PortalForm):
    """Lấy số CCCD luyện tập: which VNeID situation the new practice card is in."""

    vneid = choice("normal", "level1", "web_not_allowed", "old_phone", default="normal")


class RegistrationForm(PortalForm):
    cccd = text()
    full_name = text()
    birth_date = text()
    phone = text()
    email = text()
    captcha = text()


class OtpForm(PortalForm):
    otp = text()
    resend = pressed()


class PasswordForm(PortalForm):
    password = text()
    confirm = text()


class LoginForm(PortalForm):
    cccd = text()
    password = text()
    # Where the log-in code goes: a notice in VNeID (ticked first, as on the portal) or SMS.
    channel = choice("app", "sms", default="app")
    next = text()

    def values(self) -> dict[str, Any]:
        values = super().values()
        values["channel"] = values["channel"] or "app"  # none ticked: the first one
        return values


class LoginCodeForm(PortalForm):
    """The log-in code page: the code typed, or "Gửi lại mã" with where to send it
    ("" when not said: where the last code went)."""

    otp = text()
    resend = pressed()
    channel = choice("app", "sms", default="")


class VneidForm(PortalForm):
    identity = forms.UUIDField(required=False, initial=None)
    action = choice("confirm", "allow_web", "upgrade_level", "move_device", default="confirm")
    next = text()


# --- practice home -----------------------------------------------------------------------


class ExerciseBeginForm(PortalForm):
    mode = choice("guided", "practice", default="guided")


class PracticeSettingsForm(PortalForm):
    """Either setting may be left out of the POST; "" means "not sent, keep it"."""

    mode = choice("guided", "practice", default="")
    auto_officer = choice("on", "off", default="")


# --- the wizard ------------------------------------------------------------------------


class AgencyForm(PortalForm):
    agency = text()
    case = text()


class ApplicantForm(PortalForm):
    is_owner = ticked()
    proxy_name = text()
    proxy_cccd = text()
    proxy_phone = text()


class EformForm(PortalForm):
    """The boxes of one procedure's e-form, which an editor builds in the CMS."""

    def __init__(self, *args: Any, keys: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key in keys:
            self.fields[key] = text()


class DeliveryForm(PortalForm):
    delivery_method = text()
    delivery_address = text()


class AttachmentsForm(PortalForm):
    remove = text()  # "Xóa ảnh": the attachment's id
    removing = pressed(sent_as="remove")
    proceed = pressed(sent_as="continue")  # "Tiếp tục"


class ReviewForm(PortalForm):
    declaration = ticked()
    consent = ticked()


class PaymentForm(PortalForm):
    provider = text()


class GatewayForm(PortalForm):
    outcome = text()

    def values(self) -> dict[str, Any]:
        values = super().values()
        values["outcome"] = values["outcome"] or "success"
        return values


# --- tracking and the officers' console ---------------------------------------------


class DossierActionForm(PortalForm):
    """The citizen's buttons on a submitted dossier."""

    action = text()
    note = text()
    reason = text()
    score = text()
    comment = text()


class DeskActionForm(PortalForm):
    """The one-stop-desk console's buttons on a dossier."""

    action = text()
    documents = TextListField()
    other_document = text()
    reason = text()
    content = text()
    summary = text()
    note = text()
    days = ClampedNumberField(default=7, low=1, high=60)
    amount = ClampedNumberField(default=0, low=0, high=100_000_000)
    extra_days = ClampedNumberField(default=2, low=1, high=60)
