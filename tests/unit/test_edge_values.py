"""Values out of range refused where they enter: a graduation year beyond any career in a
personnel export refuses its row with the line and the reason; the rest imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.test_import_parsing import MAIN, SITI, _only_error, _parse

GOOD = MAIN | {
    "nipBaru": SITI,
    "tglLahir": "25-07-1983",
    "jenisKelamin": "F",
    "golRuangAkhir": "III/c",
    "pangkatAkhir": "Penata",
}


@pytest.mark.parametrize("year", [str(10**26), "1899", "2101"])
def test_a_graduation_year_beyond_any_career_refuses_its_row(tmp_path: Path, year: str) -> None:
    result = _parse(tmp_path, GOOD, MAIN | {"tahunLulus": year})

    assert [str(facts.nip) for facts in result.facts] == [SITI]
    file, line, message = _only_error(result)
    assert (file, line) == ("data_utama.csv", 3)
    assert "year" in message


def test_a_graduation_year_within_a_career_is_kept(tmp_path: Path) -> None:
    result = _parse(tmp_path, MAIN | {"tahunLulus": "1998"})
    assert [entry.year for entry in result.facts[0].education] == [1998]
