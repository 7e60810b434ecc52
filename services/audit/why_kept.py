"""What the whys rebuild of the past and no later write can change, kept per application (the
least recently asked dropped first) and keyed by everything it is rebuilt from: the pool as it
stood before a decision, by its memberships' stored versions (an entry decreed, used or expired
since is a new version, so a new key), and the vacancy's read model before a decision, by the
decision's version. Each is a replay of events into a throwaway read model, the largest part of
a why; kept, a why fetched again costs the reads that check its keys.

Kept answers are shared between requests, so their rows must not be changed."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable
from datetime import date, datetime
from typing import Any, TypeVar, cast
from uuid import UUID

from eventsourcing.application import LRUCache

from domain.values import PositionLevel
from projections.scouting import PoolRow, VacancyRow
from services.application import Talenta
from services.audit.asof import pool_at, pool_members, vacancy_of

T = TypeVar("T")
KEPT_ANSWERS = 512

_KEPT: weakref.WeakKeyDictionary[Talenta, LRUCache[Hashable, Any]] = weakref.WeakKeyDictionary()
_KEPT_LOCK = threading.Lock()


def _answer(app: Talenta, key: Hashable, compute: Callable[[], T]) -> T:
    with _KEPT_LOCK:
        kept = _KEPT.get(app)
        if kept is None:
            kept = _KEPT[app] = LRUCache(KEPT_ANSWERS)
    try:
        return cast(T, kept.get(key))
    except KeyError:
        found = compute()
        kept.put(key, found)
        return found


def pool_then(
    app: Talenta, agency: str, level: PositionLevel, at: datetime, on: date
) -> list[PoolRow]:
    """``pool_at``'s answer. The versions are read before the pool is replayed: a write in
    between is in the answer kept under the older versions, which no later asking has."""
    members = pool_members(app, agency, level)
    versions = app.recorder.versions_of(members) if members else {}  # type: ignore[attr-defined]
    key = ("pool", agency, level, at, on, frozenset(versions.items()))
    return list(_answer(app, key, lambda: tuple(pool_at(app, agency, level, at, on))))


def vacancy_then(
    app: Talenta, vacancy_id: UUID, preceding: list[Any], version: int
) -> VacancyRow | None:
    """The vacancy's read model from its stored events ``preceding`` its ``version``."""
    key = ("vacancy", vacancy_id, version)
    return _answer(app, key, lambda: vacancy_of(preceding, vacancy_id))
