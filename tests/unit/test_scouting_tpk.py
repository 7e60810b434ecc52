"""The performance review board's composition (madiun-2021 P8): five offices by the mayor's
decree, the regional secretary in the chair, an odd number, each person once; reading M1."""

from __future__ import annotations

from datetime import date

import pytest

from domain.rules.core import ReadingId, ReadingUse
from domain.rules.madiun import PACK
from domain.scouting.errors import ScoutingRefusal
from domain.scouting.tpk import TpkMember, TpkOffice, TpkSession

SEKDA, BKPSDM, INSPEKTUR, PEMERINTAHAN, ADMINISTRASI = TpkOffice


def holder(office: TpkOffice, name: str = "") -> TpkMember:
    return TpkMember(name=name or f"Pejabat {office.value}", office=office)


def deputy(office: TpkOffice, letter: str = "800/5/401.012/2025") -> TpkMember:
    return TpkMember(name=f"Wakil {office.value}", office=office, deputy=True, deputy_letter=letter)


def session(*members: TpkMember) -> TpkSession:
    return TpkSession(
        minutes_number="BA/7/2025",
        minutes_date=date(2025, 4, 2),
        decree_number="188.45/20/401.012/2025",
        members=members,
    )


FIVE = tuple(holder(office) for office in TpkOffice)


@pytest.mark.parametrize(
    ("option", "members"),
    [
        pytest.param("all-offices", FIVE, id="madiun-2021:P8(2) M1=all-offices the five holders"),
        pytest.param(
            "all-offices",
            (*FIVE[:2], deputy(INSPEKTUR), *FIVE[3:]),
            id="madiun-2021:P8(2) M1=all-offices a deputy with a letter",
        ),
        pytest.param(
            "all-offices",
            (deputy(SEKDA), *FIVE[1:]),
            id="madiun-2021:P8(2)(a) M1=all-offices the Sekda's deputy chairs with a letter",
        ),
        pytest.param(
            "majority-with-chair",
            (holder(SEKDA), holder(BKPSDM), holder(INSPEKTUR)),
            id="madiun-2021:P8(2) M1=majority-with-chair three of five",
        ),
    ],
)
def test_a_board_is_constituted(option: str, members: tuple[TpkMember, ...]) -> None:
    pack = PACK.with_readings(M1=option)
    assert session(*members).ensure_constituted(pack) == ReadingUse(id=ReadingId.M1, option=option)


@pytest.mark.parametrize(
    ("option", "members", "code", "citation"),
    [
        pytest.param(
            "all-offices",
            FIVE[:4],
            "tpk-quorum",
            "madiun-2021:P8(2)",
            id="madiun-2021:P8(2) M1=all-offices one office absent",
        ),
        pytest.param(
            "all-offices",
            FIVE[1:],
            "tpk-chair",
            "madiun-2021:P8(2)(a)",
            id="madiun-2021:P8(2)(a) no Sekda in the chair",
        ),
        pytest.param(
            "all-offices",
            (*FIVE[:4], holder(ADMINISTRASI, name="Pejabat sekda")),
            "tpk-member-twice",
            "madiun-2021:P8(2)",
            id="madiun-2021:P8(2) one person listed for two offices",
        ),
        pytest.param(
            "all-offices",
            (*FIVE, holder(INSPEKTUR, name="Irban")),
            "tpk-office-twice",
            "madiun-2021:P8(2)",
            id="madiun-2021:P8(2) one office filled twice",
        ),
        pytest.param(
            "all-offices",
            (*FIVE[:2], deputy(INSPEKTUR, letter=" "), *FIVE[3:]),
            "tpk-deputy-letter",
            "madiun-2021:P8(2)",
            id="madiun-2021:P8(2) a deputy without a letter",
        ),
        pytest.param(
            "majority-with-chair",
            (holder(SEKDA), holder(BKPSDM)),
            "tpk-quorum",
            "madiun-2021:P8(2)",
            id="madiun-2021:P8(2) M1=majority-with-chair two of five",
        ),
        pytest.param(
            "majority-with-chair",
            FIVE[:4],
            "tpk-even",
            "madiun-2021:P8(2)",
            id="madiun-2021:P8(2) M1=majority-with-chair four is even",
        ),
        pytest.param(
            "majority-with-chair",
            (holder(BKPSDM), holder(INSPEKTUR), holder(PEMERINTAHAN)),
            "tpk-chair",
            "madiun-2021:P8(2)(a)",
            id="madiun-2021:P8(2)(a) M1=majority-with-chair three without the Sekda",
        ),
    ],
)
def test_a_board_is_refused(
    option: str, members: tuple[TpkMember, ...], code: str, citation: str
) -> None:
    with pytest.raises(ScoutingRefusal) as refused:
        session(*members).ensure_constituted(PACK.with_readings(M1=option))
    assert (refused.value.code, refused.value.citation) == (code, citation)
    assert refused.value.message.id and refused.value.message.en


def test_the_same_person_is_recognised_whatever_the_spacing_and_case() -> None:
    twice = (*FIVE[:4], holder(ADMINISTRASI, name="  PEJABAT   SEKDA "))
    with pytest.raises(ScoutingRefusal) as refused:
        session(*twice).ensure_constituted()
    assert refused.value.code == "tpk-member-twice"
