"""The pages learners and trainers use: my course's checklist, answering a knowledge
check without JavaScript, the live board on a phone and on a projector."""

import pytest

from tests.helpers import join, lesson_id, practise
from training.models import ManagerScope

pytestmark = pytest.mark.django_db


def test_the_learner_sees_the_rule_and_a_checklist_and_answers_a_quiz(client, enrollment, course):
    client.force_login(enrollment.learner)
    page = client.get(f"/hoc/{enrollment.pk}/").content.decode()
    assert "Cách tính hoàn thành" in page and "0/4" in page
    assert "Có ai được hỏi mã OTP của bạn không?" in page
    lesson = lesson_id(course, "text_lesson")
    response = client.post(f"/hoc/{enrollment.pk}/kiem-tra/{lesson}/", {"q0": "1", "q1": "1"})
    page = client.get(response.url).content.decode()
    assert "Đúng 1/2 câu" in page and "Không cơ quan nào hỏi mã OTP." in page
    client.post(f"/hoc/{enrollment.pk}/kiem-tra/{lesson}/", {"q0": "2", "q1": "1"})
    client.post(f"/hoc/{enrollment.pk}/doc/{lesson}/")
    assert "2/4" in client.get(f"/hoc/{enrollment.pk}/").content.decode()


def test_the_trainer_shows_the_same_rule_on_the_class_page(client, trainer, enrollment, course):
    from training.activities import completion_rule

    client.force_login(trainer)
    page = client.get(f"/lop/{enrollment.training_class_id}/").content.decode()
    assert completion_rule(course) in page
    assert "Lịch sử thay đổi" in page and "Danh sách lớp" in page


def test_the_board_refreshes_itself_and_has_a_projector_view(
    client, trainer, training_class, exercise
):
    stuck = join(training_class, "Trần Thị Mai")
    practise(stuck.learner, exercise, errors=["otp_wrong"] * 4, complete=False)
    client.force_login(trainer)
    page = client.get(f"/lop/{training_class.pk}/bang/").content.decode()
    assert '<meta http-equiv="refresh" content="15">' in page
    assert "Cần giúp" in page and "Sai 4 lần liên tiếp" in page
    assert (
        'class="board projector"'
        in client.get(f"/lop/{training_class.pk}/bang/?chieu=1").content.decode()
    )


def test_a_commune_manager_reads_a_class_but_cannot_change_it(
    client, training_class, enrollment, django_user_model
):
    manager = django_user_model.objects.create_user("xa", password="x")
    ManagerScope.objects.create(user=manager, unit=training_class.commune)
    client.force_login(manager)
    page = client.get(f"/lop/{training_class.pk}/").content.decode()
    assert "Lê Văn Bảy" in page and training_class.join_code not in page
    assert "Ghi danh và in thẻ" not in page
    response = client.post(
        f"/lop/{training_class.pk}/", {"action": "roster", "display_name": "Người lạ"}
    )
    assert response.status_code == 404
    assert not training_class.enrollments.filter(display_name="Người lạ").exists()
    assert client.get(f"/lop/{training_class.pk}/bang/").status_code == 200
