"""Audit answers read only the reader's own agency: a refusal's why shows nothing of the records
another agency holds (not their events, nor whether they exist), an employee's record it shows
is a recorded read, and a timeline leaves out another agency's records about the same NIP."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from domain.envelope import Actor, Role
from domain.rules.ninebox import Performance, Potential
from domain.rules.registry import pack_for
from domain.talent.mapping import TalentProfile
from domain.values import PositionLevel
from services.application import Talenta
from services.config import StoreConfig
from services.envelopes import envelope
from tests.integration.test_cross_agency import HOLDERS, Seeded

MADIUN, BINJAI = "kota-madiun", "kota-binjai"


@pytest.fixture
def seeded(store: StoreConfig) -> Iterator[Seeded]:
    app = Talenta(store)
    yield Seeded(app)
    app.close()


def get(seeded: Seeded, path: str, agency: str, role: Role, **params: Any) -> Any:
    headers = {"Authorization": f"Bearer {seeded.secrets[agency]}", "X-Talenta-Role": role}
    answer = seeded.client.get(path, headers=headers, params=params)
    assert answer.status_code == 200, answer.json()
    return answer.json()


def last_refusal(seeded: Seeded, agency: str) -> Any:
    rows = get(seeded, "/audit/refusals", agency, Role.AUDITOR)
    return get(seeded, f"/audit/refusals/{rows[-1]['id']}", agency, Role.AUDITOR)


def test_a_refusals_why_shows_nothing_another_agency_holds(seeded: Seeded) -> None:
    round_id = seeded.ids[MADIUN]["round_id"]
    body = {
        "round_id": str(round_id),
        "nip": HOLDERS[MADIUN],
        "channel": "web",
        "effective": "2025-02-10",
    }
    # An auditor may send no command: refused for the role, naming Madiun's round and employee.
    refused = seeded.post("/scouting/register-candidate", body, BINJAI, Role.AUDITOR)
    assert refused.status_code == 403

    why = last_refusal(seeded, BINJAI)

    assert why["subjects"] == []
    assert why["refusal"]["subjects"] == {}
    assert MADIUN not in str(why)  # no event of the round nor of the employee
    assert get(seeded, "/audit/reads", BINJAI, Role.AUDITOR) == []


def test_an_employee_a_refusals_why_shows_is_a_recorded_read(seeded: Seeded) -> None:
    nip = HOLDERS[BINJAI]
    body = {"agency": BINJAI, "nip": nip, "effective": "2025-03-10", "notes": "x"}
    assert seeded.post("/talent/counsel", body, BINJAI, Role.AUDITOR).status_code == 403

    why = last_refusal(seeded, BINJAI)

    (trail,) = [t for t in why["subjects"] if t["nip"] == nip]
    assert [e["what"] for e in trail["events"]] == ["Enrolled"]
    reads = get(seeded, "/audit/reads", BINJAI, Role.AUDITOR, nip=nip)
    assert [r["via"] for r in reads] == ["GET /audit/refusals/{refusal_id}"]


def test_a_timeline_leaves_out_another_agencys_records_of_the_same_nip(seeded: Seeded) -> None:
    nip = HOLDERS[MADIUN]
    pack = pack_for(BINJAI)
    assert pack.cycle is not None
    assessor = Actor(id="assessor", role=Role.ASSESSOR, agency=BINJAI)
    stamp = envelope(assessor, date(2025, 3, 10), pack, pack.cycle.assessment_citation)
    # Written past the commands, which refuse it: Binjai's profile of a Madiun employee.
    profile = TalentProfile.start(BINJAI, nip, stamp)
    evidence = {"assessment_centre": {"intellectual": 4}}
    profile.assess(
        "Bappeda", PositionLevel.SUPERVISOR, "2025", Performance.ABOVE, Potential.HIGH,
        evidence, pack, stamp,
    )  # fmt: skip
    seeded.app.save(profile)

    found = get(seeded, f"/audit/timeline/employee/{nip}", MADIUN, Role.AUDITOR)

    assert [e["what"] for e in found["events"]] == ["Enrolled", "TenureStarted", "MutationProposed"]
    assert all(e["aggregate"] != str(profile.id) for e in found["events"])
