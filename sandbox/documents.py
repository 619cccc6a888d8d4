"""The PDFs the sandbox hands to learners: results, fee receipts, intake and apology slips.

Every page carries a diagonal watermark and a footer saying the paper is a practice copy,
and no emblem or logo is drawn, so a printout cannot pass for a real document. Functions take
plain data and return PDF bytes (callable from services, views and tasks alike); to add a
document, build flowables with the helpers and pass them to `_build`, which adds the frame.
"""

import datetime
import functools
import io
import math
import unicodedata
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from fontpkg_be_vietnam_pro import ROOT as FONT_ROOT
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table

from home.text import vn_money

WATERMARK = "BẢN LUYỆN TẬP – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ"
FOOTER = "Tạo bởi môi trường thực hành Công dân số – không phải giấy tờ thật"
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
SIGNED = "Đã ký (giả lập)"

# Documents show Vietnam's clock time; the project stores aware datetimes in UTC.
LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# Two faces only: the shipped fonts are hinted, so each embedded subset costs about 13 KB
# and SemiBold plus Italic would push a one-page slip past the 60 KB budget.
FONT = "BeVietnamPro"
BOLD = "BeVietnamPro-Bold"
GREY = colors.Color(0.3, 0.3, 0.3)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
HEADER_HEIGHT = 28 * mm  # room for the issuer and motto block on the first page
LABEL_WIDTH = 55 * mm
PAGE_LAYOUT = {
    "pagesize": A4,
    "leftMargin": MARGIN,
    "rightMargin": MARGIN,
    "topMargin": MARGIN + HEADER_HEIGHT,
    "bottomMargin": 22 * mm,
    "author": "Công dân số – môi trường thực hành",
}

BODY = ParagraphStyle("body", fontName=FONT, fontSize=11, leading=15, spaceAfter=4)
LABEL = ParagraphStyle("label", parent=BODY, textColor=GREY, spaceAfter=0)
VALUE = ParagraphStyle("value", parent=BODY, fontName=BOLD, spaceAfter=0)
HEADING = ParagraphStyle("heading", parent=BODY, fontName=BOLD, spaceBefore=8)
ITEM = ParagraphStyle("item", parent=BODY, leftIndent=16, firstLineIndent=-12, spaceAfter=1)
NOTE = ParagraphStyle("note", parent=BODY, fontSize=9.5, leading=13, textColor=GREY)
TITLE = ParagraphStyle(
    "title", parent=BODY, fontName=BOLD, fontSize=15, leading=20, alignment=TA_CENTER
)
SUBTITLE = ParagraphStyle("subtitle", parent=BODY, alignment=TA_CENTER, spaceAfter=12)
SIGN_TITLE = ParagraphStyle("sign_title", parent=BODY, fontName=BOLD, alignment=TA_CENTER)
SIGN_NOTE = ParagraphStyle("sign_note", parent=BODY, alignment=TA_CENTER, textColor=GREY)
SIGN_NAME = ParagraphStyle(  # room above the name for a hand signature
    "sign_name", parent=BODY, fontName=BOLD, alignment=TA_CENTER, spaceBefore=34
)
ROW_STYLE = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.Color(0.8, 0.8, 0.8)),
    ("TOPPADDING", (0, 0), (-1, -1), 4),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ("LEFTPADDING", (0, 0), (-1, -1), 2),
]


@functools.cache
def _register_fonts() -> None:
    # TrueType fonts are embedded as subsets by reportlab, which keeps each PDF small.
    for name, face in ((FONT, "Regular"), (BOLD, "Bold")):
        pdfmetrics.registerFont(TTFont(name, str(FONT_ROOT / "files" / f"BeVietnamPro-{face}.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


def _nfc(text: str) -> str:
    # Text typed on some phones or pasted from Word arrives decomposed (NFD); drawn as is,
    # the tone marks float beside their letters and copied text no longer matches searches.
    return unicodedata.normalize("NFC", text)


def _e(text: object) -> str:
    """Learner-supplied text made safe for Paragraph markup."""
    return escape(_nfc(str(text)))


def _p(text: str, style: ParagraphStyle = BODY, *, markup: bool = False) -> Paragraph:
    """A paragraph of plain text, or of `markup` whose inserted values went through `_e`."""
    _register_fonts()  # Paragraph resolves its fonts when created, not when drawn.
    return Paragraph(_nfc(text) if markup else _e(text), style)


def _date(day: datetime.date) -> str:
    return f"{day:%d/%m/%Y}"


def _long_date(day: datetime.date) -> str:
    return f"ngày {day:%d} tháng {day:%m} năm {day:%Y}"


def _datetime(moment: datetime.datetime) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone(LOCAL_TZ)
    return f"{moment:%H} giờ {moment:%M} phút, ngày {_date(moment)}"


def _place(agency_name: str) -> str:
    """'UBND Phường Đông Hòa' → 'Phường Đông Hòa': papers are dated from the locality."""
    name = _nfc(agency_name).strip()
    for prefix in ("Ủy ban nhân dân ", "Uỷ ban nhân dân ", "UBND "):
        if name.lower().startswith(prefix.lower()):
            return name[len(prefix) :]
    return name


def _rows(fields: list[tuple[str, str]]) -> Table:
    """Label/value rows; long values wrap inside their column instead of running off the page."""
    return Table(
        [[_p(label, LABEL), _p(value, VALUE)] for label, value in fields],
        colWidths=[LABEL_WIDTH, CONTENT_WIDTH - LABEL_WIDTH],
        hAlign="LEFT",
        style=ROW_STYLE,
    )


def _signatures(left: list[Paragraph], right: list[Paragraph]) -> KeepTogether:
    """Two signature columns, kept on one page (left is empty on most results)."""
    # The right column is wider so "Phường …, ngày dd tháng mm năm yyyy" fits on one line.
    widths = [CONTENT_WIDTH * 0.4, CONTENT_WIDTH * 0.6]
    table = Table([[left, right]], colWidths=widths, style=[("VALIGN", (0, 0), (-1, -1), "TOP")])
    return KeepTogether([Spacer(1, 10 * mm), table])


def _signed(title: str, *lines: Paragraph) -> list[Paragraph]:
    return [*lines, _p(title, SIGN_TITLE), _p(SIGNED, SIGN_NOTE)]


def _draw_frame(canvas, doc, *, issuer: str, reference: str) -> None:
    """Watermark and footer on every page, issuer and national motto on the first one."""
    canvas.saveState()
    # Drawn first, so the document's text sits on top and stays readable.
    diagonal = math.hypot(PAGE_WIDTH, PAGE_HEIGHT)
    size = 0.72 * diagonal / pdfmetrics.stringWidth(WATERMARK, BOLD, 1)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(math.degrees(math.atan2(PAGE_HEIGHT, PAGE_WIDTH)))
    canvas.setFillColor(colors.Color(0.78, 0.1, 0.1, alpha=0.16))
    canvas.setFont(BOLD, size)
    canvas.drawCentredString(0, -size / 3, WATERMARK)
    canvas.restoreState()

    canvas.saveState()
    canvas.setStrokeColor(colors.Color(0.6, 0.6, 0.6))
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, 16 * mm, PAGE_WIDTH - MARGIN, 16 * mm)
    canvas.setFillColor(GREY)
    canvas.setFont(FONT, 8.5)
    canvas.drawString(MARGIN, 11 * mm, FOOTER)
    canvas.drawRightString(PAGE_WIDTH - MARGIN, 11 * mm, f"Trang {doc.page}")

    if doc.page == 1:
        canvas.setFillColor(colors.black)
        canvas.setStrokeColor(colors.black)
        top = PAGE_HEIGHT - MARGIN
        # No emblem or logo, ever: the text header alone is what every real form has.
        left_width = 75 * mm
        left_centre = MARGIN + left_width / 2
        y = top
        for line in simpleSplit(_nfc(issuer.upper()), BOLD, 10, left_width):
            canvas.setFont(BOLD, 10)
            canvas.drawCentredString(left_centre, y, line)
            y -= 13
        canvas.line(left_centre - 12 * mm, y + 7, left_centre + 12 * mm, y + 7)
        canvas.setFont(FONT, 10)
        canvas.drawCentredString(left_centre, y - 8, reference)

        right_centre = MARGIN + left_width + (CONTENT_WIDTH - left_width) / 2
        canvas.setFont(BOLD, 10)
        canvas.drawCentredString(right_centre, top, NATION)
        canvas.setFont(BOLD, 11)
        canvas.drawCentredString(right_centre, top - 14, MOTTO)
        half = pdfmetrics.stringWidth(MOTTO, BOLD, 11) / 2
        canvas.line(right_centre - half, top - 17, right_centre + half, top - 17)
    canvas.restoreState()


def _build(title: str, subtitle: str, body: list, issuer: str, reference: str) -> bytes:
    """Lay out the title and `body` on A4 pages inside the shared practice frame; `issuer` and
    `reference` (the "Số: …" line) head the first page, as on every administrative form."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, **PAGE_LAYOUT, title=_nfc(title), subject=WATERMARK)
    frame = functools.partial(_draw_frame, issuer=_nfc(issuer), reference=_nfc(reference))
    story = [_p(title, TITLE), _p(subtitle, SUBTITLE), *body]
    doc.build(story, onFirstPage=frame, onLaterPages=frame)
    return buffer.getvalue()


def result_document_pdf(
    *,
    document_title: str,
    dossier_code: str,
    procedure_title: str,
    agency_name: str,
    issued_on: datetime.date,
    fields: list[tuple[str, str]],
    signer_title: str = "CHỦ TỊCH (giả lập)",
) -> bytes:
    """The result of a procedure (e.g. "GIẤY KHAI SINH (BẢN LUYỆN TẬP)"), numbered with the
    dossier code and dated from the agency's locality, with a simulated signature."""
    place_date = _p(f"{_place(agency_name)}, {_long_date(issued_on)}", SIGN_NOTE)
    body = [_rows(fields), _signatures([], _signed(signer_title, place_date))]
    subtitle = f"Kết quả thủ tục: {procedure_title}"
    return _build(document_title, subtitle, body, agency_name, f"Số: {dossier_code}")


def receipt_pdf(
    *,
    receipt_number: str,
    dossier_code: str,
    payer_name: str,
    procedure_title: str,
    amount: int,
    transfer_fee: int,
    provider_name: str,
    paid_at: datetime.datetime,
) -> bytes:
    """Biên lai thu phí, lệ phí. The transfer fee is listed apart from the fee itself, since
    learners often mistake it for part of what the agency charges."""
    rows = [
        ("Số biên lai", receipt_number),
        ("Mã hồ sơ", dossier_code),
        ("Người nộp tiền", payer_name),
        ("Nội dung thu", f"Phí, lệ phí thủ tục {procedure_title}"),
        ("Phí, lệ phí", vn_money(amount)),
        ("Phí chuyển khoản", vn_money(transfer_fee)),
        ("Tổng số tiền đã trả", vn_money(amount + transfer_fee)),
        ("Thanh toán qua", provider_name),
        ("Thời gian thanh toán", _datetime(paid_at)),
    ]
    note = "Phí chuyển khoản do trung gian thanh toán thu, không phải phí, lệ phí của thủ tục."
    body = [_rows(rows), Spacer(1, 3 * mm), _p(note, NOTE), _signatures([], _signed("ĐƠN VỊ THU"))]
    title, subtitle = "BIÊN LAI THU PHÍ, LỆ PHÍ", "(Bản luyện tập – biên lai điện tử giả lập)"
    return _build(title, subtitle, body, "Cổng thanh toán (giả lập)", f"Số: {receipt_number}")


def intake_slip_pdf(
    *,
    dossier_code: str,
    applicant_name: str,
    procedure_title: str,
    agency_name: str,
    received_at: datetime.datetime,
    due_at: datetime.date,
    documents: list[str],
    delivery_method: str,
) -> bytes:
    """Phiếu tiếp nhận hồ sơ và hẹn trả kết quả: what was handed in and when to come back."""
    rows = [
        ("Mã hồ sơ", dossier_code),
        ("Người nộp hồ sơ", applicant_name),
        ("Nội dung yêu cầu giải quyết", procedure_title),
        ("Cơ quan tiếp nhận", agency_name),
        ("Thời gian nhận hồ sơ", _datetime(received_at)),
        ("Hẹn trả kết quả", f"Ngày {_date(due_at)}"),
        ("Hình thức nhận kết quả", delivery_method),
    ]
    items = [_p(f"{number}. {name}", ITEM) for number, name in enumerate(documents, start=1)]
    applicant = [_p("NGƯỜI NỘP HỒ SƠ", SIGN_TITLE), _p(applicant_name, SIGN_NAME)]
    body = [
        _rows(rows),
        _p("Thành phần hồ sơ đã nộp:", HEADING),
        *(items or [_p("Không có giấy tờ kèm theo.", ITEM)]),
        Spacer(1, 3 * mm),
        _p("Tra cứu tiến độ giải quyết bằng mã hồ sơ ghi trên phiếu này.", NOTE),
        _signatures(applicant, _signed("NGƯỜI TIẾP NHẬN HỒ SƠ")),
    ]
    title = "PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
    return _build(title, "(Bản luyện tập)", body, agency_name, f"Mã hồ sơ: {dossier_code}")


def apology_slip_pdf(
    *,
    dossier_code: str,
    applicant_name: str,
    procedure_title: str,
    agency_name: str,
    original_due: datetime.date,
    new_due: datetime.date,
    reason: str,
) -> bytes:
    """Phiếu xin lỗi và hẹn lại ngày trả kết quả, sent when a dossier runs past its due date."""
    agency = _e(agency_name)
    paragraphs = [
        f"Kính gửi: Ông/Bà <b>{_e(applicant_name)}</b>",
        f"{agency} đã tiếp nhận hồ sơ của Ông/Bà, mã hồ sơ <b>{_e(dossier_code)}</b>, "
        f"về thủ tục {_e(procedure_title)}. Thời hạn trả kết quả đã hẹn là ngày "
        f"{_date(original_due)}.",
        f"Tuy nhiên, đến nay {agency} chưa trả được kết quả giải quyết hồ sơ. "
        f"Lý do: {_e(reason.strip().rstrip('.'))}.",
        f"Sự chậm trễ này đã gây phiền hà cho Ông/Bà. {agency} xin lỗi Ông/Bà và hẹn trả "
        f"kết quả vào <b>ngày {_date(new_due)}</b>.",
        "Kính mong Ông/Bà thông cảm.",
    ]
    body = [
        *(_p(text, markup=True) for text in paragraphs),
        _signatures([], _signed("THỦ TRƯỞNG CƠ QUAN (giả lập)")),
    ]
    title = "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"
    return _build(title, "(Bản luyện tập)", body, agency_name, f"Mã hồ sơ: {dossier_code}")
