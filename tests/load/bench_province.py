"""`make bench-province` and CI's province stage (issue 14): the class journeys of
`make bench-class`, across nginx and two app servers, on PostgreSQL, Redis, a Celery
worker and beat, and media in an S3-compatible bucket (tests/load/province.py).

For each learner count (default 200, then 400) one wave of learners does the class
journey once, and the figures are printed: requests per second per app-server core (the
requests that reached an app server, per CPU-second the app servers spent), p95 by request
kind, the database's busiest queries in that wave, and its growth per learner. It ends
with one line:

    bench-province servers=2 learners=200 rps_per_core=… page_p95_s=… form_p95_s=… | learners=400 …

With --kill (CI's province stage, one wave of 200), it asks for the renders of a second
tutorial, and mid-wave kills one app server and the render worker with SIGKILL, bringing
each back 5 s later as systemd would. It exits non-zero unless every journey completes
(a form cut off in the dead server is sent again by its person, as anyone would after a
"bad gateway" page; nothing else may fail), no watch segment is lost or counted twice,
every render finishes exactly once (only the one the killed worker held was claimed
twice), and no file the database refers to is missing from the bucket, nor any render
output left unreferenced.
"""

# Locust patches the standard library for gevent when it is imported: it comes first.
import locust  # noqa: F401  # isort: skip

import argparse
import json
import logging
import math
import re
import sys
import time
from collections import Counter

import psutil

from tests.load.bench_class import (
    Bench,
    percentile,
    say,
    server_counts,
    wave_figures,
    wave_run,
)
from tests.load.journey import FORM, MEDIA, PAGE, REPORT, STATIC, UPLOAD
from tests.load.province import ProvinceTopology

CHAOS_PROCEDURE = "cap-phieu-ly-lich-tu-phap"
RENDERS_DONE_WITHIN_S = 900
RESTART_AFTER_S = 5
HALL_SIZE = 40
# journeys complete, no request failed for good, watch segments exact, something was
# killed, renders done, renders once, no file missing, no render file unreferenced
KILL_CHECKS = 8


def busiest_queries(province, limit=6):
    rows = province.psql(
        "SELECT calls, total_exec_time, mean_exec_time, "
        "regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements "
        "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'congdanso') "
        "ORDER BY total_exec_time DESC LIMIT %s",
        (limit,),
    )
    total = province.psql(
        "SELECT coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0) "
        "FROM pg_stat_statements "
        "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'congdanso')"
    )[0]
    return rows, total


def database_bytes(province):
    return province.psql("SELECT pg_database_size('congdanso')")[0][0]


def bytes_by_app(province):
    """Table sizes (with indexes) added up by app: training's are kept, the sandbox's are
    purged SANDBOX_RETENTION_DAYS after a learner's last practice."""
    rows = province.psql("SELECT relname, pg_total_relation_size(relid) FROM pg_stat_user_tables")
    sizes = Counter()
    for table, size in rows:
        sizes[table.split("_", 1)[0]] += size
    return sizes


class AccessLog:
    """nginx's access log (tests/load/province.py writes it with the upstream address):
    the requests an app server answered, counted per wave."""

    def __init__(self, province):
        self.path = province.workdir / "nginx" / "access.log"
        self.app_addresses = {f"127.0.0.1:{port}" for port in province.app_ports}
        self.offset = 0

    def mark(self):
        self.offset = self.path.stat().st_size if self.path.exists() else 0

    def since_mark(self):
        with open(self.path, "rb") as handle:
            handle.seek(self.offset)
            lines = handle.read().decode(errors="replace").splitlines()
        by_upstream = Counter()
        for line in lines:
            # "$upstream_addr" is "a, b" when nginx went on to the next server.
            upstreams = line.rsplit(" ", 1)[-1] if line else ""
            answered_by = upstreams.split(",")[-1].strip()
            by_upstream[answered_by if answered_by in self.app_addresses else "nginx"] += 1
        retried = sum(1 for line in lines if re.search(r"\d, \d", line))
        return by_upstream, retried


class Chaos:
    """Mid-wave: asks the worker for the renders of a second tutorial, kills app server 1
    and the worker (SIGKILL) as soon as a render is under way, and restarts both 5 s
    later, as systemd's Restart=on-failure would."""

    def __init__(self, province, *, kill_at):
        self.province, self.kill_at = province, kill_at
        self.render_ids = []
        self.killed_at = self.restarted = None
        self.held_render = None

    def running_render(self):
        rows = self.province.psql(
            "SELECT id::text FROM courses_tutorialrender WHERE status = 'running' LIMIT 1"
        )
        return rows[0][0] if rows else None

    def __call__(self, elapsed):
        if not self.render_ids and elapsed >= self.kill_at - 10:
            self.render_ids = renders_request(self.province)
            say(
                f"  t={elapsed:.0f} s: asked the worker for {len(self.render_ids)} renders "
                f"of {CHAOS_PROCEDURE}"
            )
        elif self.render_ids and self.killed_at is None and elapsed >= self.kill_at:
            held = self.running_render()
            if held is None and elapsed < self.kill_at + 120:
                return  # wait for the worker to be in the middle of a render
            self.held_render = held
            self.province.kill("app1")
            self.province.kill("worker")
            self.killed_at = elapsed
            say(
                f"  t={elapsed:.0f} s: killed app server 1 and the worker (SIGKILL), "
                f"the worker in the middle of render {held}"
            )
        elif self.killed_at is not None and not self.restarted:
            if elapsed >= self.killed_at + RESTART_AFTER_S:
                self.province.restart("worker")
                self.province.restart("app1")
                self.restarted = elapsed
                say(f"  t={elapsed:.0f} s: worker and app server 1 started again")


def renders_request(province):
    return province.python(
        "import json\n"
        "from courses.models import ProcedurePage\n"
        "from courses.services import tutorial_renders_request\n"
        f"page = ProcedurePage.objects.get(slug='{CHAOS_PROCEDURE}')\n"
        "ids = tutorial_renders_request(page=page)\n"
        "print(json.dumps([str(i) for i in ids]))"
    )


def renders_state(province, ids):
    rows = province.psql(
        "SELECT id::text, status, attempts FROM courses_tutorialrender WHERE id::text = ANY(%s)",
        (list(ids),),
    )
    return {str(row[0]): (row[1], row[2]) for row in rows}


def renders_wait(province, ids):
    deadline = time.monotonic() + RENDERS_DONE_WITHIN_S
    while time.monotonic() < deadline:
        state = renders_state(province, ids)
        if all(status in ("done", "failed") for status, _ in state.values()):
            return state
        time.sleep(5)
    return renders_state(province, ids)


def wave(province, args, learners, *, first_hall, chaos=None):
    say("")
    say(f"=== {learners} learners across the proxy ===")
    province.psql("SELECT pg_stat_statements_reset()")
    access = AccessLog(province)
    access.mark()
    before_counts = server_counts(province)
    before_bytes = database_bytes(province)
    before_apps = bytes_by_app(province)
    bench = Bench(
        server=province,
        learners=learners,
        think=tuple(args.think),
        video_pace=args.video_pace,
        seed=f"{args.seed}-{learners}",
        tap_again=True,
        # A class of 40 a hall, each hall behind its own address; a wave's halls are new
        # ones, so no throttle counts the previous wave's joins.
        hall_size=HALL_SIZE,
        first_hall=first_hall,
    )
    spawn = args.spawn_seconds or max(10.0, learners / 4)
    elapsed, cpu = wave_run(
        province, bench, spawn_seconds=spawn, time_limit=args.time_limit, during=chaos
    )
    after_counts = server_counts(province)
    counts = {key: after_counts[key] - before_counts[key] for key in after_counts}
    workers = len(province.server_pids())
    figures = wave_figures(bench, counts, elapsed, cpu, workers, server_log=[])
    by_upstream, retried = access.since_mark()
    app_requests = sum(n for where, n in by_upstream.items() if where != "nginx")
    app_cpu = cpu[0]
    rps_per_core = app_requests / app_cpu if app_cpu else math.nan
    say(
        f"requests answered by app servers: {app_requests} "
        f"({', '.join(f'{w} {n}' for w, n in sorted(by_upstream.items()))}); "
        f"{retried} went on to the other server"
    )
    say(
        f"app servers' CPU: {app_cpu:.1f} s → {rps_per_core:.1f} requests per second per "
        f"app-server core; {app_requests / elapsed:.1f} requests/s over the {elapsed:.0f} s wave"
    )
    hits = figures["hits"]
    kinds = {}
    for kind in (PAGE, FORM, UPLOAD, REPORT, MEDIA, STATIC):
        times = [hit.seconds for hit in hits if hit.kind == kind and hit.ok]
        kinds[kind] = percentile(times, 95)
    say("p95 by kind: " + ", ".join(f"{k} {v:.3f} s" for k, v in kinds.items()))
    rows, (calls, total_ms) = busiest_queries(province)
    say(f"database: {calls} statements, {total_ms / 1000:.1f} s in all; the busiest:")
    for count, total, mean, query in rows:
        say(f"  {total / 1000:>6.2f} s {count:>7} × {mean:>6.2f} ms  {query[:110]}")
    grown = database_bytes(province) - before_bytes
    say(f"database grew {grown / 1e6:.1f} MB: {grown / max(learners, 1) / 1e3:.0f} kB a learner")
    after_apps = bytes_by_app(province)
    growth = {app: after_apps[app] - before_apps.get(app, 0) for app in after_apps}
    say(
        "  of which, a learner: "
        + ", ".join(
            f"{app} {size / max(learners, 1) / 1e3:.1f} kB"
            for app, size in sorted(growth.items(), key=lambda item: -item[1])[:5]
        )
    )
    tapped = [hit for hit in hits if hit.tapped_again]
    other_failures = [hit for hit in figures["failed_hits"] if not hit.tapped_again]
    return {
        "learners": learners,
        "elapsed": elapsed,
        "completed": figures["completed"],
        "tapped": tapped,
        "other_failures": other_failures,
        "lost": figures["lost"],
        "extra": figures["extra"],
        "rps_per_core": rps_per_core,
        "app_requests": app_requests,
        "page_p95": figures["page_p95"],
        "form_p95": figures["form_p95"],
        "kinds": kinds,
        "db_bytes_per_learner": grown / max(learners, 1),
        "cpu_per_learner": app_cpu / max(learners, 1),
    }


def media_audit(province):
    """manage.py media_audit: every file the database names, looked up in the bucket;
    and the render files no row names. (It exits 1 when a file is missing.)"""
    out = province.manage(
        "media_audit", "--json", "--orphans", "renders", capture=True, ok_codes=(0, 1)
    )
    return json.loads(out.strip().splitlines()[-1])


def kill_checks(province, result, chaos):
    render_ids = chaos.render_ids
    failures = []
    if result["completed"] < result["learners"]:
        failures.append(f"{result['learners'] - result['completed']} journeys did not complete")
    if result["other_failures"]:
        failures.append(f"{len(result['other_failures'])} requests failed for good")
    if result["lost"] or result["extra"]:
        failures.append(f"{result['lost']} watch segments lost, {result['extra']} counted twice")
    if chaos.killed_at is None:
        failures.append("nothing was killed (the wave ended first)")
    say(
        f"forms cut off in the killed server and sent again by their person: "
        f"{len(result['tapped'])} ({', '.join(sorted({h.name for h in result['tapped']}))})"
    )
    say(f"waiting for the {len(render_ids)} renders of {CHAOS_PROCEDURE}…")
    started = time.monotonic()
    state = renders_wait(province, render_ids)
    statuses = Counter(status for status, _ in state.values())
    twice = sorted(i for i, (_, attempts) in state.items() if attempts > 1)
    say(
        f"renders after {time.monotonic() - started:.0f} s more: {dict(statuses)}; "
        f"claimed more than once: {twice or 'none'} (the killed worker held "
        f"{chaos.held_render})"
    )
    if statuses.get("done", 0) != len(render_ids):
        failures.append(f"renders not done: {dict(statuses)}")
    if any(i != chaos.held_render for i in twice):
        failures.append(f"renders claimed twice without a dead worker: {twice}")
    audit = media_audit(province)
    say(
        f"media audit: {audit['checked']} stored files checked, {len(audit['missing'])} "
        f"missing, {len(audit['orphans'])} unreferenced render files"
    )
    for name in [*audit["missing"], *audit["orphans"]][:10]:  # dicts and names
        say(f"  {name}")
    if audit["missing"]:
        failures.append(f"{len(audit['missing'])} files missing from the bucket")
    if audit["orphans"]:
        failures.append(f"{len(audit['orphans'])} render files nobody refers to")
    return failures


def run(args):
    logging.basicConfig(level=logging.WARNING)
    say(f"bench-province: starting {args.app_servers} app servers behind nginx, PostgreSQL, ")
    say("Redis, a Celery worker and beat, and an S3-compatible server (moto), on loopback…")
    started = time.monotonic()
    with ProvinceTopology(app_servers=args.app_servers, threads=args.threads) as province:
        say(
            f"up in {time.monotonic() - started:.0f} s: proxy {province.url}, app servers on "
            f"ports {province.app_ports} (gunicorn, 1 process × {args.threads} threads each), "
            f"{psutil.cpu_count()} cores shared by everything"
        )
        results, failures, first_hall = [], [], 0
        for learners in args.learners:
            chaos = None
            if args.kill:
                # Once every phone has arrived: some learners are in the forms by then,
                # the latest still watching the video.
                chaos = Chaos(province, kill_at=(args.spawn_seconds or learners / 4) + 45)
            result = wave(province, args, learners, first_hall=first_hall, chaos=chaos)
            first_hall += math.ceil(learners / HALL_SIZE)
            results.append(result)
            if args.kill:
                failures += kill_checks(province, result, chaos)
        if args.kill:
            say("kill test: " + ("; ".join(failures) if failures else "every check held"))
            # The plain closing line CI reads: each failure above is one check failed.
            say(f"province: {KILL_CHECKS - len(failures)} passed, {len(failures)} failed")
    line = " | ".join(
        f"learners={r['learners']} completed={r['completed']} "
        f"rps_per_core={r['rps_per_core']:.1f} page_p95_s={r['page_p95']:.3f} "
        f"form_p95_s={r['form_p95']:.3f} cpu_s_per_learner={r['cpu_per_learner']:.2f} "
        f"db_kB_per_learner={r['db_bytes_per_learner'] / 1e3:.0f}"
        for r in results
    )
    say(f"bench-province servers={args.app_servers} {line}")
    return 1 if failures else 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, nargs="+", default=[200, 400])
    parser.add_argument("--kill", action="store_true", help="CI's kill test")
    parser.add_argument("--app-servers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4, help="gunicorn threads a server")
    parser.add_argument("--spawn-seconds", type=float, default=None, help="default learners/4")
    parser.add_argument("--think", type=float, nargs=2, default=(1, 3), metavar=("MIN", "MAX"))
    parser.add_argument("--video-pace", type=float, default=0.6)
    parser.add_argument("--time-limit", type=int, default=1800, help="seconds a wave")
    parser.add_argument("--seed", default="bench-province")
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
