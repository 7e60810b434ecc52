"""`talenta talent` placement and monitoring steps (binjai-2023 P23, P31-33; balikpapan-2022
P19, P23, P25): the PPK's placement decree, the talent search and its decree, yearly check-ins,
the final evaluation, and a placement's audit answer."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import click

from domain.envelope import Role
from domain.rules.cycle import MonitoringOutcome
from domain.talent.monitoring import monitoring_id
from domain.talent.search import SearchFollowUp, SearchGround
from domain.values import PositionLevel
from services.audit.placement import audit_placement
from services.cli.options import date_option, document_option, document_refs, json_option
from services.cli.render import echo_json
from services.cli.step import Step, step_options
from services.cli.talent_options import acting, decree_options, json_or, take
from services.talent import monitoring, placement, search

MONITORING = click.argument("monitoring_id", metavar="MONITORING", type=click.UUID)


@click.command()
@click.argument("plan_id", metavar="PLAN", type=click.UUID)
@click.argument("nip")
@decree_options()
@date_option("--inaugurated", "inaugurated_on", required=True, help="The inauguration date.")
@click.option(
    "--effective-at",
    type=click.DateTime(["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M%z"]),
    default=None,
    help="The inauguration's moment, with its zone (the monitoring clock counts from it).",
)
@document_option("The decree, as NAME=PATH.")
@json_option
@step_options(with_effective=False)
def place(
    step: Step,
    plan_id: UUID,
    nip: str,
    decree_number: str,
    decree_date: date,
    inaugurated_on: date,
    effective_at: datetime | None,
    documents: tuple[str, ...],
    as_json: bool,
) -> None:
    """Place NIP into PLAN's target position by the PPK's decree; prints the placement's id and,
    into a critical position, the monitoring's."""
    command = placement.PlaceTalent(
        plan_id=plan_id,
        nip=nip,
        decree_number=decree_number,
        decree_date=decree_date,
        inaugurated_on=inaugurated_on,
        effective_at=effective_at,
        reason=step.reason,
        documents=document_refs(documents),
    )
    handler = placement.place_talent
    with step.app() as app:
        placed = handler(app, command, acting(step, handler))
        monitored = monitoring_id(placed)
        answer = {
            "placement_id": placed,
            "monitoring_id": monitored if monitored in app.repository else None,
        }
    line = str(placed)
    if answer["monitoring_id"]:
        line += f"  pemantauan/monitoring {monitored}"
    json_or(as_json, answer, line)


@click.command(name="check-in")
@MONITORING
@click.option("--year", type=int, required=True, help="1 = the first anniversary's check-in.")
@click.option("--notes", default="")
@document_option("A check-in report, as NAME=PATH.")
@step_options(with_reason=False)
def check_in(
    step: Step, monitoring_id: UUID, year: int, notes: str, documents: tuple[str, ...]
) -> None:
    """Record MONITORING's yearly check-in of YEAR on --effective."""
    command = monitoring.RecordCheckIn(
        monitoring_id=monitoring_id,
        year=year,
        notes=notes,
        effective=step.on(),
        documents=document_refs(documents),
    )
    take(step, monitoring.record_check_in, command)
    click.echo(f"pemantauan tahun ke-{year} dicatat / check-in of year {year} recorded")


@click.command()
@MONITORING
@click.option("--outcome", type=click.Choice([o.value for o in MonitoringOutcome]), required=True)
@click.option("--notes", default="")
@click.option("--decree", "decree_number", default="", help="A re-placement's decree.")
@document_option("The evaluation report, as NAME=PATH.")
@step_options(with_reason=False)
def evaluate(
    step: Step,
    monitoring_id: UUID,
    outcome: str,
    notes: str,
    decree_number: str,
    documents: tuple[str, ...],
) -> None:
    """The PPK's final evaluation of MONITORING on --effective, with an outcome of the pack."""
    command = monitoring.EvaluateMonitoring(
        monitoring_id=monitoring_id,
        outcome=MonitoringOutcome(outcome),
        notes=notes,
        effective=step.on(),
        decree_number=decree_number,
        documents=document_refs(documents),
    )
    take(step, monitoring.evaluate_monitoring, command)
    click.echo(f"dievaluasi / evaluated: {outcome}")


@click.command(name="placement-audit")
@click.argument("placement_id", metavar="PLACEMENT", type=click.UUID)
@json_option
@step_options(with_effective=False, with_reason=False)
def placement_audit(step: Step, placement_id: UUID, as_json: bool) -> None:
    """The audit answer for PLACEMENT: who placed whom where, when, by which decree, from which
    plan and successor order; the box and its assessment; direct or not; cross-unit; the rule
    and readings; the monitoring. JSON with --json."""
    with step.app() as app:
        answer = audit_placement(app, placement_id, step.actor(Role.AUDITOR))
    if as_json:
        echo_json(answer)
        return
    actor = answer.placed_by
    order = answer.successor_order
    click.echo(
        f"{answer.nip} -> {answer.position} ({answer.unit}) oleh/by "
        f"{actor.id if actor else '-'} ({actor.role if actor else '-'}), keputusan/decree "
        f"{answer.decree_number} {answer.decree_date}, dilantik/inaugurated {answer.inaugurated_on}"
    )
    click.echo(
        f"  rencana/plan {answer.plan_id}, urutan/order {order or '-'}, kotak/box {answer.box}, "
        f"langsung/direct {'ya/yes' if answer.direct else 'tidak/no'} ({answer.box9.rule}, "
        f"{answer.box9.citation}), lintas unit/cross-unit "
        f"{'ya/yes' if answer.cross_unit.crossed else 'tidak/no'}"
    )
    click.echo(f"  dasar/basis: {', '.join(answer.citations)}")
    if answer.readings:
        readings = ", ".join(f"{k}={v}" for k, v in answer.readings.items())
        click.echo(f"  bacaan/readings: {readings}")
    if answer.monitoring:
        click.echo(
            f"  pemantauan/monitoring {answer.monitoring.monitoring_id} sejak/from "
            f"{answer.monitoring.starts_on}, evaluasi/evaluation {answer.monitoring.evaluation_due}"
        )


SEARCH = click.argument("search_id", metavar="SEARCH", type=click.UUID)


@click.command(name="search-open")
@click.option("--position", required=True)
@click.option("--unit", required=True)
@click.option("--level", type=click.Choice([lv.value for lv in PositionLevel]), required=True)
@click.option(
    "--ground",
    "grounds",
    multiple=True,
    required=True,
    type=click.Choice([g.value for g in SearchGround]),
    help="urgent (needed fast) and/or specific-expertise (repeatable).",
)
@click.option("--expertise", default="", help="The expertise sought.")
@click.option("--justification", required=True)
@json_option
@step_options(with_reason=False)
def search_open(
    step: Step,
    position: str,
    unit: str,
    level: str,
    grounds: tuple[str, ...],
    expertise: str,
    justification: str,
    as_json: bool,
) -> None:
    """Open a talent search for POSITION on --effective (binjai-2023 P23, balikpapan-2022 P19);
    prints its id."""
    command = search.OpenTalentSearch(
        agency=step.agency,
        position=position,
        unit=unit,
        level=PositionLevel(level),
        grounds=tuple(SearchGround(g) for g in grounds),
        expertise=expertise,
        justification=justification,
        opened_on=step.on(),
    )
    found = take(step, search.open_talent_search, command)
    json_or(as_json, {"search_id": found}, str(found))


@click.command(name="search-conclude")
@SEARCH
@click.argument("found", nargs=-1, metavar="NIP...")
@click.option("--chosen", default=None, help="The NIP chosen among those found.")
@click.option("--result", required=True, help="What the search found.")
@step_options(with_reason=False)
def search_conclude(
    step: Step, search_id: UUID, found: tuple[str, ...], chosen: str | None, result: str
) -> None:
    """Record SEARCH's result on --effective: the talents found and the one chosen."""
    command = search.ConcludeTalentSearch(
        search_id=search_id, found=found, chosen=chosen, result=result, concluded_on=step.on()
    )
    take(step, search.conclude_talent_search, command)
    click.echo(f"hasil pencarian / search result: {chosen or '-'}")


@click.command(name="search-decide")
@SEARCH
@click.argument("nip")
@click.option("--follow-up", required=True, type=click.Choice([f.value for f in SearchFollowUp]))
@decree_options()
@step_options(with_effective=False)
def search_decide(
    step: Step,
    search_id: UUID,
    nip: str,
    follow_up: str,
    decree_number: str,
    decree_date: date,
) -> None:
    """The PPK's decree after SEARCH: NIP moved by mutation/rotation or placed by (special)
    assignment into the position sought."""
    command = search.DecideTalentSearch(
        search_id=search_id,
        nip=nip,
        follow_up=SearchFollowUp(follow_up),
        decree_number=decree_number,
        decree_date=decree_date,
        reason=step.reason,
    )
    take(step, search.decide_talent_search, command)
    click.echo(f"{follow_up}: {nip} ({decree_number})")
