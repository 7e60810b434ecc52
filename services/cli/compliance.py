"""`talenta compliance`: the compliance replay of the event log, one line per breach."""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import click

from services.audit.compliance import replay
from services.audit.compliance_models import ComplianceReport
from services.bootstrap import store_opened
from services.cli.options import store_option


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
@store_option
@click.option(
    "--agency",
    envvar="TALENTA_AGENCY",
    default=None,
    help="Only this agency's decisions (TALENTA_AGENCY); every agency when not given.",
)
@click.option(
    "--as-of",
    callback=_moment,
    metavar="ISO-DATETIME",
    help="The moment deadlines are judged against (default now; UTC unless a zone is given).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def compliance(store: str, agency: str | None, as_of: datetime | None, as_json: bool) -> None:
    """Re-judge every decision in the log under the pack in force on its date and list each
    breach with its rule and citation; exit code 1 when any is found."""
    with store_opened(store) as app:
        report = replay(app, agency, as_of)
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
