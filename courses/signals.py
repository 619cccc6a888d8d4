from django.conf import settings
from django.dispatch import Signal

from .services import tutorial_renders_request

# Sent after a player's report is stored, so training counts progress without courses
# importing it. sender=VideoWatchLog; render, user (None for visitors), segments
# [(start, end, rate)].
video_segments_recorded = Signal()


def request_renders_on_publish(sender, instance, **kwargs):
    """Publishing a procedure asks for the renders whose content changed (see services)."""
    if getattr(settings, "TUTORIAL_RENDER_ON_PUBLISH", True):
        tutorial_renders_request(page=instance)
