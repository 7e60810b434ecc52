"""Configuration: one setting chooses the store; everything else has a working default."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

DEFAULT_STORE = "sqlite:///var/talenta.sqlite"
# The Temporal server a worker run apart from `talenta serve` connects to.
TEMPORAL_ENV = "TALENTA_TEMPORAL"
DEFAULT_TEMPORAL = "127.0.0.1:7233"


class ConfigError(ValueError):
    pass


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

    def eventsourcing_env(self) -> dict[str, str]:
        """The settings the eventsourcing library reads, derived from the one URL."""
        parsed = urlparse(self.url)
        if self.backend == "sqlite":
            path = unquote(parsed.path[1:]) if parsed.path.startswith("/") else parsed.path
            if path != ":memory:":
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
