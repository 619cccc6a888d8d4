"""Issue 4: the 360p tutorial plays on a phone with captions on, and what was watched
reaches the server."""

import pytest

from courses.models.renders import VideoWatchLog

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_360p_video_plays_with_captions_and_reports_what_was_watched(
    page, live_server, tutorial
):
    page.goto(live_server.url + "/thu-tuc/dang-ky-khai-sinh/")
    video = page.locator("figure.player video").first
    video.scroll_into_view_if_needed()
    state = page.evaluate(
        """async () => {
            const video = document.querySelector('figure.player video');
            const track = video.textTracks[0];
            track.mode = 'showing';
            video.muted = true;
            await video.play();
            await new Promise(r => setTimeout(r, 3500));
            video.pause();
            return {src: video.currentSrc, time: video.currentTime, error: video.error,
                    kind: track.kind, lang: track.language, mode: track.mode,
                    cues: track.cues ? track.cues.length : 0,
                    width: video.videoWidth, height: video.videoHeight};
        }"""
    )
    assert state["error"] is None
    assert state["src"].endswith("360p.mp4")  # the small rendition on a phone
    assert (state["width"], state["height"]) == (640, 360)
    assert state["time"] > 2
    assert (state["kind"], state["lang"], state["mode"]) == ("captions", "vi", "showing")
    assert state["cues"] >= 3
    watched = []
    for _ in range(30):
        watched = list(VideoWatchLog.objects.filter(render=tutorial))
        if watched:
            break
        page.wait_for_timeout(200)
    assert watched, "the player's report never arrived"
    assert sum(log.end - log.start for log in watched) > 2
    assert all(log.session_key for log in watched)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
