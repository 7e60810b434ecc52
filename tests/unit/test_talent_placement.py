"""Placement from a succession plan under both packs: box 9 placed directly (Balikpapan P23(3)) or
only considered (Binjai P31(3)), cross-unit placement cited, non-successors refused, only talents
of the decreed group placed (Binjai P32, Balikpapan P17(3); reading C2 for a direct box 9), and
in Binjai only a PNS (P1(12))."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from domain.envelope import Actor, Basis, Envelope, Role
from domain.personnel.facts import EmploymentStatus
from domain.rules import balikpapan, binjai
from domain.talent.errors import TalentRefusal
from domain.talent.placement import Candidate, Decree, Placement, Target, placement_id
from domain.talent.succession_values import DecreedGroup, TalentFacts
from domain.values import PositionLevel

SUCCESSOR, OUTSIDER = "198001012005011001", "198502022010012002"
PACKS = {"binjai-2023": binjai.CYCLE, "balikpapan-2022": balikpapan.CYCLE}
GROUP = {
    "binjai-2023": ("binjai-2023:P21", "binjai-2023:P22", "binjai-2023:P1(19)"),
    "balikpapan-2022": ("balikpapan-2022:P15", "balikpapan-2022:P1(15)"),
}
GROUP_CROSS = {"binjai-2023": "binjai-2023:P23", "balikpapan-2022": "balikpapan-2022:P23(2)"}
PNS = TalentFacts(status=EmploymentStatus.PNS, level=PositionLevel.SUPERVISOR)
# The group the PPK decreed for period 2025: the successor and the box-9 outsider.
DECREED = DecreedGroup(
    period="2025", reference="800/3/2025", members=frozenset({SUCCESSOR, OUTSIDER})
)
DECREE = Decree(number="821/12/2025", decree_date=date(2025, 3, 3), inaugurated_on=date(2025, 3, 5))


def target(critical: bool = True) -> Target:
    return Target(
        plan_id=uuid4(),
        agency="kota-x",
        position="Kepala Bidang Anggaran",
        unit="BPKPD",
        level=PositionLevel.ADMINISTRATOR,
        critical=critical,
    )


def stamp(pack: str) -> Envelope:
    return Envelope(
        actor=Actor(id="walikota", role=Role.PPK, agency="kota-x"),
        effective=DECREE.decree_date,
        basis=Basis(pack=pack),
    )


def candidate(
    nip: str,
    box: int | None,
    from_unit: str = "BPKPD",
    talent: TalentFacts = PNS,
    group: DecreedGroup | None = DECREED,
) -> Candidate:
    return Candidate(
        nip=nip,
        from_unit=from_unit,
        box=box,
        successors=(SUCCESSOR,),
        talent=talent,
        period="2025",
        group=group,
    )


def place(
    pack: str,
    nip: str,
    box: int | None,
    from_unit: str = "BPKPD",
    *,
    talent: TalentFacts = PNS,
    group: DecreedGroup | None = DECREED,
    direct_needs_group: bool = False,
) -> Placement:
    return Placement.place(
        target(),
        candidate(nip, box, from_unit, talent, group),
        DECREE,
        PACKS[pack],
        stamp(pack),
        group_citations=GROUP[pack],
        direct_needs_group=direct_needs_group,
    )


@pytest.mark.parametrize(
    ("case", "pack", "nip", "box", "direct", "cited"),
    [
        ("binjai-2023:P32 ordered successor", "binjai-2023", SUCCESSOR, 8, False, "P32"),
        ("balikpapan-2022:P23(1) ordered successor", "balikpapan-2022", SUCCESSOR, 7, False,
         "P23(1)"),
        ("balikpapan-2022:P23(3) box 9 placed directly", "balikpapan-2022", OUTSIDER, 9, True,
         "P23(3)"),
        ("binjai-2023:P31(3) box 9 in the plan, considered", "binjai-2023", SUCCESSOR, 9, False,
         "P31(3)"),
    ],
)  # fmt: skip
def test_placements_allowed(
    case: str, pack: str, nip: str, box: int, direct: bool, cited: str
) -> None:
    placement = place(pack, nip, box)
    assert placement.direct is direct, case
    assert placement.box == box
    assert placement.id == placement_id(placement.plan_id, nip)
    (placed,) = placement.collect_events()
    assert isinstance(placed, Placement.Placed)
    assert f"{pack}:{cited}" in placed.envelope["basis"]["citations"], case


@pytest.mark.parametrize(
    ("case", "pack", "nip", "box", "code", "citation"),
    [
        ("binjai-2023:P31(3) box 9 only considered", "binjai-2023", OUTSIDER, 9,
         "box9-only-considered", "binjai-2023:P31(3)"),
        ("binjai-2023:P32 not a successor", "binjai-2023", OUTSIDER, 8,
         "not-a-successor", "binjai-2023:P32"),
        ("balikpapan-2022:P23(1) box 8 outside the plan", "balikpapan-2022", OUTSIDER, 8,
         "not-a-successor", "balikpapan-2022:P23(1)"),
        ("balikpapan-2022:P13 never mapped", "balikpapan-2022", SUCCESSOR, None,
         "not-assessed", "balikpapan-2022:P13"),
        ("binjai-2023:P21 successor fell to box 6", "binjai-2023", SUCCESSOR, 6,
         "not-in-succession-boxes", "binjai-2023:P21"),
        ("balikpapan-2022:P15 successor fell to box 5", "balikpapan-2022", SUCCESSOR, 5,
         "not-in-succession-boxes", "balikpapan-2022:P15"),
    ],
)  # fmt: skip
def test_placements_refused(
    case: str, pack: str, nip: str, box: int | None, code: str, citation: str
) -> None:
    with pytest.raises(TalentRefusal) as refused:
        place(pack, nip, box)
    assert refused.value.code == code, case
    assert refused.value.citation == citation, case


@pytest.mark.parametrize(
    ("pack", "from_unit", "cited"),
    [
        pytest.param("binjai-2023", "Dinas Kesehatan", "binjai-2023:P23",
                     id="binjai-2023:P23 mutasi/rotasi antar Perangkat Daerah (P1(19), P12 f)"),
        pytest.param("balikpapan-2022", "Dinas Kesehatan", "balikpapan-2022:P23(2)",
                     id="balikpapan-2022:P23(2) lintas Instansi Daerah"),
        pytest.param("binjai-2023", "BPKPD", None, id="binjai-2023:P32 the same unit cites none"),
        pytest.param("balikpapan-2022", "BPKPD", None,
                     id="balikpapan-2022:P23(1) the same unit cites none"),
    ],
)  # fmt: skip
def test_placement_crosses_units_in_both_packs(
    pack: str, from_unit: str, cited: str | None
) -> None:
    placement = place(pack, SUCCESSOR, 8, from_unit=from_unit)
    (placed,) = placement.collect_events()
    assert isinstance(placed, Placement.Placed)
    assert (placed.from_unit, placed.unit) == (from_unit, "BPKPD")
    citations = placed.envelope["basis"]["citations"]
    assert (cited in citations) if cited else not {GROUP_CROSS[pack]} & set(citations)


def test_box_9_placed_directly_is_in_the_group() -> None:
    """The box check leaves box 9 outside the plan to the pack's box-9 rule (P23(3))."""
    placement = place("balikpapan-2022", OUTSIDER, 9)
    assert placement.direct is True


def test_inauguration_before_the_decree_is_refused() -> None:
    early = DECREE.model_copy(update={"inaugurated_on": date(2025, 3, 1)})
    with pytest.raises(TalentRefusal) as refused:
        Placement.place(
            target(),
            candidate(SUCCESSOR, 8),
            early,
            binjai.CYCLE,
            stamp("binjai-2023"),
            group_citations=GROUP["binjai-2023"],
            direct_needs_group=False,
        )
    assert (refused.value.code, refused.value.citation) == (
        "inaugurated-before-decree",
        "binjai-2023:P32",
    )


def test_nip_spacing_does_not_matter() -> None:
    spaced = "19800101 200501 1 001"
    placement = Placement.place(
        target(),
        candidate(spaced, 7),
        DECREE,
        binjai.CYCLE,
        stamp("binjai-2023"),
        group_citations=GROUP["binjai-2023"],
        direct_needs_group=False,
    )
    assert placement.nip == SUCCESSOR


OTHERS = DecreedGroup(period="2025", reference="800/3/2025", members=frozenset({OUTSIDER}))
PPPK = TalentFacts(status=EmploymentStatus.PPPK, level=PositionLevel.SUPERVISOR)
CPNS = TalentFacts(status=EmploymentStatus.CPNS, level=PositionLevel.SUPERVISOR)


@pytest.mark.parametrize(
    ("pack", "nip", "box", "talent", "group", "c2", "code", "citation"),
    [
        pytest.param("binjai-2023", SUCCESSOR, 8, PNS, DECREED, False, None, None,
                     id="binjai-2023:P32 a successor of the decreed group"),
        pytest.param("binjai-2023", SUCCESSOR, 8, PNS, None, False, "no-decreed-group",
                     "binjai-2023:P32", id="binjai-2023:P32 no group decreed for the period"),
        pytest.param("binjai-2023", SUCCESSOR, 8, PNS, OTHERS, False, "not-in-decreed-group",
                     "binjai-2023:P32", id="binjai-2023:P32 a successor outside the decree"),
        pytest.param("balikpapan-2022", SUCCESSOR, 7, PNS, OTHERS, False,
                     "not-in-decreed-group", "balikpapan-2022:P17(3)",
                     id="balikpapan-2022:P17(3) a successor outside the decree"),
        pytest.param("balikpapan-2022", SUCCESSOR, 7, PNS, None, False, "no-decreed-group",
                     "balikpapan-2022:P17(3)", id="balikpapan-2022:P17(3) no group decreed"),
        pytest.param("balikpapan-2022", OUTSIDER, 9, PNS, None, False, None, None,
                     id="balikpapan-2022:P23(3) C2=box9-outside-group box 9 placed directly"),
        pytest.param("balikpapan-2022", OUTSIDER, 9, PNS, None, True, "no-decreed-group",
                     "balikpapan-2022:P17(3)",
                     id="balikpapan-2022:P17(3) C2=decreed-group box 9 needs the decree"),
        pytest.param("balikpapan-2022", OUTSIDER, 9, PNS, DECREED, True, None, None,
                     id="balikpapan-2022:P17(3) C2=decreed-group box 9 of the decree"),
        pytest.param("binjai-2023", SUCCESSOR, 8, PPPK, DECREED, False, "not-a-talent",
                     "binjai-2023:P1(12)", id="binjai-2023:P1(12) a PPPK is not placed"),
        pytest.param("binjai-2023", SUCCESSOR, 8, CPNS, DECREED, False, "not-a-talent",
                     "binjai-2023:P1(12)", id="binjai-2023:P1(12) a CPNS is not placed"),
        pytest.param("balikpapan-2022", SUCCESSOR, 8, PPPK, DECREED, False, None, None,
                     id="balikpapan-2022:P1(8) a PPPK talent is placed"),
    ],
)  # fmt: skip
def test_placement_follows_the_decreed_group(
    pack: str,
    nip: str,
    box: int,
    talent: TalentFacts,
    group: DecreedGroup | None,
    c2: bool,
    code: str | None,
    citation: str | None,
) -> None:
    if code is None:
        placed = place(pack, nip, box, talent=talent, group=group, direct_needs_group=c2)
        (event,) = placed.collect_events()
        assert isinstance(event, Placement.Placed)
        cited = set(event.envelope["basis"]["citations"])
        assert (PACKS[pack].group_placement_citation in cited) is (not placed.direct or c2)
        return
    with pytest.raises(TalentRefusal) as refused:
        place(pack, nip, box, talent=talent, group=group, direct_needs_group=c2)
    assert (refused.value.code, refused.value.citation) == (code, citation)
