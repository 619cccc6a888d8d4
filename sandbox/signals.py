"""Signals other parts listen to, so the sandbox never imports them (training counts
progress from practice events)."""

from django.dispatch import Signal

# sender=PracticeEvent; event: the saved PracticeEvent (with .attempt and .user)
practice_event_recorded = Signal()
