"""Which tutorial steps need their screens captured from the practice portal, and
asking for those captures.

The capture itself is done by a provider named in ``settings.TUTORIAL_CAPTURE_PROVIDER``
(the sandbox's: it drives the practice portal in a browser), so courses, the bottom
layer, never imports the app it films. The provider answers three things: whether it can
capture on this machine (and why not), a fingerprint of the practice portal's screens for
a procedure (templates, e-form), and how to queue a capture.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string

from .models.step_captures import StepCapture
from .video.specs import nfc

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .models import ProcedurePage

# Bump when the capture's viewport, shots or drawing of stills change.
CAPTURE_VERSION = "2026.12-2"


class CaptureProvider(Protocol):
    def unavailable_reason(self) -> str: ...

    def fingerprint(self, page: ProcedurePage) -> str: ...

    def enqueue(self, procedure_id: int) -> None: ...


def capture_provider() -> CaptureProvider | None:
    path = getattr(settings, "TUTORIAL_CAPTURE_PROVIDER", "")
    return import_string(path)() if path else None


def capture_stale_after() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.TUTORIAL_CAPTURE_STALE_SECONDS)


def step_script(value: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A step's practice script as plain, normalised data (what the hash and player read)."""
    return [
        {
            "action": action["action"],
            "target": nfc(action["target"]).strip(),
            "value": nfc(action.get("value") or "").strip(),
            "picture": bool(action.get("picture")),
        }
        for action in value.get("practice_script") or []
    ]


def capture_hashes(page: ProcedurePage, fingerprint: str) -> dict[str, str]:
    """{step key: hash} for the steps that have a script.

    A step's screens depend on its own script and texts, on every script before it (they
    bring the portal to where it starts) and on the portal itself; a change to a later
    step, or to another step's texts, leaves the hash alone."""
    hashes, before = {}, []
    for block in page.steps:
        script = step_script(block.value)
        if script:
            payload = {
                "version": CAPTURE_VERSION,
                "portal": fingerprint,
                "before": before,
                "script": script,
                "title": nfc(block.value["title"]),
                "instruction": nfc(block.value["instruction"]),
            }
            blob = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
            hashes[block.id] = hashlib.sha256(blob).hexdigest()
        before = [*before, script]
    return hashes


@dataclass
class CapturePlan:
    """Where each scripted step's capture stands, for the page's current content."""

    reason: str = ""  # why this machine cannot capture ("" when it can)
    hashes: dict[str, str] = field(default_factory=dict)
    done: dict[str, StepCapture] = field(default_factory=dict)
    failed: dict[str, StepCapture] = field(default_factory=dict)
    waiting: dict[str, StepCapture] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)


def capture_plan(page: ProcedurePage) -> CapturePlan:
    provider = capture_provider()
    if provider is None:
        return CapturePlan(reason="Chưa cấu hình phần chụp màn hình (TUTORIAL_CAPTURE_PROVIDER).")
    plan = CapturePlan(reason=provider.unavailable_reason())
    plan.hashes = capture_hashes(page, provider.fingerprint(page))
    if not plan.hashes:
        return plan
    rows = StepCapture.objects.filter(
        procedure=page, capture_hash__in=list(plan.hashes.values())
    ).select_related("still")
    by_key = {
        row.step_key: row for row in rows if plan.hashes.get(row.step_key) == row.capture_hash
    }
    stale = timezone.now() - capture_stale_after()
    for key in plan.hashes:
        row = by_key.get(key)
        if row is None:
            plan.missing.append(key)
        elif row.status == StepCapture.Status.DONE:
            plan.done[key] = row
        elif row.status == StepCapture.Status.FAILED:
            plan.failed[key] = row
        elif _lost(row, stale):
            plan.missing.append(key)  # its worker died, or its task was lost: ask again
        else:
            plan.waiting[key] = row
    return plan


def _lost(row: StepCapture, stale: datetime.datetime) -> bool:
    if row.status == StepCapture.Status.RUNNING:
        return (row.heartbeat_at or row.requested_at) < stale
    return row.requested_at < stale


def _lost_rows(stale: datetime.datetime) -> Q:
    # What _lost says of one row, asked of the whole table at once by the sweep.
    running = Q(status=StepCapture.Status.RUNNING) & (
        Q(heartbeat_at__lt=stale) | Q(heartbeat_at__isnull=True, requested_at__lt=stale)
    )
    return running | Q(status=StepCapture.Status.PENDING, requested_at__lt=stale)


def pending_capture_row(page: ProcedurePage, key: str, digest: str) -> StepCapture:
    """The capture row for this content, made once even under concurrent requests."""
    try:
        with transaction.atomic():
            row, created = StepCapture.objects.get_or_create(
                procedure=page, step_key=key, capture_hash=digest
            )
    except IntegrityError:  # made by a concurrent request
        row, created = (
            StepCapture.objects.get(procedure=page, step_key=key, capture_hash=digest),
            False,
        )
    if not created:
        StepCapture.objects.filter(pk=row.pk).update(
            status=StepCapture.Status.PENDING, error="", attempts=0, requested_at=timezone.now()
        )
    return row


def captures_request(*, page: ProcedurePage, plan: CapturePlan, force: bool = False) -> bool:
    """Queue captures for steps that have none for their content (with ``force``, the
    failed ones too). True while captures are under way: renders wait for them, and the
    capture asks for the renders when it ends."""
    if plan.reason:
        return False
    again = list(plan.failed) if force else []
    to_capture = [*plan.missing, *again]
    for key in to_capture:
        pending_capture_row(page, key, plan.hashes[key])
    if to_capture:
        capture_provider().enqueue(page.pk)
    return bool(to_capture or plan.waiting)


def captures_stalled_requeue(*, now: datetime.datetime) -> list[int]:
    """Ask again, as publishing would, for the captures of live pages whose worker died
    or whose message was lost. Only a publish or an editor's click asked again before,
    and a killed worker's message comes back after the broker's visibility timeout,
    hours later, with the page's renders waiting for it meanwhile. Asking again resets
    the rows' request time, so the next sweeps leave them alone for the stale period.
    Returns the ids of the pages asked for."""
    provider = capture_provider()
    if provider is None or provider.unavailable_reason():
        return []  # captures_request would refuse them too
    lost = StepCapture.objects.filter(
        _lost_rows(now - capture_stale_after()), procedure__live=True
    ).select_related("procedure")
    pages = {row.procedure_id: row.procedure for row in lost}
    asked = []
    for page in pages.values():
        plan = capture_plan(page)
        # A lost row of content the page no longer has is nobody's to finish.
        if plan.missing and captures_request(page=page, plan=plan):
            asked.append(page.pk)
    return asked
