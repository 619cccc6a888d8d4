"""Progress arrives from the other parts by signal: courses and the sandbox never import
training."""

from django.dispatch import receiver

from courses.signals import video_segments_recorded
from sandbox.signals import practice_event_recorded

from .progress import practice_progress_record, video_progress_record


@receiver(video_segments_recorded, dispatch_uid="training_video_progress")
def on_video_segments(sender, render, user, segments, **kwargs):
    video_progress_record(render=render, user=user, segments=segments)


@receiver(practice_event_recorded, dispatch_uid="training_practice_progress")
def on_practice_event(sender, event, **kwargs):
    practice_progress_record(event=event)
