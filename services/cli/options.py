"""Options and arguments the commands of the product share."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from domain.envelope import DocumentRef
from services.config import StoreConfig
from services.settings import SETTINGS_ENV, Settings, SettingsError, load_settings

FC = TypeVar("FC", bound=Callable[..., Any])

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


ROUND = click.argument("round_id", metavar="ROUND", type=click.UUID)


def _as_date(ctx: click.Context, param: click.Parameter, value: datetime | None) -> date | None:
    return value.date() if value is not None else None


def date_option(*declarations: str, **attributes: Any) -> Callable[[FC], FC]:
    """An ISO date option whose value reaches the command as a ``date``, not a midnight."""
    return click.option(
        *declarations, type=click.DateTime(["%Y-%m-%d"]), callback=_as_date, **attributes
    )


def json_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON.")(function)


def document_option(help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option(
        "--document",
        "documents",
        multiple=True,
        metavar="NAME=PATH",
        help=f"{help_text} The file's SHA-256 is recorded (repeatable).",
    )


def document_refs(specs: tuple[str, ...]) -> tuple[DocumentRef, ...]:
    """``NAME=PATH`` -> a reference pinned by the file's content hash; the file stays where it
    is, its URI recorded so an auditor can find it and check the hash."""
    refs = []
    for spec in specs:
        name, separator, raw_path = spec.partition("=")
        path = Path(raw_path)
        if not separator or not name.strip() or not path.is_file():
            raise click.BadParameter(
                f"{spec!r}: harus NAMA=BERKAS yang ada / must be NAME=PATH of an existing file",
                param_hint="--document",
            )
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        refs.append(DocumentRef(name=name.strip(), sha256=digest, uri=path.resolve().as_uri()))
    return tuple(refs)


def _load_settings(ctx: click.Context, parameter: click.Parameter, value: Path | None) -> Settings:
    try:
        return load_settings(value)
    except SettingsError as error:
        raise click.BadParameter(str(error)) from None


# For the commands that run the clocks (`talenta serve`, `talenta worker`).
settings_option = click.option(
    "--settings",
    envvar=SETTINGS_ENV,
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    callback=_load_settings,
    help="Per-agency settings, TOML or JSON: reminder lead times and delivery channels "
    f"({SETTINGS_ENV}); defaults when absent.",
)
