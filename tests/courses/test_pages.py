import pytest

from wagtail.test.utils import WagtailPageTestCase

from courses.models import CourseIndexPage, CoursePage, ProcedureIndexPage, ProcedurePage
from home.models import HomePage
from tests.factories import (
    LifeEventFactory,
    ProcedurePageFactory,
    SectorFactory,
    channel,
    step,
)


class TestCataloguePageTree(WagtailPageTestCase):
    def test_catalogue_holds_only_procedures(self):
        self.assertAllowedSubpageTypes(ProcedureIndexPage, {ProcedurePage})
        self.assertAllowedParentPageTypes(ProcedureIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProcedurePage, {})

    def test_course_list_holds_only_courses(self):
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        self.assertAllowedSubpageTypes(CoursePage, {})


@pytest.fixture
def criminal_record(catalogue):
    return ProcedurePageFactory(
        parent=catalogue,
        title="Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
        slug="cap-phieu-ly-lich-tu-phap",
        code="",
        agency_level="tinh",
        implementing_agency="Công an cấp tỉnh",
        sector=SectorFactory(slug="ly-lich-tu-phap", name="Lý lịch tư pháp"),
        channels=[
            channel(
                "truc_tuyen", "10", fee=200000, fee_note="Thêm 5.000 đồng/phiếu từ phiếu thứ 3"
            ),
            channel("buu_chinh", "10", fee=200000),
        ],
        steps=[
            step("Đăng nhập bằng tài khoản VNeID", tips=["Dùng tài khoản mức 2."]),
            step("Chọn loại phiếu", mistakes=["Chọn nhầm phiếu số 2 khi làm hộ."]),
        ],
    )


@pytest.mark.django_db
def test_procedure_page_shows_the_facts_a_citizen_needs(client, criminal_record):
    response = client.get("/thu-tuc/cap-phieu-ly-lich-tu-phap/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam" in html
    assert "Công an cấp tỉnh" in html
    assert "200.000 đồng" in html  # Vietnamese thousands separator
    assert "10 ngày làm việc" in html
    assert "Qua dịch vụ bưu chính công ích" in html
    assert "Bước 1" in html and "Bước 2" in html
    assert "Dùng tài khoản mức 2." in html
    assert "Chọn nhầm phiếu số 2 khi làm hộ." in html


@pytest.mark.django_db
def test_fee_and_time_limit_are_what_the_editor_wrote(client, criminal_record):
    # Fees change by decree: an editor's change must show without touching code.
    criminal_record.channels = [channel("truc_tuyen", "7", fee=150000)]
    criminal_record.save_revision().publish()
    html = client.get("/thu-tuc/cap-phieu-ly-lich-tu-phap/").content.decode()
    assert "150.000 đồng" in html and "7 ngày làm việc" in html
    assert "200.000 đồng" not in html


@pytest.mark.django_db
def test_free_procedure_says_free(client, catalogue):
    ProcedurePageFactory(parent=catalogue, slug="dang-ky-khai-sinh", channels=[channel(fee=0)])
    assert "Miễn phí" in client.get("/thu-tuc/dang-ky-khai-sinh/").content.decode()


@pytest.mark.django_db
def test_catalogue_filters_by_life_event_sector_and_level(client, catalogue):
    co_con = LifeEventFactory(slug="co-con", name="Có con")
    ket_hon = LifeEventFactory(slug="ket-hon", name="Kết hôn")
    ho_tich = SectorFactory(slug="ho-tich", name="Hộ tịch")
    dat_dai = SectorFactory(slug="dat-dai", name="Đất đai")
    ProcedurePageFactory(
        parent=catalogue, title="Đăng ký khai sinh", sector=ho_tich, life_events=[co_con]
    )
    ProcedurePageFactory(
        parent=catalogue, title="Đăng ký kết hôn", sector=ho_tich, life_events=[ket_hon]
    )
    ProcedurePageFactory(
        parent=catalogue, title="Đăng ký biến động đất đai", sector=dat_dai, agency_level="tinh"
    )

    def titles(**params):
        response = client.get("/thu-tuc/", params)
        assert response.status_code == 200
        return sorted(page.title for page in response.context["procedures"])

    assert len(titles()) == 3
    assert titles(su_kien="co-con") == ["Đăng ký khai sinh"]
    assert titles(linh_vuc="ho-tich") == ["Đăng ký khai sinh", "Đăng ký kết hôn"]
    assert titles(cap="tinh") == ["Đăng ký biến động đất đai"]
    assert titles(cap="huyen") == []
    # An unknown filter value is ignored rather than breaking the page.
    assert len(titles(su_kien="khong-ton-tai")) == 3


@pytest.mark.django_db
def test_catalogue_works_as_a_plain_form(client, catalogue):
    html = client.get("/thu-tuc/").content.decode()
    assert '<form method="get"' in html
    assert 'name="su_kien"' in html and 'name="linh_vuc"' in html and 'name="cap"' in html
    assert "<script" not in html


@pytest.mark.django_db
def test_editor_can_open_a_procedure_and_the_catalogue_snippets_in_the_admin(
    client, criminal_record, django_user_model
):
    editor = django_user_model.objects.create_superuser("bientap", password="x")
    client.force_login(editor)
    edit = client.get(f"/admin/pages/{criminal_record.pk}/edit/")
    assert edit.status_code == 200
    # The editor gets the page's own fields filled in, not an empty or error screen.
    form = edit.context["form"]
    assert form.initial["title"] == criminal_record.title
    assert {"code", "steps", "documents", "channels"} <= set(form.fields)
    listing = client.get(f"/admin/pages/{criminal_record.get_parent().pk}/")
    assert criminal_record.title in listing.content.decode()
    for url, model in (
        ("/admin/snippets/courses/sector/", criminal_record.sector),
        ("/admin/snippets/courses/lifeevent/", LifeEventFactory(name="Kết hôn", slug="ket-hon")),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert model.name in response.content.decode()
