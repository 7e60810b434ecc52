"""A critical position (jabatan kritikal, Binjai P13-14, Balikpapan P9-10): declared by PPK decree
with every characteristic of the pack justified, reported to KemenPANRB, withdrawn by decree.

Also holds what every talent-cycle aggregate asks of the pack: its cycle data for a decision date,
and the neighbouring articles of a cited one (the pack data cites the lists, not their heads).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain.envelope import Envelope
from domain.rules.core import Citation
from domain.rules.cycle import CycleRules
from domain.rules.pack import RulePack
from domain.talent.refusals import CRITICAL
from domain.talent.stamps import stamped
from domain.values import PositionLevel

_CRITICAL_IDS = uuid5(NAMESPACE_URL, "talenta:critical-position")


def cycle_on(pack: RulePack, day: date) -> CycleRules:
    """The pack's cycle data for a decision dated ``day`` (PackNotInForce before it holds)."""
    pack.ensure_in_force(day)
    if pack.cycle is None:
        raise CRITICAL.refused("no-talent-cycle-in-pack", regulation=pack.regulation)
    return pack.cycle


def head(citation: Citation) -> Citation:
    """The list a cited item belongs to: ``binjai-2023:P13(3)(d)`` -> ``binjai-2023:P13(3)``."""
    return Citation(citation.rsplit("(", 1)[0])


def ayat(citation: Citation, number: int) -> Citation:
    """Another ayat of the cited Pasal: ``binjai-2023:P16(2)(a)``, 1 -> ``binjai-2023:P16(1)``."""
    return Citation(f"{citation.pack}:{citation.article.split('(', 1)[0]}({number})")


def critical_position_id(agency: str, unit: str, position: str) -> UUID:
    return uuid5(_CRITICAL_IDS, f"{agency}/{unit}/{position}")


class CriticalPosition(Aggregate):
    class Declared(Aggregate.Created):
        agency: str
        position: str
        unit: str
        level: str
        characteristics: dict[str, str]
        priority_rank: int
        competency_standard: str
        decree_number: str
        decree_date: date
        envelope: dict[str, Any]

    class Reported(Aggregate.Event):
        letter_number: str
        letter_date: date
        envelope: dict[str, Any]

    class Withdrawn(Aggregate.Event):
        decree_number: str
        decree_date: date
        envelope: dict[str, Any]

    @staticmethod
    def create_id(agency: str, unit: str, position: str, **_: Any) -> UUID:
        return critical_position_id(agency, unit, position)

    @event(Declared)
    def __init__(
        self,
        agency: str,
        position: str,
        unit: str,
        level: str,
        characteristics: dict[str, str],
        priority_rank: int,
        competency_standard: str,
        decree_number: str,
        decree_date: date,
        envelope: dict[str, Any],
    ) -> None:
        self.agency = agency
        self.position = position
        self.unit = unit
        self.level = PositionLevel(level)
        self.characteristics = dict(characteristics)
        self.priority_rank = priority_rank
        self.competency_standard = competency_standard
        self.decree_number = decree_number
        self.decree_date = decree_date
        self.reported_on: date | None = None
        self.withdrawn_on: date | None = None

    @classmethod
    def declare(
        cls,
        agency: str,
        position: str,
        unit: str,
        level: PositionLevel,
        characteristics: Mapping[str, str],
        priority_rank: int,
        competency_standard: str,
        decree_number: str,
        decree_date: date,
        pack: RulePack,
        envelope: Envelope,
    ) -> CriticalPosition:
        cycle = cycle_on(pack, decree_date)
        justified = {code: text.strip() for code, text in characteristics.items() if text.strip()}
        listed = {item.code for item in cycle.critical_characteristics}
        strangers = sorted(set(characteristics) - listed)
        if strangers:
            raise CRITICAL.refused(
                "unknown-characteristic",
                head(cycle.critical_characteristics[0].citation),
                pack_id=pack.id,
                codes=", ".join(strangers),
            )
        for item in cycle.critical_characteristics:
            if item.code not in justified:
                raise CRITICAL.refused(
                    "characteristic-missing", item.citation, id=item.text.id, en=item.text.en
                )
        if level not in cycle.critical_levels:
            raise CRITICAL.refused(
                "level-not-critical", cycle.critical_levels_citation, level=level
            )
        if priority_rank < 1:
            # The ranking is ayat (1) of the Pasal whose ayat sets the levels (P14, P10).
            raise CRITICAL.refused(
                "priority-rank",
                ayat(cycle.critical_levels_citation, 1),
                priority_rank=priority_rank,
            )
        if not competency_standard.strip() or not decree_number.strip():
            raise CRITICAL.refused("decree-incomplete", cycle.critical_decree_citation)
        return cls(
            agency=agency,
            position=position,
            unit=unit,
            level=str(level),
            characteristics=justified,
            priority_rank=priority_rank,
            competency_standard=competency_standard.strip(),
            decree_number=decree_number.strip(),
            decree_date=decree_date,
            envelope=stamped(
                envelope,
                pack,
                *(item.citation for item in cycle.critical_characteristics),
                ayat(cycle.critical_levels_citation, 1),
                cycle.critical_levels_citation,
                cycle.critical_decree_citation,
            ),
        )

    @property
    def active(self) -> bool:
        return self.withdrawn_on is None

    def active_on(self, day: date) -> bool:
        return self.decree_date <= day and (self.withdrawn_on is None or day < self.withdrawn_on)

    def report(
        self, letter_number: str, letter_date: date, pack: RulePack, envelope: Envelope
    ) -> None:
        cycle = cycle_on(pack, letter_date)
        self._ensure_active_on(letter_date, cycle)
        self._reported(
            letter_number=letter_number,
            letter_date=letter_date,
            envelope=stamped(envelope, pack, cycle.critical_decree_citation),
        )

    def withdraw(
        self, decree_number: str, decree_date: date, pack: RulePack, envelope: Envelope
    ) -> None:
        cycle = cycle_on(pack, decree_date)
        self._ensure_active_on(decree_date, cycle)
        self._withdrawn(
            decree_number=decree_number,
            decree_date=decree_date,
            envelope=stamped(envelope, pack, cycle.critical_decree_citation),
        )

    def _ensure_active_on(self, day: date, cycle: CycleRules) -> None:
        if not self.active_on(day):
            raise CRITICAL.refused(
                "critical-position-not-in-force",
                cycle.critical_decree_citation,
                position=self.position,
                day=day,
                decree_date=self.decree_date,
                withdrawn_on=self.withdrawn_on or "-",
            )

    @event(Reported)
    def _reported(self, letter_number: str, letter_date: date, envelope: dict[str, Any]) -> None:
        self.reported_on = letter_date

    @event(Withdrawn)
    def _withdrawn(self, decree_number: str, decree_date: date, envelope: dict[str, Any]) -> None:
        self.withdrawn_on = decree_date
