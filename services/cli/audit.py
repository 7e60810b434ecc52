"""`talenta audit`: the auditor's answers on the command line. A timeline of a subject, why a
decision stands, and read models as of a past moment; acting as an auditor of the agency in
TALENTA_AGENCY unless `--as` names another role."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from uuid import UUID

import click

from domain.envelope import Role
from domain.values import PositionLevel
from services.audit.asof import asof_grid, asof_group, asof_plan, asof_pool
from services.audit.events import AuditEvent
from services.audit.timeline import Subject, timeline
from services.audit.why import RuleCheck, why_nomination, why_placement
from services.audit.why_scouting import why_pick, why_pool_entry, why_shortlist
from services.audit.why_search import why_search
from services.cli.options import date_option, json_option
from services.cli.refusals import RefusingGroup
from services.cli.render import echo_json
from services.cli.step import Step, step_options
from services.personal_data_reads import record_reads

AT = click.option(
    "--at",
    type=click.DateTime(
        [
            "%Y-%m-%dT%H:%M:%S.%f%z",
            "%Y-%m-%dT%H:%M:%S%z",
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%d",
        ]
    ),
    default=None,
    help="Recorded time: the log as it stood then (without a zone: the agency's time).",
)
ON = date_option("--on", default=None, help="The day read for (default: the date of --at).")


@click.group(cls=RefusingGroup)
def audit() -> None:
    """The auditor's answers: timelines, why a decision stands, read models as of a moment."""


@audit.command(name="timeline")
@step_options(with_effective=False, with_reason=False)
@click.argument("subject", type=click.Choice([s.value for s in Subject]))
@click.argument("key")
@json_option
def timeline_(step: Step, subject: str, key: str, as_json: bool) -> None:
    """Every event about SUBJECT KEY (employee NIP, or the id of a vacancy, a target position's
    plan, a round or a critical position), in recorded order."""
    with step.app() as app:
        actor = step.actor(Role.AUDITOR)
        found = timeline(app, subject, key, actor)
        if found.subject is Subject.EMPLOYEE:  # the employee's data, read as over the API
            record_reads(app, actor, found.agency, [found.key], "talenta audit timeline employee")
    if as_json:
        echo_json(found)
    else:
        click.echo("\n".join(event_line(event) for event in found.events))


WHY: dict[str, Callable[..., Any]] = {
    "nomination": why_nomination,
    "placement": why_placement,
    "shortlist": why_shortlist,
    "pick": why_pick,
    "pool-entry": why_pool_entry,
    "search": why_search,
}


@audit.command()
@step_options(with_effective=False, with_reason=False)
@click.argument("kind", type=click.Choice(list(WHY)))
@click.argument("subject_id", metavar="ID", type=click.UUID)
@click.argument("nip", required=False)
@json_option
def why(step: Step, kind: str, subject_id: UUID, nip: str | None, as_json: bool) -> None:
    """Why a decision stands: ID is the plan (a nomination, with the NIP), the placement, the
    vacancy (shortlist, pick), the pool entry or the talent search. The rules re-run and the
    chain of events."""
    if (kind == "nomination") != (nip is not None):
        raise click.UsageError("NIP hanya dan wajib untuk nominasi / NIP goes with nomination")
    arguments = (subject_id, nip) if nip is not None else (subject_id,)
    with step.app() as app:
        actor = step.actor(Role.AUDITOR)
        found = WHY[kind](app, *arguments, actor)
        record_reads(app, actor, *employees_shown(kind, found), f"talenta audit why {kind}")
    if as_json:
        echo_json(found)
        return
    click.echo(f"{found.pack.regulation} ({found.pack.id}), {found.pack.on}")
    click.echo("\n".join(rule_line(rule) for rule in found.rules))
    click.echo("\n".join(event_line(event) for event in found.chain))


def employees_shown(kind: str, found: Any) -> tuple[str, list[str]]:
    """The agency and the NIPs whose records a why shows: recorded reads, as over the API."""
    if kind in ("nomination", "placement"):
        return found.audit.agency, [found.audit.nip]
    if kind in ("shortlist", "pick"):
        return found.audit.agency, [candidate.nip for candidate in found.audit.candidates]
    if kind == "pool-entry":
        return found.entry.agency, [found.entry.nip]
    return found.agency, [found.chosen] if found.chosen else []  # a search: its chosen talent


@audit.group(name="as-of", cls=RefusingGroup)
def as_of() -> None:
    """Read models as they stood at a past moment (--at) for a day (--on); JSON."""


@as_of.command()
@step_options(with_effective=False, with_reason=False)
@click.argument("level", type=click.Choice([level.value for level in PositionLevel]))
@AT
@ON
def pool(step: Step, level: str, at: datetime | None, on: Any) -> None:
    """The agency's talent pool for LEVEL."""
    with step.app() as app:
        echo_json(asof_pool(app, step.agency, level, step.actor(Role.AUDITOR), at, on))


@as_of.command()
@step_options(with_effective=False, with_reason=False)
@click.argument("period")
@AT
def group(step: Step, period: str, at: datetime | None) -> None:
    """The agency's succession group of PERIOD."""
    with step.app() as app:
        echo_json(asof_group(app, step.agency, period, step.actor(Role.AUDITOR), at))


@as_of.command()
@step_options(with_effective=False, with_reason=False)
@click.argument("campaign_id", metavar="CAMPAIGN", type=click.UUID)
@AT
@ON
def grid(step: Step, campaign_id: UUID, at: datetime | None, on: Any) -> None:
    """The nine-box grid of a mapping campaign."""
    with step.app() as app:
        echo_json(asof_grid(app, campaign_id, step.actor(Role.AUDITOR), at, on))


@as_of.command()
@step_options(with_effective=False, with_reason=False)
@click.argument("plan_id", metavar="PLAN", type=click.UUID)
@AT
def plan(step: Step, plan_id: UUID, at: datetime | None) -> None:
    """A target position's succession plan."""
    with step.app() as app:
        echo_json(asof_plan(app, plan_id, step.actor(Role.AUDITOR), at))


def event_line(event: AuditEvent) -> str:
    who = f"{event.actor.id} ({event.actor.role})" if event.actor else "-"
    cited = ", ".join(event.citations)
    reason = f" - {event.reason}" if event.reason else ""
    return (
        f"{event.recorded_at.isoformat(timespec='seconds')}  {event.effective or '-'}  "
        f"{event.what:26} {who}  [{cited}]{reason}"
    )


def rule_line(rule: RuleCheck) -> str:
    verdict = "MEMENUHI / HELD" if rule.held else "TIDAK / NOT HELD"
    nip = f" NIP {rule.detail['nip']}" if "nip" in rule.detail else ""
    return f"{rule.rule}{nip} {rule.on}: {verdict} [{', '.join(rule.citations)}]"
