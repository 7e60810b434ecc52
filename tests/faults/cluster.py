"""A PostgreSQL cluster of the fault tests' own, which they may stop and start again at will.

Never the shared server on localhost:5432: other test sessions use it. The cluster comes from
`infra.postgres.start_throwaway_postgres`; stopping and starting go through `pg_ctl`, run as the
account that owns the data directory (PostgreSQL refuses root), on the same port and socket
directory, so clients reconnect to the same address. It runs with PostgreSQL's durable defaults:
the throwaway cluster's `synchronous_commit=off` acknowledges commits a crash then loses, which
no production server does and which would hide, or fake, a lost save.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from infra.postgres import PostgresServer, find_pg_bindir


@dataclass
class Cluster:
    server: PostgresServer

    @property
    def data(self) -> Path:
        assert self.server.data_dir is not None, "only a throwaway cluster can be restarted"
        return self.server.data_dir

    def stop(self, mode: str = "immediate") -> None:
        """``immediate`` ends every backend at once, as a crash would (crash recovery follows
        at start); ``fast`` rolls back open transactions and checkpoints."""
        self._pg_ctl("stop", "-m", mode)

    def start(self) -> None:
        base = self.data.parent
        options = f"-p {self.server.settings.port} -k {base} -c listen_addresses=127.0.0.1"
        self._pg_ctl("start", "-l", str(base / "restarted.log"), "-o", options)

    def restart(self, mode: str = "immediate") -> None:
        self.stop(mode)
        self.start()

    @property
    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def close(self) -> None:
        if self.running:
            self.stop("fast")
        self.server.stop()

    def _pg_ctl(self, *args: str) -> None:
        owner = os.stat(self.data)
        subprocess.run(
            [str(find_pg_bindir() / "pg_ctl"), "-D", str(self.data), "-w", "-t", "30", *args],
            check=True,
            capture_output=True,
            timeout=60,
            cwd=self.data.parent,
            user=owner.st_uid if os.geteuid() == 0 else None,
            group=owner.st_gid if os.geteuid() == 0 else None,
            extra_groups=[] if os.geteuid() == 0 else None,
        )
