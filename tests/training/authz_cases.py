"""The authorisation test's cases: one entry per URL name of training/ and per sandbox
URL that takes an object's id, each saying who may do it and what it may change."""

from django.urls import URLPattern
from django.urls.converters import IntConverter, UUIDConverter
from django.utils import timezone

from sandbox import urls as sandbox_urls

from .authz_case import FORMATS, Case, url
from .authz_sessions import (
    attendance_code_cases,
    class_step_cases,
    follow_up_cases,
    follow_ups_cases,
    invigilation_cases,
    mark_present_cases,
    pace_cases,
    skill_check_cases,
)
from .authz_world import (
    LEARNERS,
    PLAIN,
    SIDES,
    anyone,
    class_list_viewer,
    class_opener,
    desk_user,
    learner_a,
    logged_in,
    nobody,
    own,
    plain_learner,
    practising,
    report_reader,
    runs,
    seated,
    sees,
    sees_class,
    unit_scope,
)

# ---- the cases: one entry per URL name -----------------------------------------------------


def classes_cases(w):
    form = {
        "name": "Lớp mở thêm",
        "organiser": w.organisers["1"].pk,
        "commune": w.units["commune1"].pk,
        "audience": "cong_dan",
        "course": w.course.pk,
    }
    yield Case("GET", url("classes"), class_list_viewer)
    yield Case(
        "POST", url("classes"), class_opener, form, changes={"global"}, must_change={"global"}
    )


def class_cases(w):
    for side in SIDES:
        path, parcel = url("class", w.classes[side].pk), f"class{side}"
        roster = {"action": "roster", "display_name": "Đinh Văn Mới", "birth_year": "1970"}
        session = {"action": "session", "starts_at": "2026-11-25 08:00", "place": "Nhà văn hóa"}
        yield Case("GET", path, sees(side))
        yield Case(
            "POST",
            path,
            runs(side),
            {**roster, "phone": "0987654321"},
            changes={parcel, "global"},
            must_change={parcel},
        )
        yield Case("POST", path, runs(side), session, changes={parcel}, must_change={parcel})
        settings = {"action": "settings", "pairs_desk": "on", "post_test_attempts": "2"}
        yield Case("POST", path, runs(side), settings, changes={parcel}, must_change={parcel})


def board_cases(w):
    for side in SIDES:
        path = url("board", w.classes[side].pk)
        yield Case("GET", path, sees(side), {"chieu": "1"})
        yield Case("POST", path, sees(side))  # a read-only page: a POST changes nothing


def class_report_cases(w):
    for side in SIDES:
        for query in FORMATS:
            yield Case("GET", url("class_report", w.classes[side].pk), sees(side), query)


def login_cards_cases(w):
    def ids(*parcels):
        return {"enrollment": [str(w.enrollments[p].pk) for p in parcels]}

    for side in SIDES:
        path = url("login_cards", w.classes[side].pk)
        yield Case(
            "POST",
            path,
            runs(side),
            ids(*PLAIN[side]),
            changes=set(PLAIN[side]),
            must_change=set(PLAIN[side]),
        )
    path = url("login_cards", w.classes["1"].pk)
    # Class 1's own page, with class 2's learners: their passwords stay.
    yield Case("POST", path, runs("1"), ids("B", "B2"))
    # A staff account that took the class as a learner: nobody takes it over by printing
    # it a new password, not even an administrator from this page (erasure refuses such
    # accounts for the same reason); its owner keeps their own password.
    yield Case("POST", path, runs("1"), ids("O1"), filtered=True)


def attendance_cases(w):
    for side in SIDES:
        path = url("attendance", w.classes[side].pk, w.sessions[side].pk)
        learners = [p for p, s in LEARNERS.items() if s == side]
        present = {"present": [str(w.enrollments[p].pk) for p in learners]}
        yield Case("GET", path, runs(side))
        yield Case(
            "POST",
            path,
            runs(side),
            present,
            changes=set(learners),
            must_change={PLAIN[side][1]},
        )
    mixed = url("attendance", w.classes["1"].pk, w.sessions["2"].pk)  # class 2's session
    yield Case("GET", mixed, nobody)
    yield Case("POST", mixed, nobody, {"present": [str(w.enrollments["B2"].pk)]})
    # Class 1's own session, ticking class 2's learners: only class 1 is marked.
    yield Case(
        "POST",
        url("attendance", w.classes["1"].pk, w.sessions["1"].pk),
        runs("1"),
        {"present": [str(w.enrollments[p].pk) for p in ("B", "B2")]},
        changes={"A", "A2", "O1"},
    )


def per_learner(w, name, *extra):
    """(parcel, side, path) for every learner, in their own class."""
    for parcel, side in LEARNERS.items():
        yield parcel, side, url(name, w.classes[side].pk, w.enrollments[parcel].pk, *extra)


def mixed(w, name, *extra):
    return url(name, w.classes["1"].pk, w.enrollments["B"].pk, *extra)


def learner_cases(w):
    for _parcel, side, path in per_learner(w, "learner"):
        yield Case("GET", path, sees(side))
    yield Case("GET", mixed(w, "learner"), nobody)


def override_cases(w):
    data = {"activity": w.activity, "done": "1", "reason": "Làm trên máy của tập huấn viên"}
    for parcel, side, path in per_learner(w, "override"):
        yield Case("POST", path, runs(side), data, changes={parcel}, must_change={parcel})
    yield Case("POST", mixed(w, "override"), nobody, data)


def submission_confirm_cases(w):
    for parcel, submission in w.submissions.items():
        side = LEARNERS[parcel]
        path = url(
            "submission_confirm", w.classes[side].pk, w.enrollments[parcel].pk, submission.pk
        )
        # The trainer, or a manager in scope ("confirming real submissions there").
        yield Case("POST", path, sees(side), changes={parcel}, must_change={parcel})
    foreign = w.submissions["B2"].pk
    a2 = w.enrollments["A2"].pk
    yield Case("POST", url("submission_confirm", w.classes["1"].pk, a2, foreign), nobody)
    yield Case("POST", mixed(w, "submission_confirm", foreign), nobody)


def learner_erase_cases(w):
    for parcel, side, path in per_learner(w, "learner_erase"):
        staff = parcel == "O1"  # refused by the app for everyone: "ask an administrator"
        gone = {parcel, "global"} | ({"dossierA"} if parcel == "A" else set())
        yield Case("GET", path, runs(side))  # managers only read: no erasing
        yield Case(
            "POST",
            path,
            runs(side),
            {"confirm": "yes"},
            changes=set() if staff else gone,
            must_change=set() if staff else {parcel},
            filtered=staff,
        )
    yield Case("POST", mixed(w, "learner_erase"), nobody, {"confirm": "yes"})


def join_cases(w):
    yield Case("GET", url("join"), anyone)
    code = w.classes["1"].join_code
    yield Case("GET", url("join"), anyone, {"ma": code}, public={("class1", "join code")})
    for side in SIDES:
        parcel = f"class{side}"
        form = {"ma": w.classes[side].join_code, "display_name": "Người Vào Lớp"}

        def joins(actor, side=side):  # already in the class: nothing new
            mine = any(LEARNERS[p] == side for p in actor.learner_of)
            return set() if mine else {f"class{side}"}

        yield Case(
            "POST",
            url("join"),
            anyone,
            {**form, "birth_year": "1980", "consent": "1"},
            changes={parcel, "global"},
            must_change=joins,
            public={(parcel, "join code"), (parcel, "class name")},
        )


def on_the_picture_page(side):
    """Public by design to whoever has the class code (it is on the projector): the class,
    and the names of its learners who have a picture card."""
    return {
        (f"class{side}", "join code"),
        (f"class{side}", "class name"),
        *((parcel, "name") for parcel in PLAIN[side]),
    }


def picture_start_cases(w):
    yield Case("GET", url("picture_start"), anyone)
    yield Case("GET", url("picture_start"), anyone, {"ma": w.classes["1"].join_code})


def picture_switch_cases(w):
    yield Case("POST", url("picture_switch"), anyone)  # logs out: changes no parcel


def picture_learners_cases(w):
    for side in SIDES:
        code = w.classes[side].join_code
        yield Case("GET", url("picture_learners", code), anyone, public=on_the_picture_page(side))


def picture_sequence_cases(w):
    """Anyone with a learner's card logs in as that learner (and as nobody else); an
    official's account, or another class's learner, never."""

    def taps(keys):
        return {"picked": ",".join(keys[:2]), "tap": keys[2]}

    for parcel, keys in w.picture_secrets.items():
        side = LEARNERS[parcel]
        path = url("picture_sequence", w.classes[side].join_code, w.enrollments[parcel].pk)
        wrong = [*keys[:2], next(k for k in ("trau", "lua") if k != keys[2])]
        public = on_the_picture_page(side)
        yield Case("GET", path, anyone, public=public)
        yield Case("POST", path, anyone, taps(keys), public=public)
        yield Case("POST", path, anyone, taps(wrong), public=public)
    official = url("picture_sequence", w.classes["1"].join_code, w.enrollments["O1"].pk)
    yield Case("GET", official, nobody)
    yield Case("POST", official, nobody, taps(["trau", "trau", "trau"]))
    mixed = url("picture_sequence", w.classes["1"].join_code, w.enrollments["B"].pk)
    yield Case("POST", mixed, nobody, taps(w.picture_secrets["B"]))


def my_classes_cases(w):
    yield Case("GET", url("my_classes"), logged_in)


def erase_my_data_cases(w):
    def mine(actor):
        return set(actor.learner_of) | {"global"} | ({"dossierA"} if learner_a(actor) else set())

    yield Case("GET", url("erase_my_data"), logged_in)
    yield Case(
        "POST",
        url("erase_my_data"),
        plain_learner,
        {"confirm": "yes"},
        changes=mine,
        must_change=lambda actor: set(actor.learner_of),
    )


def own_enrollment(w, name, *extra):
    for parcel in LEARNERS:
        yield parcel, url(name, w.enrollments[parcel].pk, *extra)


def course_progress_cases(w):
    for parcel, path in own_enrollment(w, "course_progress"):
        yield Case("GET", path, own(parcel))


def reading_done_cases(w):
    for parcel, path in own_enrollment(w, "reading_done", w.lesson):
        yield Case("POST", path, own(parcel), changes={parcel}, must_change={parcel})


def quiz_answer_cases(w):
    for parcel, path in own_enrollment(w, "quiz_answer", w.lesson):
        yield Case(
            "POST",
            path,
            own(parcel),
            {"q0": "2", "q1": "1"},
            changes={parcel},
            must_change={parcel},
        )


def real_submission_cases(w):
    today = str(timezone.localdate())
    data = {"procedure_title": "Cấp phiếu lý lịch tư pháp", "submitted_on": today}
    for parcel, path in own_enrollment(w, "real_submission"):
        yield Case("POST", path, own(parcel), data, changes={parcel}, must_change={parcel})


def certificate_cases(w):
    for parcel, certificate in w.certificates.items():
        side, path = LEARNERS[parcel], url("certificate", certificate.code)
        # Revoking: the class's trainer, a manager over its commune, an administrator.
        yield Case("GET", path, sees(side))
        yield Case(
            "POST",
            path,
            sees(side),
            {"reason": "Cấp nhầm người"},
            changes={parcel},
            must_change={parcel},
        )


def certificate_pdf_cases(w):
    for parcel, certificate in w.certificates.items():
        side = LEARNERS[parcel]
        yield Case(
            "GET",
            url("certificate_pdf", certificate.code),
            lambda actor, parcel=parcel, side=side: (
                parcel in actor.learner_of or sees_class(actor, side)
            ),
        )


def verify_cases(w):
    """Public by design: name, course, date, issuing unit; never birth year or username."""
    for parcel, certificate in w.certificates.items():
        yield Case(
            "GET",
            url("verify", certificate.code),
            anyone,
            public={(parcel, "name"), (parcel, "certificate code")},
            shows=(
                certificate.holder_name,
                certificate.course_title,
                certificate.issuer_name,
                timezone.localtime(certificate.issued_at).strftime("%d/%m/%Y"),
            ),
        )


def reports_cases(w):
    yield Case("GET", url("reports"), report_reader)


def unit_report_cases(w):
    for unit in ("province1", "commune1", "province2", "commune2"):
        for query in FORMATS:
            yield Case("GET", url("unit_report", w.units[unit].pk), unit_scope(unit), query)


def organiser_report_cases(w):
    for side in SIDES:
        for query in FORMATS:
            path = url("organiser_report", w.organisers[side].pk)
            yield Case("GET", path, unit_scope(f"commune{side}"), query)


ROUTES = {
    "classes": classes_cases,
    "class": class_cases,
    "board": board_cases,
    "class_report": class_report_cases,
    "login_cards": login_cards_cases,
    "attendance": attendance_cases,
    "attendance_code": attendance_code_cases,
    "mark_present": mark_present_cases,
    "pace": pace_cases,
    "class_step": class_step_cases,
    "skill_check": skill_check_cases,
    "invigilation": invigilation_cases,
    "follow_ups": follow_ups_cases,
    "follow_up": follow_up_cases,
    "learner": learner_cases,
    "override": override_cases,
    "submission_confirm": submission_confirm_cases,
    "learner_erase": learner_erase_cases,
    "join": join_cases,
    "picture_start": picture_start_cases,
    "picture_switch": picture_switch_cases,
    "picture_learners": picture_learners_cases,
    "picture_sequence": picture_sequence_cases,
    "my_classes": my_classes_cases,
    "erase_my_data": erase_my_data_cases,
    "course_progress": course_progress_cases,
    "reading_done": reading_done_cases,
    "quiz_answer": quiz_answer_cases,
    "real_submission": real_submission_cases,
    "certificate": certificate_cases,
    "certificate_pdf": certificate_pdf_cases,
    "verify": verify_cases,
    "reports": reports_cases,
    "unit_report": unit_report_cases,
    "organiser_report": organiser_report_cases,
}


def sandbox_routes(w):
    """Learner A's practice dossiers: theirs alone (404 to everyone else, trainers and
    administrators included); the desk console is for officials, trainers and staff and
    shows each of them only their own practice."""
    d, base = w.dossiers, "/thuc-hanh"
    dossier, mine = f"{base}/ho-so/{d.done.pk}", {"dossierA"}

    def own_practice(actor):
        return practising(actor) | (mine if learner_a(actor) else set())

    steps = ["applicant", "eform", "delivery", "attachments", "review"]
    owner = {"allowed": learner_a, "changes": lambda actor: mine | practising(actor)}
    return {
        "wizard": [Case("GET", f"{base}/ho-so/{d.draft.pk}/buoc/{s}/", **owner) for s in steps]
        + [
            Case(
                "POST",
                f"{base}/ho-so/{d.draft.pk}/buoc/review/",
                data={"declaration": "1", "consent": "1"},
                **owner,
            ),
            Case(
                "POST",
                f"{base}/ho-so/{d.draft.pk}/buoc/applicant/",
                data={"is_owner": "1"},
                **owner,
            ),
        ],
        "payment": [
            Case("GET", f"{base}/ho-so/{d.unpaid.pk}/thanh-toan/", **owner),
            Case(
                "POST",
                f"{base}/ho-so/{d.unpaid.pk}/thanh-toan/",
                data={"provider": "ngan-hang-a"},
                **owner,
            ),
        ],
        "gateway": [
            Case("GET", f"{base}/cong-thanh-toan/{d.started.pk}/", **owner),
            Case(
                "POST",
                f"{base}/cong-thanh-toan/{d.started.pk}/",
                data={"outcome": "success"},
                **owner,
            ),
        ],
        "reconcile": [Case("POST", f"{base}/cong-thanh-toan/{d.started.pk}/tra-soat/", **owner)],
        "submitted": [Case("GET", f"{dossier}/thanh-cong/", **owner)],
        "dossier": [
            Case("GET", f"{dossier}/", **owner),
            Case(
                "POST", f"{dossier}/", data={"action": "withdraw", "reason": "Không cần"}, **owner
            ),
            Case("POST", f"{dossier}/", data={"action": "rate", "score": "1"}, **owner),
        ],
        "result_pdf": [Case("GET", f"{dossier}/ket-qua.pdf", **owner)],
        "slip_pdf": [
            Case("GET", f"{dossier}/phieu-tiep-nhan.pdf", **owner),
            Case("GET", f"{dossier}/phieu-xin-loi.pdf", **owner),
        ],
        "receipt_pdf": [Case("GET", f"{base}/bien-lai/{d.paid.pk}.pdf", **owner)],
        "attachment": [Case("GET", f"{base}/tep/{d.photo.pk}/", **owner)],
        "dossiers": [Case("GET", f"{base}/quan-ly-ho-so/", anyone, changes=own_practice)],
        "lookup": [
            Case(
                "GET",
                f"{base}/tra-cuu/",
                anyone,
                {"ma": d.done.code, "cccd": d.identity.cccd},
                changes=own_practice,
            )
        ],
        "inbox": [Case("GET", f"{base}/dien-thoai/", anyone, changes=own_practice)],
        "desk": [Case("GET", f"{base}/mot-cua/", desk_user, changes=own_practice)],
        # Learner A is no official, and no official sees another's practice (nobody),
        # except the one seated at the shared desk the unpaid dossier was routed to.
        "desk_dossier": [
            Case("GET", f"{base}/mot-cua/{d.done.pk}/", nobody),
            Case("POST", f"{base}/mot-cua/{d.done.pk}/", nobody, {"action": "return"}),
            Case("GET", f"{base}/mot-cua/{d.unpaid.pk}/", seated, shows=(d.unpaid.code,)),
            Case(
                "POST",
                f"{base}/mot-cua/{d.unpaid.pk}/",
                seated,
                {"action": "reject", "reason": "Thiếu giấy tờ bản chính"},
                changes={"dossierA"},
                must_change={"dossierA"},
            ),
        ],
    }


def sandbox_object_routes():
    """Every sandbox URL that takes the id of a dossier, payment or attachment."""
    return {
        p.name
        for p in sandbox_urls.urlpatterns
        if isinstance(p, URLPattern)
        and any(isinstance(c, IntConverter | UUIDConverter) for c in p.pattern.converters.values())
    }


def all_cases(w):
    cases = []
    for route, build in ROUTES.items():
        cases += [Case(**{**c.__dict__, "route": route}) for c in build(w)]
    for route, built in sandbox_routes(w).items():
        cases += [Case(**{**c.__dict__, "route": f"sandbox:{route}"}) for c in built]
    return cases
