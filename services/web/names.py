"""The agency's employees as the pages name them (name and unit by NIP, the units named), read
once per position of the directory and shared by every request until the directory moves on
(kept_reads.py): a page that shows a few names no longer reads and validates a row per
employee."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from fastapi import Request

from projections.directory import DirectoryProjection, DirectoryRow
from services.api.context import fresh_context
from services.bootstrap import ReadModels
from services.web.kept_reads import kept


@dataclass(frozen=True)
class Staff:
    """One agency's directory as one position of it lists it; shared, so never changed."""

    rows: tuple[DirectoryRow, ...]  # by unit, then NIP, as the directory lists them
    by_nip: Mapping[str, DirectoryRow]
    names: Mapping[str, str]
    units: tuple[str, ...]  # the units named, sorted, as the pages' unit filters offer them

    @classmethod
    def of(cls, rows: list[DirectoryRow]) -> Staff:
        by_nip = {row.nip: row for row in rows}
        names = {row.nip: row.name for row in rows}
        units = tuple(sorted({row.unit for row in rows if row.unit}))
        return cls(tuple(rows), MappingProxyType(by_nip), MappingProxyType(names), units)

    def unit_of(self, nip: str) -> str | None:
        row = self.by_nip.get(nip)
        return None if row is None else row.unit

    def by_name(self) -> list[DirectoryRow]:
        return sorted(self.rows, key=lambda row: row.name)


def staff_of(models: ReadModels, agency: str) -> Staff:
    """``agency``'s staff, at least as fresh as the read models' position."""
    found, position = kept(models, DirectoryProjection)
    return found.answer(position, agency, lambda: Staff.of(models.directory.rows(agency)))


def staff(request: Request, agency: str) -> Staff:
    """``agency``'s staff for a page, with the reader's own writes in it."""
    return staff_of(fresh_context(request), agency)
