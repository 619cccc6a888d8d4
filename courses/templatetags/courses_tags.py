import logging

from django import template
from django.utils.html import format_html

register = template.Library()
logger = logging.getLogger(__name__)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.simple_tag
def step_screenshot(image, alt):
    """The step's screenshot for phones, or nothing if the stored file is unreadable:
    a broken picture must not take the whole procedure page down for learners."""
    if not image:
        return ""
    try:
        rendition = image.get_rendition("max-360x640|format-jpeg|jpegquality-70")
    except Exception:  # noqa: BLE001 - Willow/Pillow raise many kinds for a bad file
        logger.warning("Screenshot %s cannot be rendered", image.pk, exc_info=True)
        return ""
    return format_html(
        '<figure class="screenshot"><img src="{}" width="{}" height="{}" alt="{}" '
        'loading="lazy"></figure>',
        rendition.url,
        rendition.width,
        rendition.height,
        alt or "",
    )
