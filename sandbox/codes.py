"""Dossier codes in the real format, on a reserved fake agency code.

Real codes are ``{agency electronic id}-{yyMMdd}-{NNNN}`` with a counter per agency per
day (for example 000.00.06.H56-231027-0361, H56 being Thanh Hóa). Province codes run
to H6x, so H99 can never collide with a real dossier.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime

PRACTICE_AGENCY_CODE = "000.00.00.H99"
CODE_PATTERN = re.compile(r"^000\.00\.00\.H99-\d{6}-\d{4}$")


def dossier_code(day: datetime.date, sequence: int) -> str:
    return f"{PRACTICE_AGENCY_CODE}-{day:%y%m%d}-{sequence:04d}"
