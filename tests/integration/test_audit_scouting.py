"""The auditor's answers for talent scouting (madiun-2021), on SQLite and PostgreSQL: the
timelines of an employee, a vacancy and a round; why a shortlist, a pick and a pool entry stand;
the pool as of a past moment, which differs from today's."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID

import pytest

from domain.envelope import Actor, Envelope, Role
from domain.personnel.aggregate import Employee
from domain.rules.madiun import PACK as MADIUN
from domain.rules.madiun_promotion import check_promotion_consideration
from domain.values import PositionLevel
from domain.values.discipline import Penalty, PenaltyLevel
from services.application import NotFound, Talenta
from services.audit.asof import asof_pool
from services.audit.timeline import (
    Subject,
    employee_timeline,
    round_timeline,
    timeline,
    vacancy_timeline,
)
from services.audit.why_scouting import why_pick, why_pool_entry, why_shortlist
from services.auth import OtherAgency
from services.permissions import Forbidden
from services.scouting.pool import membership_of
from services.scouting.vacancies import (
    Inaugurate,
    ShortlistCandidates,
    inaugurate,
    propose_candidate,
    shortlist,
)
from tests.integration.test_scouting_promotion import (
    AGENCY,
    BOARD,
    CASEWORKER,
    HEAD,
    MAYOR,
    TPK,
    TPK_DECREE,
    A,
    B,
    C,
    D,
    decreed,
    opened,
    picked,
    proposal,
)
from tests.unit.rules_builders import facts

AUDITOR = Actor(id="inspektorat", role=Role.AUDITOR, agency=AGENCY)
OUTSIDER = Actor(id="inspektorat", role=Role.AUDITOR, agency="kota-binjai")
ADMINISTRATOR = PositionLevel.ADMINISTRATOR


def enrolled(app: Talenta) -> None:
    stamp = Envelope(actor=CASEWORKER, effective=date(2024, 1, 2), reason="import")
    app.save(*(Employee.enrol(facts(nip=nip), stamp) for nip in (A, B, C, D)))


def inaugurated(app: Talenta) -> tuple[UUID, datetime]:
    """B picked and inaugurated; also the moment just before the inauguration was recorded."""
    enrolled(app)
    vacancy = picked(app)
    before = datetime.now(UTC)
    inaugurate(app, Inaugurate(vacancy_id=vacancy, inaugurated_on=date(2025, 5, 2)), CASEWORKER)
    return vacancy, before


def round_of(app: Talenta, nip: str) -> UUID:
    membership = membership_of(app, nip, ADMINISTRATOR)
    assert membership is not None
    return membership.entries[0].round_id


def test_an_employees_timeline_has_every_step_naming_them_in_recorded_order(
    app: Talenta,
) -> None:
    vacancy, _ = inaugurated(app)

    answer = employee_timeline(app, B, AUDITOR)

    steps = [event.what for event in answer.events]
    for step in (
        "Enrolled",
        "Registered",
        "AdministrativelySelected",
        "PotentialAssessed",
        "ResultsFinalised",
        "EntryDecreed",
        "CandidateProposed",
        "Shortlisted",
        "Picked",
        "Inaugurated",
        "EntryUsed",
        "RecordUpdated",
        "TenureStarted",
    ):
        assert step in steps, step
    assert steps.index("Registered") < steps.index("EntryDecreed") < steps.index("Picked")
    recorded = [event.recorded_at for event in answer.events]
    assert recorded == sorted(recorded)
    picked_event = next(e for e in answer.events if e.what == "Picked")
    assert picked_event.actor == MAYOR
    assert picked_event.evidence is not None
    assert picked_event.evidence.decree_number == "821.2/88/2025"
    assert "madiun-2021:P24 angka 5" in picked_event.citations
    # D was never a candidate: only the enrolment.
    assert [e.what for e in employee_timeline(app, D, AUDITOR).events] == ["Enrolled"]
    assert answer.events == timeline(app, Subject.EMPLOYEE, B, AUDITOR).events
    assert vacancy in {e.aggregate for e in answer.events}


def test_a_vacancys_and_a_rounds_timelines_include_what_names_them(app: Talenta) -> None:
    vacancy, _ = inaugurated(app)

    steps = [e.what for e in vacancy_timeline(app, vacancy, AUDITOR).events]
    rounds = round_timeline(app, round_of(app, B), AUDITOR)

    assert steps[0] == "VacancyOpened"
    assert steps.count("CandidateProposed") == 3
    assert {"Shortlisted", "Picked", "Inaugurated", "EntryUsed"} <= set(steps)
    assert rounds.events[0].what == "Opened"
    assert [e.what for e in rounds.events].count("EntryDecreed") == 3
    with pytest.raises(NotFound):  # a vacancy's id is no round
        round_timeline(app, vacancy, AUDITOR)
    with pytest.raises(OtherAgency):
        vacancy_timeline(app, vacancy, OUTSIDER)
    with pytest.raises(Forbidden):
        employee_timeline(app, B, Actor(id="x", role=Role.ASSESSOR, agency=AGENCY))


def test_a_shortlist_and_a_pick_are_explained_with_rules_rerun_and_the_pool_then(
    app: Talenta,
) -> None:
    vacancy, _ = inaugurated(app)

    listed = why_shortlist(app, vacancy, AUDITOR)
    chosen = why_pick(app, vacancy, AUDITOR)

    assert listed.decision.what == "Shortlisted"
    assert listed.pack.id == "madiun-2021"
    assert listed.pack.on == date(2025, 4, 2)
    assert "D7" in listed.pack.readings
    # The board's shortlist taken again on the vacancy as it stood, under its own articles.
    again = listed.rules[0]
    assert (again.rule, again.held, again.detail["nips"]) == ("shortlist", True, [A, B, C])
    assert "madiun-2021:P24 angka 4" in again.citations
    valid = [r for r in listed.rules if r.rule == "pool-entry-valid"]
    assert [(r.detail["nip"], r.held) for r in valid] == [(A, True), (B, True), (C, True)]
    considered = [r for r in listed.rules if r.rule == "promotion-consideration"]
    assert all(r.held and "madiun-2021:P30(5)(a)" in r.citations for r in considered)
    # The pool on the minutes' date, as the board saw it: all three, none used yet.
    assert sorted(row.nip for row in listed.pool_before) == [A, B, C]
    assert listed.vacancy_before is not None and listed.vacancy_before.shortlist is None
    assert [e.what for e in listed.chain][-1] == "Shortlisted"

    assert chosen.decision.what == "Picked"
    assert [r.rule for r in chosen.rules] == ["pick", "pool-entry-valid", "promotion-consideration"]
    assert all(r.held for r in chosen.rules)
    assert chosen.vacancy_before is not None and chosen.vacancy_before.pick is None
    assert chosen.vacancy_before.shortlist is not None
    assert "Inaugurated" not in [e.what for e in chosen.chain]


def test_a_shortlist_is_explained_under_the_readings_it_recorded(app: Talenta) -> None:
    """Two pool members under the relaxed reading M2: the why re-runs the board's step under
    that reading, not the pack's strict default, and finds it held."""
    enrolled(app)
    decreed(app)
    vacancy = opened(app)
    for nip in (A, B):
        propose_candidate(app, proposal(vacancy, nip), HEAD)
    listing = ShortlistCandidates(
        vacancy_id=vacancy,
        tpk_decree=TPK_DECREE,
        members=BOARD,
        minutes_number="BA/13/2025",
        minutes_date=date(2025, 4, 2),
        nips=(A, B),
        justification="hanya dua anggota Talent Pool yang memenuhi",
    )
    shortlist(app, listing, TPK, MADIUN.with_readings(M2="relaxed"))

    again = why_shortlist(app, vacancy, AUDITOR).rules[0]

    assert (again.rule, again.held, again.detail["nips"]) == ("shortlist", True, [A, B])


def test_a_pool_entry_is_explained_from_the_round(app: Talenta) -> None:
    inaugurated(app)
    membership = membership_of(app, B, ADMINISTRATOR)
    assert membership is not None
    entry = membership.entries[0]

    answer = why_pool_entry(app, entry.entry_id, AUDITOR)

    assert answer.entry.nip == B and answer.decree.what == "EntryDecreed"
    steps = [e.what for e in answer.chain]
    assert steps[0] == "Opened"
    assert {"Registered", "ResultsFinalised", "ReportedToMayor", "PoolDecreed"} <= set(steps)
    assert [e.what for e in answer.later] == ["EntryUsed"]
    rules = {r.rule: r for r in answer.rules}
    assert rules["final-result"].held
    assert rules["final-result"].detail["result"]["final_score"] == "80.0"
    assert rules["entry-term"].held
    assert rules["entry-term"].detail["expires_on"] == date(2027, 5, 20)
    eligibility = rules["scouting-eligibility"]
    assert eligibility.on == date(2024, 3, 15)
    assert any(c.startswith("madiun-2021:P10") for c in eligibility.citations)
    # Just before B's entry was recorded: A's of the same decree (saved first), not B's own.
    assert [row.nip for row in answer.pool_before] == [A]
    with pytest.raises(NotFound):
        why_pool_entry(app, answer.membership_id, AUDITOR)
    with pytest.raises(OtherAgency):
        why_pool_entry(app, entry.entry_id, OUTSIDER)


def test_the_pool_as_of_a_past_moment_differs_from_todays(app: Talenta) -> None:
    _, before = inaugurated(app)
    day = date(2025, 6, 2)  # after the inauguration of 2025-05-02

    then = asof_pool(app, AGENCY, ADMINISTRATOR, AUDITOR, at=before, on=day)
    now = asof_pool(app, AGENCY, ADMINISTRATOR, AUDITOR, on=day)
    early = asof_pool(app, AGENCY, ADMINISTRATOR, AUDITOR, on=date(2024, 5, 19))

    # Until the inauguration was recorded the system listed B on that day; now it does not.
    assert [row.nip for row in then.entries] == [A, B, C]
    assert [row.nip for row in now.entries] == [A, C]
    assert then.moment.at == before and then.moment.on == day
    assert early.entries == []  # the day before the decree
    with pytest.raises(OtherAgency):
        asof_pool(app, AGENCY, ADMINISTRATOR, OUTSIDER)


def test_a_pick_is_judged_on_the_record_as_it_stood_not_as_corrected_since(
    app: Talenta,
) -> None:
    vacancy, _ = inaugurated(app)
    employee = app.employee(B)
    # Recorded after the pick: a moderate penalty served over the decree date (P30(5)(a)).
    served = Penalty(level=PenaltyLevel.MODERATE, start=date(2025, 1, 2), end=date(2025, 12, 31))
    corrected = employee.facts.model_copy(update={"penalties": (served,)})
    employee.update(corrected, Envelope(actor=CASEWORKER, effective=date(2025, 7, 1)))
    app.save(employee)

    chosen = why_pick(app, vacancy, AUDITOR)

    assert not check_promotion_consideration(app.facts(B), date(2025, 4, 10)).eligible
    considered = next(r for r in chosen.rules if r.rule == "promotion-consideration")
    assert considered.held and considered.detail["nip"] == B
    assert chosen.rules[0].held  # the pick itself, taken again on the record of its day
    # The correction is in the employee's timeline, recorded last, dated when it was made.
    last = employee_timeline(app, B, AUDITOR).events[-1]
    assert (last.what, last.effective) == ("RecordUpdated", date(2025, 7, 1))
