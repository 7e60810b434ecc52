"""What the scripts starting PostgreSQL and the Temporal dev server share: a free port to start
a server on, and tying a server's life to the process that started it."""

from __future__ import annotations

import shutil
import socket
import sys


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


def die_with_parent(signame: str) -> list[str]:
    """A prefix that makes the child get `signame` when the thread that started it dies.

    Without it, a product or test run killed with SIGKILL leaves the server running, holding its
    port and data files, and the next start fails. setpriv (util-linux) execs in place, so the
    pid we hold is still the server's. Linux only; elsewhere the server is simply not tied to us.
    """
    setpriv = shutil.which("setpriv")
    if setpriv is None or not sys.platform.startswith("linux"):
        return []
    return [setpriv, f"--pdeathsig={signame}", "--"]
