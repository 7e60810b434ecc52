"""Re-judging the pool and promotion decisions (madiun-2021 P19-28): each recorded step is run
again, on a copy of its aggregate as it stood before the step, through the aggregate's own
command, with what the handler would have looked up taken from the replayed state."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from domain.envelope import Envelope
from domain.rules.core import EligibilityResult, RequirementResult
from domain.rules.madiun_promotion import (
    check_camat_qualification,
    check_promotion_consideration,
    recorded_camat_qualification,
)
from domain.rules.pack import RulePack
from domain.scouting.pool import PoolMembership
from domain.scouting.refusals import POOL
from domain.scouting.round import ScoutingRound
from domain.scouting.tpk import TpkSession
from domain.scouting.vacancy import Vacancy
from domain.scouting.vacancy_state import Standing
from services.audit.compliance_state import Judge, Shadows

# No personnel record in the log: P30(5) cannot be re-judged, the other checks still are.
_UNKNOWN = EligibilityResult(requirements=(), readings_used=())


def _consideration(shadows: Shadows, nip: str, on: date) -> EligibilityResult:
    facts = shadows.facts(nip)
    return check_promotion_consideration(facts, on) if facts is not None else _UNKNOWN


def _standing(
    shadows: Shadows, vacancy: Vacancy, nips: Iterable[str], on: date
) -> dict[str, Standing] | None:
    """As the handler gives it (services.scouting.vacancies): each proposed NIP's entry and
    P30(5) on ``on``; None when a proposed entry is not in the log."""
    standing = {}
    for nip in nips:
        proposal = vacancy.proposals.get(nip)
        if proposal is None:
            continue
        entry = shadows.pool_entry(nip, proposal.entry_id)
        if entry is None:
            return None
        standing[nip] = Standing(entry=entry, consideration=_consideration(shadows, nip, on))
    return standing


def proposal(
    event: Vacancy.CandidateProposed, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> None:
    vacancy = shadows.copy_of(event.originator_id, Vacancy)
    if vacancy is None:
        return
    on = stamp.effective
    camat = None
    if vacancy.camat:
        recorded = [RequirementResult.model_validate(c) for c in event.checks]
        found = next((c for c in recorded if c.code == "camat-qualification"), None)
        qualification = recorded_camat_qualification(found) if found is not None else None
        camat = check_camat_qualification(qualification, on, pack=pack)
    entry = shadows.pool_entry(event.nip, event.entry_id)
    vacancy.propose(event.nip, entry, _consideration(shadows, event.nip, on), camat, stamp)


def shortlist(
    event: Vacancy.Shortlisted, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> None:
    vacancy = shadows.copy_of(event.originator_id, Vacancy)
    if vacancy is None:
        return
    session = TpkSession.model_validate(event.session)
    standing = _standing(shadows, vacancy, event.nips, session.minutes_date)
    if standing is not None:
        vacancy.shortlist(session, list(event.nips), event.justification, standing, stamp, pack)


def pick(event: Vacancy.Picked, shadows: Shadows, pack: RulePack, stamp: Envelope) -> None:
    vacancy = shadows.copy_of(event.originator_id, Vacancy)
    if vacancy is None:
        return
    standing = _standing(shadows, vacancy, (event.nip,), event.decree_date)
    if standing is not None:
        vacancy.pick(event.nip, event.decree_number, event.decree_date, standing, stamp)


def pick_lapsed(
    event: Vacancy.PickLapsed, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> None:
    vacancy = shadows.copy_of(event.originator_id, Vacancy)
    if vacancy is None:
        return
    proposal = vacancy.proposals.get(event.nip)
    entry = shadows.pool_entry(event.nip, proposal.entry_id) if proposal is not None else None
    vacancy.lapse_pick(entry, stamp)


def inauguration(
    event: Vacancy.Inaugurated, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> None:
    vacancy = shadows.copy_of(event.originator_id, Vacancy)
    if vacancy is not None:
        vacancy.inaugurate(event.inaugurated_on, stamp)


def entry_used(
    event: PoolMembership.EntryUsed, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> None:
    membership = shadows.copy_of(event.originator_id, PoolMembership)
    if membership is not None:
        membership.use(event.entry_id, event.vacancy_id, event.inaugurated_on, stamp)


def entry_expired(
    event: PoolMembership.EntryExpired, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> None:
    membership = shadows.copy_of(event.originator_id, PoolMembership)
    if membership is not None:
        membership.expire(event.entry_id, event.expired_on, stamp)


def entry_decreed(
    event: PoolMembership.EntryDecreed, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> PoolMembership | None:
    membership = shadows.copy_of(event.originator_id, PoolMembership)
    if membership is not None:
        membership.decree_entry(
            event.nip,
            membership.level,
            event.agency,
            event.round_id,
            event.decree_number,
            event.decree_date,
            stamp,
        )
    return membership


def entry_passed(
    event: PoolMembership.EntryDecreed, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> None:
    """The decree lists the round's passed candidates only (P19(3), P20(2)); an entry naming a
    round not in the log is not judged here."""
    scouting = shadows.get(event.round_id, ScoutingRound)
    if scouting is not None and event.nip not in scouting.passed_nips:
        raise POOL.refused("entry-not-passed", nip=event.nip, round=scouting.name)


def pool_decreed(
    event: ScoutingRound.PoolDecreed, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> None:
    scouting = shadows.copy_of(event.originator_id, ScoutingRound)
    if scouting is not None:
        scouting.decree_pool(event.decree_number, event.decree_date, stamp)


JUDGES: dict[type[Any], tuple[Judge, ...]] = {
    Vacancy.CandidateProposed: (proposal,),
    Vacancy.Shortlisted: (shortlist,),
    Vacancy.Picked: (pick,),
    Vacancy.PickLapsed: (pick_lapsed,),
    Vacancy.Inaugurated: (inauguration,),
    PoolMembership.EntryDecreed: (entry_decreed, entry_passed),
    PoolMembership.EntryUsed: (entry_used,),
    PoolMembership.EntryExpired: (entry_expired,),
    ScoutingRound.PoolDecreed: (pool_decreed,),
}
