"""The follower's poll lets writes gather after each catch-up that found something, so a steady
stream of commands is applied in batches; with nothing found it waits its interval."""

from __future__ import annotations

import threading
import time
from itertools import pairwise

from projections.follower import poll


def test_a_catch_up_that_applied_something_is_followed_by_a_pause_to_gather_writes() -> None:
    stop = threading.Event()
    calls: list[float] = []

    def step() -> int:
        calls.append(time.monotonic())
        if len(calls) == 4:
            stop.set()
        return 1  # always something applied

    poll(step, stop, interval=10.0, gather=0.05)

    gaps = [later - earlier for earlier, later in pairwise(calls)]
    assert len(calls) == 4 and all(gap >= 0.05 for gap in gaps), gaps


def test_a_catch_up_that_found_nothing_waits_the_interval() -> None:
    stop = threading.Event()
    calls: list[float] = []

    def step() -> int:
        calls.append(time.monotonic())
        if len(calls) == 2:
            stop.set()
        return 0

    poll(step, stop, interval=0.2, gather=0.0)

    assert len(calls) == 2 and calls[1] - calls[0] >= 0.2
