"""Training's pages and messages go through gettext: Vietnamese by default, as before,
English when the visitor chooses it, and no Vietnamese left in the templates themselves."""

import re
from pathlib import Path

import pytest

from django.conf import settings
from django.utils import translation

from training.activities import completion_rule
from training.errors import TrainingError
from training.services import classes as services

TEMPLATES = Path(settings.SITE_DIR) / "templates" / "training"
VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


@pytest.fixture(autouse=True)
def default_language_afterwards():
    """The middleware leaves a request's language active in the thread: an English page
    here must not turn the next test's direct service calls English."""
    yield
    translation.deactivate()


def test_the_training_templates_hold_no_vietnamese_text():
    templates = sorted(TEMPLATES.rglob("*.html"))
    assert templates
    for template in templates:
        for number, line in enumerate(template.read_text().splitlines(), start=1):
            assert not VIETNAMESE.search(line), f"{template.name}:{number}: {line.strip()}"


@pytest.mark.django_db
def test_the_join_page_is_vietnamese_unless_english_is_chosen(client):
    page = client.get("/vao-lop/").content.decode()
    assert "<h1>Vào lớp học</h1>" in page and "Mã lớp (6 ký tự)" in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get("/vao-lop/").content.decode()
    assert "<h1>Join your class</h1>" in page and "Class code (6 characters)" in page


@pytest.mark.django_db
def test_a_wrong_code_is_explained_in_the_chosen_language(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.post("/vao-lop/", {"ma": "AAAAAA", "display_name": "Lan"}).content.decode()
    assert "The class code is not right." in page


def test_a_message_with_a_number_keeps_its_placeholders():
    with pytest.raises(TrainingError) as raised:
        services.limited_text("x" * 12, field="name", label="Tên lớp", max_length=10)
    assert raised.value.message == "Tên lớp dài quá: tối đa 10 ký tự, bạn đã gõ 12 ký tự."
    with translation.override("en"), pytest.raises(TrainingError) as raised:
        services.limited_text("x" * 12, field="name", label="Class name", max_length=10)
    assert raised.value.message == "Class name is too long: at most 10 characters, you typed 12."


def test_the_completion_rule_follows_the_language(course):
    rule = completion_rule(course)
    assert rule.startswith("Để hoàn thành khóa học, bạn cần xem 1 video hướng dẫn")
    assert "mỗi video ít nhất 90% thời lượng" in rule
    with translation.override("en"):
        rule = completion_rule(course)
    assert rule.startswith("To finish the course, you need to watch 1 tutorial video")
    assert "at least 90% of its length" in rule
