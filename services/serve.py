"""Runs the embedded product: the store, a Temporal dev server it starts itself with the clocks'
worker and relay, the read models kept up to date with the log, and the HTTP API. The agencies'
settings (lead times, delivery channels) are read before anything starts, so bad settings stop
the start with their error."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import threading
from pathlib import Path

import uvicorn
from temporalio.client import Client
from temporalio.contrib.pydantic import pydantic_data_converter

from domain.agencies import AGENCIES
from infra.temporal import start_dev_server
from projections.follower import poll
from services.api import create_api
from services.api.context import Context
from services.application import Talenta
from services.config import StoreConfig
from services.settings import Settings, load_settings
from services.web import WebSettings
from workflows.catalog import HANDLERS, WORKFLOWS, rules
from workflows.worker import running_clocks
from workflows.yearly_schedule import ensure_yearly_schedules

log = logging.getLogger(__name__)


async def serve(
    store: StoreConfig, host: str, port: int, temporal_port: int, data: Path, settings: Settings
) -> None:
    data.mkdir(parents=True, exist_ok=True)
    # On disk, so pending clocks survive a restart of the product.
    temporal = await start_dev_server(data / "temporal.db", port=temporal_port)
    app = Talenta(store)
    stop = threading.Event()
    try:
        client = await temporal.connect()
        log.info("Temporal dev server on %s (namespace %s)", temporal.target, client.namespace)
        context = Context.of(app)
        threading.Thread(target=poll, args=(context.refresh, stop), daemon=True).start()
        web = WebSettings.from_env(data / "web-secret")  # the session secret stays with the data
        config = uvicorn.Config(
            create_api(context, web=web), host=host, port=port, log_level="info"
        )
        await ensure_yearly_schedules(client, AGENCIES)
        clocks = running_clocks(
            app, client, rules(settings), HANDLERS, workflows=WORKFLOWS, settings=settings
        )
        async with clocks:
            print(
                f"Talenta: web interface and API on http://{host}:{port}/ (API docs at /docs), "
                f"store {store.url}, "
                f"Temporal at {temporal.target}",
                flush=True,
            )
            await uvicorn.Server(config).serve()
    finally:
        stop.set()
        app.close()
        await temporal.stop()


async def work(store: StoreConfig, temporal: str, settings: Settings) -> None:
    """The clocks alone, for a Temporal server run elsewhere; stops on SIGINT or SIGTERM."""
    client = await Client.connect(temporal, data_converter=pydantic_data_converter)
    app = Talenta(store)
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stopping.set)
    try:
        await ensure_yearly_schedules(client, AGENCIES)
        clocks = running_clocks(
            app, client, rules(settings), HANDLERS, workflows=WORKFLOWS, settings=settings
        )
        async with clocks:
            print(f"Talenta: clocks running against {temporal}", flush=True)
            await stopping.wait()
    finally:
        app.close()


def run_worker(store: StoreConfig, temporal: str, settings: Settings | None = None) -> None:
    """``settings``: else the file ``TALENTA_SETTINGS`` names, else the defaults."""
    asyncio.run(work(store, temporal, settings or load_settings()))


def run(
    store: StoreConfig,
    host: str,
    port: int,
    temporal_port: int,
    data: Path,
    settings: Settings | None = None,
) -> None:
    found = settings or load_settings()
    # Ctrl-C is the way to stop the product; everything is shut down in serve()'s finally.
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(store, host, port, temporal_port, data, found))
