"""Reports by province, commune, organising unit and class; the exports carry exactly
the figures on the screen."""

import csv
import io
import re
import zipfile
from html.parser import HTMLParser

import pytest
from openpyxl import load_workbook

from home import roles
from tests.factories import ManagerScopeFactory, user_with
from tests.helpers import join, lesson_id, practice_submitted, practise
from training.models import AdministrativeUnit, PracticeErrorTally
from training.report_tables import display
from training.services import progress

pytestmark = pytest.mark.django_db


class Tables(HTMLParser):
    """Every <table data-table=…> on the page, as rows of cell texts (header first)."""

    def __init__(self):
        super().__init__()
        self.tables, self.current, self.row, self.cell = {}, None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "data-table" in attrs:
            self.current = self.tables.setdefault(attrs["data-table"], [])
        elif self.current is not None and tag == "tr":
            self.row = []
        elif self.row is not None and tag in ("td", "th"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "table":
            self.current = None
        elif tag == "tr" and self.row is not None:
            self.current.append(self.row)
            self.row = None
        elif tag in ("td", "th") and self.cell is not None:
            self.row.append(" ".join(self.cell.split()))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


@pytest.fixture
def busy_class(training_class, exercise, course):
    """Three learners: one finished everything, one practised, one only joined."""
    done, practised, _idle = (join(training_class, name) for name in ("Bảy", "Mai", "Tư"))
    progress.reading_done(enrollment=done, lesson_id=lesson_id(course, "text_lesson"))
    progress.quiz_answer(
        enrollment=done, lesson_id=lesson_id(course, "text_lesson"), answers={0: 2, 1: 1}
    )
    progress.progress_override(
        enrollment=done,
        activity_key=f"video:{lesson_video(course)}",
        done=True,
        reason="Xem chung trên máy chiếu",
        changed_by=training_class.trainer,
    )
    practise(done.learner, exercise)
    practise(practised.learner, exercise, errors=["otp_wrong", "otp_wrong"])
    for minutes in (8, 3):
        practice_submitted(done.learner, minutes)
    practice_submitted(practised.learner, 6)
    return training_class


def lesson_video(course):
    return next(
        b.value["procedure"].pk for b in course.lessons if b.block_type == "procedure_lesson"
    )


@pytest.fixture
def province_manager(django_user_model, units):
    user = user_with(roles.PROVINCE_MANAGER, "tinh")
    ManagerScopeFactory(user=user, unit=units[0].province())
    return user


def test_the_province_report_counts_the_commune_and_its_funnel(
    client, busy_class, province_manager
):
    province = AdministrativeUnit.objects.get(level="tinh")
    client.force_login(province_manager)
    page = client.get(f"/bao-cao/don-vi/{province.pk}/").content.decode()
    tables = Tables()
    tables.feed(page)
    main = tables.tables["chinh"]
    assert main[0][:5] == [
        "Xã, phường, đặc khu",
        "Ghi danh",
        "Đã đi học",
        "Hoạt động 30 ngày qua",
        "Hoàn thành",
    ]
    assert main[1][0] == "Xã Đầm Dơi"
    assert main[1][1] == "3" and main[1][4] == "1" and main[1][5] == "33,3"
    assert main[-1][0] == "Tổng cộng"
    funnel = tables.tables["pheu"]
    assert [row[1] for row in funnel[1:]] == ["3", "0", "2", "0", "0", "0"]
    errors = tables.tables["loi"]
    assert errors[1][0] == "Bước 2 – Nhập mã xác nhận (OTP)" and errors[1][2] == "2"
    assert PracticeErrorTally.objects.get().count == 2


@pytest.mark.parametrize("scope", ["province", "commune", "organiser", "class"])
def test_exports_match_the_screen(client, busy_class, province_manager, scope):
    commune = busy_class.commune
    url = {
        "province": f"/bao-cao/don-vi/{commune.province().pk}/",
        "commune": f"/bao-cao/don-vi/{commune.pk}/",
        "organiser": f"/bao-cao/to-chuc/{busy_class.organiser_id}/",
        "class": f"/lop/{busy_class.pk}/bao-cao/",
    }[scope]
    client.force_login(province_manager)
    tables = Tables()
    tables.feed(client.get(url).content.decode())
    workbook = load_workbook(io.BytesIO(client.get(url + "?xuat=xlsx").content))
    # The main figures, the funnel, the 5-minute figures and the skills checks (each also
    # by learner, for a class), the mistakes.
    assert len(workbook.worksheets) == len(tables.tables) == (7 if scope == "class" else 5)
    for sheet, (key, screen) in zip(workbook.worksheets, tables.tables.items(), strict=True):
        exported = client.get(url + f"?xuat=csv&bang={key}").content.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(exported)))
        screen = [row for row in screen if row != ["Chưa có số liệu."]]
        assert rows == screen, key
        xlsx = [[shown(cell) for cell in row] for row in sheet.iter_rows()]
        assert xlsx == screen, key


def shown(cell):
    """What Excel shows: one decimal where the sheet asks for it."""
    if isinstance(cell.value, str):
        return cell.value
    return display(float(cell.value) if cell.number_format == "0.0" else cell.value)


def test_a_commune_manager_cannot_open_the_province_report(client, busy_class, django_user_model):
    user = ManagerScopeFactory(user__username="xa", unit=busy_class.commune).user
    client.force_login(user)
    own = client.get(f"/bao-cao/don-vi/{busy_class.commune.pk}/")
    assert own.status_code == 200
    # Their own commune's report, its organiser's row linking to that organiser's report.
    assert busy_class.commune.name in own.content.decode()
    assert f"/bao-cao/to-chuc/{busy_class.organiser_id}/" in own.content.decode()
    province = client.get(f"/bao-cao/don-vi/{busy_class.commune.province().pk}/")
    assert province.status_code == 404
    assert busy_class.commune.name not in province.content.decode()


def test_the_report_shows_a_bar_per_row(client, busy_class, province_manager):
    client.force_login(province_manager)
    page = client.get(f"/bao-cao/don-vi/{busy_class.commune.pk}/").content.decode()
    assert re.search(r'class="report-chart"', page)
    assert 'style="width: 100%"' in page


@pytest.mark.parametrize("name", ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)"])
def test_a_class_name_that_looks_like_a_formula_stays_text(
    client, busy_class, province_manager, name
):
    busy_class.name = name
    busy_class.save()
    url = f"/bao-cao/to-chuc/{busy_class.organiser_id}/"
    client.force_login(province_manager)
    exported = client.get(url + "?xuat=csv&bang=chinh").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(exported)))
    assert rows[1][0] == "'" + name  # a spreadsheet shows the text and runs nothing
    workbook = load_workbook(io.BytesIO(client.get(url + "?xuat=xlsx").content))
    cell = workbook.worksheets[0]["A2"]
    assert cell.value == name and cell.data_type == "s"  # stored as text, not a formula
    raw = client.get(url + "?xuat=xlsx").content
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert not any(b"<f>" in sheet for sheet in sheets)


def test_an_organisers_report_shows_a_manager_only_classes_in_scope(
    client, busy_class, django_user_model, course
):
    """A youth union of commune 1 also runs a class in commune 2: commune 1's manager
    sees the union's report without that class or its figures."""
    from training.services import classes as services

    province = busy_class.commune.province()
    other_commune = AdministrativeUnit.objects.create(name="Xã Khác", level="xa", parent=province)
    elsewhere = services.class_open(
        trainer=busy_class.trainer,
        name="Lớp ở xã khác",
        organiser=busy_class.organiser,
        commune=other_commune,
        audience="cong_dan",
        course=course,
    )
    join(elsewhere, "Người Xã Khác")
    manager = ManagerScopeFactory(user__username="xa", unit=busy_class.commune).user
    client.force_login(manager)
    url = f"/bao-cao/to-chuc/{busy_class.organiser_id}/"
    page = client.get(url).content.decode()
    assert "Lớp ở xã khác" not in page
    tables = Tables()
    tables.feed(page)
    assert tables.tables["chinh"][-1][1] == "3"  # busy_class's three learners, not four
    exported = client.get(url + "?xuat=csv&bang=chinh").content.decode("utf-8-sig")
    assert "Lớp ở xã khác" not in exported
    # The province manager, whose scope holds both communes, sees both classes.
    boss = ManagerScopeFactory(
        user__username="tinh2", user__roles=[roles.PROVINCE_MANAGER], unit=province
    ).user
    client.force_login(boss)
    assert "Lớp ở xã khác" in client.get(url).content.decode()
