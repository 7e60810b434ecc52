"""Fault-test fixtures: a PostgreSQL cluster of this folder's own (they restart it), stores on it,
and stores on the shared server for the faults that leave the server alone."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from urllib.parse import quote

import pytest

from infra.postgres import (
    PgSettings,
    PostgresServer,
    create_database,
    drop_database,
    start_throwaway_postgres,
    unique_database_name,
)
from services.config import StoreConfig
from tests.faults.cluster import Cluster

NewStore = Callable[[], StoreConfig]


def store_url(settings: PgSettings) -> StoreConfig:
    password = f":{quote(settings.password)}" if settings.password else ""
    return StoreConfig(
        f"postgresql://{quote(settings.user)}{password}@{settings.host}:{settings.port}/"
        f"{settings.dbname}"
    )


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    """A throwaway cluster the module's tests may stop, kill and restart."""
    own = Cluster(start_throwaway_postgres())
    try:
        own.restart("fast")  # with durable settings
        yield own
    finally:
        own.close()


@pytest.fixture
def cluster_stores(cluster: Cluster) -> Iterator[NewStore]:
    """Makes new empty stores (databases) on the restartable cluster."""
    yield from _stores(cluster.server)


@pytest.fixture
def pg_stores(pg_server: PostgresServer) -> Iterator[NewStore]:
    """Makes new empty stores on the shared test server, each dropped after the test."""
    yield from _stores(pg_server)


def _stores(server: PostgresServer) -> Iterator[NewStore]:
    names: list[str] = []

    def new() -> StoreConfig:
        names.append(unique_database_name("talenta_fault"))
        return store_url(create_database(server.settings, names[-1]))

    yield new
    for name in names:
        drop_database(server.settings, name)
