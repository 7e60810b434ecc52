"""Position levels (jenis jabatan) and functional grades (jenjang jabatan fungsional)."""

from __future__ import annotations

import re
from enum import StrEnum

from domain.values.errors import InvalidValue


class PositionLevel(StrEnum):
    JPT_UTAMA = "jpt-utama"
    JPT_MADYA = "jpt-madya"
    JPT_PRATAMA = "jpt-pratama"
    ADMINISTRATOR = "administrator"
    SUPERVISOR = "supervisor"  # Pengawas
    EXECUTOR = "executor"  # Pelaksana
    FUNCTIONAL = "functional"

    @property
    def is_jpt(self) -> bool:
        return self in (PositionLevel.JPT_UTAMA, PositionLevel.JPT_MADYA, PositionLevel.JPT_PRATAMA)

    @classmethod
    def parse(cls, raw: str) -> PositionLevel:
        key = re.sub(r"[^a-z]", "", raw.lower())
        for pattern, level in _SPELLINGS:
            if re.fullmatch(pattern, key):
                return level
        raise InvalidValue("jenis jabatan tidak dikenal", f"unknown position level: {raw!r}")


_SPELLINGS: tuple[tuple[str, PositionLevel], ...] = (
    (r"jptutama|jabatanpimpinantinggiutama", PositionLevel.JPT_UTAMA),
    (r"jptmadya|jabatanpimpinantinggimadya", PositionLevel.JPT_MADYA),
    (r"jptpratama|jpt|jabatanpimpinantinggipratama", PositionLevel.JPT_PRATAMA),
    (r"administrator|jabatanadministrator", PositionLevel.ADMINISTRATOR),
    (r"supervisor|pengawas|jabatanpengawas", PositionLevel.SUPERVISOR),
    (r"executor|pelaksana|jabatanpelaksana|jfu|fungsionalumum", PositionLevel.EXECUTOR),
    (r"functional|fungsional|jabatanfungsional|jft|fungsionaltertentu", PositionLevel.FUNCTIONAL),
)


class FunctionalGrade(StrEnum):
    """Jenjang of a functional position: skill grades, then expertise grades."""

    PEMULA = "Pemula"
    TERAMPIL = "Terampil"
    MAHIR = "Mahir"
    PENYELIA = "Penyelia"
    AHLI_PERTAMA = "Ahli Pertama"
    AHLI_MUDA = "Ahli Muda"
    AHLI_MADYA = "Ahli Madya"
    AHLI_UTAMA = "Ahli Utama"

    @classmethod
    def parse(cls, raw: str) -> FunctionalGrade:
        """The grade named in a position title, as whole words: "Pengelola Pemulasaraan Ahli
        Muda" is Ahli Muda (not Pemula), "Instruktur Keterampilan Mahir" is Mahir."""
        words = " ".join(re.findall(r"[a-z]+", raw.lower()))
        for grade in _BY_LENGTH:
            if re.search(rf"\b{grade.value.lower()}\b", words):
                return grade
        raise InvalidValue("jenjang fungsional tidak dikenal", f"unknown functional grade: {raw!r}")


# Two-word grades first, so no grade is read from part of a longer name.
_BY_LENGTH = sorted(FunctionalGrade, key=lambda grade: -len(grade.value.split()))
