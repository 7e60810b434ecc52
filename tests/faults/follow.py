"""The API's read models followed by a process of its own, as `talenta serve` follows them beside
the API: ``python -m tests.faults.follow STORE_URL``. Prints "caught up" whenever it has applied
everything recorded so far; runs until killed."""

from __future__ import annotations

import sys
import time

from services.api.context import Context
from services.application import Talenta
from services.config import StoreConfig

CAUGHT_UP = "caught up"


def follow(store: StoreConfig) -> None:
    context = Context.of(Talenta(store))
    while True:
        if not context.refresh():
            print(CAUGHT_UP, flush=True)
            time.sleep(0.2)


if __name__ == "__main__":
    follow(StoreConfig(sys.argv[1]))
