"""Assessments placed on the nine-box by each pack, re-assessments that supersede, and the mapping
campaign's progress and box-9 talents (Binjai P17-21, Balikpapan P13-15)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from domain.envelope import Actor, Envelope, Role
from domain.rules import balikpapan, binjai
from domain.rules.core import PackNotInForce
from domain.rules.ninebox import Performance, Potential
from domain.talent.campaign import MappingCampaign
from domain.talent.errors import TalentRefusal
from domain.talent.mapping import Assessment, TalentProfile, profile_id
from domain.values import PositionLevel
from tests.unit.rules_builders import nip_for

ON = date(2025, 3, 3)
PACKS = {"binjai": binjai.PACK, "balikpapan": balikpapan.PACK}
NIPS = [nip_for(date(1975, 1 + i, 15)) for i in range(4)]
EVIDENCE: dict[str, dict[str, Any]] = {
    "assessment_centre": {"intellectual": 4, "commitment": 5},
    "competency_test": {"technical": 80, "managerial": 75, "pemerintahan": 70},
    "track_record": {"integrity": "baik"},
}


def stamp(role: Role = Role.ASSESSOR, day: date = ON) -> Envelope:
    return Envelope(actor=Actor(id=f"{role}-1", role=role, agency="kota-binjai"), effective=day)


def assessed(
    city: str,
    performance: Performance = Performance.ABOVE,
    potential: Potential = Potential.HIGH,
    day: date = ON,
    period: str = "2025",
    profile: TalentProfile | None = None,
    evidence: dict[str, dict[str, Any]] | None = None,
) -> TalentProfile:
    profile = profile or TalentProfile.start(f"kota-{city}", NIPS[0], stamp(Role.TALENT_TEAM))
    profile.assess(
        "Bappeda",
        PositionLevel.SUPERVISOR,
        period,
        performance,
        potential,
        EVIDENCE if evidence is None else evidence,
        PACKS[city],
        stamp(day=day),
    )
    return profile


@pytest.mark.parametrize(
    ("city", "box", "recommendation", "readings"),
    [
        pytest.param(
            "binjai",
            7,
            "rotation-or-job-enrichment",
            [{"id": "D6", "option": "grid-position"}],
            id="binjai-2023:Lampiran 2 box 7 rotation or job enrichment, reading D6",
        ),
        pytest.param(
            "balikpapan",
            7,
            "rotation-or-job-enlargement",
            [],
            id="balikpapan-2022:Lampiran II box 7 rotation or job enlargement",
        ),
    ],
)
def test_the_pack_places_the_assessment(
    city: str, box: int, recommendation: str, readings: list[dict[str, str]]
) -> None:
    profile = assessed(city, Performance.ABOVE, Potential.MIDDLE)
    _, event = profile.collect_events()

    assert isinstance(event, TalentProfile.Assessed)
    assert event.box == box
    assert recommendation in event.recommendations
    assert event.category["en"] == "Performance above expectation and middle potential"
    assert [use["id"] for use in event.readings_used] == [r["id"] for r in readings]
    assert event.supersedes == ""
    assert profile.id == profile_id(f"kota-{city}", NIPS[0])


def test_a_reassessment_for_the_same_period_supersedes_without_overwriting() -> None:
    profile = assessed("binjai", Performance.MEETS, Potential.MIDDLE)
    first = profile.assessments[0]
    assessed("binjai", Performance.ABOVE, Potential.HIGH, date(2025, 6, 2), profile=profile)
    later = assessed("binjai", Performance.BELOW, Potential.LOW, date(2026, 3, 2), "2026", profile)

    assert first.ref == f"{profile.id}/2"
    assert [a.box for a in later.assessments] == [5, 9, 1]
    assert [a.supersedes for a in later.assessments] == ["", first.ref, ""]
    assert later.current_for("2025") == later.assessments[1]
    assert (later.box_on(date(2025, 3, 2)), later.box_on(ON)) == (None, 5)
    assert (later.box_on(date(2025, 6, 2)), later.box_on(date(2026, 3, 2))) == (9, 1)


def test_a_same_day_reassessment_is_the_one_in_force() -> None:
    profile = assessed("binjai", Performance.MEETS, Potential.MIDDLE)
    assessed("binjai", Performance.MEETS, Potential.HIGH, profile=profile)

    assert profile.box_on(ON) == 8


@pytest.mark.parametrize(
    ("city", "evidence", "day", "code", "citation"),
    [
        pytest.param(
            "binjai",
            {},
            ON,
            "assessment-evidence",
            "binjai-2023:P18(1)",
            id="binjai-2023:P18(1) potential without any evidence",
        ),
        pytest.param(
            "balikpapan",
            {"horoscope": {"sign": "leo"}},
            ON,
            "assessment-evidence",
            "balikpapan-2022:P13",
            id="balikpapan-2022:P13 evidence the pack does not list",
        ),
        pytest.param(
            "balikpapan",
            EVIDENCE,
            date(2025, 3, 2),
            "reassessment-backdated",
            "balikpapan-2022:P13",
            id="balikpapan-2022:P13 a re-assessment dated before the one it supersedes",
        ),
    ],
)
def test_an_assessment_is_refused_citing_the_article(
    city: str, evidence: dict[str, dict[str, Any]], day: date, code: str, citation: str
) -> None:
    profile = assessed(city)
    with pytest.raises(TalentRefusal) as refused:
        assessed(city, day=day, profile=profile, evidence=evidence)

    assert (refused.value.code, refused.value.citation) == (code, citation)


def test_a_balikpapan_assessment_dated_2024_12_31_is_refused() -> None:
    with pytest.raises(PackNotInForce) as refused:
        assessed("balikpapan", day=date(2024, 12, 31))

    assert refused.value.citation == "balikpapan-2022:P28"


def found(*boxes: tuple[str, str, int, str]) -> dict[str, Assessment | None]:
    """(nip, unit, box, period) -> the current assessment found for each NIP."""
    result: dict[str, Assessment | None] = {}
    for nip, unit, box, period in boxes:
        profile = TalentProfile.start("kota-binjai", nip, stamp())
        high = box == 9
        result[nip] = profile.assess(
            unit,
            PositionLevel.EXECUTOR,
            period,
            Performance.ABOVE if high else Performance.MEETS,
            Potential.HIGH if high else Potential.MIDDLE,
            EVIDENCE,
            binjai.PACK,
            stamp(),
        )
    return result


def test_a_campaign_shows_progress_and_the_box_9_talents_per_unit() -> None:
    campaign = MappingCampaign.open(
        "kota-binjai", "", "2025", [*NIPS, NIPS[0]], binjai.PACK, stamp()
    )
    assessments = found(
        (NIPS[0], "Bappeda", 9, "2025"),
        (NIPS[1], "Dinas Kesehatan", 9, "2025"),
        (NIPS[2], "Bappeda", 5, "2025"),
        (NIPS[3], "Bappeda", 9, "2024"),
    )
    progress = campaign.progress(assessments)

    assert campaign.scope == tuple(NIPS)
    assert (progress.assessed, progress.scope, progress.ratio) == (3, 4, 0.75)
    assert progress.missing == (NIPS[3],)
    assert campaign.top_talents(assessments) == {
        "Bappeda": (NIPS[0],),
        "Dinas Kesehatan": (NIPS[1],),
    }


def test_a_campaign_needs_a_scope_and_closes_once() -> None:
    with pytest.raises(TalentRefusal) as refused:
        MappingCampaign.open("kota-binjai", "Bappeda", "2025", [], binjai.PACK, stamp())
    assert refused.value.citation == "binjai-2023:P19"

    campaign = MappingCampaign.open("kota-binjai", "Bappeda", "2025", NIPS, binjai.PACK, stamp())
    campaign.close(date(2025, 12, 1), binjai.PACK, stamp(day=date(2025, 12, 1)))
    with pytest.raises(TalentRefusal) as refused:
        campaign.close(date(2025, 12, 2), binjai.PACK, stamp(day=date(2025, 12, 2)))
    assert (refused.value.code, refused.value.citation) == ("campaign-not-open", "binjai-2023:P19")
    assert campaign.closed_on == date(2025, 12, 1)
