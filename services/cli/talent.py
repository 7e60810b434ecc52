"""`talenta talent`: the talent-management cycle (binjai-2023, balikpapan-2022) step by step, as a
caseworker or the talent team would script it. Each command calls one handler of services/talent
for the actor's agency (--agency or TALENTA_AGENCY); the role defaults to the one that takes the
step. Acquisition lives here; the other areas in talent_mapping, talent_succession,
talent_development and talent_placement."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import click

from domain.talent.planning import Need
from domain.values import PositionLevel
from services.cli.options import date_option, document_option, document_refs, json_option
from services.cli.refusals import RefusingGroup
from services.cli.step import Step, step_options
from services.cli.talent_coverage import coverage
from services.cli.talent_development import (
    award,
    close_follow_up,
    counsel,
    enrol,
    follow_ups,
    retain,
)
from services.cli.talent_mapping import assess, assess_csv, campaign, close_campaign, open_campaign
from services.cli.talent_options import decree_options, json_or, pairs, take
from services.cli.talent_placement import (
    check_in,
    evaluate,
    place,
    placement_audit,
    search_conclude,
    search_decide,
    search_open,
)
from services.cli.talent_reads import show
from services.cli.talent_succession import (
    declare_target,
    nominate,
    nomination_audit,
    order_successors,
    set_group,
    set_nominated_group,
)
from services.talent import acquisition

LEVELS = click.Choice([level.value for level in PositionLevel])


@click.group(cls=RefusingGroup)
def talent() -> None:
    """Talent management (binjai-2023, balikpapan-2022): critical positions, mapping,
    succession, development, retention, placement and monitoring."""


@talent.command(name="declare-critical")
@click.option("--position", required=True)
@click.option("--unit", required=True)
@click.option("--level", type=LEVELS, required=True)
@click.option(
    "--characteristic",
    "characteristics",
    multiple=True,
    metavar="CODE=WHY",
    help="Each of the pack's characteristics with its justification (repeatable).",
)
@click.option("--priority", type=int, required=True, help="Priority rank (1 first).")
@click.option("--competency-standard", required=True, help="Reference of the standard.")
@decree_options("The PPK's decree number.")
@document_option("The decree or an attachment, as NAME=PATH.")
@json_option
@step_options(with_effective=False)
def declare_critical(
    step: Step,
    position: str,
    unit: str,
    level: str,
    characteristics: tuple[str, ...],
    priority: int,
    competency_standard: str,
    decree_number: str,
    decree_date: date,
    documents: tuple[str, ...],
    as_json: bool,
) -> None:
    """Declare POSITION of UNIT critical by the PPK's decree; prints its id."""
    command = acquisition.DeclareCriticalPosition(
        agency=step.agency,
        position=position,
        unit=unit,
        level=PositionLevel(level),
        characteristics=pairs(characteristics, "--characteristic"),
        priority_rank=priority,
        competency_standard=competency_standard,
        decree_number=decree_number,
        decree_date=decree_date,
        documents=document_refs(documents),
        reason=step.reason,
    )
    found = take(step, acquisition.declare_critical_position, command)
    json_or(as_json, {"critical_position_id": found}, str(found))


CRITICAL = click.argument("critical_position_id", metavar="CRITICAL", type=click.UUID)


@talent.command(name="report-critical")
@CRITICAL
@click.option("--letter", "letter_number", required=True, help="The report letter's number.")
@date_option("--letter-date", required=True)
@step_options(with_effective=False)
def report_critical(
    step: Step, critical_position_id: UUID, letter_number: str, letter_date: date
) -> None:
    """Record the report of CRITICAL position (the letter to BKN / the ministry)."""
    command = acquisition.ReportCriticalPosition(
        critical_position_id=critical_position_id,
        letter_number=letter_number,
        letter_date=letter_date,
        reason=step.reason,
    )
    take(step, acquisition.report_critical_position, command)
    click.echo(f"dilaporkan / reported: {letter_number}")


@talent.command(name="withdraw-critical")
@CRITICAL
@decree_options()
@step_options(with_effective=False)
def withdraw_critical(
    step: Step, critical_position_id: UUID, decree_number: str, decree_date: date
) -> None:
    """Withdraw CRITICAL position by the PPK's decree."""
    command = acquisition.WithdrawCriticalPosition(
        critical_position_id=critical_position_id,
        decree_number=decree_number,
        decree_date=decree_date,
        reason=step.reason,
    )
    take(step, acquisition.withdraw_critical_position, command)
    click.echo(f"dicabut / withdrawn: {decree_number}")


@talent.command(name="analyse-needs")
@click.option("--period", required=True, help="e.g. 2025-2029")
@click.option("--basis", multiple=True, required=True, help="RPJMD/RPJPD reference (repeatable).")
@click.option(
    "--critical",
    "critical_needs",
    multiple=True,
    metavar="CRITICAL=COUNT",
    help="Talents needed for a critical position, by its id (repeatable).",
)
@click.option(
    "--function",
    "function_needs",
    multiple=True,
    metavar="FUNCTION=COUNT",
    help="Talents needed for a duty and function (repeatable).",
)
@json_option
@step_options()
def analyse_needs(
    step: Step,
    period: str,
    basis: tuple[str, ...],
    critical_needs: tuple[str, ...],
    function_needs: tuple[str, ...],
    as_json: bool,
) -> None:
    """Record the talent needs of PERIOD, analysed on --effective; prints the plan's id."""
    needs = [
        Need(critical_position_id=UUID(key), count=int(count))
        for key, count in pairs(critical_needs, "--critical").items()
    ] + [
        Need(function=key, count=int(count))
        for key, count in pairs(function_needs, "--function").items()
    ]
    command = acquisition.AnalyseNeeds(
        agency=step.agency,
        period=period,
        analysed_on=step.on(),
        basis=basis,
        needs=tuple(needs),
        reason=step.reason,
    )
    found = take(step, acquisition.analyse_needs, command)
    json_or(as_json, {"plan_id": found}, str(found))


@talent.command(name="set-strategy")
@click.option("--period", required=True)
@click.option("--mechanism", "mechanisms", multiple=True, required=True, help="(repeatable)")
@decree_options()
@step_options(with_effective=False)
def set_strategy(
    step: Step, period: str, mechanisms: tuple[str, ...], decree_number: str, decree_date: date
) -> None:
    """Set the acquisition strategy of PERIOD from its needs analysis, by the PPK's decree."""
    command = acquisition.SetStrategy(
        agency=step.agency,
        period=period,
        mechanisms=mechanisms,
        decree_number=decree_number,
        decree_date=decree_date,
        reason=step.reason,
    )
    take(step, acquisition.set_strategy, command)
    click.echo(f"strategi / strategy: {', '.join(mechanisms)}")


# In the order the cycle runs.
for later in (
    open_campaign,
    assess,
    assess_csv,
    campaign,
    close_campaign,
    set_nominated_group,
    set_group,
    declare_target,
    nominate,
    order_successors,
    nomination_audit,
    enrol,
    counsel,
    follow_ups,
    close_follow_up,
    retain,
    award,
    search_open,
    search_conclude,
    search_decide,
    place,
    check_in,
    evaluate,
    placement_audit,
):
    talent.add_command(later)
talent.add_command(show)
talent.add_command(coverage)
