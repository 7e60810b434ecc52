"""Who read whose personal data and which commands were refused: one document per record in a
``DocumentView``, listed per agency in the order they happened; rebuildable from the log."""

from __future__ import annotations

from projections.access.records import (
    READS,
    REFUSALS,
    AccessProjection,
    Asker,
    ReadRow,
    RefusalRow,
    reads,
    refusals,
)

__all__ = [
    "READS",
    "REFUSALS",
    "AccessProjection",
    "Asker",
    "ReadRow",
    "RefusalRow",
    "reads",
    "refusals",
]
