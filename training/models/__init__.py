from .certificates import Certificate
from .classes import (
    JOIN_CODE_LETTERS,
    AdministrativeUnit,
    Attendance,
    ClassSession,
    Enrollment,
    ManagerScope,
    OrganisingUnit,
    TrainingClass,
    new_join_code,
)
from .progress import (
    ActivitySummary,
    EnrollmentProgress,
    FollowUpCall,
    PracticeErrorTally,
    PracticeSubmissionTime,
    ProgressEvent,
    ProgressOverride,
    RealSubmission,
)
from .skill_checks import SkillCheckAttempt

__all__ = [
    "JOIN_CODE_LETTERS",
    "ActivitySummary",
    "AdministrativeUnit",
    "Attendance",
    "Certificate",
    "ClassSession",
    "Enrollment",
    "EnrollmentProgress",
    "FollowUpCall",
    "ManagerScope",
    "OrganisingUnit",
    "PracticeErrorTally",
    "PracticeSubmissionTime",
    "ProgressEvent",
    "ProgressOverride",
    "RealSubmission",
    "SkillCheckAttempt",
    "TrainingClass",
    "new_join_code",
]
