"""What the learner's player needs: caption and chapter tracks, and the watch report."""

import json
import re

from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from home.throttle import browser_or_address, throttle

from ..models.renders import TutorialRender
from ..services import video_watch_record
from ..watching import ImplausibleReport, segments_clean, viewing_started_at

# The id a player gives each batch it sends, so a re-sent batch is recognised.
BATCH_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")


def _done(render_id):
    return get_object_or_404(TutorialRender, pk=render_id, status=TutorialRender.Status.DONE)


@cache_control(public=True, max_age=3600)
def captions(request, render_id):
    return HttpResponse(_done(render_id).captions_vtt, content_type="text/vtt; charset=utf-8")


@cache_control(public=True, max_age=3600)
def chapters(request, render_id):
    return HttpResponse(_done(render_id).chapters_vtt, content_type="text/vtt; charset=utf-8")


@require_POST
@throttle(
    ("video-report-browser", "120/10m", browser_or_address),
    ("video-report-address", "6000/10m", "ip"),
)
def watched(request, render_id):
    """The player reports played segments (batched every 10 s, on pause and at the end).
    Refused with 400, and never credited: segments the video or real time do not allow
    (see courses.watching)."""
    render = _done(render_id)
    try:
        payload = json.loads(request.body or b"{}")
        segments = segments_clean(payload, render.duration or 0)
    except (ValueError, json.JSONDecodeError):
        return JsonResponse({"ok": False, "error": "Dữ liệu không hợp lệ."}, status=400)
    batch = payload.get("batch")
    batch = batch if isinstance(batch, str) and BATCH_ID.fullmatch(batch) else ""
    if not request.session.session_key:
        request.session.save()
    try:
        saved, repeat = video_watch_record(
            render=render,
            user=request.user if request.user.is_authenticated else None,
            session_key=request.session.session_key,
            segments=segments,
            batch=batch,
            started_at=viewing_started_at(session=request.session, render=render),
        )
    except ImplausibleReport:
        return JsonResponse(
            {"ok": False, "error": "Thời gian xem không khớp. Hãy mở lại trang video."},
            status=400,
        )
    return JsonResponse({"ok": True, "saved": saved, "repeat": repeat})
