"""Editors keep the question bank in Wagtail's snippets."""

import pytest

from assessments.models import SkillQuestion
from tests.factories import SkillQuestionFactory

pytestmark = pytest.mark.django_db

BASE = "/admin/snippets/assessments/skillquestion/"


@pytest.fixture
def admin_client(client, django_user_model, home_page):
    client.force_login(django_user_model.objects.create_superuser("quantri", password="x"))
    return client


def form_data(**fields):
    data = {
        "slug": "mat-khau-manh",
        "skill": "safety.accounts",
        "kind": "choice",
        "prompt": "Mật khẩu nào mạnh nhất?",
        "choice_a": "12345678",
        "choice_b": "Sen#Ho9Tay",
        "choice_c": "",
        "choice_d": "",
        "correct_choice": "b",
        "exercise": "",
        "explanation": "Có chữ hoa, chữ thường, số và ký tự đặc biệt.",
        "is_active": "on",
        "sort_order": "10",
    }
    data.update(fields)
    return data


def test_the_listing_and_edit_pages_load(admin_client):
    question = SkillQuestionFactory()
    listing = admin_client.get(BASE)
    assert listing.status_code == 200
    assert "Có người gọi điện xin mã OTP" in listing.content.decode()
    assert admin_client.get(f"{BASE}add/").status_code == 200
    edit = admin_client.get(f"{BASE}edit/{question.pk}/")
    assert edit.status_code == 200
    assert "Bảo vệ tài khoản, mật khẩu và mã OTP" in edit.content.decode()


def test_the_listing_filters_by_skill(admin_client):
    SkillQuestionFactory(prompt="Câu về mật khẩu", skill="safety.accounts")
    SkillQuestionFactory(prompt="Câu về lừa đảo", skill="safety.scams")
    page = admin_client.get(BASE, {"skill": "safety.scams"}).content.decode()
    assert "Câu về lừa đảo" in page and "Câu về mật khẩu" not in page


def test_an_editor_adds_a_question(admin_client):
    response = admin_client.post(f"{BASE}add/", form_data())
    assert response.status_code == 302
    question = SkillQuestion.objects.get(slug="mat-khau-manh")
    assert question.correct_choice == "b" and question.history.count() == 1


def test_the_form_refuses_a_right_answer_that_is_not_a_choice(admin_client):
    response = admin_client.post(f"{BASE}add/", form_data(correct_choice="c"))
    assert response.status_code == 200
    assert "Chọn đáp án đúng trong các phương án đã nhập." in response.content.decode()
    assert not SkillQuestion.objects.exists()
