"""Find a reachable PostgreSQL, or start a throwaway cluster from the installed binaries.

Tests and local runs call `find_or_start_postgres()`: it returns the server on localhost:5432 (or
the one named by the TALENTA_TEST_PG_* variables) when it answers, else a private cluster in a
temporary directory that `stop()` shuts down and deletes. `create_database` / `drop_database` give
each test session its own database, so tests never touch real data and parallel runs don't collide.
"""

from __future__ import annotations

import atexit
import glob
import logging
import os
import re
import shutil
import signal
import stat
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import TracebackType

import psycopg
from psycopg import sql

from infra.processes import die_with_parent, free_port

log = logging.getLogger(__name__)

ENV_HOST = "TALENTA_TEST_PG_HOST"
ENV_PORT = "TALENTA_TEST_PG_PORT"
ENV_USER = "TALENTA_TEST_PG_USER"
ENV_PASSWORD = "TALENTA_TEST_PG_PASSWORD"
# Lets a developer or CI skip probing and always use a private cluster.
ENV_FORCE_THROWAWAY = "TALENTA_TEST_PG_THROWAWAY"

_DB_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
# The unprivileged accounts tried, in order, when we run as root (initdb refuses root).
_RUN_AS_CANDIDATES = ("postgres", "nobody")
_DIR_PREFIX = "talenta-pg-"


class PostgresUnavailable(RuntimeError):
    """No server answered and no throwaway cluster could be started."""


@dataclass(frozen=True)
class PgSettings:
    host: str
    port: int
    user: str
    password: str
    dbname: str

    def conninfo(self) -> str:
        return psycopg.conninfo.make_conninfo(
            host=self.host,
            port=str(self.port),
            user=self.user,
            password=self.password or None,
            dbname=self.dbname,
        )

    def with_dbname(self, dbname: str) -> PgSettings:
        return replace(self, dbname=dbname)

    def eventsourcing_env(self) -> dict[str, str]:
        """The environment eventsourcing's POSTGRES persistence module reads."""
        return {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": self.dbname,
            "POSTGRES_HOST": self.host,
            "POSTGRES_PORT": str(self.port),
            "POSTGRES_USER": self.user,
            "POSTGRES_PASSWORD": self.password,
        }


@dataclass
class PostgresServer:
    """A reachable server; `owned` servers are throwaway clusters that `stop()` removes."""

    settings: PgSettings
    owned: bool = False
    base_dir: Path | None = None
    _process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def data_dir(self) -> Path | None:
        return None if self.base_dir is None else self.base_dir / "data"

    def stop(self, timeout: float = 20.0) -> None:
        """Shut a throwaway cluster down and delete its files; a no-op for external servers."""
        proc, self._process = self._process, None
        if proc is not None:
            _stop_process(proc, timeout)
        if self.owned and self.base_dir is not None:
            shutil.rmtree(self.base_dir, ignore_errors=True)

    def __enter__(self) -> PostgresServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def settings_from_env() -> PgSettings:
    return PgSettings(
        host=os.environ.get(ENV_HOST, "localhost"),
        port=int(os.environ.get(ENV_PORT, "5432")),
        user=os.environ.get(ENV_USER, "postgres"),
        password=os.environ.get(ENV_PASSWORD, ""),
        dbname="postgres",
    )


def is_reachable(settings: PgSettings, timeout: float = 3.0) -> bool:
    try:
        # libpq rounds connect_timeout below 2 s up to 2 s anyway.
        with psycopg.connect(settings.conninfo(), connect_timeout=max(2, int(timeout))) as conn:
            conn.execute("SELECT 1")
        return True
    except psycopg.Error as exc:
        log.debug("PostgreSQL at %s:%s not usable: %s", settings.host, settings.port, exc)
        return False


def find_or_start_postgres(*, timeout: float = 60.0) -> PostgresServer:
    """The configured server when it answers, else a throwaway cluster (call `stop()` after)."""
    if os.environ.get(ENV_FORCE_THROWAWAY, "") not in ("", "0"):
        return start_throwaway_postgres(timeout=timeout)
    settings = settings_from_env()
    if is_reachable(settings):
        return PostgresServer(settings=settings)
    log.warning(
        "no PostgreSQL at %s:%s; starting a throwaway cluster", settings.host, settings.port
    )
    return start_throwaway_postgres(timeout=timeout)


def find_pg_bindir() -> Path:
    """The directory holding initdb and postgres: pg_config's bindir, Debian's layout, or PATH."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, timeout=10, check=True
            ).stdout.strip()
            candidates.append(Path(out))
        except (OSError, subprocess.SubprocessError):
            pass
    # Debian installs the server outside PATH; prefer the newest major version.
    debian = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"),
        key=lambda p: _version_key(Path(p).parent.name),
        reverse=True,
    )
    candidates.extend(Path(p) for p in debian)
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(Path(initdb).resolve().parent)
    for bindir in candidates:
        if (bindir / "initdb").is_file() and (bindir / "postgres").is_file():
            return bindir
    raise PostgresUnavailable(
        "PostgreSQL server binaries (initdb, postgres) not found via pg_config --bindir, "
        "/usr/lib/postgresql/*/bin or PATH; install the server package (e.g. postgresql-15)"
    )


def start_throwaway_postgres(
    *, base_dir: str | Path | None = None, timeout: float = 60.0, attempts: int = 3
) -> PostgresServer:
    """Initialise and start a private cluster on a free port; `stop()` deletes it."""
    bindir = find_pg_bindir()
    run_as = _unprivileged_account()
    last_error: Exception | None = None
    for _ in range(attempts):
        root = _make_base_dir(base_dir, run_as)
        try:
            server = _start_cluster(bindir, root, run_as, timeout)
        except _PortTaken as exc:
            # Another process grabbed the port between probing and binding: try a new one.
            shutil.rmtree(root, ignore_errors=True)
            last_error = exc
            continue
        except BaseException:
            shutil.rmtree(root, ignore_errors=True)
            raise
        atexit.register(server.stop)
        return server
    raise PostgresUnavailable(f"could not start a throwaway cluster: {last_error}")


def create_database(settings: PgSettings, name: str) -> PgSettings:
    """Create database `name` on the server of `settings`; returns settings pointing at it."""
    _check_db_name(name)
    with psycopg.connect(settings.conninfo(), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return settings.with_dbname(name)


def drop_database(settings: PgSettings, name: str) -> None:
    """Drop `name`, ending its sessions first (a leaked pool must not make teardown hang)."""
    _check_db_name(name)
    # A database cannot be dropped from a connection to itself.
    maintenance = settings if settings.dbname != name else settings.with_dbname("postgres")
    with psycopg.connect(maintenance.conninfo(), autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def unique_database_name(prefix: str = "talenta_test") -> str:
    return f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"


# --- internals ---------------------------------------------------------------------------------


class _PortTaken(RuntimeError):
    pass


@dataclass(frozen=True)
class _Account:
    uid: int
    gid: int
    name: str


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", name)) or (0,)


def _check_db_name(name: str) -> None:
    if not _DB_NAME.fullmatch(name):
        raise ValueError(f"database name must match {_DB_NAME.pattern}: {name!r}")


def _unprivileged_account() -> _Account | None:
    """None when we are not root (run as ourselves); else an account initdb accepts."""
    if os.geteuid() != 0:
        return None
    import pwd

    for name in _RUN_AS_CANDIDATES:
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue
        return _Account(uid=entry.pw_uid, gid=entry.pw_gid, name=name)
    raise PostgresUnavailable(
        f"running as root and none of the accounts {_RUN_AS_CANDIDATES} exists; "
        "initdb refuses to run as root"
    )


def _make_base_dir(base_dir: str | Path | None, run_as: _Account | None) -> Path:
    parent = Path(base_dir) if base_dir is not None else Path(tempfile.gettempdir())
    if run_as is not None and not _traversable_by(parent, run_as):
        # e.g. TMPDIR inside /root: the server account could not reach its own data dir.
        parent = Path("/tmp")
    if len(os.fsencode(parent)) > 60:
        # The socket path (parent/talenta-pg-XXXXXXXX/.s.PGSQL.NNNNN) must fit in 107 bytes.
        parent = Path("/tmp")
    _sweep_stale_dirs(parent)
    root = Path(tempfile.mkdtemp(prefix=_DIR_PREFIX, dir=parent))
    if run_as is not None:
        os.chown(root, run_as.uid, run_as.gid)
    return root


def _sweep_stale_dirs(parent: Path, min_age: float = 300.0) -> None:
    """Delete clusters left by runs that were killed before they could call `stop()`.

    A dir is stale when its postmaster is gone and it is old enough not to be one that a
    concurrent run is still initialising.
    """
    now = time.time()
    for root in parent.glob(f"{_DIR_PREFIX}*"):
        try:
            if now - root.stat().st_mtime < min_age:
                continue
            pid_file = root / "data" / "postmaster.pid"
            if pid_file.exists() and _pid_alive(int(pid_file.read_text().split()[0])):
                continue
        except (OSError, ValueError, IndexError):
            continue
        log.info("removing stale throwaway cluster %s", root)
        shutil.rmtree(root, ignore_errors=True)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _traversable_by(path: Path, account: _Account) -> bool:
    for part in [path.resolve(), *path.resolve().parents]:
        st = part.stat()
        if st.st_uid == account.uid:
            continue
        if not st.st_mode & stat.S_IXOTH and not (
            st.st_gid == account.gid and st.st_mode & stat.S_IXGRP
        ):
            return False
    return True


def _start_cluster(
    bindir: Path, root: Path, run_as: _Account | None, timeout: float
) -> PostgresServer:
    data = root / "data"
    uid = run_as.uid if run_as is not None else None
    gid = run_as.gid if run_as is not None else None
    # Drop root's supplementary groups too, not just the uid and gid.
    groups: list[int] | None = [] if run_as is not None else None
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "LANG": "C"}
    init = subprocess.run(
        [
            str(bindir / "initdb"),
            "--pgdata",
            str(data),
            "--username",
            "postgres",
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--locale",
            "C",
            "--no-sync",  # throwaway data: durability is not worth the seconds
            "--no-instructions",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        timeout=timeout,
        user=uid,
        group=gid,
        extra_groups=groups,
    )
    if init.returncode != 0:
        raise PostgresUnavailable(f"initdb failed ({init.returncode}): {init.stderr.strip()}")

    port = free_port()
    log_path = root / "postgres.log"
    with open(log_path, "wb") as log_file:
        proc = subprocess.Popen(
            [
                *die_with_parent("INT"),  # fast shutdown if our process dies unannounced
                str(bindir / "postgres"),
                "-D",
                str(data),
                "-p",
                str(port),
                "-k",
                str(root),  # our own socket dir: never collide with the system server's
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off",
            ],
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=root,
            # Own session: a Ctrl-C in the terminal must not kill it before we stop it cleanly.
            start_new_session=True,
            user=uid,
            group=gid,
            extra_groups=groups,
        )
    settings = PgSettings(
        host="127.0.0.1", port=port, user="postgres", password="", dbname="postgres"
    )
    server = PostgresServer(settings=settings, owned=True, base_dir=root, _process=proc)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            text = log_path.read_text(errors="replace")
            server.stop()
            if "Address already in use" in text or "could not create any TCP/IP" in text:
                raise _PortTaken(f"port {port} taken")
            raise PostgresUnavailable(f"postgres exited ({proc.returncode}): {text[-2000:]}")
        if is_reachable(settings, timeout=2):
            return server
        time.sleep(0.1)
    text = log_path.read_text(errors="replace")
    server.stop()
    raise PostgresUnavailable(f"postgres did not accept connections in {timeout}s: {text[-2000:]}")


def _stop_process(proc: subprocess.Popen[bytes], timeout: float) -> None:
    # SIGINT is PostgreSQL's "fast" shutdown (abort sessions, checkpoint, exit); SIGQUIT its
    # "immediate" one; SIGKILL only if both hang, since it can leave orphaned backends.
    for sig, wait in ((signal.SIGINT, timeout), (signal.SIGQUIT, 5.0), (signal.SIGKILL, 5.0)):
        if proc.poll() is not None:
            return
        try:
            proc.send_signal(sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue
