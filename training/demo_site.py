"""The whole demo, every app's seed in the order their data depends on: procedures
(courses), the practice portal's e-forms and exercises for them (sandbox), the courses
whose practice lessons name those exercises. Training's organisations and the demo
accounts are seeded by `seed_demo` after it.

It lives in the top layer because it is the one place that may import all three apps."""

from django.db import transaction

from assessments.demo import assessments_demo_seed
from courses.demo.loader import SeedReport, courses_demo_seed, procedures_demo_seed
from sandbox.demo.loader import sandbox_demo_seed
from sandbox.models import Exercise


@transaction.atomic
def demo_site_seed(*, update: bool = False) -> SeedReport:
    report = procedures_demo_seed(update=update)
    report.sandbox_written = sandbox_demo_seed(update=update)
    assessments_demo_seed(update=update)
    courses_demo_seed(
        exercise_for=lambda slug: Exercise.objects.get(slug=slug), update=update, report=report
    )
    return report
