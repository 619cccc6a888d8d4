"""Issue 9: under the `make run` server a phone seeks in a tutorial video and plays on."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.server]


def test_a_phone_seeks_in_the_tutorial_and_plays_on(page, platform_server):
    world = platform_server.world
    answers = []  # (the Range the phone asked for, the server's status)
    page.on(
        "response",
        lambda r: (
            answers.append((r.request.headers.get("range"), r.status))
            if r.url.endswith(".mp4")
            else None
        ),
    )
    page.goto(platform_server.url + world["procedure_url"])
    page.locator("figure.player video").first.scroll_into_view_if_needed()
    state = page.evaluate(
        """async (target) => {
            const video = document.querySelector('figure.player video');
            video.muted = true;
            await video.play();
            await new Promise(r => setTimeout(r, 1000));
            video.currentTime = target;
            await new Promise(r => video.addEventListener('seeked', r, {once: true}));
            const seekable = video.seekable.length ? video.seekable.end(0) : 0;
            await new Promise(r => setTimeout(r, 1500));
            video.pause();
            return {time: video.currentTime, error: video.error, seekable: seekable,
                    duration: video.duration, src: video.currentSrc};
        }""",
        world["render_duration"] - 5,
    )
    assert state["error"] is None
    assert state["seekable"] == pytest.approx(state["duration"], abs=0.5)  # not just buffered
    assert state["time"] > world["render_duration"] - 5 + 0.5  # it played on after the seek
    # The player asked for byte ranges and the server answered them: without Range support
    # a phone on weak Wi-Fi would have to download up to the point it seeks to.
    assert any(asked and status == 206 for asked, status in answers), answers
