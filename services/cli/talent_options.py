"""What every `talenta talent` command shares: the actor (role defaulting to the one that takes
the step), and the small parsers for repeatable KEY=VALUE options.

The actor options are those of every acting step (services/cli/step.py): --store,
--agency, --as, --actor, --reason, --effective. A talent step acts for the actor's own agency.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from domain.envelope import Actor
from domain.rules.registry import pack_for
from services.cli.options import date_option
from services.cli.render import echo_json
from services.cli.step import Step, role_for
from services.talent import succession

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])


def acting(step: Step, handler: Callable[..., Any]) -> Actor:
    """The actor of ``step`` for ``handler``: ``--as``, else the role that takes the step. A
    nomination defaults to the pack's nominator (Binjai P22: the PPK; Balikpapan P16(1): the
    talent team)."""
    default = role_for(handler)
    if handler is succession.nominate:
        cycle = pack_for(step.agency).cycle
        default = cycle.nominator if cycle else default
    return step.actor(default)


def take(step: Step, handler: Callable[..., T], command: Any) -> T:
    """``handler`` run on ``command`` in the step's store, by the step's actor for it."""
    with step.app() as app:
        return handler(app, command, acting(step, handler))


def decree_options(help: str = "") -> Callable[[F], F]:
    """``--decree NUMBER --decree-date DATE``: the decree a step records, both required."""

    def declare(command: F) -> F:
        dated = date_option("--decree-date", required=True)(command)
        return click.option("--decree", "decree_number", required=True, help=help or None)(dated)

    return declare


def pairs(specs: tuple[str, ...], option: str) -> dict[str, str]:
    """``KEY=VALUE`` options into a mapping, refused as a usage error when malformed."""
    found: dict[str, str] = {}
    for spec in specs:
        key, separator, value = spec.partition("=")
        if not separator or not key.strip():
            raise click.BadParameter(
                f"{spec!r}: harus KUNCI=NILAI / must be KEY=VALUE", param_hint=option
            )
        found[key.strip()] = value.strip()
    return found


def evidence_of(specs: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """``--evidence SOURCE.PART=VALUE`` (repeatable) into the assessment's evidence, e.g.
    ``assessment_centre.intellectual=4``; a numeric value is kept as a number."""
    evidence: dict[str, dict[str, Any]] = {}
    for dotted, value in pairs(specs, "--evidence").items():
        source, dot, part = dotted.partition(".")
        if not dot or not part:
            raise click.BadParameter(
                f"{dotted!r}: harus SUMBER.BAGIAN=NILAI / must be SOURCE.PART=VALUE",
                param_hint="--evidence",
            )
        evidence.setdefault(source, {})[part] = _number(value)
    return evidence


def _number(value: str) -> Any:
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            continue
    return value


def json_or(as_json: bool, value: Any, line: str) -> None:
    """Prints ``value`` as JSON with --json, else the one ``line`` a script greps."""
    if as_json:
        echo_json(value)
    else:
        click.echo(line)
