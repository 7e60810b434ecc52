"""`talenta chain`: the hash chain over the event log, its head to print on a decree (for every
signed-in user, as GET /audit/chain/head), and the verification of the log against it (auditors
and administrators, as GET /audit/chain/verify)."""

from __future__ import annotations

import json
import sys

import click

from domain.envelope import Role
from projections.chain import Head, Verification, chain_view, head_of, verify
from services.audit.chain import may_verify
from services.bootstrap import fresh_chain
from services.cli.refusals import RefusingGroup
from services.cli.session import embedded_requested, signed_in
from services.cli.step import Step, step_options


@click.group(cls=RefusingGroup)
def chain() -> None:
    """Tamper evidence: the hash chain over the event log."""


@chain.command()
@step_options(with_effective=False, with_reason=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def head(step: Step, as_json: bool) -> None:
    """Print the chain's head, ID:HASH, brought up to the log first: the hash to print on a
    decree, which `talenta chain verify --published` checks later."""
    if not embedded_requested(step.embedded):
        signed_in(step.store)  # any user of the store; the head reveals no record's content
    with step.app() as app:
        view = fresh_chain(app)
        found = head_of(view)
    if as_json:
        click.echo(json.dumps(found.model_dump() if found else None))
    elif found is None:
        click.echo("log kosong, rantai belum ada / the log is empty, no chain yet")
    else:
        click.echo(str(found))


def parse_heads(
    ctx: click.Context, parameter: click.Parameter, values: tuple[str, ...]
) -> list[Head]:
    try:
        return [Head.parse(value) for value in values]
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


@chain.command(name="verify")
@step_options(with_effective=False, with_reason=False)
@click.option(
    "--published",
    multiple=True,
    callback=parse_heads,
    metavar="ID:HASH",
    help="A head printed earlier (e.g. on a decree) that must still be in the chain (repeatable).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def verify_(step: Step, published: list[Head], as_json: bool) -> None:
    """Check the whole event log against the chain, chaining nothing: one line per edited,
    deleted, inserted or reordered record (exit code 1 when any is found), and the records not
    yet chained and those after the last published head, which no published head covers. As
    an auditor, or `--as administrator`."""
    if not embedded_requested(step.embedded):
        actor = step.actor(Role.AUDITOR)
        may_verify(actor)
    with step.app() as app:
        view = chain_view(app)
        verification = verify(app, view, published)
    if as_json:
        click.echo(verification.model_dump_json(indent=2))
    else:
        click.echo("\n".join(lines(verification)))
    if not verification.ok:
        sys.exit(1)


def lines(verification: Verification) -> list[str]:
    found = [str(problem) for problem in verification.problems]
    head = str(verification.head) if verification.head else "-"
    verdict = "UTUH / INTACT" if verification.ok else f"{len(found)} MASALAH / PROBLEMS"
    return [
        *found,
        *verification.notes(),
        f"{verdict}: {verification.checked} rekaman diperiksa/records checked, "
        f"{verification.unchained} belum dirantai/not yet chained; kepala/head {head}",
    ]
