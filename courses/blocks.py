"""Blocks that describe a procedure and the lessons of a course."""

from django.core.exceptions import ValidationError
from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from home.skills import skill_choices

CHANNEL_CHOICES = [
    ("truc_tuyen", _("Online")),
    ("truc_tiep", _("In person")),
    ("buu_chinh", _("By public postal service")),
]
TIME_UNIT_CHOICES = [
    ("gio_lam_viec", _("working hours")),
    ("ngay_lam_viec", _("working days")),
    ("ngay", _("days")),
]


def format_vnd(amount):
    """200000 -> '200.000 đồng' in Vietnamese; 0 -> 'Free'."""
    if not amount:
        return _("Free")
    # Django's Vietnamese formats turn grouping off; amounts of money are always grouped.
    grouped = numberformat.format(
        amount, ",", grouping=3, thousand_sep=get_format("THOUSAND_SEPARATOR"), force_grouping=True
    )
    return _("%(amount)s dong") % {"amount": grouped}


class ChannelValue(blocks.StructValue):
    def channel_label(self):
        return dict(CHANNEL_CHOICES).get(self.get("channel"), "")

    def time_limit_display(self):
        value = self.get("time_limit_value")
        if value is None:
            return ""
        number = format(value.normalize(), "f") if hasattr(value, "normalize") else str(value)
        unit = dict(TIME_UNIT_CHOICES).get(self.get("time_limit_unit"), "")
        return f"{number.replace('.', ',')} {unit}"

    def fee_display(self):
        return format_vnd(self.get("fee"))


class ChannelBlock(blocks.StructBlock):
    """One way to submit (online, in person, by post) with its own time limit and fee.

    Fees and time limits are content an editor changes when a decree changes them;
    the sandbox reads them from here to compute due dates and fee screens.
    """

    channel = blocks.ChoiceBlock(choices=CHANNEL_CHOICES, label=_("Channel"))
    time_limit_value = blocks.DecimalBlock(
        label=_("Time limit"), min_value=0, decimal_places=1, max_digits=5
    )
    time_limit_unit = blocks.ChoiceBlock(
        choices=TIME_UNIT_CHOICES, default="ngay_lam_viec", label=_("Unit")
    )
    time_limit_note = blocks.CharBlock(label=_("Note on the time limit"), required=False)
    fee = blocks.IntegerBlock(label=_("Fee (VND)"), min_value=0, default=0)
    fee_note = blocks.CharBlock(label=_("Note on the fee"), required=False)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "list-ul"
        template = "blocks/channel_block.html"
        value_class = ChannelValue
        description = _("A way to submit, with its time limit and fee")


class RequiredDocumentBlock(blocks.StructBlock):
    """A document of the dossier (thành phần hồ sơ) and whether it must be uploaded."""

    name = blocks.CharBlock(label=_("Document name"))
    quantity = blocks.CharBlock(label=_("Quantity"), default="01 bản chính")
    required = blocks.BooleanBlock(label=_("Required"), required=False, default=True)
    lookup_from_database = blocks.BooleanBlock(
        label=_("No upload needed when looked up from the national database"),
        required=False,
        default=False,
    )
    form = DocumentChooserBlock(label=_("Form to download"), required=False)
    note = blocks.TextBlock(label=_("Note"), required=False)

    class Meta:
        icon = "doc-full"
        template = "blocks/required_document_block.html"
        description = _("A document the applicant provides")


class LegalBasisBlock(blocks.StructBlock):
    number = blocks.CharBlock(label=_("Number"), help_text="123/2015/NĐ-CP")
    title = blocks.CharBlock(label=_("Summary"))
    issued_on = blocks.DateBlock(label=_("Date issued"), required=False)

    class Meta:
        icon = "doc-full-inverse"
        template = "blocks/legal_basis_block.html"
        description = _("A legal document this procedure rests on")


PRACTICE_ACTIONS = [
    ("open", _("Open a practice page (its address, e.g. /thuc-hanh/dang-nhap/)")),
    ("press", _("Press a button or link (its text)")),
    ("fill", _("Type into a field (its label)")),
    ("choose", _("Choose an option (the list's label or question)")),
    ("tick", _("Tick a box (its label)")),
    ("upload", _("Attach a sample photo (the document's name)")),
    ("code", _("Type the code the simulated phone received (the field's label)")),
    ("point", _("Point at something on the screen (its text)")),
]
ACTIONS_WITH_VALUE = {"fill", "choose"}


class PracticeActionBlock(blocks.StructBlock):
    """One thing a person does in the practice portal, found by what they see on screen.

    The capture (sandbox.capture) plays these in a browser; a label that is no longer on
    the page stops it with a message naming the step and this action.
    """

    action = blocks.ChoiceBlock(choices=PRACTICE_ACTIONS, label=_("Action"))
    target = blocks.CharBlock(
        label=_("What is on screen"),
        max_length=200,
        help_text=_("The label, button text or address exactly as the practice portal shows it."),
    )
    value = blocks.CharBlock(
        label=_("What to type or choose"),
        required=False,
        max_length=200,
        help_text=_(
            "{ho_ten}, {cccd}, {so_dien_thoai} and {mat_khau} stand for the practice card."
        ),
    )
    picture = blocks.BooleanBlock(
        label=_("Use this screen as the step's picture"), required=False, default=False
    )

    class Meta:
        icon = "pick"
        label_format = "{action}: {target}"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value["action"] in ACTIONS_WITH_VALUE and not value.get("value"):
            errors["value"] = ValidationError(_("Write what to type or choose."))
        if value["action"] == "open" and not value["target"].startswith("/thuc-hanh/"):
            errors["target"] = ValidationError(
                _("Only pages of the practice portal (/thuc-hanh/…).")
            )
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class TutorialStepBlock(blocks.StructBlock):
    """One step of doing the procedure online, written for someone who has never done it.

    Each step is identified by its StreamField block id, which stays the same when the
    editor changes its text; the tutorial renderer attaches a video clip to that id.
    """

    title = blocks.CharBlock(label=_("Step title"), max_length=120)
    instruction = blocks.TextBlock(label=_("What to do, in plain words"))
    screenshot = ImageChooserBlock(label=_("Screenshot"), required=False)
    screenshot_alt = blocks.CharBlock(
        label=_("What the screenshot shows"), required=False, max_length=200
    )
    caption = blocks.CharBlock(
        label=_("Video caption"),
        required=False,
        max_length=200,
        help_text=_("One short sentence for the video; the step title is used when empty."),
    )
    highlight = blocks.RegexBlock(
        regex=r"^\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*$",
        label=_("Highlight box"),
        required=False,
        help_text=_(
            "Left, top, width, height as percentages of the screenshot, e.g. 10, 40, 80, 12"
        ),
        error_messages={"invalid": _("Write four numbers 0–100 separated by commas.")},
    )
    voice = DocumentChooserBlock(
        label=_("Recorded voice"),
        required=False,
        help_text=_("An audio file read by a person; it replaces the synthetic voice."),
    )
    recording = DocumentChooserBlock(
        label=_("Screen recording"), required=False, help_text=_("A phone recording to cut.")
    )
    recording_start = blocks.FloatBlock(label=_("Recording start (s)"), required=False)
    recording_end = blocks.FloatBlock(label=_("Recording end (s)"), required=False)
    practice_script = blocks.ListBlock(
        PracticeActionBlock(),
        label=_("What to do in the practice portal (for the video)"),
        default=[],
        help_text=_(
            "The tutorial video and the step's picture are captured from the practice portal "
            "by playing these actions."
        ),
    )
    tips = blocks.ListBlock(blocks.CharBlock(label=_("Tip")), label=_("Tips"), default=[])
    common_mistakes = blocks.ListBlock(
        blocks.CharBlock(label=_("Mistake")), label=_("Common mistakes"), default=[]
    )

    class Meta:
        icon = "list-ol"
        template = "blocks/tutorial_step_block.html"
        description = _("A step of the online procedure")


class QuestionBlock(blocks.StructBlock):
    """One multiple-choice question of a lesson's knowledge check."""

    question = blocks.CharBlock(label=_("Question"), max_length=250)
    choices = blocks.ListBlock(
        blocks.CharBlock(label=_("Choice"), max_length=200), label=_("Choices"), min_num=2
    )
    answer = blocks.IntegerBlock(
        label=_("Number of the right choice"), min_value=1, help_text=_("1 for the first choice")
    )
    explanation = blocks.CharBlock(
        label=_("Why"), required=False, max_length=300, help_text=_("Shown after answering.")
    )

    class Meta:
        icon = "help"


def lesson_skills():
    """The framework skills a lesson teaches: a learner whose pre-test shows them all
    mastered may skip the lesson (test-out). No skill ticked, no skipping."""
    return blocks.MultipleChoiceBlock(
        choices=skill_choices,
        label=_("Skills this lesson teaches"),
        required=False,
        help_text=_(
            "A learner who answers every pre-test question on these skills right may skip "
            "this lesson."
        ),
    )


def knowledge_check():
    return blocks.ListBlock(
        QuestionBlock(), label=_("Knowledge check"), default=[], required=False, min_num=0
    )


class ProcedureLessonBlock(blocks.StructBlock):
    procedure = blocks.PageChooserBlock(page_type="courses.ProcedurePage", label=_("Procedure"))
    note = blocks.TextBlock(label=_("What to pay attention to"), required=False)
    questions = knowledge_check()
    skills = lesson_skills()

    class Meta:
        icon = "doc-full"
        template = "blocks/procedure_lesson_block.html"
        description = _("A lesson that walks through one procedure")


class TextLessonBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Lesson title"), max_length=150)
    body = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"], label=_("Body"))
    questions = knowledge_check()
    skills = lesson_skills()

    class Meta:
        icon = "pilcrow"
        template = "blocks/text_lesson_block.html"
        description = _("A short reading lesson")


class PracticeLessonBlock(blocks.StructBlock):
    """A sandbox exercise the learner does on their own phone."""

    exercise = SnippetChooserBlock("sandbox.Exercise", label=_("Sandbox exercise"))
    note = blocks.TextBlock(label=_("What to pay attention to"), required=False)
    skills = lesson_skills()

    class Meta:
        icon = "tick-inverse"
        template = "blocks/practice_lesson_block.html"
        description = _("A practice exercise in the sandbox")


class LessonStreamBlock(blocks.StreamBlock):
    procedure_lesson = ProcedureLessonBlock()
    text_lesson = TextLessonBlock()
    practice_lesson = PracticeLessonBlock()
