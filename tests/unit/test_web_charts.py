"""The layout of the server-drawn pictures: the expiry timeline puts each bar between its decree
and its expiry on one axis of whole years with today inside it, the soonest end first; the funnel
sizes each stage by its share of the widest."""

from __future__ import annotations

from datetime import date

import pytest

from services.web.charts import LABEL, RIGHT, WIDTH, Span, funnel, timeline


def test_bars_sit_between_their_dates_on_an_axis_of_whole_years_with_today_inside() -> None:
    pin = Span("Rina", date(2026, 11, 4), date(2028, 11, 4), "pin")
    entry = Span("Budi", date(2025, 4, 14), date(2028, 4, 14), "pool")
    chart = timeline([pin, entry], today=date(2026, 12, 4))

    assert [tick.label for tick in chart.ticks] == ["2025", "2026", "2027", "2028", "2029"]
    assert chart.ticks[0].x == LABEL and chart.ticks[-1].x == WIDTH - RIGHT
    assert [bar.span.label for bar in chart.bars] == ["Budi", "Rina"], "the soonest end first"
    budi, rina = chart.bars
    assert budi.y < rina.y
    assert budi.x < rina.x < chart.today_x < rina.x + rina.width
    # A span's length is its share of the axis, 2025-01-01 to 2029-01-01 (1461 days).
    axis = WIDTH - RIGHT - LABEL
    assert budi.width == pytest.approx(axis * 1096 / 1461, abs=0.2)
    assert rina.width == pytest.approx(axis * 731 / 1461, abs=0.2)


def test_the_axis_stretches_to_today_when_everything_ended_before() -> None:
    ended = Span("Ani", date(2020, 1, 6), date(2023, 1, 6), "pool", ended=True)
    chart = timeline([ended], today=date(2026, 3, 1))
    assert chart.ticks[0].label == "2020" and chart.ticks[-1].label == "2027"
    assert chart.bars[0].x + chart.bars[0].width < chart.today_x


@pytest.mark.parametrize(
    ("counts", "widths"),
    [
        ([("registered", 4), ("selected", 2), ("pool", 1)], [1.0, 0.5, 0.25]),
        ([("registered", 0), ("pool", 0)], [0.0, 0.0]),  # nothing yet: slivers, no division by 0
    ],
)
def test_each_funnel_stage_is_its_share_of_the_widest(
    counts: list[tuple[str, int]], widths: list[float]
) -> None:
    chart = funnel(counts)
    room = WIDTH - 2 * LABEL
    assert [step.count for step in chart.steps] == [count for _, count in counts]
    for step, share in zip(chart.steps, widths, strict=True):
        assert step.width == pytest.approx(max(room * share, 2.0), abs=0.1)
        assert step.x + step.width / 2 == pytest.approx(WIDTH / 2, abs=0.1), "centred"
    assert chart.height == len(counts) * (chart.steps[1].y - chart.steps[0].y)
