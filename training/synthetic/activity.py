"""What the synthetic learners did: each one's path through the course, the
``ActivitySummary`` and ``EnrollmentProgress`` rows the reports read, the
``ProgressEvent`` log with its ``PracticeErrorTally`` counts, and a final ANALYZE.

This is the second half of a build, after ``structure``; its steps run in the order
``synthetic_province_build`` calls them (the summaries set what the progress rows and
the events are about).
"""

import datetime
import itertools
import random
from collections import Counter

from django.contrib.auth import get_user_model
from django.db import connection

from ..models import (
    ActivitySummary,
    AdministrativeUnit,
    Attendance,
    ClassSession,
    Enrollment,
    EnrollmentProgress,
    OrganisingUnit,
    PracticeErrorTally,
    ProgressEvent,
    TrainingClass,
)
from ..services.progress import FREE_PRACTICE_KEY
from .data import (
    COMPLETED_SHARE,
    FALLBACK_ACTIVITIES,
    INACTIVE_SHARE,
    PRACTICE_ERROR_SHARE,
    PRACTISED_SHARE,
    SUBMITTED_OF_COMPLETED,
    steps_of,
)
from .storage import COPY_CHUNK, rows_insert

# ---- who did what, when --------------------------------------------------------------


def paths_plan(run, learners):
    """Decide each learner's path: inactive, in progress, practised, completed,
    submitted for real; and the activities they touched."""
    rng, now = run.rng, run.now
    days = datetime.timedelta(days=1)
    active_share = 1 - INACTIVE_SHARE
    class_course = dict(
        TrainingClass.objects.filter(pk__in={lr.class_id for lr in learners}).values_list(
            "pk", "course_id"
        )
    )
    for learner in learners:
        learner.activities = run.course_keys.get(
            class_course[learner.class_id], FALLBACK_ACTIVITIES
        )
        if rng.random() < INACTIVE_SHARE:
            continue
        since = now - learner.created
        draw = rng.random() * active_share
        if draw < COMPLETED_SHARE:
            took = days * rng.lognormvariate(2.5, 0.6)  # median about 12 days
            if took < since:
                learner.completed_at = learner.created + took
                learner.practised_at = learner.created + took * rng.uniform(0.5, 1)
                if rng.random() < SUBMITTED_OF_COMPLETED:
                    learner.submitted_at = min(
                        now, learner.completed_at + days * rng.uniform(1, 30)
                    )
                rest = min(now - learner.completed_at, days * 20)
                learner.last_active = learner.completed_at + rest * rng.random() ** 3
        elif draw < PRACTISED_SHARE:
            learner.practised_at = learner.created + since * rng.uniform(0.05, 0.8)
        if learner.last_active is None:
            span = min(since, days * 60)
            floor = learner.practised_at or learner.created
            learner.last_active = max(floor, learner.created + span * rng.uniform(0.05, 1))
        if learner.live and learner.completed_at is None:
            learner.last_active = now - datetime.timedelta(minutes=rng.uniform(0, 3))
    run.say("Đã chọn lộ trình cho từng học viên.")


def progress_create(run, learners):
    """One ``EnrollmentProgress`` per enrolment, from the counts the summaries left."""
    rows = []
    rng = run.rng
    # The skills checks draw from their own generator, so adding them left every other
    # figure of the province as it was.
    checks = random.Random(1565)  # noqa: S311 - made-up data, no secrets
    for learner in learners:
        pre, post, passed = _skills_checks(checks, learner)
        # From log-in to submission in practice: about 9 minutes the first time, and
        # faster by the latest (the 5-minute table of the reports).
        first = last = None
        if learner.practised_at:
            first = round(rng.lognormvariate(6.3, 0.5))
            last = round(first * rng.uniform(0.3, 1.0))
        rows.append(
            (
                learner.enrollment_id,
                learner.done,
                learner.total,
                learner.attended,
                learner.practised_at,
                learner.completed_at,
                learner.last_active,
                learner.submitted_at,
                first,
                last,
                pre,
                post,
                passed,
            )
        )
    count = rows_insert(
        EnrollmentProgress,
        [
            "enrollment_id",
            "activities_done",
            "activities_total",
            "sessions_attended",
            "practised_at",
            "completed_at",
            "last_active_at",
            "real_submission_at",
            "first_submit_seconds",
            "last_submit_seconds",
            "pre_test_percent",
            "post_test_percent",
            "post_test_passed_at",
        ],
        rows,
    )
    run.say(f"{count} dòng tiến độ theo lượt ghi danh.")


def _skills_checks(rng, learner):
    """(pre-test %, best final-test %, passed at): four in ten learners who practised
    sat the pre-test (about 40 %); completers passed the final test (80–100 %), and one
    learner in five who practised without completing sat it and failed."""
    pre = round(rng.uniform(10, 70)) if learner.practised_at and rng.random() < 0.4 else None
    if learner.completed_at:
        return pre, round(rng.uniform(80, 100)), learner.completed_at
    if learner.practised_at and rng.random() < 0.2:
        return pre, round(rng.uniform(30, 75)), None
    return pre, None, None


def _summary_rows(run, learner):
    """5–8 activities of a learner in progress (all of them once completed): the first
    ``done`` finished, the last one where they are now."""
    rng, now = run.rng, run.now
    course = set(learner.activities)
    if learner.completed_at:
        touched = list(learner.activities)
        done = len(touched)
    else:
        touched = list(learner.activities[: rng.randint(5, 8)])
        extra = [(FREE_PRACTICE_KEY, "practice"), ("video:0", "video"), ("quiz:on-tap", "quiz")]
        while len(touched) < 5 and extra:
            touched.append(extra.pop(0))
        done = rng.randint(0, len(touched) - 1)
        if learner.live:
            # In class right now: the activity under way is a practice exercise.
            practice = [a for a in touched[done:] if a[1] == "practice"]
            current = practice[0] if practice else (FREE_PRACTICE_KEY, "practice")
            touched = [a for a in touched if a != current] + [current]
            done = min(done, len(touched) - 1)
    learner.done = sum(1 for a in touched[:done] if a in course)
    end = learner.completed_at or learner.last_active
    span = end - learner.created
    rows = []
    for index, (key, kind) in enumerate(touched):
        finished = index < done
        at = learner.created + span * ((index + 1) / len(touched))
        last = learner.last_active if index == len(touched) - 1 else at
        row = {
            "progress": 1.0 if finished else round(rng.uniform(0.1, 0.85), 4),
            "completed_at": at if finished else None,
            "time_spent_s": round(rng.uniform(60, 900), 1),
            "error_count": 0,
            "current_step": "",
            "step_done": False,
            "step_since": None,
            "last_error_code": "",
            "same_error_count": 0,
        }
        if kind == "read":
            row["progress"] = 1.0 if finished else 0.0
        elif kind == "quiz":
            row["error_count"] = rng.randint(0, 3)
        elif kind == "practice":
            steps = steps_of(key)
            row["error_count"] = rng.randint(0, 8)
            if finished:
                row.update(current_step=steps[-1], step_done=True, step_since=at)
            else:
                step = rng.choice(steps)
                since = last - datetime.timedelta(minutes=rng.uniform(0.1, 2.5))
                row.update(current_step=step, step_since=since)
                codes = run.step_errors.get(step)
                if codes and rng.random() < 0.2:
                    row["last_error_code"] = codes[0] if rng.random() < 0.6 else rng.choice(codes)
                    row["same_error_count"] = rng.randint(1, 4)
        rows.append(
            (
                learner.learner_id,
                key,
                kind,
                row["progress"],
                row["completed_at"],
                None,
                row["time_spent_s"],
                row["error_count"],
                row["current_step"],
                row["step_done"],
                row["step_since"],
                row["last_error_code"],
                row["same_error_count"],
                min(last, now),
                "{}" if connection.vendor == "postgresql" else {},
            )
        )
    learner.activities = touched  # what their events are about
    return rows


def summaries_create(run, learners):
    """``ActivitySummary`` rows of every learner who did something; sets each learner's
    ``total`` and ``done`` and narrows ``activities`` to those touched."""

    def rows():
        for learner in learners:
            learner.total, learner.done = len(learner.activities), 0
            if learner.last_active is not None:
                yield from _summary_rows(run, learner)

    count = rows_insert(
        ActivitySummary,
        [
            "learner_id",
            "activity_key",
            "kind",
            "progress",
            "completed_at",
            "guided_completed_at",
            "time_spent_s",
            "error_count",
            "current_step",
            "step_done",
            "step_since",
            "last_error_code",
            "same_error_count",
            "last_event_at",
            "detail",
        ],
        rows(),
    )
    active = sum(lr.last_active is not None for lr in learners)
    run.say(f"{count} dòng tóm tắt hoạt động ({active} học viên đã học).")


# ---- the event log -------------------------------------------------------------------


def _fragments(run, key, kind):
    """What an event about this activity looks like, in proportions: 100 slots for an
    exercise (steps, errors, start, finish), 40 for a video, 25 for a quiz."""
    rng = run.rng
    if kind == "video":
        return [("video", key, "", "", round(v / 40 + rng.random() / 40, 4)) for v in range(40)]
    if kind == "quiz":
        return [("quiz", key, "", "", (0.0, 0.5, 1.0)[v % 3]) for v in range(25)]
    if kind != "practice":
        return []
    steps = steps_of(key)
    slots = [("practice", key, "", "", None), ("practice", key, "", "", 1.0)]
    errors = round(100 * PRACTICE_ERROR_SHARE)
    failing = [step for step in steps if run.step_errors.get(step)] or ["register"]
    for n in range(errors):
        step = failing[n % len(failing)]
        codes = run.step_errors[step]
        # Half of a step's errors are its most common one.
        code = codes[0] if n % 2 else codes[(n // 2) % len(codes)]
        slots.append(("practice", key, step, code, None))
    for n in range(100 - len(slots)):
        slots.append(("practice", key, steps[n % len(steps)], "", None))
    return slots


def events_create(run, counts, learners):
    """The ``ProgressEvent`` log: attendance events plus ``counts["events"]`` in all, shared
    out by how far each learner got; and ``PracticeErrorTally`` counted from its errors."""
    rng = run.rng
    attendance = sum(len(lr.events) for lr in learners)
    online = [lr for lr in learners if lr.last_active is not None]
    remaining = max(0, counts["events"] - attendance)
    if not online and remaining:
        online = learners  # tiny scales: somebody must carry the events
    weights = []
    for lr in online:
        base = 1.6 if lr.completed_at else 1.0 if lr.practised_at else 0.6
        weights.append(base * rng.uniform(0.3, 1.7))
    share = remaining / sum(weights) if weights else 0
    sizes = [int(w * share) for w in weights]
    for i in rng.sample(range(len(online)), remaining - sum(sizes)):
        sizes[i] += 1
    fragments, cache = {}, {}
    tallies = Counter()

    def slots_of(activities):
        key = tuple(activities)
        if key not in cache:
            slots = []
            for activity in activities:
                if activity not in fragments:
                    fragments[activity] = _fragments(run, *activity)
                slots += fragments[activity]
            cache[key] = slots or _fragments(run, FREE_PRACTICE_KEY, "practice")
        return cache[key]

    size_of = {lr.enrollment_id: n for lr, n in zip(online, sizes, strict=True)}

    def rows():
        for learner in learners:
            n = size_of.get(learner.enrollment_id, 0)
            events = learner.events
            if n:
                start = learner.created
                span = (learner.last_active or run.now) - start
                picked = rng.choices(slots_of(learner.activities or []), k=n)
                offsets = sorted(rng.random() for _i in range(n - 1)) + [1.0]
                for slot, offset in zip(picked, offsets, strict=True):
                    events.append((*slot, start + span * offset))
                    if slot[3]:
                        tallies[(learner.class_id, slot[2], slot[3])] += 1
                events.sort(key=lambda e: e[5])
            for kind, key, step, code, value, at in events:
                yield (
                    learner.learner_id,
                    learner.enrollment_id,
                    kind,
                    key,
                    step,
                    code,
                    value,
                    at,
                )
            learner.events = None

    loaded = 0
    columns = [
        "learner_id",
        "enrollment_id",
        "kind",
        "activity_key",
        "step",
        "error_code",
        "value",
        "occurred_at",
    ]
    stream = rows()
    report_every = max(COPY_CHUNK, counts["events"] // 10)
    while True:
        batch = rows_insert(ProgressEvent, columns, itertools.islice(stream, report_every))
        if not batch:
            break
        loaded += batch
        run.say(f"{loaded:,} sự kiện tiến độ…")
    count = rows_insert(
        PracticeErrorTally,
        ["training_class_id", "step", "error_code", "count"],
        ((cls, step, code, n) for (cls, step, code), n in sorted(tallies.items())),
    )
    run.say(f"{loaded:,} sự kiện, {count} dòng đếm lỗi thực hành.")


def tables_analyze(run):
    """Fresh planner statistics on PostgreSQL, so the first benchmark run after a build
    does not time plans made for empty tables."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in (
            AdministrativeUnit,
            OrganisingUnit,
            TrainingClass,
            ClassSession,
            Enrollment,
            Attendance,
            EnrollmentProgress,
            ActivitySummary,
            PracticeErrorTally,
            ProgressEvent,
            get_user_model(),
        ):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
    run.say("ANALYZE xong.")
