"""`talenta report vacancy|nomination`: the printable audit report (print-ready HTML) of a pick
or a nomination, read in a role of an agency like any other step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from uuid import UUID

import click

from domain.envelope import Role
from projections.chain import Head, head_of
from services.application import Talenta
from services.audit.report import nomination_report, vacancy_report
from services.bootstrap import fresh_chain
from services.cli.refusals import RefusingGroup
from services.cli.step import Step, step_options


@click.group(cls=RefusingGroup)
def report() -> None:
    """Printable audit reports (HTML, print-ready) with the chain head to print on a decree."""


def output(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--out",
        type=click.Path(dir_okay=False, writable=True, path_type=Path),
        required=True,
        help="The HTML file to write.",
    )(function)


def caught_up(app: Talenta) -> Callable[[], Head | None]:
    def head() -> Head | None:
        view = fresh_chain(app)
        return head_of(view)

    return head


def write(out: Path, html: str) -> None:
    out.write_text(html, encoding="utf-8")
    click.echo(str(out))


@report.command()
@click.argument("vacancy_id", metavar="VACANCY", type=click.UUID)
@output
@step_options(with_effective=False, with_reason=False)
def vacancy(step: Step, vacancy_id: UUID, out: Path) -> None:
    """Write the audit report of VACANCY's pick (default role: auditor)."""
    with step.app() as app:
        via = "talenta report vacancy"
        write(out, vacancy_report(app, caught_up(app), vacancy_id, step.actor(Role.AUDITOR), via))


@report.command()
@click.argument("plan_id", metavar="PLAN", type=click.UUID)
@click.argument("nip")
@output
@step_options(with_effective=False, with_reason=False)
def nomination(step: Step, plan_id: UUID, nip: str, out: Path) -> None:
    """Write the audit report of NIP's nomination to PLAN's target (default role: auditor)."""
    with step.app() as app:
        actor = step.actor(Role.AUDITOR)
        via = "talenta report nomination"
        write(out, nomination_report(app, caught_up(app), plan_id, nip, actor, via))
