"""Scouting rounds, the talent pool and promotion (madiun-2021): every step as a command route,
and the read models."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from services.api.commands import Handler, add_command_routes
from services.api.context import Ctx
from services.audit.pick import PickAudit, audit_pick
from services.auth import CurrentActor
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
