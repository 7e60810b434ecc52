"""`talenta serve` (the whole product in one process) and `talenta worker` (the clocks alone,
against a running Temporal server)."""

from __future__ import annotations

from pathlib import Path

import click

from services.cli.options import settings_option, store_option
from services.config import (
    DATA,
    DEFAULT_NAMESPACE,
    DEFAULT_TEMPORAL,
    NAMESPACE_ENV,
    TEMPORAL_ENV,
    StoreConfig,
    creating_stores,
)
from services.settings import Settings


@click.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@click.option("--temporal-port", default=7233, show_default=True)
@click.option(
    "--data",
    default=str(DATA),
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder for the Temporal dev server's database and the sign-in sessions' secret.",
)
@settings_option
@click.option(
    "--no-clocks",
    is_flag=True,
    help="Only the API and its read models, no Temporal: one API process of many, the clocks "
    "run by `talenta worker` processes against a Temporal server run elsewhere.",
)
@click.option(
    "--read-models",
    type=click.Choice(["follow", "watch"]),
    default="follow",
    show_default=True,
    help="follow: this process keeps the read models up to the log; watch: another process "
    "(an API process of the same store that follows) does, and this one answers from as far as "
    "that one has come.",
)
def serve(
    store: str,
    host: str,
    port: int,
    temporal_port: int,
    data: Path,
    settings: Settings,
    no_clocks: bool,
    read_models: str,
) -> None:
    """Run the product: API, read models and a Temporal dev server started here."""
    from services.serve import run

    follow = read_models == "follow"
    with creating_stores(True):
        run(StoreConfig(store), host, port, temporal_port, data, settings, not no_clocks, follow)


@click.command()
@store_option
@click.option(
    "--temporal",
    envvar=TEMPORAL_ENV,
    default=DEFAULT_TEMPORAL,
    show_default=True,
    help=f"Address of a running Temporal server ({TEMPORAL_ENV}).",
)
@click.option(
    "--namespace",
    envvar=NAMESPACE_ENV,
    default=DEFAULT_NAMESPACE,
    show_default=True,
    help=f"The Temporal namespace of the clocks ({NAMESPACE_ENV}), e.g. one per province.",
)
@settings_option
def worker(store: str, temporal: str, namespace: str, settings: Settings) -> None:
    """Run the clocks against a running Temporal server: the worker and the relay. Start as
    many as you like; clocks are started once whatever runs the relay. `talenta-worker` runs
    the same without the command line loaded."""
    from services.worker import run_worker

    run_worker(StoreConfig(store), temporal, settings, namespace)
