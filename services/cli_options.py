"""Options every command line of the product shares."""

from __future__ import annotations

import click

from services.config import StoreConfig

# The option itself, so that commands built from several decorators can list it too.
STORE = click.option(
    "--store",
    envvar="TALENTA_STORE",
    default=StoreConfig.from_env().url,
    show_default=True,
    help="Event store: sqlite:///path or postgresql://user@host:port/db (TALENTA_STORE).",
)


def store_option(function: click.decorators.FC) -> click.decorators.FC:
    return STORE(function)
