import logging

from django import template
from django.utils.html import format_html

register = template.Library()
logger = logging.getLogger(__name__)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


# The steps column on a 360-px phone is 292 px wide: the page's 1rem margins, the step
# card's 2-px border and 1rem padding (site.css) take 68 px.
STEP_CARD_INSET = 68
SCREENSHOT_1X = "max-360x640|format-jpeg|jpegquality-70"
SCREENSHOT_2X = "max-720x1280|format-jpeg|jpegquality-70"


@register.simple_tag
def step_screenshot(image, alt):
    """The step's screenshot at phone size, fetched only when the learner scrolls near it,
    or nothing if the stored file is unreadable: a broken picture must not take the whole
    procedure page down for learners.

    360 px wide (and no taller than a phone screen) for ordinary phones, 720 px for sharp
    screens when the upload is that big; width and height keep the page from jumping
    while pictures arrive."""
    if not image:
        return ""
    # Only ask for the sharp copy when the upload has the pixels for it.
    specs = [SCREENSHOT_1X]
    if image.width > 360 or image.height > 640:
        specs.append(SCREENSHOT_2X)
    try:
        renditions = list(image.get_renditions(*specs).values())
    except Exception:  # noqa: BLE001 - Willow/Pillow raise many kinds for a bad file
        logger.warning("Screenshot %s cannot be rendered", image.pk, exc_info=True)
        return ""
    small = renditions[0]
    srcset = ""
    if len(renditions) > 1 and renditions[1].width > small.width:
        srcset = format_html(
            ' srcset="{} {}w, {} {}w" sizes="(max-width: {}px) calc(100vw - {}px), {}px"',
            small.url,
            small.width,
            renditions[1].url,
            renditions[1].width,
            small.width + STEP_CARD_INSET,
            STEP_CARD_INSET,
            small.width,
        )
    return format_html(
        '<figure class="screenshot"><img src="{}"{} width="{}" height="{}" alt="{}" '
        'loading="lazy" decoding="async"></figure>',
        small.url,
        srcset,
        small.width,
        small.height,
        alt or "",
    )
