"""Writing a generated agency as SIASN export files (data utama and its histories), streamed row by
row so that a national slice never sits in memory."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from random import Random
from typing import Any

from domain.values.grade import RANK_TITLES
from services.workload.careers import Career, Careers
from services.workload.names import LEVEL_WORDING
from services.workload.records import appraisals, certificates, penalties
from services.workload.units import slots, unit_names, unit_sizes

AS_OF = date(2025, 6, 30)

HEADERS: dict[str, tuple[str, ...]] = {
    "data_utama": (
        "nipBaru", "nama", "gelarDepan", "gelarBelakang", "tglLahir", "jenisKelamin",
        "statusPegawai", "kedudukanPnsNama", "instansiKerjaNama", "unorIndukNama", "unorNama",
        "jenisJabatan", "eselon", "jabatanNama", "jabatanFungsionalNama", "tmtJabatan",
        "golRuangAkhir", "pangkatAkhir", "tmtGolAkhir", "tkPendidikanTerakhir",
        "pendidikanTerakhirNama", "tahunLulus", "tmtCpns", "tglSuratKeteranganDokter",
        "noSuratKeteranganDokter", "dokterPemerintah", "tglPaktaIntegritas",
        "paktaIntegritasDiketahuiAtasan", "paktaIntegritasMeterai",
    ),
    "rw_golongan": ("nipBaru", "golongan", "pangkat", "tmtGolongan", "skNomor", "skTanggal"),
    "rw_jabatan": (
        "nipBaru", "jenisJabatan", "namaJabatan", "unorNama", "eselon", "jabatanFungsionalNama",
        "tmtJabatan", "tmtPelantikan", "nomorSk", "tanggalSk",
    ),
    "rw_skp": ("nipBaru", "tahun", "nilaiPrestasiKerja", "integritas", "disiplin"),
    "rw_skp22": ("nipBaru", "tahun", "hasilKinerja", "perilakuKerja", "kuadranKinerja"),
    "rw_hukdis": (
        "nipBaru", "jenisHukumanNama", "jenisTingkatHukumanId", "hukumanTanggal", "masaTahun",
        "masaBulan", "skNomor", "skTanggal", "alasanHukumanDisiplinNama", "skPembatalanNomor",
    ),
}  # fmt: skip
_PERFORMANCE = {"Sangat Baik": 0, "Baik": 1, "Butuh Perbaikan": 1, "Kurang": 2}


@dataclass(frozen=True)
class Summary:
    employees: int
    rows: dict[str, int]


def careers(employees: int, seed: int, as_of: date = AS_OF) -> Iterator[Career]:
    """The careers alone, in the order the files list them."""
    for career, _ in _employees(employees, seed, as_of):
        yield career


def write_agency(
    out: Path, employees: int, seed: int, agency_name: str, as_of: date = AS_OF
) -> Summary:
    """Writes data_utama.csv and the rw_*.csv histories into ``out``; the same arguments give
    the same bytes."""
    out.mkdir(parents=True, exist_ok=True)
    counts = dict.fromkeys(HEADERS, 0)
    with ExitStack() as stack:
        writers = {}
        for name, header in HEADERS.items():
            handle = stack.enter_context(
                (out / f"{name}.csv").open("w", encoding="utf-8", newline="")
            )
            writers[name] = csv.writer(handle, lineterminator="\n")
            writers[name].writerow(header)
        for _, rows in _employees(employees, seed, as_of, agency_name):
            for name, row in rows:
                writers[name].writerow(row)
                counts[name] += 1
    return Summary(employees, counts)


def _employees(
    employees: int, seed: int, as_of: date, agency_name: str = ""
) -> Iterator[tuple[Career, list[tuple[str, tuple[Any, ...]]]]]:
    rng = Random(seed)
    drawn = Careers(rng, as_of)
    number = 0
    sizes = unit_sizes(employees)
    for unit, size in zip(unit_names(len(sizes)), sizes, strict=True):
        for slot in slots(unit, size):
            number += 1
            career = drawn.draw(slot)
            yield career, _rows(rng, career, as_of, agency_name, number)


def _rows(
    rng: Random, career: Career, as_of: date, agency: str, number: int
) -> list[tuple[str, tuple[Any, ...]]]:
    nip = career.nip
    rows: list[tuple[str, tuple[Any, ...]]] = []
    current = career.positions[-1]
    grade, grade_start = career.grades[-1] if career.grades else ("", None)
    papers = certificates(rng, career, as_of, number)
    health, integrity = papers.health, papers.integrity
    rows.append(
        (
            "data_utama",
            (
                nip, career.name, career.front_title, career.back_title, _d(career.born),
                "M" if career.male else "F", career.status, "Aktif", agency, career.unit,
                current.unit, current.kind, current.echelon, current.title, current.functional,
                _d(current.start), grade, RANK_TITLES.get(grade, ""), _d(grade_start),
                LEVEL_WORDING[career.education], career.programme, career.graduated,
                _d(career.appointed), _d(health[0]) if health else "", health[1] if health else "",
                _yes(health[2]) if health else "", _d(integrity[0]) if integrity else "",
                _yes(integrity[1]) if integrity else "", "10000" if integrity else "",
            ),
        )
    )  # fmt: skip
    for index, (spell_grade, start) in enumerate(career.grades):
        decree = f"823/{number:06d}-{index + 1}/{start.year}"
        rows.append(
            ("rw_golongan", (nip, spell_grade, RANK_TITLES[spell_grade], _d(start), decree, ""))
        )
    for index, spell in enumerate(career.positions):
        structural = spell.kind == "1"
        decree = f"821/{number:06d}-{index + 1}/{spell.start.year}" if structural else ""
        rows.append(
            (
                "rw_jabatan",
                (
                    nip, spell.kind, spell.title, spell.unit, spell.echelon, spell.functional,
                    _d(spell.start), _d(spell.start) if structural else "", decree, "",
                ),
            )
        )  # fmt: skip
    for appraisal in appraisals(rng, career, as_of):
        if appraisal.predicate:
            result = BEHAVIOUR_BY_PREDICATE[appraisal.predicate]
            rows.append(("rw_skp22", (nip, appraisal.year, result, result, appraisal.predicate)))
        else:
            score = f"{appraisal.score:.2f}"
            rows.append(
                ("rw_skp", (nip, appraisal.year, score, appraisal.lowest, appraisal.lowest))
            )
    for penalty in penalties(rng, career, as_of, number):
        rows.append(
            (
                "rw_hukdis",
                (
                    nip, penalty.kind, penalty.level, _d(penalty.start),
                    penalty.years or "", penalty.months or "", penalty.decree,
                    _d(penalty.decree_date), penalty.reason, penalty.annulment,
                ),
            )
        )  # fmt: skip
    return rows


BEHAVIOUR_BY_PREDICATE = {
    "Sangat Baik": "Di Atas Ekspektasi",
    "Baik": "Sesuai Ekspektasi",
    "Butuh Perbaikan": "Di Bawah Ekspektasi",
    "Kurang": "Di Bawah Ekspektasi",
}


def _d(day: date | None) -> str:
    return "" if day is None else f"{day.day:02d}-{day.month:02d}-{day.year:04d}"


def _yes(flag: bool) -> str:
    return "ya" if flag else "tidak"
