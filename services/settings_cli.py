"""``--settings FILE`` for the commands that run the clocks (`talenta serve`, `talenta worker`)."""

from __future__ import annotations

from pathlib import Path

import click

from services.settings import SETTINGS_ENV, Settings, SettingsError, load_settings


def _load(ctx: click.Context, parameter: click.Parameter, value: Path | None) -> Settings:
    try:
        return load_settings(value)
    except SettingsError as error:
        raise click.BadParameter(str(error)) from None


settings_option = click.option(
    "--settings",
    envvar=SETTINGS_ENV,
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    callback=_load,
    help="Per-agency settings, TOML or JSON: reminder lead times and delivery channels "
    f"({SETTINGS_ENV}); defaults when absent.",
)
