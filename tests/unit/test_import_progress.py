"""The import's progress bar: its time estimate counts only the saving, not the check of every
row that comes before it."""

from __future__ import annotations

import pytest
from click import _termui_impl

from services.importing.progress import save_progress


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def time(self) -> float:
        return self.now


def test_the_first_estimate_is_the_time_the_rest_of_the_saving_takes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = Clock()
    monkeypatch.setattr(_termui_impl.time, "time", clock.time)
    total, chunk, seconds_per_chunk = 2_000, 200, 2.0
    with save_progress() as progress:
        clock.now += 60  # every row checked before the first save, as import_personnel does
        progress(0, total)
        clock.now += seconds_per_chunk
        progress(chunk, total)
        first = progress.bar.eta
        for done in range(2 * chunk, total // 2 + 1, chunk):
            clock.now += seconds_per_chunk
            progress(done, total)
        halfway = progress.bar.eta

    remaining_after_first = (total - chunk) / chunk * seconds_per_chunk  # 18 s
    assert first == pytest.approx(remaining_after_first, rel=0.1)
    assert halfway == pytest.approx(total / 2 / chunk * seconds_per_chunk, rel=0.1)
    assert progress.bar.pos == total // 2
