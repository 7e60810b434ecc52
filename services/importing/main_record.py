"""The main record (data utama): one row per employee, checked against its own NIP."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from domain.personnel.facts import (
    EducationEntry,
    EmploymentStatus,
    GradeSpell,
    HealthCertificate,
    IntegrityStatement,
    PositionSpell,
)
from domain.values import EducationLevel, Identity, InvalidValue, Nip, Sex
from services.importing.cells import Cells, parse_yes_no
from services.importing.histories import build, grade
from services.importing.positions import position_spell

_TITLE_COLUMNS = (
    "jabatanNama",
    "jabatanStrukturalNama",
    "jabatanFungsionalNama",
    "jabatanFungsionalUmumNama",
)
_SEXES = {
    Sex.MALE: {"m", "l", "1", "lakilaki", "pria", "male"},
    Sex.FEMALE: {"f", "p", "2", "perempuan", "wanita", "female"},
}
# PPPK grades are roman numerals I-XVII, outside the PNS scale; the rules read PNS grades only.
_PPPK_GRADE = re.compile(r"X|XI{1,3}|XIV|XVI{0,2}|I{1,3}|IV|VI{0,3}|IX", re.IGNORECASE)


@dataclass(frozen=True)
class MainRecord:
    nip: Nip
    file: str
    line: int
    sections: dict[str, Any]  # PersonnelFacts fields read from this row
    grade: GradeSpell | None  # the current grade, joined with rw_golongan
    position: PositionSpell | None  # the current position, joined with rw_jabatan
    agency_name: str  # instansiKerjaNama as exported: free text, kept as evidence


def read_main(cells: Cells, agency: str) -> MainRecord | None:
    nip = cells.parsed("nipBaru", Nip, required=True)
    name = cells.required("nama")
    if nip is not None:
        cells.nip = str(nip)
        build(
            cells,
            Identity,
            nip=nip,
            birth_date=cells.date("tglLahir"),
            sex=cells.parsed("jenisKelamin", parse_sex),
        )
    status = cells.parsed("statusPegawai", parse_status, required=True)
    active = cells.parsed("kedudukanPnsNama", parse_active, required=True)
    current_grade = _current_grade(cells, status)
    position = _current_position(cells)
    sections = {
        "name": _full_name(cells, name or ""),
        "status": status,
        "active": active,
        "agency": agency,
        "unit": cells.text("unorIndukNama")
        or cells.text("unorNama")
        or cells.text("satuanKerjaKerjaNama"),
        "education": _education(cells),
        "health_certificate": _health(cells),
        "integrity_statement": _integrity(cells),
    }
    if cells.failed or nip is None:
        return None
    return MainRecord(
        nip,
        cells.row.file,
        cells.row.line,
        sections,
        current_grade,
        position,
        cells.text("instansiKerjaNama"),
    )


def parse_sex(raw: str) -> Sex:
    key = re.sub(r"[^a-z0-9]", "", raw.lower())
    for sex, spellings in _SEXES.items():
        if key in spellings:
            return sex
    raise InvalidValue("jenis kelamin tidak dikenal", f"unknown sex: {raw!r}")


def parse_status(raw: str) -> EmploymentStatus:
    words = re.findall(r"[a-z0-9]+", raw.lower())
    # "Non PNS", "Non-ASN", "Tenaga Honorer" name people who are not civil servants at all; the
    # "pns" inside them must not make them PNS.
    if any(word.startswith("non") or "honorer" in word for word in words):
        raise InvalidValue(
            "status pegawai bukan PNS/CPNS/PPPK (non-ASN atau honorer tidak dapat diimpor)",
            f"employment status is not PNS, CPNS or PPPK (non-civil-servants and honorary staff "
            f"cannot be imported): {raw!r}",
        )
    key = "".join(words)
    if "pppk" in key or "p3k" in key or "perjanjiankerja" in key:
        return EmploymentStatus.PPPK
    if "cpns" in key or "calon" in key:
        return EmploymentStatus.CPNS
    if "pns" in key or "pegawainegerisipil" in key:
        return EmploymentStatus.PNS
    raise InvalidValue("status pegawai tidak dikenal", f"unknown employment status: {raw!r}")


def parse_active(raw: str) -> bool:
    """Only "Aktif" is active: study leave, unpaid leave, suspension and retirement are not."""
    return re.sub(r"[^a-z]", "", raw.lower()) in ("aktif", "pnsaktif", "active")


def _full_name(cells: Cells, name: str) -> str:
    front, back = cells.text("gelarDepan"), cells.text("gelarBelakang")
    return f"{front} {name}".strip() + (f", {back}" if back else "")


def _current_grade(cells: Cells, status: EmploymentStatus | None) -> GradeSpell | None:
    raw = cells.text("golRuangAkhir")
    if not raw or (status is EmploymentStatus.PPPK and _PPPK_GRADE.fullmatch(raw)):
        return None
    parsed = grade(cells, "golRuangAkhir", "pangkatAkhir")
    start = cells.date("tmtGolAkhir", required=True)
    return build(cells, GradeSpell, grade=parsed, start=start)


def _current_position(cells: Cells) -> PositionSpell | None:
    if not cells.has("jenisJabatan") and not any(cells.has(c) for c in _TITLE_COLUMNS):
        return None
    return position_spell(cells, _TITLE_COLUMNS)


def _education(cells: Cells) -> tuple[EducationEntry, ...]:
    level = cells.parsed("tkPendidikanTerakhir", EducationLevel.parse)
    year = cells.integer("tahunLulus")
    if level is None:
        return ()
    programme = cells.text("pendidikanTerakhirNama")
    entry = build(cells, EducationEntry, level=level, programme=programme, year=year)
    return () if entry is None else (entry,)


def _health(cells: Cells) -> HealthCertificate | None:
    issued = cells.date(
        "tglSuratKeteranganDokter",
        required=cells.has("noSuratKeteranganDokter") or cells.has("dokterPemerintah"),
    )
    # Blank: not known whether a government doctor issued it (SIASN does not say).
    government = cells.parsed("dokterPemerintah", parse_yes_no)
    if issued is None:
        return None
    return HealthCertificate(
        number=cells.text("noSuratKeteranganDokter"), issued=issued, government_doctor=government
    )


def _integrity(cells: Cells) -> IntegrityStatement | None:
    signed = cells.date("tglPaktaIntegritas", required=cells.has("paktaIntegritasDiketahuiAtasan"))
    acknowledged = cells.parsed(
        "paktaIntegritasDiketahuiAtasan", parse_yes_no, required=signed is not None
    )
    if signed is None or acknowledged is None:
        return None
    return IntegrityStatement(
        signed=signed,
        acknowledged_by_head_of_unit=acknowledged,
        duty_stamp_rupiah=cells.integer("paktaIntegritasMeterai"),
    )
