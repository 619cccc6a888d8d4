"""Issue 11: the demo's birth-registration tutorial, captured and rendered as `make run`
does it. A frame read back by OCR shows the practice banner and the e-form's labels, and
the captions are the step's instruction sentences."""

import os

import pytest

from courses.captures import capture_plan
from courses.models import ProcedurePage
from courses.models.renders import TutorialRender
from courses.services import tutorial_renders_request
from courses.video.prepare import split_sentences
from sandbox.capture import legibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def ocr():
    if legibility.tesseract_path() is None:
        if os.environ.get("CI"):
            pytest.fail("tesseract-ocr is not installed (make system-packages)")
        pytest.skip("tesseract-ocr is not installed (make system-packages)")


def test_birth_registration_is_captured_and_its_form_labels_are_legible(demo_site, settings, ocr):
    settings.TUTORIAL_RENDER_ON_PUBLISH = True
    settings.TUTORIAL_CAPTURE_ENABLED = True
    page = ProcedurePage.objects.get(slug="dang-ky-khai-sinh")
    tutorial_renders_request(page=page)  # in-process: captures, then renders

    plan = capture_plan(page)
    assert not plan.failed, [row.error for row in plan.failed.values()]
    assert len(plan.done) == len(page.steps) == 8
    render = TutorialRender.objects.get(procedure=page, step_key="", status="done")
    assert render.video_phone and render.video_720
    captures = [plan.done[block.id] for block in page.steps]
    points = legibility.moments(render, captures)

    # The e-form step is the one that types into the most fields.
    typed = {}
    for point in points:
        if point.kind == "type":
            typed.setdefault(point.step, set()).add(point.target)
    form_step = max(typed, key=lambda number: len(typed[number]))
    assert len(typed[form_step]) >= 6
    looks = [p for p in points if p.step == form_step and p.kind == "look"]
    area = legibility.screen_area(_spec_for_layout(page), "phone")
    result = legibility.legibility(render.video_phone.path, looks, area=area, limit=6)
    assert result.banner_frames >= 1, result.misses
    assert result.read >= 5, result.misses  # of 6 sampled field labels

    block = page.steps[form_step - 1]
    for sentence in split_sentences(block.value["instruction"]):
        assert sentence in render.captions_vtt


def _spec_for_layout(page):
    from courses.rendering import tutorial_spec

    return tutorial_spec(page, {}, with_images=False)
