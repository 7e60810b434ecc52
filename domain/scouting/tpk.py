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
from domain.scouting.errors import refuse


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
            raise refuse(
                "tpk-member-twice",
                f"satu orang tercatat lebih dari sekali dalam Tim Penilai Kinerja: "
                f"{', '.join(twice)}",
                f"one person listed more than once on the board: {', '.join(twice)}",
                "P8(2)",
            )
        offices = Counter(m.office for m in self.members)
        repeated = sorted(str(o) for o, n in offices.items() if n > 1)
        if repeated:
            raise refuse(
                "tpk-office-twice",
                f"satu jabatan diduduki lebih dari satu orang: {', '.join(repeated)}",
                f"one office filled by more than one person: {', '.join(repeated)}",
                "P8(2)",
            )
        if self.chair is None:
            raise refuse(
                "tpk-chair",
                "sidang Tim Penilai Kinerja dipimpin Sekretaris Daerah selaku ketua; tidak hadir",
                "the board session is chaired by the regional secretary, who is not listed",
                "P8(2)(a)",
            )
        unlettered = [m.name for m in self.members if m.deputy and not m.deputy_letter.strip()]
        if unlettered:
            raise refuse(
                "tpk-deputy-letter",
                f"wakil tanpa surat penunjukan: {', '.join(unlettered)}",
                f"a deputy without a letter of assignment: {', '.join(unlettered)}",
                "P8(2)",
            )
        quorum = pack.reading(ReadingId.M1)
        missing = [o for o in TpkOffice if o not in offices]
        if quorum.chosen == "all-offices" and missing:
            raise refuse(
                "tpk-quorum",
                f"Tim Penilai Kinerja terdiri dari lima jabatan; tidak hadir: "
                f"{', '.join(f'{OFFICE_LETTERS[o]}. {o}' for o in missing)}",
                f"the board is the five offices; absent: "
                f"{', '.join(f'{OFFICE_LETTERS[o]}. {o}' for o in missing)}",
                "P8(2)",
            )
        if quorum.chosen == "majority-with-chair" and len(offices) < MAJORITY:
            raise refuse(
                "tpk-quorum",
                f"hadir {len(offices)} dari 5 jabatan, kurang dari {MAJORITY}",
                f"{len(offices)} of the 5 offices sat, fewer than {MAJORITY}",
                "P8(2)",
            )
        count = len(self.members)
        if count % 2 == 0:
            raise refuse(
                "tpk-even",
                f"Tim Penilai Kinerja harus berjumlah ganjil, tercatat {count} anggota",
                f"the performance review board must have an odd number of members, got {count}",
                "P8(2)",
            )
        return quorum.use()

    def to_event(self) -> dict[str, Any]:
        return self.model_dump(mode="json")
