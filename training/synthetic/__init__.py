"""A made-up province at the size the reports must handle (issue 5, "Scale"), for
`python -m training.bench_reports` and `manage.py training_synthetic_province`.

At scale 1 it holds 1 province, 100 communes (3 villages each), 5 organising units per
commune, 2,000 classes, 60,000 learners and enrolments, sessions and attendance, one
``EnrollmentProgress`` per enrolment, 5–11 ``ActivitySummary`` rows per active learner,
``PracticeErrorTally`` rows counted from the generated practice errors, and 5,000,000
``ProgressEvent`` rows. About 5% of the classes are "in session" at generation time, so a
class board has learners working, stuck and asking for help.

Everything it makes hangs off the province named ``SYNTHETIC_PROVINCE`` and users whose
username starts with ``USERNAME_PREFIX``; a build without ``reuse`` deletes exactly that
first. On PostgreSQL the big tables are loaded with COPY, elsewhere with ``bulk_create``.

Modules: ``data`` (fixed tables), ``storage`` (fast inserts and deletes), ``structure``
(places, classes, learners, attendance), ``activity`` (progress, summaries, events) and
``province`` (the entry points re-exported here).
"""

from .data import DEFAULT_SEED, FULL_SIZE, SYNTHETIC_PROVINCE, USERNAME_PREFIX
from .province import (
    synthetic_counts,
    synthetic_existing_counts,
    synthetic_province_build,
    synthetic_province_delete,
    synthetic_provinces,
)

__all__ = [
    "DEFAULT_SEED",
    "FULL_SIZE",
    "SYNTHETIC_PROVINCE",
    "USERNAME_PREFIX",
    "synthetic_counts",
    "synthetic_existing_counts",
    "synthetic_province_build",
    "synthetic_province_delete",
    "synthetic_provinces",
]
