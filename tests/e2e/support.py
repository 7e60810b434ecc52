"""What the end-to-end tests share: waiting with a deadline and moments three years back."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")  # kota-madiun's time zone


async def wait_until(condition: Callable[[], bool], timeout: float, what: str = "") -> float:
    """Polls ``condition`` (in a thread, it may read the store) until true; the seconds it took."""
    started = time.monotonic()
    try:
        async with asyncio.timeout(timeout):
            while not await asyncio.to_thread(condition):
                await asyncio.sleep(0.2)
    except TimeoutError:
        raise AssertionError(f"not within {timeout}s: {what or condition}") from None
    return time.monotonic() - started


def three_years_before(moment: datetime) -> datetime:
    """The same wall-clock moment in Madiun three calendar years earlier (29 Feb → 28 Feb)."""
    local = moment.astimezone(WIB)
    try:
        return local.replace(year=local.year - 3)
    except ValueError:
        return local.replace(year=local.year - 3, day=28)
