"""The talent search (binjai-2023 P23, balikpapan-2022 P19): "Dalam hal dibutuhkan Talenta dalam
waktu cepat dan/atau dibutuhkan Talenta dengan keahlian/kompetensi tertentu, dapat dilakukan
pencarian Talenta yang ditindaklanjuti melalui mekanisme mutasi/rotasi ... atau penempatan
Talenta melalui mekanisme penugasan atau penugasan khusus."

A decision of its own beside the succession plan: who is needed and why, what the search found
and whom it chose, and the decree of the mutation/rotation or the (special) assignment that
follows it. The aggregate decides on what the caller gives it (the chosen talent's personnel
facts on the decree date); the handlers declare who takes each step.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import Any
from uuid import UUID, uuid4

from eventsourcing.domain import Aggregate, event

from domain.envelope import Envelope
from domain.rules.pack import RulePack
from domain.talent.critical import cycle_on
from domain.talent.refusals import SEARCH
from domain.talent.stamps import stamped
from domain.talent.succession_rules import ensure_talent_status
from domain.talent.succession_values import TalentFacts
from domain.values import Nip, PositionLevel


class SearchGround(StrEnum):
    URGENT = "urgent"  # "dalam waktu cepat"
    SPECIFIC_EXPERTISE = "specific-expertise"  # "keahlian/kompetensi tertentu"


class SearchFollowUp(StrEnum):
    MUTATION_ROTATION = "mutation-rotation"  # mutasi/rotasi
    ASSIGNMENT = "assignment"  # penugasan
    SPECIAL_ASSIGNMENT = "special-assignment"  # penugasan khusus


class TalentSearch(Aggregate):
    class SearchOpened(Aggregate.Created):
        agency: str
        position: str
        unit: str
        level: str
        grounds: list[str]
        expertise: str
        justification: str
        envelope: dict[str, Any]

    class SearchConcluded(Aggregate.Event):
        nips: list[str]  # the talents found
        nip: str  # the one chosen; "" when none fit
        result: str
        envelope: dict[str, Any]

    class SearchDecided(Aggregate.Event):
        nip: str
        follow_up: str
        from_unit: str
        decree_number: str
        decree_date: date
        envelope: dict[str, Any]

    @staticmethod
    def create_id(**_: Any) -> UUID:
        return uuid4()

    @event(SearchOpened)
    def __init__(
        self,
        agency: str,
        position: str,
        unit: str,
        level: str,
        grounds: list[str],
        expertise: str,
        justification: str,
        envelope: dict[str, Any],
    ) -> None:
        self.agency = agency
        self.position = position
        self.unit = unit
        self.level = PositionLevel(level)
        self.grounds = tuple(SearchGround(g) for g in grounds)
        self.expertise = expertise
        self.justification = justification
        self.opened_on = Envelope.from_event(envelope).effective
        self.found: tuple[str, ...] = ()
        self.chosen: str | None = None
        self.concluded_on: date | None = None
        self.decided: SearchFollowUp | None = None
        self.decree_number: str | None = None

    @classmethod
    def open(
        cls,
        agency: str,
        position: str,
        unit: str,
        level: PositionLevel,
        grounds: Sequence[SearchGround],
        expertise: str,
        justification: str,
        pack: RulePack,
        envelope: Envelope,
    ) -> TalentSearch:
        """Who is needed (the position) and why: fast, and/or with the ``expertise`` named."""
        cycle = cycle_on(pack, envelope.effective)
        wanted = tuple(dict.fromkeys(grounds))
        if not wanted or not justification.strip():
            raise SEARCH.refused("search-grounds-missing", cycle.talent_search_citation)
        if SearchGround.SPECIFIC_EXPERTISE in wanted and not expertise.strip():
            raise SEARCH.refused("search-expertise-missing", cycle.talent_search_citation)
        return cls(
            agency=agency,
            position=position,
            unit=unit,
            level=str(level),
            grounds=[str(g) for g in wanted],
            expertise=expertise.strip(),
            justification=justification.strip(),
            envelope=stamped(envelope, pack, cycle.talent_search_citation),
        )

    def conclude(
        self,
        found: Sequence[str],
        chosen: str | None,
        result: str,
        pack: RulePack,
        envelope: Envelope,
    ) -> None:
        """The search's result: the talents it found and the one chosen (None: none fit)."""
        cycle = cycle_on(pack, envelope.effective)
        nips = [str(Nip(nip)) for nip in found]
        pick = str(Nip(chosen)) if chosen else ""
        if self.concluded_on is not None:
            raise SEARCH.refused(
                "search-already-concluded",
                cycle.talent_search_citation,
                concluded_on=self.concluded_on,
            )
        if envelope.effective < self.opened_on or not result.strip():
            raise SEARCH.refused(
                "search-result-missing", cycle.talent_search_citation, opened_on=self.opened_on
            )
        if len(set(nips)) != len(nips) or (pick and pick not in nips):
            raise SEARCH.refused("search-choice-not-found", cycle.talent_search_citation, pick=pick)
        self._concluded(
            nips=nips,
            nip=pick,
            result=result.strip(),
            envelope=stamped(envelope, pack, cycle.talent_search_citation),
        )

    def decide(
        self,
        nip: str,
        follow_up: SearchFollowUp,
        talent: TalentFacts,
        from_unit: str,
        decree_number: str,
        decree_date: date,
        pack: RulePack,
        envelope: Envelope,
    ) -> None:
        """The decree following the search: the chosen talent moved by mutation/rotation or
        placed by (special) assignment into the position sought (in Binjai a PNS, P1(12))."""
        cycle = cycle_on(pack, decree_date)
        nip = str(Nip(nip))
        if self.decided is not None:
            raise SEARCH.refused(
                "search-already-decided",
                cycle.talent_search_citation,
                decree_number=self.decree_number,
            )
        if self.concluded_on is None or self.chosen is None or nip != self.chosen:
            raise SEARCH.refused(
                "search-not-chosen",
                cycle.talent_search_citation,
                nip=nip,
                chosen=self.chosen or "belum ada",
                chosen_en=self.chosen or "none yet",
            )
        if decree_date < self.concluded_on:
            raise SEARCH.refused(
                "search-decree-early",
                cycle.talent_search_citation,
                decree_date=decree_date,
                concluded_on=self.concluded_on,
            )
        ensure_talent_status(nip, talent, cycle, "ditempatkan/placed")
        self._decided(
            nip=nip,
            follow_up=str(follow_up),
            from_unit=from_unit,
            decree_number=decree_number,
            decree_date=decree_date,
            envelope=envelope.to_event(),
        )

    @event(SearchConcluded)
    def _concluded(self, nips: list[str], nip: str, result: str, envelope: dict[str, Any]) -> None:
        self.found = tuple(nips)
        self.chosen = nip or None
        self.concluded_on = Envelope.from_event(envelope).effective

    @event(SearchDecided)
    def _decided(
        self,
        nip: str,
        follow_up: str,
        from_unit: str,
        decree_number: str,
        decree_date: date,
        envelope: dict[str, Any],
    ) -> None:
        self.decided = SearchFollowUp(follow_up)
        self.decree_number = decree_number
