from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventsourcing.persistence import Tracking
from eventsourcing.postgres import PostgresDatastore, PostgresTrackingRecorder
from psycopg.sql import SQL, Composed, Identifier

from projections.chain.view import ChainView, Link, VersionBreak
from projections.documents.postgres import read_rows


class PostgresChainView(PostgresTrackingRecorder, ChainView):
    def __init__(self, datastore: PostgresDatastore, **kwargs: Any) -> None:
        super().__init__(datastore, **kwargs)
        self.table = Identifier(datastore.schema, "chain")
        self.sql_create_statements.append(
            SQL(
                "CREATE TABLE IF NOT EXISTS {0} (notification_id bigint PRIMARY KEY, "
                "content text NOT NULL, hash text NOT NULL)"
            ).format(self.table)
        )
        self.sql_create_statements.append(
            SQL("CREATE INDEX IF NOT EXISTS chain_content ON {0} (content)").format(self.table)
        )

    def append(self, links: Sequence[Link], tracking: Tracking) -> None:
        statement = SQL(
            "INSERT INTO {0} (notification_id, content, hash) VALUES (%s, %s, %s)"
        ).format(self.table)
        with self.datastore.transaction(commit=True) as curs:
            curs.executemany(
                statement, [(each.notification_id, each.content, each.hash) for each in links]
            )
            self._insert_tracking(curs, tracking)

    def head(self) -> Link | None:
        found = self._select(SQL("ORDER BY notification_id DESC LIMIT 1"))
        return found[0] if found else None

    def link(self, notification_id: int) -> Link | None:
        found = self._select(SQL("WHERE notification_id=%s"), notification_id)
        return found[0] if found else None

    def links(self, after: int, limit: int) -> list[Link]:
        return self._select(
            SQL("WHERE notification_id>%s ORDER BY notification_id LIMIT %s"), after, limit
        )

    def chained_at(self, content: str) -> list[int]:
        found = self._select(SQL("WHERE content=%s ORDER BY notification_id"), content)
        return [each.notification_id for each in found]

    def version_breaks(self, events_table: str) -> list[VersionBreak]:
        statement = SQL(
            "SELECT id, originator_id, originator_version, previous_version, previous_id FROM ("
            "SELECT notification_id AS id, originator_id, originator_version, "
            "LAG(originator_version) OVER w AS previous_version, "
            "LAG(notification_id) OVER w AS previous_id FROM {0} "
            "WINDOW w AS (PARTITION BY originator_id ORDER BY originator_version)) breaks "
            "WHERE previous_id > id ORDER BY id"
        ).format(Identifier(self.datastore.schema, events_table))
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(statement)
            return [
                VersionBreak(
                    notification_id=row["id"],
                    originator_id=str(row["originator_id"]),
                    originator_version=row["originator_version"],
                    previous_version=row["previous_version"],
                    previous_id=row["previous_id"],
                )
                for row in curs.fetchall()
            ]

    def _select(self, condition: SQL, *params: object) -> list[Link]:
        statement: Composed = (
            SQL("SELECT notification_id, content, hash FROM {0} ").format(self.table) + condition
        )
        rows = read_rows(self.datastore, statement, params)
        return [Link(row["notification_id"], row["content"], row["hash"]) for row in rows]
