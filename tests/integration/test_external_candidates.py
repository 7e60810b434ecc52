"""An external candidate (binjai-2023:P17 "ASN internal atau eksternal", balikpapan-2022:P13(1))
is mapped as the agency's own external-candidate profile, with the source and its evidence: no
other agency's record is read or written, and the compliance replay finds no breach in it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from domain.envelope import Role
from domain.personnel.aggregate import employee_id
from domain.talent.mapping import TalentProfile, profile_id
from services.application import Talenta
from services.audit.compliance import replay
from services.config import StoreConfig
from tests.integration.test_cross_agency import HOLDERS, Seeded

BINJAI, MADIUN = "kota-binjai", "kota-madiun"
LETTER = {"name": "Surat BKD Provinsi 800/12/2025", "sha256": "a" * 64, "uri": ""}


@pytest.fixture
def seeded(store: StoreConfig) -> Iterator[Seeded]:
    app = Talenta(store)
    yield Seeded(app)
    app.close()


def assess(seeded: Seeded, nip: str, **more: Any) -> Any:
    body = {
        "agency": BINJAI,
        "nip": nip,
        "period": "2025",
        "assessed_on": "2025-03-10",
        "performance": "above-expectation",
        "potential": "high",
        "evidence": {"assessment_centre": {"intellectual": 4}},
        **more,
    }
    return seeded.post("/talent/assess-employee", body, BINJAI, Role.TALENT_TEAM)


EXTERNAL = {
    "unit": "Bappeda",
    "level": "administrator",
    "external": {"origin": "Pemerintah Provinsi Sumatera Utara", "documents": [LETTER]},
}


def test_an_external_candidate_gets_the_agencys_own_profile_with_its_source(
    seeded: Seeded,
) -> None:
    nip = HOLDERS[MADIUN]  # whoever else may employ the NIP, nothing of theirs is read
    before: int = seeded.app.repository.get(employee_id(nip)).version

    answer = assess(seeded, nip, **EXTERNAL)

    assert answer.status_code == 200, answer.json()
    assert answer.json()["result"]["box"] == 9
    profile: TalentProfile = seeded.app.repository.get(profile_id(BINJAI, nip))
    assert (profile.agency, profile.external_source) == (BINJAI, EXTERNAL["external"])
    events: list[Any] = list(seeded.app.repository.event_store.get(profile.id))
    (assessed,) = [e for e in events if isinstance(e, TalentProfile.Assessed)]
    assert [d["name"] for d in assessed.envelope["evidence"]["documents"]] == [LETTER["name"]]
    assert seeded.app.repository.get(employee_id(nip)).version == before
    assert replay(seeded.app, BINJAI, datetime.now(UTC)).breaches == []


def test_the_agencys_own_employee_is_not_assessed_as_external(seeded: Seeded) -> None:
    answer = assess(seeded, HOLDERS[BINJAI], **EXTERNAL)
    assert (answer.status_code, answer.json()["code"]) == (422, "not-external")
    assert answer.json()["citation"] == "binjai-2023:P17"


def test_without_its_source_another_agencys_employee_is_refused(seeded: Seeded) -> None:
    answer = assess(seeded, HOLDERS[MADIUN], unit="Bappeda", level="administrator")
    assert (answer.status_code, answer.json()["code"]) == (403, "other-agency")
