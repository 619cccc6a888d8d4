"""Fixtures for the sandbox tests: a learner practising, the khai sinh procedure with its
e-form, exercises and holidays, and helpers that walk a dossier through the services."""

import datetime
import io
import uuid
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile

from sandbox import selectors as sandbox_selectors
from sandbox.context import SESSION_IDENTITY, SESSION_OWNER, PracticeContext
from sandbox.models import DossierStatus, PracticeDossier
from sandbox.services import accounts, attachments, desk, dossiers, payments

VN = ZoneInfo("Asia/Ho_Chi_Minh")
OFFICER = "Cán bộ Nguyễn Thị Hoa"
KHAI_SINH = "dang-ky-khai-sinh"


def vn_time(year, month, day, hour=9, minute=0):
    """A moment in Việt Nam's local time, as the people at the desk read the clock."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=VN)


def jpeg_upload(name="giay-chung-sinh.jpg", size=(640, 480)):
    """A phone photo of a document, as the browser sends it."""
    image = Image.effect_noise(size, 40).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def khai_sinh_form_data(identity, *, copies="0", **changes):
    """A correctly filled khai sinh e-form for a mother declaring her new-born son."""
    data = {
        "nguoi_khai_ho_ten": identity.full_name,
        "nguoi_khai_cccd": identity.cccd,
        "quan_he_voi_tre": "Mẹ",
        "ten_tre": "Nguyễn Minh Khang",
        "gioi_tinh": "Nam",
        "ngay_sinh": "02/11/2026",
        "noi_sinh": "Trạm y tế xã Đầm Dơi, tỉnh Cà Mau",
        "dan_toc": "Kinh",
        "que_quan": "Xã Đầm Dơi, tỉnh Cà Mau",
        "me_ho_ten": identity.full_name,
        "me_nam_sinh": "1995",
        "me_so_dinh_danh": identity.cccd,
        "cha_ho_ten": "",
        "cha_nam_sinh": "",
        "cha_so_dinh_danh": "",
        "so_ban_sao": copies,
    }
    data.update(changes)
    return data


def seed_procedures(*slugs):
    """These demo procedures exactly as the demo defines them (channels, documents, the
    e-form form document), plus the sandbox's e-forms, exercises and holidays; the first
    one is returned.

    The full ``demo_site_seed`` draws every procedure's phone screenshots and takes about
    4 s a test; building only the procedures a test uses, without their tutorial steps,
    takes a tenth of that, from the same demo data."""
    from courses.demo.loader import SeedReport, _child_page, _procedure_fields
    from courses.demo.procedures import PROCEDURES, SECTORS
    from courses.models import ProcedureIndexPage, ProcedurePage, Sector
    from home.models import HomePage
    from sandbox.demo.loader import sandbox_demo_seed

    for sector in SECTORS:
        Sector.objects.get_or_create(slug=sector["slug"], defaults={"name": sector["name"]})
    home = HomePage.objects.get(depth=2)
    catalogue = ProcedureIndexPage.objects.child_of(home).filter(slug="thu-tuc").first()
    if catalogue is None:
        catalogue = ProcedureIndexPage(title="Thủ tục hành chính", slug="thu-tuc")
        home.add_child(instance=catalogue)
    procedures = []
    for slug in slugs:
        data = next(item for item in PROCEDURES if item["slug"] == slug)
        procedures.append(
            _child_page(
                catalogue,
                ProcedurePage,
                slug,
                lambda data=data: _procedure_fields({**data, "steps": []}),
                update=False,
                report=SeedReport(),
            )
        )
    sandbox_demo_seed()
    return procedures[0]


def seed_khai_sinh():
    """The khai sinh procedure, its e-form, the exercises and holidays."""
    return seed_procedures(KHAI_SINH)


@pytest.fixture
def khai_sinh(db):
    """Đăng ký khai sinh: free online, 8.000 đồng a copy, one working day, and one photo
    to attach (Giấy chứng sinh); the paper form is replaced by the e-form."""
    return seed_khai_sinh()


@pytest.fixture
def sandbox_site(demo_site):
    """The whole demo (every procedure, course and e-form), as `make run` loads it."""
    from sandbox.demo.loader import sandbox_demo_seed

    sandbox_demo_seed()
    return demo_site


def new_ctx(**kwargs):
    return PracticeContext(owner_key=f"s{uuid.uuid4().hex}", **kwargs)


@pytest.fixture
def practice_ctx(db):
    """An anonymous learner practising in guided mode, with the desk run by hand."""
    return new_ctx()


@pytest.fixture
def identity(practice_ctx):
    """The learner's practice ID card (CCCD starting 099, a made-up citizen)."""
    return accounts.identity_issue(ctx=practice_ctx)


def dossier_draft(ctx, identity, procedure, *, delivery="online", address="", copies="0"):
    """A dossier with every wizard step filled in and its photo attached, not yet sent."""
    dossier = dossiers.dossier_start(
        ctx=ctx,
        identity=identity,
        procedure=procedure,
        agency_name="Ủy ban nhân dân xã Đầm Dơi – tỉnh Cà Mau (luyện tập)",
    )
    dossiers.dossier_save_applicant(ctx=ctx, dossier=dossier, data={"is_owner": "1"})
    dossiers.dossier_save_eform(
        ctx=ctx, dossier=dossier, data=khai_sinh_form_data(identity, copies=copies)
    )
    dossiers.dossier_save_delivery(ctx=ctx, dossier=dossier, method=delivery, address=address)
    for slot in sandbox_selectors.attachment_slots(dossier):
        if slot["required"]:
            attachments.dossier_attach(
                ctx=ctx, dossier=dossier, slot=slot["slot"], uploaded=jpeg_upload()
            )
    return dossier


WALK = [
    DossierStatus.DRAFT,
    DossierStatus.NEW,
    DossierStatus.RECEIVED,
    DossierStatus.PROCESSING,
    DossierStatus.DONE,
    DossierStatus.RETURNED,
]


def dossier_walk(ctx, identity, procedure, to=DossierStatus.NEW, *, pay=True, **draft):
    """Walk a khai sinh dossier through the services to status ``to`` (along the usual
    path: submitted, paid if there is a fee, received, processing, done, returned)."""
    dossier = dossier_draft(ctx, identity, procedure, **draft)
    target = WALK.index(to)
    if target >= 1:
        dossier = dossiers.dossier_submit(ctx=ctx, dossier=dossier, declaration=True, consent=True)
        if pay and dossier.fee_status == PracticeDossier.FeeStatus.UNPAID:
            started = payments.payment_start(ctx=ctx, dossier=dossier, provider="ngan-hang-a")
            payments.payment_complete(ctx=ctx, payment=started, outcome="success")
            dossier.refresh_from_db()
    steps = [desk.desk_accept, desk.desk_start_processing, desk.desk_finish, desk.desk_return]
    for step in steps[: max(target - 1, 0)]:
        step(ctx=ctx, dossier=dossier, officer=OFFICER)
    dossier.refresh_from_db()
    return dossier


@pytest.fixture
def walk(practice_ctx, identity, khai_sinh):
    """``walk(to=DossierStatus.PROCESSING, delivery="post", ...)`` for this learner."""

    def walk_to(to=DossierStatus.NEW, **kwargs):
        return dossier_walk(practice_ctx, identity, khai_sinh, to, **kwargs)

    return walk_to


def portal_session(client, owner_key, identity=None):
    """Make the test client's browser the one that practises as ``owner_key`` (an
    anonymous learner) and, with ``identity``, logged in to the practice portal."""
    session = client.session
    session[SESSION_OWNER] = owner_key
    if identity is not None:
        session[SESSION_IDENTITY] = str(identity.pk)
    session.save()
    return client


def error_codes(failure):
    return [error.code for error in failure.value.errors]


REAL_LOOKING_CCCD = "079203001234"  # 079 is Thành phố Hồ Chí Minh's code: could be real


def eform_answers(form, identity, **changes):
    """A correctly filled e-form of any procedure, one plausible answer per kind."""
    answers = {}
    for field in form.fields():
        answers[field["key"]] = {
            "text": "Nguyễn Minh Khang",
            "textarea": "2008–2016 ở xã Tân Hòa, làm ruộng; 2016 đến nay ở phường An Bình",
            "date": "01/03/2020",
            "number": "2",
            "choice": (field["choices"] or "").split(";")[0].strip(),
            "cccd": identity.cccd,
            "phone": identity.phone,
        }[field["kind"]]
    answers.update(changes)
    return answers


def sandbox_rows_holding(text):
    """Every sandbox table, history tables included, with a row holding ``text`` in any
    column, read straight from the database."""
    import json

    from django.apps import apps

    holding = []
    for model in apps.get_app_config("sandbox").get_models():
        for row in model._base_manager.values():
            if text in json.dumps(row, default=str, ensure_ascii=False):
                holding.append(model._meta.db_table)
                break
    return holding


@pytest.fixture
def signed_in(client, practice_ctx, identity):
    """This browser practises as ``practice_ctx``, logged in to the portal as ``identity``."""
    return portal_session(client, practice_ctx.owner_key, identity)
