"""The sandbox's answer to courses.captures: can this machine capture, what the
practice portal looks like for a procedure, and queueing a capture."""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction

from .runner import chromium_path

if TYPE_CHECKING:
    from courses.models import ProcedurePage

    from ..models import PracticeForm

# What the practice screens are made of: a change to any of these re-captures.
PORTAL_FILES = ("templates/base.html", "templates/sandbox", "static/css")


@functools.cache
def portal_files_digest(site_dir: str) -> str:
    digest = hashlib.sha256()
    for part in PORTAL_FILES:
        root = Path(site_dir) / part
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in files:
            if path.is_file():
                digest.update(str(path.relative_to(site_dir)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def procedure_portal_digest(page: ProcedurePage) -> str:
    """The parts of a procedure the practice portal shows: its e-form, documents, fees."""
    form = getattr(page, "practice_form", None) if page.pk else None
    payload = {
        "title": page.title,
        "agency": page.implementing_agency,
        "level": page.agency_level,
        "documents": page.documents.get_prep_value(),
        "channels": page.channels.get_prep_value(),
        "form": None,
    }
    if form is not None:
        payload["form"] = {
            "sections": form.sections.get_prep_value(),
            "cases": form.cases,
            "fee": [form.fee_units_field, form.fee_free_units, form.fee_per_unit],
            "fee_label": form.fee_per_unit_label,
        }
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode()
    return hashlib.sha256(blob).hexdigest()


class SandboxCaptureProvider:
    def unavailable_reason(self) -> str:
        if not settings.TUTORIAL_CAPTURE_ENABLED:
            return "Chụp màn hình đang tắt trên máy chủ này (TUTORIAL_CAPTURE_ENABLED=false)."
        if chromium_path(settings.CAPTURE_CHROMIUM) is None:
            return (
                "Máy chủ chưa có trình duyệt Chromium nên video dùng ảnh minh họa. "
                "Cài bằng lệnh: make system-packages (hoặc apt-get install chromium)."
            )
        if importlib.util.find_spec("playwright") is None:
            return "Thiếu gói Python playwright (pip install -r requirements.txt)."
        return ""

    def fingerprint(self, page: ProcedurePage) -> str:
        portal = portal_files_digest(str(settings.SITE_DIR))
        return f"{portal}:{procedure_portal_digest(page)}"

    def enqueue(self, procedure_id: int) -> None:
        from .tasks import capture_tutorial_task

        transaction.on_commit(lambda: capture_tutorial_task.delay(procedure_id))


def recapture_on_form_change(
    sender: type[PracticeForm], instance: PracticeForm, **kwargs: Any
) -> None:
    """An edited e-form changes the practice screens: the tutorial that films them is
    captured again where it shows the form (the hash says which steps)."""
    if not getattr(settings, "TUTORIAL_RENDER_ON_PUBLISH", True):
        return
    page = instance.procedure
    if page is not None and page.live:
        from courses.services import tutorial_renders_request

        transaction.on_commit(lambda: tutorial_renders_request(page=page))
