"""The succession group and the succession plan under both packs side by side: who sets the group,
who nominates (Binjai P22: the PPK; Balikpapan P16(1): the talent team), boxes 7-9 only, and the
plan's ordered successors (Binjai P21-22, P29; Balikpapan P15-17)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from uuid import uuid4

import pytest

from domain.envelope import Actor, Envelope, Role
from domain.personnel.facts import EmploymentStatus
from domain.rules import balikpapan, binjai
from domain.rules.core import PackNotInForce, ReadingId
from domain.rules.ninebox import Performance, Potential
from domain.rules.pack import RulePack
from domain.talent.errors import TalentRefusal
from domain.talent.mapping import Assessment, TalentProfile
from domain.talent.nominated_group import NominatedGroup, NominatedMember, nominated_group_id
from domain.talent.succession import SuccessionGroup, SuccessionPlan, group_id, succession_plan_id
from domain.talent.succession_values import (
    DecreedGroup,
    Nomination,
    Successor,
    TalentFacts,
    TargetStatus,
)
from domain.values import FunctionalGrade, PositionLevel
from tests.unit.rules_builders import nip_for

ON = date(2025, 4, 7)
PACKS = {"binjai": binjai.PACK, "balikpapan": balikpapan.PACK}
NOMINATOR = {"binjai": Role.PPK, "balikpapan": Role.TALENT_TEAM}
A, B, C = (nip_for(date(1976, month, 2)) for month in (1, 2, 3))
# An administrator PNS: a JPT Pratama target is one level up (binjai-2023:P1(15)).
PNS = TalentFacts(status=EmploymentStatus.PNS, level=PositionLevel.ADMINISTRATOR)
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


def decreed(*nips: str, reference: str = "800/3/2025") -> DecreedGroup:
    """The group recorded for period 2025 (the PPK's decree, or Balikpapan's team group)."""
    return DecreedGroup(period="2025", reference=reference, members=frozenset(nips))


def decree(
    city: str,
    members: Mapping[str, Assessment | None],
    role: Role = Role.PPK,
    *,
    talents: dict[str, TalentFacts] | None = None,
    team: DecreedGroup | bool | None = True,
) -> SuccessionGroup:
    """The PPK's decree; ``team``: Balikpapan's group from the nominations (True: every member,
    False: none recorded)."""
    nominated = (
        team
        if not isinstance(team, bool)
        else decreed(*members, reference="BA-1")
        if team
        else None
    )
    return SuccessionGroup.decree(
        f"kota-{city}",
        "2025",
        members,
        "800/3/2025",
        ON,
        PACKS[city],
        stamp(role),
        talents=talents or {nip: PNS for nip in members},
        nominated=nominated,
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
    group = decree(city, members)
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
        decree(city, members, role)

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
    nomination = target.nominate(
        A, held, "memimpin RPJMD", PACKS[city], stamp(NOMINATOR[city]), talent=PNS, group=decreed(A)
    )

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
        plan(city).nominate(
            A, held, justification, PACKS[city], stamp(role), talent=PNS, group=decreed(A)
        )

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
            talent=PNS,
            group=None,
        )

    assert refused.value.citation == "balikpapan-2022:P28"


def successor(nip: str, day: date = date(2026, 1, 2)) -> Successor:
    return Successor(nip=nip, projected_position="Kepala Bappeda", projected_date=day)


@pytest.mark.parametrize("city", ["binjai", "balikpapan"])
def test_the_plan_orders_nominated_successors_only(city: str) -> None:
    pack, nominator = PACKS[city], NOMINATOR[city]
    target = plan(city)
    for nip, box in ((A, 9), (B, 7)):
        target.nominate(
            nip,
            assessment(nip, box, pack),
            "alasan",
            pack,
            stamp(nominator),
            talent=PNS,
            group=decreed(A, B),
        )
    ordered = target.order_successors([successor(B), successor(A)], pack, stamp(nominator))

    assert [(s.nip, s.order) for s in ordered] == [(B, 1), (A, 2)]
    for wrong in ([successor(C)], [successor(A), successor(A)], [successor(A, date(2025, 1, 1))]):
        with pytest.raises(TalentRefusal) as refused:
            target.order_successors(wrong, pack, stamp(nominator))
        assert refused.value.citation == pack.cite("P29(1)" if city == "binjai" else "P17(1)")


PPPK = TalentFacts(status=EmploymentStatus.PPPK, level=PositionLevel.ADMINISTRATOR)
CPNS = TalentFacts(status=EmploymentStatus.CPNS, level=PositionLevel.ADMINISTRATOR)


@pytest.mark.parametrize(
    ("city", "talent", "code", "citation"),
    [
        pytest.param("binjai", PNS, None, None, id="binjai-2023:P1(12) a PNS is a talent"),
        pytest.param("binjai", PPPK, "not-a-talent", "binjai-2023:P1(12)",
                     id="binjai-2023:P1(12) a PPPK is not decreed into the group"),
        pytest.param("binjai", CPNS, "not-a-talent", "binjai-2023:P1(12)",
                     id="binjai-2023:P1(12) a CPNS is not decreed into the group"),
        pytest.param("balikpapan", PPPK, None, None,
                     id="balikpapan-2022:P1(8) a PPPK is a pegawai ASN talent"),
    ],
)  # fmt: skip
def test_who_may_be_decreed_into_the_group(
    city: str, talent: TalentFacts, code: str | None, citation: str | None
) -> None:
    members = {A: assessment(A, 9, PACKS[city]), B: assessment(B, 8, PACKS[city])}
    talents = {A: PNS, B: talent}
    if code is None:
        assert decree(city, members, talents=talents).members == {A: 9, B: 8}
        return
    with pytest.raises(TalentRefusal) as refused:
        decree(city, members, talents=talents)
    assert (refused.value.code, refused.value.citation) == (code, citation)
    assert B in refused.value.message.en


@pytest.mark.parametrize(
    ("team", "code"),
    [
        pytest.param(False, "no-decreed-group",
                     id="balikpapan-2022:P16(2) no group set by the team from the nominations"),
        pytest.param(decreed(A, reference="BA-1"), "not-in-decreed-group",
                     id="balikpapan-2022:P16(2) B is outside the team's group"),
    ],
)  # fmt: skip
def test_balikpapan_decrees_only_the_teams_group(team: DecreedGroup | bool, code: str) -> None:
    members = {A: assessment(A, 9, balikpapan.PACK), B: assessment(B, 8, balikpapan.PACK)}
    with pytest.raises(TalentRefusal) as refused:
        decree("balikpapan", members, team=team)
    assert (refused.value.code, refused.value.citation) == (code, "balikpapan-2022:P16(2)")
    # Binjai's PPK decrees the group itself (P29(3)): no team group is asked for.
    assert decree("binjai", members, team=team).members == {A: 9, B: 8}


@pytest.mark.parametrize(
    ("city", "talent", "group", "code", "citation"),
    [
        pytest.param("binjai", PNS, decreed(A), None, None,
                     id="binjai-2023:P22 nominated from the decreed group"),
        pytest.param("binjai", PNS, None, "no-decreed-group", "binjai-2023:P22",
                     id="binjai-2023:P22, P29(3) no group decreed for the period"),
        pytest.param("binjai", PNS, decreed(B), "not-in-decreed-group", "binjai-2023:P22",
                     id="binjai-2023:P22 outside the decreed group"),
        pytest.param("binjai", PPPK, decreed(A), "not-a-talent", "binjai-2023:P1(12)",
                     id="binjai-2023:P1(12) a PPPK is not nominated"),
        pytest.param("binjai", CPNS, decreed(A), "not-a-talent", "binjai-2023:P1(12)",
                     id="binjai-2023:P1(12) a CPNS is not nominated"),
        pytest.param("balikpapan", PNS, None, None, None,
                     id="balikpapan-2022:P16(1) nominations come before the group"),
        pytest.param("balikpapan", PPPK, None, None, None,
                     id="balikpapan-2022:P1(8) a PPPK is nominated"),
    ],
)  # fmt: skip
def test_a_nomination_follows_the_decreed_group(
    city: str,
    talent: TalentFacts,
    group: DecreedGroup | None,
    code: str | None,
    citation: str | None,
) -> None:
    pack, role = PACKS[city], NOMINATOR[city]
    held = assessment(A, 8, pack)
    if code is None:
        made = plan(city).nominate(A, held, "alasan", pack, stamp(role), talent=talent, group=group)
        assert made.box == 8
        return
    with pytest.raises(TalentRefusal) as refused:
        plan(city).nominate(A, held, "alasan", pack, stamp(role), talent=talent, group=group)
    assert (refused.value.code, refused.value.citation) == (code, citation)
    if code == "no-decreed-group":
        assert "2025" in refused.value.message.en and "P29(3)" in refused.value.message.en


def holder(level: PositionLevel, grade: FunctionalGrade | None = None) -> TalentFacts:
    return TalentFacts(status=EmploymentStatus.PNS, level=level, functional_grade=grade)


LV = PositionLevel


@pytest.mark.parametrize(
    ("talent", "target", "critical", "c1", "allowed"),
    [
        pytest.param(holder(LV.ADMINISTRATOR), LV.JPT_PRATAMA, False, None, True,
                     id="binjai-2023:P1(15) administrator to JPT Pratama, one level up"),
        pytest.param(holder(LV.EXECUTOR), LV.SUPERVISOR, False, None, True,
                     id="binjai-2023:P1(15) executor to supervisor, one level up"),
        pytest.param(holder(LV.SUPERVISOR), LV.ADMINISTRATOR, False, None, True,
                     id="binjai-2023:P1(15) supervisor to administrator, one level up"),
        pytest.param(holder(LV.SUPERVISOR), LV.JPT_PRATAMA, False, None, False,
                     id="binjai-2023:P1(15) supervisor to JPT Pratama, two levels up"),
        pytest.param(holder(LV.ADMINISTRATOR), LV.ADMINISTRATOR, False, None, False,
                     id="binjai-2023:P1(15) administrator to administrator, the same level"),
        pytest.param(holder(LV.JPT_PRATAMA), LV.ADMINISTRATOR, False, None, False,
                     id="binjai-2023:P1(15) JPT Pratama to administrator, a level down"),
        pytest.param(holder(LV.SUPERVISOR), LV.JPT_PRATAMA, True, None, True,
                     id="binjai-2023:P1(15) any level to a critical position"),
        pytest.param(holder(LV.ADMINISTRATOR), LV.FUNCTIONAL, False, None, False,
                     id="binjai-2023:P1(15) a functional target that is not critical"),
        pytest.param(holder(LV.FUNCTIONAL, FunctionalGrade.AHLI_MUDA), LV.JPT_PRATAMA, False,
                     None, True, id="binjai-2023:P1(15) C1 Ahli Muda = administrator, to JPT"),
        pytest.param(holder(LV.FUNCTIONAL, FunctionalGrade.AHLI_PERTAMA), LV.ADMINISTRATOR,
                     False, None, True,
                     id="binjai-2023:P1(15) C1 Ahli Pertama = supervisor, to administrator"),
        pytest.param(holder(LV.FUNCTIONAL, FunctionalGrade.AHLI_PERTAMA), LV.JPT_PRATAMA,
                     False, None, False, id="binjai-2023:P1(15) C1 Ahli Pertama to JPT, two up"),
        pytest.param(holder(LV.FUNCTIONAL, FunctionalGrade.PENYELIA), LV.SUPERVISOR, False,
                     None, False, id="binjai-2023:P1(15) C1 a skill grade has no equivalent"),
        pytest.param(holder(LV.FUNCTIONAL, FunctionalGrade.AHLI_MUDA), LV.JPT_PRATAMA, False,
                     "no-equivalent", False,
                     id="binjai-2023:P1(15) C1=no-equivalent Ahli Muda to a JPT not critical"),
        pytest.param(holder(LV.FUNCTIONAL, FunctionalGrade.AHLI_MUDA), LV.JPT_PRATAMA, True,
                     "no-equivalent", True,
                     id="binjai-2023:P1(15) C1=no-equivalent Ahli Muda to a critical JPT"),
        pytest.param(TalentFacts(status=EmploymentStatus.PNS), LV.SUPERVISOR, False, None,
                     False, id="binjai-2023:P1(15) no position held"),
    ],
)  # fmt: skip
def test_a_binjai_target_is_one_level_higher_or_critical(
    talent: TalentFacts, target: PositionLevel, critical: bool, c1: str | None, allowed: bool
) -> None:
    pack = binjai.PACK.with_readings(C1=c1) if c1 else binjai.PACK
    plan_ = SuccessionPlan.declare(
        "kota-binjai",
        "Jabatan Target",
        "Bappeda",
        target,
        uuid4() if critical else None,
        TargetStatus.VACANT,
        pack,
        stamp(Role.TALENT_TEAM),
    )

    def nominate() -> Nomination:
        return plan_.nominate(
            A, assessment(A, 9), "alasan", pack, stamp(Role.PPK), talent=talent, group=decreed(A)
        )

    if allowed:
        assert nominate().box == 9
        return
    with pytest.raises(TalentRefusal) as refused:
        nominate()
    assert (refused.value.code, refused.value.citation) == (
        "target-not-one-level-up",
        "binjai-2023:P1(15)",
    )
    assert f"C1={pack.reading(ReadingId.C1).chosen}" in refused.value.message.en


def test_balikpapan_sets_no_target_level() -> None:
    """balikpapan-2022 is not judged on the target's level: only Binjai P1(15) is in the pack."""
    made = plan("balikpapan").nominate(
        A,
        assessment(A, 9, balikpapan.PACK),
        "alasan",
        balikpapan.PACK,
        stamp(Role.TALENT_TEAM),
        talent=holder(LV.EXECUTOR),
        group=None,
    )
    assert made.box == 9


def nominated(city: str, *nips: str) -> SuccessionPlan:
    target = plan(city)
    for nip in nips:
        target.nominate(
            nip,
            assessment(nip, 9, PACKS[city]),
            "alasan",
            PACKS[city],
            stamp(NOMINATOR[city]),
            talent=PNS,
            group=decreed(*nips),
        )
    return target


def team_group(
    members: list[NominatedMember], role: Role = Role.TALENT_TEAM, city: str = "balikpapan"
) -> NominatedGroup:
    return NominatedGroup.set(
        f"kota-{city}", "2025", members, "BA-TMT/1/2025", PACKS[city], stamp(role, ON)
    )


def test_the_balikpapan_team_sets_the_group_from_its_nominations() -> None:
    target = nominated("balikpapan", A, B)
    members = [
        NominatedMember(plan_id=target.id, nip=n, nomination=target.nominations[n]) for n in (A, B)
    ]
    group = team_group(members)
    (event,) = group.collect_events()
    assert isinstance(event, NominatedGroup.GroupNominated)
    assert group.id == nominated_group_id("kota-balikpapan", "2025")
    assert group.as_group == decreed(A, B, reference="BA-TMT/1/2025")
    assert event.envelope["actor"]["role"] == Role.TALENT_TEAM


@pytest.mark.parametrize(
    ("case", "city", "role", "code", "citation"),
    [
        pytest.param("ok", "binjai", Role.TALENT_TEAM, "no-nominated-group-step",
                     "binjai-2023:P29(3)", id="binjai-2023:P29(3) the PPK decrees the group"),
        pytest.param("ok", "balikpapan", Role.PPK, "wrong-group-nominator",
                     "balikpapan-2022:P16(2)", id="balikpapan-2022:P16(2) set by the talent team"),
        pytest.param("not nominated", "balikpapan", Role.TALENT_TEAM,
                     "group-not-from-nominations", "balikpapan-2022:P16(2)",
                     id="balikpapan-2022:P16(2) a talent without a nomination"),
        pytest.param("nominated later", "balikpapan", Role.TALENT_TEAM,
                     "group-not-from-nominations", "balikpapan-2022:P16(2)",
                     id="balikpapan-2022:P16(2) a nomination dated after the group"),
        pytest.param("twice", "balikpapan", Role.TALENT_TEAM, "group-not-from-nominations",
                     "balikpapan-2022:P16(2)", id="balikpapan-2022:P16(2) a talent listed twice"),
        pytest.param("empty", "balikpapan", Role.TALENT_TEAM, "group-not-from-nominations",
                     "balikpapan-2022:P16(2)", id="balikpapan-2022:P16(2) an empty group"),
    ],
)  # fmt: skip
def test_the_team_group_is_refused_citing_the_article(
    case: str, city: str, role: Role, code: str, citation: str
) -> None:
    target = nominated(city, A)
    made = target.nominations[A]
    member = NominatedMember(plan_id=target.id, nip=A, nomination=made)
    members = {
        "ok": [member],
        "not nominated": [member, NominatedMember(plan_id=target.id, nip=B, nomination=None)],
        "nominated later": [
            member.model_copy(
                update={"nomination": made.model_copy(update={"nominated_on": date(2025, 4, 8)})}
            )
        ],
        "twice": [member, member],
        "empty": [],
    }[case]
    with pytest.raises(TalentRefusal) as refused:
        team_group(members, role, city)
    assert (refused.value.code, refused.value.citation) == (code, citation)
