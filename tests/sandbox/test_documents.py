"""The practice PDFs: every page says it is a practice copy, Vietnamese text survives intact,
amounts and dates read the Vietnamese way, and the files stay small enough to send by Zalo."""

import datetime
import io
import shutil
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader

from sandbox.documents import apology_slip_pdf, intake_slip_pdf, receipt_pdf, result_document_pdf

# Spelled out here rather than imported, so a change to what learners see fails a test.
WATERMARK = "BẢN LUYỆN TẬP – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ"
FOOTER = "Tạo bởi môi trường thực hành Công dân số – không phải giấy tờ thật"
CODE = "000.00.06.H99-260305-0001"
NAME = "Nguyễn Văn Ánh"
PROCEDURE = "Đăng ký khai sinh"
AGENCY = "UBND Phường Đông Hòa"
BIRTHPLACE = (
    "Bệnh viện Đa khoa tỉnh Bình Dương, số 5 đường Phạm Ngọc Thạch, phường Hiệp Thành, "
    "thành phố Thủ Dầu Một, tỉnh Bình Dương"
)
DOCUMENTS = ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh (bản chính)"]


def same(text):
    return text


def nfd(text):
    return unicodedata.normalize("NFD", text)


def make_result(t=same, fields=None):
    return result_document_pdf(
        document_title=t("GIẤY KHAI SINH (BẢN LUYỆN TẬP)"),
        dossier_code=CODE,
        procedure_title=t(PROCEDURE),
        agency_name=t(AGENCY),
        issued_on=datetime.date(2026, 3, 5),
        fields=fields
        or [(t("Họ, chữ đệm, tên"), t(NAME)), (t("Nơi sinh"), t(BIRTHPLACE)), ("Giới tính", "Nam")],
    )


def make_receipt(t=same):
    return receipt_pdf(
        receipt_number="BL-260305-0001",
        dossier_code=CODE,
        payer_name=t(NAME),
        procedure_title=t(PROCEDURE),
        amount=200_000,
        transfer_fee=5_500,
        provider_name=t("Ngân hàng A"),
        # 07:30 UTC is 14:30 in Vietnam, which is what the receipt must show.
        paid_at=datetime.datetime(2026, 3, 5, 7, 30, tzinfo=datetime.UTC),
    )


def make_intake(t=same, documents=DOCUMENTS):
    return intake_slip_pdf(
        dossier_code=CODE,
        applicant_name=t(NAME),
        procedure_title=t(PROCEDURE),
        agency_name=t(AGENCY),
        received_at=datetime.datetime(2026, 3, 5, 9, 15),
        due_at=datetime.date(2026, 3, 6),
        documents=[t(name) for name in documents],
        delivery_method=t("Nhận kết quả qua dịch vụ bưu chính công ích"),
    )


def make_apology(t=same):
    return apology_slip_pdf(
        dossier_code=CODE,
        applicant_name=t(NAME),
        procedure_title=t(PROCEDURE),
        agency_name=t(AGENCY),
        original_due=datetime.date(2026, 3, 6),
        new_due=datetime.date(2026, 3, 10),
        reason=t("Cần xác minh thêm thông tin nơi sinh"),
    )


MAKERS = [make_result, make_receipt, make_intake, make_apology]


def pages_text(pdf):
    # pypdf returns the text as drawn: NFC (each precomposed glyph maps back to one code point
    # through the font's ToUnicode table), but with line breaks where paragraphs wrap.
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text):
    # Only whitespace is normalised, never Unicode, so the NFC checks below stay meaningful.
    return " ".join(text.split())


@pytest.mark.parametrize("make", MAKERS)
def test_document_is_a_small_pdf(make):
    pdf = make()

    assert pdf.startswith(b"%PDF-")
    assert len(pdf) < 60_000


@pytest.mark.parametrize("make", MAKERS)
def test_every_page_says_it_is_a_practice_copy(make):
    for text in pages_text(make()):
        assert WATERMARK in flat(text)
        assert FOOTER in flat(text)


def test_watermark_and_footer_repeat_on_later_pages():
    pdf = make_intake(documents=[f"Giấy tờ kèm theo số {n}" for n in range(1, 61)])
    texts = pages_text(pdf)

    assert len(texts) >= 2
    assert all(WATERMARK in flat(text) and FOOTER in flat(text) for text in texts)
    assert "Trang 2" in texts[1]
    assert "60. Giấy tờ kèm theo số 60" in flat("".join(texts))


@pytest.mark.parametrize("make", MAKERS)
def test_documents_are_text_without_emblem_or_images(make):
    for page in PdfReader(io.BytesIO(make())).pages:
        assert list(page.images) == []


@pytest.mark.parametrize("make", MAKERS)
def test_dossier_code_is_printed(make):
    assert CODE in flat(pages_text(make())[0])


def test_result_keeps_vietnamese_text_intact():
    text = pages_text(make_result())[0]

    assert unicodedata.is_normalized("NFC", text)
    for expected in [
        NAME,
        PROCEDURE,
        "Phường Đông Hòa",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "GIẤY KHAI SINH (BẢN LUYỆN TẬP)",
        f"Số: {CODE}",
        "Phường Đông Hòa, ngày 05 tháng 03 năm 2026",
        "CHỦ TỊCH (giả lập)",
        "Đã ký (giả lập)",
    ]:
        assert expected in flat(text)


def test_result_wraps_long_values_inside_the_page():
    text = pages_text(make_result())[0]

    assert BIRTHPLACE in flat(text)
    assert BIRTHPLACE not in text  # it was broken over several lines, not run off the page


def test_result_prints_markup_characters_literally():
    pdf = make_result(fields=[("Địa chỉ", "Tổ <3> & ngõ 7")])

    assert "Tổ <3> & ngõ 7" in pages_text(pdf)[0]


def test_receipt_shows_fee_transfer_fee_and_total_in_vietnamese_format():
    text = flat(pages_text(make_receipt())[0])

    assert "Phí, lệ phí 200.000 đồng" in text
    assert "Phí chuyển khoản 5.500 đồng" in text
    assert "Tổng số tiền đã trả 205.500 đồng" in text
    assert "14 giờ 30 phút, ngày 05/03/2026" in text


def test_intake_slip_lists_documents_and_dates():
    text = flat(pages_text(make_intake())[0])

    assert "PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert "1. Tờ khai đăng ký khai sinh" in text
    assert "2. Giấy chứng sinh (bản chính)" in text
    assert "09 giờ 15 phút, ngày 05/03/2026" in text
    assert "Hẹn trả kết quả Ngày 06/03/2026" in text
    assert "Nhận kết quả qua dịch vụ bưu chính công ích" in text


def test_apology_slip_gives_old_and_new_dates_and_reason():
    text = flat(pages_text(make_apology())[0])

    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text
    assert "đã hẹn là ngày 06/03/2026" in text
    assert "Lý do: Cần xác minh thêm thông tin nơi sinh." in text
    assert "hẹn trả kết quả vào ngày 10/03/2026" in text


@pytest.mark.parametrize("make", MAKERS)
def test_decomposed_input_comes_out_composed(make):
    text = pages_text(make(nfd))[0]

    assert unicodedata.is_normalized("NFC", text)
    assert NAME in text
    assert PROCEDURE in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler) not installed")
def test_first_page_renders_to_png(tmp_path):
    source = tmp_path / "result.pdf"
    source.write_bytes(make_result())

    subprocess.run(  # noqa: S603 - fixed arguments, the executable found on PATH above
        [shutil.which("pdftoppm"), "-png", "-r", "50", "-singlefile", source, tmp_path / "page"],
        check=True,
        timeout=60,
    )

    assert (tmp_path / "page.png").read_bytes().startswith(b"\x89PNG")
