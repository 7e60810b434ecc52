from __future__ import annotations

from collections.abc import Collection
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Tracking
from eventsourcing.postgres import PostgresDatastore, PostgresTrackingRecorder
from psycopg.sql import SQL, Composed, Identifier, Literal

from projections.directory.projection import (
    COLUMNS,
    SPELL_COLUMNS,
    DirectoryRow,
    DirectoryView,
    LatestSpell,
    by_columns,
)
from projections.documents.postgres import advance_tracking
from projections.documents.view import FLUSH_ROWS


class PostgresDirectoryView(DirectoryView, PostgresTrackingRecorder):
    def __init__(self, datastore: PostgresDatastore, **kwargs: Any) -> None:
        super().__init__(datastore, **kwargs)
        self.table = Identifier(datastore.schema, "directory")
        self.sql_create_statements.append(
            SQL(
                "CREATE TABLE IF NOT EXISTS {0} ("
                "employee_id uuid PRIMARY KEY, nip text NOT NULL DEFAULT '', "
                "name text NOT NULL DEFAULT '', agency text NOT NULL DEFAULT '', "
                "unit text NOT NULL DEFAULT '', status text NOT NULL DEFAULT '', "
                "active boolean NOT NULL DEFAULT false, grade text NOT NULL DEFAULT '', "
                "position text NOT NULL DEFAULT '')"
            ).format(self.table)
        )
        self.sql_create_statements.append(self._added_columns(datastore.schema))
        self.sql_create_statements.append(
            SQL(
                "CREATE INDEX IF NOT EXISTS directory_agency_unit ON {0} (agency, unit, nip)"
            ).format(self.table)
        )

    def _added_columns(self, schema: str) -> Composed:
        """Adds the columns an older table lacks. Checked first: an ALTER TABLE locks the
        table against every reader even when it adds nothing; and before the index, so two
        processes starting at once never both hold a lock that each must then raise."""
        return SQL(
            "DO $$ BEGIN IF (SELECT count(*) FROM information_schema.columns "
            "WHERE table_schema = {schema} AND table_name = 'directory' "
            "AND column_name IN ({names})) < {count} THEN ALTER TABLE {table} {adds}; "
            "END IF; END $$"
        ).format(
            schema=Literal(schema),
            names=SQL(", ").join(Literal(name) for name in SPELL_COLUMNS),
            count=Literal(len(SPELL_COLUMNS)),
            table=self.table,
            adds=SQL(", ").join(
                SQL("ADD COLUMN IF NOT EXISTS {0} text NOT NULL DEFAULT ''").format(
                    Identifier(name)
                )
                for name in SPELL_COLUMNS
            ),
        )

    def _commit(
        self, rows: list[tuple[UUID, dict[str, Any]]], tracking: Tracking, start: int | None
    ) -> None:
        with self.datastore.transaction(commit=True) as curs:
            if start is None:
                self._insert_tracking(curs, tracking)
            else:
                advance_tracking(self, curs, tracking, start)
            for names, values in by_columns(rows).items():
                statement = SQL(
                    "INSERT INTO {table} (employee_id{columns}) "
                    "SELECT * FROM unnest(%b::uuid[]{arrays}) "
                    "ON CONFLICT (employee_id) DO UPDATE SET {updates}"
                ).format(
                    table=self.table,
                    columns=SQL("").join(SQL(", {0}").format(Identifier(n)) for n in names),
                    arrays=SQL("").join(
                        SQL(", %b::boolean[]" if n == "active" else ", %b::text[]") for n in names
                    ),
                    updates=SQL(", ").join(
                        SQL("{0}=excluded.{0}").format(Identifier(name)) for name in names
                    )
                    if names
                    else SQL("nip=excluded.nip"),
                )
                # One statement of arrays per chunk: a round trip, not one per row.
                for first in range(0, len(values), FLUSH_ROWS):
                    chunk = values[first : first + FLUSH_ROWS]
                    curs.execute(statement, [list(column) for column in zip(*chunk, strict=True)])

    def rows(self, agency: str, unit: str | None = None) -> list[DirectoryRow]:
        statement = SQL("SELECT {columns} FROM {table} WHERE agency=%s").format(
            columns=SQL(", ").join(Identifier(name) for name in COLUMNS), table=self.table
        )
        params = [agency]
        if unit is not None:
            statement += SQL(" AND unit=%s")
            params.append(unit)
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(statement + SQL(" ORDER BY unit, nip"), params)
            return [DirectoryRow.model_validate(row) for row in curs.fetchall()]

    def latest_spells(self, agency: str, titles: Collection[str]) -> list[LatestSpell]:
        statement = SQL(
            "SELECT {columns} FROM {table} "
            "WHERE agency=%s AND active AND position_level != '' AND position = ANY(%s::text[]) "
            "ORDER BY unit, nip"
        ).format(
            columns=SQL(", ").join(
                Identifier(name) for name in ("nip", "unit", "position", *SPELL_COLUMNS)
            ),
            table=self.table,
        )
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(statement, [agency, sorted(titles)])
            return [LatestSpell.of(row) for row in curs.fetchall()]

    def count(self, agency: str) -> int:
        statement = SQL("SELECT count(*) AS n FROM {table} WHERE agency=%s").format(
            table=self.table
        )
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(statement, [agency])
            found = curs.fetchone()
            return int(found["n"]) if found else 0

    def reset(self, tracking_key: str) -> None:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(SQL("DELETE FROM {0}").format(self.table))
            curs.execute(
                SQL("DELETE FROM {0} WHERE application_name=%s").format(
                    Identifier(self.datastore.schema, self.tracking_table_name)
                ),
                [tracking_key],
            )
