import pytest

from wagtail.test.utils import WagtailPageTestCase

from courses.models import CourseIndexPage, ProcedureIndexPage
from home.models import HomePage, StandardPage


class TestPageTree(WagtailPageTestCase):
    def test_home_page_children(self):
        self.assertAllowedSubpageTypes(
            HomePage, {ProcedureIndexPage, CourseIndexPage, StandardPage}
        )

    def test_standard_page_parents(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_fresh_database_serves_the_home_page(self):
        home = HomePage.objects.get(depth=2)
        self.assertPageIsRenderable(home)
        self.assertPageIsRoutable(home)


@pytest.mark.django_db
def test_home_page_is_vietnamese_even_for_an_english_browser(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Tìm kiếm" in html  # the search button
    assert response["Content-Language"] == "vi"


@pytest.mark.django_db
def test_english_is_available_through_the_language_form(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert ">Search<" in html


@pytest.mark.django_db
def test_unknown_address_gives_a_vietnamese_404(client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


@pytest.mark.django_db
def test_demo_accounts_can_log_in(client, settings):
    from courses.demo.accounts import demo_accounts_ensure

    rows = demo_accounts_ensure()
    assert [row[0] for row in rows] == [
        "quantri",
        "canbo",
        "taphuan",
        "hocvien",
        "quanlyxa",
        "quanlytinh",
    ]
    response = client.post(
        "/tai-khoan/dang-nhap/", {"username": "hocvien", "password": settings.DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert "Đăng xuất" in client.get("/").content.decode()


@pytest.mark.django_db
def test_wrong_password_explains_in_vietnamese(client):
    response = client.post("/tai-khoan/dang-nhap/", {"username": "x", "password": "y"})
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu chưa đúng" in response.content.decode()
