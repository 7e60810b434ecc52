"""JSON documents as a read-model store, on SQLite and PostgreSQL."""

from __future__ import annotations

from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.sqlite import SQLiteFactory

from projections.documents.postgres import PostgresDocumentView
from projections.documents.sqlite import SQLiteDocumentView
from projections.documents.view import Document, DocumentView


def document_view(app: Application[UUID]) -> DocumentView:
    """The document store in the application's own database, whichever backend it is."""
    sqlite = isinstance(app.factory, SQLiteFactory)
    view_class = SQLiteDocumentView if sqlite else PostgresDocumentView
    return app.factory.tracking_recorder(view_class)  # type: ignore[return-value]


__all__ = ["Document", "DocumentView", "document_view"]
