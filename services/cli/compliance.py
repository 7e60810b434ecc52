"""`talenta compliance`: the compliance replay of the event log, one line per breach."""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import click

from domain.envelope import Role
from services.audit.compliance import ComplianceQuery, compliance_report, replay
from services.audit.compliance_models import ComplianceReport
from services.cli.session import embedded_requested
from services.cli.step import Step, step_options


def _moment(ctx: click.Context, parameter: click.Parameter, value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"bukan tanggal-waktu ISO / not an ISO date-time: {value!r}"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@click.command()
@step_options(with_effective=False, with_reason=False)
@click.option(
    "--as-of",
    callback=_moment,
    metavar="ISO-DATETIME",
    help="The moment deadlines are judged against (default now; UTC unless a zone is given).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def compliance(step: Step, as_of: datetime | None, as_json: bool) -> None:
    """Re-judge every decision of the agency in the log under the pack in force on its date and
    list each breach with its rule and citation; exit code 1 when any is found. As an auditor
    (or `--as administrator`) of the signed-in user's agency, like GET /audit/compliance; the
    embedded mode without --agency replays every agency of its own store."""
    with step.app() as app:
        if embedded_requested(step.embedded) and not step.asked_agency:
            report = replay(app, None, as_of)
        else:
            actor = step.actor(Role.AUDITOR)
            query = ComplianceQuery(agency=actor.agency, as_of=as_of)
            report = compliance_report(app, query, actor)
    if as_json:
        click.echo(report.model_dump_json(indent=2))
    else:
        click.echo("\n".join(lines(report)))
    if report.breaches:
        sys.exit(1)


def lines(report: ComplianceReport) -> list[str]:
    found = [str(breach) for breach in report.breaches]
    verdict = f"{len(found)} PELANGGARAN / BREACHES" if found else "PATUH / COMPLIANT"
    scope = report.agency or "semua instansi / every agency"
    return [
        *found,
        f"{verdict}: {report.checked} keputusan diperiksa / decisions checked ({scope}, "
        f"per {report.as_of.isoformat(timespec='seconds')})",
    ]
