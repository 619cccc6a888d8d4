"""A report's tables and their exports: the screen, the CSV and the XLSX are all drawn
from the same ``Table``, so an export always carries exactly the figures on the screen."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from home.text import vn_number


@dataclass
class Table:
    key: str
    title: str
    columns: list  # [(key, label)]
    rows: list = field(default_factory=list)  # [{key: value}]
    total: dict | None = None
    chart: str = ""  # the column drawn as bars on screen

    def cell_rows(self) -> list[list[str]]:
        """Rows as displayed strings, total last: what the screen, CSV and XLSX show."""
        rows = [*self.rows, *([self.total] if self.total else [])]
        return [[display(row.get(key)) for key, _label in self.columns] for row in rows]

    def numeric_rows(self) -> list[list[Any]]:
        rows = [*self.rows, *([self.total] if self.total else [])]
        return [[row.get(key) for key, _label in self.columns] for row in rows]


def rows_like(
    main_rows: Iterable[dict[str, Any]], figures: dict[Any, dict[str, Any]], empty: dict[str, Any]
) -> list[dict[str, Any]]:
    """A second table's rows, one per row of the report's main table (same name, link
    and order), with that row's figures or ``empty``."""
    return [
        {"name": row["name"], "link": row.get("link"), **figures.get(row["key"], empty)}
        for row in main_rows
    ]


# What every report function returns: {"title": str, "tables": [Table, …]}.
Report = dict[str, Any]


def display(value: object) -> str:
    """Vietnamese number style: 12.345 and 45,2."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return vn_number(value, 1)
    if isinstance(value, int):
        return vn_number(value)
    return str(value)


# ---- exports -----------------------------------------------------------------------------

# Text a spreadsheet would read as a formula (=HYPERLINK(…) typed as a class name, say).
# In CSV it gets a leading apostrophe, as OWASP advises; in XLSX the cell is stored as
# text, so it shows exactly what the screen shows and runs nothing.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def export_text(value: object) -> object:
    return "'" + value if _formula_like(value) else value


def table_csv(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([export_text(label) for _key, label in table.columns])
    writer.writerows(
        [
            # A negative number ("-5,0", a gain) is a figure, not a formula: only text
            # gets the apostrophe.
            [
                cell if isinstance(value, int | float) else export_text(cell)
                for cell, value in zip(shown, values, strict=True)
            ]
            for shown, values in zip(table.cell_rows(), table.numeric_rows(), strict=True)
        ]
    )
    return "\ufeff" + buffer.getvalue()  # the BOM makes Excel read Vietnamese as UTF-8


# Excel refuses these in a sheet's name, and names longer than 31 characters.
SHEET_NAME_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def sheet_title(title: str, taken: Iterable[str]) -> str:
    """The table's title as a sheet name Excel accepts, unique in the workbook."""
    base = " ".join(title.translate(SHEET_NAME_FORBIDDEN).split())[:31] or "Bang"
    name, number, taken = base, 1, set(taken)
    while name in taken:
        number += 1
        name = f"{base[: 31 - len(str(number)) - 1]} {number}"
    return name


def tables_xlsx(tables: Iterable[Table]) -> bytes:
    """One sheet per table, numbers as numbers (with the screen's rounding)."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        sheet = workbook.create_sheet(title=sheet_title(table.title, workbook.sheetnames))
        sheet.append([label for _key, label in table.columns])
        for row in table.numeric_rows():
            sheet.append(["–" if value is None else value for value in row])
        for cells in sheet.iter_rows():
            for cell in cells:
                if _formula_like(cell.value):
                    cell.data_type = "s"  # text, never a formula
                elif isinstance(cell.value, float):
                    cell.number_format = "0.0"  # 0.0 stays 0.0, as on screen
        for column, (_key, label) in zip(sheet.columns, table.columns, strict=False):
            sheet.column_dimensions[column[0].column_letter].width = max(
                12, min(45, len(label) + 2)
            )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
