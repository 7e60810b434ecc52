"""The talent cycle through the HTTP API, on SQLite and PostgreSQL, with a token per role: one
agency under each pack from a critical position to a placement and its monitoring, every step a
route; refusals in the Madiun shape (a Balikpapan decision before 2025, the wrong nominator, the
auditor at a command) and the placement's audit answer."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any
from uuid import UUID

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from domain.envelope import Role
from domain.rules.registry import pack_for
from domain.talent.placement import placement_id
from services.api import create_api
from services.api.context import Context
from services.application import Talenta
from services.auth import token_store
from tests.integration.test_talent_succession import (
    CELLS,
    UNIT,
    A,
    B,
    C,
    D,
    group_defined,
    staffed,
)

PEOPLE = [Role.CASEWORKER, Role.TALENT_TEAM, Role.ASSESSOR, Role.PPK, Role.AUDITOR]
EVIDENCE = {"assessment_centre": {"intellectual": 4}, "competency_test": {"technical": 80}}


class Desk:
    """One agency's users, each holding one role, and the API they call."""

    def __init__(self, app: Talenta, agency: str) -> None:
        self.agency = agency
        self.client = TestClient(create_api(Context.of(app)))
        tokens = token_store(app)
        self.secrets = {
            role: tokens.create_token(f"{role}@{agency}", agency, [role])[1] for role in PEOPLE
        }

    def call(self, role: Role, step: str, body: dict[str, Any]) -> Response:
        answer: Response = self.client.post(
            f"/talent/{step}",
            json=body,
            headers={"Authorization": f"Bearer {self.secrets[role]}"},
        )
        return answer

    def do(self, role: Role, step: str, **body: Any) -> Any:
        answer = self.call(role, step, body)
        assert answer.status_code == 200, answer.json()
        return answer.json()["result"]

    def get(self, role: Role, path: str) -> Any:
        answer = self.client.get(path, headers={"Authorization": f"Bearer {self.secrets[role]}"})
        assert answer.status_code == 200, answer.json()
        return answer.json()


@pytest.fixture
def desks(app: Talenta) -> Iterator[dict[str, Desk]]:
    yield {city: Desk(app, f"kota-{city}") for city in ("binjai", "balikpapan")}


def assess(desk: Desk, nip: str, box: int, on: date) -> Any:
    performance, potential = CELLS[box]
    return desk.do(
        Role.ASSESSOR,
        "assess-employee",
        agency=desk.agency,
        nip=nip,
        period="2025",
        assessed_on=str(on),
        performance=performance,
        potential=potential,
        evidence=EVIDENCE,
    )


def successors_of(desk: Desk, *, city: str) -> tuple[str, str, str]:
    """From the critical position to ordered successors (B first, then A); returns the
    critical position's, the campaign's and the plan's ids."""
    agency = desk.agency
    cycle = pack_for(agency).cycle
    assert cycle is not None
    critical = desk.do(
        Role.PPK,
        "declare-critical-position",
        agency=agency,
        position="Kepala Bappeda",
        unit=UNIT,
        level="jpt-pratama",
        characteristics={c.code: "karena RPJMD" for c in cycle.critical_characteristics},
        priority_rank=1,
        competency_standard="SKJ-01",
        decree_number="800/1/2025",
        decree_date="2025-02-03",
    )
    desk.do(
        Role.CASEWORKER,
        "report-critical-position",
        critical_position_id=critical,
        letter_number="B/7",
        letter_date="2025-02-10",
    )
    desk.do(
        Role.TALENT_TEAM,
        "analyse-needs",
        agency=agency,
        period="2025-2029",
        analysed_on="2025-02-12",
        basis=["RPJMD 2025-2029"],
        needs=[{"critical_position_id": critical, "count": 1}],
    )
    desk.do(
        Role.PPK,
        "set-strategy",
        agency=agency,
        period="2025-2029",
        mechanisms=["build-internal"],
        decree_number="800/2/2025",
        decree_date="2025-02-14",
    )
    campaign = desk.do(
        Role.CASEWORKER,
        "open-campaign",
        agency=agency,
        unit=UNIT,
        period="2025",
        opened_on="2025-03-01",
    )
    for nip, box in ((A, 9), (B, 8), (C, 6), (D, 9)):
        assert assess(desk, nip, box, date(2025, 3, 10))["box"] == box
    report = desk.get(Role.AUDITOR, f"/talent/campaigns/{campaign}")
    assert (report["progress"]["assessed"], report["progress"]["scope"]) == (3, 3)
    assert report["top_talents"] == {UNIT: [A]}
    desk.do(Role.TALENT_TEAM, "close-campaign", campaign_id=campaign, closed_on="2025-03-31")

    def decree_group(*nips: str) -> None:
        desk.do(
            Role.PPK,
            "set-group",
            agency=agency,
            period="2025",
            nips=list(nips),
            decree_number="800/3/2025",
            decree_date="2025-04-07",
        )

    if not cycle.nominated_group_citation:  # Binjai P29(3), P22: decreed, then nominated from
        decree_group(A, B, D)
    plan = desk.do(
        Role.TALENT_TEAM,
        "declare-target",
        agency=agency,
        position="Kepala Bappeda",
        unit=UNIT,
        level="jpt-pratama",
        status="to-be-vacant",
        declared_on="2025-04-02",
        critical_position_id=critical,
    )
    nominator = cycle.nominator
    other = Role.TALENT_TEAM if nominator is Role.PPK else Role.PPK
    nomination = {"plan_id": plan, "nominated_on": "2025-04-07", "justification": "kinerja"}
    wrong = desk.call(other, "nominate", {"nip": A, **nomination})
    assert wrong.status_code == 422
    assert wrong.json()["code"] == "wrong-nominator"
    assert wrong.json()["citation"] == cycle.nomination_citation
    low = desk.call(nominator, "nominate", {"nip": C, **nomination})
    assert (low.status_code, low.json()["citation"]) == (422, group_defined(agency))
    for nip in (A, B):
        desk.do(nominator, "nominate", nip=nip, **nomination)
    if cycle.nominated_group_citation:  # Balikpapan P16(2), then the PPK's decree (P17(3))
        team_group = {
            "agency": agency,
            "period": "2025",
            "nominations": [{"plan_id": plan, "nip": nip} for nip in (A, B)],
            "decided_on": "2025-04-07",
            "reference": "BA/TMT/1/2025",
        }
        refused = desk.call(Role.PPK, "set-nominated-group", team_group)
        assert refused.status_code == 403, refused.json()
        desk.do(Role.TALENT_TEAM, "set-nominated-group", **team_group)
        outside = desk.call(
            Role.PPK,
            "set-group",
            {
                "agency": agency,
                "period": "2025",
                "nips": [A, B, D],
                "decree_number": "800/3/2025",
                "decree_date": "2025-04-07",
            },
        )
        assert (outside.status_code, outside.json()["code"]) == (422, "not-in-decreed-group")
        assert outside.json()["citation"] == "balikpapan-2022:P16(2)"
        decree_group(A, B)
    ordered = desk.do(
        Role.PPK,
        "order-successors",
        plan_id=plan,
        ordered_on="2025-04-08",
        successors=[
            {"nip": nip, "projected_position": "Kepala Bappeda", "projected_date": "2026-01-05"}
            for nip in (B, A)
        ],
    )
    assert [(s["nip"], s["order"]) for s in ordered] == [(B, 1), (A, 2)]

    audit = desk.get(Role.AUDITOR, f"/talent/nominations/{plan}/{A}/audit")
    assert audit["assessment_at_the_time"]["box"] == 9
    assert audit["nomination"]["actor"]["role"] == nominator
    assert cycle.nomination_citation in audit["nomination"]["citations"]
    return critical, campaign, plan


def develop_and_retain(desk: Desk, *, city: str) -> None:
    agency = desk.agency
    employee = {"agency": agency, "effective": "2025-05-02"}
    enrolled = desk.do(
        Role.CASEWORKER,
        "enrol",
        nip=B,
        programme="corporate-university",
        method="coaching-mentoring",
        **employee,
    )
    assert enrolled["programme"] == "corporate-university"
    counselled = desk.call(Role.ASSESSOR, "counsel", {"nip": C, "notes": "target SKP", **employee})
    if city == "binjai":  # P27(2): boxes 3 and 6
        assert counselled.status_code == 200, counselled.json()
    else:  # balikpapan-2022:P15(3), Lampiran II: counselling for box 3 only; C is in box 6
        assert (counselled.status_code, counselled.json()["code"]) == (422, "counselling-box")
    tasks = desk.do(Role.TALENT_TEAM, "open-follow-ups", nip=C, **employee)
    assert tasks
    closed = desk.do(
        Role.TALENT_TEAM,
        "close-follow-up",
        nip=C,
        task_id=tasks[0]["task_id"],
        outcome="selesai",
        **employee,
    )
    assert closed["closed_on"] == "2025-05-02"
    retained = desk.do(
        Role.TALENT_TEAM,
        "record-retention",
        nip=B,
        kind="job-enrichment",
        detail="PIC SPBE",
        **employee,
    )
    assert retained["nip"] == B
    kind = "pin" if city == "binjai" else "certificate"
    awarded = desk.do(
        Role.PPK,
        "award",
        agency=agency,
        nip=A,
        kind=kind,
        decree_number="800/9/2025",
        decree_date="2025-06-02",
    )
    assert awarded["nip"] == A


@pytest.mark.parametrize("city", ["binjai", "balikpapan"])
def test_a_pack_runs_from_a_critical_position_to_a_monitored_placement(
    app: Talenta, desks: dict[str, Desk], city: str
) -> None:
    desk = desks[city]
    agency = desk.agency
    cycle = pack_for(agency).cycle
    assert cycle is not None
    staffed(app, agency)
    _, _, plan = successors_of(desk, city=city)
    develop_and_retain(desk, city=city)

    decree = {
        "plan_id": plan,
        "decree_date": "2026-01-02",
        "inaugurated_on": "2026-01-05",
        "reason": "suksesi",
    }
    # D: box 9 in another unit, never nominated: placed directly only where the pack says so.
    outside = desk.call(Role.PPK, "place-talent", {"nip": D, "decree_number": "821/1", **decree})
    if city == "binjai":
        assert outside.status_code == 422
        assert (outside.json()["code"], outside.json()["citation"]) == (
            "box9-only-considered",
            cycle.box9_citation,
        )
        placed_nip = A
    else:
        assert outside.status_code == 200, outside.json()
        placed_nip = D
    if city == "binjai":
        desk.do(Role.PPK, "place-talent", nip=A, decree_number="821/1", **decree)
    placed = placement_id(UUID(plan), placed_nip)

    audit = desk.get(Role.AUDITOR, f"/talent/placements/{placed}/audit")
    assert audit["nip"] == placed_nip
    assert audit["placed_by"]["role"] == Role.PPK
    assert (audit["decree_number"], audit["decree_date"]) == ("821/1", "2026-01-02")
    assert audit["inaugurated_on"] == "2026-01-05"
    assert audit["position"] == "Kepala Bappeda" and audit["critical"] is True
    assert audit["box"] == 9
    assert audit["assessment_at_the_time"]["box"] == 9
    assert audit["box9"] == {
        "rule": cycle.box9_placement,
        "citation": cycle.box9_citation,
        "applied": True,
    }
    assert cycle.placement_citation in audit["citations"]
    assert cycle.box9_citation in audit["citations"]
    assert [s["nip"] for s in audit["successors_at_the_time"]] == [B, A]
    if city == "binjai":
        assert (audit["direct"], audit["successor_order"]) == (False, 2)
        assert audit["nomination"]["justification"] == "kinerja"
        assert audit["cross_unit"]["crossed"] is False
    else:
        assert (audit["direct"], audit["successor_order"], audit["nomination"]) == (
            True,
            None,
            None,
        )
        assert audit["cross_unit"] == {
            "crossed": True,
            "from_unit": "Dinas Kesehatan",
            "to_unit": UNIT,
            "citation": cycle.cross_unit_citation,
        }
        assert cycle.cross_unit_citation in audit["citations"]
    monitoring = audit["monitoring"]
    assert monitoring["starts_on"] == "2026-01-05"
    assert monitoring["evaluation_due"] == "2029-01-05"
    assert [e["what"] for e in monitoring["timeline"]] == ["MonitoringStarted"]

    read_models(desk, plan, placed_nip, city=city)

    desk.do(
        Role.CASEWORKER,
        "record-check-in",
        monitoring_id=monitoring["monitoring_id"],
        year=1,
        notes="on track",
        effective="2027-01-05",
    )
    outcome = cycle.monitoring_outcomes[0]
    desk.do(
        Role.PPK,
        "evaluate-monitoring",
        monitoring_id=monitoring["monitoring_id"],
        outcome=outcome,
        effective="2029-01-05",
    )
    again = desk.get(Role.AUDITOR, f"/talent/placements/{placed}/audit")["monitoring"]
    assert [e["what"] for e in again["timeline"]] == [
        "MonitoringStarted",
        "CheckInRecorded",
        "Evaluated",
    ]

    # Another agency's auditor sees nothing of it.
    other = desks["balikpapan" if city == "binjai" else "binjai"]
    foreign = other.client.get(
        f"/talent/placements/{placed}/audit",
        headers={"Authorization": f"Bearer {other.secrets[Role.AUDITOR]}"},
    )
    assert foreign.status_code == 403


def read_models(desk: Desk, plan: str, placed: str, *, city: str) -> None:
    """Every read model through its route, as the auditor reads it."""
    agency = f"?agency={desk.agency}"
    grid = desk.get(Role.AUDITOR, f"/talent/ninebox{agency}&on=2025-03-31&unit={UNIT}")
    assert (grid["boxes"]["9"]["nips"], grid["boxes"]["8"]["nips"]) == ([A], [B])
    assert grid["total"] == 3
    assert desk.get(Role.AUDITOR, f"/talent/ninebox{agency}&on=2025-03-01")["total"] == 0
    mapped = desk.get(Role.AUDITOR, f"/talent/profiles/{A}{agency}")
    assert mapped["nip"] == A
    critical = desk.get(Role.AUDITOR, f"/talent/critical-positions{agency}&on=2025-06-01")
    assert [row["position"] for row in critical] == ["Kepala Bappeda"]
    (group,) = desk.get(Role.AUDITOR, f"/talent/succession/groups{agency}")
    # Balikpapan decrees the talent team's group from the nominations (P16(2)): D is outside it.
    decreed = [A, B, D] if city == "binjai" else [A, B]
    assert sorted(m["nip"] for m in group["members"]) == sorted(decreed)
    one = desk.get(Role.AUDITOR, f"/talent/succession/plans/{plan}")
    assert [s["nip"] for s in one["successors"]] == [B, A]
    assert desk.get(Role.AUDITOR, f"/talent/succession/plans{agency}") == [one]
    priority = desk.get(Role.AUDITOR, f"/talent/development/priority{agency}&on=2025-06-01")
    assert priority[0]["box"] == 9
    assert [row["box"] for row in priority] == sorted((r["box"] for r in priority), reverse=True)
    follow_ups = desk.get(Role.AUDITOR, f"/talent/development/follow-ups{agency}")
    assert follow_ups and all(row["nip"] == C for row in follow_ups)
    pins = desk.get(Role.AUDITOR, f"/talent/pins{agency}&on=2025-07-01")
    assert [row["nip"] for row in pins] == ([A] if city == "binjai" else [])
    (placement,) = desk.get(Role.AUDITOR, f"/talent/placements{agency}")
    assert (placement["nip"], placement["direct"]) == (placed, city == "balikpapan")
    due = desk.get(Role.AUDITOR, f"/talent/monitoring/due{agency}&on=2026-12-01&days=60")
    assert [(row["nip"], row["year"]) for row in due["check_ins"]] == [(placed, 1)]
    later = desk.get(Role.AUDITOR, f"/talent/monitoring/due{agency}&on=2029-02-01")
    assert [(row["nip"], row["overdue"]) for row in later["evaluations"]] == [(placed, True)]
    other = "kota-madiun"
    refused = desk.client.get(
        f"/talent/ninebox?agency={other}",
        headers={"Authorization": f"Bearer {desk.secrets[Role.AUDITOR]}"},
    )
    assert refused.status_code == 403


def test_a_balikpapan_decision_before_2025_is_refused_with_the_article(
    desks: dict[str, Desk],
) -> None:
    desk = desks["balikpapan"]
    cycle = pack_for(desk.agency).cycle
    assert cycle is not None
    answer = desk.call(
        Role.PPK,
        "declare-critical-position",
        {
            "agency": desk.agency,
            "position": "Kepala Bappeda",
            "unit": UNIT,
            "level": "jpt-pratama",
            "characteristics": {c.code: "alasan" for c in cycle.critical_characteristics},
            "priority_rank": 1,
            "competency_standard": "SKJ-01",
            "decree_number": "800/1/2024",
            "decree_date": "2024-12-31",
        },
    )
    assert answer.status_code == 422
    body = answer.json()
    assert (body["code"], body["citation"]) == ("pack-not-in-force", "balikpapan-2022:P28")
    assert body["message"] and body["message_en"]


@pytest.mark.parametrize("step", ["declare-critical-position", "assess-employee", "place-talent"])
def test_the_auditor_reads_but_may_not_act(desks: dict[str, Desk], step: str) -> None:
    answer = desks["binjai"].call(Role.AUDITOR, step, {})
    assert (answer.status_code, answer.json()["code"]) == (403, "forbidden")
