"""One phone's class journey through the real pages (issue 9), for `make bench-class` and
the concurrency tests.

A `Phone` wraps a `requests.Session`, or locust's `HttpSession` (a subclass, whose stats
are grouped by `name=`), and keeps its own cookies, its CSRF token and a log of every
request it made. A `ClassJourney` walks one learner through the class as a phone would:
join with the code on the projector, open the procedure page, play the tutorial (a Range
request, then the player's watch reports), and submit a birth registration in the
sandbox from the practice ID card to the tracking page. Every step checks the status and
a marker of the page it expects, so a journey either completes or says where it failed
(`JourneyError`). Nothing here imports locust: the tests drive the same steps with
threads.

The harness reads two things a phone reads with its eyes: the captcha's answer, from the
server's session table (`SessionReader`), and the OTP, from the simulated phone page.
"""

import io
import json
import random
import re
import secrets
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

import requests

# What a request is, for the figures: HTML pages a person reads, forms they send, photo
# uploads, the player's JSON watch reports, and bytes that are not HTML (the video, the
# poster, the captcha picture, CSS and JavaScript).
PAGE, FORM, UPLOAD, REPORT, MEDIA, STATIC = "page", "form", "upload", "report", "media", "static"

# Forms whose answer waits for a password hash (PBKDF2, a good part of a second of CPU on
# purpose): the figures show them apart, as they dominate the forms' tail.
PASSWORD_FORMS = {
    "POST /vao-lop/",
    "POST /thuc-hanh/dang-ky/mat-khau/",
    "POST /thuc-hanh/dang-nhap/",
    "POST /tai-khoan/dang-nhap/",
}

SANDBOX = "/thuc-hanh"
PROCEDURE_SLUG = "dang-ky-khai-sinh"
PRACTICE_PASSWORD = "Lua@2026nam"
DOSSIER_CODE = re.compile(r"000\.00\.00\.H99-\d{6}-\d{4}")
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
SEGMENT_SECONDS = 10  # the player sends what was played every 10 s (site/static/js/player.js)

FAMILY_NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"]
GIVEN_NAMES = ["Thị Hoa", "Văn Bình", "Thị Lan", "Minh Tuấn", "Thị Mai", "Văn Hùng", "Ngọc Ánh"]


class JourneyError(AssertionError):
    """A step did not reach the page it expected: the step, what was wrong, and the
    answer's status and address (None when the server did not answer at all)."""

    def __init__(self, step, problem, response=None):
        self.step, self.problem = step, problem
        self.status = getattr(response, "status_code", None) if response is not None else None
        self.url = getattr(response, "url", "") if response is not None else ""
        where = f" (HTTP {self.status} {urlsplit(self.url).path})" if self.status else ""
        super().__init__(f"{step}: {problem}{where}")


@dataclass
class Hit:
    """One request as the phone saw it: kind and name group it in the figures."""

    name: str
    kind: str
    method: str
    status: int  # 0: no answer
    seconds: float
    size: int
    ok: bool = True
    error: str = ""
    started: float = 0.0  # time.perf_counter() when it was sent
    tapped_again: bool = False  # a POST the proxy could not deliver, which the person re-sent


# -- reading pages ----------------------------------------------------------------------


@dataclass
class Form:
    action: str
    method: str
    enctype: str
    fields: list = field(default_factory=list)  # (name, value) of what a browser would send
    hidden: dict = field(default_factory=dict)
    radios: dict = field(default_factory=dict)  # name -> [values]
    selects: dict = field(default_factory=dict)  # name -> [option values]
    texts: dict = field(default_factory=dict)  # text inputs and textareas: name -> value
    checkboxes: list = field(default_factory=list)
    files: list = field(default_factory=list)
    buttons: list = field(default_factory=list)  # (name, value)

    def names(self):
        return {
            *(name for name, _ in self.fields),
            *(name for name, _ in self.buttons),
            *self.radios,
            *self.selects,
            *self.checkboxes,
            *self.files,
        }


class _FormParser(HTMLParser):
    """The forms of a page, as much as a phone's browser needs to fill and send them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.form, self.select, self.option, self.textarea = [], None, None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = {key: value if value is not None else "" for key, value in attrs}
        if tag == "form":
            self.form = Form(
                action=attrs.get("action", ""),
                method=attrs.get("method", "get").lower(),
                enctype=attrs.get("enctype", ""),
            )
            self.forms.append(self.form)
            return
        form = self.form
        if form is None:
            return
        name = attrs.get("name", "")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            value = attrs.get("value", "")
            if kind == "hidden":
                form.hidden[name] = value
                form.fields.append((name, value))
            elif kind == "radio":
                form.radios.setdefault(name, []).append(value)
                if "checked" in attrs:
                    form.fields.append((name, value))
            elif kind == "checkbox":
                form.checkboxes.append(name)
                if "checked" in attrs:
                    form.fields.append((name, value or "on"))
            elif kind == "file":
                form.files.append(name)
            elif kind in ("submit", "button", "image", "reset"):
                form.buttons.append((name, value))
            else:
                form.texts[name] = value
                form.fields.append((name, value))
        elif tag == "select" and name:
            self.select = name
            form.selects[name] = []
        elif tag == "option" and self.select:
            value = attrs.get("value")
            form.selects[self.select].append(value if value is not None else "")
            if "selected" in attrs:
                form.fields.append((self.select, form.selects[self.select][-1]))
        elif tag == "textarea" and name:
            self.textarea = name
            form.texts[name] = ""
        elif tag == "button" and name:
            form.buttons.append((name, attrs.get("value", "")))

    def handle_data(self, data):
        if self.form is not None and self.textarea:
            self.form.texts[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.form is not None and self.textarea:
            self.form.fields.append((self.textarea, self.form.texts[self.textarea]))
            self.textarea = None


def page_forms(html):
    parser = _FormParser()
    parser.feed(html)
    parser.close()
    return parser.forms


def post_form(html, *, having, step):
    """The page's POST form that has the field `having`."""
    for form in page_forms(html):
        if form.method == "post" and having in form.names():
            return form
    raise JourneyError(step, f"no form with the field {having!r} on the page")


def error_summary(html):
    """What the page says is wrong, in one line (for a failed step's report)."""
    found = re.search(r'class="error-summary[^"]*"[^>]*>(.*?)</div>', html, re.S)
    if not found:
        found = re.search(r'class="field-error[^"]*"[^>]*>(.*?)</', html, re.S)
    text = re.sub(r"<[^>]+>", " ", found.group(1)) if found else ""
    return " ".join(unescape(text).split())[:300]


def _text(fragment):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


# -- the captcha, read where the server keeps it ------------------------------------------


class SessionReader:
    """Reads a value of a phone's server-side session (django_session, signed JSON).

    The phone reads the captcha in a picture; the harness, knowing the server's database
    and secret key, reads the same answer from the session row instead. Django's signing
    is used with an explicit key, so this works in a process without Django settings."""

    SALT = "django.contrib.sessions.SessionStore"

    def __init__(self, database_url, secret_key):
        self.database_url, self.secret_key = database_url, secret_key

    @classmethod
    def from_env(cls, env):
        return cls(env["DATABASE_URL"], env["DJANGO_SECRET_KEY"])

    def _session_data(self, session_key):
        query = "SELECT session_data FROM django_session WHERE session_key = "
        if self.database_url.startswith("sqlite"):
            path = self.database_url.removeprefix("sqlite:///")  # "/abs/path" or "relative"
            connection = sqlite3.connect(path, timeout=20)
            try:
                row = connection.execute(query + "?", (session_key,)).fetchone()
            finally:
                connection.close()
        else:
            import psycopg

            with psycopg.connect(self.database_url) as connection:
                row = connection.execute(query + "%s", (session_key,)).fetchone()
        return row[0] if row else None

    def get(self, session_key, name):
        from django.core import signing

        data = self._session_data(session_key) if session_key else None
        if data is None:
            return None
        session = signing.loads(
            data,
            key=self.secret_key,
            salt=self.SALT,
            serializer=signing.JSONSerializer,
            fallback_keys=[],
        )
        return session.get(name)


# -- what the phone sends ---------------------------------------------------------------


@cache
def phone_photo(label="giay-chung-sinh", size=(1200, 1600)):
    """A phone photo of a paper document as JPEG bytes (about 300-400 KB): paper with
    grain, lines of print, a little blur. Made once per label: the load generator's CPU
    is shared with the server."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(label)
    paper = Image.new("RGB", size, (236, 230, 214))
    image = Image.blend(paper, Image.effect_noise(size, 22).convert("RGB"), 0.14)
    draw = ImageDraw.Draw(image)
    draw.text((120, 110), label.upper(), fill=(10, 10, 10))
    for y in range(220, size[1] - 120, 36):
        draw.line([(120, y), (rng.randint(500, size[0] - 120), y)], fill=(45, 45, 60), width=3)
    image = image.filter(ImageFilter.GaussianBlur(0.5))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


def batch_id():
    """An id like the player's for a batch of watch reports ([A-Za-z0-9_-]{8,64})."""
    return secrets.token_urlsafe(12)


def watch_batches(duration, seconds=SEGMENT_SECONDS):
    """The batches a player sends while the whole video plays once at normal speed: one
    segment per 10 s, consecutive from 0, the last one ending at the video's end."""
    batches, start = [], 0.0
    while start < duration - 0.2:
        end = round(min(start + seconds, duration), 2)
        batches.append([[round(start, 2), end, 1]])
        start = end
    return batches


def person_name(rng=random):
    return f"{rng.choice(FAMILY_NAMES)} {rng.choice(GIVEN_NAMES)}"


# -- the phone --------------------------------------------------------------------------


class Phone:
    """One phone: a session of its own (cookies, CSRF token) and the log of its requests.

    `client` is a `requests.Session` or locust's `HttpSession`; with the latter each
    request carries `name=` so locust groups it too. Redirects are never followed
    silently: a form's POST and the page it leads to are timed as two requests, as a
    browser makes them."""

    # What a person does when a form answers "bad gateway" (an app server died with the
    # form in it; the proxy resends only requests that never reached a server): wait a
    # moment and press the button again. Off by default: on one server it hides nothing.
    TAP_AGAIN_STATUSES = (0, 502, 503, 504)
    TAP_AGAIN_AFTER_S = 2.0

    def __init__(self, client, base_url, *, timeout=60, tap_again=False):
        self.client = client
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.tap_again = tap_again
        self.named = hasattr(client, "request_event")  # locust.clients.HttpSession
        self.hits = []
        self.fetched = set()  # static files the browser has cached

    def url(self, path):
        return path if path.startswith("http") else self.base_url + path

    def cookie(self, name):
        return self.client.cookies.get(name)

    @property
    def session_key(self):
        return self.cookie("sessionid")

    def request(self, method, path, *, name, kind, step, expect=(200,), marker=None, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", self.timeout)
        if self.named:
            kwargs["name"] = name
        if self.tap_again and method == "POST":
            try:
                return self._send(method, path, name, kind, step, expect, marker, kwargs)
            except JourneyError as error:
                if error.status not in self.TAP_AGAIN_STATUSES or not self.hits:
                    raise
                self.hits[-1].tapped_again = True
                time.sleep(self.TAP_AGAIN_AFTER_S)
        return self._send(method, path, name, kind, step, expect, marker, kwargs)

    def _send(self, method, path, name, kind, step, expect, marker, kwargs):
        started = time.perf_counter()
        try:
            response = self.client.request(method, self.url(path), **kwargs)
            size = len(response.content or b"")  # the whole body, as the phone receives it
        except requests.RequestException as error:
            response, size = None, 0
            problem = f"no answer: {type(error).__name__}: {error}"
        seconds = time.perf_counter() - started
        status = response.status_code if response is not None else 0
        if response is not None and status == 0:  # locust records a failure this way
            problem = f"no answer: {getattr(response, 'error', '')}"
        hit = Hit(name, kind, method, status, seconds, size, started=started)
        self.hits.append(hit)
        if not status:
            hit.ok, hit.error = False, problem
            error = JourneyError(step, problem)
            error.status = 0
            raise error
        if status not in expect:
            hit.ok, hit.error = False, f"HTTP {status}"
            detail = error_summary(response.text) if "html" in _content_type(response) else ""
            raise JourneyError(
                step, f"expected HTTP {'/'.join(map(str, expect))}, got {status} {detail}", response
            )
        if marker is not None and marker not in response.text:
            hit.ok, hit.error = False, "wrong page"
            detail = error_summary(response.text)
            raise JourneyError(step, f"{marker!r} not on the page {detail}".strip(), response)
        return response

    def page(self, path, *, name, step, marker=None, **kwargs):
        """GET an HTML page, and the stylesheet and script it links once per phone."""
        response = self.request(
            "GET", path, name=name, kind=PAGE, step=step, marker=marker, **kwargs
        )
        for asset in re.findall(
            r'<(?:link rel="stylesheet" href|script src)="(/static/[^"]+)"', response.text
        ):
            if asset not in self.fetched:
                self.fetched.add(asset)
                suffix = asset.rsplit(".", 1)[-1]
                self.request("GET", asset, name=f"GET /static/*.{suffix}", kind=STATIC, step=step)
        return response

    def submit(self, path, data, *, name, step, redirect, files=None, marker=None):
        """POST a form; expect a redirect whose target matches `redirect` (a regex)."""
        response = self.request(
            "POST",
            path,
            name=name,
            kind=UPLOAD if files else FORM,
            step=step,
            expect=(302, 303),
            data=data,
            files=files,
            headers={"Referer": self.url(path)},
        )
        location = urlsplit(response.headers.get("Location", ""))
        target = location.path + (f"?{location.query}" if location.query else "")
        if not re.fullmatch(redirect, target):
            self.hits[-1].ok, self.hits[-1].error = False, "wrong redirect"
            raise JourneyError(step, f"redirected to {target!r}, expected {redirect}", response)
        return target

    def post_json(self, path, payload, *, name, step, expect=(200,)):
        return self.request(
            "POST",
            path,
            name=name,
            kind=REPORT,
            step=step,
            expect=expect,
            data=json.dumps(payload),
            headers={
                "Content-Type": "application/json",
                "X-CSRFToken": self.cookie("csrftoken") or "",
                "Referer": self.base_url + "/",
            },
        )

    def clone(self):
        """The same phone for one more simultaneous request: a new connection carrying
        the same cookies (a double tap sends two requests with one cookie jar)."""
        twin = Phone(
            requests.Session(), self.base_url, timeout=self.timeout, tap_again=self.tap_again
        )
        twin.client.cookies.update(self.client.cookies)
        return twin


def _content_type(response):
    return response.headers.get("Content-Type", "")


# -- the journey ------------------------------------------------------------------------


class ClassJourney:
    """A learner's class, step by step. `run()` does it all; the concurrency tests call the
    steps one by one to bring a phone to the step they hammer.

    `think` is (min, max) seconds a person spends reading each screen, or None; the video
    is watched at `video_pace` (1: reports at the pace a real player sends them, 0: at
    once, which the server's anti-cheat refuses). `sleep` is the clock's sleep (gevent's
    under locust)."""

    def __init__(
        self,
        phone,
        world,
        sessions,
        *,
        think=None,
        video_pace=1.0,
        sleep=time.sleep,
        rng=None,
    ):
        self.phone, self.world, self.sessions = phone, world, sessions
        self.think_range, self.video_pace, self.sleep = think, video_pace, sleep
        self.rng = rng or random.Random()
        self.display_name = person_name(self.rng)
        self.birth_year = str(self.rng.randint(1950, 2005))
        self.phases = {}  # phase -> {"wall": s, "server": s}
        self.reports_sent = []  # (batch, segment count, server's answer or None)
        self.username = self.card = self.dossier_id = self.payment_id = self.code = None
        self.failed = None  # the JourneyError that stopped it

    # -- bookkeeping --
    def think(self):
        if self.think_range:
            self.sleep(self.rng.uniform(*self.think_range))

    def _phase(self, name, steps):
        started, first_hit = time.perf_counter(), len(self.phone.hits)
        try:
            steps()
        finally:
            self.phases[name] = {
                "wall": time.perf_counter() - started,
                "server": sum(hit.seconds for hit in self.phone.hits[first_hit:]),
            }

    PHASES = ("join", "video", "card", "register", "login", "dossier", "payment", "tracking")

    def run(self):
        """The whole journey; raises JourneyError at the first step that went wrong (also
        kept in `failed`)."""
        try:
            self._phase("join", self.join)
            self._phase("video", self.learn)
            self._phase("card", self.practice_card)
            self._phase("register", self.register)
            self._phase("login", self.portal_login)
            self._phase("dossier", self.dossier)
            self._phase("payment", self.pay)
            self._phase("tracking", self.track)
        except JourneyError as error:
            self.failed = error
            raise
        return self

    # -- joining the class --
    def join_form(self):
        """Open /vao-lop/ and fill the form: every hidden input (CSRF, `token`) copied."""
        response = self.phone.page(
            "/vao-lop/", name="GET /vao-lop/", step="join", marker='name="ma"'
        )
        form = post_form(response.text, having="ma", step="join")
        data = dict(form.hidden)
        data.update(
            ma=self.world["join_code"],
            display_name=self.display_name,
            birth_year=self.birth_year,
            consent="1",
        )
        return data

    def join_send(self, data, phone=None):
        """POST the join form; the answer is the 'Đã vào lớp' page with the log-in card.
        Returns the new account's username."""
        phone = phone or self.phone
        response = phone.request(
            "POST",
            "/vao-lop/",
            name="POST /vao-lop/",
            kind=FORM,
            step="join",
            data=data,
            marker="Đã vào lớp",
            headers={"Referer": phone.url("/vao-lop/")},
        )
        found = re.search(r'class="card-username">([^<]+)<', response.text)
        if not found:
            raise JourneyError("join", "no username on the joined page", response)
        if not phone.session_key:
            raise JourneyError("join", "not logged in after joining", response)
        return unescape(found.group(1)).strip()

    def join(self):
        data = self.join_form()
        self.think()
        self.username = self.join_send(data)
        self.think()

    # -- the tutorial --
    def tutorial_open(self):
        """The procedure page (which starts the server's viewing clock, see
        courses/watching.py), its poster, then play: the 360p video from byte 0."""
        render_id = self.world["render_id"]
        response = self.phone.page(
            self.world["procedure_url"],
            name="GET /thu-tuc/<thu-tuc>/",
            step="procedure page",
            marker=f'data-report-url="/video/{render_id}/da-xem/"',
        )
        poster = re.search(r'<video[^>]* poster="([^"]+)"', response.text)
        if poster:
            self.phone.request(
                "GET", poster.group(1), name="GET poster.jpg", kind=MEDIA, step="video"
            )
        self.think()
        self.phone.request(
            "GET",
            self.world["video_url"],
            name="GET 360p.mp4 (Range)",
            kind=MEDIA,
            step="video",
            expect=(206,),
            headers={"Range": "bytes=0-"},
        )

    def learn(self):
        self.tutorial_open()
        self.watch()
        self.think()

    def report(self, segments, batch=None, phone=None):
        """One watch report as the player sends it; returns the server's JSON answer."""
        phone = phone or self.phone
        batch = batch or batch_id()
        response = phone.post_json(
            f"/video/{self.world['render_id']}/da-xem/",
            {"segments": segments, "batch": batch},
            name="POST /video/<id>/da-xem/",
            step="video report",
        )
        answer = response.json()
        if not answer.get("ok"):
            raise JourneyError("video report", f"refused: {answer}", response)
        return answer

    def watch(self):
        """Play the whole video once: a batch every 10 s of playing. A report that fails
        is sent again with the same batch id, as the player does (2 s, 4 s, 8 s later).
        The server refuses more seconds than twice the time since the page was opened, so
        a `video_pace` under 0.5 makes the journey fail at its reports."""
        for segments in watch_batches(float(self.world["render_duration"])):
            self.sleep((segments[-1][1] - segments[0][0]) * self.video_pace)
            batch, answer = batch_id(), None
            for delay in (2, 4, 8, None):
                try:
                    answer = self.report(segments, batch)
                    break
                except JourneyError:
                    if delay is None:
                        self.reports_sent.append((batch, len(segments), None))
                        raise
                    self.sleep(delay)
            self.reports_sent.append((batch, len(segments), answer))

    # -- the sandbox: a practice ID card, registration, log-in --
    def practice_card(self):
        step = "practice card"
        response = self.phone.page(
            f"{SANDBOX}/the-luyen-tap/",
            name="GET /thuc-hanh/the-luyen-tap/",
            step=step,
            marker="Thẻ căn cước luyện tập",
        )
        form = post_form(response.text, having="vneid", step=step)
        self.think()
        self.phone.submit(
            f"{SANDBOX}/the-luyen-tap/",
            {**form.hidden, "vneid": "normal"},
            name="POST /thuc-hanh/the-luyen-tap/",
            step=step,
            redirect=f"{SANDBOX}/the-luyen-tap/",
        )
        response = self.phone.page(
            f"{SANDBOX}/the-luyen-tap/",
            name="GET /thuc-hanh/the-luyen-tap/",
            step=step,
            marker='class="cccd"',
        )
        card = re.search(
            r'class="cccd">(\d{12})</dd>.*?class="full-name">([^<]+)</dd>.*?'
            r'class="birth-date">([^<]+)</dd>.*?class="phone-number">([^<]+)</dd>',
            response.text,
            re.S,
        )
        if not card:
            raise JourneyError(step, "no practice ID card on the page", response)
        cccd, full_name, birth, phone = (unescape(value).strip() for value in card.groups())
        self.card = {"cccd": cccd, "full_name": full_name, "birth_date": birth, "phone": phone}
        self.think()

    def register_form(self):
        """Registration, first screen: fill it, the captcha read from the session."""
        step = "register"
        response = self.phone.page(
            f"{SANDBOX}/dang-ky/?{urlencode({'cccd': self.card['cccd']})}",
            name="GET /thuc-hanh/dang-ky/",
            step=step,
            marker="Mã kiểm tra",
        )
        form = post_form(response.text, having="captcha", step=step)
        self.phone.request(
            "GET",
            f"{SANDBOX}/ma-kiem-tra.png",
            name="GET /thuc-hanh/ma-kiem-tra.png",
            kind=MEDIA,
            step=step,
        )
        captcha = self.sessions.get(self.phone.session_key, "sandbox_captcha")
        if not captcha:
            raise JourneyError(step, "no captcha in the session", response)
        return {
            **form.hidden,
            "cccd": self.card["cccd"],
            "full_name": self.card["full_name"],
            "birth_date": self.card["birth_date"],
            "phone": self.card["phone"],
            "email": "",
            "captcha": captcha,
        }

    def read_otp(self):
        """Open the simulated phone and read the code in the newest SMS."""
        response = self.phone.page(
            f"{SANDBOX}/dien-thoai/",
            name="GET /thuc-hanh/dien-thoai/",
            step="otp",
            marker='class="phone-messages"',
        )
        messages = re.search(r'<ol class="phone-messages">(.*?)</ol>', response.text, re.S)
        newest = re.search(r"<li>(.*?)</li>", messages.group(1), re.S) if messages else None
        code = re.search(r"\b(\d{6})\b", _text(newest.group(1))) if newest else None
        if not code:
            raise JourneyError("otp", "no 6-digit code in the newest SMS", response)
        return code.group(1)

    def otp_form(self):
        """The OTP screen, after the code has arrived: the form to send, code included."""
        response = self.phone.page(
            f"{SANDBOX}/dang-ky/xac-nhan/",
            name="GET /thuc-hanh/dang-ky/xac-nhan/",
            step="otp",
            marker="Nhập mã xác nhận",
        )
        form = post_form(response.text, having="otp", step="otp")
        self.think()
        return {**form.hidden, "otp": self.read_otp()}

    def otp_send(self, data, phone=None):
        return (phone or self.phone).submit(
            f"{SANDBOX}/dang-ky/xac-nhan/",
            data,
            name="POST /thuc-hanh/dang-ky/xac-nhan/",
            step="otp",
            redirect=f"{SANDBOX}/dang-ky/mat-khau/",
        )

    def register_start(self):
        """The card's data and the captcha sent: the OTP is on its way."""
        data = self.register_form()
        self.think()
        self.phone.submit(
            f"{SANDBOX}/dang-ky/",
            data,
            name="POST /thuc-hanh/dang-ky/",
            step="register",
            redirect=f"{SANDBOX}/dang-ky/xac-nhan/",
        )

    def register(self):
        self.register_start()
        self.otp_send(self.otp_form())
        self.password_set()

    def password_set(self):
        step = "password"
        response = self.phone.page(
            f"{SANDBOX}/dang-ky/mat-khau/",
            name="GET /thuc-hanh/dang-ky/mat-khau/",
            step=step,
            marker="Tạo mật khẩu",
        )
        form = post_form(response.text, having="password", step=step)
        self.think()
        self.phone.submit(
            f"{SANDBOX}/dang-ky/mat-khau/",
            {**form.hidden, "password": PRACTICE_PASSWORD, "confirm": PRACTICE_PASSWORD},
            name="POST /thuc-hanh/dang-ky/mat-khau/",
            step=step,
            redirect=rf"{SANDBOX}/dang-nhap/\?da_dang_ky=1",
        )

    def portal_login(self):
        step = "portal log-in"
        response = self.phone.page(
            f"{SANDBOX}/dang-nhap/?da_dang_ky=1",
            name="GET /thuc-hanh/dang-nhap/",
            step=step,
            marker="Tạo tài khoản thành công",
        )
        form = post_form(response.text, having="cccd", step=step)
        self.think()
        self.phone.submit(
            f"{SANDBOX}/dang-nhap/",
            {
                **form.hidden,
                "cccd": self.card["cccd"],
                "password": PRACTICE_PASSWORD,
                "channel": "sms",
            },
            name="POST /thuc-hanh/dang-nhap/",
            step=step,
            redirect=rf"{SANDBOX}/dang-nhap/xac-nhan/",
        )
        # The portal's confirmation code, sent to the simulated phone by SMS.
        response = self.phone.page(
            f"{SANDBOX}/dang-nhap/xac-nhan/",
            name="GET /thuc-hanh/dang-nhap/xac-nhan/",
            step=step,
            marker="Nhập mã xác nhận",
        )
        form = post_form(response.text, having="otp", step=step)
        self.think()
        target = self.phone.submit(
            f"{SANDBOX}/dang-nhap/xac-nhan/",
            {**form.hidden, "otp": self.read_otp()},
            name="POST /thuc-hanh/dang-nhap/xac-nhan/",
            step=step,
            redirect=rf"{SANDBOX}/quan-ly-ho-so/",
        )
        self.phone.page(
            target,
            name="GET /thuc-hanh/quan-ly-ho-so/",
            step=step,
            marker=self.card["full_name"],
        )
        self.think()

    # -- the dossier --
    def dossier_start(self):
        step = "procedure"
        path = f"{SANDBOX}/thu-tuc/{PROCEDURE_SLUG}/"
        response = self.phone.page(
            path, name="GET /thuc-hanh/thu-tuc/<thu-tuc>/", step=step, marker="Nộp trực tuyến"
        )
        form = post_form(response.text, having="agency", step=step)
        data = dict(form.fields)
        data["agency"] = form.radios["agency"][0]  # the learner's own commune
        self.think()
        target = self.phone.submit(
            path,
            data,
            name="POST /thuc-hanh/thu-tuc/<thu-tuc>/",
            step=step,
            redirect=rf"{SANDBOX}/ho-so/({UUID})/buoc/applicant/",
        )
        self.dossier_id = re.search(UUID, target).group(0)

    def _wizard(self, key):
        return f"{SANDBOX}/ho-so/{self.dossier_id}/buoc/{key}/"

    def _wizard_page(self, key, marker):
        return self.phone.page(
            self._wizard(key),
            name=f"GET /thuc-hanh/ho-so/<id>/buoc/{key}/",
            step=key,
            marker=marker,
        )

    def _wizard_send(self, key, data, following, files=None):
        self.phone.submit(
            self._wizard(key),
            data,
            name=f"POST /thuc-hanh/ho-so/<id>/buoc/{key}/",
            step=key,
            redirect=self._wizard(following),
            files=files,
        )

    def eform_values(self, form):
        """The birth-registration e-form (sandbox/demo/forms.py KHAI_SINH_FORM) filled with
        valid values: dates dd/mm/yyyy, 12-digit ID numbers starting with 099, one copy
        (8.000 đồng, so there is a fee to pay). Prefilled boxes are kept as they are."""
        born = date.today() - timedelta(days=self.rng.randint(5, 40))  # registered in time
        values = {
            "quan_he_voi_tre": "Mẹ",
            "ten_tre": f"{self.rng.choice(FAMILY_NAMES)} Minh Khang",
            "gioi_tinh": self.rng.choice(["Nam", "Nữ"]),
            "ngay_sinh": born.strftime("%d/%m/%Y"),
            "noi_sinh": "Trạm y tế xã Đầm Dơi, tỉnh Cà Mau",
            "dan_toc": "Kinh",
            "que_quan": "Xã Đầm Dơi, tỉnh Cà Mau",
            "me_ho_ten": "Trần Thị Hoa",
            "me_nam_sinh": "1995",
            "me_so_dinh_danh": f"099{self.rng.randrange(10**9):09d}",
            "cha_ho_ten": "Nguyễn Văn Bình",
            "cha_nam_sinh": "1992",
            "cha_so_dinh_danh": f"099{self.rng.randrange(10**9):09d}",
            "so_ban_sao": "1",
        }
        data = dict(form.fields)
        for name in form.texts:
            if not data.get(name):
                data[name] = values.get(name, "Không")
        for name, options in form.selects.items():
            wanted = values.get(name)
            data[name] = wanted if wanted in options else next(o for o in options if o)
        return data

    def attachment_slots(self, html):
        """The upload slots of the attachments step: (field name, required)."""
        return [
            (f"slot_{number}", title.rstrip().endswith("*"))
            for number, title in re.findall(r'id="f-slot_(\d+)">\s*<h3>(.*?)</h3>', html, re.S)
        ]

    def dossier_fill(self):
        """From the applicant step to the review step, every step sent valid."""
        response = self._wizard_page("applicant", "Thông tin người nộp")
        form = post_form(response.text, having="is_owner", step="applicant")
        self.think()
        self._wizard_send("applicant", {**form.hidden, "is_owner": "1"}, "eform")

        response = self._wizard_page("eform", "Tờ khai điện tử")
        form = post_form(response.text, having="ten_tre", step="eform")
        self.think()
        self._wizard_send("eform", self.eform_values(form), "delivery")

        response = self._wizard_page("delivery", "Đăng ký nhận kết quả")
        form = post_form(response.text, having="delivery_method", step="delivery")
        self.think()
        self._wizard_send(
            "delivery", {**dict(form.fields), "delivery_method": "online"}, "attachments"
        )

        response = self._wizard_page("attachments", "Giấy tờ đính kèm")
        form = post_form(response.text, having="continue", step="attachments")
        slots = [name for name, required in self.attachment_slots(response.text) if required]
        for uploaded, slot in enumerate(slots, start=1):
            self.think()  # photographing the paper
            photo = phone_photo(f"giay-to-{slot}")
            self._wizard_send(
                "attachments",
                {**form.hidden, "upload": "1"},
                "attachments",
                files={slot: (f"IMG_{self.rng.randint(1000, 9999)}.jpg", photo, "image/jpeg")},
            )
            response = self._wizard_page("attachments", "Giấy tờ đính kèm")
            if response.text.count('class="thumb"') < uploaded:
                raise JourneyError("attachments", "the uploaded photo is not shown", response)
            form = post_form(response.text, having="continue", step="attachments")
        self.think()
        self._wizard_send("attachments", {**form.hidden, "continue": "1"}, "review")
        response = self._wizard_page("review", "Kiểm tra lại toàn bộ thông tin")
        if "Còn thiếu trước khi nộp" in response.text:
            raise JourneyError("review", "the dossier is incomplete", response)
        return post_form(response.text, having="declaration", step="review")

    def submit_data(self, form):
        return {**form.hidden, "declaration": "1", "consent": "1"}

    def submit_send(self, data, phone=None):
        """Nộp hồ sơ: the answer leads to the payment page."""
        return (phone or self.phone).submit(
            self._wizard("review"),
            data,
            name="POST /thuc-hanh/ho-so/<id>/buoc/review/",
            step="submit",
            redirect=rf"{SANDBOX}/ho-so/{self.dossier_id}/thanh-toan/",
        )

    def dossier(self):
        self.dossier_start()
        form = self.dossier_fill()
        self.think()
        self.submit_send(self.submit_data(form))

    # -- payment --
    def payment_page(self, phone=None):
        phone = phone or self.phone
        return phone.page(
            f"{SANDBOX}/ho-so/{self.dossier_id}/thanh-toan/",
            name="GET /thuc-hanh/ho-so/<id>/thanh-toan/",
            step="payment",
            marker="Thanh toán phí, lệ phí",
        )

    def gateway_form(self):
        """Choose the bank, reach the simulated gateway: the confirmation form, 'success'."""
        step = "payment"
        response = self.payment_page()
        form = post_form(response.text, having="provider", step=step)
        self.think()
        target = self.phone.submit(
            f"{SANDBOX}/ho-so/{self.dossier_id}/thanh-toan/",
            {**form.hidden, "provider": form.radios["provider"][0]},
            name="POST /thuc-hanh/ho-so/<id>/thanh-toan/",
            step=step,
            redirect=rf"{SANDBOX}/cong-thanh-toan/({UUID})/",
        )
        self.payment_id = re.search(UUID, target).group(0)
        response = self.phone.page(
            target,
            name="GET /thuc-hanh/cong-thanh-toan/<id>/",
            step="gateway",
            marker="Tổng tiền bị trừ",
        )
        form = post_form(response.text, having="outcome", step="gateway")
        if "success" not in form.selects.get("outcome", []):
            raise JourneyError("gateway", "no 'success' outcome to choose", response)
        return {**form.hidden, "outcome": "success"}

    def gateway_send(self, data, phone=None):
        return (phone or self.phone).submit(
            f"{SANDBOX}/cong-thanh-toan/{self.payment_id}/",
            data,
            name="POST /thuc-hanh/cong-thanh-toan/<id>/",
            step="gateway",
            redirect=rf"{SANDBOX}/ho-so/{self.dossier_id}/thanh-cong/",
        )

    def submitted_page(self, phone=None):
        """The 'Đăng ký hồ sơ thành công' page; returns the dossier code it shows."""
        response = (phone or self.phone).page(
            f"{SANDBOX}/ho-so/{self.dossier_id}/thanh-cong/",
            name="GET /thuc-hanh/ho-so/<id>/thanh-cong/",
            step="submitted",
            marker="Đăng ký hồ sơ thành công",
        )
        found = DOSSIER_CODE.search(response.text)
        if not found:
            raise JourneyError("submitted", "no dossier code on the page", response)
        return found.group(0)

    def pay(self):
        data = self.gateway_form()
        self.think()
        self.gateway_send(data)
        self.code = self.submitted_page()
        self.think()

    def track(self):
        self.phone.page(
            f"{SANDBOX}/ho-so/{self.dossier_id}/",
            name="GET /thuc-hanh/ho-so/<id>/",
            step="tracking",
            marker=self.code,
        )


class TrainerBoard:
    """The trainer's laptop: logged in, the class board open (it reloads every 15 s)."""

    def __init__(self, phone, world):
        self.phone, self.world = phone, world

    def log_in(self):
        step = "trainer log-in"
        response = self.phone.page(
            "/tai-khoan/dang-nhap/", name="GET /tai-khoan/dang-nhap/", step=step, marker="username"
        )
        form = post_form(response.text, having="username", step=step)
        self.phone.submit(
            "/tai-khoan/dang-nhap/",
            {
                **form.hidden,
                "next": f"/lop/{self.world['class_id']}/bang/",
                "username": self.world["trainer"],
                "password": self.world["password"],
            },
            name="POST /tai-khoan/dang-nhap/",
            step=step,
            redirect=rf"/lop/{self.world['class_id']}/bang/",
        )

    def board(self):
        response = self.phone.page(
            f"/lop/{self.world['class_id']}/bang/",
            name="GET /lop/<id>/bang/",
            step="board",
            marker="Bảng lớp",
        )
        return len(re.findall(r'class="card board-row', response.text))
