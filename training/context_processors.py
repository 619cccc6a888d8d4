def roles(request):
    """Whether to show the trainer's menu; one query, only for logged-in users."""
    from .permissions import can_train, is_manager

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"can_train": False, "is_manager": False}
    return {"can_train": can_train(user), "is_manager": is_manager(user)}
