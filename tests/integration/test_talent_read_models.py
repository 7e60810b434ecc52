"""The talent-cycle read models on SQLite and PostgreSQL: one agency under each pack driven through
the handlers from a critical position to a placement's evaluation, followed into documents,
queried (as of days before and after each change), and rebuilt from the log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

import pytest
from eventsourcing.persistence import IntegrityError, Tracking

from domain.envelope import Actor, Role
from domain.rules.cycle import MonitoringOutcome
from domain.rules.ninebox import category
from domain.rules.registry import pack_for
from domain.talent.development import Method, Programme
from domain.talent.monitoring import monitoring_id
from domain.talent.retention import AwardKind
from domain.talent.succession_values import Successor, TargetStatus
from domain.values import PositionLevel
from projections.documents import Document, DocumentView, document_view
from projections.follower import Follower
from projections.talent import (
    TalentProjection,
    critical_positions,
    development_priority,
    monitoring_due,
    ninebox_grid,
    open_follow_ups,
    placements,
    profile,
    succession_groups,
    succession_plan,
    succession_plans,
    valid_pins,
)
from services.application import Talenta
from services.talent.acquisition import (
    DeclareCriticalPosition,
    ReportCriticalPosition,
    declare_critical_position,
    report_critical_position,
)
from services.talent.boxes import box_on
from services.talent.development import (
    CloseFollowUp,
    Counsel,
    Enrol,
    OpenFollowUps,
    close_follow_up,
    counsel,
    enrol,
)
from services.talent.development import open_follow_ups as open_tasks
from services.talent.monitoring import (
    EvaluateMonitoring,
    MarkEvaluationDue,
    RecordCheckIn,
    evaluate_monitoring,
    mark_evaluation_due,
    record_check_in,
)
from services.talent.placement import PlaceTalent, place_talent
from services.talent.retention import (
    AwardDecree,
    ExpirePin,
    RemindPin,
    award,
    expire_pin,
    remind_pin,
)
from services.talent.succession import (
    DeclareTarget,
    OrderSuccessors,
    declare_target,
    order_successors,
)
from tests.integration.test_talent_succession import (
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

SYSTEM = Actor(id="talenta-clock", role=Role.SYSTEM)
TARGET = "Kepala Bappeda"
REASSESSED, MAPPED = date(2025, 3, 3), date(2025, 3, 10)  # B in box 5, then everyone mapped
AWARDED = date(2025, 4, 15)
PIN_EXPIRES = date(2027, 4, 15)  # Binjai P30(2)(a): 2 years from the decree
INAUGURATED = date(2026, 1, 5)
CHECK_INS = (date(2027, 1, 5), date(2028, 1, 5))
EVALUATION_DUE = date(2029, 1, 5)
EVALUATED = date(2029, 2, 10)
# The Binjai outcome is a re-placement (P33(3)); Balikpapan's further development (P25(4)).
OUTCOMES = {
    "binjai": MonitoringOutcome.PROMOTION,
    "balikpapan": MonitoringOutcome.FURTHER_DEVELOPMENT,
}


@dataclass(frozen=True)
class Flow:
    agency: str
    critical: UUID
    plan: UUID


@pytest.fixture
def view(app: Talenta) -> DocumentView:
    return document_view(app)


def follower(app: Talenta, view: DocumentView) -> Follower:
    return Follower(app, TalentProjection(view))


def succession(app: Talenta, city: str) -> Flow:
    """Critical position, mapping (B re-assessed), group, target, nominations, order."""
    agency, _, _ = CITIES[city]
    cycle = pack_for(agency).cycle
    assert cycle is not None
    ppk, team = actor(agency, Role.PPK), actor(agency, Role.TALENT_TEAM)
    staffed(app, agency)
    declared = DeclareCriticalPosition(
        agency=agency,
        position=TARGET,
        unit=UNIT,
        level=PositionLevel.JPT_PRATAMA,
        characteristics={c.code: "karena RPJMD" for c in cycle.critical_characteristics},
        priority_rank=1,
        competency_standard="SKJ-01",
        decree_number="800/1/2025",
        decree_date=date(2025, 2, 3),
    )
    critical = declare_critical_position(app, declared, ppk)
    report = ReportCriticalPosition(
        critical_position_id=critical, letter_number="B/7", letter_date=date(2025, 2, 10)
    )
    report_critical_position(app, report, actor(agency, Role.CASEWORKER))
    assess(app, agency, B, 5, REASSESSED)
    for nip, box in ((A, 9), (B, 8), (C, 6), (D, 5)):
        assess(app, agency, nip, box, MAPPED)
    target = DeclareTarget(
        agency=agency,
        position=TARGET,
        unit=UNIT,
        level=PositionLevel.JPT_PRATAMA,
        status=TargetStatus.TO_BE_VACANT,
        declared_on=date(2025, 4, 2),
        critical_position_id=critical,
    )
    plan = declare_target(app, target, team)
    nominated_in_group(app, plan, (A, B), date(2025, 4, 7))
    successors = tuple(
        Successor(nip=nip, projected_position=TARGET, projected_date=INAUGURATED) for nip in (B, A)
    )
    order = OrderSuccessors(plan_id=plan, ordered_on=date(2025, 4, 8), successors=successors)
    order_successors(app, order, ppk)
    return Flow(agency=agency, critical=critical, plan=plan)


def developed(app: Talenta, city: str, agency: str) -> None:
    """A in the corporate university with its box-9 tasks (one closed), C on study assignment;
    in Binjai C (box 6) is counselled too (P27(2)); Balikpapan sets no counselling boxes."""
    caseworker, team = actor(agency, Role.CASEWORKER), actor(agency, Role.TALENT_TEAM)
    on = date(2025, 4, 10)
    university = Enrol(
        agency=agency,
        nip=A,
        effective=on,
        programme=Programme.CORPORATE_UNIVERSITY,
        method=Method.TRAINING,
    )
    enrol(app, university, caseworker)
    study = Enrol(agency=agency, nip=C, effective=on, programme=Programme.STUDY_ASSIGNMENT)
    enrol(app, study, caseworker)
    if city == "binjai":
        session = Counsel(agency=agency, nip=C, effective=date(2025, 4, 11), notes="target kinerja")
        counsel(app, session, actor(agency, Role.ASSESSOR))
    first, *_ = open_tasks(app, OpenFollowUps(agency=agency, nip=A, effective=on), team)
    closing = CloseFollowUp(
        agency=agency, nip=A, effective=date(2025, 5, 1), task_id=first.task_id, outcome="selesai"
    )
    close_follow_up(app, closing, team)


def awarded(app: Talenta, city: str, agency: str) -> None:
    """Binjai: A's pin (reminded a week ahead, expired by the clock) and B's award in the
    agency's own way (box 8: the P30(2) awards are box 9's);
    Balikpapan, which sets no pin (P18), awards A in its own way."""
    ppk = actor(agency, Role.PPK)
    if city == "balikpapan":
        decree = AwardDecree(
            agency=agency,
            nip=A,
            kind=AwardKind.OTHER,
            decree_number="800/9/2025",
            decree_date=AWARDED,
            detail="beasiswa",
        )
        award(app, decree, ppk)
        return
    pin = award(
        app,
        AwardDecree(
            agency=agency,
            nip=A,
            kind=AwardKind.PIN,
            decree_number="800/9/2025",
            decree_date=AWARDED,
        ),
        ppk,
    )
    certificate = AwardDecree(
        agency=agency,
        nip=B,
        kind=AwardKind.OTHER,
        decree_number="800/10/2025",
        decree_date=AWARDED,
    )
    award(app, certificate, ppk)
    remind_pin(app, RemindPin(award_id=pin.id, lead_days=7, on=date(2027, 4, 8)), SYSTEM)
    assert expire_pin(app, ExpirePin(award_id=pin.id, expired_on=PIN_EXPIRES), SYSTEM)


def placed(app: Talenta, city: str, flow: Flow) -> UUID:
    """B, first in the order, placed and monitored: check-in 1 recorded, 2 never; the evaluation
    falls due by the clock and is recorded five weeks late."""
    ppk = actor(flow.agency, Role.PPK)
    decree = PlaceTalent(
        plan_id=flow.plan,
        nip=B,
        decree_number="821/4/2025",
        decree_date=date(2025, 12, 1),
        inaugurated_on=INAUGURATED,
    )
    placement = place_talent(app, decree, ppk)
    monitoring = monitoring_id(placement)
    check_in = RecordCheckIn(
        monitoring_id=monitoring, year=1, notes="sesuai target", effective=date(2027, 1, 6)
    )
    record_check_in(app, check_in, actor(flow.agency, Role.CASEWORKER))
    due = MarkEvaluationDue(monitoring_id=monitoring, due_on=EVALUATION_DUE)
    assert mark_evaluation_due(app, due, SYSTEM)
    evaluation = EvaluateMonitoring(
        monitoring_id=monitoring, outcome=OUTCOMES[city], notes="siap", effective=EVALUATED
    )
    evaluate_monitoring(app, evaluation, ppk)
    return placement


def cycle(app: Talenta, city: str) -> tuple[Flow, UUID]:
    """Every step for the city's agency; the placement's id."""
    flow = succession(app, city)
    developed(app, city, flow.agency)
    awarded(app, city, flow.agency)
    return flow, placed(app, city, flow)


def boxes(view: DocumentView, agency: str, on: date, **only: str) -> dict[int, list[str]]:
    grid = ninebox_grid(view, agency, on, **only)
    assert sorted(grid.boxes) == list(range(1, 10))
    return {box: cell.nips for box, cell in grid.boxes.items() if cell.nips}


def documents(view: DocumentView, agency: str) -> dict[str, list[Document]]:
    return {name: view.list(name, agency) for name in TalentProjection.collections}


@pytest.mark.parametrize("city", list(CITIES))
def test_the_grid_shows_the_assessment_in_force_on_any_day(
    app: Talenta, view: DocumentView, city: str
) -> None:
    flow = succession(app, city)
    agency = flow.agency
    follower(app, view).catch_up()

    assert boxes(view, agency, date(2025, 3, 2)) == {}
    # Before the re-assessment B stands in its earlier box; from its date in the new one only.
    assert boxes(view, agency, REASSESSED) == {5: [B]}
    assert boxes(view, agency, MAPPED) == {9: [A], 8: [B], 6: [C], 5: [D]}
    assert boxes(view, agency, MAPPED, unit=UNIT) == {9: [A], 8: [B], 6: [C]}
    assert boxes(view, agency, MAPPED, period="2025") == {9: [A], 8: [B], 6: [C], 5: [D]}
    assert boxes(view, agency, MAPPED, period="2024") == {}

    grid = ninebox_grid(view, agency, date(2025, 6, 1))
    assert grid.total == 4 and grid.boxes[9].count == 1
    assert grid.boxes[9].category == category(9)
    assert grid.units == {
        "Dinas Kesehatan": {box: int(box == 5) for box in range(1, 10)},
        UNIT: {box: int(box in (6, 8, 9)) for box in range(1, 10)},
    }
    # The same rule as the aggregate's, for every day around the changes.
    for day in (date(2025, 3, 2), REASSESSED, date(2025, 3, 9), MAPPED):
        placed_on = {nip: box for box, nips in boxes(view, agency, day).items() for nip in nips}
        assert placed_on == {
            nip: box for nip in (A, B, C, D) if (box := box_on(app, agency, nip, day)) is not None
        }

    row = profile(view, agency, B)
    assert row is not None and (row.unit, row.level) == (UNIT, PositionLevel.SUPERVISOR)
    first, second = row.assessments
    assert (first.box, first.assessed_on, second.box, second.assessed_on) == (
        5,
        REASSESSED,
        8,
        MAPPED,
    )
    assert second.supersedes == first.ref and first.supersedes == ""
    assert ninebox_grid(view, "kota-madiun", MAPPED).total == 0


@pytest.mark.parametrize("city", list(CITIES))
def test_the_succession_group_and_plan_per_target(
    app: Talenta, view: DocumentView, city: str
) -> None:
    flow = succession(app, city)
    agency, nominator, _ = CITIES[city]
    follower(app, view).catch_up()

    (group,) = succession_groups(view, agency)
    assert (group.period, group.decree_number, group.decree_date) == (
        "2025",
        "800/3/2025",
        date(2025, 4, 7),
    )
    assert [(m.nip, m.box) for m in group.members] == [(A, 9), (B, 8)]

    plan = succession_plan(view, flow.plan)
    assert plan is not None
    assert (plan.position, plan.unit, plan.level, plan.status) == (
        TARGET,
        UNIT,
        PositionLevel.JPT_PRATAMA,
        TargetStatus.TO_BE_VACANT,
    )
    assert (plan.critical_position_id, plan.declared_on) == (flow.critical, date(2025, 4, 2))
    # The pack's nominator (Binjai: PPK, Balikpapan: the talent team) and the box on the day.
    assert [(n.nip, n.box, n.nominated_on, n.nominated_by) for n in plan.nominations] == [
        (nip, box, date(2025, 4, 7), actor(agency, nominator).id) for nip, box in ((A, 9), (B, 8))
    ]
    profile_b = profile(view, agency, B)
    assert profile_b is not None
    assert plan.nominations[1].assessment == profile_b.assessments[-1].ref
    assert [(s.nip, s.order, s.projected_position, s.projected_date) for s in plan.successors] == [
        (B, 1, TARGET, INAUGURATED),
        (A, 2, TARGET, INAUGURATED),
    ]
    assert plan.ordered_on == date(2025, 4, 8)
    assert succession_plans(view, agency) == [plan]
    assert succession_plan(view, UUID(int=1)) is None

    (critical,) = critical_positions(view, agency, date(2025, 2, 3))
    assert (critical.critical_position_id, critical.position, critical.priority_rank) == (
        flow.critical,
        TARGET,
        1,
    )
    assert (critical.report_letter, critical.reported_on) == ("B/7", date(2025, 2, 10))
    assert critical_positions(view, agency, date(2025, 2, 2)) == []


@pytest.mark.parametrize("city", list(CITIES))
def test_the_development_priority_and_open_follow_ups(
    app: Talenta, view: DocumentView, city: str
) -> None:
    flow = succession(app, city)
    developed(app, city, flow.agency)
    agency = flow.agency
    follower(app, view).catch_up()

    ranked = development_priority(view, agency, date(2025, 4, 20))
    assert [(row.nip, row.box, row.unit) for row in ranked] == [
        (A, 9, UNIT),
        (B, 8, UNIT),
        (C, 6, UNIT),
        (D, 5, "Dinas Kesehatan"),
    ]
    top = ranked[0]
    assert [(e.programme, e.method, e.box, e.on) for e in top.enrolments] == [
        (Programme.CORPORATE_UNIVERSITY, Method.TRAINING, 9, date(2025, 4, 10))
    ]
    recommendations = pack_for(agency).nine_box
    assert recommendations is not None
    tasks = recommendations.recommendations[9]
    assert top.open_follow_ups == len(tasks)  # the first is closed only on 1 May
    after = development_priority(view, agency, date(2025, 5, 1))
    assert after[0].open_follow_ups == len(tasks) - 1
    # Before everyone was mapped: B in its first box; those with a record but no box come last.
    early = development_priority(view, agency, REASSESSED)
    assert [(row.nip, row.box, row.enrolments) for row in early] == [
        (B, 5, []),
        *sorted([(A, None, []), (C, None, [])]),
    ]

    still_open = open_follow_ups(view, agency)
    assert [(t.nip, t.recommendation) for t in still_open] == sorted(
        (A, recommendation) for recommendation in tasks[1:]
    )
    profile_a = profile(view, agency, A)
    assert profile_a is not None
    assert {t.assessment_ref for t in still_open} == {profile_a.assessments[-1].ref}
    assert all(t.opened_on == date(2025, 4, 10) and t.closed_on is None for t in still_open)


@pytest.mark.parametrize("city", list(CITIES))
def test_a_pin_is_valid_until_the_day_before_its_expiry(
    app: Talenta, view: DocumentView, city: str
) -> None:
    agency = succession(app, city).agency
    awarded(app, city, agency)
    follower(app, view).catch_up()

    if city == "balikpapan":
        # Balikpapan's own awards are no pins.
        assert valid_pins(view, agency, date(2026, 1, 1)) == []
        return
    (pin,) = valid_pins(view, agency, date(2027, 4, 14))
    assert (pin.nip, pin.kind, pin.box, pin.decree_date) == (A, AwardKind.PIN, 9, AWARDED)
    assert (pin.expires_on, pin.expired_on, pin.reminders) == (PIN_EXPIRES, PIN_EXPIRES, [7])
    assert valid_pins(view, agency, PIN_EXPIRES) == []
    # From the decree date on, and B's award is no pin.
    assert [p.nip for p in valid_pins(view, agency, AWARDED)] == [A]
    assert valid_pins(view, agency, date(2025, 4, 14)) == []


@pytest.mark.parametrize("city", list(CITIES))
def test_the_monitoring_due_list_as_of_any_day(app: Talenta, view: DocumentView, city: str) -> None:
    flow, placement_id = cycle(app, city)
    agency = flow.agency
    follower(app, view).catch_up()

    (placement,) = placements(view, agency)
    assert (placement.placement_id, placement.nip, placement.position, placement.box) == (
        placement_id,
        B,
        TARGET,
        8,
    )
    assert (placement.critical, placement.direct, placement.inaugurated_on) == (
        True,
        False,
        INAUGURATED,
    )

    def due(on: date) -> tuple[list[tuple[date, bool]], list[tuple[int, bool]]]:
        listed = monitoring_due(view, agency, on)
        return (
            [(r.evaluation_due, r.overdue) for r in listed.evaluations],
            [(r.year, r.overdue) for r in listed.check_ins],
        )

    assert due(INAUGURATED) == ([], [])
    assert due(date(2026, 11, 1)) == ([], [(1, False)])  # within the 90-day horizon
    assert due(date(2027, 1, 6)) == ([], [])  # recorded that day
    assert due(date(2028, 1, 10)) == ([], [(2, True)])  # never recorded
    assert due(date(2028, 12, 1)) == ([(EVALUATION_DUE, False)], [(2, True)])
    assert due(date(2029, 2, 1)) == ([(EVALUATION_DUE, True)], [(2, True)])
    assert due(EVALUATED) == ([], [])

    listed = monitoring_due(view, agency, date(2029, 2, 1))
    (evaluation,) = listed.evaluations
    assert (evaluation.nip, evaluation.position, evaluation.unit) == (B, TARGET, UNIT)
    assert (evaluation.placement_id, evaluation.due_recorded_on) == (placement_id, EVALUATION_DUE)
    assert monitoring_due(view, agency, date(2028, 12, 1)).evaluations[0].due_recorded_on is None
    assert listed.check_ins[0].due_on == CHECK_INS[1]


@pytest.mark.parametrize("city", list(CITIES))
def test_a_rebuild_from_the_log_gives_the_same_documents(
    app: Talenta, view: DocumentView, city: str
) -> None:
    agency = cycle(app, city)[0].agency
    first = follower(app, view)
    applied = first.catch_up()
    built = documents(view, agency)
    assert applied > 0 and all(built.values())

    view.reset(TalentProjection.collections, first.tracking_key)
    assert not any(documents(view, agency).values()) and first.position == 0
    assert follower(app, view).catch_up() == applied
    assert documents(view, agency) == built


def test_catching_up_again_applies_nothing_twice(app: Talenta, view: DocumentView) -> None:
    agency = cycle(app, "binjai")[0].agency
    first = follower(app, view)
    first.catch_up()
    built = documents(view, agency)

    assert first.catch_up() == 0
    assert follower(app, view).catch_up() == 0
    # An event fed again is refused with its tracking record and leaves the documents as they
    # were: the document write and the tracking share one transaction.
    assessed = next(
        n
        for n in app.recorder.select_notifications(start=None, limit=1000)
        if n.topic.endswith("TalentProfile.Assessed")
    )
    with pytest.raises(IntegrityError):
        first.projector.process_event(
            app.mapper.to_domain_event(assessed), Tracking(first.tracking_key, assessed.id)
        )
    assert documents(view, agency) == built
