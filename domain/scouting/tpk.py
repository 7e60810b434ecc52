"""A session of the performance review board (Tim Penilai Kinerja, madiun-2021 P8)."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from domain.scouting.errors import refuse

# P8(2)(a): the regional secretary sits as chair ("selaku ketua").
CHAIR_ROLES = frozenset({"chair", "ketua"})


class TpkMember(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str = Field(min_length=1)
    role: str = Field(min_length=1)

    @property
    def chairs(self) -> bool:
        return self.role.strip().lower() in CHAIR_ROLES


class TpkSession(BaseModel):
    """Who sat, and the minutes (Berita Acara) that record the session."""

    model_config = ConfigDict(frozen=True)

    minutes_number: str = Field(min_length=1)
    minutes_date: date
    members: tuple[TpkMember, ...]

    def ensure_constituted(self) -> None:
        """P8(2): an odd number of members, chaired by one of them."""
        count = len(self.members)
        if count % 2 == 0:
            raise refuse(
                "tpk-even",
                f"Tim Penilai Kinerja harus berjumlah ganjil, tercatat {count} anggota",
                f"the performance review board must have an odd number of members, got {count}",
                "P8(2)",
            )
        chairs = sum(member.chairs for member in self.members)
        if chairs != 1:
            raise refuse(
                "tpk-chair",
                f"sidang Tim Penilai Kinerja harus dipimpin satu ketua, tercatat {chairs}",
                f"the board session needs exactly one chair, got {chairs}",
                "P8(2)(a)",
            )

    def to_event(self) -> dict[str, Any]:
        return self.model_dump(mode="json")
