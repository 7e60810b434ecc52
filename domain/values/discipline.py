"""Disciplinary penalties (hukuman disiplin) and investigations (pemeriksaan)."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, model_validator

from domain.values.errors import InvalidValue


class PenaltyLevel(StrEnum):
    LIGHT = "ringan"
    MODERATE = "sedang"
    SEVERE = "berat"

    @property
    def is_moderate_or_severe(self) -> bool:
        return self is not PenaltyLevel.LIGHT

    @classmethod
    def parse(cls, raw: str) -> PenaltyLevel:
        key = re.sub(r"[^a-z0-9]", "", raw.lower())
        for level, words in _SPELLINGS.items():
            if key in words:
                return level
        raise InvalidValue("tingkat hukuman tidak dikenal", f"unknown penalty level: {raw!r}")


_SPELLINGS = {
    PenaltyLevel.LIGHT: {"ringan", "light", "1"},
    PenaltyLevel.MODERATE: {"sedang", "moderate", "2"},
    PenaltyLevel.SEVERE: {"berat", "severe", "3"},
}


class Penalty(BaseModel):
    """A penalty served from ``start`` through ``end``; an annulled one does not count."""

    model_config = ConfigDict(frozen=True)

    level: PenaltyLevel
    start: date
    end: date
    kind: str = ""
    decree_number: str = ""
    decree_date: date | None = None
    annulment_decree: str = ""

    @property
    def counts(self) -> bool:
        return not self.annulment_decree

    def serving_on(self, day: date) -> bool:
        return self.counts and self.start <= day <= self.end

    @model_validator(mode="after")
    def _ends_after_start(self) -> Penalty:
        if self.end < self.start:
            raise InvalidValue(
                f"hukuman berakhir {self.end} sebelum mulai {self.start}",
                "penalty ends before it starts",
            )
        return self


class Investigation(BaseModel):
    """An investigation of a suspected disciplinary breach, open until ``closed``."""

    model_config = ConfigDict(frozen=True)

    opened: date
    closed: date | None = None
    reference: str = ""

    def open_on(self, day: date) -> bool:
        return self.opened <= day and (self.closed is None or day < self.closed)

    @model_validator(mode="after")
    def _closes_after_opening(self) -> Investigation:
        if self.closed is not None and self.closed < self.opened:
            raise InvalidValue(
                "pemeriksaan ditutup sebelum dibuka", "investigation closed before opened"
            )
        return self
