"""An assessment sheet (a CSV of nip,performance,potential,assessed_on[,period] rows, header
optional, comma or semicolon), read the same way by the command line and the web page: each
row becomes one assessment command, whose evidence is the sheet itself (its name, SHA-256 and
line) beside what the caller adds."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from domain.rules.ninebox import Performance, Potential
from services.talent import mapping


def sheet_rows(text: str) -> list[tuple[int, list[str]]]:
    """The sheet's non-empty rows with their line numbers, a header row left out."""
    delimiter = "," if text.count(",") >= text.count(";") else ";"
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = []
    for index, cells in enumerate(reader, start=1):
        cells = [cell.strip() for cell in cells]
        if not any(cells) or (index == 1 and cells[0].lower() == "nip"):
            continue
        rows.append((index, cells))
    return rows


def row_command(
    agency: str,
    cells: list[str],
    period: str,
    shared: dict[str, dict[str, Any]],
    source: dict[str, str],
    line: int,
) -> mapping.AssessEmployee:
    if len(cells) not in (4, 5):
        raise ValueError(
            f"{len(cells)} kolom; harus nip,performance,potential,assessed_on[,period] / "
            f"{len(cells)} columns; expected nip,performance,potential,assessed_on[,period]"
        )
    nip, performance, potential, assessed_on = cells[:4]
    row_period = cells[4] if len(cells) == 5 and cells[4] else period
    if not row_period:
        raise ValueError("periode kosong; beri --period / no period; give --period")
    other = {**shared.get("other", {}), **source, "line": line}
    return mapping.AssessEmployee(
        agency=agency,
        nip=nip,
        period=row_period,
        assessed_on=date.fromisoformat(assessed_on),
        performance=Performance(performance),
        potential=Potential(potential),
        evidence={**shared, "other": other},
    )
