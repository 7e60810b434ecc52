"""Parsing exports without a store: headers, formats, and every kind of refused row."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from domain.personnel.facts import EmploymentStatus
from domain.values import (
    AppraisalRating,
    EducationLevel,
    FunctionalGrade,
    InvalidValue,
    PenaltyLevel,
)
from domain.values import PositionLevel as Level
from services.importing import ParseResult, PersonnelFiles, parse_personnel
from services.importing.columns import COLUMNS

SAMPLES = Path(__file__).parents[2] / "services" / "importing" / "samples"
BUDI = "197503122000031004"
SITI = "198307252006042011"
MAIN = {
    "nipBaru": BUDI,
    "nama": "Budi Santoso",
    "tglLahir": "12-03-1975",
    "jenisKelamin": "M",
    "statusPegawai": "PNS",
    "kedudukanPnsNama": "Aktif",
    "unorNama": "Bidang Bina Marga",
    "jenisJabatan": "1",
    "eselon": "III.b",
    "jabatanNama": "Kepala Bidang Bina Marga",
    "tmtJabatan": "02-01-2020",
    "golRuangAkhir": "IV/a",
    "pangkatAkhir": "Pembina",
    "tmtGolAkhir": "01-04-2019",
    "tkPendidikanTerakhir": "S-2",
}


def _write(path: Path, rows: list[dict[str, str]], delimiter: str = ",") -> Path:
    headers = list(dict.fromkeys(key for row in rows for key in row))
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, headers, delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _parse(tmp_path: Path, *main: dict[str, str], **histories: list[dict[str, str]]) -> ParseResult:
    files = PersonnelFiles(
        main=_write(tmp_path / "data_utama.csv", list(main)),
        **{kind: _write(tmp_path / f"{kind}.csv", rows) for kind, rows in histories.items()},
    )
    return parse_personnel(files, "kota-madiun")


def _only_error(result: ParseResult) -> tuple[str, int, str]:
    assert len(result.errors) == 1, [str(error) for error in result.errors]
    error = result.errors[0]
    assert " / " in str(error.message)  # Indonesian / English
    # The reason as the command line prints it, after the file and line.
    return (
        error.file,
        error.line,
        str(error).removeprefix(f"{error.file} baris/line {error.line}: "),
    )


# --- the samples -------------------------------------------------------------------------------


def test_the_samples_parse_without_errors() -> None:
    result = parse_personnel(PersonnelFiles.in_directory(SAMPLES), "kota-madiun")

    assert result.errors == []
    assert len(result.facts) == 6
    assert result.documents[0].name == "data_utama.csv"
    assert result.origins[SITI].line == 3
    assert result.origins[SITI].agency_name == "Pemerintah Kota Madiun"


def test_the_simpeg_sample_with_indonesian_headers_and_semicolons_parses() -> None:
    result = parse_personnel(
        PersonnelFiles(main=SAMPLES / "simpeg" / "data_utama.csv"), "kota-madiun"
    )

    assert result.errors == []
    eko, lina = result.facts
    assert eko.nip == "197810102002121003"
    assert eko.positions[0].level is Level.SUPERVISOR
    assert lina.positions[0].functional_grade is FunctionalGrade.TERAMPIL
    assert lina.education[0].level is EducationLevel.D3


# --- headers and formats -----------------------------------------------------------------------


def test_headers_match_ignoring_case_spaces_and_punctuation(tmp_path: Path) -> None:
    row = {
        "NIP BARU": BUDI,
        "nama": "Budi",
        "STATUS_PEGAWAI": "PNS",
        "Kedudukan PNS": "Aktif",
        "Tgl. Lahir": "12-03-1975",
        "Gol/Ruang": "IV/a",
        "TMT Golongan": "01-04-2019",
    }

    (facts,) = _parse(tmp_path, row).facts

    assert str(facts.grades[0].grade) == "IV/a"


@pytest.mark.parametrize(
    "written", ["01-04-2019", "1/4/2019", "01.04.2019", "2019-04-01", "2019-04-01 00:00:00"]
)
def test_dates_are_read_day_first_or_iso(tmp_path: Path, written: str) -> None:
    (facts,) = _parse(tmp_path, MAIN | {"tmtGolAkhir": written}).facts
    assert facts.grades[0].start == date(2019, 4, 1)


def test_aliases_of_every_file_are_unique_within_it() -> None:
    for columns in COLUMNS.values():
        spellings = [key for column in columns for key in column.spellings()]
        assert len(spellings) == len(set(spellings))


def test_status_and_activity_come_from_statuspegawai_and_kedudukan(tmp_path: Path) -> None:
    rows = [
        MAIN | {"statusPegawai": "CPNS", "kedudukanPnsNama": "Tugas Belajar"},
        MAIN
        | {
            "nipBaru": SITI,
            "tglLahir": "",
            "jenisKelamin": "F",
            "statusPegawai": "PPPK",
            "golRuangAkhir": "IX",
        },
    ]
    budi, siti = _parse(tmp_path, *rows).facts
    assert (budi.status, budi.active) == (EmploymentStatus.CPNS, False)
    assert (siti.status, siti.active, siti.grades) == (EmploymentStatus.PPPK, True, ())


def test_a_quoted_cell_spanning_lines_keeps_later_line_numbers_right(tmp_path: Path) -> None:
    first = MAIN | {"jabatanNama": "Kepala Bidang\nBina Marga"}
    second = MAIN | {"nipBaru": SITI, "tglLahir": "", "jenisKelamin": "X"}
    assert _only_error(_parse(tmp_path, first, second))[1] == 4


def test_a_cp1252_file_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path / "data_utama.csv", [MAIN | {"nama": "Budi Santoso"}])
    path.write_bytes(path.read_text().replace("Budi Santoso", "Budi Sant\xf3so").encode("cp1252"))
    (facts,) = parse_personnel(PersonnelFiles(main=path), "kota-madiun").facts
    assert facts.name == "Budi Santóso"


# --- histories ---------------------------------------------------------------------------------


def test_histories_join_the_main_record_sorted_by_date(tmp_path: Path) -> None:
    result = _parse(
        tmp_path,
        MAIN,
        grades=[
            {
                "nipBaru": BUDI,
                "golongan": "III/d",
                "pangkat": "Penata Tingkat I",
                "tmtGolongan": "01-04-2012",
                "skNomor": "823/101",
            },
            {"nipBaru": BUDI, "golongan": "III/c", "tmtGolongan": "01-04-2008"},
        ],
        penalties=[
            {
                "nipBaru": BUDI,
                "jenisTingkatHukumanId": "sedang",
                "hukumanTanggal": "01-08-2023",
                "masaTahun": "1",
                "masaBulan": "0",
            },
            {"nipBaru": BUDI, "jenisTingkatHukumanId": "R", "hukumanTanggal": "10-06-2019"},
            {
                "nipBaru": BUDI,
                "jenisTingkatHukumanId": "berat",
                "hukumanTanggal": "01-02-2022",
                "akhirHukumTanggal": "31-01-2023",
                "skPembatalanNomor": "800/123/PTUN/2022",
            },
        ],
        performance=[{"nipBaru": BUDI, "tahun": "2023", "kuadranKinerja": "Sangat Baik"}],
        performance_scores=[
            {
                "nipBaru": BUDI,
                "tahun": "2021",
                "nilaiPrestasiKerja": "88,5",
                "integritas": "91",
                "disiplin": "75,5",
                "kepemimpinan": "",
            }
        ],
        investigations=[{"nipBaru": BUDI, "tanggalMulaiPemeriksaan": "03-02-2025"}],
    )

    (facts,) = result.facts
    assert [(str(g.grade), g.decree_number) for g in facts.grades] == [
        ("III/c", ""),
        ("III/d", "823/101"),
        ("IV/a", ""),
    ]
    light, severe, moderate = facts.penalties
    assert (light.level, light.end) == (PenaltyLevel.LIGHT, date(2019, 6, 10))
    assert not severe.counts
    assert moderate.end == date(2024, 7, 31)
    assert [(a.year, a.rating, a.lowest_element_score) for a in facts.appraisals] == [
        (2021, AppraisalRating.BAIK, Decimal("75.5")),
        (2023, AppraisalRating.SANGAT_BAIK, None),
    ]
    assert facts.investigations[0].open_on(date(2025, 3, 1))


def test_a_history_entry_on_the_current_start_date_replaces_the_main_one(tmp_path: Path) -> None:
    result = _parse(
        tmp_path,
        MAIN,
        positions=[
            {
                "nipBaru": BUDI,
                "jenisJabatan": "Struktural",
                "eselon": "III.b",
                "namaJabatan": "Kabid",
                "tmtJabatan": "2020-01-02",
                "tmtPelantikan": "02-01-2020",
                "nomorSk": "821/001",
            },
            {
                "nipBaru": BUDI,
                "jenisJabatan": "4",
                "namaJabatan": "Pengadministrasi Umum",
                "tmtJabatan": "01-03-2001",
            },
        ],
    )
    (facts,) = result.facts
    assert [(p.level, p.title, p.decree_number) for p in facts.positions] == [
        (Level.EXECUTOR, "Pengadministrasi Umum", ""),
        (Level.ADMINISTRATOR, "Kabid", "821/001"),
    ]


def test_the_same_history_row_twice_counts_once(tmp_path: Path) -> None:
    row = {"nipBaru": BUDI, "tahun": "2023", "kuadranKinerja": "Baik"}
    (facts,) = _parse(tmp_path, MAIN, performance=[row, row]).facts
    assert len(facts.appraisals) == 1


# --- refused rows ------------------------------------------------------------------------------

MAIN_REFUSALS = [
    ({"nipBaru": "19750312200003100"}, "NIP must be 18 digits"),
    ({"nipBaru": "197503121990031004"}, "appointment before age 18"),
    ({"tglLahir": "13-03-1975"}, "birth date does not match NIP"),
    ({"jenisKelamin": "F"}, "sex does not match NIP"),
    ({"jenisKelamin": "X"}, "unknown sex"),
    ({"golRuangAkhir": "III/e"}, "golRuangAkhir: golongan tidak ada / no such grade"),
    ({"golRuangAkhir": "VI/a"}, "unknown grade"),
    ({"pangkatAkhir": "Penata"}, "rank title does not match the grade"),
    ({"tmtGolAkhir": ""}, "tmtGolAkhir: wajib diisi / required"),
    ({"tmtGolAkhir": "31-04-2019"}, "no such date"),
    ({"tmtGolAkhir": "April 2019"}, "not a dd-mm-yyyy date"),
    ({"nama": ""}, "nama: wajib diisi / required"),
    ({"statusPegawai": "Honorer"}, "employment status is not PNS, CPNS or PPPK"),
    ({"statusPegawai": "Non PNS"}, "employment status is not PNS, CPNS or PPPK"),
    ({"statusPegawai": "NON-PNS"}, "employment status is not PNS, CPNS or PPPK"),
    ({"statusPegawai": "Non ASN"}, "employment status is not PNS, CPNS or PPPK"),
    ({"statusPegawai": "Tenaga Honorer"}, "employment status is not PNS, CPNS or PPPK"),
    ({"statusPegawai": "Honorer K2"}, "employment status is not PNS, CPNS or PPPK"),
    ({"statusPegawai": "Pegawai Kontrak"}, "unknown employment status"),
    ({"eselon": ""}, "a structural position needs an echelon"),
    ({"jenisJabatan": "Staf Ahli"}, "unknown position level"),
    ({"jabatanNama": ""}, "position title required"),
    ({"jenisJabatan": "2", "jabatanFungsionalNama": "Perawat"}, "unknown functional grade"),
    ({"tkPendidikanTerakhir": "S-4"}, "unknown education level"),
    ({"tahunLulus": "dua ribu"}, "not a whole number"),
    ({"noSuratKeteranganDokter": "445/1"}, "tglSuratKeteranganDokter: wajib diisi"),
    (
        {"tglPaktaIntegritas": "10-01-2025", "paktaIntegritasDiketahuiAtasan": "mungkin"},
        "expected ya or tidak",
    ),
]


@pytest.mark.parametrize(("change", "reason"), MAIN_REFUSALS)
def test_a_bad_main_row_is_refused_with_its_line_and_the_good_row_kept(
    tmp_path: Path, change: dict[str, str], reason: str
) -> None:
    good = MAIN | {
        "nipBaru": SITI,
        "tglLahir": "25-07-1983",
        "jenisKelamin": "F",
        "golRuangAkhir": "III/c",
        "pangkatAkhir": "Penata",
    }
    result = _parse(tmp_path, good, MAIN | change)

    assert [str(facts.nip) for facts in result.facts] == [SITI]
    file, line, message = _only_error(result)
    assert (file, line) == ("data_utama.csv", 3)
    assert reason in message


def test_a_nip_twice_in_the_main_file_refuses_both(tmp_path: Path) -> None:
    result = _parse(tmp_path, MAIN, MAIN)
    assert result.facts == []
    assert _only_error(result)[1:] == (
        3,
        f"NIP {BUDI} sudah ada di baris 2 / NIP already on line 2",
    )


HISTORY_REFUSALS = [
    (
        "penalties",
        {"jenisTingkatHukumanId": "sedang", "hukumanTanggal": "01-08-2023"},
        "a moderate or severe penalty needs its end date or length",
    ),
    (
        "penalties",
        {
            "jenisTingkatHukumanId": "ringan",
            "hukumanTanggal": "01-08-2023",
            "akhirHukumTanggal": "01-07-2023",
        },
        "penalty ends before it starts",
    ),
    (
        "penalties",
        {"jenisTingkatHukumanId": "sangat berat", "hukumanTanggal": "01-08-2023"},
        "unknown penalty level",
    ),
    ("performance", {"tahun": "2023", "kuadranKinerja": "Istimewa"}, "unknown appraisal rating"),
    ("performance", {"tahun": "1900", "kuadranKinerja": "Baik"}, "greater than or equal to 1970"),
    ("performance_scores", {"tahun": "2021", "nilaiPrestasiKerja": "delapan"}, "not a number"),
    ("grades", {"golongan": "III/e", "tmtGolongan": "01-04-2012"}, "no such grade"),
    (
        "grades",
        {"golongan": "IV/b", "tmtGolongan": "01-04-2019"},
        "grade differs from golRuangAkhir of the main row",
    ),
    ("positions", {"jenisJabatan": "4", "tmtJabatan": "01-03-2001"}, "position title required"),
    (
        "investigations",
        {"tanggalMulaiPemeriksaan": "03-02-2025", "tanggalSelesaiPemeriksaan": "01-02-2025"},
        "investigation closed before opened",
    ),
    (
        "investigations",
        {"nipBaru": SITI, "tanggalMulaiPemeriksaan": "03-02-2025"},
        f"NIP {SITI} has no row in the main file",
    ),
    (
        "investigations",
        {"nipBaru": "1975", "tanggalMulaiPemeriksaan": "03-02-2025"},
        "NIP must be 18 digits",
    ),
]


@pytest.mark.parametrize(("history", "row", "reason"), HISTORY_REFUSALS)
def test_a_bad_history_row_is_refused_with_its_line_and_its_employee_left_out(
    tmp_path: Path, history: str, row: dict[str, str], reason: str
) -> None:
    good = {"nipBaru": BUDI, "tahun": "2022", "kuadranKinerja": "Baik"}
    rows = {history: [{"nipBaru": BUDI} | row]}
    if history != "performance":
        rows["performance"] = [good]
    else:
        rows["performance"] = [good, {"nipBaru": BUDI} | row]

    result = _parse(tmp_path, MAIN, **rows)

    file, line, message = _only_error(result)
    assert (file, line) == (f"{history}.csv", 3 if history == "performance" else 2)
    assert reason in message
    # A row naming no known employee cannot stop one.
    unknown_nip = "has no row" in reason or "18 digits" in reason
    assert len(result.facts) == (1 if unknown_nip else 0)
    assert result.refused == (0 if unknown_nip else 1)


def test_two_different_entries_for_one_year_contradict(tmp_path: Path) -> None:
    result = _parse(
        tmp_path,
        MAIN,
        performance=[
            {"nipBaru": BUDI, "tahun": "2023", "kuadranKinerja": "Baik"},
            {"nipBaru": BUDI, "tahun": "2023", "kuadranKinerja": "Kurang"},
        ],
    )
    assert result.facts == []
    assert _only_error(result)[1:] == (
        3,
        "bertentangan dengan performance.csv baris 2 (tanggal/tahun sama, isi berbeda) / "
        "contradicts performance.csv line 2 (same date or year, different content)",
    )


# --- refused files -----------------------------------------------------------------------------


def test_a_file_missing_a_required_column_refuses_the_whole_import(tmp_path: Path) -> None:
    result = _parse(tmp_path, MAIN, grades=[{"nipBaru": BUDI, "golongan": "IV/a"}])
    assert result.facts == []
    assert _only_error(result) == (
        "grades.csv",
        1,
        "kolom wajib tmtGolongan tidak ada / required column tmtGolongan is missing",
    )


def test_a_column_given_twice_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "data_utama.csv"
    path.write_text(f"NIP,nipBaru,nama,statusPegawai,kedudukanPnsNama\n{BUDI},{BUDI},B,PNS,Aktif\n")
    result = parse_personnel(PersonnelFiles(main=path), "kota-madiun")
    assert "column nipBaru appears twice" in _only_error(result)[2]


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "data_utama.csv").write_text("")
    result = parse_personnel(PersonnelFiles(main=tmp_path / "data_utama.csv"), "kota-madiun")
    assert _only_error(result) == ("data_utama.csv", 1, "berkas kosong / file is empty")


@pytest.mark.parametrize(
    "agency", ["", "Kota Madiun", "kota_madiun", "-madiun", "kota-surabaya", "kota-madiun-x"]
)
def test_an_unknown_agency_is_refused_up_front(agency: str) -> None:
    with pytest.raises(InvalidValue, match=r"unknown agency.*known: kota-balikpapan"):
        parse_personnel(PersonnelFiles(main=SAMPLES / "data_utama.csv"), agency)


def test_files_are_found_in_a_directory_by_name() -> None:
    files = PersonnelFiles.in_directory(SAMPLES)
    assert files.performance is not None and files.performance.name == "rw_skp22.csv"
    assert files.performance_scores is not None and files.performance_scores.name == "rw_skp.csv"
    with pytest.raises(ValueError, match="no data_utama"):
        PersonnelFiles.in_directory(SAMPLES.parent)


@pytest.mark.parametrize(
    ("header", "value", "government"),
    [
        ("dokterPemerintah", "ya", True),
        ("Dokter Pemerintah", "tidak", False),
        ("dokterPemerintah", "", None),  # SIASN has no such field: unknown, not assumed
    ],
)
def test_the_health_certificate_says_whether_a_government_doctor_issued_it(
    tmp_path: Path, header: str, value: str, government: bool | None
) -> None:
    row = MAIN | {"tglSuratKeteranganDokter": "15-01-2025", header: value}
    (facts,) = _parse(tmp_path, row).facts
    assert facts.health_certificate is not None
    assert facts.health_certificate.government_doctor is government


def test_a_government_doctor_flag_needs_the_certificate_date(tmp_path: Path) -> None:
    _file, _line, message = _only_error(_parse(tmp_path, MAIN | {"dokterPemerintah": "ya"}))
    assert message.startswith("tglSuratKeteranganDokter: wajib diisi")


@pytest.mark.parametrize(
    ("grade", "title"),
    [
        ("III/d", "Penata Tk. I"),
        ("III/d", "Penata Tk I"),
        ("III/d", "Penata Tk.I"),
        ("III/d", "PENATA TINGKAT I"),
        ("III/b", "Penata Muda Tkt. I"),
        ("IV/b", "Pembina Tk. I"),
        ("IV/a", "Pembina"),
    ],
)
def test_an_abbreviated_rank_title_matches_its_grade(
    tmp_path: Path, grade: str, title: str
) -> None:
    row = MAIN | {"golRuangAkhir": grade, "pangkatAkhir": title}
    result = _parse(tmp_path, row)
    assert result.errors == []
    assert str(result.facts[0].grades[-1].grade) == grade


@pytest.mark.parametrize(
    ("grade", "title"),
    [
        ("III/c", "Penata Tk. I"),
        ("III/d", "Penata"),
        ("IV/b", "Pembina Tk. II"),
        ("III/d", "Tk. I"),
    ],
)
def test_a_rank_title_of_another_grade_is_refused(tmp_path: Path, grade: str, title: str) -> None:
    row = MAIN | {"golRuangAkhir": grade, "pangkatAkhir": title}
    assert "rank title does not match the grade" in _only_error(_parse(tmp_path, row))[2]


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        ("PNS", EmploymentStatus.PNS),
        ("Pegawai Negeri Sipil", EmploymentStatus.PNS),
        ("CPNS", EmploymentStatus.CPNS),
        ("Calon PNS", EmploymentStatus.CPNS),
        ("PPPK", EmploymentStatus.PPPK),
        ("P3K", EmploymentStatus.PPPK),
    ],
)
def test_an_employment_status_is_read(tmp_path: Path, raw: str, status: EmploymentStatus) -> None:
    (facts,) = _parse(tmp_path, MAIN | {"statusPegawai": raw}).facts
    assert facts.status is status
