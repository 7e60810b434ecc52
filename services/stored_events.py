"""Stored events read many aggregates at a time, for the audit answers and the agency check of
the records they show: an answer about an employee read a thousand times, or a pool of a
hundred memberships, costs one round trip to the store, not one per aggregate.

A stored event never changes, so each one read by (aggregate, version) is kept per application,
the least recently read dropped first: a timeline fetched again reads from the store only what
was recorded since. Kept events are shared between requests (they are frozen dataclasses; the
dicts and lists they hold must not be changed either)."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable
from typing import Any
from uuid import UUID

from eventsourcing.application import LRUCache

Row = tuple[UUID, int]  # an aggregate and a version of it
KEPT_EVENTS = 20_000

_KEPT: weakref.WeakKeyDictionary[Any, LRUCache[Row, Any]] = weakref.WeakKeyDictionary()
_KEPT_LOCK = threading.Lock()


def _kept(app: Any) -> LRUCache[Row, Any]:
    with _KEPT_LOCK:
        found = _KEPT.get(app)
        if found is None:
            found = _KEPT[app] = LRUCache(KEPT_EVENTS)
        return found


def events_at(app: Any, rows: Iterable[Row]) -> list[Any]:
    """The stored events at the given (aggregate, version)s, by aggregate and version (none for
    a row that names nothing stored); a round of hundreds of candidates is not read whole for
    the few events about one of them."""
    kept = _kept(app)
    wanted = sorted(set(rows), key=_order)
    found: dict[Row, Any] = {}
    unread = []
    for row in wanted:
        try:
            found[row] = kept.get(row)
        except KeyError:
            unread.append(row)
    if unread:
        for stored in app.recorder.select_events_at(unread):
            event = app.mapper.to_domain_event(stored)
            row = (event.originator_id, event.originator_version)
            kept.put(row, event)
            found[row] = event
    return [found[row] for row in wanted if row in found]


def _order(row: Row) -> tuple[int, int]:
    return row[0].int, row[1]  # as the UUIDs compare, without a call of theirs per comparison


def streams(app: Any, aggregates: Iterable[UUID]) -> dict[UUID, list[Any]]:
    """Every stored event of each of the aggregates, in version order; an aggregate with none
    stored is left out."""
    wanted = list(dict.fromkeys(aggregates))
    found: dict[UUID, list[Any]] = {}
    if not wanted:
        return found
    for stored in app.recorder.select_events_of(wanted):
        event = app.mapper.to_domain_event(stored)
        found.setdefault(event.originator_id, []).append(event)
    return found
