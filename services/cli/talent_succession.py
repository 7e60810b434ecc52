"""`talenta talent` succession steps (binjai-2023 P21-22, P29; balikpapan-2022 P15-17): the
talent team's group from the nominations (Balikpapan), the group decree, a target position,
nominations by the pack's nominator, the ordered successors, and a nomination's audit answer."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import click

from domain.envelope import Role
from domain.talent.succession_values import Successor, TargetStatus
from domain.values import PositionLevel
from services.audit.nomination import audit_nomination
from services.cli.options import json_option
from services.cli.render import echo_json
from services.cli.step import Step, step_options
from services.cli.talent_options import acting, decree_options, json_or, take
from services.talent import succession

PLAN = click.argument("plan_id", metavar="PLAN", type=click.UUID)


@click.command(name="set-group")
@click.argument("nips", nargs=-1, required=True, metavar="NIP...")
@click.option("--period", required=True)
@decree_options()
@json_option
@step_options(with_effective=False)
def set_group(
    step: Step,
    nips: tuple[str, ...],
    period: str,
    decree_number: str,
    decree_date: date,
    as_json: bool,
) -> None:
    """Set the succession group of PERIOD (boxes 7-9 on the decree date) by the PPK's decree;
    prints its id."""
    command = succession.SetGroup(
        agency=step.agency,
        period=period,
        nips=nips,
        decree_number=decree_number,
        decree_date=decree_date,
        reason=step.reason,
    )
    found = take(step, succession.set_group, command)
    json_or(as_json, {"group_id": found}, str(found))


@click.command(name="set-nominated-group")
@click.argument("nominations", nargs=-1, required=True, metavar="PLAN:NIP...")
@click.option("--period", required=True)
@click.option("--minutes", "reference", required=True, help="The talent team's minutes number.")
@json_option
@step_options()
def set_nominated_group(
    step: Step, nominations: tuple[str, ...], period: str, reference: str, as_json: bool
) -> None:
    """The talent team sets the group of PERIOD from its nominations, each PLAN:NIP, on
    --effective (balikpapan-2022 P16(2)), before the PPK's decree; prints its id."""
    command = succession.SetNominatedGroup(
        agency=step.agency,
        period=period,
        nominations=tuple(nomination_ref(spec) for spec in nominations),
        decided_on=step.on(),
        reference=reference,
        reason=step.reason,
    )
    found = take(step, succession.set_nominated_group, command)
    json_or(as_json, {"nominated_group_id": found}, str(found))


def nomination_ref(spec: str) -> succession.NominationRef:
    plan, _, nip = spec.partition(":")
    try:
        return succession.NominationRef(plan_id=UUID(plan), nip=nip)
    except ValueError:
        raise click.BadParameter(
            f"{spec!r}: harus RENCANA:NIP / must be PLAN:NIP", param_hint="NOMINATIONS"
        ) from None


@click.command(name="declare-target")
@click.option("--position", required=True)
@click.option("--unit", required=True)
@click.option("--level", type=click.Choice([lv.value for lv in PositionLevel]), required=True)
@click.option("--status", type=click.Choice([s.value for s in TargetStatus]), required=True)
@click.option("--critical", "critical", type=click.UUID, default=None, help="Its critical id.")
@json_option
@step_options()
def declare_target(
    step: Step,
    position: str,
    unit: str,
    level: str,
    status: str,
    critical: UUID | None,
    as_json: bool,
) -> None:
    """Declare POSITION a target position on --effective; prints the succession plan's id."""
    command = succession.DeclareTarget(
        agency=step.agency,
        position=position,
        unit=unit,
        level=PositionLevel(level),
        status=TargetStatus(status),
        declared_on=step.on(),
        critical_position_id=critical,
        reason=step.reason,
    )
    found = take(step, succession.declare_target, command)
    json_or(as_json, {"plan_id": found}, str(found))


@click.command()
@PLAN
@click.argument("nip")
@click.option("--justification", required=True)
@step_options(with_reason=False)
def nominate(step: Step, plan_id: UUID, nip: str, justification: str) -> None:
    """Nominate NIP (box 7-9) to PLAN's target position on --effective; the role defaults to
    the pack's nominator."""
    command = succession.Nominate(
        plan_id=plan_id, nip=nip, nominated_on=step.on(), justification=justification
    )
    take(step, succession.nominate, command)
    click.echo(f"dinominasikan / nominated: {nip}")


@click.command(name="order-successors")
@PLAN
@click.argument("successors", nargs=-1, required=True, metavar="NIP@DATE[@POSITION]...")
@json_option
@step_options()
def order_successors(step: Step, plan_id: UUID, successors: tuple[str, ...], as_json: bool) -> None:
    """Order PLAN's successors, first to be placed first: each NIP with its projected
    placement date and position (default: the target position)."""
    handler = succession.order_successors
    actor = acting(step, handler)
    with step.app() as app:
        plan = succession.succession_plan(app, plan_id, actor)
        listed = tuple(successor(spec, plan.position) for spec in successors)
        command = succession.OrderSuccessors(
            plan_id=plan_id, ordered_on=step.on(), successors=listed, reason=step.reason
        )
        ordered = handler(app, command, actor)
    if as_json:
        echo_json(ordered)
        return
    for each in ordered:
        click.echo(f"{each.order}. {each.nip}  {each.projected_position}  {each.projected_date}")


def successor(spec: str, target: str) -> Successor:
    nip, _, rest = spec.partition("@")
    day, _, position = rest.partition("@")
    try:
        projected = date.fromisoformat(day)
    except ValueError:
        raise click.BadParameter(
            f"{spec!r}: harus NIP@YYYY-MM-DD[@JABATAN] / must be NIP@YYYY-MM-DD[@POSITION]",
            param_hint="SUCCESSORS",
        ) from None
    return Successor(nip=nip, projected_position=position or target, projected_date=projected)


@click.command(name="nomination-audit")
@PLAN
@click.argument("nip")
@step_options(with_effective=False, with_reason=False)
def nomination_audit(step: Step, plan_id: UUID, nip: str) -> None:
    """The audit answer for NIP's nomination to PLAN (JSON): who, when, why, rule and reading,
    and the nine-box state it rested on."""
    with step.app() as app:
        echo_json(audit_nomination(app, plan_id, nip, step.actor(Role.AUDITOR)))
