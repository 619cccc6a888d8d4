from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.http import HttpRequest


def roles(request: HttpRequest) -> dict[str, bool]:
    """Whether to show the trainer's menu; one query, only for logged-in users."""
    from .permissions import can_train, is_manager

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"can_train": False, "is_manager": False}
    return {"can_train": can_train(user), "is_manager": is_manager(user)}
