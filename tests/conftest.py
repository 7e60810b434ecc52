"""Session fixtures for real PostgreSQL and a real Temporal dev server (design principle 8).

Both are started lazily: only a test that asks for `pg_settings` or `temporal_env` (directly or
through another fixture) pays for them, so the unit tests stay fast. Tests using them are marked
`postgres` / `temporal` automatically, so `-m "not postgres and not temporal"` runs unit tests only.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from infra.postgres import (
    PgSettings,
    PostgresServer,
    create_database,
    drop_database,
    find_or_start_postgres,
    unique_database_name,
)
from infra.temporal import DevServer, TemporalEnv, start_dev_server


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        names = getattr(item, "fixturenames", ())
        if "pg_settings" in names or "pg_server" in names:
            item.add_marker(pytest.mark.postgres)
        if "temporal_env" in names or "temporal_server" in names:
            item.add_marker(pytest.mark.temporal)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    """The local server when reachable, else a throwaway cluster stopped and deleted at the end."""
    server = find_or_start_postgres()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_settings(pg_server: PostgresServer) -> Iterator[PgSettings]:
    """Settings of a database created for this session and dropped at its end."""
    name = unique_database_name()
    settings = create_database(pg_server.settings, name)
    try:
        yield settings
    finally:
        drop_database(pg_server.settings, name)


@pytest.fixture(scope="session")
async def temporal_server() -> AsyncIterator[DevServer]:
    """An in-memory dev server on a free port, shared by the session."""
    server = await start_dev_server()
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture(scope="session")
async def temporal_env(temporal_server: DevServer) -> TemporalEnv:
    """The shared dev server and a client using the pydantic data converter.

    Tests open their own worker inline, with a fresh task queue and workflow id.
    """
    return TemporalEnv(server=temporal_server, client=await temporal_server.connect())


@pytest.fixture
def tmp_sqlite_path(tmp_path: Path) -> Path:
    """A path for a new SQLite database file (not created), removed with tmp_path."""
    return tmp_path / "talenta.sqlite"


@pytest.fixture(autouse=True)
def embedded_command_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The command line in its embedded single-user mode, so a test names its actor with
    TALENTA_ACTOR (recorded as ``embedded:<actor>``); a test of sign-in removes the setting. The
    session file is the test's own, never the user's."""
    monkeypatch.setenv("TALENTA_EMBEDDED", "1")
    monkeypatch.setenv("TALENTA_SESSION", str(tmp_path / "talenta-session.json"))
