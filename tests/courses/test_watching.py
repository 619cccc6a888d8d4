"""Issue 10: watch time cannot be faked. Each trick measured against `make run` is forged
here and earns 0 credit: the seek-to-end report of the old player, a forged "all of it"
POST, a rate no player offers, overlapping and oversized lists, and reports for a video
never served to this browser."""

import pytest

from courses.models.renders import TutorialRender, VideoWatchLog
from tests.helpers import viewing_began
from tests.training.conftest import join
from training.models import ActivitySummary

pytestmark = pytest.mark.django_db


@pytest.fixture
def tutorial(procedure):  # noqa: F811 - the fixture imported above
    return TutorialRender.objects.get(procedure=procedure, step_key="")


@pytest.fixture
def learner_client(client, tutorial, django_user_model):
    client.force_login(django_user_model.objects.create_user("hv000777", password="x"))
    return client


def report(client, render, segments, **extra):
    return client.post(
        f"/video/{render.pk}/da-xem/",
        {"segments": segments, **extra},
        content_type="application/json",
    )


def credit(render):
    summary = ActivitySummary.objects.filter(activity_key=f"video:{render.procedure_id}").first()
    return summary.progress if summary else 0


def test_opening_the_page_starts_a_viewing(learner_client, tutorial, procedure):  # noqa: F811
    assert learner_client.get(procedure.url).status_code == 200
    assert str(tutorial.pk) in learner_client.session["video_viewings"]
    # Two seconds of real play are fine right away.
    assert report(learner_client, tutorial, [[0, 2, 1]]).status_code == 200


@pytest.mark.parametrize(
    ("name", "segments"),
    [
        # The old player: 2.5 s of play, a seek to the end, reported as watched.
        ("seek to the end", lambda d: [[0, d - 0.5, 1], [d - 0.4992, d, 1]]),
        # A forged POST of the whole video, at a rate no player offers.
        ("forged rate", lambda d: [[0, d, 4]]),
        # The whole video at an ordinary rate, seconds after the page was served.
        ("forged all", lambda d: [[0, d, 1]]),
        ("overlapping", lambda d: [[0, 2, 1], [1, 3, 1]]),
        ("outside the video", lambda d: [[0, d + 30, 1]]),
        ("oversized", lambda d: [[i * 0.01, i * 0.01 + 0.005, 1] for i in range(101)]),
        ("not numbers", lambda d: [["0", "x", 1]]),
    ],
)
def test_a_forged_report_earns_nothing(learner_client, tutorial, procedure, name, segments):  # noqa: F811
    join_course = procedure  # the learner only needs to have the page served
    learner_client.get(join_course.url)
    response = report(learner_client, tutorial, segments(tutorial.duration))
    assert response.status_code == 400, name
    assert "error" in response.json()
    assert not VideoWatchLog.objects.exists()
    assert credit(tutorial) == 0


def test_a_report_for_a_video_never_served_is_refused(learner_client, tutorial):
    response = report(learner_client, tutorial, [[0, 1, 1]])
    assert response.status_code == 400
    assert not VideoWatchLog.objects.exists()


def test_reports_add_up_to_no_more_than_real_time_allows(learner_client, tutorial):
    assert tutorial.duration > 12
    viewing_began(learner_client, tutorial, seconds_ago=2)  # allows 2 s × 2 + 3 s
    assert report(learner_client, tutorial, [[0, 6, 2]]).status_code == 200
    assert report(learner_client, tutorial, [[6, 12, 2]]).status_code == 400
    # Replaying what was already played adds no distinct seconds, so it passes.
    assert report(learner_client, tutorial, [[0, 5, 1]]).status_code == 200
    assert VideoWatchLog.objects.count() == 2


def test_an_honest_learner_gets_the_credit(client, tutorial, training_class_with_video):
    enrollment = join(training_class_with_video)
    client.force_login(enrollment.learner)
    viewing_began(client, tutorial, seconds_ago=tutorial.duration + 5)
    duration = tutorial.duration
    assert report(client, tutorial, [[0, duration / 2, 1]]).status_code == 200
    assert report(client, tutorial, [[duration / 2, duration, 1]]).status_code == 200
    assert credit(tutorial) == pytest.approx(1.0)


@pytest.fixture
def training_class_with_video(procedure, django_user_model):  # noqa: F811
    from training.demo import training_demo_seed
    from training.models import AdministrativeUnit, OrganisingUnit
    from training.services import classes as services

    training_demo_seed()
    trainer = django_user_model.objects.create_user("taphuan", password="x")
    return services.class_open(
        trainer=trainer,
        name="Lớp xem video",
        organiser=OrganisingUnit.objects.get(kind="chi_doan"),
        commune=AdministrativeUnit.objects.get(level="xa"),
        audience="cong_dan",
    )
