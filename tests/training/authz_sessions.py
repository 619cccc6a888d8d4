"""The authorisation test's cases for running a session in the hall: the attendance
code on the projector and the learner's side of it, the board's step buttons and the
learner's step page, and the one-month calls."""

from .authz_case import Case, url
from .authz_world import LEARNERS, SIDES, class_opener, nobody, own, runs


def in_class(side):
    """A learner of that class (on their own account)."""
    return lambda actor: any(LEARNERS[p] == side for p in actor.learner_of)


def attendance_code_cases(w):
    for side in SIDES:
        path = url("attendance_code", w.classes[side].pk, w.sessions[side].pk)
        parcel = f"class{side}"
        yield Case("GET", path, runs(side))
        yield Case(
            "POST", path, runs(side), {"action": "open"}, changes={parcel}, must_change={parcel}
        )
    mixed = url("attendance_code", w.classes["1"].pk, w.sessions["2"].pk)  # class 2's session
    yield Case("GET", mixed, nobody)
    yield Case("POST", mixed, nobody, {"action": "open"})


def mark_present_cases(w):
    """Only a learner of the session's class marks themselves, and only themselves (the
    world's sessions take no code: nothing changes, but the page answers them alone)."""
    for side in SIDES:
        path = url("mark_present", w.sessions[side].pk)

        def theirs(actor, side=side):
            return {p for p in actor.learner_of if LEARNERS[p] == side}

        yield Case("GET", path, in_class(side), {"ma": "1234"})
        yield Case("POST", path, in_class(side), {"ma": "1234"}, changes=theirs)


def pace_cases(w):
    for side in SIDES:
        parcel = f"class{side}"
        yield Case(
            "POST",
            url("pace", w.classes[side].pk),
            runs(side),
            {"to": "next", "seen": ""},
            changes={parcel},
            must_change={parcel},
        )


def class_step_cases(w):
    for parcel, enrollment in w.enrollments.items():
        yield Case("GET", url("class_step", enrollment.pk), own(parcel))


def follow_ups_cases(w):
    yield Case("GET", url("follow_ups"), class_opener)


def follow_up_cases(w):
    data = {"outcome": "alone", "procedure_title": "Đăng ký khai sinh"}
    for parcel, side in LEARNERS.items():
        path = url("follow_up", w.classes[side].pk, w.enrollments[parcel].pk)
        yield Case("GET", path, runs(side))
        yield Case("POST", path, runs(side), data, changes={parcel}, must_change={parcel})
    mixed = url("follow_up", w.classes["1"].pk, w.enrollments["B"].pk)
    yield Case("POST", mixed, nobody, data)


def skill_check_cases(w):
    """A learner's own sheets only; starting one is the only write (the world's bank is
    empty, so it is refused with a message and changes nothing)."""
    for parcel, enrollment in w.enrollments.items():
        for kind in ("dau-vao", "cuoi-khoa"):
            path = url("skill_check", enrollment.pk, kind)
            yield Case("GET", path, own(parcel))
            yield Case("POST", path, own(parcel), {"start": "1"}, changes={parcel})
            yield Case("POST", path, own(parcel), {"q1": "a"}, changes={parcel})
        yield Case("GET", url("skill_check", enrollment.pk, "khac"), nobody)


def invigilation_cases(w):
    for side in SIDES:
        parcel = f"class{side}"
        yield Case(
            "POST",
            url("invigilation", w.classes[side].pk),
            runs(side),
            {"action": "open"},
            changes={parcel},
            must_change={parcel},
        )
