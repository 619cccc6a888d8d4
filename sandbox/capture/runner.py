"""Play a procedure's practice scripts in Chromium and keep a screenshot per moment.

Pure Playwright: no Django here beyond what the scripts name. Every action finds its
target the way a person does, by the words on screen (a label, a button's text), so a
script that no longer matches the practice portal stops with a message naming the step
and the action, instead of filming the wrong screen.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .samples import sample_document_jpeg

VIEWPORT = {"width": 360, "height": 560}
PIXEL_RATIO = 2  # sharp enough for the 720p projector rendition
ACTION_TIMEOUT_MS = 8_000
NAVIGATION_TIMEOUT_MS = 20_000
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--font-render-hinting=none",
]
VERBS = {
    "open": "Mở trang",
    "press": "Bấm",
    "fill": "Gõ vào ô",
    "choose": "Chọn trong",
    "tick": "Đánh dấu",
    "upload": "Đính kèm ảnh",
    "code": "Gõ mã xác nhận vào ô",
    "point": "Chỉ vào",
}
CODE_PATTERN = re.compile(r"\b(\d{6})\b")


def chromium_path(configured: str = "") -> str | None:
    path = configured or shutil.which("chromium") or "/usr/bin/chromium"
    return path if os.path.exists(path) else None


@dataclass(frozen=True)
class ScriptAction:
    action: str
    target: str
    value: str = ""
    picture: bool = False

    def describe(self) -> str:
        return f"{VERBS.get(self.action, self.action)} “{self.target}”"


@dataclass(frozen=True)
class ScriptStep:
    number: int
    key: str
    title: str
    actions: tuple[ScriptAction, ...]


@dataclass
class Shot:
    kind: str  # look | tap | type | result
    png: bytes
    box: tuple[float, float, float, float] | None
    label: str = ""
    typed: str = ""
    picture: bool = False
    banner: tuple[float, float, float, float] | None = None  # the practice banner's box


@dataclass
class StepShots:
    shots: list[Shot] = field(default_factory=list)
    seconds: float = 0.0


class CaptureScriptError(Exception):
    """A script that does not match the practice portal; the message names step and action."""

    def __init__(self, step: ScriptStep, index: int, action: ScriptAction, reason: str):
        self.step_key = step.key
        self.step_number = step.number
        self.recorded: dict[str, StepShots] = {}  # the steps finished before it
        message = (
            f"Bước {step.number} ({step.title}), thao tác {index} ({action.describe()}): {reason}"
        )
        super().__init__(message)


class _Miss(Exception):
    """Raised inside an action; becomes a CaptureScriptError with the step's name."""


def _words(text: str) -> re.Pattern:
    """Match the on-screen text exactly, ignoring spacing and a required-field star."""
    # "/" escaped too: Playwright hands the pattern to the page as a /…/ literal.
    core = r"\s+".join(re.escape(word).replace("/", r"\/") for word in text.split())
    return re.compile(rf"^\s*{core}\s*\*?\s*$", re.IGNORECASE)


def _label_for(value: str, persona: dict) -> str:
    class Keep(dict):
        def __missing__(self, key):
            return "{" + key + "}"

    return value.format_map(Keep(persona)) if value else ""


# A 404 page sent as text/html with nosniff is refused as a stylesheet: status 0.
_MISSING_STYLES_JS = """() => performance.getEntriesByType("resource")
    .filter((e) => e.initiatorType === "link" && !(e.responseStatus < 400 && e.responseStatus))
    .map((e) => `${new URL(e.name).pathname} (${e.responseStatus || "không tải được"})`)"""


class ScriptPlayer:
    """Plays steps on one page; records shots for the steps asked for."""

    def __init__(self, page, base_url: str, persona: dict):
        self.browser_page = page
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.persona = persona
        self.recording: StepShots | None = None

    def _missing_styles(self) -> list[str]:
        """Stylesheets the current screen asked for and did not get: without them it
        would be filmed as bare HTML."""
        return self.browser_page.evaluate(_MISSING_STYLES_JS)

    # -- finding things --------------------------------------------------------------
    def _scope(self):
        """Look inside the page's main content: the site header has a search button and
        links of its own that a person would not mean."""
        main = self.browser_page.locator("main")
        self.page = main.first if main.count() == 1 else self.browser_page

    def _one(self, locator, what: str, *, state="visible"):
        try:
            locator.first.wait_for(state=state, timeout=ACTION_TIMEOUT_MS)
        except Exception as error:  # noqa: BLE001 - Playwright's TimeoutError and kin
            path = urlsplit(self.browser_page.url).path
            raise _Miss(f"không thấy {what} trên trang {path}.") from error
        return locator.first

    def _field(self, target: str):
        return self._one(self.page.get_by_label(_words(target)), f"ô “{target}”")

    def _pressable(self, target: str):
        pattern = _words(target)
        buttons = self.page.get_by_role("button", name=pattern)
        links = self.page.get_by_role("link", name=pattern)
        # A button wins over a link of the same words ("Nộp hồ sơ" is both the menu's
        # link and the review page's submit button): the form is what the step means.
        wanted = buttons if buttons.count() else buttons.or_(links)
        return self._one(wanted, f"nút hoặc liên kết “{target}”")

    @staticmethod
    def _frame_of(locator):
        """The box to show: a radio or checkbox's whole label; for a field, the field
        with its label (a learner looks for the label first)."""
        kind = locator.evaluate("e => (e.type || e.tagName).toLowerCase()")
        if kind in ("radio", "checkbox"):
            label = locator.locator("xpath=ancestor::label[1]")
            if label.count():
                return label.first
        card = locator.locator("xpath=ancestor::*[contains(@class, 'field')][1]")
        if card.count():
            return card.first
        return locator

    # -- shots -----------------------------------------------------------------------
    def _center(self, locator):
        locator.evaluate("e => e.scrollIntoView({block: 'center', inline: 'nearest'})")

    def _box(self, locator):
        box = locator.bounding_box()
        if not box:
            return None
        return (box["x"], box["y"], box["width"], box["height"])

    def _shoot(self, kind, locator=None, *, label="", typed="", picture=False):
        if self.recording is None:
            return
        box = None
        if locator is not None:
            self._center(locator)
            box = self._box(locator)
        banner = self.browser_page.locator(".practice-banner")
        banner_box = self._box(banner.first) if banner.count() else None
        png = self.browser_page.screenshot(type="png", animations="disabled", caret="hide")
        self.recording.shots.append(Shot(kind, png, box, label, typed, picture, banner_box))

    # -- actions ---------------------------------------------------------------------
    def _navigates(self, locator) -> bool:
        return locator.evaluate(
            """e => {
                if (e.tagName === 'A') {
                    const href = e.getAttribute('href') || '';
                    return href !== '' && !href.startsWith('#');
                }
                const form = e.form;
                return !!form && (e.type || 'submit') === 'submit';
            }"""
        )

    def _click(self, locator):
        if self._navigates(locator):
            with self.browser_page.expect_navigation(
                wait_until="load", timeout=NAVIGATION_TIMEOUT_MS
            ):
                locator.click(timeout=ACTION_TIMEOUT_MS)
        else:
            locator.click(timeout=ACTION_TIMEOUT_MS)

    def _open(self, action):
        path = action.target
        if not path.startswith("/thuc-hanh/"):
            raise _Miss("chỉ mở được trang của môi trường thực hành (/thuc-hanh/…).")
        response = self.browser_page.goto(
            self.base_url + path, wait_until="load", timeout=NAVIGATION_TIMEOUT_MS
        )
        if response is None or response.status >= 400:
            status = response.status if response else "không trả lời"
            raise _Miss(f"trang {path} trả lời {status}.")
        self._shoot("result", label=action.describe())

    def _press(self, action):
        target = self._pressable(action.target)
        label = f"Bấm “{action.target}”"
        self._shoot("look", target, label=label, picture=action.picture)
        self._shoot("tap", target, label=label)
        self._click(target)

    def _type_into(self, field, text, label, picture):
        frame = self._frame_of(field)
        self._shoot("look", frame, label=label, picture=picture)
        # The text appears in a few bites, as a person types it.
        cuts = sorted({max(1, round(len(text) * part / 3)) for part in (1, 2, 3)})
        for cut in cuts if len(text) > 4 else [len(text)]:
            field.fill(text[:cut], timeout=ACTION_TIMEOUT_MS)
            self._shoot("type", frame, label=label, typed=text[:cut])

    def _fill(self, action):
        field = self._field(action.target)
        text = _label_for(action.value, self.persona)
        self._type_into(field, text, f"Ô “{action.target}”", action.picture)

    def _code(self, action):
        phone = self._one(self.page.locator(".phone"), "điện thoại giả lập")
        match = CODE_PATTERN.search(phone.inner_text())
        if match is None:
            raise _Miss("điện thoại giả lập chưa nhận mã xác nhận nào.")
        field = self._field(action.target)
        self._type_into(field, match[1], f"Ô “{action.target}”", action.picture)

    def _choose(self, action):
        wanted = _label_for(action.value, self.persona)
        label = f"“{action.target}”: chọn {wanted}"
        lists = self.page.get_by_label(_words(action.target))
        if lists.count() and lists.first.evaluate("e => e.tagName") == "SELECT":
            select = lists.first
            frame = self._frame_of(select)
            self._shoot("look", frame, label=label, picture=action.picture)
            options = select.locator("option").all_inner_texts()
            pattern = _words(wanted)
            matching = [text for text in options if pattern.match(text)]
            if not matching:
                raise _Miss(f"danh sách “{action.target}” không có “{wanted}”.")
            select.select_option(label=matching[0], timeout=ACTION_TIMEOUT_MS)
            self._shoot("type", frame, label=label, typed=wanted)
            return
        group = self._one(
            self.page.get_by_role("group", name=_words(action.target)),
            f"câu hỏi “{action.target}”",
        )
        option = group.get_by_label(_words(wanted))
        if not option.count():
            raise _Miss(f"câu hỏi “{action.target}” không có lựa chọn “{wanted}”.")
        frame = self._frame_of(option.first)
        self._shoot("look", group, label=label, picture=action.picture)
        option.first.check(timeout=ACTION_TIMEOUT_MS)
        self._shoot("tap", frame, label=label)

    def _tick(self, action):
        box = self._field(action.target)
        frame = self._frame_of(box)
        label = f"Đánh dấu “{action.target}”"
        self._shoot("look", frame, label=label, picture=action.picture)
        box.check(timeout=ACTION_TIMEOUT_MS)
        self._shoot("tap", frame, label=label)

    def _upload(self, action):
        pattern = _words(action.target)
        by_label = self.page.get_by_label(pattern).and_(self.page.locator("input[type=file]"))
        # `has=` is relative to each card: built from the page root, not from <main>.
        card = self.page.locator(".field, fieldset").filter(
            has=self.browser_page.get_by_role("heading", name=pattern)
        )
        candidates = card.locator("input[type=file]").or_(by_label)
        # A file input is often hidden behind a styled button: present is enough.
        field = self._one(candidates, f"ô đính kèm “{action.target}”", state="attached")
        frame = self._frame_of(field)
        label = f"Đính kèm ảnh “{action.target}”"
        self._shoot("look", frame, label=label, picture=action.picture)
        self._shoot("tap", frame, label=label)
        field.set_input_files(
            {
                "name": "anh-giay-to.jpg",
                "mimeType": "image/jpeg",
                "buffer": sample_document_jpeg(action.target),
            },
            timeout=ACTION_TIMEOUT_MS,
        )

    def _point(self, action):
        target = self._one(self.page.get_by_text(action.target), f"“{action.target}”")
        self._shoot("look", target, label=f"“{action.target}”", picture=action.picture)

    HANDLERS = {
        "open": _open,
        "press": _press,
        "fill": _fill,
        "choose": _choose,
        "tick": _tick,
        "upload": _upload,
        "code": _code,
        "point": _point,
    }

    def play_step(self, step: ScriptStep, *, record: bool) -> StepShots | None:
        started = time.perf_counter()
        self.recording = StepShots() if record else None
        for index, action in enumerate(step.actions, start=1):
            handler = self.HANDLERS.get(action.action)
            try:
                self._scope()
                if handler is None:
                    raise _Miss("không biết thao tác này.")
                handler(self, action)
                if missing := self._missing_styles():
                    raise _Miss(
                        f"trang thiếu kiểu dáng {', '.join(missing)}: "
                        "chạy `manage.py collectstatic` rồi chụp lại."
                    )
            except _Miss as miss:
                raise CaptureScriptError(step, index, action, str(miss)) from miss
            except Exception as error:  # noqa: BLE001 - any browser failure names the action
                reason = str(error).splitlines()[0] if str(error) else type(error).__name__
                raise CaptureScriptError(step, index, action, reason) from error
        if self.recording is not None:
            self._shoot("result")  # where the step leaves the learner
            self.recording.seconds = time.perf_counter() - started
        recorded, self.recording = self.recording, None
        return recorded


def play(page, base_url, steps, *, record_keys, persona) -> dict[str, StepShots]:
    """Play ``steps`` in order, recording those in ``record_keys``; stop after the last
    one recorded (later steps need not run). Raises CaptureScriptError."""
    player = ScriptPlayer(page, base_url, persona)
    last = max((i for i, s in enumerate(steps) if s.key in record_keys), default=-1)
    recorded = {}
    for step in steps[: last + 1]:
        try:
            shots = player.play_step(step, record=step.key in record_keys)
        except CaptureScriptError as error:
            error.recorded = recorded
            raise
        if shots is not None:
            recorded[step.key] = shots
    return recorded
