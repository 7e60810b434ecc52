"""The workload generator: deterministic from its seed, and every record consistent with itself
and with the rules an import checks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from domain.values import Nip, PositionLevel
from domain.values.grade import ORDER
from domain.values.nip import MIN_APPOINTMENT_AGE
from services.demo import AS_OF, Career, careers, write_agency
from services.demo.careers import (
    CEILING,
    ENTRY_GRADE,
    GRADUATION_AGE,
    LEVEL_CEILING,
    PROMOTION_YEARS,
    RETIREMENT_AGE,
)
from services.demo.units import unit_sizes
from services.importing import PersonnelFiles, parse_personnel

SAMPLE = 600


@pytest.fixture(scope="module")
def sample() -> list[Career]:
    return list(careers(SAMPLE, seed=7))


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _files(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


def test_the_same_seed_writes_identical_bytes(tmp_path: Path) -> None:
    write_agency(tmp_path / "a", 300, seed=11, agency_name="Pemerintah Kota Madiun")
    write_agency(tmp_path / "b", 300, seed=11, agency_name="Pemerintah Kota Madiun")
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_a_different_seed_writes_different_data(tmp_path: Path) -> None:
    write_agency(tmp_path / "a", 300, seed=11, agency_name="Pemerintah Kota Madiun")
    write_agency(tmp_path / "b", 300, seed=12, agency_name="Pemerintah Kota Madiun")
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert first.keys() == second.keys()
    assert first["data_utama.csv"] != second["data_utama.csv"]


def test_the_export_imports_without_a_single_refused_row(tmp_path: Path) -> None:
    summary = write_agency(tmp_path, SAMPLE, seed=3, agency_name="Pemerintah Kota Madiun")
    parsed = parse_personnel(PersonnelFiles.in_directory(tmp_path), "kota-madiun")
    assert parsed.errors == []
    assert len(parsed.facts) == SAMPLE
    assert parsed.rows_read == sum(summary.rows.values())
    assert summary.rows["rw_skp22"] > 0 and summary.rows["rw_golongan"] > SAMPLE


def test_every_nip_is_valid_unique_and_agrees_with_birth_and_appointment(
    sample: list[Career],
) -> None:
    assert len({career.nip for career in sample}) == len(sample)
    for career in sample:
        nip = Nip(career.nip)
        assert nip.birth_date == career.born
        assert nip.appointment_year == career.appointed.year
        assert nip.is_pppk == (career.status == "PPPK")
        if not nip.is_pppk:
            assert nip.appointment_month == career.appointed.month
        assert (nip.sex.value == "M") == career.male
        assert _age(career.born, career.appointed) >= MIN_APPOINTMENT_AGE


def test_education_was_completed_at_a_possible_age_and_before_the_export(
    sample: list[Career],
) -> None:
    for career in sample:
        assert career.graduated - career.born.year >= GRADUATION_AGE[career.education]
        assert career.graduated < AS_OF.year
        if career.education == career.entry_education:
            assert career.graduated <= career.appointed.year
        else:
            assert career.graduated > career.appointed.year  # a degree earned in service


def test_grades_start_at_the_entry_grade_and_rise_one_step_per_four_years(
    sample: list[Career],
) -> None:
    for career in sample:
        if career.status == "PPPK":
            assert career.grades == []
            continue
        first_grade, first_start = career.grades[0]
        assert first_grade == ENTRY_GRADE[career.entry_education]
        assert first_start == career.appointed
        ceiling = max(
            ORDER.index(CEILING[career.education]),
            ORDER.index(LEVEL_CEILING.get(career.level, "I/a")),
        )
        for (lower, since), (higher, start) in zip(career.grades, career.grades[1:], strict=False):
            assert ORDER.index(higher) == ORDER.index(lower) + 1
            assert start >= since.replace(year=since.year + PROMOTION_YEARS)
            assert start.month in (4, 10) and start.day == 1
        assert ORDER.index(career.grades[-1][0]) <= ceiling
        assert career.grades[-1][1] <= AS_OF


def test_everyone_is_of_working_age_and_in_a_position_since_appointment(
    sample: list[Career],
) -> None:
    for career in sample:
        assert _age(career.born, AS_OF) < RETIREMENT_AGE
        assert career.positions[0].start == career.appointed
        starts = [spell.start for spell in career.positions]
        assert starts == sorted(starts) and starts[-1] <= AS_OF


def test_structural_posts_go_to_senior_graduates(sample: list[Career]) -> None:
    heads = [c for c in sample if c.level is PositionLevel.JPT_PRATAMA]
    administrators = [c for c in sample if c.level is PositionLevel.ADMINISTRATOR]
    assert heads and administrators
    for career in heads:
        assert career.education in ("S2", "S3")
        assert ORDER.index(career.grades[-1][0]) >= ORDER.index("III/d")
    for career in administrators:
        assert career.education in ("S1", "S2", "S3")
        assert (AS_OF - career.appointed).days >= 13 * 365


def test_an_agency_is_cut_into_units_of_regional_office_size() -> None:
    sizes = unit_sizes(8_000)
    assert sum(sizes) == 8_000
    assert 40 <= len(sizes) <= 50
    assert max(sizes) - min(sizes) <= 1
