"""Formal education levels, lowest to highest; D4 stands at the S1 level."""

from __future__ import annotations

import re
from enum import StrEnum

from domain.values.errors import InvalidValue


class EducationLevel(StrEnum):
    SD = "SD"
    SMP = "SMP"
    SMA = "SMA/SMK"
    D1 = "D1"
    D2 = "D2"
    D3 = "D3"
    D4 = "D4"
    S1 = "S1"
    S2 = "S2"
    S3 = "S3"

    @property
    def rank(self) -> int:
        """Order for "at least" comparisons; D4 and S1 share a rank (both are sarjana level)."""
        return _RANK[self]

    def at_least(self, other: EducationLevel) -> bool:
        return self.rank >= other.rank

    @classmethod
    def parse(cls, raw: str) -> EducationLevel:
        """Accepts the codes above and the wording of personnel-system exports.

        The text is normalised to lowercase words; the level is read from its leading words, so
        SIASN's combined names ("Diploma III/Sarjana Muda", "S-2/Magister", "SLTA Kejuruan",
        "Magister (S2)") read as their first named level."""
        words = " ".join(re.findall(r"[a-z]+|\d+", raw.lower()))
        for pattern, level in _SPELLINGS:
            if re.match(pattern + r"\b", words):
                return level
        raise InvalidValue("jenjang pendidikan tidak dikenal", f"unknown education level: {raw!r}")


_RANK = {
    EducationLevel.SD: 0,
    EducationLevel.SMP: 1,
    EducationLevel.SMA: 2,
    EducationLevel.D1: 3,
    EducationLevel.D2: 4,
    EducationLevel.D3: 5,
    EducationLevel.D4: 6,
    EducationLevel.S1: 6,
    EducationLevel.S2: 7,
    EducationLevel.S3: 8,
}

# Matched in order at the start of the normalised words ("s 2 magister", "diploma iii sarjana
# muda"), each ending on a word boundary: "diploma i" does not match "diploma iii".
_SPELLINGS: tuple[tuple[str, EducationLevel], ...] = (
    (r"(sd|sekolah ?dasar)", EducationLevel.SD),
    (r"(smp|sltp|sekolah ?menengah ?pertama)", EducationLevel.SMP),
    (r"(sma|smk|slta|smu|sekolah ?menengah ?(atas|kejuruan))", EducationLevel.SMA),
    (r"d ?(iploma)? ?(1|i)", EducationLevel.D1),
    (r"d ?(iploma)? ?(2|ii)", EducationLevel.D2),
    (r"d ?(iploma)? ?(3|iii)", EducationLevel.D3),
    (r"d ?(iploma)? ?(4|iv)", EducationLevel.D4),
    # Sarjana muda (bachelor's of the old system) stands at the D3 level.
    (r"sarjana ?muda", EducationLevel.D3),
    (r"(s ?1|sarjana|strata ?(1|i))", EducationLevel.S1),
    (r"(s ?2|magister|pascasarjana|strata ?(2|ii))", EducationLevel.S2),
    (r"(s ?3|doktor|strata ?(3|iii))", EducationLevel.S3),
)
