"""The checks of the board's shortlist for a vacancy (madiun-2021 P24 angka 3-4): three distinct
proposed candidates, fewer only under the relaxed reading M2 and with a written justification,
each still standing on the minutes' date."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from domain.scouting.refusals import VACANCY
from domain.scouting.vacancy_state import Standing, VacancyRecord

SHORTLIST_SIZE = 3  # P24 angka 4: three candidates per vacancy


class Shortlisting(VacancyRecord):
    def _ensure_shortlistable(
        self,
        listed: list[str],
        justification: str,
        standing: Mapping[str, Standing],
        on: date,
        relaxed: bool,
    ) -> bool:
        """True when the shortlist is short: fewer than three, which only the relaxed reading
        M2 accepts, with a written justification."""
        strangers = [nip for nip in listed if nip not in self.proposals]
        if strangers:
            raise VACANCY.refused("not-proposed", nips=", ".join(strangers))
        if len(set(listed)) != len(listed) or not listed or len(listed) > SHORTLIST_SIZE:
            raise VACANCY.refused("shortlist-size", size=SHORTLIST_SIZE, count=len(listed))
        short = len(listed) < SHORTLIST_SIZE
        if short and not relaxed:
            raise VACANCY.refused("shortlist-short", size=SHORTLIST_SIZE, count=len(listed))
        if short and not justification.strip():
            raise VACANCY.refused("shortlist-unjustified", size=SHORTLIST_SIZE)
        for nip in listed:
            self._ensure_standing(nip, standing, on)
        return short
