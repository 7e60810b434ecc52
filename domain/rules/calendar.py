"""Calendar arithmetic for the clocks of rulebook Part C, under reading D7.

D7: a length of "n tahun" is n calendar years. It expires on the n-th anniversary of its start
date and is valid through the day before. An anniversary that would fall on 29 February in a common
year falls on 28 February (the last day of that February), never on 1 March.
Dates are calendar dates already taken in the agency's time zone (see ``domain.agencies``).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from domain.rules.core import Citation, Message, ReadingId


def add_years(start: date, years: int) -> date:
    """The same day ``years`` calendar years later (or earlier); 29 Feb becomes 28 Feb."""
    year = start.year + years
    try:
        return start.replace(year=year)
    except ValueError:
        # Only 29 February can be missing from the target year.
        return date(year, 2, 28)


def expiry(start: date, years: int) -> date:
    """The first day a length of ``years`` starting on ``start`` is no longer valid."""
    return add_years(start, years)


def valid_on(start: date, years: int, day: date) -> bool:
    """Whether ``day`` falls within the length: from ``start`` through the day before expiry."""
    return start <= day < expiry(start, years)


def completed_years(start: date, day: date) -> int:
    """Whole years from ``start`` to ``day`` (an age): anniversaries reached, as ``add_years``."""
    years = day.year - start.year
    if years > 0 and add_years(start, years) > day:
        years -= 1
    return max(years, 0)


def budget_year_end(day: date) -> date:
    """Indonesian regional budget years run with the calendar year (UU 17/2003 P4)."""
    return date(day.year, 12, 31)


class ClockId(StrEnum):
    MONITORING = "post-placement-monitoring"
    YEARLY_EVALUATION = "yearly-programme-evaluation"
    BOX9_PIN = "box-9-pin"
    POOL_ENTRY = "talent-pool-entry"
    TENURE = "position-tenure"
    DISCIPLINARY_COOL_OFF = "disciplinary-cool-off"


class Clock(BaseModel):
    """One deadline the system keeps by itself: what starts it, how long, what then."""

    model_config = ConfigDict(frozen=True)

    id: ClockId
    starts_at: Message
    then: Message
    citations: tuple[Citation, ...]
    # None: the clock ends with the budget year rather than after a number of years.
    years: int | None
    # Where the article differs by position level (administrator, supervisor): each level's.
    by_level: dict[str, Citation] = {}

    def citation_for(self, level: str) -> Citation:
        """The article that sets this clock for a round or position of ``level``."""
        return self.by_level.get(level, self.citations[0])

    @property
    def reading(self) -> ReadingId | None:
        return ReadingId.D7 if self.years is not None else None

    def deadline(self, start: date) -> date:
        """The deadline day: the expiry (first day no longer valid) or the budget-year end."""
        if self.years is None:
            return budget_year_end(start)
        return expiry(start, self.years)


def _clock(
    clock: ClockId,
    years: int | None,
    starts: Message,
    then: Message,
    *cited: str,
    by_level: dict[str, str] | None = None,
) -> Clock:
    return Clock(
        id=clock,
        years=years,
        starts_at=starts,
        then=then,
        citations=tuple(Citation(c) for c in cited),
        by_level={level: Citation(c) for level, c in (by_level or {}).items()},
    )


CLOCKS: dict[ClockId, Clock] = {
    clock.id: clock
    for clock in (
        _clock(
            ClockId.MONITORING,
            3,
            Message(id="pelantikan pada jabatan kritis", en="inauguration in a critical position"),
            Message(
                id="evaluasi jatuh tempo; Binjai: keputusan penempatan kembali",
                en="evaluation due; Binjai: re-placement decision",
            ),
            "binjai-2023:P33(2)",
            "balikpapan-2022:P25(3)",
        ),
        _clock(
            ClockId.YEARLY_EVALUATION,
            None,
            Message(id="setiap tahun anggaran", en="every budget year"),
            Message(
                id="Tim Manajemen Talenta melapor kepada PPK",
                en="the talent team reports to the PPK",
            ),
            "binjai-2023:P34(2)",
        ),
        _clock(
            ClockId.BOX9_PIN,
            2,
            Message(id="keputusan penghargaan", en="award decree"),
            Message(id="pin tidak berlaku lagi", en="the pin is no longer valid"),
            "binjai-2023:P30(2)(a)",
        ),
        _clock(
            ClockId.POOL_ENTRY,
            3,
            Message(id="keputusan Talent Pool", en="talent pool decree"),
            Message(
                id="masa berlaku berakhir; bila belum diangkat, dapat ikut Talent Scouting lagi",
                en="the entry expires; if not appointed, may take part in scouting again",
            ),
            "madiun-2021:P22(1)",
        ),
        _clock(
            ClockId.TENURE,
            5,
            Message(id="pelantikan", en="inauguration"),
            Message(
                id="peninjauan perpanjangan oleh Walikota",
                en="extension review by the mayor",
            ),
            "madiun-2021:P25(3)",
        ),
        _clock(
            ClockId.DISCIPLINARY_COOL_OFF,
            1,
            Message(
                id="hari terakhir hukuman disiplin sedang/berat",
                en="last day of a moderate/severe disciplinary penalty",
            ),
            Message(id="dapat ikut Talent Scouting lagi", en="may enter scouting again"),
            "madiun-2021:P10(1)(f)",
            "madiun-2021:P10(2)(f)",
            by_level={
                "administrator": "madiun-2021:P10(1)(f)",
                "supervisor": "madiun-2021:P10(2)(f)",
            },
        ),
    )
}
