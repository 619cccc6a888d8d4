"""The courses app's models: the catalogue and its pages, the renders of their tutorials
and the screens captured for them. Import them from here."""

from .pages import (
    AgencyLevel,
    Audience,
    CourseIndexPage,
    CoursePage,
    FoldedSearchMixin,
    LifeEvent,
    OnlineLevel,
    ProcedureIndexPage,
    ProcedurePage,
    Sector,
)
from .renders import QueuedWork, TutorialRender, VideoWatchLog, VideoWatchReport
from .step_captures import CaptureShot, StepCapture

__all__ = [
    "AgencyLevel",
    "Audience",
    "CaptureShot",
    "CourseIndexPage",
    "CoursePage",
    "FoldedSearchMixin",
    "LifeEvent",
    "OnlineLevel",
    "ProcedureIndexPage",
    "ProcedurePage",
    "QueuedWork",
    "Sector",
    "StepCapture",
    "TutorialRender",
    "VideoWatchLog",
    "VideoWatchReport",
]
