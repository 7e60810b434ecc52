"""A session of the performance review board (Tim Penilai Kinerja, madiun-2021 P8): its members
by office, as the mayor's decree constitutes it (P8(1)), and the minutes of the session."""

from __future__ import annotations

from collections import Counter
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from domain.rules.core import ReadingId, ReadingUse
from domain.rules.madiun import PACK
from domain.rules.pack import RulePack
from domain.scouting.refusals import TPK


class TpkOffice(StrEnum):
    """The five offices of P8(2)(a)-(e), the regional secretary first (the chair)."""

    SEKDA = "sekda"
    KEPALA_BKPSDM = "kepala-bkpsdm"
    INSPEKTUR = "inspektur"
    ASISTEN_PEMERINTAHAN = "asisten-pemerintahan-kesra"
    ASISTEN_ADMINISTRASI = "asisten-administrasi-pembangunan-umum"


OFFICE_LETTERS = dict(zip(TpkOffice, "abcde", strict=True))
# "majority-with-chair" (reading M1): the chair and a majority of the five offices.
MAJORITY = 3


class TpkMember(BaseModel):
    """One person sitting for one office; a deputy sits with the letter that assigns them."""

    model_config = ConfigDict(frozen=True)

    name: str = Field(min_length=1)
    office: TpkOffice
    deputy: bool = False
    # The letter assigning a deputy to sit for the office's holder (number and date).
    deputy_letter: str = ""

    @property
    def person(self) -> str:
        return " ".join(self.name.split()).casefold()


class TpkSession(BaseModel):
    """Who sat, for which office, under which decree, and the minutes (Berita Acara)."""

    model_config = ConfigDict(frozen=True)

    minutes_number: str = Field(min_length=1)
    minutes_date: date
    # The mayor's decree constituting the board (P8(1)).
    decree_number: str = Field(min_length=1)
    members: tuple[TpkMember, ...]

    @property
    def chair(self) -> TpkMember | None:
        """P8(2)(a): the regional secretary sits as chair ("selaku ketua")."""
        return next((m for m in self.members if m.office is TpkOffice.SEKDA), None)

    def ensure_constituted(self, pack: RulePack = PACK) -> ReadingUse:
        """P8(2): each person and each office once, the Sekda in the chair, the quorum of
        reading M1, an odd number; returns the reading applied."""
        twice = sorted(p for p, n in Counter(m.person for m in self.members).items() if n > 1)
        if twice:
            raise TPK.refused("tpk-member-twice", names=", ".join(twice))
        offices = Counter(m.office for m in self.members)
        repeated = sorted(str(o) for o, n in offices.items() if n > 1)
        if repeated:
            raise TPK.refused("tpk-office-twice", offices=", ".join(repeated))
        if self.chair is None:
            raise TPK.refused("tpk-chair")
        unlettered = [m.name for m in self.members if m.deputy and not m.deputy_letter.strip()]
        if unlettered:
            raise TPK.refused("tpk-deputy-letter", names=", ".join(unlettered))
        quorum = pack.reading(ReadingId.M1)
        missing = [o for o in TpkOffice if o not in offices]
        if quorum.chosen == "all-offices" and missing:
            raise TPK.refused(
                "tpk-quorum", absent=", ".join(f"{OFFICE_LETTERS[o]}. {o}" for o in missing)
            )
        if quorum.chosen == "majority-with-chair" and len(offices) < MAJORITY:
            raise TPK.refused("tpk-too-few", count=len(offices), majority=MAJORITY)
        count = len(self.members)
        if count % 2 == 0:
            raise TPK.refused("tpk-even", count=count)
        return quorum.use()

    def to_event(self) -> dict[str, Any]:
        return self.model_dump(mode="json")
