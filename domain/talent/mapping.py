"""One employee's talent profile (Binjai P17-21, Balikpapan P13-15): each assessment of performance
and potential with its evidence, placed on the nine-box by the pack. A re-assessment for the same
period supersedes the earlier one by a new event; nothing is overwritten.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event
from pydantic import BaseModel, ConfigDict

from domain.envelope import Envelope
from domain.rules.core import Message, ReadingUse
from domain.rules.ninebox import Performance, Potential
from domain.rules.pack import RulePack
from domain.talent.critical import cycle_on
from domain.talent.refusals import MAPPING
from domain.values import Nip, PositionLevel

_PROFILE_IDS = uuid5(NAMESPACE_URL, "talenta:talent-profile")
# The sources of the potential level (Binjai P18(2)(b)-(f), Balikpapan P13(3)(b)-(e)); their
# parts differ per pack (Binjai tests "Kompetensi Pemerintahan" too), so each stays free-form.
EVIDENCE_KEYS = ("assessment_centre", "competency_test", "track_record", "other")


def profile_id(agency: str, nip: str) -> UUID:
    return uuid5(_PROFILE_IDS, f"{agency}/{Nip(nip)}")


class Assessment(BaseModel):
    model_config = ConfigDict(frozen=True)

    ref: str  # "<profile id>/<version>" of its Assessed event
    nip: str
    period: str
    unit: str
    level: PositionLevel
    assessed_on: date
    performance: Performance
    potential: Potential
    evidence: dict[str, dict[str, Any]]
    box: int
    category: Message
    recommendations: tuple[str, ...]
    readings_used: tuple[ReadingUse, ...]
    supersedes: str = ""


class TalentProfile(Aggregate):
    class Started(Aggregate.Created):
        agency: str
        nip: str
        envelope: dict[str, Any]
        # An external candidate's (Binjai P17, Balikpapan P13(1)): where they come from, by the
        # evidence the agency holds, never read from another agency's records.
        external_source: dict[str, Any] | None = None

    class Assessed(Aggregate.Event):
        agency: str
        nip: str
        unit: str
        level: str
        period: str
        performance: str
        potential: str
        evidence: dict[str, dict[str, Any]]
        box: int
        category: dict[str, str]
        recommendations: list[str]
        readings_used: list[dict[str, str]]
        supersedes: str
        envelope: dict[str, Any]

    @staticmethod
    def create_id(agency: str, nip: str, **_: Any) -> UUID:
        return profile_id(agency, nip)

    @event(Started)
    def __init__(
        self,
        agency: str,
        nip: str,
        envelope: dict[str, Any],
        external_source: dict[str, Any] | None = None,
    ) -> None:
        self.agency = agency
        self.nip = nip
        self.external_source = external_source
        self._assessments: list[Assessment] = []

    @classmethod
    def start(
        cls,
        agency: str,
        nip: str,
        envelope: Envelope,
        external_source: Mapping[str, Any] | None = None,
    ) -> TalentProfile:
        """``external_source``: the origin and its evidence of an external candidate's profile."""
        return cls(
            agency=agency,
            nip=str(Nip(nip)),
            envelope=envelope.to_event(),
            external_source=dict(external_source) if external_source is not None else None,
        )

    def assess(
        self,
        unit: str,
        level: PositionLevel,
        period: str,
        performance: Performance,
        potential: Potential,
        evidence: Mapping[str, Mapping[str, Any]],
        pack: RulePack,
        envelope: Envelope,
    ) -> Assessment:
        """``envelope.effective`` is the assessment's date; from it the placement holds."""
        on = envelope.effective
        cycle = cycle_on(pack, on)
        strangers = sorted(set(evidence) - set(EVIDENCE_KEYS))
        if strangers or not evidence:
            raise MAPPING.refused(
                "assessment-evidence",
                cycle.assessment_citation,
                expected=", ".join(EVIDENCE_KEYS),
                given=", ".join(evidence) or "-",
            )
        earlier = self.current_for(period)
        if earlier is not None and on < earlier.assessed_on:
            raise MAPPING.refused(
                "reassessment-backdated",
                cycle.assessment_citation,
                period=period,
                on=on,
                assessed_on=earlier.assessed_on,
            )
        placement = pack.place(performance, potential)
        self._assessed(
            agency=self.agency,
            nip=self.nip,
            unit=unit,
            level=str(level),
            period=period,
            performance=str(performance),
            potential=str(potential),
            evidence={key: dict(value) for key, value in evidence.items()},
            box=placement.box,
            category=placement.category.model_dump(),
            recommendations=[str(r) for r in placement.recommendations],
            readings_used=[use.model_dump(mode="json") for use in placement.readings_used],
            supersedes=earlier.ref if earlier else "",
            envelope=envelope.to_event(),
        )
        return self._assessments[-1]

    # Queries

    @property
    def assessments(self) -> tuple[Assessment, ...]:
        """Every assessment recorded, superseded ones included, in the order recorded."""
        return tuple(self._assessments)

    def current_for(self, period: str) -> Assessment | None:
        """The latest assessment of ``period``, the one a re-assessment would supersede."""
        return next((a for a in reversed(self._assessments) if a.period == period), None)

    def assessment_on(self, day: date) -> Assessment | None:
        """The assessment in force on ``day``: the latest dated on or before it (a later one
        of the same date, i.e. a same-day re-assessment, wins)."""
        held = [a for a in reversed(self._assessments) if a.assessed_on <= day]
        return max(held, key=lambda a: a.assessed_on) if held else None

    def box_on(self, day: date) -> int | None:
        found = self.assessment_on(day)
        return found.box if found else None

    @event(Assessed)
    def _assessed(
        self,
        agency: str,
        nip: str,
        unit: str,
        level: str,
        period: str,
        performance: str,
        potential: str,
        evidence: dict[str, dict[str, Any]],
        box: int,
        category: dict[str, str],
        recommendations: list[str],
        readings_used: list[dict[str, str]],
        supersedes: str,
        envelope: dict[str, Any],
    ) -> None:
        # The aggregate takes this event's version only after applying it.
        self._assessments.append(
            Assessment(
                ref=f"{self.id}/{self.version + 1}",
                nip=nip,
                period=period,
                unit=unit,
                level=PositionLevel(level),
                assessed_on=Envelope.from_event(envelope).effective,
                performance=Performance(performance),
                potential=Potential(potential),
                evidence=evidence,
                box=box,
                category=Message.model_validate(category),
                recommendations=tuple(recommendations),
                readings_used=tuple(ReadingUse.model_validate(use) for use in readings_used),
                supersedes=supersedes,
            )
        )
