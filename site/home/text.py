"""Text as Vietnamese users type and read it, shared by every app.

People type without accents ("dang ky ket hon"), in capitals, or from keyboards that send
decomposed (NFD) characters, and neither SQLite nor Python's NFD folds "đ" to "d": fold()
does. Numbers are written 12.345 and 45,2, whatever the page's language.
"""

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def normalize_input(text: str | None) -> str:
    """NFC, trimmed and with runs of white space collapsed: what a user meant to type."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def fold(text: str | None) -> str:
    """'ĐĂNG KÝ Kết hôn' -> 'dang ky ket hon' (accents, case and đ folded, words only)."""
    decomposed = unicodedata.normalize("NFD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("đ", "d").replace("Đ", "D").lower()
    return " ".join(_WORD.findall(stripped))


def vn_number(value: float, decimals: int = 0) -> str:
    """12345 -> '12.345'; 45.25 with one decimal -> '45,2' (dots group, a comma decimals)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def vn_money(amount: int) -> str:
    """200000 -> '200.000 đồng'."""
    return f"{vn_number(amount)} đồng"
