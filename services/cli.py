"""The `talenta` command line."""

from __future__ import annotations

import getpass
import json
import os
from pathlib import Path

import click

from projections.directory import DirectoryProjection, directory_view
from projections.follower import Follower
from services.application import Talenta
from services.config import StoreConfig


def store_option(function: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--store",
        envvar="TALENTA_STORE",
        default=StoreConfig.from_env().url,
        show_default=True,
        help="Event store: sqlite:///path or postgresql://user@host:port/db (TALENTA_STORE).",
    )(function)


@click.group()
def main() -> None:
    """Talenta: civil-servant talent management (Binjai 8/2023, Balikpapan 12/2022, Madiun
    48/2021)."""


@main.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@click.option("--temporal-port", default=7233, show_default=True)
@click.option(
    "--data",
    default="var",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder for the Temporal dev server's database.",
)
def serve(store: str, host: str, port: int, temporal_port: int, data: Path) -> None:
    """Run the product: API, read models and a Temporal dev server started here."""
    from services.serve import run

    run(StoreConfig(store), host, port, temporal_port, data)


@main.command()
@store_option
@click.argument("agency")
@click.option("--unit", default=None, help="Only this unit.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def employees(store: str, agency: str, unit: str | None, as_json: bool) -> None:
    """List the employees of AGENCY from the directory read model."""
    app = Talenta(StoreConfig(store))
    try:
        view = directory_view(app)
        Follower(app, DirectoryProjection(view)).catch_up()
        rows = view.rows(agency, unit)
    finally:
        app.close()
    if as_json:
        click.echo(json.dumps([row.model_dump() for row in rows], indent=2))
        return
    for row in rows:
        click.echo(f"{row.nip}  {row.grade:6} {row.unit:30.30} {row.position:30.30} {row.name}")
    click.echo(f"{len(rows)} pegawai / employees")


def current_actor() -> str:
    return os.environ.get("TALENTA_ACTOR") or getpass.getuser()
