"""One store fixture, parametrized over both backends, so the same tests run on each."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from infra.postgres import PostgresServer, create_database, drop_database, unique_database_name
from services.application import Talenta
from services.config import StoreConfig


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreConfig]:
    """A new, empty event store: a SQLite file, or a PostgreSQL database of its own."""
    if request.param == "sqlite":
        yield StoreConfig(f"sqlite:///{tmp_path / 'talenta.sqlite'}")
        return
    server: PostgresServer = request.getfixturevalue("pg_server")
    name = unique_database_name()
    settings = create_database(server.settings, name)
    password = f":{quote(settings.password)}" if settings.password else ""
    yield StoreConfig(
        f"postgresql://{quote(settings.user)}{password}@{settings.host}:{settings.port}/{name}"
    )
    drop_database(server.settings, name)


@pytest.fixture
def app(store: StoreConfig) -> Iterator[Talenta]:
    application = Talenta(store)
    yield application
    application.close()
