"""A tutorial rendered once per session, read back by many tests."""

import pytest

from tests.courses.video.inputs import tutorial


@pytest.fixture(scope="session")
def rendered(tmp_path_factory):
    """One silent 3-step tutorial at both sizes, shared by the read-back tests."""
    from courses.video.encode import render_tutorial

    out_dir = tmp_path_factory.mktemp("render")
    spec = tutorial()
    return spec, render_tutorial(spec, out_dir, heights=(360, 720), title_seconds=1.0), out_dir
