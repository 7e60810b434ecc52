"""`talenta talent coverage`: the succession coverage forecast of the agency, each critical and
target position's vacancy day against its ready successors, those falling vacant within
--horizon months with none ready flagged; a table, CSV (--csv) or JSON (--json)."""

from __future__ import annotations

from datetime import date

import click

from domain.envelope import Role
from domain.talent.coverage import CoverageForecast
from services.bootstrap import ReadModels
from services.cli.options import date_option, json_option
from services.cli.render import echo_json, echo_rows
from services.cli.step import Step, step_options
from services.personal_data_reads import record_reads
from services.talent.coverage import MAX_HORIZON_MONTHS, coverage_forecast, people

HEADERS = (
    "Jabatan/Position",
    "Unit",
    "Pejabat/Incumbent",
    "BUP",
    "Lowong/Vacant on",
    "Siap/Ready",
    "Suksesor/Successors",
    "Tanda/Flag",
)


@click.command()
@step_options(with_effective=False, with_reason=False)
@click.option(
    "--horizon",
    type=click.IntRange(0, MAX_HORIZON_MONTHS),
    default=24,
    show_default=True,
    help="Months ahead: a position falling vacant by then with no ready successor is flagged.",
)
@date_option("--on", default=None, help="As of this date (default: today in the agency's zone).")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV, for a spreadsheet.")
@json_option
def coverage(step: Step, horizon: int, on: date | None, as_csv: bool, as_json: bool) -> None:
    """The succession coverage forecast: when each critical and target position falls vacant
    (BUP of PP 11/2017 P239 from the holder's NIP) against its ready successors."""
    actor = step.actor(Role.CASEWORKER)
    with step.app() as app:
        read_models = ReadModels.of(app)
        read_models.refresh()
        found = coverage_forecast(
            app, read_models.documents, read_models.directory, step.agency, on, horizon, actor
        )
        record_reads(app, actor, step.agency, people(found), "talenta talent coverage")
    if as_json:
        echo_json(found)
        return
    echo_rows(HEADERS, table(found), as_csv)
    if not as_csv:
        click.echo(
            f"{found.flagged} ditandai / flagged, s.d./through {found.horizon_end} "
            f"({found.horizon_months} bulan/months); {found.convention.id}"
        )


def table(found: CoverageForecast) -> list[list[str]]:
    return [
        [
            row.position,
            row.unit,
            row.incumbent or "-",
            str(row.retirement_age or "-"),
            str(row.vacates_on or "lowong/vacant"),
            str(row.ready),
            ", ".join(f"{s.order}. {s.nip} ({s.readiness})" for s in row.successors) or "-",
            "TANDAI/FLAGGED" if row.flagged else "",
        ]
        for row in found.rows
    ]
