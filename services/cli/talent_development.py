"""`talenta talent` development and retention steps (binjai-2023 P24-30, balikpapan-2022 P18,
P20-22): enrolments, counselling, follow-up tasks, retention measures and awards."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import click

from domain.talent.development import Method, Programme
from domain.talent.retention import AwardKind, RetentionKind
from services.cli.options import document_option, document_refs, json_option
from services.cli.render import echo_json
from services.cli.step import Step, step_options
from services.cli.talent_options import decree_options, json_or, take
from services.talent import development, retention

NIP = click.argument("nip")


@click.command()
@NIP
@click.option("--programme", type=click.Choice([p.value for p in Programme]), required=True)
@click.option(
    "--method",
    type=click.Choice([m.value for m in Method]),
    default=None,
    help="The corporate university's method.",
)
@click.option(
    "--institution-test/--institution-test-failed",
    "institution_test",
    default=None,
    help="Sekolah Kader: the institution's test passed or failed (omit: still to be held).",
)
@json_option
@step_options()
def enrol(
    step: Step,
    nip: str,
    programme: str,
    method: str | None,
    institution_test: bool | None,
    as_json: bool,
) -> None:
    """Enrol NIP in a development programme on --effective."""
    command = development.Enrol(
        agency=step.agency,
        nip=nip,
        effective=step.on(),
        reason=step.reason,
        programme=Programme(programme),
        method=Method(method) if method else None,
        institution_test=institution_test,
    )
    found = take(step, development.enrol, command)
    json_or(as_json, found, f"{nip}  {found.programme}  {found.on}")


@click.command()
@NIP
@click.option("--notes", required=True, help="What the counselling covered.")
@step_options()
def counsel(step: Step, nip: str, notes: str) -> None:
    """Record an assessor's performance counselling of NIP (Binjai P27(2): boxes 3 and 6)."""
    command = development.Counsel(
        agency=step.agency, nip=nip, effective=step.on(), reason=step.reason, notes=notes
    )
    take(step, development.counsel, command)
    click.echo(f"konseling dicatat / counselling recorded: {nip}")


@click.command(name="follow-ups")
@NIP
@json_option
@step_options()
def follow_ups(step: Step, nip: str, as_json: bool) -> None:
    """Open a follow-up task for each recommendation of NIP's assessment in force on
    --effective; prints each new task's id and recommendation (none when already opened)."""
    command = development.OpenFollowUps(
        agency=step.agency, nip=nip, effective=step.on(), reason=step.reason
    )
    opened = take(step, development.open_follow_ups, command)
    if as_json:
        echo_json(opened)
        return
    for task in opened:
        click.echo(f"{task.task_id}  {task.recommendation}")


@click.command(name="close-follow-up")
@NIP
@click.argument("task_id", metavar="TASK", type=click.UUID)
@click.option("--outcome", required=True)
@step_options()
def close_follow_up(step: Step, nip: str, task_id: UUID, outcome: str) -> None:
    """Close NIP's follow-up TASK with its outcome on --effective."""
    command = development.CloseFollowUp(
        agency=step.agency,
        nip=nip,
        effective=step.on(),
        reason=step.reason,
        task_id=task_id,
        outcome=outcome,
    )
    take(step, development.close_follow_up, command)
    click.echo(f"ditutup / closed: {task_id}")


@click.command()
@NIP
@click.option("--kind", type=click.Choice([k.value for k in RetentionKind]), required=True)
@click.option("--detail", required=True)
@step_options()
def retain(step: Step, nip: str, kind: str, detail: str) -> None:
    """Record a retention measure for NIP (rotation, job enrichment or enlargement)."""
    command = retention.RecordRetention(
        agency=step.agency,
        nip=nip,
        kind=RetentionKind(kind),
        detail=detail,
        effective=step.on(),
        reason=step.reason,
    )
    take(step, retention.record_retention, command)
    click.echo(f"{nip}  {kind}: {detail}")


@click.command()
@NIP
@click.option("--kind", type=click.Choice([k.value for k in AwardKind]), required=True)
@decree_options()
@click.option(
    "--effective-at",
    type=click.DateTime(["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M%z"]),
    default=None,
    help="When the decree took effect, with its zone (a pin's clock counts from it).",
)
@click.option("--detail", default="")
@document_option("The decree, as NAME=PATH.")
@json_option
@step_options(with_effective=False)
def award(
    step: Step,
    nip: str,
    kind: str,
    decree_number: str,
    decree_date: date,
    effective_at: datetime | None,
    detail: str,
    documents: tuple[str, ...],
    as_json: bool,
) -> None:
    """Award NIP (box 7-9 on the decree date) by the PPK's decree; prints the award's id."""
    command = retention.AwardDecree(
        agency=step.agency,
        nip=nip,
        kind=AwardKind(kind),
        decree_number=decree_number,
        decree_date=decree_date,
        effective_at=effective_at,
        detail=detail,
        reason=step.reason,
        documents=document_refs(documents),
    )
    found = take(step, retention.award, command)
    answer = {"award_id": found.id, "nip": nip, "kind": kind}
    json_or(as_json, answer, str(found.id))
