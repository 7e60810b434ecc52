"""The talent search (binjai-2023 P23, balikpapan-2022 P19): opened for a position needing talent
fast or with a specific expertise, concluded with the talents found and the one chosen, followed
by the PPK's decree of mutation/rotation or (special) assignment, which records the new position
in the personnel record in the same save."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import Field

from domain.envelope import Actor, DocumentRef, Evidence, Role
from domain.personnel.facts import PositionSpell
from domain.talent.search import SearchFollowUp, SearchGround, TalentSearch
from domain.talent.succession_values import TalentFacts
from domain.values import PositionLevel
from services.application import NotFound, Talenta
from services.auth import same_agency
from services.commands import Command, NipText, Reason, RequiredName, RequiredText
from services.envelopes import envelope
from services.permissions import allowed
from services.talent.common import agency_employee, cycle_pack, take_post


class OpenTalentSearch(Command):
    agency: RequiredName
    position: RequiredName
    unit: RequiredName
    level: PositionLevel
    grounds: tuple[SearchGround, ...] = Field(min_length=1)
    expertise: Reason = ""
    justification: RequiredText
    opened_on: date


class ConcludeTalentSearch(Command):
    search_id: UUID
    found: tuple[NipText, ...] = ()
    chosen: NipText | None = None
    result: RequiredText
    concluded_on: date
    documents: tuple[DocumentRef, ...] = ()


class DecideTalentSearch(Command):
    search_id: UUID
    nip: NipText
    follow_up: SearchFollowUp
    decree_number: RequiredName
    decree_date: date
    reason: Reason = ""
    documents: tuple[DocumentRef, ...] = ()


def talent_search(app: Talenta, search_id: UUID, actor: Actor) -> TalentSearch:
    found = app.find(search_id, "pencarian Talenta", "talent search")
    if not isinstance(found, TalentSearch):
        raise NotFound.of(search_id, "pencarian Talenta", "talent search")
    same_agency(actor, found.agency)
    return found


@allowed(Role.TALENT_TEAM, Role.CASEWORKER)
def open_talent_search(app: Talenta, command: OpenTalentSearch, actor: Actor) -> UUID:
    same_agency(actor, command.agency)
    pack, _ = cycle_pack(command.agency, command.opened_on)
    stamp = envelope(actor, command.opened_on, pack, reason=command.justification)
    search = TalentSearch.open(
        command.agency,
        command.position,
        command.unit,
        command.level,
        command.grounds,
        command.expertise,
        command.justification,
        pack,
        stamp,
    )
    app.save(search)
    return search.id


@allowed(Role.TALENT_TEAM, Role.CASEWORKER)
def conclude_talent_search(app: Talenta, command: ConcludeTalentSearch, actor: Actor) -> None:
    search = talent_search(app, command.search_id, actor)
    pack, _ = cycle_pack(search.agency, command.concluded_on)
    stamp = envelope(
        actor,
        command.concluded_on,
        pack,
        reason=command.result,
        evidence=Evidence(documents=command.documents),
    )
    search.conclude(command.found, command.chosen, command.result, pack, stamp)
    app.save(search)


@allowed(Role.PPK)
def decide_talent_search(app: Talenta, command: DecideTalentSearch, actor: Actor) -> None:
    """The decree and the talent's new position in the personnel record: one save."""
    search = talent_search(app, command.search_id, actor)
    on = command.decree_date
    pack, cycle = cycle_pack(search.agency, on)
    employee = agency_employee(app, command.nip, search.agency, cycle.talent_search_citation)
    facts = employee.facts
    evidence = Evidence(
        decree_number=command.decree_number, decree_date=on, documents=command.documents
    )
    stamp = envelope(
        actor,
        on,
        pack,
        cycle.talent_search_citation,
        *((cycle.cross_unit_citation,) if facts.unit != search.unit else ()),
        reason=command.reason,
        evidence=evidence,
    )
    search.decide(
        command.nip,
        command.follow_up,
        TalentFacts.of(facts, on),
        facts.unit,
        command.decree_number,
        on,
        pack,
        stamp,
    )
    spell = PositionSpell(
        level=search.level,
        title=search.position,
        start=on,
        unit=search.unit,
        decree_number=command.decree_number,
    )
    take_post(employee, spell, stamp)
    app.save(search, employee)
