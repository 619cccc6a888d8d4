from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings

from .services import tutorial_renders_request

if TYPE_CHECKING:
    from .models import ProcedurePage


def request_renders_on_publish(sender: type, instance: ProcedurePage, **kwargs: object) -> None:
    """Publishing a procedure asks for the renders whose content changed (see services)."""
    if getattr(settings, "TUTORIAL_RENDER_ON_PUBLISH", True):
        tutorial_renders_request(page=instance)
