"""Yearly performance appraisal (SKP) ratings."""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from domain.values.errors import InvalidValue


class AppraisalRating(StrEnum):
    SANGAT_BAIK = "Sangat Baik"
    BAIK = "Baik"
    BUTUH_PERBAIKAN = "Butuh Perbaikan"
    KURANG = "Kurang"
    SANGAT_KURANG = "Sangat Kurang"

    @property
    def rank(self) -> int:
        return _ORDER.index(self)

    def at_least(self, other: AppraisalRating) -> bool:
        return self.rank >= other.rank

    @classmethod
    def parse(cls, raw: str) -> AppraisalRating:
        key = re.sub(r"\s+", " ", raw.strip()).lower()
        for rating in cls:
            if rating.value.lower() == key:
                return rating
        if key == "cukup":
            # Before PermenPANRB 6/2022 "cukup" sat between baik and kurang.
            return cls.BUTUH_PERBAIKAN
        raise InvalidValue("predikat kinerja tidak dikenal", f"unknown appraisal rating: {raw!r}")

    @classmethod
    def from_score(cls, score: Decimal) -> AppraisalRating:
        """Pre-2022 numeric SKP/DP3 score: above 90 sangat baik, 76-90 baik (PP 46/2011)."""
        if score > 90:
            return cls.SANGAT_BAIK
        if score >= 76:
            return cls.BAIK
        if score >= 61:
            return cls.BUTUH_PERBAIKAN
        if score >= 51:
            return cls.KURANG
        return cls.SANGAT_KURANG


_ORDER = (
    AppraisalRating.SANGAT_KURANG,
    AppraisalRating.KURANG,
    AppraisalRating.BUTUH_PERBAIKAN,
    AppraisalRating.BAIK,
    AppraisalRating.SANGAT_BAIK,
)


class Appraisal(BaseModel):
    """One year's appraisal; for years before 2022 the lowest element score may be kept too."""

    model_config = ConfigDict(frozen=True)

    year: int = Field(ge=1970, le=2100)
    rating: AppraisalRating
    lowest_element_score: Decimal | None = None
