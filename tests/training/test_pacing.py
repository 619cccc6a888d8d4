"""Trainer-paced mode: the trainer moves the class step by step from the board; every
learner's phone shows that step, learners who are done wait (their page reloads), and
learners behind are flagged on the board."""

import pytest

from django.utils import timezone

from home import roles
from tests.factories import user_with
from tests.helpers import activities_marked_done, join, lesson_id
from training.activities import course_activities
from training.errors import TrainingError
from training.paced_steps import BEHIND, ON_STEP, WAITING, paced_step
from training.selectors import class_board
from training.services import progress
from training.services.pacing import pace_move

pytestmark = pytest.mark.django_db


def move(training_class, to, seen=None):
    return pace_move(training_class=training_class, to=to, seen=seen, now=timezone.now())


def test_the_trainer_moves_through_the_steps(training_class, course):
    keys = [a.key for a in course_activities(course)]
    assert paced_step(training_class) is None
    move(training_class, "next")
    assert paced_step(training_class).number == 1
    move(training_class, "next")
    move(training_class, "next")
    step = paced_step(training_class)
    assert (step.number, step.total, step.activity.key) == (3, len(keys), keys[2])
    move(training_class, "previous")
    assert paced_step(training_class).number == 2
    move(training_class, str(len(keys)))
    move(training_class, "next")  # already the last: stays
    assert paced_step(training_class).number == len(keys)
    move(training_class, "stop")
    assert paced_step(training_class) is None


def test_a_double_tap_moves_one_step(training_class):
    move(training_class, "next")
    seen = training_class.paced_activity_key
    move(training_class, "next", seen=seen)
    move(training_class, "next", seen=seen)  # the same press, sent again
    assert paced_step(training_class).number == 2


def test_a_step_that_does_not_exist_is_refused(training_class):
    with pytest.raises(TrainingError):
        move(training_class, "99")
    with pytest.raises(TrainingError):
        move(training_class, "sideways")
    assert paced_step(training_class) is None


def test_the_board_shows_who_waits_and_who_is_behind(training_class, course):
    ahead, on, late = (join(training_class, name) for name in ("An", "Bình", "Cúc"))
    reading = lesson_id(course, "text_lesson")
    activities = course_activities(course)
    reading_number = next(i for i, a in enumerate(activities, 1) if a.key == f"read:{reading}")
    # Everyone but Cúc did the steps before the reading; An did the reading too.
    for enrollment in (ahead, on):
        activities_marked_done(enrollment, activities[: reading_number - 1])
    progress.reading_done(enrollment=ahead, lesson_id=reading)
    move(training_class, str(reading_number))
    board = class_board(training_class, now=timezone.now())
    states = {row.enrollment.display_name: row.pace for row in board["rows"]}
    assert states == {"An": WAITING, "Bình": ON_STEP, "Cúc": BEHIND}
    assert board["pace"]["counts"] == {WAITING: 1, ON_STEP: 1, BEHIND: 1}
    late_row = next(r for r in board["rows"] if r.enrollment == late)
    assert late_row.pace_missing == [a.title for a in activities[: reading_number - 1]]
    assert board["rows"][0].enrollment == late  # the one behind comes first


def test_the_board_buttons_move_the_class(client, training_class):
    client.force_login(training_class.trainer)
    page = client.get(f"/lop/{training_class.pk}/bang/").content.decode()
    assert "Dẫn lớp từng bước" in page
    response = client.post(f"/lop/{training_class.pk}/buoc/", {"to": "next", "seen": ""})
    assert response.status_code == 302 and response["Location"].endswith("/bang/#buoc")
    page = client.get(f"/lop/{training_class.pk}/bang/").content.decode()
    assert "Bước 1/" in page and "Bước sau" in page


def test_only_the_classes_trainer_moves_it(client, training_class):
    for user in (user_with(roles.TRAINER, "taphuan2"), join(training_class).learner):
        client.force_login(user)
        assert client.post(f"/lop/{training_class.pk}/buoc/", {"to": "next"}).status_code == 404
    training_class.refresh_from_db()
    assert training_class.paced_activity_key == ""


def test_the_learner_follows_the_step_and_waits_when_done(client, training_class, course):
    enrollment = join(training_class)
    client.force_login(enrollment.learner)
    url = f"/hoc/{enrollment.pk}/buoc/"
    free = client.get(url).content.decode()
    assert 'http-equiv="refresh"' in free  # waits for the trainer to start
    reading = lesson_id(course, "text_lesson")
    number = next(
        i for i, a in enumerate(course_activities(course), 1) if a.key == f"read:{reading}"
    )
    move(training_class, str(number))
    page = client.get(url).content.decode()
    assert f"Bước {number}/" in page and 'http-equiv="refresh"' not in page
    assert "Bạn còn bước trước chưa làm" in page  # the earlier steps are listed
    assert f"Lớp đang ở Bước {number}" in client.get(f"/hoc/{enrollment.pk}/").content.decode()
    progress.reading_done(enrollment=enrollment, lesson_id=reading)
    assert "Bạn còn bước trước chưa làm" in client.get(url).content.decode()  # still behind
    activities_marked_done(enrollment, course_activities(course)[: number - 1])
    done = client.get(url).content.decode()
    assert "Bạn đã làm xong bước này" in done and 'http-equiv="refresh"' in done


def test_another_learners_step_page_is_404(client, training_class):
    mine, theirs = join(training_class, "An"), join(training_class, "Bình")
    client.force_login(mine.learner)
    assert client.get(f"/hoc/{theirs.pk}/buoc/").status_code == 404
