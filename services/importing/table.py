"""Reading one export file: bytes, digest, delimiter, header and rows with their line numbers."""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from domain.bilingual import Message
from domain.envelope import DocumentRef
from services.importing.columns import FileKind, resolve_headers
from services.importing.report import RowError


@dataclass(frozen=True)
class Row:
    file: str
    line: int
    cells: dict[str, str]  # column name -> stripped text; blank cells are absent


@dataclass(frozen=True)
class Table:
    kind: FileKind
    document: DocumentRef
    rows: tuple[Row, ...]
    columns: frozenset[str] = frozenset()  # the known columns the header names


def read_table(kind: FileKind, path: Path) -> tuple[Table, list[RowError]]:
    """A file with an unusable header yields no rows and one error on line 1."""
    content = path.read_bytes()
    document = DocumentRef(name=path.name, sha256=hashlib.sha256(content).hexdigest())
    text = _decode(content)
    lines = text.splitlines()
    if not lines:
        return Table(kind, document, ()), [_empty(path.name)]
    # A cell longer than the csv module's limit would stop the whole file there; the row that
    # holds it is refused on its own instead (services.importing.cells.MAX_CELL).
    csv.field_size_limit(max(csv.field_size_limit(), len(text)))
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(lines[0]))
    headers = next(reader, [])
    columns, problems = resolve_headers(kind, headers)
    if problems:
        return Table(kind, document, ()), [RowError(path.name, 1, p) for p in problems]
    rows: list[Row] = []
    line = reader.line_num
    for values in reader:
        # A quoted cell may span lines: the row starts on the line after the previous one ended.
        start, line = line + 1, reader.line_num
        cells = {
            columns[index]: value.strip()
            for index, value in enumerate(values)
            if index in columns and value.strip()
        }
        if any(value.strip() for value in values):
            rows.append(Row(path.name, start, cells))
    return Table(kind, document, tuple(rows), frozenset(columns.values())), []


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Spreadsheets saved as CSV on Windows are usually cp1252.
        return content.decode("cp1252", errors="replace")


def _delimiter(header: str) -> str:
    # Excel with an Indonesian locale writes ';' because ',' is the decimal separator.
    return max((";", ",", "\t"), key=header.count)


def _empty(name: str) -> RowError:
    return RowError(name, 1, Message(id="berkas kosong", en="file is empty"))
