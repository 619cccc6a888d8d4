"""Shared steps for the browser journeys."""

import io
from pathlib import Path

from PIL import Image, ImageDraw

from django.contrib.sessions.backends.db import SessionStore

SCREENSHOTS = Path("test-results")


def photo(text, size=(1200, 1600)):
    """A phone photo of a paper document, as JPEG bytes."""
    image = Image.new("RGB", size, (245, 240, 225))
    ImageDraw.Draw(image).text((60, 60), text, fill=(20, 20, 20))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def session_value(page, key):
    """Read what the server keeps in this browser's session (the captcha's answer)."""
    cookie = next(c for c in page.context.cookies() if c["name"] == "sessionid")
    return SessionStore(session_key=cookie["value"]).get(key)


def shot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def assert_fits_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, page.url


def phone_logged_in(browser, browser_context_args, base, username, password):
    """A new 360×740 phone (its own cookies) logged in to the platform as ``username``."""
    page = browser.new_context(**browser_context_args).new_page()
    page.goto(base + "/tai-khoan/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.get_by_role("button", name="Đăng nhập").click()
    return page
