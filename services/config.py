"""Configuration: one setting chooses the store; everything else has a working default.

The default store is resolved once, from the installation rather than the current folder: the
SQLite file in the data folder (``TALENTA_DATA``, by default ``var/`` beside the product's own
packages), so every command run from anywhere reaches the same store. A store that does not
exist yet is created only when asked: by `talenta serve` or `talenta --init ...`."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import psycopg
from psycopg import sql

INSTALLATION = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("TALENTA_DATA") or INSTALLATION / "var").resolve()
DEFAULT_STORE = f"sqlite:///{DATA / 'talenta.sqlite'}"
# The event table the application's recorder creates: its presence makes a store.
EVENTS_TABLE = "talenta_events"
# The Temporal server a worker run apart from `talenta serve` connects to.
TEMPORAL_ENV = "TALENTA_TEMPORAL"
DEFAULT_TEMPORAL = "127.0.0.1:7233"
# Its namespace: a deployment may give each province (or agency) a namespace of its own.
NAMESPACE_ENV = "TALENTA_TEMPORAL_NAMESPACE"
DEFAULT_NAMESPACE = "default"


# Whether opening a store that does not exist creates it. Code and tests opening a store they
# name create it; the command line lets only `serve` and `--init` do so (creating_stores).
_CREATING = ContextVar("talenta_creating_stores", default=True)


@contextmanager
def creating_stores(allowed: bool) -> Iterator[None]:
    """Within the block, opening a store that does not exist creates it only if ``allowed``,
    and otherwise raises StoreMissing."""
    token = _CREATING.set(allowed)
    try:
        yield
    finally:
        _CREATING.reset(token)


class ConfigError(ValueError):
    pass


class StoreMissing(LookupError):
    def __init__(self, url: str) -> None:
        super().__init__(
            f"penyimpanan {url} belum ada; buat dengan `talenta serve` atau `talenta --init ...` "
            f"/ no store at {url} yet; create it with `talenta serve` or `talenta --init ...`"
        )


@dataclass(frozen=True)
class StoreConfig:
    """``TALENTA_STORE``: ``sqlite:///relative/path``, ``sqlite:////abs/path`` or
    ``postgresql://user:password@host:port/dbname``."""

    url: str

    @classmethod
    def from_env(cls) -> StoreConfig:
        return cls(os.environ.get("TALENTA_STORE", DEFAULT_STORE))

    @property
    def backend(self) -> str:
        scheme = urlparse(self.url).scheme
        if scheme == "sqlite":
            return "sqlite"
        if scheme in ("postgresql", "postgres"):
            return "postgres"
        raise ConfigError(f"TALENTA_STORE must start with sqlite:// or postgresql://: {self.url}")

    def exists(self) -> bool:
        """Whether the store holds the product's log: its SQLite file exists, or its PostgreSQL
        database has the event table. A database that cannot be reached raises."""
        if self.backend == "sqlite":
            path = self.eventsourcing_env(create=False)["SQLITE_DBNAME"]
            return path == ":memory:" or Path(path).is_file()
        with psycopg.connect(self.url, connect_timeout=10) as connection:
            found = connection.execute(
                sql.SQL("SELECT to_regclass({0})").format(sql.Literal(EVENTS_TABLE))
            ).fetchone()
        return found is not None and found[0] is not None

    def eventsourcing_env(self, create: bool = True) -> dict[str, str]:
        """The settings the eventsourcing library reads, derived from the one URL. Refuses a
        store that does not exist (StoreMissing) where stores are not being created
        (creating_stores), so that a mistyped path, or a command run from another folder, never
        answers from a new, empty store; ``create=False`` only reads the settings."""
        if create and not _CREATING.get() and not self.exists():
            raise StoreMissing(self.url)
        parsed = urlparse(self.url)
        if self.backend == "sqlite":
            path = unquote(parsed.path[1:]) if parsed.path.startswith("/") else parsed.path
            if create and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            return {
                "PERSISTENCE_MODULE": "eventsourcing.sqlite",
                "SQLITE_DBNAME": path,
                "SQLITE_LOCK_TIMEOUT": "10",
            }
        return {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": parsed.path.lstrip("/") or "talenta",
            "POSTGRES_HOST": parsed.hostname or "localhost",
            "POSTGRES_PORT": str(parsed.port or 5432),
            "POSTGRES_USER": unquote(parsed.username or "postgres"),
            "POSTGRES_PASSWORD": unquote(parsed.password or ""),
            "POSTGRES_CONNECT_TIMEOUT": "10",
            # A statement stuck in psycopg's pipeline must fail rather than hang.
            "POSTGRES_IDLE_IN_TRANSACTION_SESSION_TIMEOUT": "30",
            "POSTGRES_LOCK_TIMEOUT": "10",
        }
