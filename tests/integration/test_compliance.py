"""The compliance replay on SQLite and PostgreSQL: a log built through the commands for each
agency reports nothing; a log seeded with one breach of each kind reports that breach, with the
rule's code and citation, and nothing else.

The commands refuse every breach, so the seeded ones are written past them: the breaching event
is triggered on the aggregate (``trigger_event``, or the aggregate created from its event's
fields) instead of through the guarded command method, and saved with ``app.save``. The pin left
valid after its expiry needs no seeding: its clock never ran.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.domain import Aggregate

from domain.envelope import Actor, Envelope, Role
from domain.personnel.aggregate import Employee
from domain.personnel.facts import EmploymentStatus
from domain.rules.core import ReadingId
from domain.rules.madiun_eligibility import check_scouting_eligibility
from domain.rules.registry import pack_for
from domain.scouting.mutation import TenureReview
from domain.scouting.pool import PoolMembership, entry_id, membership_id
from domain.scouting.round import ScoutingRound
from domain.scouting.tpk import TpkMember, TpkOffice, TpkSession
from domain.scouting.vacancy import Vacancy
from domain.talent.development import DevelopmentRecord
from domain.talent.mapping import TalentProfile, profile_id
from domain.talent.monitoring import Monitoring, monitoring_id
from domain.talent.placement import Placement
from domain.talent.retention import Award, AwardKind
from domain.talent.succession import SuccessionGroup, SuccessionPlan
from domain.talent.succession_values import Successor, TargetStatus
from domain.values import PositionLevel
from services import envelopes
from services.application import Talenta
from services.audit.compliance import ComplianceQuery, compliance_report, replay
from services.auth import OtherAgency
from services.permissions import Forbidden
from services.scouting import common as scouting_common
from services.scouting.rounds import (
    CandidateStep,
    CloseRegistration,
    close_registration,
    recommend_candidate,
)
from services.scouting.vacancies import (
    OpenVacancy,
    ProposeCandidate,
    ShortlistCandidates,
    open_vacancy,
    propose_candidate,
    shortlist,
)
from services.talent.acquisition import DeclareCriticalPosition, declare_critical_position
from services.talent.development import Counsel, counsel
from services.talent.mapping import AssessEmployee, assess_employee
from services.talent.monitoring import RecordCheckIn, record_check_in
from services.talent.placement import place_talent
from services.talent.retention import AwardDecree, ExpirePin, award, expire_pin
from services.talent.succession import (
    DeclareTarget,
    OrderSuccessors,
    declare_target,
    order_successors,
)
from tests.integration import test_scouting_read_models as madiun
from tests.integration.test_talent_placement import POSITION, decree
from tests.integration.test_talent_succession import (
    CELLS,
    CITIES,
    UNIT,
    A,
    B,
    C,
    D,
    actor,
    assess,
    nominated_in_group,
    staffed,
)
from tests.unit.rules_builders import facts, nip_for, spell

MADIUN, BINJAI, BALIKPAPAN = "kota-madiun", "kota-binjai", "kota-balikpapan"
NOMINATORS = {agency: nominator for agency, nominator, _ in CITIES.values()}
SYSTEM = Actor(id="clock", role=Role.SYSTEM)
PIN_DECREE = date(2024, 6, 3)  # Binjai: the pin holds 2 years, until before 2026-06-03
# Any moment after the pin's expiry day, fixed so the tests hold on any machine date.
AS_OF = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


# Clean logs, through the commands


def madiun_proposed(app: Talenta, nips: tuple[str, ...] = (madiun.A, madiun.B, madiun.C)) -> UUID:
    """The round run, its pool and an expired 2022 entry decreed, a vacancy with ``nips``
    proposed (madiun-2021 P11-24)."""
    scouting = madiun.registered(app)
    madiun.finished(app, scouting)
    madiun.pooled(app, scouting)
    opened = OpenVacancy(
        agency=MADIUN,
        position="Kepala Bagian Umum",
        unit="Sekretariat Daerah",
        level=madiun.LEVEL,
        opened_on=date(2025, 3, 1),
    )
    vacancy_id = open_vacancy(app, opened, madiun.SECRETARIAT)
    for each in nips:
        proposal = ProposeCandidate(vacancy_id=vacancy_id, nip=each, proposed_on=date(2025, 3, 10))
        propose_candidate(app, proposal, madiun.HEAD)
    return vacancy_id


def madiun_shortlisted(app: Talenta) -> UUID:
    vacancy_id = madiun_proposed(app)
    listing = ShortlistCandidates(
        vacancy_id=vacancy_id,
        members=madiun.BOARD,
        tpk_decree=madiun.TPK_DECREE,
        minutes_number="BA/12/2025",
        minutes_date=date(2025, 4, 2),
        nips=(madiun.A, madiun.B, madiun.C),
    )
    shortlist(app, listing, madiun.TPK)
    return vacancy_id


def talent_planned(app: Talenta, agency: str) -> UUID:
    """A critical position by decree; A and B (boxes 9 and 8) in the group decree, nominated
    and ordered B, A for it as the target; C in box 8, D (another unit) in box 6."""
    staffed(app, agency)
    for nip, box in ((A, 9), (B, 8), (C, 8), (D, 6)):
        assess(app, agency, nip, box, date(2025, 3, 10))
    cycle = pack_for(agency).cycle
    assert cycle is not None
    critical = DeclareCriticalPosition(
        agency=agency,
        position=POSITION,
        unit=UNIT,
        level=PositionLevel.ADMINISTRATOR,
        characteristics={c.code: "karena RPJMD" for c in cycle.critical_characteristics},
        priority_rank=1,
        competency_standard="SKJ-01",
        decree_number="800/1/2025",
        decree_date=date(2025, 2, 3),
    )
    critical_id = declare_critical_position(app, critical, actor(agency, Role.PPK))
    target = DeclareTarget(
        agency=agency,
        position=POSITION,
        unit=UNIT,
        level=PositionLevel.ADMINISTRATOR,
        status=TargetStatus.VACANT,
        declared_on=date(2025, 4, 2),
        critical_position_id=critical_id,
    )
    plan_id = declare_target(app, target, actor(agency, Role.TALENT_TEAM))
    nominated_in_group(app, plan_id, (B, A), date(2025, 4, 7))
    successors = tuple(
        Successor(nip=nip, projected_position=POSITION, projected_date=date(2026, 1, 2))
        for nip in (B, A)
    )
    order = OrderSuccessors(plan_id=plan_id, ordered_on=date(2025, 4, 8), successors=successors)
    order_successors(app, order, actor(agency, Role.PPK))
    return plan_id


def placed(app: Talenta, agency: str) -> UUID:
    """B placed into the critical position, so monitored; the first yearly check-in."""
    plan_id = talent_planned(app, agency)
    placement = place_talent(app, decree(plan_id, B), actor(agency, Role.PPK))
    check_in = RecordCheckIn(
        monitoring_id=monitoring_id(placement), year=1, effective=date(2027, 1, 5)
    )
    record_check_in(app, check_in, actor(agency, Role.TALENT_TEAM))
    return placement


def pinned(app: Talenta, expire: bool) -> Award:
    """C in box 9 in 2024 and pinned by decree; the pin's expiry recorded by its clock's
    command when ``expire``."""
    performance, potential = CELLS[9]
    mapped = AssessEmployee(
        agency=BINJAI,
        nip=C,
        period="2024",
        assessed_on=date(2024, 5, 2),
        performance=performance,
        potential=potential,
        evidence={"assessment_centre": {"intellectual": 4}},
    )
    assess_employee(app, mapped, actor(BINJAI, Role.ASSESSOR))
    pin_decree = AwardDecree(
        agency=BINJAI,
        nip=C,
        kind=AwardKind.PIN,
        decree_number="800/30/2024",
        decree_date=PIN_DECREE,
    )
    granted = award(app, pin_decree, actor(BINJAI, Role.PPK))
    if expire:
        assert granted.expires_on is not None
        command = ExpirePin(award_id=granted.id, expired_on=granted.expires_on)
        assert expire_pin(app, command, SYSTEM)
    return granted


def clean(app: Talenta, agency: str) -> None:
    if agency == MADIUN:
        madiun.everything(app)
        return
    placed(app, agency)
    if agency == BINJAI:
        pinned(app, expire=True)
        counselling = Counsel(agency=agency, nip=D, effective=date(2025, 3, 20), notes="target")
        counsel(app, counselling, actor(agency, Role.ASSESSOR))


@pytest.mark.parametrize("agency", [MADIUN, BINJAI, BALIKPAPAN])
def test_a_log_built_through_the_commands_reports_no_breach(app: Talenta, agency: str) -> None:
    clean(app, agency)

    report = replay(app, agency, AS_OF)
    everyone = replay(app, None, AS_OF)

    assert report.breaches == []
    assert everyone.breaches == []
    assert report.checked >= 10  # the agency's decisions, each judged
    assert report.checked == everyone.checked


# Seeded breaches, past the commands


Seeded = tuple[UUID, str]  # the breaching event's aggregate and event name


def seed(app: Talenta, aggregate: Aggregate, event_class: type[Any], **fields: Any) -> Seeded:
    aggregate.trigger_event(event_class, **fields)
    app.save(aggregate)
    return aggregate.id, event_class.__qualname__


def madiun_stamp(who: Actor, on: date, *articles: str) -> dict[str, Any]:
    return scouting_common.envelope(who, on, *articles).to_event()


def talent_stamp(agency: str, role: Role, on: date, *citations: str) -> dict[str, Any]:
    return envelopes.envelope(actor(agency, role), on, pack_for(agency), *citations).to_event()


def pick_outside_the_shortlist(app: Talenta) -> Seeded:
    vacancy: Vacancy = app.repository.get(madiun_shortlisted(app))
    return seed(
        app,
        vacancy,
        Vacancy.Picked,
        nip=madiun.D,
        decree_number="821.2/88/2025",
        decree_date=date(2025, 4, 10),
        envelope=madiun_stamp(madiun.MAYOR, date(2025, 4, 10), "P24 angka 5", "P27(1)"),
    )


def pick_by_the_board(app: Talenta) -> Seeded:
    vacancy: Vacancy = app.repository.get(madiun_shortlisted(app))
    return seed(
        app,
        vacancy,
        Vacancy.Picked,
        nip=madiun.B,
        decree_number="821.2/88/2025",
        decree_date=date(2025, 4, 10),
        envelope=madiun_stamp(madiun.TPK, date(2025, 4, 10), "P24 angka 5", "P27(1)"),
    )


def _proposal(app: Talenta, vacancy_id: UUID, nip: str, on: date) -> Seeded:
    vacancy: Vacancy = app.repository.get(vacancy_id)
    membership: PoolMembership = app.repository.get(membership_id(nip, madiun.LEVEL))
    return seed(
        app,
        vacancy,
        Vacancy.CandidateProposed,
        nip=nip,
        entry_id=membership.entries[-1].entry_id,
        by=madiun.HEAD.id,
        checks=[],
        envelope=madiun_stamp(madiun.HEAD, on, "P24 angka 1", "P24 angka 2", "P30(5)"),
    )


def proposal_from_an_expired_entry(app: Talenta) -> Seeded:
    # VETERAN's 2022 entry expired on 2025-01-10.
    return _proposal(app, madiun_proposed(app), madiun.VETERAN, date(2025, 3, 10))


def proposal_before_the_entry_holds(app: Talenta) -> Seeded:
    # A's entry holds from the decree of 2024-05-20.
    vacancy_id = madiun_proposed(app, (madiun.B, madiun.C))
    return _proposal(app, vacancy_id, madiun.A, date(2024, 5, 10))


def _seeded_shortlist(
    app: Talenta,
    nips: list[str],
    justification: str = "",
    members: tuple[TpkMember, ...] = madiun.BOARD,
    readings: dict[str, str] | None = None,
) -> Seeded:
    """A shortlist recorded past the command, with the readings its envelope names (the
    pack's defaults unless ``readings`` says otherwise)."""
    vacancy: Vacancy = app.repository.get(madiun_proposed(app))
    session = TpkSession(
        minutes_number="BA/12/2025",
        minutes_date=date(2025, 4, 2),
        decree_number=madiun.TPK_DECREE,
        members=members,
    )
    stamp = scouting_common.envelope(
        madiun.TPK,
        date(2025, 4, 2),
        "P8(2)",
        "P24 angka 3",
        "P24 angka 4",
        readings=(ReadingId.M1, ReadingId.M2),
    )
    basis = stamp.basis.model_copy(
        update={"readings": {**stamp.basis.readings, **(readings or {})}}
    )
    return seed(
        app,
        vacancy,
        Vacancy.Shortlisted,
        session=session.to_event(),
        nips=nips,
        justification=justification,
        short=len(nips) < 3,
        envelope=stamp.model_copy(update={"basis": basis}).to_event(),
    )


def short_shortlist_without_justification(app: Talenta) -> Seeded:
    return _seeded_shortlist(app, [madiun.A, madiun.B], readings={"M2": "relaxed"})


def short_shortlist_under_the_strict_reading(app: Talenta) -> Seeded:
    return _seeded_shortlist(app, [madiun.A, madiun.B], "hanya dua yang memenuhi")


def board_without_an_office(app: Talenta) -> Seeded:
    return _seeded_shortlist(app, [madiun.A, madiun.B, madiun.C], members=madiun.BOARD[:4])


def board_listing_one_person_twice(app: Talenta) -> Seeded:
    twice = TpkMember(name=madiun.BOARD[0].name, office=TpkOffice.ASISTEN_ADMINISTRASI)
    members = (*madiun.BOARD[:4], twice)
    return _seeded_shortlist(app, [madiun.A, madiun.B, madiun.C], members=members)


def entry_for_a_candidate_who_failed(app: Talenta) -> Seeded:
    """E's final score is 64 (P19(3)); listed by the round's own decree."""
    scouting = madiun.registered(app)
    madiun.finished(app, scouting)
    madiun.pooled(app, scouting)
    stamp = scouting_common.envelope(madiun.MAYOR, madiun.DECREE, "P20(2)", "P22(1)")
    membership = PoolMembership.start(madiun.E, madiun.LEVEL, stamp)
    # decree_entry itself does not look at the round: only the handler lists the passed ones.
    membership.decree_entry(
        madiun.E, madiun.LEVEL, MADIUN, scouting, "800/55/2024", madiun.DECREE, stamp
    )
    app.save(membership)
    return membership.id, "PoolMembership.EntryDecreed"


def selection_passed_though_ineligible(app: Talenta) -> Seeded:
    """LOW_GRADE's grade is below the requirement (P10); recorded as passing selection."""
    scouting_id = madiun.registered(app)
    recommendation = CandidateStep(
        round_id=scouting_id, nip=madiun.LOW_GRADE, effective=date(2024, 2, 13)
    )
    recommend_candidate(app, recommendation, madiun.HEAD)
    closing = madiun.SCHEDULE.registration_closes
    command = CloseRegistration(round_id=scouting_id, closed_on=closing, effective=closing)
    close_registration(app, command, madiun.TEAM)
    scouting: ScoutingRound = app.repository.get(scouting_id)
    on = date(2024, 3, 18)
    result = check_scouting_eligibility(app.facts(madiun.LOW_GRADE), madiun.LEVEL, closing, MADIUN)
    assert not result.eligible
    return seed(
        app,
        scouting,
        ScoutingRound.AdministrativelySelected,
        nip=madiun.LOW_GRADE,
        passed=True,
        eligibility=result.model_dump(mode="json"),
        documents_complete=True,
        envelope=madiun_stamp(madiun.TEAM, on, "P14(1)", "P14(2)"),
    )


def selection_without_recommendation(app: Talenta) -> Seeded:
    """A, eligible, recorded as passing selection without the head of unit's recommendation
    (reading M3 required)."""
    scouting_id = madiun.registered(app)
    closing = madiun.SCHEDULE.registration_closes
    command = CloseRegistration(round_id=scouting_id, closed_on=closing, effective=closing)
    close_registration(app, command, madiun.TEAM)
    scouting: ScoutingRound = app.repository.get(scouting_id)
    result = check_scouting_eligibility(
        app.facts(madiun.A),
        madiun.LEVEL,
        closing,
        MADIUN,
        announced=madiun.SCHEDULE.announcement,
    )
    assert result.eligible
    return seed(
        app,
        scouting,
        ScoutingRound.AdministrativelySelected,
        nip=madiun.A,
        passed=True,
        eligibility=result.model_dump(mode="json"),
        documents_complete=True,
        envelope=madiun_stamp(madiun.TEAM, date(2024, 3, 18), "P14(1)", "P14(2)"),
    )


def entry_with_a_longer_term(app: Talenta) -> Seeded:
    """A passed; the entry is recorded to hold 5 years instead of 3."""
    scouting = madiun.registered(app)
    madiun.finished(app, scouting)
    stamp = scouting_common.envelope(madiun.MAYOR, madiun.DECREE, "P20(2)", "P22(1)")
    membership = PoolMembership.start(madiun.A, madiun.LEVEL, stamp)
    return seed(
        app,
        membership,
        PoolMembership.EntryDecreed,
        entry_id=entry_id(membership.id, "800/55/2024"),
        nip=madiun.A,
        level=str(madiun.LEVEL),
        agency=MADIUN,
        round_id=scouting,
        decree_number="800/55/2024",
        decree_date=madiun.DECREE,
        expires_on=madiun.DECREE.replace(year=madiun.DECREE.year + 5),
        envelope=stamp.to_event(),
    )


def entry_used_after_its_expiry(app: Talenta) -> Seeded:
    vacancy_id = madiun_proposed(app)
    membership: PoolMembership = app.repository.get(membership_id(madiun.VETERAN, madiun.LEVEL))
    on = date(2025, 4, 14)
    return seed(
        app,
        membership,
        PoolMembership.EntryUsed,
        entry_id=membership.entries[-1].entry_id,
        vacancy_id=vacancy_id,
        inaugurated_on=on,
        envelope=madiun_stamp(madiun.SECRETARIAT, on, "P27", "P28", "P23(2)"),
    )


def tenure_decided_before_it_is_due(app: Talenta) -> Seeded:
    """B, inaugurated on 2025-04-14, is due for review on 2030-04-14 (P25(3))."""
    vacancy_id = madiun.everything(app)[1]
    vacancy: Vacancy = app.repository.get(vacancy_id)
    review_id = TenureReview.create_id(
        nip=madiun.B, position=vacancy.position, inaugurated_on=madiun.INAUGURATION
    )
    review: TenureReview = app.repository.get(review_id)
    on = date(2026, 1, 5)
    return seed(
        app,
        review,
        TenureReview.TenureDecided,
        extend=True,
        decree_number="821.2/9/2026",
        decree_date=on,
        envelope=madiun_stamp(madiun.MAYOR, on, "P25(3)"),
    )


def _nomination(app: Talenta, agency: str, box: int, on: date) -> Seeded:
    plan_id = talent_planned(app, agency)
    assess(app, agency, C, box, date(2025, 3, 11))
    plan: SuccessionPlan = app.repository.get(plan_id)
    cycle = pack_for(agency).cycle
    assert cycle is not None
    return seed(
        app,
        plan,
        SuccessionPlan.Nominated,
        nip=C,
        box=box,
        assessment="",
        justification="kinerja",
        envelope=talent_stamp(
            agency, NOMINATORS[agency], on, cycle.nomination_citation, cycle.group_citation
        ),
    )


def nomination_below_box_7(agency: str) -> Callable[[Talenta], Seeded]:
    return lambda app: _nomination(app, agency, 6, date(2025, 4, 7))


def nomination_before_balikpapan_is_in_force(app: Talenta) -> Seeded:
    return _nomination(app, BALIKPAPAN, 8, date(2024, 12, 31))


def nomination_outside_the_decreed_group(app: Talenta) -> Seeded:
    """C, box 8 but outside the group the Binjai PPK decreed (A, B), nominated by the PPK."""
    return _nomination(app, BINJAI, 8, date(2025, 4, 7))


def placement_of_a_pppk(app: Talenta) -> Seeded:
    """B, first successor of the decreed group, recorded as a PPPK since, then placed."""
    plan_id = talent_planned(app, BINJAI)
    employee = app.employee(B)
    update = Envelope(actor=actor(BINJAI, Role.CASEWORKER), effective=date(2025, 6, 2))
    employee.update(employee.facts.model_copy(update={"status": EmploymentStatus.PPPK}), update)
    app.save(employee)
    cycle = pack_for(BINJAI).cycle
    assert cycle is not None
    placed = Placement(
        agency=BINJAI,
        nip=B,
        plan_id=plan_id,
        position=POSITION,
        unit=UNIT,
        level=str(PositionLevel.ADMINISTRATOR),
        from_unit=UNIT,
        box=8,
        direct=False,
        decree_number="821/1",
        decree_date=date(2026, 1, 2),
        inaugurated_on=date(2026, 1, 5),
        critical=True,
        envelope=talent_stamp(BINJAI, Role.PPK, date(2026, 1, 2), cycle.placement_citation),
    )
    app.save(placed)
    return placed.id, "Placement.Placed"


def group_decreed_without_the_teams_group(app: Talenta) -> Seeded:
    """The Balikpapan PPK decrees A into a 2026 group the talent team never set (P16(2))."""
    talent_planned(app, BALIKPAPAN)
    on = date(2025, 4, 20)
    group = SuccessionGroup(
        agency=BALIKPAPAN,
        period="2026",
        members=[{"nip": A, "box": 9}],
        decree_number="800/9/2025",
        decree_date=on,
        envelope=talent_stamp(BALIKPAPAN, Role.PPK, on, "balikpapan-2022:P17(3)"),
    )
    app.save(group)
    return group.id, "SuccessionGroup.GroupSet"


def placement_outside_the_plan(agency: str) -> Callable[[Talenta], Seeded]:
    """C, box 8 but neither nominated nor ordered, placed into the plan's target."""

    def build(app: Talenta) -> Seeded:
        plan_id = talent_planned(app, agency)
        cycle = pack_for(agency).cycle
        assert cycle is not None
        placed = Placement(
            agency=agency,
            nip=C,
            plan_id=plan_id,
            position=POSITION,
            unit=UNIT,
            level=str(PositionLevel.ADMINISTRATOR),
            from_unit=UNIT,
            box=8,
            direct=False,
            decree_number="821/1",
            decree_date=date(2026, 1, 2),
            inaugurated_on=date(2026, 1, 5),
            critical=False,
            envelope=talent_stamp(agency, Role.PPK, date(2026, 1, 2), cycle.placement_citation),
        )
        app.save(placed)
        return placed.id, "Placement.Placed"

    return build


def successors_not_nominated(agency: str) -> Callable[[Talenta], Seeded]:
    """C (box 8, not nominated) ordered among the successors."""

    def build(app: Talenta) -> Seeded:
        plan: SuccessionPlan = app.repository.get(talent_planned(app, agency))
        cycle = pack_for(agency).cycle
        assert cycle is not None
        on = date(2025, 4, 9)
        successors = [
            Successor(nip=nip, order=order, projected_position=POSITION, projected_date=on)
            for order, nip in enumerate((B, C), start=1)
        ]
        return seed(
            app,
            plan,
            SuccessionPlan.SuccessorsOrdered,
            successors=[each.model_dump(mode="json") for each in successors],
            envelope=talent_stamp(agency, Role.PPK, on, cycle.plan_citation),
        )

    return build


def counselling_outside_its_boxes(app: Talenta) -> Seeded:
    """A is in box 9; Binjai's assessors counsel boxes 3 and 6 only."""
    talent_planned(app, BINJAI)
    cycle = pack_for(BINJAI).cycle
    assert cycle is not None and cycle.counselling_citation is not None
    on = date(2025, 3, 20)
    stamp = envelopes.envelope(
        actor(BINJAI, Role.ASSESSOR), on, pack_for(BINJAI), cycle.counselling_citation
    )
    record = DevelopmentRecord.start(BINJAI, A, stamp)
    return seed(
        app, record, DevelopmentRecord.Counselled, box=9, notes="target", envelope=stamp.to_event()
    )


def evaluation_before_the_last_year(agency: str) -> Callable[[Talenta], Seeded]:
    """B's monitoring runs from 2026-01-05; the final evaluation is from its last year."""

    def build(app: Talenta) -> Seeded:
        placement = placed(app, agency)
        monitoring: Monitoring = app.repository.get(monitoring_id(placement))
        cycle = pack_for(agency).cycle
        assert cycle is not None
        on = date(2027, 1, 6)
        return seed(
            app,
            monitoring,
            Monitoring.Evaluated,
            outcome=str(cycle.monitoring_outcomes[0]),
            notes="baik",
            envelope=talent_stamp(agency, Role.PPK, on, cycle.monitoring_citation),
        )

    return build


def pin_expiry_recorded_early(app: Talenta) -> Seeded:
    talent_planned(app, BINJAI)
    granted = pinned(app, expire=False)
    cycle = pack_for(BINJAI).cycle
    assert cycle is not None and cycle.pin_citation is not None
    on = date(2025, 6, 3)
    return seed(
        app,
        granted,
        Award.PinExpired,
        expired_on=on,
        envelope=talent_stamp(BINJAI, Role.SYSTEM, on, cycle.pin_citation),
    )


def box_recorded_above_the_grid(agency: str) -> Callable[[Talenta], Seeded]:
    """C assessed as meeting expectations with middle potential (box 5), recorded in box 9."""

    def build(app: Talenta) -> Seeded:
        talent_planned(app, agency)
        profile: TalentProfile = app.repository.get(profile_id(agency, C))
        pack = pack_for(agency)
        on = date(2025, 5, 5)
        cycle = pack.cycle
        assert cycle is not None
        placed = pack.place(*CELLS[5])
        return seed(
            app,
            profile,
            TalentProfile.Assessed,
            agency=agency,
            nip=C,
            unit=UNIT,
            level=str(PositionLevel.SUPERVISOR),
            period="2025",
            performance=str(CELLS[5][0]),
            potential=str(CELLS[5][1]),
            evidence={"assessment_centre": {"intellectual": 3}},
            box=9,
            category=placed.category.model_dump(),
            recommendations=[str(r) for r in placed.recommendations],
            readings_used=[use.model_dump(mode="json") for use in placed.readings_used],
            supersedes=profile.assessments[-1].ref,
            envelope=talent_stamp(agency, Role.ASSESSOR, on, cycle.assessment_citation),
        )

    return build


def pin_left_valid_after_its_expiry(app: Talenta) -> Seeded:
    talent_planned(app, BINJAI)
    return pinned(app, expire=False).id, "Award.Awarded"


def assessment_of_another_agencys_employee(app: Talenta) -> Seeded:
    """A Binjai assessor maps a Madiun employee into Binjai's nine-box, written past the
    commands (which refuse it)."""
    nip = nip_for(date(1979, 4, 2))
    record = facts(
        nip=nip, agency=MADIUN, positions=(spell(PositionLevel.SUPERVISOR, date(2015, 1, 2)),)
    )
    clerk = Envelope(actor=actor(MADIUN, Role.CASEWORKER), effective=date(2024, 1, 2))
    app.save(Employee.enrol(record, clerk))
    pack = pack_for(BINJAI)
    cycle = pack.cycle
    assert cycle is not None
    stamp = envelopes.envelope(
        actor(BINJAI, Role.ASSESSOR), date(2025, 3, 10), pack, cycle.assessment_citation
    )
    profile = TalentProfile.start(BINJAI, nip, stamp)
    profile.assess(
        UNIT,
        PositionLevel.SUPERVISOR,
        "2025",
        *CELLS[9],
        {"assessment_centre": {"x": 4}},
        pack,
        stamp,
    )
    app.save(profile)
    return profile.id, "TalentProfile.Assessed"


def _cycle_citation(agency: str, name: str) -> str:
    return str(getattr(pack_for(agency).cycle, name))


def _group_defined(agency: str) -> str:
    nine_box = pack_for(agency).nine_box
    assert nine_box is not None
    return nine_box.succession_citations[0]


SEEDED = [
    pytest.param(
        assessment_of_another_agencys_employee,
        "other-agency",
        _cycle_citation(BINJAI, "assessment_citation"),
        id=f"{_cycle_citation(BINJAI, 'assessment_citation')} another agency's employee mapped",
    ),
    pytest.param(
        pick_outside_the_shortlist,
        "not-shortlisted",
        "madiun-2021:P24 angka 5",
        id="madiun-2021:P24 angka 5 pick outside the shortlist",
    ),
    pytest.param(
        pick_by_the_board,
        "role-not-allowed",
        "madiun-2021:P24 angka 5",
        id="madiun-2021:P24 angka 5 pick by a role that may not pick",
    ),
    pytest.param(
        proposal_from_an_expired_entry,
        "entry-expired",
        "madiun-2021:P22(1)",
        id="madiun-2021:P22(1) proposal from an expired pool entry",
    ),
    pytest.param(
        proposal_before_the_entry_holds,
        "entry-not-yet-decreed",
        "madiun-2021:P20(2)",
        id="madiun-2021:P20(2) proposal from an entry not yet valid",
    ),
    pytest.param(
        short_shortlist_without_justification,
        "shortlist-short",
        "madiun-2021:P24 angka 4",
        id="madiun-2021:P24 angka 4 M2=relaxed shortlist under 3 without justification",
    ),
    pytest.param(
        short_shortlist_under_the_strict_reading,
        "shortlist-short",
        "madiun-2021:P24 angka 4",
        id="madiun-2021:P24 angka 4 M2=strict shortlist under 3 though justified",
    ),
    pytest.param(
        selection_without_recommendation,
        "not-recommended",
        "madiun-2021:P13(2)",
        id="madiun-2021:P13(2) M3=required selection of a registrant not recommended",
    ),
    pytest.param(
        board_without_an_office,
        "tpk-quorum",
        "madiun-2021:P8(2)",
        id="madiun-2021:P8(2) M1=all-offices board session without one office",
    ),
    pytest.param(
        board_listing_one_person_twice,
        "tpk-member-twice",
        "madiun-2021:P8(2)",
        id="madiun-2021:P8(2) one person sitting for two offices",
    ),
    pytest.param(
        entry_for_a_candidate_who_failed,
        "entry-not-passed",
        "madiun-2021:P19(3)",
        id="madiun-2021:P19(3) pool entry for a candidate who did not pass",
    ),
    pytest.param(
        selection_passed_though_ineligible,
        "recorded-differs",
        "madiun-2021:P14(1)",
        id="madiun-2021:P14(1) selection recorded as passed for an ineligible candidate",
    ),
    pytest.param(
        entry_with_a_longer_term,
        "recorded-differs",
        "madiun-2021:P22(1)",
        id="madiun-2021:P22(1) pool entry recorded with a 5-year term",
    ),
    pytest.param(
        entry_used_after_its_expiry,
        "entry-expired",
        "madiun-2021:P22(1)",
        id="madiun-2021:P22(1) pool entry used after its expiry",
    ),
    pytest.param(
        tenure_decided_before_it_is_due,
        "tenure-not-due",
        "madiun-2021:P25(3)",
        id="madiun-2021:P25(3) tenure decided before the 5 years ran",
    ),
    pytest.param(
        counselling_outside_its_boxes,
        "counselling-box",
        "binjai-2023:P27(2)",
        id="binjai-2023:P27(2) counselling outside boxes 3 and 6",
    ),
    pytest.param(
        evaluation_before_the_last_year(BINJAI),
        "evaluation-too-early",
        "binjai-2023:P33(2)",
        id="binjai-2023:P33(2) monitoring evaluated before its last year",
    ),
    pytest.param(
        evaluation_before_the_last_year(BALIKPAPAN),
        "evaluation-too-early",
        "balikpapan-2022:P25(3)",
        id="balikpapan-2022:P25(3) monitoring evaluated before its last year",
    ),
    pytest.param(
        nomination_below_box_7(BINJAI),
        "not-in-succession-boxes",
        _group_defined(BINJAI),
        id=f"{_group_defined(BINJAI)} nomination below box 7",
    ),
    pytest.param(
        nomination_below_box_7(BALIKPAPAN),
        "not-in-succession-boxes",
        _group_defined(BALIKPAPAN),
        id=f"{_group_defined(BALIKPAPAN)} nomination below box 7",
    ),
    pytest.param(
        nomination_before_balikpapan_is_in_force,
        "pack-not-in-force",
        str(pack_for(BALIKPAPAN).in_force_citation),
        id=f"{pack_for(BALIKPAPAN).in_force_citation} decision before its pack was in force",
    ),
    pytest.param(
        nomination_outside_the_decreed_group,
        "not-in-decreed-group",
        "binjai-2023:P22",
        id="binjai-2023:P22 nomination outside the decreed group (P29(3))",
    ),
    pytest.param(
        placement_of_a_pppk,
        "not-a-talent",
        "binjai-2023:P1(12)",
        id="binjai-2023:P1(12) placement of a PPPK",
    ),
    pytest.param(
        group_decreed_without_the_teams_group,
        "no-decreed-group",
        "balikpapan-2022:P16(2)",
        id="balikpapan-2022:P16(2) group decreed without the talent team's group",
    ),
    pytest.param(
        placement_outside_the_plan(BINJAI),
        "not-a-successor",
        _cycle_citation(BINJAI, "placement_citation"),
        id=f"{_cycle_citation(BINJAI, 'placement_citation')} placement outside the plan",
    ),
    pytest.param(
        placement_outside_the_plan(BALIKPAPAN),
        "not-a-successor",
        _cycle_citation(BALIKPAPAN, "placement_citation"),
        id=f"{_cycle_citation(BALIKPAPAN, 'placement_citation')} placement outside the plan",
    ),
    pytest.param(
        successors_not_nominated(BINJAI),
        "successors-not-nominated",
        _cycle_citation(BINJAI, "plan_citation"),
        id=f"{_cycle_citation(BINJAI, 'plan_citation')} successor not nominated",
    ),
    pytest.param(
        successors_not_nominated(BALIKPAPAN),
        "successors-not-nominated",
        _cycle_citation(BALIKPAPAN, "plan_citation"),
        id=f"{_cycle_citation(BALIKPAPAN, 'plan_citation')} successor not nominated",
    ),
    pytest.param(
        pin_expiry_recorded_early,
        "pin-not-yet-expired",
        _cycle_citation(BINJAI, "pin_citation"),
        id=f"{_cycle_citation(BINJAI, 'pin_citation')} pin expiry recorded before its date",
    ),
    pytest.param(
        box_recorded_above_the_grid(BINJAI),
        "recorded-differs",
        "binjai-2023:Lampiran 1",
        id="binjai-2023:Lampiran 1 assessment recorded in a box the grid does not give",
    ),
    pytest.param(
        box_recorded_above_the_grid(BALIKPAPAN),
        "recorded-differs",
        "balikpapan-2022:Lampiran I",
        id="balikpapan-2022:Lampiran I assessment recorded in a box the grid does not give",
    ),
    pytest.param(
        pin_left_valid_after_its_expiry,
        "pin-still-valid",
        _cycle_citation(BINJAI, "pin_citation"),
        id=f"{_cycle_citation(BINJAI, 'pin_citation')} pin still valid after its expiry",
    ),
]


def agency_of(citation: str) -> str:
    pack = citation.split(":", 1)[0]
    return next(a for a in (MADIUN, BINJAI, BALIKPAPAN) if pack_for(a).id == pack)


@pytest.mark.parametrize(("breach", "code", "citation"), SEEDED)
def test_each_seeded_breach_is_reported_with_its_rule(
    app: Talenta, breach: Callable[[Talenta], Seeded], code: str, citation: str
) -> None:
    aggregate_id, event = breach(app)
    agency = agency_of(citation)

    report = replay(app, agency, AS_OF)

    assert [(b.code, b.citation) for b in report.breaches] == [(code, citation)]
    (found,) = report.breaches
    assert (found.aggregate_id, found.event, found.agency) == (aggregate_id, event, agency)
    assert found.message and found.message_en and found.message != found.message_en
    assert replay(app, None, AS_OF).breaches == report.breaches
    others = [a for a in (MADIUN, BINJAI, BALIKPAPAN) if a != agency]
    assert all(replay(app, other, AS_OF).breaches == [] for other in others)


def test_a_justified_short_shortlist_under_the_relaxed_reading_is_no_breach(app: Talenta) -> None:
    _seeded_shortlist(
        app, [madiun.A, madiun.B], "hanya dua yang memenuhi", readings={"M2": "relaxed"}
    )
    assert replay(app, MADIUN, AS_OF).breaches == []


def test_the_breach_names_the_decision_as_recorded(app: Talenta) -> None:
    pick_outside_the_shortlist(app)
    last = app.recorder.max_notification_id()

    (found,) = replay(app, MADIUN, AS_OF).breaches

    assert found.notification_id == last
    assert (found.effective, found.actor) == (date(2025, 4, 10), madiun.MAYOR)
    assert found.recorded_at <= datetime.now(UTC)
    assert "NIP" in found.message and madiun.D in found.message_en


def test_an_auditor_replays_only_their_own_agency(app: Talenta) -> None:
    pick_outside_the_shortlist(app)
    auditor = Actor(id="inspektur", role=Role.AUDITOR, agency=MADIUN)
    query = ComplianceQuery(agency=MADIUN, as_of=AS_OF)

    report = compliance_report(app, query, auditor)

    assert [b.code for b in report.breaches] == ["not-shortlisted"]
    with pytest.raises(OtherAgency):
        compliance_report(app, ComplianceQuery(agency=BINJAI), auditor)
    with pytest.raises(Forbidden):
        compliance_report(app, query, madiun.SECRETARIAT)
