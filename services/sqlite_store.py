"""The SQLite event store with a faster insert and a read of many aggregates at once.

The library inserts a save event by event to learn each one's notification id (its rowid). One
``executemany`` does the same inserts; inside the save's transaction SQLite lets no other writer
in, so the rows take consecutive rowids ending at the largest, and the ids follow from it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteCursor

TOPIC = f"{__name__}:ManyInsertRecorder"
# SQLite allows 32,766 parameters in a statement since 3.32; a read names at most this many.
IDS_PER_SELECT = 900


class ManyInsertRecorder(SQLiteApplicationRecorder):
    def _insert_events(
        self, c: SQLiteCursor, stored_events: Sequence[StoredEvent], **_: Any
    ) -> Sequence[int] | None:
        if not stored_events:
            return []
        c.executemany(
            self.insert_events_statement,
            [
                (_text(event.originator_id), event.originator_version, event.topic, event.state)
                for event in stored_events
            ],
        )
        c.execute(self.select_max_notification_id_statement)
        last = int(c.fetchone()[0])
        return list(range(last - len(stored_events) + 1, last + 1))

    def select_events_of(self, originator_ids: Sequence[UUID]) -> list[StoredEvent]:
        """Every event of these aggregates, each aggregate's in version order."""
        found: list[StoredEvent] = []
        for start in range(0, len(originator_ids), IDS_PER_SELECT):
            ids = [_text(each) for each in originator_ids[start : start + IDS_PER_SELECT]]
            statement = (
                f"SELECT originator_id, originator_version, topic, state "
                f"FROM {self.events_table_name} WHERE originator_id IN "
                f"({','.join('?' * len(ids))}) ORDER BY originator_id, originator_version"
            )
            with self.datastore.transaction(commit=False) as c:
                c.execute(statement, ids)
                found += [
                    StoredEvent(
                        originator_id=self.convert_originator_id(row["originator_id"]),
                        originator_version=row["originator_version"],
                        topic=row["topic"],
                        state=row["state"],
                    )
                    for row in c.fetchall()
                ]
        return found

    def select_events_at(self, rows: Sequence[tuple[UUID, int]]) -> list[StoredEvent]:
        """The events at these (aggregate, version)s, by aggregate and version."""
        found: list[StoredEvent] = []
        wanted = sorted(set(rows))
        for start in range(0, len(wanted), IDS_PER_SELECT):
            some = wanted[start : start + IDS_PER_SELECT]
            statement = (
                f"SELECT originator_id, originator_version, topic, state "
                f"FROM {self.events_table_name} WHERE (originator_id, originator_version) IN "
                f"(VALUES {','.join(['(?, ?)'] * len(some))}) "
                f"ORDER BY originator_id, originator_version"
            )
            values = [v for aggregate, version in some for v in (_text(aggregate), version)]
            with self.datastore.transaction(commit=False) as c:
                c.execute(statement, values)
                found += [
                    StoredEvent(
                        originator_id=self.convert_originator_id(row["originator_id"]),
                        originator_version=row["originator_version"],
                        topic=row["topic"],
                        state=row["state"],
                    )
                    for row in c.fetchall()
                ]
        return found

    def versions_of(self, originator_ids: Sequence[UUID]) -> dict[UUID | str, int]:
        """The version of each of these aggregates that is stored, in one query (a few ids)."""
        ids = [_text(each) for each in originator_ids]
        statement = (
            f"SELECT originator_id, max(originator_version) AS version "
            f"FROM {self.events_table_name} WHERE originator_id IN "
            f"({','.join('?' * len(ids))}) GROUP BY originator_id"
        )
        with self.datastore.transaction(commit=False) as c:
            c.execute(statement, ids)
            return {
                self.convert_originator_id(row["originator_id"]): int(row["version"])
                for row in c.fetchall()
            }


def _text(originator_id: UUID | str) -> str:
    return originator_id.hex if isinstance(originator_id, UUID) else originator_id
