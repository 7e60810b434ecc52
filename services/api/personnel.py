"""Employees, their scouting eligibility and the nine-box, for the actor's own agency."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter
from pydantic import BaseModel

from domain.personnel.facts import PersonnelFacts
from domain.rules.ninebox import NineBoxPlacement, Performance, Potential
from domain.rules.registry import pack_for, pack_in_force
from domain.values import PositionLevel
from projections.directory import DirectoryRow
from services.agency_bounds import acting_as
from services.api.auth import CurrentActor
from services.api.context import Ctx, FreshCtx
from services.auth import same_agency
from services.eligibility import EmployeeEligibility, check_scouting
from services.personal_data_reads import record_reads

router = APIRouter()


class ScoutingCheck(BaseModel):
    level: PositionLevel
    on: date
    nips: list[str] = []  # empty: every employee of the agency


@router.get("/agencies/{agency}/employees")
def employees(
    agency: str, ctx: FreshCtx, actor: CurrentActor, unit: str | None = None
) -> list[DirectoryRow]:
    same_agency(actor, agency)
    return ctx.directory.rows(agency, unit)


@router.get("/employees/{nip}")
def employee(nip: str, ctx: Ctx, actor: CurrentActor) -> PersonnelFacts:
    """The full personnel record; fields a role does not need are withheld from it
    (services/personal_data.py), and a full read by anyone but a caseworker is recorded. An NIP
    another agency employs is answered as one no agency employs."""
    with acting_as(actor):
        facts = ctx.app.facts(nip)
    record_reads(ctx.app, actor, facts.agency, [str(facts.nip)], "GET /employees/{nip}")
    return facts


@router.post("/agencies/{agency}/scouting-eligibility")
def scouting_eligibility(
    agency: str, check: ScoutingCheck, ctx: FreshCtx, actor: CurrentActor
) -> list[EmployeeEligibility]:
    same_agency(actor, agency)
    nips = check.nips or [row.nip for row in ctx.directory.rows(agency)]
    with acting_as(actor):
        employees = [ctx.app.facts(nip) for nip in nips]
    checked = check_scouting(employees, agency, check.level, check.on)
    # Each check shows the birth date and the disciplinary record it judged.
    via = "POST /agencies/{agency}/scouting-eligibility"
    record_reads(ctx.app, actor, agency, [str(facts.nip) for facts in employees], via)
    return checked


@router.get("/packs/{pack}/ninebox")
def ninebox(
    pack: str, performance: Performance, potential: Potential, on: date | None = None
) -> NineBoxPlacement:
    rules = pack_in_force(pack, on) if on else pack_for(pack)
    return rules.place(performance, potential)
