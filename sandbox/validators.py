"""Checks of what learners type, returning error codes from sandbox.errors."""

import datetime
import re
import unicodedata

from courses.search import fold

PHONE = re.compile(r"^0\d{9}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def clean_text(value):
    """NFC and single spaces: some phone keyboards send decomposed (NFD) Vietnamese."""
    return " ".join(unicodedata.normalize("NFC", value or "").split())


def parse_vn_date(text):
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


def has_diacritics(text):
    return fold(text) != " ".join(re.findall(r"[^\W_]+", text.lower()))


def names_match(typed, expected):
    return clean_text(typed).casefold() == clean_text(expected).casefold()


def password_problems(password):
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
