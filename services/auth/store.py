from __future__ import annotations

from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.postgres import PostgresFactory
from eventsourcing.sqlite import SQLiteFactory

from services.auth.postgres import PostgresTokenStore
from services.auth.sqlite import SQLiteTokenStore
from services.auth.tokens import TokenStore


def token_store(app: Application[UUID]) -> TokenStore:
    """The users' roles and tokens of the application's log, read through a table of its own
    database, whichever backend it is."""
    if isinstance(app.factory, SQLiteFactory):
        return SQLiteTokenStore(app, app.factory.datastore)
    if isinstance(app.factory, PostgresFactory):
        return PostgresTokenStore(app, app.factory.datastore)
    raise TypeError(f"no token store for {type(app.factory).__name__}")
