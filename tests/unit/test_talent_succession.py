"""The succession group and the succession plan under both packs side by side: who sets the group,
who nominates (Binjai P22: the PPK; Balikpapan P16(1): the talent team), boxes 7-9 only, and the
plan's ordered successors (Binjai P21-22, P29; Balikpapan P15-17)."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from domain.envelope import Actor, Envelope, Role
from domain.rules import balikpapan, binjai
from domain.rules.core import PackNotInForce
from domain.rules.ninebox import Performance, Potential
from domain.rules.pack import RulePack
from domain.talent.errors import TalentRefusal
from domain.talent.mapping import Assessment, TalentProfile
from domain.talent.succession import SuccessionGroup, SuccessionPlan, group_id, succession_plan_id
from domain.talent.succession_values import Successor, TargetStatus
from domain.values import PositionLevel
from tests.unit.rules_builders import nip_for

ON = date(2025, 4, 7)
PACKS = {"binjai": binjai.PACK, "balikpapan": balikpapan.PACK}
NOMINATOR = {"binjai": Role.PPK, "balikpapan": Role.TALENT_TEAM}
A, B, C = (nip_for(date(1976, month, 2)) for month in (1, 2, 3))
CELLS = {
    9: (Performance.ABOVE, Potential.HIGH),
    8: (Performance.MEETS, Potential.HIGH),
    7: (Performance.ABOVE, Potential.MIDDLE),
    6: (Performance.BELOW, Potential.HIGH),
}


def stamp(role: Role, day: date = ON) -> Envelope:
    return Envelope(actor=Actor(id=f"{role}-1", role=role, agency="kota-x"), effective=day)


def assessment(nip: str, box: int, pack: RulePack = binjai.PACK) -> Assessment:
    profile = TalentProfile.start("kota-x", nip, stamp(Role.ASSESSOR))
    performance, potential = CELLS[box]
    return profile.assess(
        "Bappeda",
        PositionLevel.SUPERVISOR,
        "2025",
        performance,
        potential,
        {"assessment_centre": {"overall": "baik"}},
        pack,
        stamp(Role.ASSESSOR, date(2025, 3, 3)),
    )


def plan(city: str) -> SuccessionPlan:
    return SuccessionPlan.declare(
        f"kota-{city}",
        "Kepala Bappeda",
        "Bappeda",
        PositionLevel.JPT_PRATAMA,
        None,
        TargetStatus.TO_BE_VACANT,
        PACKS[city],
        stamp(Role.TALENT_TEAM),
    )


@pytest.mark.parametrize("city", ["binjai", "balikpapan"])
def test_the_ppk_sets_the_group_of_boxes_7_to_9(city: str) -> None:
    pack = PACKS[city]
    members = {A: assessment(A, 9, pack), B: assessment(B, 7, pack)}
    group = SuccessionGroup.decree(
        f"kota-{city}", "2025", members, "800/3/2025", ON, pack, stamp(Role.PPK)
    )
    (event,) = group.collect_events()

    assert isinstance(event, SuccessionGroup.GroupSet)
    assert event.members == [{"nip": A, "box": 9}, {"nip": B, "box": 7}]
    assert group.id == group_id(f"kota-{city}", "2025")


@pytest.mark.parametrize(
    ("city", "role", "boxes", "code", "citation"),
    [
        pytest.param(
            "binjai",
            Role.PPK,
            {A: 9, B: 6},
            "not-in-succession-boxes",
            "binjai-2023:P21",
            id="binjai-2023:P21 box 6 is not in the group",
        ),
        pytest.param(
            "balikpapan",
            Role.PPK,
            {A: None},
            "not-in-succession-boxes",
            "balikpapan-2022:P15",
            id="balikpapan-2022:P15 an unassessed employee is not in the group",
        ),
        pytest.param(
            "balikpapan",
            Role.TALENT_TEAM,
            {A: 9},
            "wrong-group-setter",
            "balikpapan-2022:P17(3)",
            id="balikpapan-2022:P17(3) the talent team may not decree the group",
        ),
        pytest.param(
            "binjai",
            Role.PPK,
            {},
            "empty-group",
            "binjai-2023:P29(3)",
            id="binjai-2023:P29(3) an empty group",
        ),
    ],
)
def test_a_group_decree_is_refused_citing_the_article(
    city: str, role: Role, boxes: dict[str, int | None], code: str, citation: str
) -> None:
    pack = PACKS[city]
    members = {nip: assessment(nip, box, pack) if box else None for nip, box in boxes.items()}
    with pytest.raises(TalentRefusal) as refused:
        SuccessionGroup.decree(f"kota-{city}", "2025", members, "800/3", ON, pack, stamp(role))

    assert (refused.value.code, refused.value.citation) == (code, citation)
    if code == "not-in-succession-boxes":
        # The refusal names every article defining the group (pack.nine_box), not its setter.
        assert pack.nine_box is not None
        for article in pack.nine_box.succession_citations:
            assert article in refused.value.message.en


def test_plans_of_one_title_in_two_units_are_two_targets() -> None:
    head = plan("binjai")
    assert head.id == succession_plan_id("kota-binjai", "Bappeda", "Kepala Bappeda")
    assert head.id != succession_plan_id("kota-binjai", "Dinas Kesehatan", "Kepala Bappeda")


@pytest.mark.parametrize("city", ["binjai", "balikpapan"])
def test_a_filled_target_takes_no_second_placement(city: str) -> None:
    target = plan(city)
    cycle = PACKS[city].cycle
    assert cycle is not None
    placement = uuid4()
    target.fill(A, placement, cycle, stamp(Role.PPK))
    assert (target.filled_by, target.placement_id) == (A, placement)
    filled = target.collect_events()[-1]
    assert isinstance(filled, SuccessionPlan.Filled) and filled.placement_id == placement

    with pytest.raises(TalentRefusal) as refused:
        target.fill(B, uuid4(), cycle, stamp(Role.PPK))
    assert (refused.value.code, refused.value.citation) == (
        "target-filled",
        cycle.placement_citation,
    )


@pytest.mark.parametrize("city", ["binjai", "balikpapan"])
def test_the_packs_nominator_nominates_with_a_justification(city: str) -> None:
    target = plan(city)
    held = assessment(A, 8, PACKS[city])
    nomination = target.nominate(A, held, "memimpin RPJMD", PACKS[city], stamp(NOMINATOR[city]))

    assert (nomination.box, nomination.assessment) == (8, held.ref)
    assert nomination.nominated_on == ON


@pytest.mark.parametrize(
    ("city", "role", "box", "justification", "code", "citation"),
    [
        pytest.param(
            "binjai",
            Role.TALENT_TEAM,
            9,
            "x",
            "wrong-nominator",
            "binjai-2023:P22",
            id="binjai-2023:P22 talent team may not nominate",
        ),
        pytest.param(
            "balikpapan",
            Role.PPK,
            9,
            "x",
            "wrong-nominator",
            "balikpapan-2022:P16(1)",
            id="balikpapan-2022:P16(1) the PPK may not nominate",
        ),
        pytest.param(
            "binjai",
            Role.PPK,
            6,
            "x",
            "not-in-succession-boxes",
            "binjai-2023:P21",
            id="binjai-2023:P21 box 6 may not be nominated",
        ),
        pytest.param(
            "balikpapan",
            Role.TALENT_TEAM,
            None,
            "x",
            "not-in-succession-boxes",
            "balikpapan-2022:P15",
            id="balikpapan-2022:P15 an unassessed employee may not be nominated",
        ),
        pytest.param(
            "balikpapan",
            Role.TALENT_TEAM,
            9,
            " ",
            "justification-missing",
            "balikpapan-2022:P16(1)",
            id="balikpapan-2022:P16(1) a nomination without justification",
        ),
    ],
)
def test_a_nomination_is_refused_citing_the_article(
    city: str, role: Role, box: int | None, justification: str, code: str, citation: str
) -> None:
    held = assessment(A, box, PACKS[city]) if box else None
    with pytest.raises(TalentRefusal) as refused:
        plan(city).nominate(A, held, justification, PACKS[city], stamp(role))

    assert (refused.value.code, refused.value.citation) == (code, citation)


def test_a_balikpapan_nomination_dated_2024_12_31_is_refused() -> None:
    target = plan("balikpapan")
    with pytest.raises(PackNotInForce) as refused:
        target.nominate(
            A,
            assessment(A, 9, balikpapan.PACK),
            "x",
            balikpapan.PACK,
            stamp(Role.TALENT_TEAM, date(2024, 12, 31)),
        )

    assert refused.value.citation == "balikpapan-2022:P28"


def successor(nip: str, day: date = date(2026, 1, 2)) -> Successor:
    return Successor(nip=nip, projected_position="Kepala Bappeda", projected_date=day)


@pytest.mark.parametrize("city", ["binjai", "balikpapan"])
def test_the_plan_orders_nominated_successors_only(city: str) -> None:
    pack, nominator = PACKS[city], NOMINATOR[city]
    target = plan(city)
    for nip, box in ((A, 9), (B, 7)):
        target.nominate(nip, assessment(nip, box, pack), "alasan", pack, stamp(nominator))
    ordered = target.order_successors([successor(B), successor(A)], pack, stamp(nominator))

    assert [(s.nip, s.order) for s in ordered] == [(B, 1), (A, 2)]
    for wrong in ([successor(C)], [successor(A), successor(A)], [successor(A, date(2025, 1, 1))]):
        with pytest.raises(TalentRefusal) as refused:
            target.order_successors(wrong, pack, stamp(nominator))
        assert refused.value.citation == pack.cite("P29(1)" if city == "binjai" else "P17(1)")
