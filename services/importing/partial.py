"""Partial imports: an export replaces only the sections it carries.

A caseworker may re-import only the main file, or the main file with some histories. A section
whose file (or, for the main file, whose columns) was not given is not "empty": for an employee
already stored, it keeps its stored value. Without this, a main-file-only import would wipe every
penalty, appraisal and investigation on record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from domain.bilingual import Bilingual, Message
from domain.personnel.facts import PersonnelFacts
from services.importing.cells import reason
from services.importing.columns import FileKind

# Main-file sections that depend on optional columns, and the columns that carry them.
_MAIN_COLUMNS: dict[str, frozenset[str]] = {
    "unit": frozenset({"unorIndukNama", "unorNama", "satuanKerjaKerjaNama"}),
    "education": frozenset({"tkPendidikanTerakhir"}),
    "health_certificate": frozenset(
        {"tglSuratKeteranganDokter", "noSuratKeteranganDokter", "dokterPemerintah"}
    ),
    "integrity_statement": frozenset(
        {"tglPaktaIntegritas", "paktaIntegritasDiketahuiAtasan", "paktaIntegritasMeterai"}
    ),
}
# History sections whose file was not given still take the main row's current grade/position.
_CURRENT: dict[str, tuple[FileKind, str]] = {
    "grades": (FileKind.GRADES, "golRuangAkhir"),
    "positions": (FileKind.POSITIONS, "jenisJabatan"),
}
_HISTORY_FILES: dict[str, FileKind] = {
    "penalties": FileKind.PENALTIES,
    "investigations": FileKind.INVESTIGATIONS,
}
# rw_skp22 holds the appraisals from 2022 on, rw_skp those before.
_SKP22_FROM = 2022
_STARTS: dict[str, Callable[[Any], Any]] = {
    "grades": lambda spell: spell.start,
    "positions": lambda spell: spell.start,
}


@dataclass(frozen=True)
class Sources:
    """What one import carries: the files given and the main file's columns."""

    files: frozenset[FileKind]
    main_columns: frozenset[str]

    def replaces(self, section: str) -> bool:
        """Whether this import gives the whole ``section`` (else stored values are kept)."""
        if section in _MAIN_COLUMNS:
            return bool(_MAIN_COLUMNS[section] & self.main_columns)
        if section in _CURRENT:
            return _CURRENT[section][0] in self.files
        if section in _HISTORY_FILES:
            return _HISTORY_FILES[section] in self.files
        if section == "appraisals":
            return {FileKind.PERFORMANCE, FileKind.PERFORMANCE_SCORES} <= self.files
        return True  # name, status, active, agency: required columns of the main file


class Conflict(Bilingual, ValueError):
    """The import contradicts the stored record in a section it does not replace."""


def complete(stored: PersonnelFacts, facts: PersonnelFacts, sources: Sources) -> PersonnelFacts:
    """``facts`` with every section this import does not carry taken from ``stored``.

    Raises :class:`Conflict` when the main row's current grade differs from a stored grade
    starting on the same day (import rw_golongan to correct the history)."""
    sections: dict[str, Any] = {}
    for section in PersonnelFacts.model_fields:
        new, old = getattr(facts, section), getattr(stored, section)
        if sources.replaces(section):
            sections[section] = new
        elif section in _CURRENT:
            sections[section] = _with_current(section, old, new, sources)
        elif section == "appraisals":
            sections[section] = _appraisals(old, new, sources)
        else:
            sections[section] = old
    try:
        return PersonnelFacts.model_validate(sections)
    except ValidationError as error:
        raise Conflict(reason(error)) from None


def _with_current(
    section: str, stored: tuple[Any, ...], given: tuple[Any, ...], sources: Sources
) -> tuple[Any, ...]:
    """The stored history plus the main row's current entry when the history lacks it."""
    if _CURRENT[section][1] not in sources.main_columns:
        return stored
    start = _STARTS[section]
    by_start = {start(entry): entry for entry in stored}
    for entry in given:
        same = by_start.get(start(entry))
        if same is None:
            by_start[start(entry)] = entry
        elif section == "grades" and same.grade != entry.grade:
            raise Conflict(
                Message(
                    id=f"golRuangAkhir {entry.grade} berbeda dengan riwayat golongan tersimpan "
                    f"({same.grade}) pada TMT {entry.start:%d-%m-%Y}; impor rw_golongan untuk "
                    "memperbaiki",
                    en="golRuangAkhir differs from the stored grade history on the same start "
                    "date; import rw_golongan to correct it",
                )
            )
        else:
            # The main row corrects what it gives (title, unit ...); details only the history
            # holds (decree number, inauguration) stay.
            given_fields = entry.model_dump(exclude_defaults=True)
            by_start[start(entry)] = same.model_copy(update=given_fields)
    return tuple(sorted(by_start.values(), key=start))


def _appraisals(
    stored: tuple[Any, ...], given: tuple[Any, ...], sources: Sources
) -> tuple[Any, ...]:
    """With one of the two appraisal files, the other file's years keep their stored entries."""
    if FileKind.PERFORMANCE in sources.files:
        kept = [a for a in stored if a.year < _SKP22_FROM]
    elif FileKind.PERFORMANCE_SCORES in sources.files:
        kept = [a for a in stored if a.year >= _SKP22_FROM]
    else:
        return stored
    years = {a.year for a in given}
    merged = [*given, *(a for a in kept if a.year not in years)]
    return tuple(sorted(merged, key=lambda appraisal: appraisal.year))
