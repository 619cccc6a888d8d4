"""Helpers the tests share: plain functions and constants, imported by name (fixtures
stay in the conftest files). The sandbox's walk a dossier through the real services;
training's join a class and practise the way learners do."""

import datetime
import io
import json
import uuid
from zoneinfo import ZoneInfo

from PIL import Image

from django.apps import apps
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from wagtail.images import get_image_model

from sandbox import selectors as sandbox_selectors
from sandbox.context import SESSION_IDENTITY, SESSION_OWNER, PracticeContext
from sandbox.models import DossierStatus, ExerciseAttempt, PracticeDossier, PracticeEvent
from sandbox.services import attachments, desk, dossiers, payments
from sandbox.services.events import practice_event_record
from tests.factories import DraftDossierFactory, step
from training.services import classes as training_services

# --- tutorials -------------------------------------------------------------------------


def png(color):
    buffer = io.BytesIO()
    Image.new("RGB", (640, 360), color).save(buffer, format="PNG")
    return buffer.getvalue()


def wagtail_image(title, color):
    return get_image_model().objects.create(
        title=title, file=ImageFile(io.BytesIO(png(color)), name=f"{title}.png")
    )


def step_with(title, image, caption=""):
    name, value = step(title, instruction="Bấm nút.")
    return name, {**value, "screenshot": image, "caption": caption, "highlight": "10, 40, 80, 12"}


def viewing_began(client, render, seconds_ago):
    """As if the page with the video had been served that long ago."""
    session = client.session
    started = timezone.now() - datetime.timedelta(seconds=seconds_ago)
    session["video_viewings"] = {str(render.pk): started.isoformat()}
    session.save()


# --- the practice portal ---------------------------------------------------------------

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
    from home.services import home_page_ensure
    from sandbox.demo.loader import sandbox_demo_seed

    for sector in SECTORS:
        Sector.objects.get_or_create(slug=sector["slug"], defaults={"name": sector["name"]})
    home = home_page_ensure()
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


def new_ctx(**kwargs):
    return PracticeContext(owner_key=f"s{uuid.uuid4().hex}", **kwargs)


def dossier_draft(ctx, identity, procedure, *, delivery="online", address="", copies="0"):
    """A dossier with every wizard step filled in and its photo attached, not yet sent."""
    dossier = DraftDossierFactory(ctx=ctx, identity=identity, procedure=procedure)
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
    for desk_action in steps[: max(target - 1, 0)]:
        desk_action(ctx=ctx, dossier=dossier, officer=OFFICER)
    dossier.refresh_from_db()
    return dossier


def portal_session(client, owner_key, identity=None):
    """Make the test client's browser the one that practises as ``owner_key`` (an
    anonymous learner) and, with ``identity``, logged in to the practice portal."""
    session = client.session
    session[SESSION_OWNER] = owner_key
    if identity is not None:
        session[SESSION_IDENTITY] = str(identity.pk)
    session.save()
    return client


def registration_form(card, captcha):
    return {
        "cccd": card.cccd,
        "full_name": card.full_name,
        "birth_date": card.birth_date.strftime("%d/%m/%Y"),
        "phone": card.phone,
        "captcha": captcha,
    }


def location(response):
    assert response.status_code == 302, response.context and response.context.get("errors")
    return response["Location"]


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
    holding = []
    for model in apps.get_app_config("sandbox").get_models():
        for row in model._base_manager.values():
            if text in json.dumps(row, default=str, ensure_ascii=False):
                holding.append(model._meta.db_table)
                break
    return holding


# --- classes and progress --------------------------------------------------------------


QUESTIONS = [
    {
        "question": "Có ai được hỏi mã OTP của bạn không?",
        "choices": ["Có, công an", "Không ai cả"],
        "answer": 2,
        "explanation": "Không cơ quan nào hỏi mã OTP.",
    },
    {
        "question": "Trang thật có đuôi gì?",
        "choices": [".gov.vn", ".top"],
        "answer": 1,
        "explanation": "",
    },
]


def join(training_class, name="Lê Văn Bảy", user=None):
    enrollment, _password = training_services.class_join(
        code=training_class.join_code,
        user=user,
        display_name=name,
        birth_year="1958",
        consent=True,
        now=timezone.now(),
    )
    return enrollment


def lesson_id(course, block_type):
    return next(b.id for b in course.lessons if b.block_type == block_type)


def practise(user, exercise, *, mode="practice", errors=(), complete=True, step="otp"):
    """Drive the sandbox's single event door the way its services do."""
    ctx = PracticeContext(owner_key=f"u{user.pk}", user=user, mode=mode)
    attempt = ExerciseAttempt.objects.create(
        owner_key=ctx.owner_key, user=user, exercise=exercise, mode=mode
    )
    ctx.attempt = attempt
    practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.EXERCISE_STARTED)
    practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.STEP_ENTERED, step=step)
    for code in errors:
        practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.ERROR, step=step, error_code=code)
    if complete:
        attempt.completed_at = timezone.now()
        attempt.save()
        practice_event_record(
            ctx=ctx, kind=PracticeEvent.Kind.EXERCISE_COMPLETED, attempt=attempt, duration_ms=5000
        )
    return attempt


def ago(minutes):
    return timezone.now() - datetime.timedelta(minutes=minutes)


def uid():
    return uuid.uuid4().hex[:8]


# --- logging in to the practice portal: password, then the confirmation code ---------------


def portal_account_made(ctx, password):
    """A practice card of ``ctx``'s learner with a finished portal account (registered,
    code confirmed, password set), made through the services as the pages make it."""
    from sandbox.services import accounts

    card = accounts.identity_issue(ctx=ctx)
    account = accounts.registration_start(
        ctx=ctx,
        data=registration_form(card, "X"),
        captcha_expected="X",
    )
    accounts.otp_verify(ctx=ctx, account=account, code=card.otps.get().code)
    accounts.password_set(ctx=ctx, account=account, password=password, confirm=password)
    return card


def login_code_sent(identity):
    """The newest log-in confirmation code sent to this card's simulated phone."""
    from sandbox.models import OtpChallenge

    return identity.otps.filter(purpose=OtpChallenge.Purpose.LOGIN).first()


def portal_logged_in(ctx, identity, password, *, channel="app"):
    """Log in through the services: CCCD and password, then the code from the phone."""
    from sandbox.services import sign_in

    otp = sign_in.portal_login_start(
        ctx=ctx, cccd=identity.cccd, password=password, channel=channel
    )
    return sign_in.portal_login_verify(ctx=ctx, identity=identity, code=otp.code)


def portal_log_in(client, identity, password, *, channel="app", next_url=""):
    """Log in with the test client as a learner does: CCCD and password, then the code
    the simulated phone received. Returns where the browser lands after the code."""
    form = {"cccd": identity.cccd, "password": password, "channel": channel, "next": next_url}
    assert location(client.post("/thuc-hanh/dang-nhap/", form)) == "/thuc-hanh/dang-nhap/xac-nhan/"
    code = login_code_sent(identity).code
    return location(client.post("/thuc-hanh/dang-nhap/xac-nhan/", {"otp": code}))


def practice_logged_in(ctx, minutes_ago, step="vneid"):
    """The practice portal's log-in ``minutes_ago``, as the sandbox records it (the event
    that completes the log-in step). Returns the moment."""
    event = practice_event_record(ctx=ctx, kind=PracticeEvent.Kind.STEP_COMPLETED, step=step)
    moment = event.created_at - datetime.timedelta(minutes=minutes_ago)
    PracticeEvent.objects.filter(pk=event.pk).update(created_at=moment)
    return moment


def practice_submitted(user, minutes, code=None):
    """A learner logs in to the practice portal and submits a dossier ``minutes`` later,
    as the sandbox's events tell it (no dossier is made: the 5-minute figure reads only
    the events). What they did before moves an hour back, into an earlier session."""
    ctx = PracticeContext(owner_key=f"u{user.pk}", user=user, mode="practice")
    for event in PracticeEvent.objects.filter(owner_key=ctx.owner_key):
        PracticeEvent.objects.filter(pk=event.pk).update(
            created_at=event.created_at - datetime.timedelta(hours=1)
        )
    practice_logged_in(ctx, minutes)
    code = code or f"G01.99-{uuid.uuid4().hex[:6]}"
    practice_event_record(
        ctx=ctx,
        kind=PracticeEvent.Kind.STEP_COMPLETED,
        step="review",
        data={"code": code, "procedure": "Đăng ký khai sinh"},
    )
    return code


SUPPLEMENT_REASON = "Ảnh Giấy chứng sinh bị mờ, không đọc được họ tên mẹ và ngày sinh."
SUPPLEMENT_CONTENT = "Chụp lại Giấy chứng sinh rõ nét, đủ bốn góc, không bị lóa."


def supplement_ask(
    ctx,
    dossier,
    documents=("Giấy chứng sinh",),
    reason=SUPPLEMENT_REASON,
    content=SUPPLEMENT_CONTENT,
):
    """A lawful supplement request from the desk (the documents, reason and content)."""
    return desk.desk_request_supplement(
        ctx=ctx,
        dossier=dossier,
        officer=OFFICER,
        documents=list(documents),
        reason=reason,
        content=content,
    )


def activities_marked_done(enrollment, activities=None):
    """The trainer marks these activities (all of the course's by default) done for the
    learner, as when they were done together in class."""
    from training.activities import course_activities
    from training.services import progress

    if activities is None:
        activities = course_activities(enrollment.training_class.course)
    for activity in activities:
        progress.progress_override(
            enrollment=enrollment,
            activity_key=activity.key,
            done=True,
            reason="Làm cùng cả lớp",
            changed_by=enrollment.training_class.trainer,
        )
