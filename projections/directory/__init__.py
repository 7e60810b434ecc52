"""The employee directory: who works where, at what grade and position, per agency and unit."""

from __future__ import annotations

from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.sqlite import SQLiteFactory

from projections.directory.postgres import PostgresDirectoryView
from projections.directory.projection import DirectoryProjection, DirectoryRow, DirectoryView
from projections.directory.sqlite import SQLiteDirectoryView


def directory_view(app: Application[UUID]) -> DirectoryView:
    """The view in the application's own database, whichever backend it is."""
    sqlite = isinstance(app.factory, SQLiteFactory)
    view_class = SQLiteDirectoryView if sqlite else PostgresDirectoryView
    return app.factory.tracking_recorder(view_class)  # type: ignore[return-value]


__all__ = ["DirectoryProjection", "DirectoryRow", "DirectoryView", "directory_view"]
