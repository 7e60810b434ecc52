"""An NIP another agency employs and an NIP nobody employs are answered alike to a caller, on
reads and on commands, so no caller learns which NIPs exist outside its agency."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from domain.envelope import Role
from services.application import Talenta
from services.config import StoreConfig
from tests.integration.test_cross_agency import HOLDERS, Seeded
from tests.unit.rules_builders import nip_for

ELSEWHERE = HOLDERS["kota-madiun"]
NOWHERE = nip_for(date(1981, 9, 9))


@pytest.fixture
def seeded(store: StoreConfig) -> Iterator[Seeded]:
    app = Talenta(store)
    yield Seeded(app)
    app.close()


def answered(answer: Any, nip: str) -> tuple[int, Any]:
    """The status and the body with the asked NIP blanked out."""
    return answer.status_code, {k: str(v).replace(nip, "NIP") for k, v in answer.json().items()}


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.AUDITOR, Role.ASSESSOR])
def test_a_read_of_another_agencys_nip_answers_as_an_unknown_one(
    seeded: Seeded, role: Role
) -> None:
    headers = {"Authorization": f"Bearer {seeded.secrets['kota-binjai']}", "X-Talenta-Role": role}
    elsewhere, nowhere = (
        seeded.client.get(f"/employees/{n}", headers=headers) for n in (ELSEWHERE, NOWHERE)
    )

    assert answered(elsewhere, ELSEWHERE) == answered(nowhere, NOWHERE)
    assert (elsewhere.status_code, elsewhere.json()["code"]) == (403, "other-agency")
    assert "kota-madiun" not in str(elsewhere.json())


def test_a_command_naming_another_agencys_nip_answers_as_an_unknown_one(seeded: Seeded) -> None:
    def assess(nip: str) -> Any:
        body = {
            "agency": "kota-binjai",
            "nip": nip,
            "period": "2025",
            "assessed_on": "2025-03-10",
            "performance": "above-expectation",
            "potential": "high",
            "evidence": {"assessment_centre": {"intellectual": 4}},
        }
        return seeded.post("/talent/assess-employee", body, "kota-binjai", Role.TALENT_TEAM)

    assert answered(assess(ELSEWHERE), ELSEWHERE) == answered(assess(NOWHERE), NOWHERE)
