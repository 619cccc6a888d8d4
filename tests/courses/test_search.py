"""Search cases from issue 2, item 6; CI runs them on SQLite and on PostgreSQL."""

import unicodedata

import pytest

from home.text import fold, normalize_input
from tests.factories import ProcedurePageFactory, SectorFactory

CATALOGUE_TITLES = [
    ("Đăng ký khai sinh", "ho-tich", "khai sinh cho con, giấy khai sinh"),
    (
        "Liên thông thủ tục đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế "
        "cho trẻ em dưới 6 tuổi",
        "ho-tich",
        "liên thông khai sinh",
    ),
    ("Đăng ký kết hôn", "ho-tich", "kết hôn, giấy chứng nhận kết hôn"),
    (
        "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
        "ly-lich-tu-phap",
        "lý lịch, phiếu lý lịch",
    ),
    ("Đăng ký thành lập hộ kinh doanh", "ho-kinh-doanh", "mở quán, kinh doanh"),
    ("Đăng ký biến động đất đai, tài sản gắn liền với đất", "dat-dai", "sang tên sổ đỏ"),
    ("Đăng ký thường trú", "cu-tru", "nhập hộ khẩu"),
]


@pytest.fixture
def procedures(catalogue):
    pages = {}
    for title, sector, keywords in CATALOGUE_TITLES:
        pages[title] = ProcedurePageFactory(
            parent=catalogue,
            title=title,
            sector=SectorFactory(slug=sector, name=sector.replace("-", " ").capitalize()),
            search_keywords=keywords,
            summary=f"Hướng dẫn {title.lower()}.",
        )
    return pages


def result_titles(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return [page.title for page in response.context["procedures"]]


def test_fold_handles_accents_case_and_d_bar():
    assert fold("ĐĂNG KÝ KẾT HÔN") == "dang ky ket hon"
    assert fold("Đăng ký  kết hôn!") == "dang ky ket hon"
    assert fold(unicodedata.normalize("NFD", "kết hôn")) == "ket hon"
    assert fold("Phường Đông Hòa, đặc khu") == "phuong dong hoa dac khu"


def test_input_is_normalised_to_nfc():
    decomposed = unicodedata.normalize("NFD", "  kết   hôn ")
    assert normalize_input(decomposed) == "kết hôn"
    assert unicodedata.is_normalized("NFC", normalize_input(decomposed))


@pytest.mark.parametrize(
    "query",
    ["dang ky ket hon", "ĐĂNG KÝ KẾT HÔN", "ket hon", unicodedata.normalize("NFD", "kết hôn")],
    ids=["no-accents", "capitals", "two-words", "nfd"],
)
def test_marriage_registration_is_listed_first(client, procedures, query):
    titles = result_titles(client, query)
    assert titles[0] == "Đăng ký kết hôn"


def test_ly_lich_finds_the_criminal_record_procedure(client, procedures):
    titles = result_titles(client, "ly lich")
    assert titles == ["Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam"]


def test_d_matches_d_bar_and_plain_d(client, procedures):
    # "dat dai" must find "Đất đai" although neither NFD nor FTS5 folds "đ".
    assert result_titles(client, "dat dai")[0].startswith("Đăng ký biến động đất đai")


def test_word_prefix_lets_people_search_while_typing(client, procedures):
    assert result_titles(client, "thuong tr")[0] == "Đăng ký thường trú"


def test_a_misspelt_word_still_finds_the_others(client, procedures):
    # All words must match first; failing that, any word may.
    assert "Đăng ký kết hôn" in result_titles(client, "ket honn hon")


def test_the_query_is_echoed_back_escaped(client, procedures):
    response = client.get("/search/", {"q": "<script>alert(1)</script>"})
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_nothing_found_says_what_to_try(client, procedures):
    response = client.get("/search/", {"q": "xyzzy"})
    assert response.context["procedures"] == []
    assert "Không tìm thấy" in response.content.decode()


def test_unpublished_procedures_are_not_found(client, procedures):
    page = procedures["Đăng ký kết hôn"]
    page.unpublish()
    assert "Đăng ký kết hôn" not in result_titles(client, "ket hon")
