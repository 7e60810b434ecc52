"""Time served in positions, as eligibility rules measure it.

"n years (cumulatively) in positions of a kind" on a date ``on``: the days of every matching
position spell up to ``on`` (overlaps counted once) are added up and compared with the days from
``add_years(on, -n)`` to ``on``. A single spell that started exactly n calendar years before ``on``
therefore qualifies, one that started a day later does not; several spells add up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from domain.personnel.facts import PersonnelFacts, PositionSpell
from domain.rules.calendar import add_years

SpellFilter = Callable[[PositionSpell], bool]


def days_served(facts: PersonnelFacts, on: date, matches: SpellFilter) -> int:
    """Days spent before ``on`` in spells that match, overlapping spells counted once."""
    intervals = sorted(
        (spell.start, ends) for spell, ends in facts.position_spells(on) if matches(spell)
    )
    total = 0
    covered_until: date | None = None
    for start, ends in intervals:
        begin = start if covered_until is None else max(start, covered_until)
        if ends > begin:
            total += (ends - begin).days
        covered_until = ends if covered_until is None else max(covered_until, ends)
    return total


def required_days(on: date, years: int) -> int:
    return (on - add_years(on, -years)).days
