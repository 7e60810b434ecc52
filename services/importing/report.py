"""What an import tells the caseworker: counts, and each refused row with its file and line."""

from __future__ import annotations

from dataclasses import dataclass, field

from domain.bilingual import Message
from domain.envelope import DocumentRef


@dataclass(frozen=True)
class RowError:
    """A refused row; ``line`` counts the header as line 1, as a spreadsheet shows it."""

    file: str
    line: int
    message: Message
    nip: str = ""
    column: str = ""  # the cell at fault, when one is

    @property
    def reason(self) -> Message:
        """Why the row is refused, naming the cell at fault in each language."""
        if not self.column:
            return self.message
        return Message(
            id=f"{self.column}: {self.message.id}", en=f"{self.column}: {self.message.en}"
        )

    def __str__(self) -> str:
        """The command line's line: the column named once, before both languages."""
        column = f"{self.column}: " if self.column else ""
        return f"{self.file} baris/line {self.line}: {column}{self.message}"


@dataclass
class ImportReport:
    rows_read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    refused_employees: int = 0  # employees not stored because a row of theirs was refused
    events: int = 0
    tenure_reviews: int = 0  # 5-year reviews started for holders in post (madiun-2021 P25(3))
    errors: list[RowError] = field(default_factory=list)
    documents: tuple[DocumentRef, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def refused_rows(self) -> int:
        """Rows refused, each counted once however many reasons it has."""
        return len({(error.file, error.line) for error in self.errors})

    def summary(self) -> str:
        return (
            f"{self.rows_read} baris/rows: {self.created} baru/created, {self.updated} "
            f"diubah/updated, {self.unchanged} tetap/unchanged, {self.refused_employees} pegawai "
            f"ditolak/employees refused, {self.refused_rows} baris ditolak/rows refused, "
            f"{self.events} peristiwa/events"
        )
