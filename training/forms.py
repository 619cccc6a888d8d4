"""The forms behind every POST of the training pages.

They parse and type what a phone sent (numbers, dates, the choices a page offered, the
ids of a class's own learners); the services still decide what is allowed and explain it
(``TrainingError``). A form's first mistake is shown like a service's: ``form_error``
gives the same ``field``/``message`` pair, and the page keeps what the user typed.

The pages write their own HTML (ids, names and labels are part of the browser tests and
of what trainers were shown), so these forms are never rendered with ``{{ form }}``.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage

from . import permissions
from .activities import lesson_questions
from .errors import TrainingError
from .models import Enrollment, OrganisingUnit, TrainingClass
from .services.classes import JOIN_TOKEN

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from django.contrib.auth.models import AnonymousUser, User

# The one check Django makes of any text field (no NUL byte in what was typed), in our
# words; every other message of these forms is written out below.
TEXT_ERRORS = {
    "null_characters_not_allowed": _("What you typed has a strange character; type it again.")
}
BIRTH_YEAR_MESSAGE = _("Type the year of birth in 4 digits, for example 1958.")
STARTS_AT_MESSAGE = _("Choose the date and time of the session, for example 2026-11-25 08:00.")
SUBMITTED_ON_MESSAGE = _("Choose the date you submitted, for example 20/11/2026.")


def text(**kwargs: Any) -> forms.CharField:
    """Free text, possibly empty: the service says when it is missing or too long."""
    return forms.CharField(required=False, strip=False, error_messages=TEXT_ERRORS, **kwargs)


def form_error(form: forms.BaseForm) -> TrainingError:
    """A form's first mistake, in the shape the pages show a service's mistake."""
    for name, errors in form.errors.items():
        if errors:
            return TrainingError("form" if name == NON_FIELD_ERRORS else name, errors[0])
    return TrainingError("form", gettext("What was sent is not right; try again."))


class IsoDateTimeField(forms.Field):
    """A date and time as the browser's date-time picker sends it ("2026-11-25T08:00") or
    as typed ("2026-11-25 08:00"); a time without zone is the server's local time."""

    default_error_messages = {"invalid": STARTS_AT_MESSAGE, "required": STARTS_AT_MESSAGE}

    def to_python(self, value: object) -> datetime.datetime | None:
        value = str(value or "").strip()
        if not value:
            return None
        try:
            parsed = parse_datetime(value)
        except ValueError:  # well formed, but no such day or hour
            parsed = None
        if parsed is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed


# ---- /lop/: opening a class --------------------------------------------------------------


class ClassOpenForm(forms.Form):
    """The "Mở lớp mới" form. The communes offered, and accepted, are only those the user may
    open a class in (``permissions.class_communes``)."""

    name = text()
    organiser = forms.ModelChoiceField(
        queryset=OrganisingUnit.objects.select_related("unit"),
        error_messages={
            "required": _("Choose the unit organising the class."),
            "invalid_choice": _("Choose the unit organising the class from the list."),
        },
    )
    commune = forms.ModelChoiceField(
        queryset=None,
        error_messages={
            "required": _("Choose the commune or ward where the class is held."),
            "invalid_choice": _(
                "This commune or ward is not in the area you answer for. Choose one from the list."
            ),
        },
    )
    audience = forms.TypedChoiceField(
        choices=TrainingClass.Audience.choices,
        required=False,
        empty_value=TrainingClass.Audience.CITIZENS,
        error_messages={"invalid_choice": _("Choose the audience from the list.")},
    )
    course = forms.ModelChoiceField(
        queryset=CoursePage.objects.live(),
        required=False,
        error_messages={
            "invalid_choice": _("This course is no longer there; choose another course.")
        },
    )

    def __init__(self, *args: Any, user: User | AnonymousUser, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = permissions.class_communes(user)


# ---- /lop/<id>/: roster and sessions -----------------------------------------------------


class ClassActionForm(forms.Form):
    """Which of the class page's forms was sent (its hidden ``action``)."""

    action = forms.ChoiceField(
        choices=[("roster", _("Enrol")), ("session", _("Session")), ("settings", _("Settings"))]
    )


class RosterForm(forms.Form):
    display_name = text()
    birth_year = forms.IntegerField(required=False, error_messages={"invalid": BIRTH_YEAR_MESSAGE})
    phone = text()


class SessionForm(forms.Form):
    starts_at = IsoDateTimeField()
    place = text()
    device_notes = text()


NUMBER_MESSAGE = _("Type a whole number.")


def _number() -> forms.IntegerField:
    return forms.IntegerField(required=False, error_messages={"invalid": NUMBER_MESSAGE})


class ClassSettingsForm(forms.Form):
    """How the class runs its sessions: the desk pairing and the final test. The
    service checks the ranges and explains them."""

    pairs_desk = forms.BooleanField(required=False)
    desk_wait_minutes = _number()
    post_test_required = forms.BooleanField(required=False)
    post_test_pass_percent = _number()
    post_test_attempts = _number()
    post_test_invigilated = forms.BooleanField(required=False)


def _roster_of(training_class: TrainingClass) -> QuerySet[Enrollment]:
    return training_class.enrollments.filter(erased_at__isnull=True)


def _roster_field(message: str) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        queryset=Enrollment.objects.none(),
        required=False,
        error_messages={"invalid_choice": message, "invalid_pk_value": message},
    )


class _RosterPickForm(forms.Form):
    """Learners ticked on a class page (``field_name``): only this class's own roster."""

    field_name: str

    def __init__(self, *args: Any, training_class: TrainingClass, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        roster = _roster_of(training_class).select_related("learner")
        self.fields[self.field_name].queryset = roster


class LoginCardsForm(_RosterPickForm):
    """The learners ticked for new log-in cards."""

    field_name = "enrollment"
    enrollment = _roster_field(_("Someone chosen is not in this class; choose again."))


class AttendanceForm(_RosterPickForm):
    """Who was there. ``shown_at`` is when the list was shown: a learner who typed the
    code on the projector after that stays present, even if unticked here."""

    field_name = "present"
    present = _roster_field(_("Someone ticked is not in this class; take attendance again."))
    shown_at = forms.DateTimeField(required=False)


class CodeAttendanceSwitchForm(forms.Form):
    """The projector page's button: open or close attendance by code."""

    action = forms.ChoiceField(choices=[("open", "open"), ("close", "close")])


class AttendanceCodeForm(forms.Form):
    """The code a learner types from the projector (the service reads the digits)."""

    ma = text()


class PaceForm(forms.Form):
    """The board's step buttons: where to (next, previous, stop or a step's number), the
    step the board showed, and whether it is the projector's view."""

    to = text()
    seen = text()
    chieu = text()


class FollowUpForm(forms.Form):
    """What the learner said on the one-month call (the service checks the answer)."""

    outcome = text()
    procedure_title = text()
    note = text()


# ---- /vao-lop/: joining by code ------------------------------------------------------------


class JoinForm(forms.Form):
    ma = text()
    display_name = text()
    birth_year = forms.IntegerField(required=False, error_messages={"invalid": BIRTH_YEAR_MESSAGE})
    consent = forms.BooleanField(required=False)
    token = forms.CharField(required=False)

    def clean_token(self) -> str:
        """A malformed token is dropped, never an error: the join goes on without it."""
        token = self.cleaned_data.get("token") or ""
        return token if JOIN_TOKEN.fullmatch(token) else ""


# ---- a learner of a class: manual progress, erasure ----------------------------------------


class ProgressOverrideForm(forms.Form):
    activity = text()
    done = forms.TypedChoiceField(
        choices=[("1", _("Done")), ("0", _("Not done"))],
        coerce=lambda value: value == "1",
        required=False,
        empty_value=False,
        error_messages={"invalid_choice": _("Press the activity’s record button again.")},
    )
    reason = text()


class EraseConfirmForm(forms.Form):
    """The second step of erasing: the "Xóa dữ liệu" button itself (``confirm=yes``)."""

    confirm = forms.ChoiceField(choices=[("yes", _("Erase the data"))])


# ---- certificates --------------------------------------------------------------------------


class CertificateRevokeForm(forms.Form):
    reason = text()


# ---- the learner's own course page ---------------------------------------------------------


class QuizForm(forms.Form):
    """A lesson's knowledge check: ``q0``, ``q1``… each the number of the chosen answer
    (1 for the first). An unanswered question counts as wrong, as before."""

    def __init__(
        self, *args: Any, course: CoursePage | None, lesson_id: str, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        questions = lesson_questions(course, lesson_id)
        for index, question in enumerate(questions):
            choices = [(str(n), str(n)) for n in range(1, len(question.get("choices") or []) + 1)]
            self.fields[f"q{index}"] = forms.TypedChoiceField(
                choices=choices,
                coerce=int,
                required=False,
                empty_value=None,
                error_messages={"invalid_choice": _("Choose one of the answers.")},
            )

    def answers(self) -> dict[int, int]:
        """{question index: chosen answer} for the questions answered."""
        return {
            int(name[1:]): value
            for name, value in self.cleaned_data.items()
            if name.startswith("q") and value is not None
        }


class RealSubmissionForm(forms.Form):
    procedure_title = text()
    submitted_on = forms.DateField(
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"invalid": SUBMITTED_ON_MESSAGE},
    )


# ---- /vao-lop/<code>/hinh/: picture log-in on a shared phone --------------------------------


class PictureTapForm(forms.Form):
    """One tap on the 3 × 3 grid of pictures: ``tap`` is the picture tapped, ``picked``
    the ones tapped before it, which the page carries (so the same request sent twice is
    the same tap). ``pictures`` are the keys the grid offered, ``length`` the secret's."""

    picked = text()
    tap = forms.ChoiceField(
        error_messages={
            "required": _("Tap one of the pictures."),
            "invalid_choice": _("Tap one of the pictures."),
        }
    )

    def __init__(self, *args: Any, pictures: tuple[str, ...], length: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pictures, self.length = pictures, length
        self.fields["tap"].choices = [(key, key) for key in pictures]

    def clean_picked(self) -> list[str]:
        keys = [key for key in self.cleaned_data["picked"].split(",") if key]
        if len(keys) >= self.length or any(key not in self.pictures for key in keys):
            raise forms.ValidationError(
                _("The pictures tapped were lost; tap them again from the first."), code="invalid"
            )
        return keys

    def sequence(self) -> list[str]:
        """The pictures tapped so far, this one included."""
        return [*self.cleaned_data["picked"], self.cleaned_data["tap"]]


class InvigilationForm(forms.Form):
    """The board's button that opens or closes the post-test in the hall."""

    action = text()
    chieu = text()


ANSWER_LETTERS = frozenset("abcd")


def skill_check_answers(data: Mapping[str, str], question_ids: Iterable[int]) -> dict[int, str]:
    """The letters picked on a skills-check sheet (radio ``q<pk>``), for the questions
    of that sheet only; anything else posted is ignored, an unanswered question is left
    out (and scored wrong)."""
    picked = {}
    for pk in question_ids:
        letter = (data.get(f"q{pk}") or "").strip().lower()
        if letter in ANSWER_LETTERS:
            picked[pk] = letter
    return picked
