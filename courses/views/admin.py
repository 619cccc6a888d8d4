"""Admin-only views for the tutorial videos: status for polling, and "render again".

They live under /admin/, so Wagtail's admin login and page permissions protect them;
there is deliberately no public progress endpoint.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from ..models import ProcedurePage
from ..selectors import render_status
from ..services import tutorial_renders_request


def _editable_page(request, page_id):
    page = get_object_or_404(ProcedurePage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def render_status_json(request, page_id):
    status = render_status(_editable_page(request, page_id))
    tutorial = status.pop("tutorial")
    status["preview"] = tutorial.small_video.url if tutorial and tutorial.small_video else ""
    return JsonResponse(status)


@require_POST
def render_again(request, page_id):
    page = _editable_page(request, page_id)
    if not page.live:
        messages.error(request, "Hãy xuất bản trang trước khi dựng video.")
    else:
        queued = tutorial_renders_request(page=page, force=True)
        if queued:
            messages.success(request, f"Đã yêu cầu dựng lại {len(queued)} video.")
        else:
            messages.info(request, "Video đã đúng với nội dung hiện tại; không cần dựng lại.")
    return redirect("wagtailadmin_pages:edit", page.pk)
