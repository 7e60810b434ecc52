"""Rulebook A2: the nine-box grid and the follow-up recommendations of each pack."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.rules.core import ReadingId, ReadingUse, RuleRefusal
from domain.rules.ninebox import GRID, Performance, Potential
from domain.rules.ninebox import Recommendation as R
from domain.rules.registry import get_pack

A, M, B = Performance.ABOVE, Performance.MEETS, Performance.BELOW
H, MID, L = Potential.HIGH, Potential.MIDDLE, Potential.LOW


@pytest.mark.parametrize(
    ("performance", "potential", "box", "label_id", "label_en"),
    [
        pytest.param(
            A, L, 4, "di atas ekspektasi dan potensial rendah", "above", id="Lampiran 1 box 4"
        ),
        pytest.param(
            A, MID, 7, "di atas ekspektasi dan potensial menengah", "above", id="Lampiran 1 box 7"
        ),
        pytest.param(
            A, H, 9, "di atas ekspektasi dan potensial tinggi", "above", id="Lampiran 1 box 9"
        ),
        pytest.param(
            M, L, 2, "sesuai ekspektasi dan potensial rendah", "meets", id="Lampiran 1 box 2"
        ),
        pytest.param(
            M,
            MID,
            5,
            "sesuai ekspektasi dan potensial menengah",
            "meets",
            id="Lampiran 1 box 5 (D6)",
        ),
        pytest.param(
            M, H, 8, "sesuai ekspektasi dan potensial tinggi", "meets", id="Lampiran 1 box 8 (D6)"
        ),
        pytest.param(
            B, L, 1, "di bawah ekspektasi dan potensial rendah", "below", id="Lampiran 1 box 1"
        ),
        pytest.param(
            B,
            MID,
            3,
            "di bawah ekspektasi dan potensial menengah",
            "below",
            id="Lampiran 1 box 3 (D6)",
        ),
        pytest.param(
            B, H, 6, "di bawah ekspektasi dan potensial tinggi", "below", id="Lampiran 1 box 6 (D6)"
        ),
    ],
)
@pytest.mark.parametrize("pack_id", ["binjai-2023", "balikpapan-2022"])
def test_grid_and_category_from_position(
    pack_id: str,
    performance: Performance,
    potential: Potential,
    box: int,
    label_id: str,
    label_en: str,
) -> None:
    placement = get_pack(pack_id).place(performance, potential)
    assert placement.box == box
    assert placement.category.id == f"Kinerja {label_id}"
    assert label_en in placement.category.en
    assert placement.succession_group is (box in (7, 8, 9))


BOTH = {
    5: (R.SUITABLE_PLACEMENT, R.PERFORMANCE_COACHING, R.COMPETENCY_DEVELOPMENT),
    4: (R.ROTATION, R.COMPETENCY_DEVELOPMENT),
    3: (
        R.PERFORMANCE_COACHING,
        R.PERFORMANCE_COUNSELLING,
        R.COMPETENCY_DEVELOPMENT,
        R.SUITABLE_PLACEMENT,
    ),
    2: (R.PERFORMANCE_COACHING, R.COMPETENCY_DEVELOPMENT, R.SUITABLE_PLACEMENT),
    1: (R.PROCESSED_UNDER_LAW,),
}


@pytest.mark.parametrize(
    ("pack_id", "box", "expected"),
    [
        pytest.param(
            "balikpapan-2022",
            9,
            (R.PROMOTE_AND_RETAIN, R.SUCCESSION_GROUP_REGIONAL_NATIONAL, R.AWARD),
            id="balikpapan-2022:Lampiran II box 9 regional/national",
        ),
        pytest.param(
            "binjai-2023",
            9,
            (R.PROMOTE_AND_RETAIN, R.SUCCESSION_GROUP_AGENCY_NATIONAL, R.AWARD),
            id="binjai-2023:Lampiran 2 box 9 agency/national",
        ),
        pytest.param(
            "balikpapan-2022",
            8,
            (
                R.RETAIN,
                R.SUCCESSION_GROUP_REGIONAL,
                R.ROTATION_OR_JOB_ENLARGEMENT,
                R.PERFORMANCE_COACHING,
            ),
            id="balikpapan-2022:Lampiran II box 8 regional",
        ),
        pytest.param(
            "binjai-2023",
            8,
            (
                R.RETAIN,
                R.SUCCESSION_GROUP_AGENCY_NATIONAL,
                R.ROTATION_OR_JOB_ENLARGEMENT,
                R.PERFORMANCE_COACHING,
            ),
            id="binjai-2023:Lampiran 2 box 8 agency/national",
        ),
        pytest.param(
            "balikpapan-2022",
            7,
            (
                R.RETAIN,
                R.SUCCESSION_GROUP_REGIONAL,
                R.ROTATION_OR_JOB_ENLARGEMENT,
                R.COMPETENCY_DEVELOPMENT,
                R.STUDY_ASSIGNMENT,
            ),
            id="balikpapan-2022:Lampiran II box 7 job enlargement",
        ),
        pytest.param(
            "binjai-2023",
            7,
            (
                R.RETAIN,
                R.SUCCESSION_GROUP_AGENCY_NATIONAL,
                R.ROTATION_OR_JOB_ENRICHMENT,
                R.COMPETENCY_DEVELOPMENT,
                R.STUDY_ASSIGNMENT,
            ),
            id="binjai-2023:Lampiran 2 box 7 job enrichment",
        ),
        pytest.param(
            "balikpapan-2022",
            6,
            (R.SUITABLE_PLACEMENT, R.PERFORMANCE_COACHING, R.COMPETENCY_DEVELOPMENT),
            id="balikpapan-2022:Lampiran II box 6 competency development",
        ),
        pytest.param(
            "binjai-2023",
            6,
            (R.SUITABLE_PLACEMENT, R.PERFORMANCE_COACHING, R.PERFORMANCE_COUNSELLING),
            id="binjai-2023:Lampiran 2 box 6 performance counselling",
        ),
        *(
            pytest.param(pack_id, box, expected, id=f"{pack_id}:Lampiran box {box} same")
            for box, expected in BOTH.items()
            for pack_id in ("binjai-2023", "balikpapan-2022")
        ),
    ],
)
def test_recommendations_per_box(pack_id: str, box: int, expected: tuple[R, ...]) -> None:
    pack = get_pack(pack_id)
    performance, potential = next(cell for cell, number in GRID.items() if number == box)
    placement = pack.place(performance, potential)
    assert placement.recommendations == expected
    for recommendation in placement.recommendations:
        assert recommendation.label.id and recommendation.label.en


@pytest.mark.parametrize(
    ("pack_id", "box", "citations"),
    [
        pytest.param(
            "binjai-2023",
            9,
            (
                "binjai-2023:Lampiran 1",
                "binjai-2023:Lampiran 2",
                "binjai-2023:P21",
                "binjai-2023:P22",
                "binjai-2023:P1(19)",
            ),
            id="binjai-2023:P21-22 succession group",
        ),
        pytest.param(
            "binjai-2023",
            6,
            ("binjai-2023:Lampiran 1", "binjai-2023:Lampiran 2"),
            id="binjai-2023:Lampiran 1-2 outside the group",
        ),
        pytest.param(
            "balikpapan-2022",
            7,
            (
                "balikpapan-2022:Lampiran I",
                "balikpapan-2022:Lampiran II",
                "balikpapan-2022:P15",
                "balikpapan-2022:P1(15)",
            ),
            id="balikpapan-2022:P15 succession group",
        ),
    ],
)
def test_citations(pack_id: str, box: int, citations: tuple[str, ...]) -> None:
    performance, potential = next(cell for cell, number in GRID.items() if number == box)
    assert get_pack(pack_id).place(performance, potential).citations == citations


def test_readings_reported() -> None:
    assert get_pack("binjai-2023").place(M, H).readings_used == (
        ReadingUse(id=ReadingId.D6, option="grid-position"),
    )
    assert get_pack("balikpapan-2022").place(M, H).readings_used == ()


def test_binjai_records_the_lampiran_label_defect() -> None:
    (note,) = get_pack("binjai-2023").notes
    assert "8, 6, 5, 3" in note.id and "8, 6, 5, 3" in note.en
    assert get_pack("balikpapan-2022").notes == ()


def test_madiun_has_no_nine_box() -> None:
    with pytest.raises(RuleRefusal) as refused:
        get_pack("madiun-2021").place(A, H)
    assert refused.value.code == "no-nine-box"
    assert "Talent Pool" in refused.value.message.id
    assert "nine-box" in refused.value.message.en


@given(st.sampled_from(list(Performance)), st.sampled_from(list(Potential)))
def test_every_pair_gives_one_box(performance: Performance, potential: Potential) -> None:
    for pack_id in ("binjai-2023", "balikpapan-2022"):
        placement = get_pack(pack_id).place(performance, potential)
        assert 1 <= placement.box <= 9
        assert (placement.performance, placement.potential) == (performance, potential)


def test_grid_is_a_bijection() -> None:
    cells = [(p, q) for p in Performance for q in Potential]
    assert sorted(GRID[cell] for cell in cells) == list(range(1, 10))
    assert len(GRID) == 9
