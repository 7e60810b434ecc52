"""One parser per history file: a row becomes one entry of a PersonnelFacts section."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from domain.bilingual import Message
from domain.personnel.facts import GradeSpell
from domain.values import (
    Appraisal,
    AppraisalRating,
    Grade,
    Investigation,
    Penalty,
    PenaltyLevel,
)
from services.importing.cells import Cells, reason
from services.importing.columns import SCORE_ELEMENTS, FileKind
from services.importing.positions import position_spell

# SIASN's ids for jenisTingkatHukumanId.
_PENALTY_CODES = {"r": "ringan", "s": "sedang", "b": "berat"}

M = TypeVar("M", bound=BaseModel)


def build(cells: Cells, model: type[M], **values: Any) -> M | None:
    """The model, or None with the row's errors recorded (also when a cell already failed)."""
    if cells.failed:
        return None
    try:
        return model(**values)
    except ValidationError as error:
        cells.fail(reason(error))
        return None


def grade(cells: Cells, grade_column: str, title_column: str) -> Grade | None:
    """The grade, checked against the rank title when the export gives one."""
    parsed = cells.parsed(grade_column, Grade, required=grade_column == "golongan")
    title = cells.text(title_column)
    if parsed is not None and title and _title_words(title) != _title_words(parsed.rank_title):
        cells.fail(
            Message(
                id=f"pangkat {title!r} tidak sesuai golongan {parsed} ({parsed.rank_title})",
                en="rank title does not match the grade",
            ),
            title_column,
        )
    return parsed


def _title_words(title: str) -> list[str]:
    """Rank-title words, with the abbreviations exports use ("Penata Tk. I", "Tkt.I") spelled
    out as "tingkat"."""
    return re.sub(r"\btkt?\b\.?", " tingkat ", title.lower()).split()


def _grade_spell(cells: Cells) -> GradeSpell | None:
    spell_grade = grade(cells, "golongan", "pangkat")
    start = cells.date("tmtGolongan", required=True)
    cells.date("skTanggal")
    return build(
        cells, GradeSpell, grade=spell_grade, start=start, decree_number=cells.text("skNomor")
    )


def _position(cells: Cells) -> Any:
    spell = position_spell(
        cells, ("namaJabatan", "jabatanFungsionalNama", "jabatanFungsionalUmumNama")
    )
    cells.date("tanggalSk")
    return None if cells.failed else spell


def _penalty(cells: Cells) -> Penalty | None:
    level = cells.parsed(
        "jenisTingkatHukumanId",
        lambda raw: PenaltyLevel.parse(_PENALTY_CODES.get(raw.strip().lower(), raw)),
        required=True,
    )
    start = cells.date("hukumanTanggal", required=True)
    end = cells.date("akhirHukumTanggal")
    years = cells.integer("masaTahun") or 0
    months = cells.integer("masaBulan") or 0
    if end is None and start is not None and level is not None:
        if years or months:
            end = _add_months(start, 12 * years + months) - timedelta(days=1)
        elif level is PenaltyLevel.LIGHT:
            # A reprimand or written statement is given once and has no length.
            end = start
        else:
            cells.fail(
                Message(
                    id="akhirHukumTanggal atau masaTahun/masaBulan wajib untuk hukuman "
                    "sedang/berat",
                    en="a moderate or severe penalty needs its end date or length",
                )
            )
    return build(
        cells,
        Penalty,
        level=level,
        start=start,
        end=end,
        kind=cells.text("jenisHukumanNama"),
        decree_number=cells.text("skNomor"),
        decree_date=cells.date("skTanggal"),
        annulment_decree=cells.text("skPembatalanNomor"),
    )


def _appraisal(cells: Cells) -> Appraisal | None:
    year = cells.integer("tahun", required=True)
    rating = cells.parsed("kuadranKinerja", AppraisalRating.parse, required=True)
    return build(cells, Appraisal, year=year, rating=rating)


def _scored_appraisal(cells: Cells) -> Appraisal | None:
    year = cells.integer("tahun", required=True)
    score = cells.decimal("nilaiPrestasiKerja", required=True)
    elements = [cells.decimal(column) for column in SCORE_ELEMENTS]
    scored = [value for value in elements if value is not None]
    return build(
        cells,
        Appraisal,
        year=year,
        rating=AppraisalRating.from_score(score) if score is not None else None,
        lowest_element_score=min(scored) if scored else None,
    )


def _investigation(cells: Cells) -> Investigation | None:
    return build(
        cells,
        Investigation,
        opened=cells.date("tanggalMulaiPemeriksaan", required=True),
        closed=cells.date("tanggalSelesaiPemeriksaan"),
        reference=cells.text("nomorSuratPemeriksaan"),
    )


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class History:
    section: str  # the PersonnelFacts field the entries go to
    parse: Callable[[Cells], Any]
    # Entries with the same key contradict each other (two grades from one day); None: no such key.
    key: Callable[[Any], Hashable] | None


HISTORIES: dict[FileKind, History] = {
    FileKind.POSITIONS: History("positions", _position, lambda spell: spell.start),
    FileKind.GRADES: History("grades", _grade_spell, lambda spell: spell.start),
    FileKind.PENALTIES: History("penalties", _penalty, None),
    FileKind.PERFORMANCE: History("appraisals", _appraisal, lambda appraisal: appraisal.year),
    FileKind.PERFORMANCE_SCORES: History(
        "appraisals", _scored_appraisal, lambda appraisal: appraisal.year
    ),
    FileKind.INVESTIGATIONS: History("investigations", _investigation, None),
}
