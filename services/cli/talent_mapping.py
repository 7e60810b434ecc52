"""`talenta talent` assessment and mapping steps (binjai-2023 P17-21, balikpapan-2022 P13-15):
one assessment, a sheet of them from a CSV, the mapping campaign and its report."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from uuid import UUID

import click
from pydantic import ValidationError

from domain.rules.core import RuleRefusal
from domain.rules.ninebox import Performance, Potential
from domain.talent.mapping import Assessment
from domain.values import PositionLevel
from services.bootstrap import fresh_directory
from services.cli.options import document_option, document_refs, json_option
from services.cli.refusals import one_line
from services.cli.render import echo_json
from services.cli.step import Step, step_options
from services.cli.talent_options import acting, evidence_of, json_or, take
from services.talent import mapping
from services.talent.sheets import row_command, sheet_rows

PERFORMANCE = click.Choice([p.value for p in Performance])
POTENTIAL = click.Choice([p.value for p in Potential])
EVIDENCE = click.option(
    "--evidence",
    "evidence",
    multiple=True,
    metavar="SOURCE.PART=VALUE",
    help="Evidence: assessment_centre, competency_test, track_record or other, with its part "
    "and value, e.g. assessment_centre.intellectual=4 (repeatable).",
)


def assessment_line(found: Assessment) -> str:
    return f"{found.nip}  kotak/box {found.box}  {found.category.id} / {found.category.en}"


@click.command()
@click.argument("nip")
@click.option("--performance", type=PERFORMANCE, required=True)
@click.option("--potential", type=POTENTIAL, required=True)
@click.option("--period", required=True)
@EVIDENCE
@click.option("--unit", default="", help="Default: the employee's unit.")
@click.option(
    "--level",
    type=click.Choice([level.value for level in PositionLevel]),
    default=None,
    help="Default: the level of the position held that day.",
)
@document_option("An assessment report, as NAME=PATH.")
@json_option
@step_options()
def assess(
    step: Step,
    nip: str,
    performance: str,
    potential: str,
    period: str,
    evidence: tuple[str, ...],
    unit: str,
    level: str | None,
    documents: tuple[str, ...],
    as_json: bool,
) -> None:
    """Record NIP's performance and potential levels, assessed on --effective; prints the box.
    A re-assessment for the same period supersedes the earlier one."""
    command = mapping.AssessEmployee(
        agency=step.agency,
        nip=nip,
        period=period,
        assessed_on=step.on(),
        performance=Performance(performance),
        potential=Potential(potential),
        evidence=evidence_of(evidence),
        unit=unit,
        level=PositionLevel(level) if level else None,
        documents=document_refs(documents),
        reason=step.reason,
    )
    found = take(step, mapping.assess_employee, command)
    json_or(as_json, found, assessment_line(found))


@click.command(name="assess-csv")
@click.argument("sheet", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--period", default="", help="For rows without a period column.")
@EVIDENCE
@json_option
@step_options(with_effective=False)
def assess_csv(
    step: Step, sheet: Path, period: str, evidence: tuple[str, ...], as_json: bool
) -> None:
    """Record the assessments of SHEET, a CSV of nip,performance,potential,assessed_on[,period]
    rows (header optional, comma or semicolon). Each row's evidence is the sheet (its name,
    SHA-256 and line) plus --evidence. Good rows are recorded; bad rows are reported by line
    and the command exits 1."""
    raw = sheet.read_bytes()
    shared = evidence_of(evidence)
    source = {"sheet": sheet.name, "sha256": hashlib.sha256(raw).hexdigest()}
    handler = mapping.assess_employee
    actor = acting(step, handler)
    recorded: list[Assessment] = []
    errors: list[str] = []
    with step.app() as app:
        for line, cells in sheet_rows(raw.decode("utf-8-sig")):
            try:
                command = row_command(step.agency, cells, period, shared, source, line)
                recorded.append(handler(app, command, actor))
            except (RuleRefusal, LookupError, ValueError) as refused:
                errors.append(f"baris/line {line}: {row_error(refused)}")
    if as_json:
        echo_json({"recorded": recorded, "errors": errors})
    else:
        for found in recorded:
            click.echo(assessment_line(found))
    for error in errors:
        click.echo(error, err=True)
    click.echo(f"{len(recorded)} dicatat/recorded, {len(errors)} ditolak/refused", err=True)
    if errors:
        sys.exit(1)


def row_error(refused: Exception) -> str:
    if isinstance(refused, ValidationError):
        return one_line(refused)
    return str(refused)


@click.command(name="open-campaign")
@click.option("--unit", default="", help="Default: the whole agency.")
@click.option("--period", required=True)
@click.option("--nip", "nips", multiple=True, help="Default: the active employees listed.")
@json_option
@step_options()
def open_campaign(step: Step, unit: str, period: str, nips: tuple[str, ...], as_json: bool) -> None:
    """Open a mapping campaign of a unit (or the agency) for PERIOD on --effective; prints its
    id."""
    command = mapping.OpenCampaign(
        agency=step.agency,
        unit=unit,
        period=period,
        opened_on=step.on(),
        nips=nips,
        reason=step.reason,
    )
    handler = mapping.open_campaign
    with step.app() as app:
        actor = acting(step, handler)
        found = handler(app, mapping.directory_scope(command, fresh_directory(app)), actor)
    json_or(as_json, {"campaign_id": found}, str(found))


CAMPAIGN = click.argument("campaign_id", metavar="CAMPAIGN", type=click.UUID)


@click.command(name="close-campaign")
@CAMPAIGN
@step_options()
def close_campaign(step: Step, campaign_id: UUID) -> None:
    """Close CAMPAIGN on --effective."""
    command = mapping.CloseCampaign(
        campaign_id=campaign_id, closed_on=step.on(), reason=step.reason
    )
    take(step, mapping.close_campaign, command)
    click.echo(f"pemetaan ditutup / campaign closed {command.closed_on}")


@click.command()
@CAMPAIGN
@json_option
@step_options(with_effective=False, with_reason=False)
def campaign(step: Step, campaign_id: UUID, as_json: bool) -> None:
    """CAMPAIGN's progress and its box-9 talents per unit."""
    handler = mapping.campaign_report
    with step.app() as app:
        report = handler(app, campaign_id, acting(step, handler))
    if as_json:
        echo_json(report)
        return
    progress = report.progress.model_dump(mode="json")
    click.echo(f"{report.unit or report.agency} {report.period}: {progress}")
    for unit, nips in report.top_talents.items():
        click.echo(f"  kotak/box 9 {unit}: {', '.join(nips)}")
