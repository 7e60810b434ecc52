"""Why a shortlist, a pick (madiun-2021 P24) or a pool entry (P14-22) stands: the chain of events
that led to it, the rules re-run on the facts as they were recorded then (the entry as its
membership held it, the personnel record, the stored scores), the pack in force on the decision's
date, and the pool and vacancy read models just before the decision was recorded."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.application import project_aggregate
from pydantic import BaseModel

from domain.envelope import Actor, Envelope
from domain.rules.calendar import ClockId
from domain.rules.madiun_promotion import check_promotion_consideration
from domain.rules.madiun_scoring import final_result
from domain.rules.registry import pack_in_force
from domain.scouting.pool import PoolEntry, PoolMembership, membership_id
from domain.scouting.round import ScoutingRound
from domain.scouting.tpk import TpkSession
from domain.scouting.vacancy import Vacancy
from domain.scouting.vacancy_state import Standing
from domain.values import PositionLevel
from projections.audit import SubjectIndex, whole_subject
from projections.scouting import PoolRow, VacancyRow
from services.agency_bounds import bounded
from services.application import NotFound, Talenta
from services.audit.asof import recorded_by
from services.audit.events import AuditEvent, audited
from services.audit.pick import PickAudit, pick_audit
from services.audit.timeline import ensure_reader, followed_index
from services.audit.why import (
    PackInForce,
    RuleCheck,
    before,
    effective,
    facts_then,
    in_order,
    judge,
    pack_then,
)
from services.audit.why_kept import pool_then, vacancy_then
from services.auth import same_agency
from services.eligibility import scouting_pack
from services.stored_events import events_at

E = TypeVar("E")


class VacancyDecisionWhy(BaseModel):
    """A shortlist (the board's minutes) or a pick (the mayor's decree)."""

    audit: PickAudit
    decision: AuditEvent
    pack: PackInForce
    chain: list[AuditEvent]  # the vacancy and each candidate's trail, up to the decision
    rules: list[RuleCheck]  # per candidate concerned, each rule with the NIP in ``detail``
    pool_before: list[PoolRow]  # the pool on the decision's date, as recorded just before it
    vacancy_before: VacancyRow | None


class PoolEntryWhy(BaseModel):
    membership_id: UUID
    entry: PoolEntry  # as the membership holds it now
    decree: AuditEvent
    pack: PackInForce
    chain: list[AuditEvent]  # the round's steps for the employee, up to the decree
    later: list[AuditEvent]  # what became of the entry since: used, reminded, expired
    rules: list[RuleCheck]
    pool_before: list[PoolRow]


@bounded
def why_shortlist(app: Talenta, vacancy_id: UUID, actor: Actor) -> VacancyDecisionWhy:
    """The board's shortlist re-run on the vacancy as it stood before it, with each listed
    candidate's entry and P30(5) as recorded then (the size of three, the entries, P30(5): the
    vacancy's own checks, P24 angka 3-4, P22(1))."""
    ensure_reader(actor)
    events = list(app.repository.event_store.get(vacancy_id))
    audit = pick_audit(app, vacancy_id, events, actor)
    listed = _last(events, vacancy_id, Vacancy.Shortlisted, "daftar pendek", "shortlist")
    found = {nip: _standing(app, audit, nip, listed) for nip in listed.nips}
    standing = {nip: held for nip, (held, _) in found.items()}
    before_it = _before(events, listed)
    stamp = Envelope.from_event(listed.envelope)
    # Judged under the readings the board's decision recorded (M1 quorum, M2 size).
    pack = pack_in_force(before_it.agency, stamp.effective).with_readings(**stamp.basis.readings)
    decision = judge(
        "shortlist",
        effective(AuditEvent.of(listed)),
        lambda: before_it.shortlist(
            TpkSession.model_validate(listed.session),
            list(listed.nips),
            listed.justification,
            standing,
            stamp,
            pack,
        ),
        AuditEvent.of(listed).citations,
    )
    decision.detail.update(nips=listed.nips, justification=listed.justification)
    rules = [decision, *(check for _, checks in found.values() for check in checks)]
    return _answer(app, audit, events, listed, rules)


@bounded
def why_pick(app: Talenta, vacancy_id: UUID, actor: Actor) -> VacancyDecisionWhy:
    """The mayor's pick re-run on the vacancy as it stood before it (one of the shortlist, not
    a lapsed pick, P24 angka 5), with the entry and P30(5) as recorded then."""
    ensure_reader(actor)
    events = list(app.repository.event_store.get(vacancy_id))
    audit = pick_audit(app, vacancy_id, events, actor)
    chosen = _last(events, vacancy_id, Vacancy.Picked, "pilihan", "pick")
    standing, checks = _standing(app, audit, chosen.nip, chosen)
    before_it = _before(events, chosen)
    decision = judge(
        "pick",
        chosen.decree_date,
        lambda: before_it.pick(
            chosen.nip,
            chosen.decree_number,
            chosen.decree_date,
            {chosen.nip: standing},
            Envelope.from_event(chosen.envelope),
        ),
        AuditEvent.of(chosen).citations,
    )
    decision.detail["nip"] = chosen.nip
    return _answer(app, audit, events, chosen, [decision, *checks])


@bounded
def why_pool_entry(app: Talenta, entry_id: UUID, actor: Actor) -> PoolEntryWhy:
    ensure_reader(actor)
    index = followed_index(app)
    membership, stream = _membership(app, index, entry_id)
    entry = membership.entry(entry_id)
    same_agency(actor, entry.agency)
    own = [e for e in stream if _of_entry(e, entry_id)]
    decreed = next(e for e in own if isinstance(e, PoolMembership.EntryDecreed))
    at = decreed.timestamp
    # The round as opened: its agency, level and schedule are set then and never change, and a
    # round of hundreds of candidates is not rebuilt whole.
    scouting: ScoutingRound = app.repository.get(entry.round_id, version=1)
    # The round's events naming the employee and those about the round as a whole, through
    # the subject index: a round of hundreds of candidates is not read whole.
    named = index.rows_in(entry.nip, entry.round_id)
    whole = index.rows(whole_subject(entry.round_id))
    steps = [e for e in events_at(app, [*named, *whole]) if e.timestamp <= at]
    return PoolEntryWhy(
        membership_id=membership.id,
        entry=entry,
        decree=AuditEvent.of(decreed),
        pack=pack_then(entry.agency, entry.decree_date),
        chain=in_order(audited(app, (e for e in (*steps, *own) if e.timestamp <= at))),
        later=audited(app, (e for e in own if e.timestamp > at)),
        rules=_entry_rules(app, scouting, entry, steps),
        pool_before=pool_then(app, entry.agency, entry.level, before(at), entry.decree_date),
    )


def _entry_rules(
    app: Talenta, scouting: ScoutingRound, entry: PoolEntry, steps: list[Any]
) -> list[RuleCheck]:
    """Eligibility on the registration's closing date (reading D4) with the record as it stood
    at the administrative selection; the final result from the recorded scores; the term."""
    rules: list[RuleCheck] = []
    selected = [e for e in steps if isinstance(e, ScoutingRound.AdministrativelySelected)]
    if selected:
        closes = scouting.registration_closes
        pack, check = scouting_pack(scouting.agency, closes)
        recorded = Envelope.from_event(selected[-1].envelope).basis.readings
        pack = pack.with_readings(**recorded)
        facts = facts_then(app, entry.nip, selected[-1].timestamp)
        rules.append(
            judge(
                "scouting-eligibility",
                closes,
                lambda: check(
                    facts,
                    scouting.level,
                    closes,
                    scouting.agency,
                    pack=pack,
                    announced=scouting.schedule.announcement,
                ),
            )
        )
    finalised = [e for e in steps if isinstance(e, ScoutingRound.ResultsFinalised)]
    scores = finalised[-1].results.get(entry.nip) if finalised else None
    if finalised and scores is not None:
        day = effective(AuditEvent.of(finalised[-1]))
        pack = pack_in_force(scouting.agency, day)
        scored = judge(
            "final-result",
            day,
            lambda: final_result(scores["potential"], scores["technical"], pack=pack),
        )
        scored.held = scored.held and bool(scored.detail["result"]["passed"])
        rules.append(scored)
    clock = pack_in_force(entry.agency, entry.decree_date).clock(ClockId.POOL_ENTRY)
    expires = clock.deadline(entry.decree_date)
    rules.append(
        RuleCheck(
            rule="entry-term",
            on=entry.decree_date,
            held=expires == entry.expires_on,
            citations=clock.citations,
            detail={"decree_date": entry.decree_date, "expires_on": expires},
        )
    )
    return rules


def _standing(
    app: Talenta, audit: PickAudit, nip: str, decision: Any
) -> tuple[Standing, list[RuleCheck]]:
    """The candidate's proposed entry as its membership held it when the decision was recorded,
    and P30(5) on the record as it stood then; each also judged alone, for the answer."""
    at = decision.timestamp
    on = effective(AuditEvent.of(decision))
    trail = next(t for t in audit.candidates if t.nip == nip)
    membership: PoolMembership = _then(app, membership_id(nip, audit.level), at)
    entry = membership.entry(trail.pool_entry.entry_id)
    consideration = check_promotion_consideration(facts_then(app, nip, at), on)
    valid = judge("pool-entry-valid", on, lambda: entry.ensure_valid_on(on))
    considered = judge("promotion-consideration", on, lambda: consideration)
    for check in (valid, considered):
        check.detail["nip"] = nip
    return Standing(entry=entry, consideration=consideration), [valid, considered]


def _then(app: Talenta, aggregate: UUID, at: datetime) -> Any:
    """The aggregate as recorded at ``at``."""
    return project_aggregate(None, recorded_by(app, aggregate, at))


def _before(events: list[Any], decision: Any) -> Vacancy:
    """The vacancy just before the decision, to take the decision again on it (in memory)."""
    found: Vacancy | None = project_aggregate(None, _preceding(events, decision))
    assert found is not None  # a decision follows the vacancy's opening
    return found


def _preceding(events: list[Any], decision: Any) -> list[Any]:
    return [e for e in events if e.originator_version < decision.originator_version]


def _answer(
    app: Talenta, audit: PickAudit, events: list[Any], decision: Any, rules: list[RuleCheck]
) -> VacancyDecisionWhy:
    at = decision.timestamp
    event = AuditEvent.of(decision)
    on = effective(event)
    trails = (e for trail in audit.candidates for e in trail.events)
    return VacancyDecisionWhy(
        audit=audit,
        decision=event,
        pack=pack_then(audit.agency, on),
        chain=in_order(e for e in (*audit.timeline, *trails) if e.recorded_at <= at),
        rules=rules,
        pool_before=pool_then(app, audit.agency, PositionLevel(audit.level), before(at), on),
        vacancy_before=vacancy_then(
            app, audit.vacancy_id, _preceding(events, decision), decision.originator_version
        ),
    )


def _last(events: list[Any], vacancy_id: UUID, kind: type[E], what_id: str, what_en: str) -> E:
    found = [e for e in events if isinstance(e, kind)]
    if not found:
        raise NotFound(
            f"lowongan {vacancy_id} belum memiliki {what_id}",
            f"vacancy {vacancy_id} has no {what_en} yet",
        )
    return found[-1]


def _membership(
    app: Talenta, index: SubjectIndex, entry_id: UUID
) -> tuple[PoolMembership, list[Any]]:
    """The membership holding the entry (found through the index: the entry names it), with
    its stored events."""
    for aggregate in dict.fromkeys(a for a, _ in index.rows(str(entry_id))):
        stream = list(app.repository.event_store.get(aggregate))
        found = project_aggregate(None, stream)
        if isinstance(found, PoolMembership):
            return found, stream
    raise NotFound.of(entry_id, "entri Talent Pool", "pool entry")


def _of_entry(event: Any, entry_id: UUID) -> bool:
    return str(getattr(event, "entry_id", "")) == str(entry_id)
