"""Progress arrives from the other parts by signal: courses and the sandbox never import
training."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.dispatch import receiver

from courses.signals import video_segments_recorded
from sandbox.signals import practice_event_recorded

from .services.desk_pairing import submitted_dossier_route
from .services.progress import practice_progress_record, video_progress_record
from .services.timing import submission_time_record

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from courses.models.renders import TutorialRender
    from sandbox.models import PracticeEvent


@receiver(video_segments_recorded, dispatch_uid="training_video_progress")
def on_video_segments(
    sender: object,
    render: TutorialRender,
    user: User | None,
    segments: Iterable[tuple[float, float, float]],
    **kwargs: Any,
) -> None:
    video_progress_record(render=render, user=user, segments=segments)


@receiver(practice_event_recorded, dispatch_uid="training_practice_progress")
def on_practice_event(sender: object, event: PracticeEvent, **kwargs: Any) -> None:
    practice_progress_record(event=event)
    submission_time_record(event=event)
    submitted_dossier_route(event=event)
