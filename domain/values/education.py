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
        """Accepts the codes above and the wording of personnel-system exports."""
        key = re.sub(r"[^a-z0-9]", "", raw.lower())
        for pattern, level in _SPELLINGS:
            if re.fullmatch(pattern, key):
                return level
        raise InvalidValue(f"jenjang pendidikan tidak dikenal / unknown education level: {raw!r}")


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

_SPELLINGS: tuple[tuple[str, EducationLevel], ...] = (
    (r"sd|sekolahdasar", EducationLevel.SD),
    (r"smp|sltp|sekolahmenengahpertama", EducationLevel.SMP),
    (r"sma(smk)?|smk|slta|smu|sekolahmenengahatas", EducationLevel.SMA),
    (r"d(iploma)?(1|i)", EducationLevel.D1),
    (r"d(iploma)?(2|ii)", EducationLevel.D2),
    (r"d(iploma)?(3|iii)", EducationLevel.D3),
    (r"d(iploma)?(4|iv)", EducationLevel.D4),
    (r"s1(sarjana)?|sarjana|strata(1|i)", EducationLevel.S1),
    (r"s2(magister|pascasarjana)?|magister|strata(2|ii)", EducationLevel.S2),
    (r"s3(doktor)?|doktor|strata(3|iii)", EducationLevel.S3),
)
