"""The stored events an audit answer reads, many aggregates in one query: an answer about an
employee read a thousand times, or a pool of a hundred memberships, costs one round trip to the
store, not one per aggregate."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from projections.audit import Row
from services.application import Talenta


def events_at(app: Talenta, rows: Iterable[Row]) -> list[Any]:
    """The stored events at the given (aggregate, version)s, by aggregate and version; a
    round of hundreds of candidates is not read whole for the few events about one of them."""
    wanted = sorted(set(rows))
    if not wanted:
        return []
    found = app.recorder.select_events_at(wanted)  # type: ignore[attr-defined]
    return [app.mapper.to_domain_event(stored) for stored in found]


def streams(app: Talenta, aggregates: Iterable[UUID]) -> dict[UUID, list[Any]]:
    """Every stored event of each of the aggregates, in version order; an aggregate with none
    stored is left out."""
    wanted = list(dict.fromkeys(aggregates))
    found: dict[UUID, list[Any]] = {}
    if not wanted:
        return found
    for stored in app.recorder.select_events_of(wanted):  # type: ignore[attr-defined]
        event = app.mapper.to_domain_event(stored)
        found.setdefault(event.originator_id, []).append(event)
    return found
