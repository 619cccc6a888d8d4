"""A learner can never see another learner's dossiers: every sandbox URL that takes the id
of a dossier, payment or attachment answers 404 to anyone but its owner. The desk
console is for officials and trainers only."""

from types import SimpleNamespace

import pytest

from home import roles
from sandbox.context import SESSION_IDENTITY
from sandbox.models import DossierStatus, Payment, PracticeDossier
from sandbox.services import accounts, desk, payments
from tests.factories import UserFactory
from tests.helpers import OFFICER, dossier_walk, new_ctx, portal_session

WIZARD_STEPS = ["applicant", "eform", "delivery", "attachments", "review"]


def desk_user(username, group=roles.OFFICIAL, **extra):
    return UserFactory(username=username, roles=[group] if group else [], **extra)


def logged_in(client, user, identity):
    """A platform user who is also logged in to the practice portal in this browser."""
    client.force_login(user)
    session = client.session
    session[SESSION_IDENTITY] = str(identity.pk)
    session.save()
    return client


@pytest.fixture
def learner_a(khai_sinh):
    """A trainer practising: a finished and paid dossier (with an apology slip and a
    photo), a draft, and an unpaid dossier with a payment started."""
    user = desk_user("hoa.a", group=roles.TRAINER)
    ctx = new_ctx()
    ctx.owner_key, ctx.user = f"u{user.pk}", user
    identity = accounts.identity_issue(ctx=ctx)
    done = dossier_walk(ctx, identity, khai_sinh, DossierStatus.RECEIVED, copies="1")
    desk.desk_apologise(ctx=ctx, dossier=done, officer=OFFICER)
    desk.desk_start_processing(ctx=ctx, dossier=done, officer=OFFICER)
    desk.desk_finish(ctx=ctx, dossier=done, officer=OFFICER)
    draft = dossier_walk(ctx, identity, khai_sinh, DossierStatus.DRAFT)
    unpaid = dossier_walk(ctx, identity, khai_sinh, copies="1", pay=False)
    return SimpleNamespace(
        user=user,
        identity=identity,
        done=done,
        draft=draft,
        unpaid=unpaid,
        started=payments.payment_start(ctx=ctx, dossier=unpaid, provider="ngan-hang-a"),
        paid=done.payments.get(status=Payment.Status.SUCCESS),
        photo=done.files.get(),
    )


def urls_of(a):
    """Every URL with an id of A's, and a POST that would change A's data if it worked."""
    base = "/thuc-hanh"
    dossier = f"{base}/ho-so/{a.done.pk}"
    urls = [("get", f"{base}/ho-so/{a.draft.pk}/buoc/{step}/", {}) for step in WIZARD_STEPS]
    urls += [
        ("post", f"{base}/ho-so/{a.draft.pk}/buoc/review/", {"declaration": "1", "consent": "1"}),
        ("post", f"{base}/ho-so/{a.draft.pk}/buoc/applicant/", {"is_owner": "1"}),
        ("get", f"{base}/ho-so/{a.unpaid.pk}/thanh-toan/", {}),
        ("post", f"{base}/ho-so/{a.unpaid.pk}/thanh-toan/", {"provider": "ngan-hang-a"}),
        ("get", f"{base}/cong-thanh-toan/{a.started.pk}/", {}),
        ("post", f"{base}/cong-thanh-toan/{a.started.pk}/", {"outcome": "success"}),
        ("post", f"{base}/cong-thanh-toan/{a.started.pk}/tra-soat/", {}),
        ("get", f"{dossier}/thanh-cong/", {}),
        ("get", f"{dossier}/", {}),
        ("post", f"{dossier}/", {"action": "withdraw", "reason": "Không cần nữa"}),
        ("post", f"{dossier}/", {"action": "rate", "score": "1"}),
        ("get", f"{dossier}/ket-qua.pdf", {}),
        ("get", f"{dossier}/phieu-tiep-nhan.pdf", {}),
        ("get", f"{dossier}/phieu-xin-loi.pdf", {}),
        ("get", f"{base}/bien-lai/{a.paid.pk}.pdf", {}),
        ("get", f"{base}/tep/{a.photo.pk}/", {}),
    ]
    return urls


def desk_urls_of(a):
    dossier = f"/thuc-hanh/mot-cua/{a.done.pk}/"
    return [
        ("get", dossier, {}),
        ("post", dossier, {"action": "return"}),
        ("get", f"/thuc-hanh/mot-cua/{a.unpaid.pk}/", {}),
        ("post", f"/thuc-hanh/mot-cua/{a.unpaid.pk}/", {"action": "reject", "reason": "Thiếu"}),
    ]


def request(client, method, url, data):
    return getattr(client, method)(url, data)


def assert_a_unchanged(a):
    done = PracticeDossier.objects.get(pk=a.done.pk)
    assert done.status == DossierStatus.DONE and not hasattr(done, "rating")
    draft = PracticeDossier.objects.get(pk=a.draft.pk)
    assert draft.is_draft and draft.code is None
    assert draft.wizard_steps_done == a.draft.wizard_steps_done
    unpaid = PracticeDossier.objects.get(pk=a.unpaid.pk)
    assert unpaid.status == DossierStatus.NEW
    assert unpaid.fee_status == PracticeDossier.FeeStatus.UNPAID
    assert unpaid.payments.get().status == Payment.Status.STARTED


def test_the_owner_opens_every_one_of_these_urls(client, learner_a):
    """The URLs below are real: their owner gets the page, the PDF or the photo."""
    logged_in(client, learner_a.user, learner_a.identity)

    for method, url, _data in urls_of(learner_a) + desk_urls_of(learner_a):
        if method == "get":
            response = client.get(url)
            assert response.status_code == 200, url
    assert client.get(f"/thuc-hanh/tep/{learner_a.photo.pk}/")["Content-Type"] == "image/jpeg"
    response = client.post(f"/thuc-hanh/cong-thanh-toan/{learner_a.started.pk}/tra-soat/")
    assert response.status_code == 302


def test_another_anonymous_learner_gets_404_for_every_id_of_a(client, learner_a, khai_sinh):
    b = new_ctx()
    portal_session(client, b.owner_key, accounts.identity_issue(ctx=b))

    for method, url, data in urls_of(learner_a):
        assert request(client, method, url, data).status_code == 404, (method, url)
    for method, url, data in desk_urls_of(learner_a):
        response = request(client, method, url, data)
        assert response.status_code == 302, url  # not an official: sent to log in first
        assert response["Location"].startswith("/tai-khoan/dang-nhap/")
    assert_a_unchanged(learner_a)


def test_another_official_gets_404_for_every_id_of_a_even_at_the_desk(client, learner_a):
    official = desk_user("lan.b")
    b = new_ctx()
    b.owner_key = f"u{official.pk}"
    logged_in(client, official, accounts.identity_issue(ctx=b))

    for method, url, data in urls_of(learner_a) + desk_urls_of(learner_a):
        assert request(client, method, url, data).status_code == 404, (method, url)
    assert_a_unchanged(learner_a)


def test_lookup_by_code_and_cccd_finds_only_ones_own_dossiers(client, learner_a):
    query = {"ma": learner_a.done.code, "cccd": learner_a.identity.cccd}
    b = new_ctx()
    portal_session(client, b.owner_key)

    response = client.get("/thuc-hanh/tra-cuu/", query)

    assert response.context["found"] is None
    text = response.content.decode()
    assert "Không tìm thấy hồ sơ với mã hồ sơ và số CCCD này" in text
    assert learner_a.identity.full_name not in text

    logged_in(client, learner_a.user, learner_a.identity)
    assert client.get("/thuc-hanh/tra-cuu/", query).context["found"] == learner_a.done


# --- the desk console -------------------------------------------------------------------


@pytest.mark.parametrize(
    "who",
    [
        pytest.param(None, id="anonymous"),
        pytest.param({"group": None}, id="plain-learner"),
        pytest.param({"group": "Học viên"}, id="other-group"),
    ],
)
def test_the_desk_sends_everyone_else_to_log_in(client, db, who):
    if who is not None:
        client.force_login(desk_user("nguoi.hoc", **who))

    response = client.get("/thuc-hanh/mot-cua/")

    assert response.status_code == 302
    assert response["Location"] == "/tai-khoan/dang-nhap/?next=/thuc-hanh/mot-cua/"


@pytest.mark.parametrize(
    "who",
    [
        pytest.param({"group": roles.OFFICIAL}, id="official"),
        pytest.param({"group": roles.TRAINER}, id="trainer"),
        pytest.param({"group": None, "is_staff": True}, id="staff"),
    ],
)
def test_officials_trainers_and_staff_open_the_desk(client, db, who):
    client.force_login(desk_user("can.bo", **who))

    response = client.get("/thuc-hanh/mot-cua/")

    assert response.status_code == 200
    assert "Chờ tiếp nhận" in response.content.decode()
