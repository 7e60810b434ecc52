"""The clocks alone, for a Temporal server run elsewhere: the Temporal worker and the relay from
events to clocks. Run as `talenta-worker` (or `python -m services.worker`), a process that loads
neither the HTTP API nor the command line; `talenta worker` runs the same from the command
line."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
from collections.abc import Sequence
from pathlib import Path

from temporalio.client import Client
from temporalio.contrib.pydantic import pydantic_data_converter

from services.bootstrap import clocks, open_store
from services.config import (
    DEFAULT_NAMESPACE,
    DEFAULT_TEMPORAL,
    NAMESPACE_ENV,
    TEMPORAL_ENV,
    StoreConfig,
)
from services.settings import SETTINGS_ENV, Settings, SettingsError, load_settings


async def work(
    store: StoreConfig, temporal: str, settings: Settings, namespace: str = DEFAULT_NAMESPACE
) -> None:
    """Runs the clocks until SIGINT or SIGTERM."""
    client = await Client.connect(
        temporal, namespace=namespace, data_converter=pydantic_data_converter
    )
    app = open_store(store)
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stopping.set)
    try:
        async with clocks(app, client, settings):
            print(f"Talenta: clocks running against {temporal} ({namespace})", flush=True)
            await stopping.wait()
    finally:
        app.close()


def run_worker(
    store: StoreConfig,
    temporal: str,
    settings: Settings | None = None,
    namespace: str = DEFAULT_NAMESPACE,
) -> None:
    """``settings``: else the file ``TALENTA_SETTINGS`` names, else the defaults."""
    asyncio.run(work(store, temporal, settings or load_settings(), namespace))


def arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="talenta-worker",
        description="Run the clocks against a running Temporal server: the worker and the "
        "relay. Start as many as you like; clocks are started once whatever runs the relay.",
    )
    parser.add_argument(
        "--store",
        default=StoreConfig.from_env().url,
        help="Event store: sqlite:///path or postgresql://user@host:port/db (TALENTA_STORE).",
    )
    parser.add_argument(
        "--temporal",
        default=os.environ.get(TEMPORAL_ENV, DEFAULT_TEMPORAL),
        help=f"Address of a running Temporal server ({TEMPORAL_ENV}).",
    )
    parser.add_argument(
        "--namespace",
        default=os.environ.get(NAMESPACE_ENV, DEFAULT_NAMESPACE),
        help=f"The Temporal namespace of the clocks ({NAMESPACE_ENV}), e.g. one per province.",
    )
    parser.add_argument(
        "--settings",
        type=Path,
        default=None,
        help=f"The agencies' settings file ({SETTINGS_ENV}); defaults when absent.",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> None:
    parser = arguments()
    options = parser.parse_args(argv)
    try:
        settings = load_settings(options.settings)
    except SettingsError as error:
        parser.error(str(error))
    run_worker(StoreConfig(options.store), options.temporal, settings, options.namespace)


if __name__ == "__main__":
    main()
