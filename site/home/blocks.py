"""Blocks shared by every page type. Feature blocks live in courses/blocks.py."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 or 3 so the page outline stays valid."""

    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))], default="h2", label=_("Level")
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        description = _("A heading that divides the page into sections")


class CaptionedImageBlock(blocks.StructBlock):
    """An image with the alternative text a screen reader will say."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(label=_("Alternative text"), max_length=200)
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"
        description = _("An image with a caption")


class CalloutBlock(blocks.StructBlock):
    """A highlighted note: a warning or a tip the reader must not miss."""

    kind = blocks.ChoiceBlock(
        choices=[("tip", _("Tip")), ("warning", _("Warning"))], default="tip", label=_("Kind")
    )
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"
        description = _("A highlighted tip or warning")


class BaseStreamBlock(blocks.StreamBlock):
    """The body of a standard page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"],
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        label=_("Paragraph"),
    )
    image = CaptionedImageBlock()
    callout = CalloutBlock()
