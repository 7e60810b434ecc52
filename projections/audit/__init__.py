"""The auditors' read models: an index from each subject (an employee's NIP, an aggregate, an
agency's pool for one level) to the events about it, on SQLite and PostgreSQL."""

from __future__ import annotations

from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.sqlite import SQLiteFactory

from projections.audit.postgres import PostgresSubjectIndex
from projections.audit.projection import AuditIndexProjection, IndexFollower
from projections.audit.sqlite import SQLiteSubjectIndex
from projections.audit.subjects import pool_subject, subjects_of, whole_subject
from projections.audit.view import Row, SubjectIndex


def subject_index(app: Application[UUID]) -> SubjectIndex:
    """The index in the application's own database, whichever backend it is."""
    sqlite = isinstance(app.factory, SQLiteFactory)
    view_class = SQLiteSubjectIndex if sqlite else PostgresSubjectIndex
    return app.factory.tracking_recorder(view_class)  # type: ignore[return-value]


__all__ = [
    "AuditIndexProjection",
    "IndexFollower",
    "Row",
    "SubjectIndex",
    "pool_subject",
    "subject_index",
    "subjects_of",
    "whole_subject",
]
