def roles(request):
    """Whether to show the trainer's menu; one query, only for logged-in users."""
    from .views import can_train

    return {"can_train": can_train(request.user) if hasattr(request, "user") else False}
