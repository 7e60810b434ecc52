"""The product served by uvicorn on a free port over a SQLite store holding the sample Madiun
agency and its users, and Debian's Chromium driven by Playwright (its own browser download
cannot work offline)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI

from domain.envelope import Actor, Role
from services.accounts import NewUser, create_user
from services.api import create_api
from services.api.context import Context
from services.application import Talenta
from services.config import StoreConfig
from services.importing import PersonnelFiles, import_personnel
from services.web.settings import WebSettings

# ``store`` and ``app``: a new store on each backend, a SQLite file and a PostgreSQL database.
from tests.integration.conftest import app, store  # noqa: F401

playwright_sync = pytest.importorskip("playwright.sync_api")

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SAMPLES = Path(__file__).parents[2] / "services" / "importing" / "samples"
PASSWORD = "kata-sandi-uji-1"
# user name -> agency, roles, unit
USERS: dict[str, tuple[str, tuple[Role, ...], str]] = {
    "siti": ("kota-madiun", (Role.CASEWORKER, Role.SCOUTING_TEAM), ""),
    "asesor": ("kota-madiun", (Role.ASSESSOR,), ""),
    "penguji": ("kota-madiun", (Role.EXTERNAL_ASSESSOR,), ""),
    "walikota": ("kota-madiun", (Role.PPK,), ""),
    "kabag": ("kota-madiun", (Role.HEAD_OF_UNIT,), "Dinas Pekerjaan Umum dan Penataan Ruang"),
    "kaban": (
        "kota-madiun",
        (Role.HEAD_OF_UNIT,),
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    ),
    "kadis": ("kota-madiun", (Role.HEAD_OF_UNIT,), "Dinas Komunikasi dan Informatika"),
    "tamu": ("kota-binjai", (Role.CASEWORKER,), ""),
    "admin": ("kota-madiun", (Role.ADMINISTRATOR,), ""),
    "inspektur": ("kota-madiun", (Role.AUDITOR,), ""),
    "kasetda": ("kota-madiun", (Role.HEAD_OF_UNIT,), "Sekretariat Daerah"),
    "sekda": ("kota-madiun", (Role.TPK_MEMBER,), ""),
}


@dataclass(frozen=True)
class Site:
    url: str
    app: Talenta


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def served(api: FastAPI) -> Iterator[str]:
    """``api`` served by uvicorn on a free port of 127.0.0.1 until the block ends: its address."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(api, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    path = tmp_path_factory.mktemp("web") / "talenta.sqlite"
    talenta = Talenta(StoreConfig(f"sqlite:///{path}"))
    clerk = Actor(id="setup", role=Role.CASEWORKER, agency="kota-madiun")
    import_personnel(talenta, PersonnelFiles.in_directory(SAMPLES), "kota-madiun", clerk)
    for username, (agency, roles, unit) in USERS.items():
        admin = Actor(id="admin", role=Role.ADMINISTRATOR, agency=agency)
        new = NewUser(
            username=username, agency=agency, roles=frozenset(roles), unit=unit, password=PASSWORD
        )
        create_user(talenta, new, admin)
    api = create_api(Context.of(talenta), web=WebSettings(secret="s" * 64))
    try:
        with served(api) as url:
            yield Site(url, talenta)
    finally:
        talenta.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (infra/setup.sh installs it as root)")
    with playwright_sync.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield launched
        finally:
            launched.close()
