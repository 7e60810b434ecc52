"""Runs the embedded product: the store, a Temporal dev server it starts itself with the clocks'
worker and relay, the read models kept up to date with the log, and the HTTP API. The agencies'
settings (lead times, delivery channels) are read before anything starts, so bad settings stop
the start with their error.

Without the clocks (``--no-clocks``) it is one API process of many: the read models and the
HTTP API over a shared store, no Temporal at all; the clocks then run in workers of their own
(`talenta worker`) against a Temporal server run elsewhere. Of several API processes, one may
follow the read models for all (``follow``, the default) and the others only watch how far it
has come (``watch``): they then spend their processor on requests alone, and a user's reads of
its own writes wait for the following process."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from pathlib import Path

import uvicorn
from eventsourcing.utils import get_topic
from temporalio.client import Client

from domain.access.users import User
from infra.temporal import start_dev_server
from services.api import create_api
from services.application import Talenta
from services.bootstrap import ReadModels, clocks, open_store
from services.config import StoreConfig
from services.settings import Settings, load_settings
from services.web.settings import WebSettings

log = logging.getLogger(__name__)


async def serve(
    store: StoreConfig, host: str, port: int, temporal_port: int, data: Path, settings: Settings
) -> None:
    data.mkdir(parents=True, exist_ok=True)
    # On disk, so pending clocks survive a restart of the product.
    temporal = await start_dev_server(data / "temporal.db", port=temporal_port)
    try:
        client = await temporal.connect()
        log.info("Temporal dev server on %s (namespace %s)", temporal.target, client.namespace)
        await serve_api(store, host, port, data, settings, client, f"Temporal at {temporal.target}")
    finally:
        await temporal.stop()


async def serve_api(
    store: StoreConfig,
    host: str,
    port: int,
    data: Path,
    settings: Settings,
    client: Client | None,
    clocks_at: str,
    follow: bool = True,
) -> None:
    """The read models (followed here, or watched when ``follow`` is False) and the HTTP API,
    with the clocks when ``client`` is given."""
    data.mkdir(parents=True, exist_ok=True)
    app = open_store(store)
    stop = threading.Event()
    try:
        read_models = ReadModels.of(app)
        # Readers answer from the read models as they stand.
        (read_models.follow if follow else read_models.watch)(stop)
        # The session secret stays with the data, unless TALENTA_WEB_SECRET gives the one that
        # every API process of a deployment shares.
        web = WebSettings.from_env(data / "web-secret")
        config = uvicorn.Config(
            create_api(read_models, web=web), host=host, port=port, log_level="info"
        )
        async with clocks(app, client, settings) if client else contextlib.nullcontext():
            print("\n".join(started(app, store, host, port, clocks_at)), flush=True)
            await uvicorn.Server(config).serve()
    finally:
        stop.set()
        app.close()


def started(app: Talenta, store: StoreConfig, host: str, port: int, clocks_at: str) -> list[str]:
    """What the start tells a new user: where the product and its API docs are, and how the
    first sign-in becomes possible (nobody can sign in before an administrator exists)."""
    url = f"http://{host}:{port}/"
    lines = [
        f"Talenta berjalan / is running: {url}",
        f"  API docs: {url}docs",
        f"  store {store.url}, {clocks_at}",
    ]
    users = app.recorder.select_notifications(start=None, limit=1, topics=[get_topic(User.Created)])
    if users:
        return [*lines, f"  masuk / sign in at {url} (command line: talenta login USER)"]
    return [
        *lines,
        "  belum ada pengguna / no user yet: create the first administrator (it asks for a "
        "password), then sign in at " + url,
        "    TALENTA_EMBEDDED=1 .venv/bin/talenta user create admin --agency kota-madiun "
        "--role administrator",
    ]


def run(
    store: StoreConfig,
    host: str,
    port: int,
    temporal_port: int,
    data: Path,
    settings: Settings | None = None,
    with_clocks: bool = True,
    follow: bool = True,
) -> None:
    found = settings or load_settings()
    # Ctrl-C is the way to stop the product; everything is shut down in serve()'s finally.
    with contextlib.suppress(KeyboardInterrupt):
        if with_clocks:
            asyncio.run(serve(store, host, port, temporal_port, data, found))
        else:
            clockless = "clocks run by the workers (talenta worker)"
            asyncio.run(serve_api(store, host, port, data, found, None, clockless, follow))
