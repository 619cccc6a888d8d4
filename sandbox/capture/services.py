"""Carrying out a tutorial capture: claim the steps, play the scripts, store the screens.

Called by the Celery task and the ``capture_tutorials`` command. The browser runs in a
thread of its own (Playwright's sync API refuses a thread with an event loop, such as a
test's); everything that touches the database happens here, in the caller's thread, or
in the portal server's request threads.
"""

from __future__ import annotations

import datetime
import io
import logging
import secrets
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Collection

from courses.captures import (
    capture_plan,
    capture_stale_after,
    pending_capture_row,
    step_script,
)
from courses.models import ProcedurePage
from courses.models.step_captures import CaptureShot, StepCapture
from courses.services import tutorial_renders_request
from courses.video.phone import marked_screen
from courses.video.specs import ShotSpec, shots_digest

from ..context import SESSION_MODE, SESSION_OWNER
from ..models import PracticeIdentity
from ..models.accounts import PRACTICE_CCCD_PREFIX
from ..services.purge import practice_data_purge
from . import runner
from .server import practice_portal_server, shared_connections, use_connections

if TYPE_CHECKING:
    from django.db.backends.base.base import BaseDatabaseWrapper

    from wagtail.images.models import AbstractImage

logger = logging.getLogger(__name__)
CAPTURE_COLLECTION = "Màn hình chụp từ môi trường thực hành"
# The person every tutorial shows: the same name and birthday in every video.
PERSONA = {
    "full_name": "Nguyễn Thị Mai",
    "birth_date": datetime.date(1992, 5, 14),
    "sex": "Nữ",
    "phone": "0912345678",
    "address": "Thôn Đông, xã Tân Lập, tỉnh Phú Thọ",
}
PRACTICE_PASSWORD = "Luyentap@2026"  # noqa: S105 - a practice account's, typed on screen


@dataclass
class CaptureOutcome:
    captured: list[str]
    failed: dict[str, str]
    seconds: float


def _claim(page: ProcedurePage) -> list[StepCapture]:
    """Take, for this worker, the steps whose screens are missing or waiting for the
    page's current content. The content may have changed since the capture was asked
    for (the e-form seeded after the page, a second publish): rows of older content that
    never ran are dropped, and the current content is captured instead."""
    now = timezone.now()
    stale = now - capture_stale_after()
    claimable = Q(status=StepCapture.Status.PENDING) | Q(
        status=StepCapture.Status.RUNNING, heartbeat_at__lt=stale
    )
    plan = capture_plan(page)
    if plan.reason:
        return []
    wanted = {key: plan.hashes[key] for key in [*plan.missing, *plan.waiting]}
    StepCapture.objects.filter(procedure=page, status=StepCapture.Status.PENDING).exclude(
        capture_hash__in=list(plan.hashes.values())
    ).delete()
    for key in plan.missing:
        pending_capture_row(page, key, wanted[key])
    claimed = []
    for key, digest in wanted.items():
        taken = (
            StepCapture.objects.filter(procedure=page, step_key=key, capture_hash=digest)
            .filter(claimable)
            .update(
                status=StepCapture.Status.RUNNING,
                started_at=now,
                heartbeat_at=now,
                attempts=F("attempts") + 1,
            )
        )
        if taken:
            claimed.append(
                StepCapture.objects.get(procedure=page, step_key=key, capture_hash=digest)
            )
    return claimed


def _script_steps(page: ProcedurePage) -> list[runner.ScriptStep]:
    steps = []
    for number, block in enumerate(page.steps, start=1):
        actions = tuple(runner.ScriptAction(**action) for action in step_script(block.value))
        steps.append(runner.ScriptStep(number, block.id, block.value["title"], actions))
    return steps


def _persona_session() -> tuple[str, SessionStore, dict[str, str]]:
    """A practice identity and a browser session that owns it, made without the browser."""
    owner_key = f"c{uuid.uuid4().hex}"
    while True:
        cccd = f"{PRACTICE_CCCD_PREFIX}192{secrets.randbelow(10**6):06d}"
        if not PracticeIdentity.objects.filter(cccd=cccd).exists():
            break
    identity = PracticeIdentity.objects.create(owner_key=owner_key, cccd=cccd, **PERSONA)
    session = SessionStore()
    session[SESSION_OWNER] = owner_key
    # Without the guide's hints: the video shows the screens as the portal has them.
    session[SESSION_MODE] = "practice"
    session.create()
    persona = {
        "ho_ten": identity.full_name,
        "cccd": identity.cccd,
        "so_dien_thoai": identity.phone,
        "ngay_sinh": identity.birth_date.strftime("%d/%m/%Y"),
        "mat_khau": PRACTICE_PASSWORD,
    }
    return owner_key, session, persona


def _play_in_browser(
    base_url: str,
    session_key: str,
    steps: list[runner.ScriptStep],
    record_keys: set[str],
    persona: dict[str, str],
    overrides: dict[str, BaseDatabaseWrapper],
) -> tuple[dict[str, runner.StepShots], runner.CaptureScriptError | None]:
    """Runs in its own thread. Returns ({key: StepShots}, CaptureScriptError or None)."""
    from playwright.sync_api import sync_playwright

    use_connections(overrides)
    recorded, failure = {}, None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=runner.chromium_path(settings.CAPTURE_CHROMIUM),
            args=runner.CHROMIUM_ARGS,
        )
        try:
            context = browser.new_context(
                viewport=runner.VIEWPORT,
                device_scale_factor=runner.PIXEL_RATIO,
                is_mobile=True,
                has_touch=True,
                locale="vi-VN",
                timezone_id="Asia/Ho_Chi_Minh",
            )
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": session_key, "url": base_url}]
            )
            page = context.new_page()
            try:
                recorded = runner.play(
                    page, base_url, steps, record_keys=record_keys, persona=persona
                )
            except runner.CaptureScriptError as error:
                recorded, failure = error.recorded, error
        finally:
            browser.close()
    return recorded, failure


def _capture(
    steps: list[runner.ScriptStep], record_keys: set[str]
) -> tuple[dict[str, runner.StepShots], runner.CaptureScriptError | None]:
    """Play the steps in a browser against this process's portal, as a throwaway persona
    whose practice data is purged afterwards. Returns (recorded, CaptureScriptError|None)."""
    owner_key, session, persona = _persona_session()
    try:
        with practice_portal_server() as base_url:
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="capture") as pool:
                return pool.submit(
                    _play_in_browser,
                    base_url,
                    session.session_key,
                    steps,
                    record_keys,
                    persona,
                    shared_connections(),
                ).result()
    finally:
        practice_data_purge(owner_key=owner_key)
        session.delete()


@dataclass
class CaptureCheck:
    lines: list[str]
    error: str = ""


def tutorial_capture_check(*, page: ProcedurePage, dump_dir: str | None = None) -> CaptureCheck:
    """Play every scripted step and say what each would capture; store nothing in the
    database (``dump_dir`` receives the screens as PNG files, to look at)."""
    steps = _script_steps(page)
    scripted = {step.key for step in steps if step.actions}
    recorded, failure = _capture(steps, scripted)
    if dump_dir:
        folder = Path(dump_dir) / page.slug
        folder.mkdir(parents=True, exist_ok=True)
        for step in steps:
            for position, shot in enumerate(getattr(recorded.get(step.key), "shots", [])):
                name = f"buoc{step.number}-{position:02d}-{shot.kind}.png"
                marked = marked_screen(shot.png, shot.box, runner.PIXEL_RATIO, keep=shot.banner)
                marked.save(folder / name)
    lines = [
        f"bước {step.number}: {len(recorded[step.key].shots)} màn hình, "
        f"{recorded[step.key].seconds:.1f} giây"
        for step in steps
        if step.key in recorded
    ]
    lines += [f"bước {step.number}: chưa có kịch bản" for step in steps if not step.actions]
    return CaptureCheck(lines, str(failure) if failure else "")


def tutorial_capture_refresh(*, page: ProcedurePage, force: bool = False) -> str:
    """Capture and render what is out of date for this page (as publishing does)."""
    queued = tutorial_renders_request(page=page, force=force)
    plan = capture_plan(page)
    parts = [f"{len(plan.done)}/{len(plan.hashes)} bước đã chụp"]
    if plan.failed:
        parts.append(
            f"{len(plan.failed)} bước lỗi: " + "; ".join(row.error for row in plan.failed.values())
        )
    if plan.reason:
        parts.append(plan.reason)
    parts.append(f"{len(queued)} video được yêu cầu dựng")
    return ", ".join(parts)


def _collection() -> Collection:
    existing = Collection.objects.filter(name=CAPTURE_COLLECTION).first()
    return existing or Collection.get_first_root_node().add_child(name=CAPTURE_COLLECTION)


def _still(
    page: ProcedurePage, step: runner.ScriptStep, shots: list[runner.Shot]
) -> tuple[AbstractImage, str]:
    """The step's picture on the procedure page: the marked screen of its main moment."""
    chosen = next((s for s in shots if s.picture), None)
    chosen = chosen or next((s for s in shots if s.kind == "look"), None) or shots[-1]
    picture = marked_screen(chosen.png, chosen.box, runner.PIXEL_RATIO, keep=chosen.banner)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    Image = get_image_model()
    image = Image(
        title=f"{page.title} · bước {step.number} (chụp từ môi trường thực hành)"[:255],
        collection=_collection(),
        file=ImageFile(buffer, name=f"{page.slug}-buoc-{step.number}.png"),
    )
    image.save()
    where = chosen.label or step.title
    alt = f"Màn hình thực hành, bước {step.number}: {where}"
    return image, alt[:250]


def _store(
    page: ProcedurePage, row: StepCapture, step: runner.ScriptStep, recorded: runner.StepShots
) -> None:
    shots = recorded.shots
    digest = shots_digest(
        [ShotSpec(s.kind, s.png, s.box, s.label, s.typed, s.banner) for s in shots]
    )
    still, alt = _still(page, step, shots)
    with transaction.atomic():
        row.shots.all().delete()
        for position, shot in enumerate(shots):
            item = CaptureShot(
                capture=row,
                position=position,
                kind=shot.kind,
                box=list(shot.box) if shot.box else None,
                banner=list(shot.banner) if shot.banner else None,
                action_label=shot.label[:250],
                typed=shot.typed[:250],
            )
            item.image.save(f"{position:03d}-{shot.kind}.png", ContentFile(shot.png), save=False)
            item.save()
        old_still = row.still
        row.status = StepCapture.Status.DONE
        row.error = ""
        row.viewport_width = runner.VIEWPORT["width"]
        row.viewport_height = runner.VIEWPORT["height"]
        row.pixel_ratio = runner.PIXEL_RATIO
        row.shots_digest = digest
        row.still = still
        row.still_alt = alt
        row.seconds = recorded.seconds
        row.finished_at = timezone.now()
        row.save()
    if old_still is not None:
        old_still.delete()
    _forget_older(row)


def _forget_older(row: StepCapture) -> None:
    """Earlier captures of the same step are superseded: drop their files and pictures."""
    older = (
        StepCapture.objects.filter(procedure_id=row.procedure_id, step_key=row.step_key)
        .exclude(pk=row.pk)
        .exclude(status__in=[StepCapture.Status.PENDING, StepCapture.Status.RUNNING])
    )
    for capture in older:
        for shot in capture.shots.all():
            shot.image.delete(save=False)
        if capture.still is not None:
            capture.still.delete()
        capture.delete()


def _fail(row: StepCapture, message: str) -> None:
    StepCapture.objects.filter(pk=row.pk).update(
        status=StepCapture.Status.FAILED, error=message[:2000], finished_at=timezone.now()
    )


def tutorial_capture_execute(*, procedure_id: int) -> CaptureOutcome:
    """Capture the page's steps that wait for it, then ask for the renders."""
    started = time.perf_counter()
    page = ProcedurePage.objects.filter(pk=procedure_id).first()
    if page is None or not page.live:
        return CaptureOutcome([], {}, 0.0)
    rows = _claim(page)
    if not rows:
        return CaptureOutcome([], {}, 0.0)
    by_key = {row.step_key: row for row in rows}
    steps = _script_steps(page)
    failed = {}
    try:
        recorded, failure = _capture(steps, set(by_key))
    except Exception as error:  # noqa: BLE001 - a browser that will not start, and kin
        logger.exception("Capture of %s could not run", procedure_id)
        recorded, failure = {}, None
        for row in rows:
            failed[row.step_key] = f"Không chạy được trình duyệt để chụp màn hình: {error}"
    for step in steps:
        row = by_key.get(step.key)
        if row is None or row.step_key in failed:
            continue
        if step.key in recorded:
            _store(page, row, step, recorded[step.key])
        elif failure is not None and failure.step_key == step.key:
            failed[step.key] = str(failure)
        elif failure is not None:
            failed[step.key] = f"Chưa chụp được vì bước {failure.step_number} bị lỗi: {failure}"
    for key, message in failed.items():
        _fail(by_key[key], message)
    tutorial_renders_request(page=page)
    captured = [key for key in by_key if key not in failed]
    return CaptureOutcome(captured, failed, time.perf_counter() - started)
