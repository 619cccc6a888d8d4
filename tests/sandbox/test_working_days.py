"""Appointment dates in working days, as printed on the intake slip: weekends and the
Holiday table do not count, a dossier received after 15:00 counts from the next working
day, and time spent waiting for a supplement moves the date."""

import datetime

import pytest

from sandbox import selectors as sandbox_selectors
from sandbox.models import DossierStatus, Holiday
from sandbox.services import attachments, desk
from sandbox.working_days import add_working_days, due_date, working_days_between
from tests.helpers import OFFICER, dossier_walk, jpeg_upload, vn_time

D = datetime.date
NATIONAL_DAY = {D(2026, 9, 1), D(2026, 9, 2)}  # Tuesday and Wednesday


def local(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute)


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (local(2026, 11, 2, 9), D(2026, 11, 3)),  # Monday morning → Tuesday
        (local(2026, 11, 2, 14, 59), D(2026, 11, 3)),
        (local(2026, 11, 2, 15, 1), D(2026, 11, 4)),  # after 15:00 counts from Tuesday
        (local(2026, 11, 6, 10), D(2026, 11, 9)),  # Friday → Monday, the weekend skipped
        (local(2026, 11, 6, 16), D(2026, 11, 10)),  # Friday after 15:00 → Tuesday
        (local(2026, 11, 7, 10), D(2026, 11, 10)),  # sent on Saturday: counts from Monday
        (local(2026, 8, 31, 9), D(2026, 9, 3)),  # Monday before the National Day holidays
    ],
)
def test_one_working_day(received, expected):
    assert due_date(received, value=1, unit="ngay_lam_viec", holidays=NATIONAL_DAY) == expected


def test_longer_limits_in_working_days_hours_and_calendar_days():
    monday = local(2026, 11, 2, 9)

    assert due_date(monday, value=10, unit="ngay_lam_viec", holidays=set()) == D(2026, 11, 16)
    assert due_date(monday, value=8, unit="gio_lam_viec", holidays=set()) == D(2026, 11, 3)
    assert due_date(monday, value=12, unit="gio_lam_viec", holidays=set()) == D(2026, 11, 4)
    assert due_date(monday, value=5, unit="ngay", holidays=set()) == D(2026, 11, 7)


def test_tet_holidays_are_skipped():
    tet = {D(2027, 2, day) for day in (4, 5, 8, 9, 10)}

    assert add_working_days(D(2027, 2, 3), 1, tet) == D(2027, 2, 11)
    assert working_days_between(D(2027, 2, 3), D(2027, 2, 11), tet) == 1


# --- through the desk, with the Holiday table -------------------------------------------


def accept(ctx, identity, procedure, moment):
    ctx.now = moment
    dossier = dossier_walk(ctx, identity, procedure, DossierStatus.NEW)
    desk.desk_accept(ctx=ctx, dossier=dossier, officer=OFFICER)
    dossier.refresh_from_db()
    return dossier


def test_the_desk_uses_local_time_and_the_holiday_table(practice_ctx, identity, khai_sinh):
    # 08:30 UTC on Friday 6 November is 15:30 in Việt Nam: counted from Monday 9th.
    friday_afternoon = datetime.datetime(2026, 11, 6, 8, 30, tzinfo=datetime.UTC)
    assert accept(practice_ctx, identity, khai_sinh, friday_afternoon).due_date == D(2026, 11, 10)

    Holiday.objects.create(date=D(2026, 11, 10), name="Ngày nghỉ bù (luyện tập)")
    assert accept(practice_ctx, identity, khai_sinh, friday_afternoon).due_date == D(2026, 11, 11)


def test_seeded_holidays_count(practice_ctx, identity, khai_sinh):
    # Thursday 30 April and Friday 1 May 2026 are in the demo's Holiday table.
    dossier = accept(practice_ctx, identity, khai_sinh, vn_time(2026, 4, 29, 16, 0))

    assert dossier.due_date == D(2026, 5, 5)


def test_waiting_for_a_supplement_moves_the_due_date(practice_ctx, identity, khai_sinh):
    dossier = accept(practice_ctx, identity, khai_sinh, vn_time(2026, 11, 2, 9, 0))
    assert dossier.due_date == D(2026, 11, 3)
    desk.desk_start_processing(ctx=practice_ctx, dossier=dossier, officer=OFFICER)

    practice_ctx.now = vn_time(2026, 11, 3, 10, 0)  # Tuesday
    desk.desk_request_supplement(
        ctx=practice_ctx,
        dossier=dossier,
        officer=OFFICER,
        documents=["Giấy chứng sinh"],
        reason="Ảnh chụp bị mờ.",
        content="Chụp lại Giấy chứng sinh rõ nét.",
    )
    dossier.refresh_from_db()
    # The citizen answers on Monday 9th: Wednesday to Monday is 4 working days of waiting.
    practice_ctx.now = vn_time(2026, 11, 9, 10, 0)
    attachments.supplement_send(
        ctx=practice_ctx, dossier=dossier, note="", uploaded_files=[jpeg_upload()]
    )

    dossier.refresh_from_db()
    assert dossier.due_date == D(2026, 11, 9)
    assert dossier.supplements.get().deadline == D(2026, 11, 12)  # 7 working days to answer


def test_supplement_deadline_counts_from_the_local_day(practice_ctx, identity, khai_sinh):
    dossier = accept(practice_ctx, identity, khai_sinh, vn_time(2026, 11, 2, 9, 0))
    # 06:00 on Tuesday 10 November in Việt Nam, still Monday in UTC.
    practice_ctx.now = datetime.datetime(2026, 11, 9, 23, 0, tzinfo=datetime.UTC)

    desk.desk_request_supplement(
        ctx=practice_ctx,
        dossier=dossier,
        officer=OFFICER,
        documents=["Giấy chứng sinh"],
        reason="Ảnh chụp bị mờ.",
        content="Chụp lại Giấy chứng sinh rõ nét.",
        days=1,
    )

    assert dossier.supplements.get().deadline == D(2026, 11, 11)  # Wednesday, not Tuesday


def test_an_overdue_dossier_gets_an_apology_and_a_new_date(practice_ctx, identity, khai_sinh):
    dossier = accept(practice_ctx, identity, khai_sinh, vn_time(2026, 11, 2, 9, 0))
    practice_ctx.now = vn_time(2026, 11, 5, 9, 0)
    assert desk.overdue_today(dossier, practice_ctx.now)
    assert sandbox_selectors.is_overdue(dossier, practice_ctx.now.date())

    original = desk.desk_apologise(ctx=practice_ctx, dossier=dossier, officer=OFFICER, extra_days=2)

    dossier.refresh_from_db()
    assert original == D(2026, 11, 3)
    assert dossier.due_date == D(2026, 11, 9)  # two working days after Thursday 5th
    assert dossier.apology_sent_at == practice_ctx.now


def test_a_dossier_is_overdue_from_the_first_local_morning_after_its_due_date(
    practice_ctx, identity, khai_sinh
):
    dossier = accept(practice_ctx, identity, khai_sinh, vn_time(2026, 11, 2, 9, 0))
    assert dossier.due_date == D(2026, 11, 3)

    # 06:30 on Wednesday 4th in Việt Nam, still Tuesday 3rd in UTC.
    assert desk.overdue_today(dossier, datetime.datetime(2026, 11, 3, 23, 30, tzinfo=datetime.UTC))
    assert not desk.overdue_today(dossier, vn_time(2026, 11, 3, 16, 0))
