"""The talent pool: one document per pool entry (one decree listing one employee for a level)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import singledispatch

from eventsourcing.persistence import Tracking
from eventsourcing.utils import get_topic

from domain.scouting.pool import EntryUse, PoolEntry, PoolMembership
from domain.values import PositionLevel
from projections.documents import DocumentView
from projections.documents.models import load, save

POOL = "pool-entries"


class PoolRow(PoolEntry):
    """The entry as the aggregate holds it, so the read model and the proposal check judge
    validity by the same rule (``valid_on``)."""


def pool_as_of(
    view: DocumentView, agency: str, day: date, level: PositionLevel | str | None = None
) -> list[PoolRow]:
    """The agency's pool on ``day``: entries decreed by then, not yet at their expiry, not used
    for an inauguration on or before it. Later events count (an entry used since leaves the pool
    only from its inauguration), so a past day reads as the pool was then."""
    return on_day((PoolRow.model_validate(d) for d in view.list(POOL, agency)), day, level)


def on_day(
    rows: Iterable[PoolRow], day: date, level: PositionLevel | str | None = None
) -> list[PoolRow]:
    """Of the agency's entries, its pool on ``day`` (``pool_as_of``)."""
    wanted = None if level is None else PositionLevel(level)
    listed = [
        row
        for row in rows
        if (wanted is None or row.level is wanted)
        and row.valid_on(day)
        and (row.expired_on is None or day < row.expired_on)
    ]
    return sorted(listed, key=lambda row: (row.level, row.nip, row.decree_date))


def pool_entries(view: DocumentView, agency: str) -> list[PoolRow]:
    """Every entry the agency ever decreed, expired and used ones included, by decree date."""
    rows = (PoolRow.model_validate(document) for document in view.list(POOL, agency))
    return sorted(rows, key=lambda row: (row.decree_date, row.nip))


def current_pool(
    view: DocumentView, agency: str, today: date, level: PositionLevel | str | None = None
) -> list[PoolRow]:
    """The pool today; ``today`` is the caller's, taken in the agency's time zone."""
    return pool_as_of(view, agency, today, level)


def project_entry(view: DocumentView, event: PoolMembership.Event, tracking: Tracking) -> None:
    entry = _projected(event, view)
    save(view, POOL, entry.entry_id, entry.agency, entry, tracking)


@singledispatch
def _projected(event: PoolMembership.Event, view: DocumentView) -> PoolRow:
    raise TypeError(f"the pool does not follow {type(event).__qualname__}")


@_projected.register
def _(event: PoolMembership.EntryDecreed, view: DocumentView) -> PoolRow:
    return PoolRow(
        entry_id=event.entry_id,
        nip=event.nip,
        level=PositionLevel(event.level),
        agency=event.agency,
        round_id=event.round_id,
        decree_number=event.decree_number,
        decree_date=event.decree_date,
        expires_on=event.expires_on,
    )


@_projected.register
def _(event: PoolMembership.EntryExpired, view: DocumentView) -> PoolRow:
    entry = load(view, POOL, event.entry_id, PoolRow)
    return entry.model_copy(update={"expired_on": event.expired_on})


@_projected.register
def _(event: PoolMembership.EntryUsed, view: DocumentView) -> PoolRow:
    entry = load(view, POOL, event.entry_id, PoolRow)
    used = EntryUse(vacancy_id=event.vacancy_id, inaugurated_on=event.inaugurated_on)
    return entry.model_copy(update={"used": used})


# Started and ExpiryReminderSent change no entry's listing, so the projection never reads them.
POOL_TOPICS = tuple(get_topic(cls) for cls in _projected.registry if cls is not object)
