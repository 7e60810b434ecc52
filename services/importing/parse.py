"""Parsing an export into PersonnelFacts without touching the store: used by the import and by
eligibility checks straight from a CSV. Every row is checked; an employee with any refused row
(main or history) is left out whole, since a record missing, say, a penalty would be judged wrongly.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from domain.agencies import get_agency
from domain.bilingual import Message
from domain.envelope import DocumentRef
from domain.personnel.facts import PersonnelFacts
from domain.values import Nip
from services.importing.assemble import Entry, assemble
from services.importing.cells import Cells
from services.importing.files import PersonnelFiles
from services.importing.histories import HISTORIES
from services.importing.main_record import MainRecord, read_main
from services.importing.partial import Sources
from services.importing.report import RowError
from services.importing.table import Table, read_table


@dataclass(frozen=True)
class Origin:
    """Where an employee's main row was, and the agency name the export gave (evidence)."""

    file: str
    line: int
    agency_name: str


@dataclass(frozen=True)
class ParseResult:
    facts: list[PersonnelFacts]
    errors: list[RowError]
    rows_read: int = 0
    refused: int = 0  # employees of the main file left out: a row of theirs was refused
    documents: tuple[DocumentRef, ...] = ()
    origins: dict[str, Origin] = field(default_factory=dict)  # by NIP
    # The sections this import carries; the others keep a stored employee's values.
    sources: Sources = field(default_factory=lambda: Sources(frozenset(), frozenset()))


def parse_personnel(files: PersonnelFiles, agency: str) -> ParseResult:
    # Refused up front: records under an agency no rule pack serves could never be judged.
    get_agency(agency)
    tables: list[Table] = []
    errors: list[RowError] = []
    for kind, path in files.present():
        table, problems = read_table(kind, path)
        tables.append(table)
        errors.extend(problems)
    documents = tuple(table.document for table in tables)
    rows_read = sum(len(table.rows) for table in tables)
    if errors:
        # A file of the wrong shape would leave every employee's record incomplete.
        return ParseResult([], errors, rows_read, 0, documents)
    main, *histories = tables
    mains, failed = _read_mains(main, agency, errors)
    entries = _read_histories(histories, set(mains), failed, errors)
    facts: list[PersonnelFacts] = []
    origins: dict[str, Origin] = {}
    for key, record in mains.items():
        built = None if key in failed else assemble(record, entries[key], errors)
        if built is not None:
            facts.append(built)
            origins[str(built.nip)] = Origin(record.file, record.line, record.agency_name)
    errors.sort(key=lambda error: (error.file != main.document.name, error.file, error.line))
    sources = Sources(frozenset(table.kind for table in tables), main.columns)
    return ParseResult(
        facts, errors, rows_read, _employees(main) - len(facts), documents, origins, sources
    )


def _employees(main: Table) -> int:
    """The employees the main file names: one per NIP, and one per row naming none."""
    keys = [_key(row.cells.get("nipBaru", "")) for row in main.rows]
    return len({key for key in keys if key}) + keys.count("")


def _key(raw: str) -> str:
    """Rows are matched on the NIP as written (without spaces), even when it is not a valid NIP,
    so that a bad history row still stops its employee."""
    return re.sub(r"[\s.\-]", "", raw)


def _read_mains(
    table: Table, agency: str, errors: list[RowError]
) -> tuple[dict[str, MainRecord], set[str]]:
    mains: dict[str, MainRecord] = {}
    lines: dict[str, int] = {}
    failed: set[str] = set()
    for row in table.rows:
        key = _key(row.cells.get("nipBaru", ""))
        cells = Cells(row, errors, key)
        if key and key in lines:
            cells.fail(
                Message(
                    id=f"NIP {key} sudah ada di baris {lines[key]}",
                    en=f"NIP already on line {lines[key]}",
                )
            )
            failed.add(key)
            continue
        lines[key] = row.line
        record = read_main(cells, agency)
        if record is None:
            failed.add(key)
        else:
            mains[key] = record
    return mains, failed


def _read_histories(
    tables: list[Table], read: set[str], failed: set[str], errors: list[RowError]
) -> dict[str, dict[str, list[Entry]]]:
    """``read``: the NIPs whose main row was read; ``failed``: those whose main row was not."""
    known = read | failed
    entries: dict[str, dict[str, list[Entry]]] = defaultdict(lambda: defaultdict(list))
    for table in tables:
        history = HISTORIES[table.kind]
        for row in table.rows:
            key = _key(row.cells.get("nipBaru", ""))
            cells = Cells(row, errors, key)
            # A NIP whose main row was read is valid: checking it again on each of its history
            # rows would take a quarter of the parse.
            if key not in read and cells.parsed("nipBaru", Nip, required=True) is None:
                failed.add(key)
                continue
            if key not in known:
                cells.fail(
                    Message(
                        id=f"NIP {key} tidak ada di data utama",
                        en=f"NIP {key} has no row in the main file",
                    )
                )
                continue
            item = history.parse(cells)
            if item is None:
                failed.add(key)
            else:
                entries[key][history.section].append(Entry(item, row))
    return entries
