"""Runs the embedded product: the store, a Temporal dev server it starts itself, the read models
kept up to date by a follower, and the HTTP API."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from pathlib import Path

import uvicorn

from infra.temporal import start_dev_server
from projections.directory import DirectoryProjection, directory_view
from projections.documents import document_view
from projections.follower import Follower
from services.api import create_api
from services.application import Talenta
from services.config import StoreConfig

log = logging.getLogger(__name__)


async def serve(store: StoreConfig, host: str, port: int, temporal_port: int, data: Path) -> None:
    data.mkdir(parents=True, exist_ok=True)
    # On disk, so pending clocks survive a restart of the product.
    temporal = await start_dev_server(data / "temporal.db", port=temporal_port)
    app = Talenta(store)
    stop = threading.Event()
    try:
        client = await temporal.connect()
        log.info("Temporal dev server on %s (namespace %s)", temporal.target, client.namespace)
        directory = directory_view(app)
        follower = Follower(app, DirectoryProjection(directory))
        threading.Thread(target=follower.run, args=(stop,), name="directory", daemon=True).start()
        api = create_api(app, directory, document_view(app))
        config = uvicorn.Config(api, host=host, port=port, log_level="info")
        print(
            f"Talenta: API on http://{host}:{port} (docs at /docs), store {store.url}, "
            f"Temporal at {temporal.target}",
            flush=True,
        )
        await uvicorn.Server(config).serve()
    finally:
        stop.set()
        app.close()
        await temporal.stop()


def run(store: StoreConfig, host: str, port: int, temporal_port: int, data: Path) -> None:
    # Ctrl-C is the way to stop the product; everything is shut down in serve()'s finally.
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(store, host, port, temporal_port, data))
