"""`talenta inbox`: a user's reminder notices (their agency, addressed to their role) and
acknowledging one. The actor options are those of `talenta scouting`; --as is the role whose
inbox is read."""

from __future__ import annotations

import json
from uuid import UUID

import click

from domain.envelope import Actor
from projections.reminders import InboxItem, inbox
from services.bootstrap import fresh_inbox
from services.cli.refusals import RefusingGroup
from services.cli.step import Step, step_options
from services.reminders.commands import AcknowledgeNotice, acknowledge_notice


@click.group(cls=RefusingGroup)
def inbox_group() -> None:
    """Reminders addressed to your role: list them, acknowledge one."""


def _actor(step: Step) -> Actor:
    if step.role is None:
        raise click.UsageError("sebutkan peran dengan --as / name the role with --as")
    return step.actor(step.role)


@inbox_group.command(name="list")
@step_options(with_effective=False, with_reason=False)
@click.option(
    "--acknowledged/--unacknowledged",
    "acknowledged",
    default=None,
    help="Only notices you have (not) acknowledged; default: all.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def list_(step: Step, acknowledged: bool | None, as_json: bool) -> None:
    """Your agency's notices addressed to your role (--as), soonest deadline first."""
    actor = _actor(step)
    with step.app() as app:
        view = fresh_inbox(app)
        items = inbox(view, actor.agency, actor.role, actor.id, acknowledged)
    if as_json:
        click.echo(json.dumps([item.model_dump(mode="json") for item in items], indent=2))
        return
    for item in items:
        click.echo(line(item))
    click.echo(f"{len(items)} pemberitahuan / notices")


def line(item: InboxItem) -> str:
    mark = "x" if item.acknowledged else " "
    return (
        f"[{mark}] {item.notice_id}  {item.deadline}  {item.kind:10} {item.text_id} / "
        f"{item.text_en} [{', '.join(item.citations)}]"
    )


@inbox_group.command(name="ack")
@step_options(with_effective=False, with_reason=False)
@click.argument("notice_id", metavar="NOTICE", type=click.UUID)
def ack(step: Step, notice_id: UUID) -> None:
    """Acknowledge NOTICE: recorded with you as its actor, once per user."""
    actor = _actor(step)
    with step.app() as app:
        recorded = acknowledge_notice(app, AcknowledgeNotice(notice_id=notice_id), actor)
    click.echo(
        "dicatat / recorded"
        if recorded
        else "sudah dicatat sebelumnya / already acknowledged before"
    )
