"""Tutorial screens captured from the practice portal itself.

A procedure's steps carry a script of what a person does in the practice portal
(courses.blocks.PracticeActionBlock). The capture serves the portal from this process on
a loopback port, plays the scripts in Debian's Chromium at a phone's size with a
throwaway practice identity, and stores a screenshot per moment of each action
(courses.models.step_captures). The renderer turns them into the tutorial videos, so a video
always shows the screens a learner then practises on.
"""
