"""What the concurrency tests and `make bench-class` need on a fresh seeded server: a
citizens' class of the demo trainer with the "first online dossier" course, and the
rendered birth-registration tutorial the learners watch. Runs inside the server's Django
(PlatformServer.python) and prints one JSON line."""

import json

from django.conf import settings
from django.contrib.auth import get_user_model

from courses.models import CoursePage, ProcedurePage
from courses.models.renders import TutorialRender
from courses.services import tutorial_renders_request
from training.models import AdministrativeUnit, OrganisingUnit, TrainingClass
from training.services.classes import class_open

PROCEDURE_SLUG = "dang-ky-khai-sinh"


def world_build():
    trainer = get_user_model().objects.get(username="taphuan")
    procedure = ProcedurePage.objects.get(slug=PROCEDURE_SLUG)
    tutorial_renders_request(page=procedure)  # tasks run in-process: rendered on return
    render = TutorialRender.objects.get(
        procedure=procedure, step_key="", status=TutorialRender.Status.DONE
    )
    training_class = TrainingClass.objects.filter(trainer=trainer).first() or class_open(
        trainer=trainer,
        name="Lớp thử tải hội trường ấp Tân Lập",
        organiser=OrganisingUnit.objects.filter(kind=OrganisingUnit.Kind.YOUTH_UNION).first(),
        commune=AdministrativeUnit.objects.get(name="Xã Đầm Dơi"),
        audience=TrainingClass.Audience.CITIZENS,
        course=CoursePage.objects.get(slug="cong-dan-nop-ho-so-lan-dau"),
    )
    print(  # noqa: T201 - the one JSON line PlatformServer.python() reads
        json.dumps(
            {
                "class_id": training_class.pk,
                "join_code": training_class.join_code,
                "trainer": trainer.username,
                "password": settings.DEMO_PASSWORD,
                "render_id": str(render.pk),
                "render_duration": render.duration,
                "video_url": render.small_video.url,
                "procedure_url": procedure.url,
            }
        )
    )
