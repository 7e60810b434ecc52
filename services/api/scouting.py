"""Scouting rounds, the talent pool and promotion (madiun-2021): every step as a command route,
and the read models."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID

from fastapi import APIRouter

from domain.agencies import get_agency
from domain.values import PositionLevel
from projections import scouting as read
from projections.scouting import PoolRow, RoundBoard, RoundSummary, VacancyRow
from services.api.auth import CurrentActor
from services.api.commands import Handler, add_command_routes
from services.api.context import Ctx, FreshCtx
from services.application import NotFound
from services.audit.pick import PickAudit, audit_pick
from services.auth import same_agency
from services.scouting import mutations, pool, rounds, vacancies

router = APIRouter(tags=["scouting"])

COMMANDS: list[Handler] = [
    rounds.open_round,
    rounds.publish_round,
    rounds.register_candidate,
    rounds.recommend_candidate,
    rounds.verify_documents,
    rounds.close_registration,
    rounds.select_administratively,
    rounds.announce_administrative_results,
    rounds.record_potential,
    rounds.record_technical,
    rounds.finalise_round,
    rounds.report_to_mayor,
    pool.decree_pool,
    vacancies.open_vacancy,
    vacancies.propose_candidate,
    vacancies.shortlist,
    vacancies.pick,
    vacancies.lapse_pick,
    vacancies.inaugurate,
    mutations.propose_mutation,
    mutations.recommend_mutation,
    mutations.decide_mutation,
    mutations.decide_tenure,
]
add_command_routes(router, "/scouting", COMMANDS)


@router.get("/scouting/vacancies/{vacancy_id}/audit")
def pick_audit(vacancy_id: UUID, ctx: Ctx, actor: CurrentActor) -> PickAudit:
    """Who was proposed, shortlisted and picked, on what pool entry, eligibility and scores, by
    whom, when and under which rule."""
    return audit_pick(ctx.app, vacancy_id, actor)


@router.get("/scouting/rounds")
def list_rounds(agency: str, ctx: FreshCtx, actor: CurrentActor) -> list[RoundSummary]:
    same_agency(actor, agency)
    return read.rounds(ctx.documents, agency)


@router.get("/scouting/rounds/{round_id}")
def board(round_id: UUID, ctx: FreshCtx, actor: CurrentActor) -> RoundBoard:
    """The round board: candidates per stage with their results."""
    found = read.round_board(ctx.documents, round_id)
    if found is None:
        raise NotFound(f"ronde {round_id} tidak ada", f"no round {round_id}")
    same_agency(actor, found.agency)
    return found


@router.get("/scouting/pool")
def talent_pool(
    agency: str,
    ctx: FreshCtx,
    actor: CurrentActor,
    level: PositionLevel | None = None,
    on: date | None = None,
) -> list[PoolRow]:
    """The talent pool today in the agency's time zone, or as it stood on ``on``."""
    same_agency(actor, agency)
    day = on or get_agency(agency).local_date(datetime.now(UTC))
    return read.pool_as_of(ctx.documents, agency, day, level)


@router.get("/scouting/vacancies")
def list_vacancies(agency: str, ctx: FreshCtx, actor: CurrentActor) -> list[VacancyRow]:
    same_agency(actor, agency)
    return read.vacancies(ctx.documents, agency)


@router.get("/scouting/vacancies/{vacancy_id}")
def one_vacancy(vacancy_id: UUID, ctx: FreshCtx, actor: CurrentActor) -> VacancyRow:
    """A vacancy with its proposals, shortlist and pick."""
    found = read.vacancy(ctx.documents, vacancy_id)
    if found is None:
        raise NotFound(f"lowongan {vacancy_id} tidak ada", f"no vacancy {vacancy_id}")
    same_agency(actor, found.agency)
    return found
