"""The timeline's layout: time runs left to right from the day read, a vacant position's point
sits on the day read, one retiring after the axis ends runs to its edge, the horizon's line sits
where its date falls."""

from __future__ import annotations

from datetime import date

from domain.rules.retirement import NATIONAL_RETIREMENT
from domain.talent.coverage import Seat, forecast
from domain.values import Nip, PositionLevel
from services.web.coverage_chart import LABELS, ROW, TOP, chart

ON = date(2026, 1, 1)


def seat(position: str, *holders: Nip) -> Seat:
    level = PositionLevel.ADMINISTRATOR
    return Seat(
        position=position,
        unit="Bappeda",
        level=level,
        critical=True,
        target=False,
        incumbents=holders,
    )


def test_the_timeline_places_each_position_by_its_vacancy_day() -> None:
    soon, late = Nip("196806012000011001"), Nip("198106012000011002")  # vacant 2026-07, 2039-07
    found = forecast(
        "kota-binjai",
        [seat("Late", late), seat("Soon", soon), seat("Vacant")],
        ON,
        24,
        NATIONAL_RETIREMENT,
    )
    drawn = chart(found)
    vacant, sooner, later = drawn.bars
    assert [bar.label for bar in drawn.bars] == [
        "Vacant (Bappeda)",
        "Soon (Bappeda)",
        "Late (Bappeda)",
    ]
    assert [bar.y for bar in drawn.bars] == [TOP, TOP + ROW, TOP + 2 * ROW]
    assert vacant.x_end == LABELS and vacant.flagged and vacant.vacates_on is None
    assert LABELS < sooner.x_end < drawn.horizon_x < later.x_end <= drawn.right
    # 2039 is past the ten years the axis shows at most: the bar runs to the edge.
    assert later.beyond_axis and later.x_end == drawn.right
    years = [int(tick.label) for tick in drawn.ticks]
    assert years == list(range(2027, 2037))
    assert [tick.x for tick in drawn.ticks] == sorted(tick.x for tick in drawn.ticks)
