"""How the authorisation test observes a request: what changed in the database and what
personal data the answer shows."""

import re
import zipfile
from io import BytesIO

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client

from sandbox.context import SESSION_IDENTITY, SESSION_OWNER
from sandbox.models import (
    DossierAttachment,
    ExerciseAttempt,
    Payment,
    PracticeDossier,
    PracticeEvent,
    PracticeIdentity,
    SimulatedMessage,
)
from training.models import (
    ActivitySummary,
    Attendance,
    Certificate,
    ClassSession,
    Enrollment,
    EnrollmentProgress,
    FollowUpCall,
    ManagerScope,
    PracticeErrorTally,
    PracticeSubmissionTime,
    ProgressEvent,
    ProgressOverride,
    RealSubmission,
    SkillCheckAttempt,
    TrainingClass,
)

from .authz_world import may_see

LOGIN_PAGES = ("/tai-khoan/dang-nhap/", "/thuc-hanh/dang-nhap/")

# ---- observing: what changed, what the body shows ------------------------------------------


def snapshot(w):
    """{parcel: {part: rows}} of everything a request could change, in a few queries."""
    state = {}

    def put(parcel, part, row):
        state.setdefault(parcel, {}).setdefault(part, []).append(row)

    parcel_of = {e.pk: p for p, e in w.enrollments.items()}
    user_of = {e.learner_id: p for p, e in w.enrollments.items()}
    side_of = {c.pk: f"class{s}" for s, c in w.classes.items()}
    enrollments, users = list(parcel_of), list(user_of)

    for row in TrainingClass.objects.filter(pk__in=side_of).values():
        put(side_of[row["id"]], "class", row)
    for class_id, pk in Enrollment.objects.filter(training_class_id__in=side_of).values_list(
        "training_class_id", "pk"
    ):
        put(side_of[class_id], "roster", pk)
    for row in ClassSession.objects.filter(training_class_id__in=side_of).values():
        put(side_of[row["training_class_id"]], "sessions", row)
    for row in PracticeErrorTally.objects.filter(training_class_id__in=side_of).values():
        put(side_of[row["training_class_id"]].replace("class", "tallies"), "counts", row)

    for row in Enrollment.objects.filter(pk__in=enrollments).values():
        put(parcel_of[row["id"]], "enrollment", row)
    for row in User.objects.filter(pk__in=users).values(
        "id", "username", "password", "first_name", "is_active", "is_staff", "is_superuser"
    ):
        put(user_of[row["id"]], "account", row)
    by_enrollment = [
        ("certificate", Certificate.objects),
        ("real submissions", RealSubmission.objects),
        ("manual progress", ProgressOverride.objects),
        ("attendance", Attendance.objects),
        ("progress", EnrollmentProgress.objects),
        ("certificate history", Certificate.history),
        ("submission history", RealSubmission.history),
        ("override history", ProgressOverride.history),
        ("attendance history", Attendance.history),
        ("follow-up calls", FollowUpCall.objects),
        ("follow-up history", FollowUpCall.history),
        ("practice times", PracticeSubmissionTime.objects),
        ("skills checks", SkillCheckAttempt.objects),
    ]
    for part, manager in by_enrollment:
        for row in manager.filter(enrollment_id__in=enrollments).values():
            put(parcel_of[row["enrollment_id"]], part, row)
    for row in Enrollment.history.filter(id__in=enrollments).values():
        put(parcel_of[row["id"]], "roster history", row)
    for enrollment_id, kind, key in ProgressEvent.objects.filter(
        enrollment_id__in=enrollments
    ).values_list("enrollment_id", "kind", "activity_key"):
        put(parcel_of[enrollment_id], "progress events", (kind, key))
    for row in ActivitySummary.objects.filter(learner_id__in=users).values():
        put(user_of[row["learner_id"]], "activity summaries", row)

    key = w.dossiers.owner_key
    for part, rows in [
        ("dossiers", PracticeDossier.objects.filter(owner_key=key).values()),
        ("payments", Payment.objects.filter(dossier__owner_key=key).values("id", "status")),
        ("files", DossierAttachment.objects.filter(dossier__owner_key=key).values("id", "file")),
        (
            "ratings",
            PracticeDossier.objects.filter(owner_key=key, rating__isnull=False).values("id"),
        ),
        ("identities", PracticeIdentity.objects.filter(owner_key=key).values("id", "full_name")),
        ("messages", SimulatedMessage.objects.filter(owner_key=key).values("id")),
        ("events", PracticeEvent.objects.filter(owner_key=key).values("id")),
        ("attempts", ExerciseAttempt.objects.filter(owner_key=key).values("id")),
    ]:
        for row in rows:
            put("dossierA", part, row)

    for part, model in [
        ("accounts", User),
        ("classes", TrainingClass),
        ("enrolments", Enrollment),
        ("certificates", Certificate),
        ("manager scopes", ManagerScope),
    ]:
        put("global", part, model.objects.count())
    return {
        parcel: {part: sorted(map(repr, rows)) for part, rows in parts.items()}
        for parcel, parts in state.items()
    }


def changed_parts(before, after):
    """{parcel: [parts that differ]}."""
    changed = {}
    for parcel in sorted(before.keys() | after.keys()):
        one, two = before.get(parcel, {}), after.get(parcel, {})
        parts = sorted(p for p in one.keys() | two.keys() if one.get(p) != two.get(p))
        if parts:
            changed[parcel] = parts
    return changed


def body_text(response):
    """The text a person could read in the answer; None for PDFs and images."""
    content_type = response.get("Content-Type", "")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content_type.startswith(("application/pdf", "image/")):
        return None
    if "spreadsheetml" in content_type:
        with zipfile.ZipFile(BytesIO(content)) as book:
            return "".join(
                book.read(name).decode("utf-8") for name in book.namelist() if name.endswith(".xml")
            )
    return content.decode("utf-8", "replace")


def shown(secret, text):
    """A number counts only on its own (a birth year inside a CCCD is no birth year)."""
    if secret.isdigit():
        return re.search(rf"(?<![0-9]){secret}(?![0-9])", text) is not None
    return secret in text


class WriteWatcher:
    """Collects the SQL statements that write, except the session's own."""

    def __init__(self, writes):
        self.writes = writes

    def __call__(self, execute, sql, params, many, context):
        verb = sql.lstrip()[:6].upper()
        if verb in ("INSERT", "UPDATE", "DELETE") and "django_session" not in sql:
            self.writes.append(sql)
        return execute(sql, params, many, context)


def is_refusal(response):
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and response["Location"].startswith(LOGIN_PAGES)


def log_in(client, w, actor):
    user = w.users[actor.key]
    if user is not None:
        client.force_login(user)
    owner_key, identity = w.practice[actor.key]
    session = client.session
    if user is None:
        session[SESSION_OWNER] = owner_key
    session[SESSION_IDENTITY] = str(identity.pk)
    session.save()


def restore_files(w):
    """Erasure deletes uploaded files after its transaction: put them back."""
    storage = DossierAttachment._meta.get_field("file").storage
    for name, content in w.files.items():
        if not storage.exists(name):
            storage.save(name, ContentFile(content))


def check(w, case, actor, baseline):
    """The problems with one request, as lines of the final report."""
    allowed = case.allowed(actor)
    where = f"{actor.key:<18} {case.label()}"
    client = Client()
    log_in(client, w, actor)
    writes = []
    try:
        with connection.execute_wrapper(WriteWatcher(writes)):
            response = getattr(client, case.method.lower())(case.path, case.data)
    except Exception as error:  # noqa: BLE001 - a crash is reported with the rest
        return [f"BROKEN  {where}: raised {error!r}"]
    problems = []
    status = response.status_code
    answer = f"{status}" + (f" → {response['Location']}" if status == 302 else "")
    # Without a single write statement nothing can have changed: skip the snapshot.
    changed = changed_parts(baseline, snapshot(w)) if writes else {}
    if allowed:
        if is_refusal(response) or status not in (200, 302):
            problems.append(f"REFUSED {where}: allowed by the policy, answered {answer}")
        may_change = case.resolve(case.changes, actor)
        for parcel, parts in changed.items():
            if parcel not in may_change:
                problems.append(f"LEAK    {where}: also changed {parcel} ({', '.join(parts)})")
        missing = case.resolve(case.must_change, actor) - changed.keys()
        if missing and not problems:
            problems.append(f"BROKEN  {where}: changed nothing of {sorted(missing)}")
    else:
        if not (is_refusal(response) or (case.filtered and status in (200, 302))):
            problems.append(f"LEAK    {where}: not refused, answered {answer}")
        for parcel, parts in changed.items():
            problems.append(f"LEAK    {where}: changed {parcel} ({', '.join(parts)})")
    text = body_text(response)
    if text is not None:
        asked = " ".join([case.path, *map(str, case.data.values())])  # echoing it is no leak
        for parcel, kind, secret in w.secrets:
            if may_see(actor, parcel) or (parcel, kind) in case.public or secret in asked:
                continue
            if shown(secret, text):
                problems.append(f"LEAK    {where}: shows {parcel}'s {kind} “{secret}”")
        if allowed and status == 200:
            for expected in case.shows:
                if expected not in text:
                    problems.append(f"BROKEN  {where}: does not show “{expected}”")
    return problems
