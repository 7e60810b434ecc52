"""Answers of the read models that many pages ask for and few events change (the agency's
rounds, pool entries and vacancies; its staff, in names.py; the talent cycle's lists), computed
once per tracked position of the projection they come from and shared by every request until it
moves on.

The projection's position is asked of the store only when the read models have moved since it
was last asked (any event may have been another process's write to the shared tables), so pages
at an unchanged position read nothing. It is read before the answer is computed: an answer
reading rows newer than that position is computed again at the next move, never kept past one.
Kept answers are shared between requests, so they are tuples and must not be changed."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable
from datetime import date
from typing import Any, Concatenate, ParamSpec, TypeVar, cast
from uuid import UUID

from eventsourcing.persistence import TrackingRecorder
from fastapi import Request

from domain.values import PositionLevel
from projections import scouting as read
from projections.documents import DocumentView
from projections.scouting.pool import POOL, PoolRow, on_day
from projections.scouting.projection import ScoutingProjection
from projections.scouting.rounds import RoundBoard, RoundSummary
from projections.scouting.vacancies import VacancyRow
from projections.talent import TalentProjection
from services.api.context import fresh_context
from services.bootstrap import ReadModels

T = TypeVar("T")
# Answers kept per position of a projection at most: a page read at many moments (the as-of
# pages) drops its oldest answers rather than growing without bound between two events.
MOST_ANSWERS = 256
P = ParamSpec("P")


class Answers:
    """Answers by key, each computed by one request while the others asking for it wait; the
    others' keys are not held up meanwhile (one answer may take a replay of many events)."""

    def __init__(self) -> None:
        self._slots: dict[Hashable, _Slot] = {}

    def clear(self) -> None:
        self._slots.clear()

    def slot(self, key: Hashable) -> _Slot:
        """Called under its keeper's lock."""
        found = self._slots.get(key)
        if found is None:
            if len(self._slots) >= MOST_ANSWERS:
                del self._slots[next(iter(self._slots))]
            found = self._slots[key] = _Slot()
        return found


class _Slot:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._computed = False
        self._answer: Any = None

    def answer(self, compute: Callable[[], T]) -> T:
        with self._lock:
            if not self._computed:  # a failed computation is tried again by the next request
                self._answer = compute()
                self._computed = True
            return cast(T, self._answer)


class Kept:
    """The answers computed from one projection's rows at its tracked position."""

    def __init__(self, view: TrackingRecorder, tracking_key: str) -> None:
        self._view = view
        self._tracking_key = tracking_key
        self._lock = threading.Lock()
        self._asked_at = -1  # the read models' position when the projection's was last asked
        self._tracked: int | None = None
        self._answers = Answers()

    def answer(self, position: int, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer ``compute`` gives at the projection's position, as of the read models'
        ``position`` or later; computed by one request while the others wait for it."""
        with self._lock:
            if position == 0 or position != self._asked_at:
                tracked = self._view.max_tracking_id(self._tracking_key)
                if tracked != self._tracked:
                    self._answers.clear()
                    self._tracked = tracked
                self._asked_at = position
            slot = self._answers.slot(key)
        return slot.answer(compute)


_KEPT: weakref.WeakKeyDictionary[TrackingRecorder, dict[str, Kept]] = weakref.WeakKeyDictionary()
_KEPT_LOCK = threading.Lock()


def kept(models: ReadModels, projection: type) -> tuple[Kept, int]:
    """What is kept of the read models' ``projection``, with the position of the read models
    it is asked at."""
    (follower,) = [f for f in models.followers if isinstance(f.projector, projection)]
    view = follower.projector.view
    with _KEPT_LOCK:
        of_view = _KEPT.setdefault(view, {})
        found = of_view.get(follower.tracking_key)
        if found is None:
            found = of_view[follower.tracking_key] = Kept(view, follower.tracking_key)
    return found, models.position


class Logged:
    """Answers read from the event store's aggregates themselves, which no read model holds,
    kept while the read models stand at one position of the log (any new event moves them)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._position = 0
        self._answers = Answers()

    def answer(self, position: int, key: Hashable, compute: Callable[[], T]) -> T:
        if position == 0:  # before the first catch-up, a position says nothing
            return compute()
        with self._lock:
            if position != self._position:
                self._answers.clear()
                self._position = position
            slot = self._answers.slot(key)
        return slot.answer(compute)


_LOGGED: weakref.WeakKeyDictionary[object, Logged] = weakref.WeakKeyDictionary()  # by application


def logged(request: Request, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, an answer from the event store, as of the read models' position or later."""
    models = fresh_context(request)
    with _KEPT_LOCK:
        found = _LOGGED.setdefault(models.app, Logged())
    return found.answer(models.position, key, compute)


def _scouting(request: Request) -> tuple[Kept, int, ReadModels]:
    models = fresh_context(request)
    found, position = kept(models, ScoutingProjection)
    return found, position, models


def rounds(request: Request, agency: str) -> tuple[RoundSummary, ...]:
    found, position, models = _scouting(request)
    return found.answer(
        position, ("rounds", agency), lambda: tuple(read.rounds(models.documents, agency))
    )


def board(request: Request, round_id: UUID) -> RoundBoard | None:
    """The round's board, shared: never changed by a page."""
    found, position, models = _scouting(request)
    return found.answer(
        position, ("board", round_id), lambda: read.round_board(models.documents, round_id)
    )


def vacancies(request: Request, agency: str) -> tuple[VacancyRow, ...]:
    found, position, models = _scouting(request)
    return found.answer(
        position, ("vacancies", agency), lambda: tuple(read.vacancies(models.documents, agency))
    )


def pool_entries(request: Request, agency: str) -> tuple[PoolRow, ...]:
    """Every entry the agency ever decreed, in the order of their keys."""
    found, position, models = _scouting(request)
    return found.answer(
        position,
        ("pool", agency),
        lambda: tuple(PoolRow.model_validate(d) for d in models.documents.list(POOL, agency)),
    )


def pool_on(
    request: Request, agency: str, day: date, level: PositionLevel | None = None
) -> list[PoolRow]:
    """The agency's pool on ``day``, as ``read.pool_as_of`` gives it."""
    return on_day(pool_entries(request, agency), day, level)


def talent(
    request: Request,
    reader: Callable[Concatenate[DocumentView, P], T],
    *args: P.args,
    **kwargs: P.kwargs,
) -> T:
    """``reader(documents, *args)``, a reader of the talent projection's documents only (its
    position says when they change), kept until that projection moves on."""
    models = fresh_context(request)
    found, position = kept(models, TalentProjection)
    key = (reader, args, tuple(sorted(kwargs.items())))
    return found.answer(position, key, lambda: reader(models.documents, *args, **kwargs))
