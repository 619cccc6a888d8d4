from django.conf import settings

from .services import tutorial_renders_request


def request_renders_on_publish(sender, instance, **kwargs):
    """Publishing a procedure asks for the renders whose content changed (see services)."""
    if getattr(settings, "TUTORIAL_RENDER_ON_PUBLISH", True):
        tutorial_renders_request(page=instance)
