"""Value objects: what they accept, how they order, and every refusal."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from pydantic import ValidationError

from domain.values import (
    Appraisal,
    AppraisalRating,
    EducationLevel,
    FunctionalGrade,
    Grade,
    Identity,
    InvalidValue,
    Investigation,
    Nip,
    Penalty,
    PenaltyLevel,
    PositionLevel,
    Sex,
)

# --- NIP ---------------------------------------------------------------------------------------

_TOMORROW = date.today() + timedelta(days=1)
_NEXT_YEAR = date.today().year + 1


def test_a_nip_decodes_birth_date_appointment_sex_and_sequence() -> None:
    nip = Nip("19680509 198809 1 002")

    assert nip == "196805091988091002"
    assert nip.birth_date == date(1968, 5, 9)
    assert (nip.appointment_year, nip.appointment_month) == (1988, 9)
    assert nip.sex is Sex.MALE
    assert nip.sequence == 2
    assert nip.formatted() == "19680509 198809 1 002"


@pytest.mark.parametrize(
    "raw", ["19680509.198809.1.002", "19680509-198809-1-002", 196805091988091002]
)
def test_a_nip_ignores_dots_dashes_and_accepts_a_number(raw: object) -> None:
    assert Nip(raw) == "196805091988091002"


def test_a_female_nip_has_sex_digit_2() -> None:
    assert Nip("198307252006042011").sex is Sex.FEMALE


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("19680509198809100", "18 digit"),
        ("1968050919880910021", "18 digit"),
        ("19680A09198809100X", "18 digit"),
        ("196802301988091002", "birth date 19680230 is not a date"),
        ("196805091988131002", "appointment month 13"),
        ("196805091988001002", "appointment month 00"),
        ("196805091988093002", "sex digit must be 1 or 2"),
        ("196805091988091000", "sequence number cannot be 000"),
        ("196805091986041002", "appointment before age 18"),
        ("209901012120011001", "birth date 01-01-2099 is after today"),
        (f"{_TOMORROW:%Y%m%d}{_TOMORROW.year + 18}011001", "is after today"),
        ("199001012099011001", "appointment year 2099 is after the current year"),
        (f"19900101{_NEXT_YEAR}011001", f"appointment year {_NEXT_YEAR} is after"),
        ("199001012099211001", "appointment year 2099 is after the current year"),  # PPPK
    ],
)
def test_a_nip_is_refused(raw: str, reason: str) -> None:
    with pytest.raises(InvalidValue, match=reason):
        Nip(raw)


def test_a_pppk_nip_carries_21_instead_of_the_appointment_month() -> None:
    nip = Nip("198503022023212001")

    assert nip.is_pppk
    assert (nip.appointment_year, nip.appointment_month) == (2023, None)
    assert nip.sex is Sex.FEMALE
    assert not Nip("196805091988091002").is_pppk


def test_a_pppk_nip_appointed_before_the_18th_birthday_year_is_refused() -> None:
    with pytest.raises(InvalidValue, match="appointment before age 18"):
        Nip("200503022022212001")


def test_appointment_in_the_month_of_the_18th_birthday_is_allowed() -> None:
    assert Nip("196805091986051002").appointment_year == 1986


def test_identity_agrees_with_its_nip() -> None:
    identity = Identity(nip=Nip("198307252006042011"), birth_date=date(1983, 7, 25), sex=Sex.FEMALE)
    assert identity.nip.sex is Sex.FEMALE


@pytest.mark.parametrize(
    ("birth_date", "sex", "reason"),
    [
        (date(1983, 7, 26), Sex.FEMALE, "birth date does not match NIP"),
        (date(1983, 7, 25), Sex.MALE, "sex does not match NIP"),
    ],
)
def test_identity_refuses_disagreement_with_its_nip(
    birth_date: date, sex: Sex, reason: str
) -> None:
    with pytest.raises(ValidationError, match=reason):
        Identity(nip=Nip("198307252006042011"), birth_date=birth_date, sex=sex)


def test_nip_validates_inside_a_model() -> None:
    with pytest.raises(ValidationError, match="18 digits"):
        Identity.model_validate({"nip": "123"})
    assert Identity.model_validate({"nip": 198307252006042011}).model_dump(mode="json") == {
        "nip": "198307252006042011",
        "birth_date": None,
        "sex": None,
    }


# --- grades ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("III/d", "III/d"),
        ("3d", "III/d"),
        ("III.d", "III/d"),
        (" IV - E ", "IV/e"),
        ("1a", "I/a"),
        ("iii/d", "III/d"),
    ],
)
def test_a_grade_parses_the_ways_exports_write_it(raw: str, code: str) -> None:
    assert Grade(raw) == code


@pytest.mark.parametrize(
    ("raw", "reason"),
    [("III/f", "no such grade|unknown grade"), ("V/a", "unknown grade"), ("", "unknown")],
)
def test_a_grade_is_refused(raw: str, reason: str) -> None:
    with pytest.raises(InvalidValue, match=reason):
        Grade(raw)


def test_grades_order_by_seniority_not_alphabetically() -> None:
    ordered = ["I/a", "I/d", "II/a", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/e"]
    assert sorted(Grade(code) for code in reversed(ordered)) == ordered
    assert Grade("IV/a") > Grade("III/d")
    assert Grade("II/d") < "III/a"
    assert Grade("III/c") >= "3c"
    assert Grade("III/c") <= "III/d"


@pytest.mark.parametrize(
    ("code", "title"),
    [
        ("I/a", "Juru Muda"),
        ("I/d", "Juru Tingkat I"),
        ("II/a", "Pengatur Muda"),
        ("II/d", "Pengatur Tingkat I"),
        ("III/a", "Penata Muda"),
        ("III/b", "Penata Muda Tingkat I"),
        ("III/c", "Penata"),
        ("III/d", "Penata Tingkat I"),
        ("IV/a", "Pembina"),
        ("IV/b", "Pembina Tingkat I"),
        ("IV/c", "Pembina Utama Muda"),
        ("IV/d", "Pembina Utama Madya"),
        ("IV/e", "Pembina Utama"),
    ],
)
def test_a_grade_has_its_rank_title(code: str, title: str) -> None:
    assert Grade(code).rank_title == title


# --- education ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "level"),
    [
        ("S-1/Sarjana", EducationLevel.S1),
        ("Sarjana", EducationLevel.S1),
        ("Diploma III", EducationLevel.D3),
        ("D-IV", EducationLevel.D4),
        ("SLTA", EducationLevel.SMA),
        ("SMK", EducationLevel.SMA),
        ("SLTP", EducationLevel.SMP),
        ("SD", EducationLevel.SD),
        ("S-2", EducationLevel.S2),
        ("Doktor", EducationLevel.S3),
        # SIASN's own names
        ("Diploma III/Sarjana Muda", EducationLevel.D3),
        ("Sarjana Muda", EducationLevel.D3),
        ("SLTA Kejuruan", EducationLevel.SMA),
        ("SLTA Keguruan", EducationLevel.SMA),
        ("SMA Sederajat", EducationLevel.SMA),
        ("SLTP Kejuruan", EducationLevel.SMP),
        ("Magister (S2)", EducationLevel.S2),
        ("Diploma IV/S1", EducationLevel.D4),
        ("S-2/Magister", EducationLevel.S2),
        ("S-3/Doktor", EducationLevel.S3),
        ("DIII", EducationLevel.D3),
        ("D-I", EducationLevel.D1),
        ("Diploma II", EducationLevel.D2),
        ("Strata 1", EducationLevel.S1),
        ("sekolah dasar", EducationLevel.SD),
        ("SMA/SMK", EducationLevel.SMA),
    ],
)
def test_an_education_level_parses_export_wording(raw: str, level: EducationLevel) -> None:
    assert EducationLevel.parse(raw) is level


@pytest.mark.parametrize("raw", ["S-4", "D5", "Diploma", "Tidak Sekolah", "SDX", "Smart"])
def test_an_unknown_education_level_is_refused(raw: str) -> None:
    with pytest.raises(InvalidValue, match="unknown education level"):
        EducationLevel.parse(raw)


def test_education_levels_order_with_d4_at_the_s1_level() -> None:
    order = ["SD", "SMP", "SMA/SMK", "D1", "D2", "D3", "D4", "S2", "S3"]
    assert [level.rank for level in map(EducationLevel, order)] == sorted(
        level.rank for level in map(EducationLevel, order)
    )
    assert EducationLevel.D4.at_least(EducationLevel.S1)
    assert EducationLevel.S1.at_least(EducationLevel.D4)
    assert not EducationLevel.D3.at_least(EducationLevel.S1)
    assert EducationLevel.S2.at_least(EducationLevel.S1)


# --- positions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "level"),
    [
        ("JPT Pratama", PositionLevel.JPT_PRATAMA),
        ("Jabatan Administrator", PositionLevel.ADMINISTRATOR),
        ("Pengawas", PositionLevel.SUPERVISOR),
        ("Pelaksana", PositionLevel.EXECUTOR),
        ("Fungsional Umum", PositionLevel.EXECUTOR),
        ("Jabatan Fungsional", PositionLevel.FUNCTIONAL),
    ],
)
def test_a_position_level_parses(raw: str, level: PositionLevel) -> None:
    assert PositionLevel.parse(raw) is level
    assert level.is_jpt == raw.startswith("JPT")


def test_an_unknown_position_level_is_refused() -> None:
    with pytest.raises(InvalidValue, match="unknown position level"):
        PositionLevel.parse("Struktural")


@pytest.mark.parametrize(
    ("raw", "grade"),
    [
        ("Perawat Ahli Muda", FunctionalGrade.AHLI_MUDA),
        ("Analis SDM Aparatur Ahli Pertama", FunctionalGrade.AHLI_PERTAMA),
        ("Bidan Terampil", FunctionalGrade.TERAMPIL),
        ("Pranata Komputer Penyelia", FunctionalGrade.PENYELIA),
        ("Pengelola Pemulasaraan Ahli Muda", FunctionalGrade.AHLI_MUDA),
        ("Pengelola Pemulasaraan Jenazah Pemula", FunctionalGrade.PEMULA),
        ("Instruktur Keterampilan Mahir", FunctionalGrade.MAHIR),
        ("Pengawas Sekolah Ahli Utama", FunctionalGrade.AHLI_UTAMA),
        ("Analis Kebijakan Ahli Madya", FunctionalGrade.AHLI_MADYA),
        ("PERAWAT AHLI-PERTAMA", FunctionalGrade.AHLI_PERTAMA),
        ("Arsiparis (Terampil)", FunctionalGrade.TERAMPIL),
    ],
)
def test_a_functional_grade_is_found_in_the_position_title(
    raw: str, grade: FunctionalGrade
) -> None:
    assert FunctionalGrade.parse(raw) is grade


@pytest.mark.parametrize(
    "raw", ["Kepala Seksi", "Pengelola Pemulasaraan", "Instruktur Keterampilan", "Ahli", "Madya"]
)
def test_a_title_without_functional_grade_is_refused(raw: str) -> None:
    with pytest.raises(InvalidValue, match="unknown functional grade"):
        FunctionalGrade.parse(raw)


# --- appraisal ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "rating"),
    [
        ("Sangat Baik", AppraisalRating.SANGAT_BAIK),
        ("  baik ", AppraisalRating.BAIK),
        ("BUTUH  PERBAIKAN", AppraisalRating.BUTUH_PERBAIKAN),
        ("Cukup", AppraisalRating.BUTUH_PERBAIKAN),
        ("Kurang", AppraisalRating.KURANG),
        ("Sangat Kurang", AppraisalRating.SANGAT_KURANG),
    ],
)
def test_an_appraisal_rating_parses(raw: str, rating: AppraisalRating) -> None:
    assert AppraisalRating.parse(raw) is rating


def test_an_unknown_appraisal_rating_is_refused() -> None:
    with pytest.raises(InvalidValue, match="unknown appraisal rating"):
        AppraisalRating.parse("Istimewa")


@pytest.mark.parametrize(
    ("score", "rating"),
    [
        ("91", AppraisalRating.SANGAT_BAIK),
        ("90.01", AppraisalRating.SANGAT_BAIK),
        ("90", AppraisalRating.BAIK),
        ("76", AppraisalRating.BAIK),
        ("75.99", AppraisalRating.BUTUH_PERBAIKAN),
        ("61", AppraisalRating.BUTUH_PERBAIKAN),
        ("60.99", AppraisalRating.KURANG),
        ("51", AppraisalRating.KURANG),
        ("50.99", AppraisalRating.SANGAT_KURANG),
    ],
)
def test_a_numeric_score_gives_its_rating(score: str, rating: AppraisalRating) -> None:
    assert AppraisalRating.from_score(Decimal(score)) is rating


def test_appraisal_ratings_order_from_sangat_kurang_to_sangat_baik() -> None:
    assert AppraisalRating.SANGAT_BAIK.at_least(AppraisalRating.BAIK)
    assert AppraisalRating.BAIK.at_least(AppraisalRating.BAIK)
    assert not AppraisalRating.BUTUH_PERBAIKAN.at_least(AppraisalRating.BAIK)


@pytest.mark.parametrize("year", [1969, 2101])
def test_an_appraisal_year_out_of_range_is_refused(year: int) -> None:
    with pytest.raises(ValidationError):
        Appraisal(year=year, rating=AppraisalRating.BAIK)


# --- discipline --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "level"),
    [
        ("ringan", PenaltyLevel.LIGHT),
        ("Sedang", PenaltyLevel.MODERATE),
        ("BERAT", PenaltyLevel.SEVERE),
        pytest.param("1", PenaltyLevel.LIGHT),
        pytest.param("3", PenaltyLevel.SEVERE),
        ("moderate", PenaltyLevel.MODERATE),
    ],
)
def test_a_penalty_level_parses(raw: str, level: PenaltyLevel) -> None:
    assert PenaltyLevel.parse(raw) is level
    assert level.is_moderate_or_severe == (level is not PenaltyLevel.LIGHT)


def test_an_unknown_penalty_level_is_refused() -> None:
    with pytest.raises(InvalidValue, match="unknown penalty level"):
        PenaltyLevel.parse("sangat berat")


def _penalty(annulment: str = "") -> Penalty:
    return Penalty(
        level=PenaltyLevel.MODERATE,
        start=date(2023, 8, 1),
        end=date(2024, 7, 31),
        annulment_decree=annulment,
    )


@pytest.mark.parametrize(
    ("day", "serving"),
    [
        (date(2023, 7, 31), False),
        (date(2023, 8, 1), True),
        (date(2024, 7, 31), True),
        (date(2024, 8, 1), False),
    ],
)
def test_a_penalty_is_served_from_start_through_end(day: date, serving: bool) -> None:
    assert _penalty().serving_on(day) is serving


def test_an_annulled_penalty_does_not_count() -> None:
    annulled = _penalty("800/123/PTUN.SBY/2023")
    assert not annulled.counts
    assert not annulled.serving_on(date(2024, 1, 1))


def test_a_penalty_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(ValidationError, match="penalty ends before it starts"):
        Penalty(level=PenaltyLevel.LIGHT, start=date(2023, 8, 1), end=date(2023, 7, 31))


@pytest.mark.parametrize(
    ("closed", "day", "open_"),
    [
        (None, date(2025, 2, 2), False),
        (None, date(2025, 2, 3), True),
        (None, date(2030, 1, 1), True),
        (date(2025, 4, 30), date(2025, 4, 29), True),
        (date(2025, 4, 30), date(2025, 4, 30), False),
    ],
)
def test_an_investigation_is_open_from_opening_until_closing(
    closed: date | None, day: date, open_: bool
) -> None:
    assert Investigation(opened=date(2025, 2, 3), closed=closed).open_on(day) is open_


def test_an_investigation_closed_before_it_opened_is_refused() -> None:
    with pytest.raises(ValidationError, match="investigation closed before opened"):
        Investigation(opened=date(2025, 2, 3), closed=date(2025, 2, 2))


def test_a_nip_appointed_this_year_and_born_today_is_not_in_the_future() -> None:
    today = date.today()
    assert Nip(f"19900101{today.year}011001").appointment_year == today.year
    # Born today: the birth date is not after today (the age rule refuses it separately).
    with pytest.raises(InvalidValue, match="appointment before age 18"):
        Nip(f"{today:%Y%m%d}{today.year}011001")
