"""A PostgreSQL cluster of the fault tests' own, which they may stop and start again at will.

Never the shared server on localhost:5432: other test sessions use it. The cluster comes from
`infra.postgres.start_throwaway_postgres`; the tests stop its postmaster with the signals
`pg_ctl stop` sends and start a new one on the same data directory, port and socket directory,
so clients reconnect to the same address. The new one runs as the account owning the data
(PostgreSQL refuses root), dies with the test process like the first, and keeps PostgreSQL's
durable defaults: the throwaway cluster's `synchronous_commit=off` acknowledges commits a crash
then loses, which no production server does and which would hide, or fake, a lost save.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from infra.postgres import PostgresServer, find_pg_bindir, is_reachable

# pg_ctl's shutdown modes and the signal each sends to the postmaster.
MODES = {"smart": signal.SIGTERM, "fast": signal.SIGINT, "immediate": signal.SIGQUIT}


@dataclass
class Cluster:
    server: PostgresServer
    _postmaster: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def data(self) -> Path:
        assert self.server.data_dir is not None, "only a throwaway cluster can be restarted"
        return self.server.data_dir

    @property
    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def stop(self, mode: str = "immediate", timeout: float = 30) -> None:
        """``immediate`` ends every backend at once, as a crash would (crash recovery follows
        at start); ``fast`` rolls back open transactions and checkpoints."""
        pid = int((self.data / "postmaster.pid").read_text().split()[0])
        os.kill(pid, MODES[mode])
        deadline = time.monotonic() + timeout
        while self.running:
            assert time.monotonic() < deadline, f"postgres did not stop in {timeout} s"
            time.sleep(0.05)
        if self._postmaster is not None:
            self._postmaster.wait(timeout)

    def start(self, timeout: float = 30) -> None:
        base, owner = self.data.parent, os.stat(self.data)
        root = os.geteuid() == 0
        setpriv = shutil.which("setpriv")
        with (base / "restarted.log").open("ab") as log:
            self._postmaster = subprocess.Popen(
                [
                    *([setpriv, "--pdeathsig=INT", "--"] if setpriv else []),
                    str(find_pg_bindir() / "postgres"),
                    *("-D", str(self.data), "-p", str(self.server.settings.port)),
                    *("-k", str(base), "-c", "listen_addresses=127.0.0.1"),
                ],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=base,
                start_new_session=True,
                user=owner.st_uid if root else None,
                group=owner.st_gid if root else None,
                extra_groups=[] if root else None,
            )
        deadline = time.monotonic() + timeout
        while not is_reachable(self.server.settings, timeout=2):
            assert self._postmaster.poll() is None, (base / "restarted.log").read_text()
            assert time.monotonic() < deadline, f"postgres did not start in {timeout} s"
            time.sleep(0.1)

    def restart(self, mode: str = "immediate") -> None:
        self.stop(mode)
        self.start()

    def close(self) -> None:
        if self.running:
            self.stop("fast")
        self.server.stop()
