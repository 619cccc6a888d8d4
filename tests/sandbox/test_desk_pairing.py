"""Both sides of the counter: a citizen learner's dossier lands on the desk of the
officials seated at the class's shared desk, who accept it, ask for a supplement or
reject it; the auto-officer waits for them, then takes over. Their supplement requests
are scored by the desk rubric."""

import datetime

import pytest

from django.urls import reverse

from home import roles
from sandbox.context import SESSION_IDENTITY, PracticeContext
from sandbox.errors import PracticeErrors
from sandbox.models import (
    DeskRubricMark,
    DeskSeat,
    DossierStatus,
    Exercise,
    PracticeEvent,
    SimulatedMessage,
)
from sandbox.services import accounts, attachments, desk
from sandbox.services.auto_officer import OFFICER as AUTO
from sandbox.services.auto_officer import auto_officer_tick
from sandbox.services.desk_routing import desk_seats_set, dossier_route_to_desk
from sandbox.services.desk_rubric import DeskRubricSummary, desk_rubric_for, desk_rubric_score
from sandbox.services.exercises import exercise_start
from sandbox.signals import practice_event_recorded
from tests.factories import user_with
from tests.helpers import (
    OFFICER,
    SUPPLEMENT_CONTENT,
    SUPPLEMENT_REASON,
    dossier_walk,
    error_codes,
    jpeg_upload,
    supplement_ask,
)

DESK = "class-12"
WAIT = 600  # the class gives its officials ten minutes
STEP = 60
REASON, CONTENT = SUPPLEMENT_REASON, SUPPLEMENT_CONTENT
ask = supplement_ask
CCCD_DOC = "Giấy tờ tùy thân của người đi khai (căn cước)"  # the national database holds it


@pytest.fixture(autouse=True)
def one_minute_steps(settings):
    settings.SANDBOX_AUTO_OFFICER_STEP_SECONDS = STEP


def platform_ctx(user, **kwargs):
    return PracticeContext(owner_key=f"u{user.pk}", user=user, **kwargs)


@pytest.fixture
def citizen_user(db):
    return user_with(roles.LEARNER, "hoc.vien.lan")


@pytest.fixture
def citizen(citizen_user, khai_sinh):
    """A citizen learner of the class, practising with the auto-officer on."""
    return platform_ctx(citizen_user, auto_officer=True)


@pytest.fixture
def citizen_identity(citizen):
    return accounts.identity_issue(ctx=citizen)


@pytest.fixture
def official_user(db):
    return user_with(roles.OFFICIAL, "can.bo.minh")


@pytest.fixture
def official(official_user):
    return platform_ctx(official_user)


@pytest.fixture
def class_desk(official):
    """The class as the training app runs it: its official sits at the shared desk, and
    each submission is routed there by a receiver inside the submit transaction."""
    desk_seats_set(desk_key=DESK, owner_keys=[official.owner_key])

    def route(sender, event, **kwargs):
        if event.kind == PracticeEvent.Kind.STEP_COMPLETED and event.step == "review":
            dossier_route_to_desk(dossier_code=event.data["code"], desk_key=DESK, wait_seconds=WAIT)

    practice_event_recorded.connect(route, dispatch_uid="test-desk-pairing")
    yield DESK
    practice_event_recorded.disconnect(dispatch_uid="test-desk-pairing")


@pytest.fixture
def submit(class_desk, citizen, citizen_identity, khai_sinh):
    def submit_one(**kwargs):
        return dossier_walk(citizen, citizen_identity, khai_sinh, **kwargs)

    return submit_one


def in_sync(*contexts, seconds=0):
    """Move everyone's clock on together (the sandbox's clock is ctx.now)."""
    for ctx in contexts:
        ctx.now += datetime.timedelta(seconds=seconds)


def texts_to(owner_key, dossier):
    return list(
        SimulatedMessage.objects.filter(owner_key=owner_key, dossier=dossier, channel="sms")
        .order_by("created_at", "id")
        .values_list("body", flat=True)
    )


# --- routing and who sees what ----------------------------------------------------------


def test_a_submitted_dossier_lands_on_the_seated_officials_queue(
    submit, citizen, official, django_assert_num_queries
):
    other_desk = platform_ctx(user_with(roles.OFFICIAL, "can.bo.khac"))
    desk_seats_set(desk_key="class-13", owner_keys=[other_desk.owner_key])

    dossier = submit()

    assert dossier.status == DossierStatus.NEW
    assert (dossier.desk_key, dossier.desk_wait_seconds, dossier.auto_officer) == (
        DESK,
        WAIT,
        True,
    )
    with django_assert_num_queries(1):  # the seats are a subquery; the citizen is joined
        queue = [(d, d.identity.full_name) for d in desk.desk_queue(official.owner_key)]
    assert queue == [(dossier, dossier.identity.full_name)]
    assert list(desk.desk_queue(citizen.owner_key)) == [dossier]  # still the citizen's own
    assert not desk.desk_queue(other_desk.owner_key).exists()


def test_routing_is_idempotent_and_only_for_new_dossiers(submit):
    dossier = submit()

    again = dossier_route_to_desk(dossier_code=dossier.code, desk_key=DESK, wait_seconds=WAIT)

    assert again == dossier and again.desk_key == DESK and again.desk_wait_seconds == WAIT
    received = submit(to=DossierStatus.RECEIVED)
    assert (
        dossier_route_to_desk(dossier_code=received.code, desk_key="lop-khac", wait_seconds=5)
        is None
    )
    received.refresh_from_db()
    assert received.desk_key == DESK  # routed when it was submitted, not moved since
    assert (
        dossier_route_to_desk(
            dossier_code="000.00.00.H99-000000-0000", desk_key=DESK, wait_seconds=1
        )
        is None
    )


def test_a_scenario_dossier_of_an_officials_exercise_is_never_routed(
    class_desk, official, khai_sinh
):
    attempt = exercise_start(
        ctx=official, exercise=Exercise.objects.get(slug="tiep-nhan-ho-so-du"), mode="practice"
    )
    [scenario] = desk.desk_queue(official.owner_key)

    assert scenario.attempt == attempt and scenario.desk_key == ""
    assert (
        dossier_route_to_desk(dossier_code=scenario.code, desk_key=DESK, wait_seconds=WAIT) is None
    )
    scenario.refresh_from_db()
    assert scenario.desk_key == "" and not scenario.auto_officer  # the official's own exercise
    desk.desk_accept(ctx=official, dossier=scenario, officer=OFFICER)
    attempt.refresh_from_db()
    assert attempt.completed_at is not None


def test_desk_seats_set_makes_exactly_these_owners_sit_there(db):
    desk_seats_set(desk_key="class-13", owner_keys=["u900"])

    desk_seats_set(desk_key=DESK, owner_keys=["u1", "u2"])
    desk_seats_set(desk_key=DESK, owner_keys=["u2", "u1", "u1"])
    seat_of_u2 = DeskSeat.objects.get(desk_key=DESK, owner_key="u2").pk
    assert set(DeskSeat.objects.filter(desk_key=DESK).values_list("owner_key", flat=True)) == {
        "u1",
        "u2",
    }

    desk_seats_set(desk_key=DESK, owner_keys=["u2", "u3"])
    assert set(DeskSeat.objects.filter(desk_key=DESK).values_list("owner_key", flat=True)) == {
        "u2",
        "u3",
    }
    assert DeskSeat.objects.get(desk_key=DESK, owner_key="u2").pk == seat_of_u2

    desk_seats_set(desk_key=DESK, owner_keys=[])
    assert not DeskSeat.objects.filter(desk_key=DESK).exists()
    assert DeskSeat.objects.filter(desk_key="class-13", owner_key="u900").exists()
    with pytest.raises(ValueError):
        desk_seats_set(desk_key="", owner_keys=["u1"])


def test_the_desk_page_opens_for_the_seated_official_and_for_nobody_else(
    client, submit, official_user, citizen_user, citizen, khai_sinh
):
    dossier = submit()
    page = reverse("sandbox:desk_dossier", args=[dossier.pk])
    photo = reverse("sandbox:attachment", args=[dossier.files.first().pk])

    client.force_login(official_user)
    response = client.get(page)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Hồ sơ của học viên trong lớp" in text and "Chấm điểm một cửa" in text
    assert "10/10 điểm" in text
    assert "Cán bộ tự động sẽ xử lý sau 10 phút nếu chưa ai tiếp nhận" in text
    assert client.get(photo).status_code == 200
    queue = client.get(reverse("sandbox:desk")).content.decode()
    assert dossier.code in queue and "Hồ sơ của học viên trong lớp" in queue
    assert "Cán bộ tự động sẽ xử lý sau 10 phút nếu chưa ai tiếp nhận." in queue
    # The citizen's own tracking pages stay the citizen's, even for the seated official.
    own_identity = accounts.identity_issue(ctx=platform_ctx(official_user))
    session = client.session
    session[SESSION_IDENTITY] = str(own_identity.pk)
    session.save()
    assert client.get(reverse("sandbox:dossier", args=[dossier.pk])).status_code == 404

    client.force_login(user_with(roles.OFFICIAL, "can.bo.lop.khac"))  # not seated here
    assert client.get(page).status_code == 404
    assert client.get(photo).status_code == 404

    client.force_login(user_with(roles.LEARNER, "hoc.vien.khac"))  # another citizen
    assert client.get(page).status_code == 302  # the desk is for officials: log in
    assert client.get(photo).status_code == 404

    client.logout()
    assert client.get(page).status_code == 302
    assert client.get(photo).status_code == 404

    client.force_login(citizen_user)  # the owner still sees their photo
    assert client.get(photo).status_code == 200


# --- the official acts; the citizen is told ---------------------------------------------


def test_the_officials_accept_supplement_and_reject_reach_the_citizen(
    client, submit, official_user, official, citizen
):
    accepted, rejected = submit(), submit()
    client.force_login(official_user)

    response = client.post(
        reverse("sandbox:desk_dossier", args=[accepted.pk]), {"action": "accept"}
    )
    assert response.status_code == 302
    accepted.refresh_from_db()
    assert accepted.status == DossierStatus.RECEIVED
    assert "tiep nhan" in texts_to(citizen.owner_key, accepted)[-1]
    event = accepted.events.get(to_status=DossierStatus.RECEIVED)
    assert event.actor == "Cán bộ Hoa Nguyễn Thị" and event.actor_key == official.owner_key

    ask(official, accepted)
    accepted.refresh_from_db()
    assert accepted.status == DossierStatus.SUPPLEMENT
    assert "giay chung sinh" in texts_to(citizen.owner_key, accepted)[-1]

    client.post(
        reverse("sandbox:desk_dossier", args=[rejected.pk]),
        {"action": "reject", "reason": "Nộp nhầm cơ quan thực hiện."},
    )
    rejected.refresh_from_db()
    assert rejected.status == DossierStatus.REJECTED
    assert "nop nham co quan thuc hien" in texts_to(citizen.owner_key, rejected)[-1]
    assert not SimulatedMessage.objects.filter(owner_key=official.owner_key).exists()


def test_the_citizens_exercise_is_credited_when_the_official_finishes(
    submit, citizen, citizen_user, official
):
    attempt = exercise_start(
        ctx=citizen, exercise=Exercise.objects.get(slug="khai-sinh-bo-sung"), mode="practice"
    )
    dossier = submit()
    assert dossier.attempt == attempt and dossier.desk_key == DESK

    desk.desk_accept(ctx=official, dossier=dossier, officer=OFFICER)
    desk.desk_start_processing(ctx=official, dossier=dossier, officer=OFFICER)
    ask(official, dossier)
    attachments.supplement_send(
        ctx=citizen, dossier=dossier, note="Đã chụp lại.", uploaded_files=[jpeg_upload()]
    )
    attempt.refresh_from_db()
    assert attempt.completed_at is None
    desk.desk_finish(ctx=official, dossier=dossier, officer=OFFICER)

    attempt.refresh_from_db()
    assert attempt.completed_at is not None
    done = PracticeEvent.objects.get(kind=PracticeEvent.Kind.EXERCISE_COMPLETED, attempt=attempt)
    assert done.owner_key == citizen.owner_key and done.user == citizen_user
    assert done.mode == "practice"
    assert not PracticeEvent.objects.filter(
        owner_key=official.owner_key, kind=PracticeEvent.Kind.EXERCISE_COMPLETED
    ).exists()


# --- the desk rubric --------------------------------------------------------------------


def test_a_wrong_supplement_request_is_refused_and_marked_once(client, submit, official_user):
    dossier = submit()
    client.force_login(official_user)
    page = reverse("sandbox:desk_dossier", args=[dossier.pk])
    wrong = {
        "action": "supplement",
        "documents": [CCCD_DOC],
        "other_document": "Sổ hộ khẩu",
        "reason": "",
        "content": "",
    }

    for _double_tap in range(2):
        response = client.post(page, wrong)
        assert response.status_code == 200
        assert [error.code for error in response.context["errors"]] == [
            "desk_document_in_database",  # ticked in the procedure's list
            "desk_document_not_required",  # typed in
            "desk_no_reason",
        ]

    in_database = response.context["errors"][0]
    assert in_database.field_label == CCCD_DOC and "cơ sở dữ liệu" in in_database.plain
    assert "45/2020/NĐ-CP" in in_database.why
    marks = DeskRubricMark.objects.filter(dossier=dossier, owner_key=f"u{official_user.pk}")
    assert sorted(marks.values_list("fault", "document_name")) == [
        ("document_in_database", CCCD_DOC),
        ("no_reason", ""),
        ("unlisted_document", "Sổ hộ khẩu"),
    ]
    assert desk_rubric_score(marks) == (4, 10)
    text = client.get(page).content.decode()
    assert "4/10 điểm" in text and "Sổ hộ khẩu" in text
    assert "đã có trong cơ sở dữ liệu" in text
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.NEW and not dossier.supplements.exists()


def test_asking_for_a_paper_the_database_holds_is_refused_on_any_desk(practice_ctx, walk):
    dossier = walk(DossierStatus.RECEIVED)  # the learner's own dossier: refused, not scored

    with pytest.raises(PracticeErrors) as failure:
        ask(practice_ctx, dossier, documents=[CCCD_DOC])

    assert error_codes(failure) == ["desk_document_in_database"]
    assert not DeskRubricMark.objects.exists()


def test_a_correct_request_scores_ten_and_the_class_board_reads_a_summary(
    submit, official, citizen
):
    clean, faulty = submit(), submit()
    ask(official, clean)
    with pytest.raises(PracticeErrors):
        ask(official, faulty, documents=["Sổ hộ khẩu"])
    with pytest.raises(PracticeErrors):
        ask(official, faulty, documents=["Sổ hộ khẩu"], reason="")

    assert desk_rubric_score(DeskRubricMark.objects.filter(dossier=clean)) == (10, 10)
    assert desk_rubric_for(owner_keys=[official.owner_key, citizen.owner_key, "u999999"]) == {
        official.owner_key: DeskRubricSummary(dossiers=2, marks=2, points=16, out_of=20),
        citizen.owner_key: DeskRubricSummary(),  # the citizen's own moves are not desk work
        "u999999": DeskRubricSummary(),
    }


# --- the auto-officer waits for the class -----------------------------------------------


def look(ctx, dossier, force=False):
    taken = auto_officer_tick(ctx=ctx, dossier=dossier, force=force)
    dossier.refresh_from_db()
    return taken


def test_the_auto_officer_waits_for_the_officials_then_takes_over(submit, citizen, official):
    dossier = submit(delivery="desk")
    official.now = citizen.now

    in_sync(citizen, official, seconds=WAIT - 5)
    assert look(citizen, dossier) == 0
    assert look(citizen, dossier, force=True) == 0  # "Tua nhanh" does not skip the class
    in_sync(citizen, official, seconds=5)
    assert look(citizen, dossier) == 1
    assert dossier.status == DossierStatus.RECEIVED
    assert dossier.events.get(to_status=DossierStatus.RECEIVED).actor == AUTO

    # Once it took over it keeps its own pace, and "Tua nhanh" works again.
    assert look(citizen, dossier, force=True) == 1
    assert dossier.status == DossierStatus.PROCESSING

    # An official acts: the class has its turn again, the clock starting afresh.
    desk.desk_finish(ctx=official, dossier=dossier, officer=OFFICER)
    in_sync(citizen, official, seconds=STEP * 2)
    assert look(citizen, dossier) == 0
    assert look(citizen, dossier, force=True) == 0
    in_sync(citizen, official, seconds=WAIT - STEP * 2)
    assert look(citizen, dossier) == 1
    assert dossier.status == DossierStatus.RETURNED


def test_nothing_moves_while_the_citizen_owes_a_supplement(submit, citizen, official):
    dossier = submit()
    official.now = citizen.now
    ask(official, dossier)

    in_sync(citizen, official, seconds=WAIT * 5)
    assert look(citizen, dossier) == 0
    assert look(citizen, dossier, force=True) == 0
    assert dossier.status == DossierStatus.SUPPLEMENT

    attachments.supplement_send(
        ctx=citizen, dossier=dossier, note="Đã chụp lại.", uploaded_files=[jpeg_upload()]
    )
    dossier.refresh_from_db()
    in_sync(citizen, official, seconds=WAIT - 1)
    assert look(citizen, dossier) == 0  # the official may look at the supplement first
    in_sync(citizen, official, seconds=1)
    assert look(citizen, dossier) == 1


def test_fast_forward_on_the_tracking_page_says_the_class_has_its_turn(
    client, submit, citizen_user, citizen_identity
):
    dossier = submit()
    client.force_login(citizen_user)
    session = client.session
    session[SESSION_IDENTITY] = str(citizen_identity.pk)
    session.save()

    response = client.post(
        reverse("sandbox:dossier", args=[dossier.pk]), {"action": "fast_forward"}
    )

    assert response.status_code == 200
    [error] = response.context["errors"]
    assert error.code == "desk_waiting_official" and "10 phút" in error.plain
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.NEW
