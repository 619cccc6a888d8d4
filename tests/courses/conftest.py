"""Fixtures for the courses tests: a published procedure whose tutorial is rendered."""

import pytest

from tests.factories import ProcedurePageFactory
from tests.helpers import step_with, wagtail_image


@pytest.fixture
def rendering(settings):
    settings.TUTORIAL_RENDER_ON_PUBLISH = True


@pytest.fixture
def procedure(catalogue, rendering, django_capture_on_commit_callbacks):
    first, second = wagtail_image("b1", (200, 220, 240)), wagtail_image("b2", (240, 220, 200))
    with django_capture_on_commit_callbacks(execute=True):
        page = ProcedurePageFactory(
            parent=catalogue,
            slug="dang-ky-khai-sinh",
            title="Đăng ký khai sinh",
            steps=[step_with("Đăng nhập", first), step_with("Nộp hồ sơ", second)],
        )
        page.save_revision().publish()
    return page
