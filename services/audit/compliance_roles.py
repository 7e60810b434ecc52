"""Who may have recorded a decision: the roles its command handler declares (``@allowed``), so
the replay asks the same declarations the commands are guarded by."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from domain.envelope import Envelope
from domain.rules.core import Message, RuleRefusal
from domain.scouting.mutation import Mutation, TenureReview
from domain.scouting.pool import PoolMembership
from domain.scouting.round import ScoutingRound
from domain.scouting.vacancy import Vacancy
from domain.talent.development import DevelopmentRecord
from domain.talent.mapping import TalentProfile
from domain.talent.monitoring import Monitoring
from domain.talent.nominated_group import NominatedGroup
from domain.talent.placement import Placement
from domain.talent.retention import Award
from domain.talent.search import TalentSearch
from domain.talent.succession import SuccessionGroup, SuccessionPlan
from services.audit.compliance_models import first_citation
from services.permissions import roles_of
from services.scouting import mutations, pool, rounds, vacancies
from services.talent import (
    development,
    mapping,
    monitoring,
    placement,
    retention,
    search,
    succession,
)

# The decision events and the one handler that records each.
HANDLERS: dict[type[Any], Callable[..., Any]] = {
    ScoutingRound.ResultsFinalised: rounds.finalise_round,
    ScoutingRound.ReportedToMayor: rounds.report_to_mayor,
    ScoutingRound.PoolDecreed: pool.decree_pool,
    PoolMembership.EntryDecreed: pool.decree_pool,
    PoolMembership.EntryExpired: pool.expire_entry,
    PoolMembership.EntryUsed: vacancies.inaugurate,
    Vacancy.VacancyOpened: vacancies.open_vacancy,
    Vacancy.CandidateProposed: vacancies.propose_candidate,
    Vacancy.Shortlisted: vacancies.shortlist,
    Vacancy.Picked: vacancies.pick,
    Vacancy.PickLapsed: vacancies.lapse_pick,
    Vacancy.Inaugurated: vacancies.inaugurate,
    Mutation.MutationProposed: mutations.propose_mutation,
    Mutation.MutationRecommended: mutations.recommend_mutation,
    Mutation.MutationDecided: mutations.decide_mutation,
    TenureReview.TenureDecided: mutations.decide_tenure,
    TalentProfile.Assessed: mapping.assess_employee,
    NominatedGroup.GroupNominated: succession.set_nominated_group,
    SuccessionGroup.GroupSet: succession.set_group,
    SuccessionPlan.TargetDeclared: succession.declare_target,
    SuccessionPlan.Nominated: succession.nominate,
    SuccessionPlan.SuccessorsOrdered: succession.order_successors,
    Placement.Placed: placement.place_talent,
    TalentSearch.SearchOpened: search.open_talent_search,
    TalentSearch.SearchConcluded: search.conclude_talent_search,
    TalentSearch.SearchDecided: search.decide_talent_search,
    Award.Awarded: retention.award,
    Award.PinExpired: retention.expire_pin,
    DevelopmentRecord.Counselled: development.counsel,
    Monitoring.CheckInRecorded: monitoring.record_check_in,
    Monitoring.Evaluated: monitoring.evaluate_monitoring,
}


def ensure_role(event: Any, stamp: Envelope) -> None:
    """Refused when the actor's role is not one the event's handler allows, citing the first
    article the decision rests on."""
    handler = HANDLERS.get(type(event))
    if handler is None:
        return
    allowed = roles_of(handler)
    role = stamp.actor.role
    if role in allowed:
        return
    roles = ", ".join(sorted(allowed))
    step = handler.__name__.replace("_", " ")
    raise RuleRefusal(
        "role-not-allowed",
        Message(
            id=f"peran {role} tidak boleh mencatat {step}; yang boleh: {roles}",
            en=f"role {role} may not record {step}; allowed: {roles}",
        ),
        first_citation(stamp),
    )
