"""End-to-end fixtures: a fresh PostgreSQL database of its own for each test (design principle 8).

The Temporal dev server comes from the session fixtures in tests/conftest.py (``temporal_env``)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest

from infra.postgres import PostgresServer, create_database, drop_database, unique_database_name
from services.application import Talenta
from services.config import StoreConfig


@pytest.fixture
def pg_store(pg_server: PostgresServer) -> Iterator[StoreConfig]:
    """A new, empty event store in a PostgreSQL database dropped after the test."""
    name = unique_database_name()
    settings = create_database(pg_server.settings, name)
    password = f":{quote(settings.password)}" if settings.password else ""
    yield StoreConfig(
        f"postgresql://{quote(settings.user)}{password}@{settings.host}:{settings.port}/{name}"
    )
    drop_database(pg_server.settings, name)


@pytest.fixture
def pg_app(pg_store: StoreConfig) -> Iterator[Talenta]:
    application = Talenta(pg_store)
    yield application
    application.close()
