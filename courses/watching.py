"""Watch time that cannot be faked.

Following the xAPI video profile, a player reports *played segments* (start, end, rate)
and progress is the share of the video's distinct seconds covered by them. Two checks
keep that honest:

- shape: segments lie inside the video, do not overlap within a batch, at a playback rate
  a player offers (our buttons go to 1.5×, a phone's own menu to 2×);
- real time: a *viewing* starts when a page with the video is served to a browser (noted
  in its session), and the distinct seconds reported during that viewing can never
  exceed the time since then times the fastest rate. A forged "I watched it all" sent a
  few seconds after opening the page is refused, whatever the segments say.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from .models.renders import VideoWatchLog

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.contrib.sessions.backends.base import SessionBase

    from .models.renders import TutorialRender

MAX_SEGMENTS = 100
MIN_PLAYBACK_RATE, MAX_PLAYBACK_RATE = 0.25, 2.0
# Rounding in the player and the time between its clock and ours.
SLACK_SECONDS = 3.0
OVERLAP_TOLERANCE = 0.05
VIEWINGS_SESSION_KEY = "video_viewings"
# A page left open longer than this starts a new viewing when opened again.
VIEWING_LIFETIME = datetime.timedelta(hours=6)


class ImplausibleReport(ValueError):
    """Segments that the video or real time do not allow."""


def viewing_start(
    *,
    session: SessionBase,
    renders: Iterable[TutorialRender],
    now: datetime.datetime | None = None,
) -> None:
    """Note that these renders were served to this browser now, unless a viewing of
    them is already under way."""
    now = now or timezone.now()
    viewings = dict(session.get(VIEWINGS_SESSION_KEY, {}))
    fresh = {
        key: started
        for key, started in viewings.items()
        if (moment := parse_datetime(started)) and now - moment < VIEWING_LIFETIME
    }
    for render in renders:
        fresh.setdefault(str(render.pk), now.isoformat())
    if fresh != viewings:
        session[VIEWINGS_SESSION_KEY] = fresh


def viewing_started_at(
    *, session: SessionBase, render: TutorialRender, now: datetime.datetime | None = None
) -> datetime.datetime | None:
    started = parse_datetime(session.get(VIEWINGS_SESSION_KEY, {}).get(str(render.pk), ""))
    now = now or timezone.now()
    if started is None or now - started >= VIEWING_LIFETIME:
        return None
    return started


def segments_clean(payload: object, duration: float) -> list[tuple[float, float, float]]:
    """[[start, end, rate], …] from the player: numbers inside the video, ordered without
    overlap, at a rate a player offers, at most MAX_SEGMENTS. Raises ImplausibleReport."""
    items = payload.get("segments") if isinstance(payload, dict) else None
    if not isinstance(items, list) or not 0 < len(items) <= MAX_SEGMENTS:
        raise ImplausibleReport("segments")
    clean = []
    for item in items:
        if not isinstance(item, list) or len(item) != 3:
            raise ImplausibleReport("segment shape")
        try:
            start, end, rate = (float(value) for value in item)
        except (TypeError, ValueError):
            raise ImplausibleReport("segment numbers") from None
        if not (0 <= start < end <= duration + 1):
            raise ImplausibleReport("segment out of range")
        if not MIN_PLAYBACK_RATE <= rate <= MAX_PLAYBACK_RATE:
            raise ImplausibleReport("playback rate")
        clean.append((round(start, 2), round(min(end, duration), 2), rate))
    clean.sort()
    for (_s1, end1, _r1), (start2, _e2, _r2) in zip(clean, clean[1:], strict=False):
        if start2 < end1 - OVERLAP_TOLERANCE:
            raise ImplausibleReport("overlapping segments")
    return clean


def distinct_seconds(intervals: Iterable[tuple[float, float]]) -> float:
    total, reach = 0.0, None
    for start, end in sorted(intervals):
        if reach is None or start > reach:
            total += end - start
            reach = end
        elif end > reach:
            total += end - reach
            reach = end
    return total


def viewing_check(
    *,
    render: TutorialRender,
    session_key: str,
    started_at: datetime.datetime | None,
    segments: Iterable[tuple[float, float, float]],
    now: datetime.datetime | None = None,
) -> None:
    """Refuse segments that real time does not allow for this viewing."""
    now = now or timezone.now()
    if started_at is None:
        raise ImplausibleReport("no viewing")
    earlier = VideoWatchLog.objects.filter(
        render=render, session_key=session_key, created_at__gte=started_at
    ).values_list("start", "end")
    played = distinct_seconds([*earlier, *((s, e) for s, e, _r in segments)])
    allowed = (now - started_at).total_seconds() * MAX_PLAYBACK_RATE + SLACK_SECONDS
    if played > allowed:
        raise ImplausibleReport("more than real time allows")
