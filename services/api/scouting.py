"""Scouting rounds, the talent pool and promotion (madiun-2021): every step as a command route,
and the read models."""

from __future__ import annotations

from fastapi import APIRouter

from services.api.commands import Handler, add_command_routes
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
