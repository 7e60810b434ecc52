"""Position level, title and functional grade from SIASN's position fields (main and rw_jabatan).

SIASN codes ``jenisJabatan`` 1 = struktural, 2 = fungsional tertentu, 4 = fungsional umum
(pelaksana); a structural position's level follows from its echelon."""

from __future__ import annotations

import re
from collections.abc import Sequence

from domain.bilingual import Message
from domain.personnel.facts import PositionSpell
from domain.values import FunctionalGrade, InvalidValue, PositionLevel
from services.importing.cells import Cells

_CODES = {"2": PositionLevel.FUNCTIONAL, "4": PositionLevel.EXECUTOR}
_STRUCTURAL = {"1", "struktural", "jabatanstruktural"}
# Echelon I (JPT madya in a ministry) never occurs in a regional agency but still parses.
_ECHELONS = {
    "1": PositionLevel.JPT_MADYA,
    "2": PositionLevel.JPT_PRATAMA,
    "3": PositionLevel.ADMINISTRATOR,
    "4": PositionLevel.SUPERVISOR,
    "5": PositionLevel.SUPERVISOR,
}
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5"}


def parse_level(kind: str, echelon: str) -> PositionLevel:
    key = re.sub(r"[^a-z0-9]", "", kind.lower())
    if key in _CODES:
        return _CODES[key]
    if key in _STRUCTURAL:
        return _level_of_echelon(echelon)
    return PositionLevel.parse(key.removeprefix("jabatan"))


def _level_of_echelon(echelon: str) -> PositionLevel:
    match = re.fullmatch(r"(iv|v|iii|ii|i|[1-5])[ab12]?", re.sub(r"[^a-z0-9]", "", echelon.lower()))
    if not match:
        raise InvalidValue(
            "jabatan struktural perlu eselon I-V",
            f"a structural position needs an echelon I-V, got {echelon!r}",
        )
    return _ECHELONS[_ROMAN.get(match.group(1), match.group(1))]


def position_spell(cells: Cells, title_columns: Sequence[str]) -> PositionSpell | None:
    """The spell described by ``jenisJabatan``, the first filled title column and ``tmtJabatan``;
    None (with errors recorded) when the row cannot describe one."""
    level = cells.parsed("jenisJabatan", lambda raw: parse_level(raw, cells.text("eselon")), True)
    title = next((cells.text(column) for column in title_columns if cells.has(column)), "")
    if not title:
        cells.fail(
            Message(id="nama jabatan wajib diisi", en="position title required"), title_columns[0]
        )
    start = cells.date("tmtJabatan", required=True)
    inauguration = cells.date("tmtPelantikan")
    grade = _functional_grade(cells, title) if level is PositionLevel.FUNCTIONAL else None
    if cells.failed or level is None or start is None:
        return None
    return PositionSpell(
        level=level,
        title=title,
        start=start,
        unit=cells.text("unorNama"),
        functional_grade=grade,
        inauguration=inauguration,
        decree_number=cells.text("nomorSk"),
    )


def _functional_grade(cells: Cells, title: str) -> FunctionalGrade | None:
    if cells.has("jabatanFungsionalNama"):
        return cells.parsed("jabatanFungsionalNama", FunctionalGrade.parse)
    try:
        return FunctionalGrade.parse(title)
    except InvalidValue:
        # Older exports name only the position; the grade then stays unknown, not wrong.
        return None
