"""Why a talent search stands (binjai-2023 P23, balikpapan-2022 P19): who was needed and why, what
the search found and whom it chose, the decree that followed, and each of those steps taken again
on the search as it stood before it (the decree on the chosen talent's record as recorded then)."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from pydantic import BaseModel

from domain.envelope import Actor, Envelope
from domain.rules.registry import pack_in_force
from domain.talent.search import SearchFollowUp, SearchGround, TalentSearch
from domain.talent.succession_values import TalentFacts
from services.application import NotFound, Talenta
from services.audit.events import AuditEvent
from services.audit.timeline import ensure_reader
from services.audit.why import PackInForce, RuleCheck, before, facts_then, judge, pack_then
from services.auth import same_agency


class SearchWhy(BaseModel):
    search_id: UUID
    agency: str
    position: str
    unit: str
    level: str
    grounds: tuple[str, ...]
    expertise: str
    justification: str
    found: tuple[str, ...]
    chosen: str | None
    follow_up: str | None
    decree_number: str | None
    pack: PackInForce
    chain: list[AuditEvent]  # the search's own steps, in order
    rules: list[RuleCheck]  # each step taken again


def why_search(app: Talenta, search_id: UUID, actor: Actor) -> SearchWhy:
    ensure_reader(actor)
    search = app.find(search_id, "pencarian Talenta", "talent search")
    if not isinstance(search, TalentSearch):
        raise NotFound.of(search_id, "pencarian Talenta", "talent search")
    same_agency(actor, search.agency)
    events: list[Any] = list(app.repository.event_store.get(search.id))
    rules = [_again(app, search, event) for event in events]
    last = Envelope.from_event(events[-1].envelope).effective
    return SearchWhy(
        search_id=search.id,
        agency=search.agency,
        position=search.position,
        unit=search.unit,
        level=str(search.level),
        grounds=tuple(str(g) for g in search.grounds),
        expertise=search.expertise,
        justification=search.justification,
        found=search.found,
        chosen=search.chosen,
        follow_up=str(search.decided) if search.decided else None,
        decree_number=search.decree_number,
        pack=pack_then(search.agency, last),
        chain=[AuditEvent.of(event) for event in events],
        rules=rules,
    )


def _again(app: Talenta, search: TalentSearch, event: Any) -> RuleCheck:
    """The step ``event`` recorded, run again on the search before it, under the pack in force
    on its date with the readings its envelope records."""
    stamp = Envelope.from_event(event.envelope)
    on: date = stamp.effective
    pack = pack_in_force(search.agency, on).with_readings(**stamp.basis.readings)
    cited = stamp.basis.citations
    if isinstance(event, TalentSearch.SearchOpened):
        return judge(
            "search-opened",
            on,
            lambda: (
                TalentSearch.open(
                    event.agency,
                    event.position,
                    event.unit,
                    search.level,
                    [SearchGround(g) for g in event.grounds],
                    event.expertise,
                    event.justification,
                    pack,
                    stamp,
                ).grounds
            ),
            cited,
        )
    earlier: TalentSearch = app.repository.get(search.id, version=event.originator_version - 1)
    if isinstance(event, TalentSearch.SearchConcluded):
        return judge(
            "search-concluded",
            on,
            lambda: earlier.conclude(event.nips, event.nip or None, event.result, pack, stamp),
            cited,
        )
    # The record as the decree found it: the same save writes the new position just after.
    facts = facts_then(app, event.nip, before(event.timestamp))
    return judge(
        "search-decided",
        event.decree_date,
        lambda: earlier.decide(
            event.nip,
            SearchFollowUp(event.follow_up),
            TalentFacts.of(facts, event.decree_date),
            event.from_unit,
            event.decree_number,
            event.decree_date,
            pack,
            stamp,
        ),
        cited,
    )
