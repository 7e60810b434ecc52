"""Packs, agencies and the pack in force on a decision's date (Part D readings per pack)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from domain.agencies import AGENCIES, get_agency
from domain.rules import readings
from domain.rules.core import Citation, PackNotInForce, ReadingId, RuleRefusal, UnknownPack
from domain.rules.registry import PACKS, get_pack, pack_for, pack_in_force
from domain.values import InvalidValue


@pytest.mark.parametrize(
    ("name", "day", "in_force"),
    [
        pytest.param(
            "balikpapan-2022",
            date(2024, 12, 31),
            False,
            id="balikpapan-2022:P28 2024-12-31 refused",
        ),
        pytest.param(
            "kota-balikpapan", date(2025, 1, 1), True, id="balikpapan-2022:P28 2025-01-01 accepted"
        ),
        pytest.param("binjai-2023", date(2023, 4, 9), False, id="binjai-2023:P38 day before"),
        pytest.param("kota-binjai", date(2023, 4, 10), True, id="binjai-2023:P38 in force"),
        pytest.param("madiun-2021", date(2021, 11, 11), False, id="madiun-2021:P31 day before"),
        pytest.param("kota-madiun", date(2021, 11, 12), True, id="madiun-2021:P31 in force"),
    ],
)
def test_pack_in_force(name: str, day: date, in_force: bool) -> None:
    pack = pack_for(name)
    if in_force:
        assert pack_in_force(name, day) is pack
        return
    with pytest.raises(PackNotInForce) as refused:
        pack_in_force(name, day)
    assert refused.value.code == "pack-not-in-force"
    assert refused.value.citation == pack.in_force_citation
    assert pack.in_force.isoformat() in refused.value.message.id
    assert pack.in_force.isoformat() in refused.value.message.en


def test_unknown_pack_is_refused() -> None:
    with pytest.raises(UnknownPack) as refused:
        get_pack("surabaya-2020")
    assert refused.value.code == "unknown-pack"
    assert isinstance(refused.value, RuleRefusal)


@pytest.mark.parametrize(
    ("agency", "pack_id", "zone"),
    [
        pytest.param("kota-binjai", "binjai-2023", "Asia/Jakarta", id="binjai WIB"),
        pytest.param("kota-balikpapan", "balikpapan-2022", "Asia/Makassar", id="balikpapan WITA"),
        pytest.param("kota-madiun", "madiun-2021", "Asia/Jakarta", id="madiun WIB"),
    ],
)
def test_agencies(agency: str, pack_id: str, zone: str) -> None:
    found = get_agency(agency)
    assert (found.pack_id, found.time_zone) == (pack_id, zone)
    assert pack_id in PACKS
    assert get_pack(pack_id).time_zone == zone


def test_local_date_follows_the_agency_time_zone() -> None:
    moment = datetime(2024, 12, 31, 16, 30, tzinfo=UTC)
    assert get_agency("kota-madiun").local_date(moment) == date(2024, 12, 31)
    assert get_agency("kota-balikpapan").local_date(moment) == date(2025, 1, 1)
    with pytest.raises(InvalidValue):
        get_agency("kota-madiun").local_date(datetime(2024, 1, 1))


def test_unknown_agency() -> None:
    with pytest.raises(InvalidValue, match="unknown agency"):
        get_agency("kota-x")
    assert set(AGENCIES) == {"kota-binjai", "kota-balikpapan", "kota-madiun"}


@pytest.mark.parametrize(
    ("pack_id", "ids"),
    [
        pytest.param("binjai-2023", ("D1", "D6", "D7", "C1"), id="binjai-2023 readings"),
        pytest.param("balikpapan-2022", ("D7", "C2"), id="balikpapan-2022 readings"),
        pytest.param(
            "madiun-2021",
            ("D2", "D3", "D4", "D5", "D7", "M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8"),
            id="madiun-2021 readings",
        ),
    ],
)
def test_each_pack_carries_its_readings(pack_id: str, ids: tuple[str, ...]) -> None:
    pack = get_pack(pack_id)
    assert tuple(r.id for r in pack.readings) == ids
    for reading in pack.readings:
        assert reading.chosen == getattr(readings, reading.id).chosen
        assert reading.documentation and reading.question.id and reading.question.en


@pytest.mark.parametrize(
    ("reading", "default"),
    [
        pytest.param(ReadingId.D1, "a-and-b-or-c", id="D1 binjai-2023:P25(2)"),
        pytest.param(ReadingId.D2, "alternatives", id="D2 madiun-2021:P10(2)(b)"),
        pytest.param(ReadingId.D3, "p18-thresholds", id="D3 madiun-2021:P15(2)"),
        pytest.param(ReadingId.D4, "registration-closing-date", id="D4 madiun-2021:P30(3)"),
        pytest.param(ReadingId.D5, "two-calendar-years", id="D5 madiun-2021:P10(1)(e)"),
        pytest.param(ReadingId.D6, "grid-position", id="D6 binjai-2023:Lampiran"),
        pytest.param(ReadingId.D7, "calendar-years", id="D7 n tahun"),
        pytest.param(ReadingId.C1, "grade-equivalent", id="C1 binjai-2023:P1(15), P25(1)"),
        pytest.param(ReadingId.C2, "box9-outside-group", id="C2 balikpapan-2022:P23(3)"),
        pytest.param(ReadingId.M1, "all-offices", id="M1 madiun-2021:P8(2)"),
        pytest.param(ReadingId.M2, "strict", id="M2 madiun-2021:P24 angka 4"),
        pytest.param(ReadingId.M3, "required", id="M3 madiun-2021:P13(2)"),
        pytest.param(ReadingId.M4, "since-announcement", id="M4 madiun-2021:P10(1)(g)-(h)"),
        pytest.param(ReadingId.M5, "from-last-day", id="M5 madiun-2021:P10(1)(f)"),
        pytest.param(ReadingId.M6, "refused", id="M6 madiun-2021:P22(2)"),
        pytest.param(ReadingId.M7, "latest-kurang-or-worse", id="M7 madiun-2021:P30(5)(b)"),
        pytest.param(ReadingId.M8, "any-past-spell", id="M8 madiun-2021:P10(1)(b)"),
    ],
)
def test_reading_defaults(reading: ReadingId, default: str) -> None:
    assert getattr(readings, reading).chosen == default


def test_with_readings_leaves_the_original_pack_alone() -> None:
    pack = get_pack("madiun-2021")
    changed = pack.with_readings(D2="both")
    assert changed.reading(ReadingId.D2).chosen == "both"
    assert pack.reading(ReadingId.D2).chosen == "alternatives"
    with pytest.raises(RuleRefusal) as refused:
        pack.with_readings(D1="all")
    assert refused.value.code == "reading-not-in-pack"


@pytest.mark.parametrize(
    ("raw", "pack", "article"),
    [
        pytest.param("madiun-2021:P19(3)", "madiun-2021", "P19(3)", id="P19(3)"),
        pytest.param("binjai-2023:Lampiran 2", "binjai-2023", "Lampiran 2", id="Lampiran 2"),
    ],
)
def test_citation(raw: str, pack: str, article: str) -> None:
    citation = Citation(raw)
    assert (citation.pack, citation.article) == (pack, article)


@pytest.mark.parametrize("raw", ["P19(3)", "madiun:P19", "madiun-2021:", "Madiun-2021:P1"])
def test_malformed_citation(raw: str) -> None:
    with pytest.raises(ValueError, match="citation must be"):
        Citation(raw)
