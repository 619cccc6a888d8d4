from django.dispatch import Signal

# Sent after a player's report is stored, so training counts progress without courses
# importing it. sender=VideoWatchLog; render, user (None for visitors), segments
# [(start, end, rate)].
video_segments_recorded = Signal()
