"""The base rule pack: one regulation's identity, dates, readings, clocks and (optional) nine-box.

A pack is pure data; the pack modules (``binjai``, ``balikpapan``, ``madiun``) build one instance
each and hold the functions that apply it. A fourth city is a new module, not edits elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from domain.rules.calendar import CLOCKS, Clock, ClockId
from domain.rules.core import (
    Citation,
    Message,
    PackNotInForce,
    Reading,
    ReadingId,
    ReadingUse,
    RuleRefusal,
)
from domain.rules.cycle import CycleRules
from domain.rules.ninebox import NineBoxPlacement, NineBoxRules, Performance, Potential, place


@dataclass(frozen=True)
class RulePack:
    id: str
    title: str
    regulation: str
    signed: date
    in_force: date
    in_force_citation: Citation
    # IANA name; each agency bound to the pack may still set its own (domain.agencies).
    time_zone: str
    readings: tuple[Reading, ...]
    clocks: tuple[ClockId, ...]
    notes: tuple[Message, ...] = ()
    nine_box: NineBoxRules | None = None
    # The talent-management cycle (acquisition to monitoring); None for packs without it.
    cycle: CycleRules | None = None
    # Readings a nine-box placement applies (Binjai: D6).
    nine_box_readings: tuple[ReadingId, ...] = ()

    def cite(self, article: str) -> Citation:
        return Citation(f"{self.id}:{article}")

    def reading(self, reading: ReadingId) -> Reading:
        for candidate in self.readings:
            if candidate.id == reading:
                return candidate
        raise RuleRefusal(
            "reading-not-in-pack",
            Message(
                id=f"paket {self.id} tidak memiliki bacaan {reading}",
                en=f"pack {self.id} has no reading {reading}",
            ),
        )

    def uses(self, *readings: ReadingId) -> tuple[ReadingUse, ...]:
        return tuple(self.reading(r).use() for r in readings)

    def with_readings(self, **choices: str) -> RulePack:
        """A copy with other options chosen, e.g. ``pack.with_readings(D1="all")``."""
        chosen = {ReadingId(key): option for key, option in choices.items()}
        for reading in chosen:
            self.reading(reading)  # refuses a reading the pack does not carry
        return replace(
            self,
            readings=tuple(r.choose(chosen[r.id]) if r.id in chosen else r for r in self.readings),
        )

    def in_force_on(self, day: date) -> bool:
        return day >= self.in_force

    def ensure_in_force(self, day: date) -> None:
        if not self.in_force_on(day):
            raise PackNotInForce(
                "pack-not-in-force",
                Message(
                    id=(
                        f"{self.regulation} baru berlaku mulai {self.in_force.isoformat()}; "
                        f"keputusan bertanggal {day.isoformat()} tidak dapat dinilai dengannya"
                    ),
                    en=(
                        f"{self.regulation} is in force from {self.in_force.isoformat()}; a "
                        f"decision dated {day.isoformat()} cannot be judged under it"
                    ),
                ),
                self.in_force_citation,
            )

    def clock(self, clock: ClockId) -> Clock:
        if clock not in self.clocks:
            raise RuleRefusal(
                "clock-not-in-pack",
                Message(
                    id=f"paket {self.id} tidak mengenal tenggat {clock}",
                    en=f"pack {self.id} keeps no {clock} clock",
                ),
            )
        return CLOCKS[clock]

    def place(self, performance: Performance, potential: Potential) -> NineBoxPlacement:
        if self.nine_box is None:
            raise RuleRefusal(
                "no-nine-box",
                Message(
                    id=(
                        f"{self.regulation} tidak mengatur Kotak Manajemen Talenta; "
                        "gunakan Talent Scouting dan Talent Pool"
                    ),
                    en=(
                        f"{self.regulation} has no nine-box; it fills positions through "
                        "scouting and the talent pool"
                    ),
                ),
            )
        return place(self.nine_box, performance, potential, self.uses(*self.nine_box_readings))
