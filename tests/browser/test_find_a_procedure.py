import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_phone_user_searches_without_accents_and_opens_the_procedure(page, live_server, demo_site):
    external_requests = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith(live_server.url)
            else external_requests.append(request.url)
        ),
    )
    page.goto(live_server.url + "/")
    assert page.viewport_size == {"width": 360, "height": 740}
    page.get_by_label("Tìm thủ tục").fill("ket hon")
    page.get_by_role("button", name="Tìm kiếm").click()
    first = page.locator(".search-results li").first
    assert first.locator("a").inner_text() == "Đăng ký kết hôn"
    first.locator("a").click()
    assert page.locator("h1").inner_text() == "Đăng ký kết hôn"
    assert page.url.endswith("/thu-tuc/dang-ky-ket-hon/")
    # Nothing wider than the phone: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # Body text at least 16 px.
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('p.lead')).fontSize)")
    assert size >= 16
    # Controls a finger must hit are at least 44 px tall.
    small = page.evaluate(
        """[...document.querySelectorAll(
              'button, input, select, nav a, .card > a, .chips a, .tile, .toc a')]
            .filter(el => el.offsetParent !== null)
            .map(el => [el.textContent.trim() || el.name, el.getBoundingClientRect().height])
            .filter(([, height]) => height < 44)"""
    )
    assert small == []
    page.screenshot(path=str(live_server_screenshot_path("dang-ky-ket-hon")), full_page=False)
    assert external_requests == []


def live_server_screenshot_path(name):
    from pathlib import Path

    folder = Path("test-results")
    folder.mkdir(exist_ok=True)
    return folder / f"{name}-360.png"
