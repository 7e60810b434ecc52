"""What an import tells the caseworker: counts, and each refused row with its file and line."""

from __future__ import annotations

from dataclasses import dataclass, field

from domain.envelope import DocumentRef


@dataclass(frozen=True)
class RowError:
    """A refused row; ``line`` counts the header as line 1, as a spreadsheet shows it."""

    file: str
    line: int
    message: str  # "Indonesian / English"
    nip: str = ""

    def __str__(self) -> str:
        return f"{self.file} baris/line {self.line}: {self.message}"


@dataclass
class ImportReport:
    rows_read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # employees left out because one of their rows was refused
    events: int = 0
    tenure_reviews: int = 0  # 5-year reviews started for holders in post (madiun-2021 P25(3))
    errors: list[RowError] = field(default_factory=list)
    documents: tuple[DocumentRef, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        return (
            f"{self.rows_read} baris dibaca, {self.created} baru, {self.updated} diperbarui, "
            f"{self.unchanged} tetap, {self.skipped} dilewati, {len(self.errors)} galat / "
            f"{self.rows_read} rows read, {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.skipped} skipped, {len(self.errors)} errors"
        )
