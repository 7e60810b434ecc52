from __future__ import annotations

from collections.abc import Collection
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Tracking
from eventsourcing.sqlite import SQLiteCursor, SQLiteTrackingRecorder

from projections.directory.projection import (
    COLUMNS,
    SPELL_COLUMNS,
    DirectoryRow,
    DirectoryView,
    LatestSpell,
    by_columns,
)
from projections.documents.sqlite import advance_tracking
from projections.documents.view import FLUSH_ROWS


class SQLiteDirectoryView(DirectoryView, SQLiteTrackingRecorder):
    def construct_create_table_statements(self) -> list[str]:
        return [
            *super().construct_create_table_statements(),
            "CREATE TABLE IF NOT EXISTS directory ("
            "employee_id TEXT PRIMARY KEY, nip TEXT NOT NULL DEFAULT '', "
            "name TEXT NOT NULL DEFAULT '', agency TEXT NOT NULL DEFAULT '', "
            "unit TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT '', "
            "active INTEGER NOT NULL DEFAULT 0, grade TEXT NOT NULL DEFAULT '', "
            "position TEXT NOT NULL DEFAULT '')",
            "CREATE INDEX IF NOT EXISTS directory_agency_unit ON directory (agency, unit, nip)",
        ]

    def _create_table(self, c: SQLiteCursor) -> None:
        super()._create_table(c)
        # SQLite adds no column "if not exists": those an older table lacks are added here.
        c.execute("SELECT name FROM pragma_table_info('directory')")
        present = {row[0] for row in c.fetchall()}
        for name in SPELL_COLUMNS:
            if name not in present:
                c.execute(f"ALTER TABLE directory ADD COLUMN {name} TEXT NOT NULL DEFAULT ''")

    def _commit(
        self, rows: list[tuple[UUID, dict[str, Any]]], tracking: Tracking, start: int | None
    ) -> None:
        with self.datastore.transaction(commit=True) as c:
            if start is None:
                self._insert_tracking(c, tracking)
            else:
                advance_tracking(c, tracking, start)
            for names, values in by_columns(rows).items():
                updates = ", ".join(f"{name}=excluded.{name}" for name in names) or "nip=nip"
                statement = (
                    f"INSERT INTO directory (employee_id{''.join(', ' + n for n in names)}) "
                    f"VALUES (?{', ?' * len(names)}) "
                    f"ON CONFLICT (employee_id) DO UPDATE SET {updates}"
                )
                for first in range(0, len(values), FLUSH_ROWS):
                    chunk = values[first : first + FLUSH_ROWS]
                    c.executemany(statement, [[str(row[0]), *row[1:]] for row in chunk])

    def rows(self, agency: str, unit: str | None = None) -> list[DirectoryRow]:
        statement = f"SELECT {', '.join(COLUMNS)} FROM directory WHERE agency=?"
        params = [agency]
        if unit is not None:
            statement += " AND unit=?"
            params.append(unit)
        with self.datastore.transaction(commit=False) as c:
            c.execute(statement + " ORDER BY unit, nip", params)
            return [DirectoryRow.model_validate(dict(row)) for row in c.fetchall()]

    def latest_spells(self, agency: str, titles: Collection[str]) -> list[LatestSpell]:
        wanted = sorted(titles)
        columns = ", ".join(("nip", "unit", "position", *SPELL_COLUMNS))
        statement = (
            f"SELECT {columns} FROM directory WHERE agency=? AND active AND position_level != '' "
            f"AND position IN ({', '.join('?' * len(wanted))}) ORDER BY unit, nip"
        )
        with self.datastore.transaction(commit=False) as c:
            c.execute(statement, [agency, *wanted])
            return [LatestSpell.of(dict(row)) for row in c.fetchall()]

    def count(self, agency: str) -> int:
        with self.datastore.transaction(commit=False) as c:
            c.execute("SELECT count(*) FROM directory WHERE agency=?", [agency])
            return int(c.fetchone()[0])

    def reset(self, tracking_key: str) -> None:
        with self.datastore.transaction(commit=True) as c:
            c.execute("DELETE FROM directory")
            c.execute("DELETE FROM tracking WHERE application_name=?", [tracking_key])
