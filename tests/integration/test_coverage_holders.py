"""Who holds a critical position on the day, as the coverage forecast finds it from the
directory's latest position spells, on SQLite and PostgreSQL: a spell that has ended, one
recorded ahead of its start after an earlier one of the same title, a spell's own unit, a
functional grade the record gives and the title does not, a forecast as of the past."""

from __future__ import annotations

from datetime import date

import pytest

from domain.envelope import Envelope, Role
from domain.personnel.aggregate import Employee
from domain.personnel.facts import PositionSpell
from domain.rules.registry import pack_for
from domain.talent.coverage import CoverageForecast, CoverageRow
from domain.values import FunctionalGrade, PositionLevel
from services.api.context import Context
from services.application import Talenta
from services.talent.acquisition import DeclareCriticalPosition, declare_critical_position
from services.talent.coverage import coverage_forecast
from tests.integration.test_talent_succession import actor
from tests.unit.rules_builders import facts, nip_for

AGENCY = "kota-binjai"
UNIT = "Bappeda"
ENDED, REINAUGURATED, OWN_UNIT, GRADED = (
    "Kepala Bidang Ekonomi",
    "Kepala Bidang Sosial",
    "Kepala UPT Statistik",
    "Perencana",
)
ADMIN, FUNCTIONAL = PositionLevel.ADMINISTRATOR, PositionLevel.FUNCTIONAL


def spell(title: str, start: date, **more: object) -> PositionSpell:
    level = more.pop("level", ADMIN)
    return PositionSpell.model_validate({"level": level, "title": title, "start": start, **more})


# title: (the unit the position is declared in, its level, the holder's NIP, their spells)
STAFF = {
    ENDED: (
        UNIT,
        ADMIN,
        nip_for(date(1970, 1, 10)),
        (spell(ENDED, date(2019, 1, 2), end=date(2025, 7, 1)),),
    ),
    REINAUGURATED: (
        UNIT,
        ADMIN,
        nip_for(date(1971, 2, 11)),
        (spell(REINAUGURATED, date(2019, 1, 2)), spell(REINAUGURATED, date(2026, 3, 2))),
    ),
    OWN_UNIT: (
        "UPT Statistik",
        ADMIN,
        nip_for(date(1972, 3, 12)),
        (spell(OWN_UNIT, date(2021, 1, 4), unit="UPT Statistik"),),
    ),
    GRADED: (
        UNIT,
        FUNCTIONAL,
        nip_for(date(1973, 4, 13)),
        (
            spell(
                GRADED,
                date(2024, 2, 1),
                level=FUNCTIONAL,
                functional_grade=FunctionalGrade.AHLI_UTAMA,
            ),
        ),
    ),
}


def staffed(app: Talenta) -> None:
    stamp = Envelope(actor=actor(AGENCY, Role.CASEWORKER), effective=date(2025, 1, 2))
    app.save(
        *(
            Employee.enrol(
                facts(nip=nip, name=title, agency=AGENCY, unit=UNIT, positions=spells), stamp
            )
            for title, (_, _, nip, spells) in STAFF.items()
        )
    )
    cycle = pack_for(AGENCY).cycle
    assert cycle is not None
    for rank, (title, (unit, level, _, _)) in enumerate(STAFF.items(), start=1):
        declared = DeclareCriticalPosition(
            agency=AGENCY,
            position=title,
            unit=unit,
            level=level,
            characteristics={c.code: "RPJMD" for c in cycle.critical_characteristics},
            priority_rank=rank,
            competency_standard=f"SKJ-{rank}",
            decree_number=f"800/{rank}/2023",
            decree_date=date(2023, 5, 2),
        )
        declare_critical_position(app, declared, actor(AGENCY, Role.PPK))


def rows(app: Talenta, on: date) -> dict[str, CoverageRow]:
    context = Context.of(app)
    context.refresh()
    found: CoverageForecast = coverage_forecast(
        app,
        context.documents,
        context.directory,
        AGENCY,
        on,
        24,
        actor(AGENCY, Role.TALENT_TEAM),
    )
    return {row.position: row for row in found.rows}


@pytest.mark.parametrize(
    ("on", "holders"),
    [
        # The ended spell leaves its position vacant; the one re-inaugurated in March 2026 is
        # still held under its first spell.
        (date(2026, 1, 5), {ENDED: None, REINAUGURATED: 1, OWN_UNIT: 2, GRADED: 3}),
        # The spell ends on 2025-07-01: held the day before, not on the day.
        (date(2025, 6, 30), {ENDED: 0, REINAUGURATED: 1, OWN_UNIT: 2, GRADED: 3}),
        (date(2025, 7, 1), {ENDED: None, REINAUGURATED: 1, OWN_UNIT: 2, GRADED: 3}),
        # Before the later spells started: only those begun by then are held.
        (date(2023, 9, 1), {ENDED: 0, REINAUGURATED: 1, OWN_UNIT: 2, GRADED: None}),
        # The re-inauguration's own spell, once it has started.
        (date(2026, 3, 2), {ENDED: None, REINAUGURATED: 1, OWN_UNIT: 2, GRADED: 3}),
    ],
)
def test_the_holders_on_the_day_are_those_the_records_name(
    app: Talenta, on: date, holders: dict[str, int | None]
) -> None:
    staffed(app)
    nips = [nip for _, _, nip, _ in STAFF.values()]

    found = rows(app, on)

    assert {title: row.incumbent for title, row in found.items()} == {
        title: None if index is None else nips[index] for title, index in holders.items()
    }
    assert found[OWN_UNIT].unit == "UPT Statistik"
    if holders[GRADED] is not None:
        # The recorded grade (Ahli Utama, BUP 65), which the title alone does not tell.
        assert found[GRADED].functional_grade is FunctionalGrade.AHLI_UTAMA
        assert found[GRADED].retirement_age == 65
