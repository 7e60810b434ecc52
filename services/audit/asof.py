"""Read models as they stood at a past moment: the pool of an agency for a level, a succession
group, the nine-box grid of a mapping campaign, a succession plan.

"As of" has two parts, both offered: ``at``, a recorded time (the log as it stood then: what the
system showed at that instant, later corrections and back-dated decisions unknown), and ``on``,
the day the read model is read for (a pool entry held on that day, the assessment in force on
it). ``on`` defaults to the agency's local date of ``at``; ``at`` defaults to now, so
``on`` alone reads today's knowledge of a past day.

Each answer runs the read model's own projection over only the events of the aggregates it is
made of, recorded at or before ``at``, into a throwaway in-memory document view, so the rules of
each read model stay in one place."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

from eventsourcing.persistence import Tracking
from eventsourcing.projection import Projection
from eventsourcing.sqlite import SQLiteDatastore
from eventsourcing.utils import get_topic
from pydantic import BaseModel

from domain.agencies import get_agency
from domain.envelope import Actor
from domain.talent.campaign import MappingCampaign
from domain.talent.mapping import profile_id
from domain.talent.succession import SuccessionPlan, group_id
from domain.values import PositionLevel
from projections.audit import pool_subject
from projections.documents import DocumentView
from projections.documents.sqlite import SQLiteDocumentView
from projections.scouting import (
    PoolRow,
    ScoutingProjection,
    VacancyRow,
    pool_as_of,
)
from projections.scouting import vacancy as vacancy_row
from projections.talent import (
    GroupRow,
    NineBoxGrid,
    PlanRow,
    TalentProjection,
    ninebox_grid,
    succession_groups,
    succession_plan,
)
from services.agency_bounds import bounded
from services.application import NotFound, Talenta
from services.audit.timeline import ensure_reader, followed_index
from services.auth import same_agency
from services.stored_events import streams


class Moment(BaseModel):
    at: datetime  # recorded time: the log up to this instant
    on: date  # the day the read model is read for


class PoolAsOf(BaseModel):
    agency: str
    level: PositionLevel
    moment: Moment
    entries: list[PoolRow]


class GroupAsOf(BaseModel):
    agency: str
    period: str
    moment: Moment
    group: GroupRow | None  # None: not yet decreed at that moment


class GridAsOf(BaseModel):
    campaign_id: UUID
    moment: Moment
    grid: NineBoxGrid


class PlanAsOf(BaseModel):
    plan_id: UUID
    moment: Moment
    plan: PlanRow | None  # None: the target was not yet declared at that moment


def moment(agency: str, at: datetime | None = None, on: date | None = None) -> Moment:
    """A naive ``at`` is read in the agency's time zone."""
    zone = ZoneInfo(get_agency(agency).time_zone)
    when = datetime.now(UTC) if at is None else at
    if when.tzinfo is None:
        when = when.replace(tzinfo=zone)
    return Moment(at=when, on=on or when.astimezone(zone).date())


@bounded
def asof_pool(
    app: Talenta,
    agency: str,
    level: PositionLevel | str,
    actor: Actor,
    at: datetime | None = None,
    on: date | None = None,
) -> PoolAsOf:
    ensure_reader(actor)
    same_agency(actor, agency)
    wanted = PositionLevel(level)
    when = moment(agency, at, on)
    entries = pool_at(app, agency, wanted, when.at, when.on)
    return PoolAsOf(agency=agency, level=wanted, moment=when, entries=entries)


@bounded
def asof_group(
    app: Talenta, agency: str, period: str, actor: Actor, at: datetime | None = None
) -> GroupAsOf:
    ensure_reader(actor)
    same_agency(actor, agency)
    found = group_id(agency, period)
    if found not in app.repository:
        raise NotFound.of(f"{agency} {period}", "kelompok rencana suksesi", "succession group")
    when = moment(agency, at)
    with replayed(recorded(app, (found,), when.at), TalentProjection) as view:
        groups = succession_groups(view, agency)
    return GroupAsOf(agency=agency, period=period, moment=when, group=groups[0] if groups else None)


@bounded
def asof_grid(
    app: Talenta,
    campaign_id: UUID,
    actor: Actor,
    at: datetime | None = None,
    on: date | None = None,
) -> GridAsOf:
    """The grid of the campaign's unit and period over its scope, as of the moment."""
    ensure_reader(actor)
    campaign: MappingCampaign = app.find(campaign_id, "kampanye pemetaan", "mapping campaign")
    same_agency(actor, campaign.agency)
    when = moment(campaign.agency, at, on)
    profiles = [profile_id(campaign.agency, nip) for nip in campaign.scope]
    with replayed(recorded(app, profiles, when.at), TalentProjection) as view:
        grid = ninebox_grid(view, campaign.agency, when.on, campaign.unit or None, campaign.period)
    return GridAsOf(campaign_id=campaign.id, moment=when, grid=grid)


@bounded
def asof_plan(app: Talenta, plan_id: UUID, actor: Actor, at: datetime | None = None) -> PlanAsOf:
    ensure_reader(actor)
    plan: SuccessionPlan = app.find(plan_id, "rencana suksesi", "succession plan")
    same_agency(actor, plan.agency)
    when = moment(plan.agency, at)
    return PlanAsOf(plan_id=plan.id, moment=when, plan=plan_at(app, plan.id, when.at))


def plan_at(app: Talenta, plan_id: UUID, at: datetime) -> PlanRow | None:
    with replayed(recorded(app, (plan_id,), at), TalentProjection) as view:
        return succession_plan(view, plan_id)


def vacancy_of(events: Iterable[Any], vacancy_id: UUID) -> VacancyRow | None:
    """The vacancy's read model from the given events of it."""
    with replayed(events, ScoutingProjection) as view:
        return vacancy_row(view, vacancy_id)


def pool_at(
    app: Talenta, agency: str, level: PositionLevel, at: datetime, on: date
) -> list[PoolRow]:
    with replayed(recorded(app, pool_members(app, agency, level), at), ScoutingProjection) as view:
        return pool_as_of(view, agency, on, level)


def pool_members(app: Talenta, agency: str, level: PositionLevel) -> list[UUID]:
    """The pool memberships with an entry of the agency for the level, from the index."""
    rows = followed_index(app).rows(pool_subject(agency, str(level)))
    return list(dict.fromkeys(aggregate for aggregate, _ in rows))


def recorded_by(app: Talenta, aggregate: UUID, at: datetime) -> list[Any]:
    """The aggregate's events recorded at or before ``at``."""
    return [e for e in app.repository.event_store.get(aggregate) if _stamp(e) <= at]


def _stamp(event: Any) -> datetime:
    stamp: datetime = event.timestamp
    return stamp


def recorded(app: Talenta, aggregates: Iterable[UUID], at: datetime) -> list[Any]:
    """Every event of ``aggregates`` recorded at or before ``at``, in recorded order (the
    aggregates read in one query)."""
    wanted = list(aggregates)
    found = streams(app, wanted)
    events = (event for aggregate in wanted for event in found.get(aggregate, ()))
    return sorted((event for event in events if _stamp(event) <= at), key=_stamp)


@contextmanager
def replayed(
    events: Iterable[Any], projection: type[Projection[DocumentView]]
) -> Iterator[DocumentView]:
    """A throwaway document view fed ``events``, in their order, by the read model's own
    projection."""
    # Named and shared, so every connection of the pool sees the one throwaway database.
    datastore = SQLiteDatastore(f"file:as-of-{uuid4()}?mode=memory&cache=shared")
    try:
        view = SQLiteDocumentView(datastore)
        view.create_table()
        projector = projection(view)
        topics = set(projection.topics)
        for position, event in enumerate(events, start=1):
            if get_topic(type(event)) in topics:
                projector.process_event(event, Tracking("as-of", position))
        yield view
    finally:
        datastore.close()
