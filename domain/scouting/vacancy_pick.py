"""The checks of the mayor's pick for a vacancy and what follows it (madiun-2021 P22(1), P24
angka 5, P27-28): one of the shortlisted, still standing on the decree date and not lapsed
before; a pick lapses only once its entry no longer holds; the inauguration follows the decree."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from domain.scouting.pool import PoolEntry
from domain.scouting.refusals import VACANCY
from domain.scouting.vacancy_state import Standing, VacancyRecord, VacancyState
from domain.values import Nip


class Picking(VacancyRecord):
    def _ensure_pickable(
        self, nip: str, decree_date: date, standing: Mapping[str, Standing]
    ) -> None:
        self._ensure_state(VacancyState.SHORTLISTED, "pick")
        assert self.shortlisted is not None
        if Nip(nip) not in self.shortlisted.nips:
            raise VACANCY.refused("not-shortlisted", nip=nip)
        lapsed = next((lapse for lapse in self.lapses if lapse.nip == Nip(nip)), None)
        if lapsed is not None:
            raise VACANCY.refused("pick-lapsed", nip=nip, lapse=lapsed)
        if self.lapses and decree_date < self.lapses[-1].lapsed_on:
            raise VACANCY.refused(
                "pick-before-lapse", decree_date=decree_date, lapse=self.lapses[-1]
            )
        self._ensure_standing(str(Nip(nip)), standing, decree_date)

    def _ensure_lapsed(self, entry: PoolEntry | None, on: date) -> tuple[str, PoolEntry]:
        """The picked NIP and their proposed entry, which no longer holds on ``on``."""
        self._ensure_state(VacancyState.PICKED, "lapse-pick")
        assert self.picked is not None
        nip = self.picked.nip
        if entry is None or entry.entry_id != self.proposals[nip].entry_id:
            raise ValueError(f"not the entry NIP {nip} was proposed with: {entry}")
        if on < entry.held_until or entry.used is not None:
            raise VACANCY.refused("pick-not-lapsed", nip=nip, on=on, entry=entry)
        return nip, entry

    def _ensure_inaugurable(self, inaugurated_on: date) -> str:
        """The picked NIP, inaugurated on or after the decree."""
        self._ensure_state(VacancyState.PICKED, "inaugurate")
        assert self.picked is not None
        decreed = self.picked.decree_date
        if inaugurated_on < decreed:
            raise VACANCY.refused(
                "inaugurated-before-decree", inaugurated_on=inaugurated_on, decreed=decreed
            )
        return self.picked.nip
