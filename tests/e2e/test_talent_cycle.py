"""The talent cycle end to end (issue 4) on PostgreSQL and a real Temporal dev server with the
product's clocks running, through the HTTP API with a token per role: one agency under each pack
from a critical position through needs and strategy, a mapping campaign (a re-assessment
superseding), the succession group, the target, nominations and ordered successors, development
and retention, awards and a placement into the critical position, to the 3-year monitoring's
evaluation and the audit answers.

Binjai: a box-9 pin decreed two years ago less a few seconds expires during the test and a
placement inaugurated three years ago less a few seconds has its evaluation fall due during it,
both recorded by the system. Balikpapan is in force from 2025-01-01, so its placement cannot reach
its 3-year evaluation before 2028: the evaluation there is decided on its due date and settles
the clock. The pack differences (rulebook A1, A2, A5, A6 and the pin) are collected from what
each agency's run did and compared with the regulations' table."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

from domain.envelope import Envelope, Role
from domain.rules.calendar import add_years
from domain.rules.registry import pack_for
from domain.talent.development import DevelopmentRecord, development_id
from domain.talent.monitoring import Monitoring, monitoring_id
from domain.talent.retention import Award
from infra.temporal import TemporalEnv
from projections import talent as read
from services.application import Talenta
from services.settings import Settings
from tests.e2e.support import wait_until
from tests.e2e.talent_support import CELLS, Desk, clock_started, staffed, today, years_before
from tests.unit.rules_builders import nip_for
from workflows.catalog import HANDLERS, WORKFLOWS, rules
from workflows.talent_clocks import pin_clock
from workflows.talent_monitoring import monitoring_clock
from workflows.worker import running_clocks

RULES = rules(Settings())  # the default lead times
RUN = uuid4().hex[:6]
CASEWORKER, TEAM, ASSESSOR, PPK, AUDITOR = (
    Role.CASEWORKER,
    Role.TALENT_TEAM,
    Role.ASSESSOR,
    Role.PPK,
    Role.AUDITOR,
)
UNIT, OTHER_UNIT, POSITION = "Bappeda", "Dinas Kesehatan", "Kepala Bappeda"
# A box 9, nominated, second successor; B box 5 re-assessed to 8, first successor, Sekolah Kader
# on box 8 with a year as supervisor (D1: a and b); C box 6, below the group; D box 9 in another
# unit, never nominated; E box 7, the pack's rotation recommendation; F box 5, a year as
# supervisor, no Sekolah Kader in Binjai.
A, B, C, D, E, F = (nip_for(date(1980, month, 14)) for month in range(1, 7))
BOXES = {A: 9, C: 6, E: 7, F: 5}
# D's unit: the target's own in Binjai, so its refusal rests on the box-9 rule alone; another in
# Balikpapan, whose P23(2) lets the direct placement cross units.
D_UNIT = {"kota-binjai": UNIT, "kota-balikpapan": OTHER_UNIT}

# Rulebook Part A as each pack reads: who nominates (A1), box 7's rotation (A2), box 9 outside
# the plan (A5), the pin (A4) and the outcomes of the monitoring (A6).
DIFFERENCES: dict[str, dict[str, Any]] = {
    "kota-binjai": {
        "characteristics": 4,
        "nominator": Role.PPK,
        "box 7": "rotation-or-job-enrichment",
        "box 9 outside the plan": ("refused", "binjai-2023:P31(3)"),
        "pin": ("valid-2-years", "binjai-2023:P30(2)(a)"),
        "outcomes": ("promotion", "equivalent-position"),
    },
    "kota-balikpapan": {
        "characteristics": 6,
        "nominator": Role.TALENT_TEAM,
        "box 7": "rotation-or-job-enlargement",
        "box 9 outside the plan": ("placed-directly", "balikpapan-2022:P23(3)"),
        "pin": ("no-term", "balikpapan-2022:P18(3)"),
        "outcomes": ("further-development", "performance-review-board"),
    },
}
OUTCOMES = {o for pack in DIFFERENCES.values() for o in pack["outcomes"]}


@dataclass(frozen=True)
class Cycle:
    critical: str
    campaign: str
    plan: str


def day(start: date, offset: int) -> str:
    return str(start + timedelta(days=offset))


async def assess(desk: Desk, nip: str, box: int, on: str, period: str) -> dict[str, Any]:
    performance, potential = CELLS[box]
    evidence = {
        "assessment_centre": {"intellectual": 4, "managerial": 3},
        "competency_test": {"technical": 82},
        "track_record": {"skp": "sangat baik"},
    }
    result: dict[str, Any] = await desk.do(
        ASSESSOR,
        "assess-employee",
        agency=desk.agency,
        nip=nip,
        period=period,
        assessed_on=on,
        performance=performance,
        potential=potential,
        evidence=evidence,
    )
    assert result["box"] == box, result
    return result


async def to_successors(desk: Desk, start: date, seen: dict[str, Any]) -> Cycle:
    """Steps 1-6 of the issue from ``start``, within 100 days; what differs by pack in ``seen``."""
    agency, cycle = desk.agency, desk.cycle
    assert cycle is not None
    period = str(start.year)
    characteristics = {c.code: "RPJMD: urusan inti" for c in cycle.critical_characteristics}
    seen["characteristics"] = len(characteristics)
    critical = await desk.do(
        PPK,
        "declare-critical-position",
        agency=agency,
        position=POSITION,
        unit=UNIT,
        level="jpt-pratama",
        characteristics=characteristics,
        priority_rank=1,
        competency_standard="SKJ-BAPPEDA-01",
        decree_number=f"800/1/{RUN}",
        decree_date=day(start, 0),
    )
    await desk.do(
        CASEWORKER,
        "report-critical-position",
        critical_position_id=critical,
        letter_number=f"B/7/{RUN}",
        letter_date=day(start, 6),
    )
    await desk.do(
        TEAM,
        "analyse-needs",
        agency=agency,
        period=period,
        analysed_on=day(start, 8),
        basis=["RPJMD"],
        needs=[{"critical_position_id": critical, "count": 1}],
    )
    await desk.do(
        PPK,
        "set-strategy",
        agency=agency,
        period=period,
        mechanisms=["build-internal", "assignment"],
        decree_number=f"800/2/{RUN}",
        decree_date=day(start, 13),
    )
    positions = await desk.rows(
        read.CriticalPositionRow, "critical-positions", on=start + timedelta(days=20)
    )
    assert [(p.position, p.reported_on) for p in positions] == [(POSITION, start + timedelta(6))]

    # Mapping: B first in box 5, re-assessed a fortnight later in box 8 (superseding).
    campaign = await desk.do(
        CASEWORKER,
        "open-campaign",
        agency=agency,
        unit=UNIT,
        period=period,
        opened_on=day(start, 30),
    )
    first = await assess(desk, B, 5, day(start, 34), period)
    placed = {
        nip: await assess(desk, nip, box, day(start, 41), period) for nip, box in BOXES.items()
    }
    await assess(desk, D, 9, day(start, 41), period)
    again = await assess(desk, B, 8, day(start, 48), period)
    assert (first["supersedes"], again["supersedes"]) == ("", first["ref"])
    seen["box 7"] = next(r for r in placed[E]["recommendations"] if r.startswith("rotation"))
    top = sorted([A, D]) if D_UNIT[agency] == UNIT else [A]
    report = await desk.get(f"/talent/campaigns/{campaign}")
    mapped = 6 if D_UNIT[agency] == UNIT else 5  # A, B, C, E, F, and D when in the unit
    assert (report["progress"]["assessed"], report["progress"]["scope"]) == (mapped, mapped)
    assert {unit: sorted(nips) for unit, nips in report["top_talents"].items()} == {UNIT: top}
    await desk.do(TEAM, "close-campaign", campaign_id=campaign, closed_on=day(start, 59))
    profile = await desk.row(read.ProfileRow, f"profiles/{B}")
    assert [(a.box, a.supersedes) for a in profile.assessments] == [(5, ""), (8, first["ref"])]
    grid = await desk.row(
        read.NineBoxGrid, "ninebox", on=start + timedelta(days=60), unit=UNIT, period=period
    )
    assert {box: cell.nips for box, cell in grid.boxes.items() if cell.nips} == {
        9: top, 8: [B], 7: [E], 6: [C], 5: [F]
    }  # fmt: skip
    before = await desk.row(
        read.NineBoxGrid, "ninebox", on=start + timedelta(days=45), unit=UNIT, period=period
    )
    assert before.boxes[5].nips == sorted([B, F])  # as of a day before the re-assessment

    # The group by PPK decree (in Balikpapan from the talent team's group of its nominations),
    # the target, nominations by the pack's nominator only.
    binjai = cycle.nomination_needs_decreed_group
    members = [A, B, D, E] if binjai else [A, B]
    decree = {
        "agency": agency,
        "period": period,
        "nips": members,
        "decree_number": f"800/3/{RUN}",
        "decree_date": day(start, 69),
    }
    if binjai:  # P29(3), then P22
        await desk.do(PPK, "set-group", **decree)
    plan = await desk.do(
        TEAM,
        "declare-target",
        agency=agency,
        position=POSITION,
        unit=UNIT,
        level="jpt-pratama",
        status="to-be-vacant",
        declared_on=day(start, 64),
        critical_position_id=critical,
    )
    seen["nominator"] = nominator = cycle.nominator
    other = TEAM if nominator is PPK else PPK
    nomination = {"plan_id": plan, "nominated_on": day(start, 69), "justification": "kinerja"}
    await desk.refused(
        other, "nominate", "wrong-nominator", cycle.nomination_citation, nip=A, **nomination
    )
    # Cited where the pack sets the group to boxes 7-9: its definition or its decree.
    low = await desk.call(nominator, "nominate", {"nip": C, **nomination})
    assert (low.status_code, low.json()["code"]) == (422, "not-in-succession-boxes"), low.json()
    nine_box = pack_for(agency).nine_box
    assert nine_box is not None
    assert low.json()["citation"] in {cycle.group_citation, *nine_box.succession_citations}
    for nip in (A, B):
        await desk.do(nominator, "nominate", nip=nip, **nomination)
    if not binjai:  # P16(2), then P17(3)
        await desk.do(
            TEAM,
            "set-nominated-group",
            agency=agency,
            period=period,
            nominations=[{"plan_id": plan, "nip": nip} for nip in (A, B)],
            decided_on=day(start, 69),
            reference=f"BA/TMT/{RUN}",
        )
        await desk.do(PPK, "set-group", **decree)
    ordered = await desk.do(
        PPK,
        "order-successors",
        plan_id=plan,
        ordered_on=day(start, 71),
        successors=[
            {"nip": nip, "projected_position": POSITION, "projected_date": day(start, 150)}
            for nip in (B, A)
        ],
    )
    assert [(s["nip"], s["order"]) for s in ordered] == [(B, 1), (A, 2)]
    row = await desk.row(read.PlanRow, f"succession/plans/{plan}")
    assert row.critical_position_id == UUID(critical)
    assert {(n.nip, n.box, n.nominated_by) for n in row.nominations} == {
        (A, 9, f"{nominator}@{agency}"),
        (B, 8, f"{nominator}@{agency}"),
    }
    (group,) = await desk.rows(read.GroupRow, "succession/groups")
    boxes = {A: 9, B: 8, D: 9, E: 7}
    assert {(m.nip, m.box) for m in group.members} == {(nip, boxes[nip]) for nip in members}

    await develop(desk, start, seen)
    return Cycle(critical=critical, campaign=campaign, plan=plan)


async def develop(desk: Desk, start: date, seen: dict[str, Any]) -> None:
    """Enrolments (Sekolah Kader under reading D1 in Binjai), counselling, follow-ups, the
    priority list, retention by box 7's recommendation and a certificate."""
    agency, cycle = desk.agency, desk.cycle
    assert cycle is not None
    binjai = agency == "kota-binjai"
    on = {"agency": agency, "effective": day(start, 91)}
    kader = {"programme": "sekolah-kader", "institution_test": True}
    enrolled = await desk.do(CASEWORKER, "enrol", nip=B, **kader, **on)
    assert (enrolled["programme"], enrolled["box"]) == ("sekolah-kader", 8)
    if binjai:  # P25(2) under D1: box 5 and a year as supervisor meets neither (b) nor (c)
        (kader_event,) = [
            e
            for e in events(desk.app, development_id(agency, B))
            if isinstance(e, DevelopmentRecord.Enrolled)
        ]
        assert kader_event.eligibility is not None
        assert {"id": "D1", "option": "a-and-b-or-c"} in kader_event.eligibility["readings_used"]
        await desk.refused(
            CASEWORKER,
            "enrol",
            "sekolah-kader-ineligible",
            "binjai-2023:P25(2)",
            nip=F,
            **kader,
            **on,
        )
    else:  # balikpapan-2022:P21(1) names the route and sets no requirements
        await desk.do(CASEWORKER, "enrol", nip=F, **kader, **on)
    university = {"programme": "corporate-university", "method": "coaching-mentoring"}
    await desk.do(TEAM, "enrol", nip=E, **university, **on)
    if binjai:  # P27(2): the assessor counsels boxes 3 and 6
        await desk.do(ASSESSOR, "counsel", nip=C, notes="target SKP triwulan", **on)
    else:  # Lampiran II recommends counselling for box 3 only; C is in box 6
        await desk.refused(
            ASSESSOR,
            "counsel",
            "counselling-box",
            "balikpapan-2022:P15(3)",
            nip=C,
            notes="-",
            **on,
        )
    tasks = await desk.do(TEAM, "open-follow-ups", nip=E, **on)
    assert seen["box 7"] in [task["recommendation"] for task in tasks]
    rotation = next(task for task in tasks if task["recommendation"] == seen["box 7"])
    closed = await desk.do(
        TEAM, "close-follow-up", nip=E, task_id=rotation["task_id"], outcome="selesai", **on
    )
    assert closed["closed_on"] == day(start, 91)
    still_open = await desk.rows(read.FollowUpRow, "development/follow-ups")
    assert rotation["task_id"] not in [str(task.task_id) for task in still_open]
    priority = await desk.rows(
        read.PriorityRow, "development/priority", on=start + timedelta(days=92)
    )
    # From the highest box down, ties by NIP (binjai-2023 P24(5), balikpapan-2022 P20(2)).
    assert [(row.nip, row.box) for row in priority] == [
        (A, 9), (D, 9), (B, 8), (E, 7), (C, 6), (F, 5)
    ]  # fmt: skip

    kind = seen["box 7"].removeprefix("rotation-or-")  # job enrichment or job enlargement
    retained = await desk.do(TEAM, "record-retention", nip=E, kind=kind, detail="PIC SPBE", **on)
    assert retained["nip"] == E
    award = {"agency": agency, "decree_date": day(start, 95)}
    certificate = await desk.do(
        PPK, "award", nip=A, kind="certificate", decree_number=f"800/8/{RUN}", **award
    )
    assert (certificate["box"], certificate["expires_on"]) == (9, None)
    await desk.refused(
        PPK,
        "award",
        "award-outside-succession-group",
        cycle.awards_citation,
        nip=C,
        kind="certificate",
        decree_number=f"800/9/{RUN}",
        **award,
    )


async def audit_nomination(desk: Desk, cycle: Cycle) -> None:
    assert desk.cycle is not None
    audit = await desk.get(f"/talent/nominations/{cycle.plan}/{A}/audit")
    assert (audit["agency"], audit["target_position"], audit["nip"]) == (desk.agency, POSITION, A)
    assert audit["assessment_at_the_time"]["box"] == 9
    assert audit["nomination"]["actor"]["role"] == desk.cycle.nominator
    assert audit["nomination"]["reason"] == "kinerja"
    assert desk.cycle.nomination_citation in audit["nomination"]["citations"]
    assert [e["what"] for e in audit["assessment_events"]] == ["Assessed"]


async def evaluate(desk: Desk, monitoring: str, effective: str, seen: dict[str, Any]) -> None:
    """The other pack's outcomes refused with this pack's article; its first accepted."""
    assert desk.cycle is not None
    ours = tuple(str(outcome) for outcome in desk.cycle.monitoring_outcomes)
    seen["outcomes"] = ours
    body = {"monitoring_id": monitoring, "effective": effective, "notes": "evaluasi akhir"}
    for foreign in sorted(OUTCOMES - set(ours)):
        await desk.refused(
            PPK,
            "evaluate-monitoring",
            "outcome-not-in-pack",
            desk.cycle.monitoring_outcomes_citation,
            outcome=foreign,
            **body,
        )
    await desk.do(PPK, "evaluate-monitoring", outcome=ours[0], **body)


def events(app: Talenta, aggregate: UUID) -> list[Any]:
    return list(app.repository.event_store.get(aggregate))


def by_system(event: Any) -> bool:
    return Envelope.from_event(event.envelope).actor.role is Role.SYSTEM


async def test_binjai_runs_from_a_critical_position_to_a_pin_expiring_and_an_evaluation_due(
    pg_app: Talenta, temporal_env: TemporalEnv
) -> None:
    app, agency = pg_app, "kota-binjai"
    desk = Desk(app, agency)
    client, prefix = temporal_env.client, f"talent-cycle-{RUN}-binjai/"
    seen: dict[str, Any] = {}
    # The placement's day, three years back; the cycle runs up to it from 200 days before.
    placed_on = years_before(datetime.now(UTC) + timedelta(seconds=20), 3, agency).date()
    start = placed_on - timedelta(days=200)
    one_year = start - timedelta(days=300)  # B and F: supervisors for under two years
    people = {A: UNIT, B: UNIT, C: UNIT, E: UNIT, F: UNIT, D: D_UNIT[agency]}
    staffed(
        app,
        agency,
        {n: (unit, one_year if n in (B, F) else date(2018, 1, 2)) for n, unit in people.items()},
        start - timedelta(days=30),
    )

    async with (
        asyncio.timeout(75),
        running_clocks(app, client, RULES, HANDLERS, "relay", prefix, WORKFLOWS),
    ):
        cycle = await to_successors(desk, start, seen)
        await audit_nomination(desk, cycle)

        # The pin: box 8 refused; A's, decreed two years ago less a few seconds.
        pin = {"agency": agency, "kind": "pin", "decree_number": f"800/10/{RUN}"}
        pinned_at = years_before(datetime.now(UTC) + timedelta(seconds=8), 2, agency)
        box_8 = await desk.refused(
            PPK,
            "award",
            "pin-box-9-only",
            "binjai-2023:P30(2)(a)",
            nip=B,
            decree_date=str(pinned_at.date()),
            **pin,
        )
        awarded = await desk.do(
            PPK,
            "award",
            nip=A,
            decree_date=str(pinned_at.date()),
            effective_at=pinned_at.isoformat(),
            **pin,
        )
        expires_on = today(agency)
        assert (awarded["box"], awarded["expires_on"]) == (9, str(expires_on))
        years = expires_on.year - pinned_at.year
        seen["pin"] = (f"valid-{years}-years", box_8["citation"])
        award_id = UUID(awarded["id"])

        # Placement: D (box 9, never in the plan) only considered; A from the plan, inaugurated
        # three years ago less a few seconds.
        inaugurated_at = years_before(datetime.now(UTC) + timedelta(seconds=10), 3, agency)
        assert inaugurated_at.date() == placed_on
        decree = {
            "plan_id": cycle.plan,
            "decree_number": f"821/11/{RUN}",
            "decree_date": str(placed_on),
            "inaugurated_on": str(placed_on),
            "reason": "suksesi jabatan kritikal",
        }
        refusal = await desk.refused(
            PPK, "place-talent", "box9-only-considered", "binjai-2023:P31(3)", nip=D, **decree
        )
        seen["box 9 outside the plan"] = ("refused", refusal["citation"])
        placement = await desk.do(
            PPK, "place-talent", nip=A, effective_at=inaugurated_at.isoformat(), **decree
        )
        audit = await desk.get(f"/talent/placements/{placement}/audit")
        assert (audit["nip"], audit["position"], audit["critical"]) == (A, POSITION, True)
        assert (audit["direct"], audit["successor_order"], audit["box"]) == (False, 2, 9)
        assert audit["placed_by"]["role"] == PPK and audit["decree_number"] == f"821/11/{RUN}"
        assert audit["assessment_at_the_time"]["box"] == 9
        assert [s["nip"] for s in audit["successors_at_the_time"]] == [B, A]
        assert audit["nomination"]["justification"] == "kinerja"
        assert audit["box9"] == {
            "rule": "considered",
            "citation": "binjai-2023:P31(3)",
            "applied": True,
        }
        assert {"binjai-2023:P32", "binjai-2023:P31(3)"} <= set(audit["citations"])
        watched = audit["monitoring"]
        assert watched["evaluation_due"] == str(add_years(placed_on, 3)) == str(today(agency))
        monitoring = UUID(watched["monitoring_id"])
        assert monitoring == monitoring_id(UUID(placement))

        # The clock's late 7-day reminder goes out at once; the check-ins wait for it, as two
        # writes to the monitoring at the same moment would refuse one as a conflict.
        def reminded() -> bool:
            found = events(app, monitoring)
            return any(isinstance(e, Monitoring.EvaluationReminderSent) for e in found)

        await wait_until(reminded, 20, "the evaluation's late reminder")
        # Yearly check-ins, recorded on their anniversaries.
        for year in (1, 2):
            await desk.do(
                CASEWORKER,
                "record-check-in",
                monitoring_id=str(monitoring),
                year=year,
                notes="sesuai rencana",
                effective=str(add_years(placed_on, year)),
            )
        yesterday = expires_on - timedelta(days=1)
        # Valid through the day before its expiry (D7): listed yesterday, not today, already
        # before the clock records the expiry at the anniversary's moment.
        (valid,) = await desk.rows(read.AwardRow, "pins", on=yesterday)
        assert (valid.nip, valid.expired_on) == (A, None)
        assert await desk.rows(read.AwardRow, "pins", on=expires_on) == []

        # The pin's clock expires it; the monitoring clock records the evaluation due.
        def pin_expired() -> bool:
            return any(isinstance(e, Award.PinExpired) for e in events(app, award_id))

        def evaluation_due() -> bool:
            return any(isinstance(e, Monitoring.EvaluationDue) for e in events(app, monitoring))

        await wait_until(pin_expired, 30, "the pin's expiry")
        await wait_until(evaluation_due, 30, "the evaluation due")
        assert await desk.rows(read.AwardRow, "pins", on=expires_on) == []
        (lapsed,) = await desk.rows(read.AwardRow, "pins", on=yesterday)
        assert (lapsed.nip, lapsed.expired_on, lapsed.reminders) == (A, expires_on, [7])
        due = await desk.row(read.MonitoringDue, "monitoring/due", on=today(agency))
        assert [
            (r.nip, r.evaluation_due, r.due_recorded_on, r.overdue) for r in due.evaluations
        ] == [(A, expires_on, expires_on, False)]
        assert due.check_ins == []

        await evaluate(desk, str(monitoring), str(today(agency)), seen)
        pin_handle = client.get_workflow_handle(prefix + pin_clock(award_id))
        watch_handle = client.get_workflow_handle(prefix + monitoring_clock(monitoring))
        assert await asyncio.wait_for(pin_handle.result(), 20) == ["remind-7d", "expire"]
        assert await asyncio.wait_for(watch_handle.result(), 20) == [
            "evaluation-7d",
            "evaluation-due",
        ]

    awarded_events = events(app, award_id)
    assert [type(e).__name__ for e in awarded_events] == [
        "Awarded",
        "PinReminderSent",
        "PinExpired",
    ]
    assert all(by_system(e) for e in awarded_events[1:])
    assert awarded_events[-1].expired_on == expires_on
    watched_events = events(app, monitoring)
    assert [type(e).__name__ for e in watched_events] == [
        "MonitoringStarted",
        "EvaluationReminderSent",
        "CheckInRecorded",
        "CheckInRecorded",
        "EvaluationDue",
        "Evaluated",
    ]
    *_, recorded_due, evaluated = watched_events
    assert by_system(watched_events[1]) and by_system(recorded_due)
    assert recorded_due.due_on == expires_on
    assert evaluated.outcome == "promotion"
    assert (await desk.row(read.MonitoringDue, "monitoring/due")).evaluations == []
    assert seen == DIFFERENCES[agency]


async def test_balikpapan_runs_from_a_critical_position_to_a_direct_box_9_placement(
    pg_app: Talenta, temporal_env: TemporalEnv
) -> None:
    app, agency = pg_app, "kota-balikpapan"
    desk = Desk(app, agency)
    client, prefix = temporal_env.client, f"talent-cycle-{RUN}-balikpapan/"
    seen: dict[str, Any] = {}
    start = date(2025, 1, 6)  # the pack is in force from 2025-01-01 (P28)
    one_year = date(2024, 3, 1)
    people = {A: UNIT, B: UNIT, C: UNIT, E: UNIT, F: UNIT, D: D_UNIT[agency]}
    staffed(
        app,
        agency,
        {n: (unit, one_year if n in (B, F) else date(2018, 1, 2)) for n, unit in people.items()},
        date(2024, 12, 2),
    )
    assert desk.cycle is not None

    async with (
        asyncio.timeout(60),
        running_clocks(app, client, RULES, HANDLERS, "relay", prefix, WORKFLOWS),
    ):
        await desk.refused(
            PPK,
            "declare-critical-position",
            "pack-not-in-force",
            "balikpapan-2022:P28",
            agency=agency,
            position=POSITION,
            unit=UNIT,
            level="jpt-pratama",
            characteristics={c.code: "RPJMD" for c in desk.cycle.critical_characteristics},
            priority_rank=1,
            competency_standard="SKJ-BAPPEDA-01",
            decree_number=f"800/0/{RUN}",
            decree_date="2024-12-31",
        )
        cycle = await to_successors(desk, start, seen)
        await audit_nomination(desk, cycle)

        pin = {"agency": agency, "nip": A, "kind": "pin", "decree_number": f"800/10/{RUN}"}
        # P18(3): awards may differ, so a pin is an award of the group, with no term.
        granted = await desk.do(PPK, "award", **pin, decree_date=day(start, 100))
        assert granted["expires_on"] is None
        seen["pin"] = ("no-term", "balikpapan-2022:P18(3)")
        other = await desk.do(
            PPK,
            "award",
            agency=agency,
            nip=A,
            kind="other",
            detail="prioritas pengembangan",
            decree_number=f"800/11/{RUN}",
            decree_date=day(start, 100),
        )
        assert other["expires_on"] is None
        # The pin, valid with no expiry; the other award is no pin.
        (valid,) = await desk.rows(read.AwardRow, "pins")
        assert (valid.nip, valid.kind, valid.expires_on) == (A, "pin", None)

        # D: box 9 in another unit, never nominated, placed directly and across units.
        decree = {
            "plan_id": cycle.plan,
            "nip": D,
            "decree_number": f"821/12/{RUN}",
            "decree_date": day(start, 150),
            "inaugurated_on": day(start, 157),
            "reason": "kotak 9 (P23(3))",
        }
        early = {**decree, "decree_date": "2024-12-31", "inaugurated_on": "2025-01-02"}
        await desk.refused(PPK, "place-talent", "pack-not-in-force", "balikpapan-2022:P28", **early)
        placement = await desk.do(PPK, "place-talent", **decree)
        audit = await desk.get(f"/talent/placements/{placement}/audit")
        assert (audit["nip"], audit["direct"], audit["successor_order"]) == (D, True, None)
        assert audit["nomination"] is None and audit["box"] == 9
        assert audit["box9"] == {
            "rule": "placed-directly",
            "citation": "balikpapan-2022:P23(3)",
            "applied": True,
        }
        assert audit["cross_unit"] == {
            "crossed": True,
            "from_unit": OTHER_UNIT,
            "to_unit": UNIT,
            "citation": "balikpapan-2022:P23(2)",
        }
        assert {"balikpapan-2022:P23(1)", "balikpapan-2022:P23(3)"} <= set(audit["citations"])
        seen["box 9 outside the plan"] = (audit["box9"]["rule"], audit["box9"]["citation"])
        (row,) = await desk.rows(read.PlacementRow, "placements")
        assert (row.nip, row.direct, row.from_unit, row.critical) == (D, True, OTHER_UNIT, True)

        watched = audit["monitoring"]
        inaugurated = start + timedelta(days=157)
        assert watched["evaluation_due"] == str(add_years(inaugurated, 3))
        monitoring = watched["monitoring_id"]
        await desk.do(
            CASEWORKER,
            "record-check-in",
            monitoring_id=monitoring,
            year=1,
            notes="sesuai rencana",
            effective=str(add_years(inaugurated, 1)),
        )
        due_on = add_years(inaugurated, 3)
        due = await desk.row(read.MonitoringDue, "monitoring/due", on=due_on)
        assert [(r.nip, r.evaluation_due, r.due_recorded_on) for r in due.evaluations] == [
            (D, due_on, None)
        ]
        await desk.refused(
            PPK,
            "evaluate-monitoring",
            "evaluation-too-early",
            "balikpapan-2022:P25(3)",
            monitoring_id=monitoring,
            outcome="further-development",
            effective=str(today(agency)),
        )
        # The evaluation on its due date settles the clock the relay started.
        clock = prefix + monitoring_clock(UUID(monitoring))
        await clock_started(client, clock)
        await evaluate(desk, monitoring, str(due_on), seen)
        assert await asyncio.wait_for(client.get_workflow_handle(clock).result(), 20) == []

    kinds = [type(e).__name__ for e in events(app, UUID(monitoring))]
    assert kinds[0] == "MonitoringStarted" and kinds[-1] == "Evaluated"
    assert "EvaluationDue" not in kinds
    assert seen == DIFFERENCES[agency]
