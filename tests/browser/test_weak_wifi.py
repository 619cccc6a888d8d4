"""Issue 9: phones on weak Wi-Fi. A procedure page fetches only what the first screens
show, and what a learner watched reaches the server even when reports fail on the way."""

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from courses.models import ProcedurePage
from courses.models.renders import TutorialRender, VideoWatchLog
from courses.services import tutorial_renders_request

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUEUED = "Object.keys(localStorage).filter(k => k.startsWith('cds-da-xem:'))"


@pytest.fixture
def seekable_videos(page, media_root):
    """Answer the videos' byte-range requests, as the production server does.

    Django's test server sends whole files without Accept-Ranges, and Chromium does not
    seek in such a file (a seek lands back at 0)."""

    def serve(route):
        data = (Path(media_root) / unquote(urlparse(route.request.url).path)[7:]).read_bytes()
        headers = {"Accept-Ranges": "bytes", "Content-Type": "video/mp4"}
        asked = re.fullmatch(r"bytes=(\d+)-(\d*)", route.request.headers.get("range", ""))
        if not asked:
            route.fulfill(status=200, body=data, headers=headers)
            return
        start = int(asked[1])
        end = int(asked[2]) if asked[2] else len(data) - 1
        headers["Content-Range"] = f"bytes {start}-{end}/{len(data)}"
        route.fulfill(status=206, body=data[start : end + 1], headers=headers)

    page.route("**/media/renders/**/*.mp4", serve)


def open_tutorial(page, live_server):
    page.goto(live_server.url + "/thu-tuc/dang-ky-khai-sinh/")
    page.locator("figure.player video").first.scroll_into_view_if_needed()


def play(page, seconds, *, pause=True):
    """Play the whole-tutorial video (muted, as autoplay rules want) for `seconds`."""
    page.evaluate(
        """async ([seconds, pause]) => {
            const video = document.querySelector('figure.player video');
            video.muted = true;
            await video.play();
            await new Promise(r => setTimeout(r, seconds * 1000));
            if (pause) video.pause();
        }""",
        [seconds, pause],
    )


def logs_of(render, page, *, at_least=1, seconds=15):
    """The watch log rows, waiting up to `seconds` for reports to arrive."""
    rows = []
    for _ in range(seconds * 5):
        rows = list(VideoWatchLog.objects.filter(render=render))
        if len(rows) >= at_least:
            break
        page.wait_for_timeout(200)
    return rows


def watched_seconds(rows):
    return sum(row.end - row.start for row in rows)


def test_reports_that_fail_are_kept_and_sent_again_until_one_gets_through(
    page, live_server, tutorial
):
    sent = []

    def flaky(route):
        sent.append(route.request.post_data_json)
        if len(sent) <= 2:
            route.abort("internetdisconnected")
        else:
            route.continue_()

    page.route("**/da-xem/", flaky)
    open_tutorial(page, live_server)
    play(page, 3)

    # Pause sends at once; it fails, then again 2 s later; 4 s after that it gets through.
    rows = logs_of(tutorial, page)
    assert rows, "the report never arrived after the network came back"
    assert len(sent) == 3
    assert len({body["batch"] for body in sent}) == 1  # the same batch, not a new one
    assert sent[0]["segments"] == sent[2]["segments"]
    assert 2.5 < watched_seconds(rows) < 4
    for _ in range(10):  # the browser forgets the batch once the server has it
        if page.evaluate(QUEUED) == []:
            break
        page.wait_for_timeout(200)
    assert page.evaluate(QUEUED) == []


def test_leaving_the_page_sends_what_was_watched_since_the_last_report(page, live_server, tutorial):
    sent = []
    page.on("request", lambda r: sent.append(r.url) if r.url.endswith("/da-xem/") else None)
    open_tutorial(page, live_server)
    play(page, 2.5, pause=False)  # still playing: nothing reported yet (every 10 s)
    assert sent == []
    page.goto(live_server.url + "/")  # leaving sends the open segment, keepalive
    rows = logs_of(tutorial, page)
    assert rows, "leaving the page lost what was watched"
    assert 2 < watched_seconds(rows) < 4


def test_a_report_kept_on_the_phone_is_sent_by_the_next_page_with_a_player(
    page, live_server, tutorial
):
    page.route("**/da-xem/", lambda route: route.abort("internetdisconnected"))
    open_tutorial(page, live_server)
    for _ in range(3):  # three pauses, three reports: every one fails
        play(page, 1)
    kept = page.evaluate(
        """Object.entries(localStorage).filter(([k]) => k.startsWith('cds-da-xem:'))
            .map(([k, v]) => [k, JSON.parse(v).map(batch => batch.segments.length)])"""
    )
    # Kept in localStorage by report URL: the batch that was sent (and is retried as it
    # was), and one that gathers what is played while it waits.
    assert kept == [[f"cds-da-xem:/video/{tutorial.pk}/da-xem/", [1, 2]]]
    assert not VideoWatchLog.objects.exists()

    later = page.context.new_page()  # same phone, same storage; its network works
    later.goto(live_server.url + "/thu-tuc/dang-ky-khai-sinh/")
    rows = logs_of(tutorial, later, at_least=3)
    assert len(rows) == 3, "the kept reports were not sent on the next visit"
    assert 2.5 < watched_seconds(rows) < 4
    page.close()


def test_a_seek_towards_the_end_is_not_counted_as_watched(
    page, live_server, tutorial, seekable_videos
):
    open_tutorial(page, live_server)
    play(page, 2, pause=False)
    end = page.evaluate(
        """async () => {
            const video = document.querySelector('figure.player video');
            video.currentTime = video.duration - 1.5;
            await new Promise(r => video.addEventListener('ended', r, {once: true}));
            return video.duration;
        }"""
    )
    rows = logs_of(tutorial, page, at_least=2)
    segments = sorted((row.start, row.end) for row in rows)
    assert segments[0][0] < 0.5 and 1.5 < segments[0][1] < 3  # what was played first
    assert segments[-1][0] >= end - 1.6 and segments[-1][1] >= end - 0.3  # the last 1.5 s
    jumped = [s for s in segments if s[0] < end - 3 and s[1] > 3]
    assert jumped == [], f"the jump was reported as watched: {segments}"
    assert watched_seconds(rows) < 5


def test_a_procedure_page_fetches_only_the_tutorial_poster_before_scrolling(
    page, live_server, demo_site
):
    procedure = ProcedurePage.objects.get(slug="dang-ky-khai-sinh")
    tutorial_renders_request(page=procedure)  # autocommit: the eager renders run here
    renders = TutorialRender.objects.filter(procedure=procedure)
    assert renders.count() == len(procedure.steps) + 1
    assert set(renders.values_list("status", flat=True)) == {"done"}
    tutorial_poster = renders.get(step_key="").poster

    fetched = {}

    def record(response):
        if response.request.resource_type == "image" and response.ok:
            fetched[response.url] = len(response.body())

    page.on("response", record)
    page.goto(live_server.url + "/thu-tuc/dang-ky-khai-sinh/")
    page.wait_for_load_state("networkidle")
    first_screens = dict(fetched)

    # Measured on the demo page at 360×740 (8 steps). Before issue 9: the tutorial's and
    # every step clip's 1280×720 poster, 9 images, 530 KB, before any scrolling. Now: the
    # tutorial's 640×360 poster, 24 KB; step pictures (~15 KB) and step posters (~21 KB)
    # come as the learner scrolls. The first step picture is ~2,700 px down, past
    # Chromium's lazy-load margin here (1,250 px) but inside it on a 3G phone (2,500 px):
    # the budget is the poster and that one picture, 40 KB.
    assert list(first_screens) == [live_server.url + tutorial_poster.url]
    assert sum(first_screens.values()) <= 40_000

    # Scrolling down brings each step's picture (360 px wide) and its clip's poster.
    for _ in range(40):
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(100)
    page.wait_for_load_state("networkidle")
    screenshots = page.locator("figure.screenshot img")
    assert screenshots.count() == len(procedure.steps)
    assert page.evaluate(
        """[...document.querySelectorAll('figure.screenshot img')].every(img =>
              img.complete && img.naturalWidth > 0 && img.naturalWidth <= 360
              && img.getAttribute('loading') === 'lazy'
              && img.width <= 292)"""
    )
    step_posters = page.evaluate(
        "[...document.querySelectorAll('.step video')].map(v => v.poster).filter(Boolean)"
    )
    assert len(step_posters) == len(procedure.steps)
    assert set(step_posters) <= set(fetched)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
