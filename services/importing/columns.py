"""The columns each export file may hold: SIASN names and the Indonesian headers of local SIMPEG
exports. Headers match ignoring case, spaces and punctuation; unknown columns are ignored, since
SIASN exports carry many fields the rules never read. COLUMNS.md documents every entry here."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from domain.bilingual import Message


class FileKind(StrEnum):
    MAIN = "data_utama"
    POSITIONS = "rw_jabatan"
    GRADES = "rw_golongan"
    PENALTIES = "rw_hukdis"
    PERFORMANCE = "rw_skp22"
    PERFORMANCE_SCORES = "rw_skp"
    INVESTIGATIONS = "rw_pemeriksaan"  # Talenta's own file: SIASN does not track investigations


@dataclass(frozen=True)
class Column:
    name: str  # the SIASN field name, used as the column's name everywhere in the code
    aliases: tuple[str, ...] = ()
    required: bool = False

    def spellings(self) -> set[str]:
        return {header_key(text) for text in (self.name, *self.aliases)}


def header_key(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.lower())


def _nip() -> Column:
    return Column("nipBaru", ("NIP", "NIP Baru", "NIP 18"), required=True)


def _decree(number: str, day: str) -> tuple[Column, Column]:
    return Column(number, ("Nomor SK", "No SK")), Column(day, ("Tanggal SK", "Tgl SK"))


COLUMNS: dict[FileKind, tuple[Column, ...]] = {
    FileKind.MAIN: (
        _nip(),
        Column("nama", ("Nama", "Nama Lengkap", "Nama Pegawai"), required=True),
        Column("gelarDepan", ("Gelar Depan",)),
        Column("gelarBelakang", ("Gelar Belakang",)),
        Column("tglLahir", ("Tanggal Lahir", "Tgl Lahir")),
        Column("jenisKelamin", ("Jenis Kelamin", "JK")),
        Column("statusPegawai", ("Status Pegawai", "Status Kepegawaian"), required=True),
        Column("kedudukanPnsNama", ("Kedudukan", "Kedudukan PNS", "Kedudukan Hukum"), True),
        Column("instansiKerjaNama", ("Instansi", "Instansi Kerja")),
        Column("satuanKerjaKerjaNama", ("Satuan Kerja", "Satker")),
        Column("unorNama", ("Unit Kerja", "Unit Organisasi", "Unor")),
        Column("unorIndukNama", ("Unor Induk", "Unit Induk", "Perangkat Daerah", "OPD")),
        Column("jenisJabatan", ("Jenis Jabatan",)),
        Column("jabatanNama", ("Jabatan", "Nama Jabatan")),
        Column("jabatanStrukturalNama", ("Jabatan Struktural",)),
        Column("jabatanFungsionalNama", ("Jabatan Fungsional",)),
        Column("jabatanFungsionalUmumNama", ("Jabatan Pelaksana", "Jabatan Fungsional Umum")),
        Column("eselon", ("Eselon",)),
        Column("tmtJabatan", ("TMT Jabatan",)),
        Column("golRuangAkhir", ("Golongan", "Gol", "Gol Ruang", "Golongan Ruang")),
        Column("pangkatAkhir", ("Pangkat",)),
        Column("tmtGolAkhir", ("TMT Golongan", "TMT Gol", "TMT Pangkat")),
        Column("tkPendidikanTerakhir", ("Pendidikan", "Pendidikan Terakhir", "Jenjang Pendidikan")),
        Column("pendidikanTerakhirNama", ("Jurusan", "Program Studi", "Nama Pendidikan")),
        Column("tahunLulus", ("Tahun Lulus",)),
        Column("tglSuratKeteranganDokter", ("Tanggal Surat Keterangan Dokter", "Tgl Surat Sehat")),
        Column("noSuratKeteranganDokter", ("Nomor Surat Keterangan Dokter", "No Surat Sehat")),
        Column("dokterPemerintah", ("Dokter Pemerintah",)),
        Column("tglPaktaIntegritas", ("Tanggal Pakta Integritas",)),
        Column("paktaIntegritasDiketahuiAtasan", ("Pakta Integritas Diketahui Atasan",)),
        Column("paktaIntegritasMeterai", ("Meterai Pakta Integritas",)),
    ),
    FileKind.POSITIONS: (
        _nip(),
        Column("jenisJabatan", ("Jenis Jabatan",), required=True),
        Column("namaJabatan", ("Jabatan", "Nama Jabatan")),
        Column("unorNama", ("Unit Kerja", "Unit Organisasi", "Unor")),
        Column("eselon", ("Eselon",)),
        Column("jabatanFungsionalNama", ("Jabatan Fungsional",)),
        Column("jabatanFungsionalUmumNama", ("Jabatan Pelaksana", "Jabatan Fungsional Umum")),
        Column("tmtJabatan", ("TMT Jabatan",), required=True),
        Column("tmtPelantikan", ("TMT Pelantikan", "Tanggal Pelantikan")),
        *_decree("nomorSk", "tanggalSk"),
    ),
    FileKind.GRADES: (
        _nip(),
        Column("golongan", ("Golongan", "Gol", "Gol Ruang", "golRuang"), required=True),
        Column("pangkat", ("Pangkat",)),
        Column("tmtGolongan", ("TMT Golongan", "TMT Gol", "TMT"), required=True),
        *_decree("skNomor", "skTanggal"),
    ),
    FileKind.PENALTIES: (
        _nip(),
        Column("jenisTingkatHukumanId", ("Tingkat Hukuman", "Tingkat"), required=True),
        Column("jenisHukumanNama", ("Jenis Hukuman",)),
        Column("hukumanTanggal", ("Tanggal Hukuman", "TMT Hukuman"), required=True),
        Column("masaTahun", ("Masa Tahun",)),
        Column("masaBulan", ("Masa Bulan",)),
        Column("akhirHukumTanggal", ("Akhir Hukuman", "Tanggal Akhir Hukuman")),
        *_decree("skNomor", "skTanggal"),
        Column("skPembatalanNomor", ("Nomor SK Pembatalan", "SK Pembatalan")),
    ),
    FileKind.PERFORMANCE: (
        _nip(),
        Column("tahun", ("Tahun",), required=True),
        Column("kuadranKinerja", ("Predikat", "Predikat Kinerja"), required=True),
    ),
    FileKind.PERFORMANCE_SCORES: (
        _nip(),
        Column("tahun", ("Tahun",), required=True),
        Column("nilaiPrestasiKerja", ("Nilai Prestasi Kerja", "Nilai Akhir", "Nilai"), True),
        Column("nilaiSkp", ("Nilai SKP",)),
        Column("orientasiPelayanan", ("Orientasi Pelayanan",)),
        Column("integritas", ("Integritas",)),
        Column("komitmen", ("Komitmen",)),
        Column("disiplin", ("Disiplin",)),
        Column("kerjasama", ("Kerja Sama",)),
        Column("kepemimpinan", ("Kepemimpinan",)),
    ),
    FileKind.INVESTIGATIONS: (
        _nip(),
        Column("tanggalMulaiPemeriksaan", ("Tanggal Mulai Pemeriksaan",), required=True),
        Column("tanggalSelesaiPemeriksaan", ("Tanggal Selesai Pemeriksaan",)),
        Column("nomorSuratPemeriksaan", ("Nomor Surat Pemeriksaan",)),
    ),
}

# Elements of a pre-2022 appraisal (PP 46/2011): the SKP score and the work-behaviour elements.
SCORE_ELEMENTS = (
    "nilaiSkp",
    "orientasiPelayanan",
    "integritas",
    "komitmen",
    "disiplin",
    "kerjasama",
    "kepemimpinan",
)


def resolve_headers(kind: FileKind, headers: Sequence[str]) -> tuple[dict[int, str], list[Message]]:
    """Maps each known header's position to its column name; returns problems as messages."""
    by_key = {key: column for column in COLUMNS[kind] for key in column.spellings()}
    found: dict[int, str] = {}
    problems: list[Message] = []
    for index, header in enumerate(headers):
        column = by_key.get(header_key(header))
        if column is None:
            continue
        if column.name in found.values():
            problems.append(
                Message(
                    id=f"kolom {column.name} muncul dua kali ({header!r})",
                    en=f"column {column.name} appears twice ({header!r})",
                )
            )
        found[index] = column.name
    for column in COLUMNS[kind]:
        if column.required and column.name not in found.values():
            problems.append(
                Message(
                    id=f"kolom wajib {column.name} tidak ada",
                    en=f"required column {column.name} is missing",
                )
            )
    return found, problems
