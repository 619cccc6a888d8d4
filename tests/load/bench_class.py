"""`make bench-class`: a class of N phones (default 40) on one trainer's laptop (issue 9).

Starts the `make run` server on a fresh database (tests/load/platform_server.py; SQLite,
or PostgreSQL when DATABASE_URL says so), then runs locust in library mode, in this one
process (gevent): N learners arrive over ~10 s and each does the class journey once
(tests/load/journey.py) with 1-3 s of reading between screens and the tutorial watched at
the pace a real player reports it, while the trainer's laptop reloads the class board
every 15 s. It stops when every journey has ended, or at the time limit.

It prints percentiles per request kind, errors, journeys completed, watch reports sent
against those the server recorded, the CPU of the server and of this load generator, and
ends with one line:

    bench-class learners=40 completed=40 errors=0 page_p95_s=0.123 form_p95_s=0.456

"page" is every GET of an HTML page; "form" every POST of a form, photo uploads
included; video, posters, the captcha picture, CSS/JS and the watch reports are reported
apart. With 40 learners or fewer it exits non-zero unless all journeys complete, no
request fails, no watch report is lost, page p95 < 0.3 s and form p95 < 0.6 s (the
issue's targets); with more it only reports.
"""

# Locust patches the standard library for gevent when it is imported: it comes first.
from locust import HttpUser, constant, events, task  # isort: skip

import argparse
import logging
import math
import os
import random
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import gevent
import psutil
from locust.env import Environment
from requests.adapters import HTTPAdapter

from tests.load.journey import (
    FORM,
    MEDIA,
    PAGE,
    PASSWORD_FORMS,
    REPORT,
    STATIC,
    UPLOAD,
    ClassJourney,
    JourneyError,
    Phone,
    SessionReader,
    TrainerBoard,
)
from tests.load.platform_server import PlatformServer

ROOT = str(Path(__file__).resolve().parents[2])
TARGET_LEARNERS = 40
PAGE_P95_TARGET_S = 0.3
FORM_P95_TARGET_S = 0.6


def say(text=""):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def percentile(values, share):
    """Nearest-rank percentile (share in 0-100) of a list of numbers; nan when empty."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share / 100 * len(ordered)) - 1)]


class HallAdapter(HTTPAdapter):
    """Connections from one loopback address: the phones of one hall share the hall's
    address, as behind its Wi-Fi router (the per-address throttles count them together)."""

    def __init__(self, source_address):
        self.source_address = source_address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.source_address, 0)
        super().init_poolmanager(*args, **kwargs)


def hall_address(hall):
    """127.0.1.1, 127.0.1.2, …: loopback addresses, one a hall (Linux answers all of
    127.0.0.0/8 on the loopback interface)."""
    return f"127.0.{1 + hall // 250}.{1 + hall % 250}"


class Bench:
    """What the users share: the world, and everything they did. With `hall_size`, every
    `hall_size` learners come from a loopback address of their own (from hall number
    `first_hall` on); without it all come from 127.0.0.1, one hall."""

    def __init__(
        self,
        *,
        server,
        learners,
        think,
        video_pace,
        seed,
        tap_again=False,
        hall_size=None,
        first_hall=0,
    ):
        self.server, self.learners = server, learners
        self.tap_again = tap_again
        self.hall_size, self.first_hall = hall_size, first_hall
        self.think, self.video_pace, self.seed = think, video_pace, seed
        self.sessions = SessionReader.from_env(server.env)
        self.journeys, self.phones, self.crashes = [], [], []
        self.next_index = 0

    def finished(self):
        return sum(1 for journey in self.journeys if journey["ended"])


def learner_class(bench):
    class Learner(HttpUser):
        """One phone: the class journey once, then it lies on the table."""

        host = bench.server.url
        wait_time = constant(3600)

        @task
        def class_journey(self):
            index, bench.next_index = bench.next_index, bench.next_index + 1
            if bench.hall_size:
                hall = bench.first_hall + index // bench.hall_size
                self.client.mount("http://", HallAdapter(hall_address(hall)))
            phone = Phone(self.client, self.host, tap_again=bench.tap_again)
            bench.phones.append(phone)
            journey = ClassJourney(
                phone,
                bench.server.world,
                bench.sessions,
                think=bench.think,
                video_pace=bench.video_pace,
                sleep=gevent.sleep,
                rng=random.Random(f"{bench.seed}-{index}"),
            )
            record = {"journey": journey, "started": time.monotonic(), "ended": None}
            bench.journeys.append(record)
            try:
                journey.run()
            except JourneyError:
                pass  # kept in journey.failed
            except Exception as error:  # noqa: BLE001 - a harness bug must not hide the others
                journey.failed = error
                bench.crashes.append(error)
            finally:
                record["ended"] = time.monotonic()

    return Learner


def trainer_class(bench):
    class Trainer(HttpUser):
        """The trainer's laptop: logged in, the class board reloading every 15 s."""

        host = bench.server.url
        fixed_count = 1
        wait_time = constant(15)

        def on_start(self):
            phone = Phone(self.client, self.host, tap_again=bench.tap_again)
            bench.phones.append(phone)
            self.board = TrainerBoard(phone, bench.server.world)
            try:
                self.board.log_in()
            except JourneyError as error:
                bench.crashes.append(error)

        @task
        def refresh(self):
            try:
                self.board.board()
            except JourneyError:
                pass  # in the phone's log as a failed request

    return Trainer


def cpu_seconds(processes, known):
    """User+system CPU of each process, remembered by pid (a worker that exits keeps its
    last reading)."""
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.Error:
            continue
        known[process.pid] = times.user + times.system
    return sum(known.values())


def machine_busy_seconds():
    """CPU seconds the whole machine spent busy (guest time is already in user time)."""
    times = psutil.cpu_times()
    return sum(
        getattr(times, name, 0) for name in ("user", "nice", "system", "irq", "softirq", "steal")
    )


def server_errors(server):
    """What the server logged about failed requests: how many, and each distinct
    exception (the last line of its traceback) with its count."""
    try:
        text = Path(server.log_path).read_text(errors="replace")
    except OSError:
        return []
    errors = re.findall(r"^(?:ERROR|Internal Server Error|Bad Request).*$", text, re.M)
    exceptions = Counter()
    for block in re.split(r"^Traceback \(most recent call last\):$", text, flags=re.M)[1:]:
        lines = block.splitlines()
        end = next((n for n, line in enumerate(lines) if line and not line[0].isspace()), 0)
        # The last frame in the project's own code (not the venv's) says where it happened.
        ours = [
            line.strip()
            for line in lines[:end]
            if line.lstrip().startswith("File ") and ".venv" not in line and ROOT in line
        ]
        where = f" (in {ours[-1].removeprefix('File ')})" if ours else ""
        exceptions[(lines[end] if lines else "?") + where.replace(ROOT + "/", "")] += 1
    if not errors and not exceptions:
        return []
    lines = [f"server log: {len(errors)} error lines, {sum(exceptions.values())} tracebacks"]
    lines += [f"  {count:>4} × {line[:300]}" for line, count in exceptions.most_common(8)]
    lines += [f"  {line[:200]}" for line in sorted(set(errors))[:8]]
    return lines


def server_counts(server):
    render_id = server.world["render_id"]
    class_id = server.world["class_id"]
    return server.python(
        "import json\n"
        "from courses.models.renders import VideoWatchLog, VideoWatchReport\n"
        "from sandbox.models import Payment, PracticeDossier\n"
        "from training.models import Enrollment\n"
        f"render = '{render_id}'\n"
        "print(json.dumps({\n"
        "  'reports': VideoWatchReport.objects.filter(render_id=render).count(),\n"
        "  'segments': VideoWatchLog.objects.filter(render_id=render).count(),\n"
        f"  'enrollments': Enrollment.objects.filter(training_class_id={class_id}).count(),\n"
        "  'dossiers': PracticeDossier.objects.exclude(code='').count(),\n"
        "  'payments': Payment.objects.filter(status='success').count(),\n"
        "}))"
    )


def wave_run(server, bench, *, spawn_seconds, time_limit, during=None):
    """Run the learners' journeys (and the trainer's board) until every journey has ended
    or the time limit; `during(elapsed)` is called every second (the province stage kills
    servers from there). Returns the wall time and the CPU seconds of the app servers,
    of this load generator and of everything else on the machine."""
    environment = Environment(
        user_classes=[learner_class(bench), trainer_class(bench)],
        events=events,
        host=server.url,
    )
    runner = environment.create_local_runner()
    server_known, own = {}, psutil.Process()
    server_cpu_before = cpu_seconds(server.server_pids(), server_known)
    own_before = sum(own.cpu_times()[:2])
    machine_before = machine_busy_seconds()
    started = time.monotonic()
    runner.start(bench.learners + 1, spawn_rate=max(bench.learners / spawn_seconds, 0.1))
    deadline = started + time_limit
    while time.monotonic() < deadline:
        gevent.sleep(1)
        if during is not None:
            during(time.monotonic() - started)
        # Readings while running too: a killed server's processes keep their last one.
        cpu_seconds(server.server_pids(), server_known)
        if bench.finished() >= bench.learners:
            break
    elapsed = time.monotonic() - started
    server_cpu = cpu_seconds(server.server_pids(), server_known) - server_cpu_before
    own_cpu = sum(own.cpu_times()[:2]) - own_before
    others_cpu = machine_busy_seconds() - machine_before - server_cpu - own_cpu
    runner.quit()
    return elapsed, (server_cpu, own_cpu, others_cpu)


def run(args):
    logging.basicConfig(level=logging.WARNING)
    database = (
        "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    )
    say(f"bench-class: starting the server on a fresh {database} database…")
    with PlatformServer(workers=args.workers, threads=args.threads) as server:
        bench = Bench(
            server=server,
            learners=args.learners,
            think=tuple(args.think),
            video_pace=args.video_pace,
            seed=args.seed,
        )
        workers = len(server.server_pids()) - 1
        say(
            f"server {server.url}: gunicorn, {workers} workers; {args.learners} learners "
            f"arriving over {args.spawn_seconds:g} s, reading {args.think[0]:g}-{args.think[1]:g}"
            f" s a screen, video at {args.video_pace:g}× real time, limit {args.time_limit} s"
        )
        elapsed, cpu = wave_run(
            server, bench, spawn_seconds=args.spawn_seconds, time_limit=args.time_limit
        )
        counts = server_counts(server)
        return report(args, bench, counts, elapsed, cpu, workers, server_errors(server))


def report(args, bench, counts, elapsed, cpu, workers, server_log):
    figures = wave_figures(bench, counts, elapsed, cpu, workers, server_log)
    completed, failed_hits = figures["completed"], figures["failed_hits"]
    lost, extra = figures["lost"], figures["extra"]
    page_p95, form_p95 = figures["page_p95"], figures["form_p95"]
    failures = []
    if completed < args.learners:
        failures.append(f"{args.learners - completed} journeys did not complete")
    if failed_hits:
        failures.append(
            f"{len(failed_hits)} requests failed ({figures['server_errors']} server errors)"
        )
    if lost or extra:
        failures.append(f"{lost} watch segments lost, {extra} credited twice")
    if not page_p95 < PAGE_P95_TARGET_S:
        failures.append(f"page p95 {page_p95:.3f} s ≥ {PAGE_P95_TARGET_S} s")
    if not form_p95 < FORM_P95_TARGET_S:
        failures.append(f"form p95 {form_p95:.3f} s ≥ {FORM_P95_TARGET_S} s")
    judged = args.learners <= TARGET_LEARNERS
    if failures:
        verdict = "MISSED" if judged else "(not judged above 40 learners)"
        say(f"targets {verdict}: " + "; ".join(failures))
    else:
        say("targets met")
    say(
        f"bench-class learners={args.learners} completed={completed} "
        f"errors={len(failed_hits) + lost + extra} page_p95_s={page_p95:.3f} "
        f"form_p95_s={form_p95:.3f}"
    )
    return 1 if judged and failures else 0


def wave_figures(bench, counts, elapsed, cpu, workers, server_log):
    """Print the figures of one wave of journeys and return the ones that are judged."""
    server_cpu, own_cpu, others_cpu = cpu
    hits = [hit for phone in bench.phones for hit in phone.hits]
    by_name = defaultdict(list)
    for hit in hits:
        by_name[(hit.kind, hit.name)].append(hit)
    kind_order = {kind: n for n, kind in enumerate((PAGE, FORM, UPLOAD, REPORT, MEDIA, STATIC))}

    def row(label, kind, group):
        times = [hit.seconds for hit in group]
        fails = sum(1 for hit in group if not hit.ok)
        say(
            f"{label:<46} {kind:<6} {len(group):>6} {fails:>5} {percentile(times, 50):>7.3f} "
            f"{percentile(times, 95):>7.3f} {percentile(times, 99):>7.3f} {max(times):>7.3f}"
        )

    say("")
    say(
        f"{'request':<46} {'kind':<6} {'count':>6} {'fail':>5} {'p50_s':>7} {'p95_s':>7} "
        f"{'p99_s':>7} {'max_s':>7}"
    )
    for (kind, name), group in sorted(
        by_name.items(), key=lambda i: (kind_order[i[0][0]], i[0][1])
    ):
        row(name, kind, group)
    pages = [hit for hit in hits if hit.kind == PAGE]
    forms = [hit for hit in hits if hit.kind in (FORM, UPLOAD)]
    say("")
    for label, kind, group in (
        ("all HTML pages (GET)", PAGE, pages),
        ("all forms (POST, photo uploads included)", FORM, forms),
        ("  forms without photo uploads", FORM, [h for h in hits if h.kind == FORM]),
        ("  forms that hash a password", FORM, [h for h in forms if h.name in PASSWORD_FORMS]),
        ("  forms that do not", FORM, [h for h in forms if h.name not in PASSWORD_FORMS]),
        ("  photo uploads", UPLOAD, [h for h in hits if h.kind == UPLOAD]),
        ("watch reports (JSON POST)", REPORT, [h for h in hits if h.kind == REPORT]),
        ("video, posters, captcha pictures", MEDIA, [h for h in hits if h.kind == MEDIA]),
        ("CSS and JavaScript", STATIC, [h for h in hits if h.kind == STATIC]),
    ):
        if group:
            row(label, kind, group)
    media_bytes = sum(hit.size for hit in hits if hit.kind in (MEDIA, STATIC))
    say(f"media and static bytes served: {media_bytes / 1e6:.1f} MB")

    failed_hits = [hit for hit in hits if not hit.ok]
    errors = Counter(f"{hit.status or 'no answer'} {hit.name} ({hit.error})" for hit in failed_hits)
    say("")
    say(f"errors: {len(failed_hits)}" + ("" if errors else " (none)"))
    for what, count in errors.most_common():
        say(f"  {count:>4} × {what}")
    server_errors = sum(1 for hit in failed_hits if hit.status >= 500)

    journeys = [record["journey"] for record in bench.journeys]
    completed = sum(1 for journey in journeys if journey.failed is None and journey.code)
    not_started = bench.learners - len(journeys)
    stuck = sum(1 for record in bench.journeys if record["ended"] is None)
    say(
        f"journeys completed {completed}/{bench.learners}"
        + (f", {not_started} never started" if not_started else "")
        + (f", {stuck} still running at the time limit" if stuck else "")
    )
    for where, count in Counter(
        str(journey.failed) for journey in journeys if journey.failed is not None
    ).most_common(10):
        say(f"  {count:>4} × failed at {where}")
    for crash in bench.crashes[:5]:
        say(f"  harness: {type(crash).__name__}: {crash}")

    done = [record for record in bench.journeys if record["ended"] is not None]
    if done:
        lengths = [record["ended"] - record["started"] for record in done]
        say(f"journey length: median {statistics.median(lengths):.0f} s, max {max(lengths):.0f} s")
        phases = [
            f"{phase} {statistics.median(walls):.1f}/{statistics.median(servers):.2f}"
            for phase in ClassJourney.PHASES
            if (walls := [j.phases[phase]["wall"] for j in journeys if phase in j.phases])
            and (servers := [j.phases[phase]["server"] for j in journeys if phase in j.phases])
        ]
        say("phases, median s (with reading / waiting on the server):")
        say("  " + " · ".join(phases))

    batches = {}
    for journey in journeys:
        for batch, segments, _answer in journey.reports_sent:
            batches[batch] = segments
    acknowledged = sum(
        1 for journey in journeys for _batch, _segments, answer in journey.reports_sent if answer
    )
    sent_segments = sum(batches.values())
    lost = max(0, len(batches) - counts["reports"]) + max(0, sent_segments - counts["segments"])
    extra = max(0, counts["segments"] - sent_segments)
    say(
        f"watch reports: {len(batches)} batches ({sent_segments} segments) sent, "
        f"{acknowledged} acknowledged; the server recorded {counts['reports']} batches "
        f"({counts['segments']} segments): {lost} lost, {extra} extra"
    )
    say(
        f"server data: {counts['enrollments']} enrolments, {counts['dossiers']} dossiers "
        f"with a code, {counts['payments']} payments"
    )
    cores = psutil.cpu_count() or 1
    say(
        f"server CPU (gunicorn master + {workers} workers): {server_cpu:.1f} s over "
        f"{elapsed:.0f} s = {server_cpu / elapsed:.0%} of one core, "
        f"{server_cpu / elapsed / cores:.0%} of the machine ({cores} cores)"
    )
    say(
        f"load generator CPU (locust, one process): {own_cpu:.1f} s = "
        f"{own_cpu / elapsed:.0%} of one core"
    )
    say(
        f"other processes on this machine meanwhile: {max(others_cpu, 0):.1f} s = "
        f"{max(others_cpu, 0) / elapsed / cores:.0%} of the machine"
    )
    for line in server_log:
        say(line)

    return {
        "hits": hits,
        "completed": completed,
        "failed_hits": failed_hits,
        "server_errors": server_errors,
        "lost": lost,
        "extra": extra,
        "page_p95": percentile([hit.seconds for hit in pages], 95),
        "form_p95": percentile([hit.seconds for hit in forms], 95),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=TARGET_LEARNERS)
    parser.add_argument("--spawn-seconds", type=float, default=10, help="arrival of the class")
    parser.add_argument(
        "--think",
        type=float,
        nargs=2,
        default=(1, 3),
        metavar=("MIN", "MAX"),
        help="seconds a person reads each screen",
    )
    parser.add_argument(
        "--video-pace",
        type=float,
        default=1.0,
        help="1: a watch report every 10 s of video, as a player sends them; under 0.5 "
        "the server refuses them (faster than a 2× player)",
    )
    parser.add_argument("--time-limit", type=int, default=600, help="seconds")
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=None, help="gunicorn threads")
    parser.add_argument("--seed", default="bench-class")
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
