"""Checks of what learners type, returning error codes from sandbox.errors."""

from __future__ import annotations

import datetime
import re
import unicodedata

from home.text import fold

from .models.accounts import PRACTICE_CCCD_PREFIX

PHONE = re.compile(r"^0\d{9}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def clean_text(value: str | None) -> str:
    """NFC and single spaces: some phone keyboards send decomposed (NFD) Vietnamese."""
    return " ".join(unicodedata.normalize("NFC", value or "").split())


# The longest text each box keeps, in characters of the stored (NFC, clean_text) value,
# so a limit means the same on SQLite, which ignores varchar lengths, and on PostgreSQL,
# which refuses longer values. Each is at most the column it ends up in.
NAME_MAX = 100  # PracticeIdentity.full_name
EMAIL_MAX = 254  # PracticeAccount.email
PASSWORD_MAX = 128  # hashed, never stored as typed; long enough for any pass phrase
ADDRESS_MAX = 250  # PracticeDossier.delivery_address
SHORT_TEXT_MAX = 200  # one-line boxes, such as a document's name typed on the desk
NOTE_MAX = 1000  # notes, reasons and comments kept in TextFields
SUMMARY_MAX = 250  # PracticeDossier.result_summary
CODE_MAX = 40  # PracticeDossier.code
SEARCH_MAX = 200


def clean_limited(value: str | None, limit: int) -> tuple[str, int]:
    """``(text, length)``: the text as stored (clean_text) and its length when that is
    over ``limit``, else 0. Counted after NFC, so a name typed on a keyboard that sends
    decomposed letters (NFD, one character per accent) fits the same limit."""
    text = clean_text(value)
    return text, (len(text) if len(text) > limit else 0)


def id_number(value: str | None) -> str:
    """An ID number as typed, without the spaces people put between its groups."""
    return "".join((value or "").split())


def id_number_problem(value: str | None) -> str | None:
    """Why an ID number (số CCCD, số định danh cá nhân) cannot be accepted, as an error
    code, or None. Only practice numbers pass: 12 digits starting with 099, a prefix no
    province has, so a real person's number never reaches a row or its history."""
    number = id_number(value)
    if not (number.isdigit() and number.isascii() and len(number) == 12):
        return "cccd_format"
    if not number.startswith(PRACTICE_CCCD_PREFIX):
        return "cccd_not_practice"
    return None


REAL_LOOKING_ID = re.compile(r"(?<!\d)\d{12}(?!\d)")


def has_real_looking_id(text: str | None) -> bool:
    """Whether free text holds a 12-digit run that is not a practice number: an ID
    number typed into a box that is not an ID box (a wrongly built e-form field)."""
    return any(
        not match.startswith(PRACTICE_CCCD_PREFIX) for match in REAL_LOOKING_ID.findall(text or "")
    )


def parse_vn_date(text: str) -> datetime.date:
    """'05/03/1968' -> date. Raises ValueError('date_no_slash' | 'date_invalid')."""
    text = clean_text(text)
    match = DATE.match(text)
    if not match:
        raise ValueError("date_no_slash" if text.isdigit() or "/" not in text else "date_invalid")
    day, month, year = (int(part) for part in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise ValueError("date_invalid") from None


def has_diacritics(text: str) -> bool:
    return fold(text) != " ".join(re.findall(r"[^\W_]+", text.lower()))


def names_match(typed: str | None, expected: str | None) -> bool:
    return clean_text(typed).casefold() == clean_text(expected).casefold()


def password_problems(password: str) -> list[str]:
    """The password rules of the portal, as error codes, in the order people fix them."""
    problems = []
    if len(password) < 8:
        problems.append("password_short")
    if not re.search(r"[A-Z]", password):
        problems.append("password_no_upper")
    if not re.search(r"[a-z]", password):
        problems.append("password_no_lower")
    if not re.search(r"\d", password):
        problems.append("password_no_digit")
    if not re.search(r"[^A-Za-z0-9]", password):
        problems.append("password_no_symbol")
    return problems
