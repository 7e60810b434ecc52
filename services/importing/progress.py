"""The import's progress bar on the command line, timed from the first save.

Every row is checked before anything is saved, and that check can take longer than the first
batches' saves. A bar started before it would count the check as time spent on the first
employees and estimate the rest from that, several times too long; so the bar appears, and its
clock starts, when saving begins."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click


class SaveProgress:
    """An on_progress callback for import_personnel."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: Any = None  # click's ProgressBar, opened at the first report

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            # The first report says saving begins: nothing is done yet, so no estimate either.
            self.bar = click.progressbar(length=max(total, 1), label=self.label, file=sys.stderr)
            self.bar.__enter__()
        if done > self.bar.pos:
            self.bar.update(done - self.bar.pos)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@contextmanager
def save_progress(label: str = "impor / import") -> Iterator[SaveProgress]:
    progress = SaveProgress(label)
    try:
        yield progress
    finally:
        progress.close()
