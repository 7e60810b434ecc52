"""Joining an employee's main record with their history entries into one PersonnelFacts."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from domain.bilingual import Message
from domain.personnel.facts import PersonnelFacts
from services.importing.cells import reason
from services.importing.histories import HISTORIES
from services.importing.main_record import MainRecord
from services.importing.report import RowError
from services.importing.table import Row


@dataclass(frozen=True)
class Entry:
    item: BaseModel
    row: Row


# Sections come out sorted so that the same export always gives the same record, whatever the
# row order: a re-import must compare equal and record nothing.
_ORDER: dict[str, Callable[[Any], Any]] = {
    "grades": lambda spell: spell.start,
    "positions": lambda spell: spell.start,
    "appraisals": lambda appraisal: appraisal.year,
    "penalties": lambda penalty: (penalty.start, penalty.end, penalty.decree_number),
    "investigations": lambda investigation: (investigation.opened, investigation.reference),
}
_KEYS: dict[str, Callable[[Any], Hashable] | None] = {h.section: h.key for h in HISTORIES.values()}


def assemble(
    record: MainRecord, entries: dict[str, list[Entry]], errors: list[RowError]
) -> PersonnelFacts | None:
    """The employee's facts, or None with the contradictions recorded."""
    before = len(errors)
    sections: dict[str, Any] = dict(record.sections)
    for section in _ORDER:
        sections[section] = _merge(section, entries.get(section, []), record, errors)
    if len(errors) > before:
        return None
    try:
        return PersonnelFacts(nip=record.nip, **sections)
    except ValidationError as error:
        errors.append(RowError(record.file, record.line, reason(error), str(record.nip)))
        return None


def _merge(
    section: str, entries: list[Entry], record: MainRecord, errors: list[RowError]
) -> tuple[Any, ...]:
    key = _KEYS.get(section)
    kept: dict[Hashable, Entry] = {}
    items: list[Any] = []
    seen: set[Any] = set()  # the entries are frozen models: hashed, not compared one by one
    for entry in entries:
        if entry.item in seen:
            continue  # the same entry exported twice
        if key is not None and (earlier := kept.get(key(entry.item))) is not None:
            errors.append(_contradiction(entry.row, earlier.row, record))
            continue
        if key is not None:
            kept[key(entry.item)] = entry
        items.append(entry.item)
        seen.add(entry.item)
    current: Any = {"grades": record.grade, "positions": record.position}.get(section)
    # The main row's current grade and position are usually in the history too, with more
    # detail (decree numbers); they are added only when the history lacks them.
    if current is not None and key is not None:
        same_start = kept.get(key(current))
        if same_start is None:
            items.append(current)
        elif section == "grades" and getattr(same_start.item, "grade", None) != current.grade:
            errors.append(
                RowError(
                    same_start.row.file,
                    same_start.row.line,
                    Message(
                        id=f"golongan berbeda dengan golRuangAkhir data utama baris {record.line} "
                        "pada TMT yang sama",
                        en="grade differs from golRuangAkhir of the main row on the same start "
                        "date",
                    ),
                    str(record.nip),
                )
            )
    return tuple(sorted(items, key=_ORDER[section]))


def _contradiction(row: Row, earlier: Row, record: MainRecord) -> RowError:
    return RowError(
        row.file,
        row.line,
        Message(
            id=f"bertentangan dengan {earlier.file} baris {earlier.line} (tanggal/tahun sama, "
            "isi berbeda)",
            en=f"contradicts {earlier.file} line {earlier.line} (same date or year, different "
            "content)",
        ),
        str(record.nip),
    )
