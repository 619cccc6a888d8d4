"""`make bench-reports`: reports, the class board and a progress write on a province-sized
database (issue 5, "Scale").

Needs PostgreSQL (``DATABASE_URL=postgres://…``): the figures are meant for the production
database, and the synthetic province is loaded with COPY. It migrates, loads the demo
courses if the database has none (so classes have real lessons), builds or reuses the
synthetic province of ``manage.py training_synthetic_province`` (100 communes, 2,000
classes, 60,000 learners, 5,000,000 progress events), then times, as medians of N runs
after one warm-up:

- province_s: ``reports.unit_report`` for the province, every table's cells built;
- commune_s: the same for its busiest commune;
- board_s: ``selectors.class_board`` for a class in session with about 30 learners;
- progress_write_ms: ``practice_progress_record`` for one sandbox error event of a
  learner of that class (the event and its attempt are made first, untimed; all of it is
  rolled back, so runs do not drift). A finishing event is timed too, for information.

"now" is the moment the synthetic data was generated, so reused data gives the same
figures on a later day. Exit status 1 when province_s ≥ 1 s or board_s ≥ 0.2 s.

Run from the repository root: `python -m training.bench_reports [--runs 7] [--explain]`.
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7
MAX_PROVINCE_S = 1.0
MAX_BOARD_S = 0.2
BOARD_CLASS_SIZE = 30


def _setup():
    root = Path(__file__).resolve().parent.parent
    # site/ is a source root, not a package (see manage.py).
    sys.path.insert(0, str(root / "site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    # Loading the demo courses writes screenshots and documents: keep them out of media/,
    # and skip rendering their videos, which the reports do not need.
    os.environ.setdefault("MEDIA_ROOT", str(Path(tempfile.gettempdir()) / "bench-reports-media"))
    os.environ.setdefault("TUTORIAL_RENDER_ON_PUBLISH", "false")
    import django

    django.setup()


def _median(fn, runs):
    """fn() returns the seconds it measured; one warm-up call, then the median of runs."""
    fn()
    samples = [fn() for _run in range(runs)]
    return statistics.median(samples), samples


def _timed(fn):
    def run():
        started = time.perf_counter()
        fn()
        return time.perf_counter() - started

    return run


def _queries(fn):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        fn()
    return captured.captured_queries


def _explain(out, label, queries, top=3):
    """EXPLAIN ANALYZE of the slowest queries of one call, for finding a missing index."""
    from django.db import connection

    out.write(f"\n-- {label}: {len(queries)} queries; the slowest with their plans\n")
    ranked = sorted(queries, key=lambda q: float(q["time"]), reverse=True)[:top]
    with connection.cursor() as cursor:
        for query in ranked:
            if not query["sql"].lstrip().upper().startswith("SELECT"):
                continue
            out.write(f"\n[{float(query['time']) * 1000:.1f} ms] {query['sql'][:600]}\n")
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {query['sql']}")
            out.write("\n".join(row[0] for row in cursor.fetchall()) + "\n")


def _province():
    from django.core.management import call_command

    from training.synthetic import synthetic_provinces

    call_command("training_synthetic_province", reuse=True, scale=1.0)
    return synthetic_provinces().get()


def _subjects(province):
    """The moment of generation, the busiest commune, and a class in session near 30."""
    from django.db.models import Count, Max

    from training.models import AdministrativeUnit, EnrollmentProgress, TrainingClass

    communes = AdministrativeUnit.objects.filter(parent=province, level="xa")
    latest = EnrollmentProgress.objects.filter(
        enrollment__training_class__commune__in=communes
    ).aggregate(latest=Max("last_active_at"))["latest"]
    now = latest + datetime.timedelta(minutes=1)
    commune = communes.annotate(n=Count("classes__enrollments")).order_by("-n", "pk").first()
    in_session = (
        TrainingClass.objects.filter(
            commune__in=communes,
            sessions__starts_at__gte=now - datetime.timedelta(hours=3),
            sessions__starts_at__lte=now,
        )
        .distinct()
        .annotate(n=Count("enrollments", distinct=True))
    )
    board_class = min(in_session, key=lambda c: (abs(c.n - BOARD_CLASS_SIZE), c.pk))
    return now, commune, board_class


def _progress_write(board_class, *, finish=False):
    """Time one practice_progress_record for a learner of the class, inside a transaction
    that is rolled back."""
    from django.db import transaction

    from sandbox.models import Exercise, ExerciseAttempt, PracticeEvent
    from training.activities import course_activities
    from training.models import ActivitySummary
    from training.services.progress import practice_progress_record

    slugs = [a.exercise_slug for a in course_activities(board_class.course) if a.exercise_slug]
    slug = slugs[0] if slugs else "tao-tai-khoan"
    # A learner who has not finished that exercise yet, so finishing it recounts their
    # standing in the course.
    finished = ActivitySummary.objects.filter(
        activity_key=f"exercise:{slug}", completed_at__isnull=False
    ).values("learner_id")
    enrollment = (
        board_class.enrollments.filter(learner__isnull=False)
        .exclude(learner_id__in=finished)
        .select_related("learner")
        .order_by("pk")
        .first()
    )
    if enrollment is None:  # everyone finished it: the write is then a plain update
        enrollment = board_class.enrollments.filter(learner__isnull=False).first()
    learner = enrollment.learner
    with transaction.atomic():
        exercise = Exercise.objects.filter(slug=slug).first() or Exercise.objects.create(
            slug=slug, title=slug, audience="citizen", kind="register", task="-"
        )
        attempt = ExerciseAttempt.objects.create(
            owner_key=f"user:{learner.pk}", user=learner, exercise=exercise, mode="practice"
        )
        kind = PracticeEvent.Kind.EXERCISE_COMPLETED if finish else PracticeEvent.Kind.ERROR
        event = PracticeEvent.objects.create(
            owner_key=f"user:{learner.pk}",
            user=learner,
            attempt=attempt,
            kind=kind,
            step="" if finish else "otp",
            error_code="" if finish else "otp_wrong",
            field="" if finish else "otp",
            mode="practice",
            duration_ms=240_000 if finish else None,
        )
        started = time.perf_counter()
        practice_progress_record(event=event)
        elapsed = time.perf_counter() - started
        transaction.set_rollback(True)
    return elapsed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument(
        "--explain", action="store_true", help="print EXPLAIN ANALYZE of the slowest queries"
    )
    args = parser.parse_args(argv)
    _setup()

    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    out = sys.stdout
    if connection.vendor != "postgresql":
        sys.stderr.write(
            "bench-reports needs PostgreSQL: set DATABASE_URL=postgres://user@host:port/name "
            f"(this database is {connection.vendor}).\n"
        )
        return 2
    settings.DEBUG = False  # time what a production server pays: no query log
    call_command("migrate", interactive=False, verbosity=0)

    from courses.models import CoursePage

    if not CoursePage.objects.live().exists():
        out.write("Loading the demo courses (classes get real lessons)…\n")
        call_command("seed_demo", no_accounts=True)

    from training import reports
    from training.models import ActivitySummary, Enrollment, ProgressEvent, TrainingClass
    from training.selectors import class_board

    province = _province()
    now, commune, board_class = _subjects(province)
    enrollments = Enrollment.objects.filter(training_class__commune__parent=province)
    out.write(
        f"data: {enrollments.count()} learners in {province.children.filter(level='xa').count()} "
        f"communes and {TrainingClass.objects.filter(commune__parent=province).count()} "
        f"classes; {ProgressEvent.objects.count()} progress events, "
        f"{ActivitySummary.objects.count()} activity summaries in the database\n"
    )
    out.write(f"now = {now:%Y-%m-%d %H:%M} UTC (when the data was generated); {args.runs} runs\n")

    def province_report():
        report = reports.unit_report(province, now=now)
        return [table.cell_rows() for table in report["tables"]]

    def commune_report():
        report = reports.unit_report(commune, now=now)
        return [table.cell_rows() for table in report["tables"]]

    def board():
        return class_board(board_class, now=now)

    checks = [
        ("province report", province.name, province_report),
        ("commune report", f"{commune.name}, {commune.n} learners", commune_report),
        ("class board", f"{board_class.name}, {board_class.n} learners", board),
    ]
    results = {}
    for label, subject, fn in checks:
        median, samples = _median(_timed(fn), args.runs)
        queries = _queries(fn)
        results[label] = median
        out.write(
            f"{label:<16} {median * 1000:8.1f} ms median  "
            f"(min {min(samples) * 1000:.1f}, max {max(samples) * 1000:.1f}; "
            f"{len(queries)} queries)  {subject}\n"
        )
    sample = board()
    out.write(
        f"  board: {len(sample['rows'])} rows, {sample['needs_help']} need help, "
        f"{sample['completed']} completed\n"
    )
    write, _samples = _median(lambda: _progress_write(board_class), args.runs)
    finish, _samples = _median(lambda: _progress_write(board_class, finish=True), args.runs)
    out.write(f"{'progress write':<16} {write * 1000:8.1f} ms median  (one sandbox error event)\n")
    out.write(
        f"{'finishing write':<16} {finish * 1000:8.1f} ms median  "
        "(exercise finished: the enrolment's standing recounted)\n"
    )
    if args.explain:
        _explain(out, "province report", _queries(province_report))
        _explain(out, "class board", _queries(board))
    failures = []
    if results["province report"] >= MAX_PROVINCE_S:
        failures.append(f"province report {results['province report']:.3f} s ≥ {MAX_PROVINCE_S} s")
    if results["class board"] >= MAX_BOARD_S:
        failures.append(f"class board {results['class board']:.3f} s ≥ {MAX_BOARD_S} s")
    out.flush()
    for failure in failures:
        sys.stderr.write(f"bench-reports FAILED: {failure}\n")
    sys.stderr.flush()
    out.write(
        f"bench-reports province_s={results['province report']:.3f} "
        f"commune_s={results['commune report']:.3f} board_s={results['class board']:.3f} "
        f"progress_write_ms={write * 1000:.1f}\n"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
