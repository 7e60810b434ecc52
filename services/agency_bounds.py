"""The agency boundary: while a command handler (``@allowed``) or an audit answer (``bounded``)
runs for an actor of an agency, every record it names (``check_named``: the NIPs and ids of its
body), loads (the application's repository asks ``guard``) or saves must be of that agency, so
neither a command nor an answer touches another agency's records, whatever its body names.

An employee of another agency and an NIP that names no employee are refused alike, with the same
words, so a caller outside an agency cannot learn which NIPs it employs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, ParamSpec, TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Repository
from pydantic import BaseModel

from domain.envelope import Actor, Role
from domain.personnel.aggregate import Employee, employee_id
from services.auth.errors import AuthError, OtherAgency
from services.stored_events import events_at

P = ParamSpec("P")
R = TypeVar("R")
_ACTING: ContextVar[Actor | None] = ContextVar("acting", default=None)


class OutsideAgency(OtherAgency, LookupError):
    """A record the actor's agency does not hold: refused as access to another agency's data
    (403) and, for a bulk step's row, a record not found. The words name only the actor's agency,
    never the one holding the record, and are the same whether it exists elsewhere or not."""

    def __init__(self, actor: Actor, what_id: str, what_en: str) -> None:
        AuthError.__init__(
            self,
            f"{what_id} tidak ada di instansi {actor.agency}; {actor.id} hanya boleh mengakses "
            f"data instansinya sendiri",
            f"{what_en} is not held by agency {actor.agency}; {actor.id} may access only its own "
            f"agency's data",
        )


@contextmanager
def acting_as(actor: Actor) -> Iterator[None]:
    """Bounds every load and save inside the block to ``actor``'s agency."""
    token = _ACTING.set(actor)
    try:
        yield
    finally:
        _ACTING.reset(token)


def bound_actor() -> Actor | None:
    """The actor whose agency bounds the current command; None outside a command and for the
    system actor, which keeps every agency's clocks."""
    actor = _ACTING.get()
    return None if actor is None or actor.role is Role.SYSTEM else actor


def agency_of(aggregate: Any) -> str | None:
    """The agency holding a record: an employee's employer, else its own ``agency``; None for a
    record held by no single agency (a pool membership's entries name theirs)."""
    if isinstance(aggregate, Employee):
        return aggregate.facts.agency
    agency = getattr(aggregate, "agency", None)
    return agency if isinstance(agency, str) and agency else None


def guard(aggregate: Any) -> None:
    actor = bound_actor()
    if actor is None:
        return
    held_by = agency_of(aggregate)
    if held_by is not None and held_by != actor.agency:
        raise outside(actor, aggregate)


def outside(actor: Actor, aggregate: Any) -> OutsideAgency:
    if isinstance(aggregate, Employee):
        return unknown_employee(actor, aggregate.nip)
    name = type(aggregate).__name__
    return OutsideAgency(actor, f"{name} {aggregate.id}", f"{name} {aggregate.id}")


def unknown_employee(actor: Actor, nip: str) -> OutsideAgency:
    return OutsideAgency(actor, f"pegawai dengan NIP {nip}", f"the employee with NIP {nip}")


def bounded(answer: Callable[P, R]) -> Callable[P, R]:
    """An answer (an audit's timeline, why, as-of) that loads only records of its reader's
    agency: the reader is the ``Actor`` among its arguments."""

    @wraps(answer)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        actor = next(v for v in (*args, *kwargs.values()) if isinstance(v, Actor))
        with acting_as(actor):
            return answer(*args, **kwargs)

    return run


def held(app: Any, aggregate_id: UUID) -> bool:
    """Whether the bounding agency may see the record (one of its own, or one held by no single
    agency); False for another agency's and for none stored."""
    actor = bound_actor()
    foreign = _foreign(app, aggregate_id, actor) if actor else None
    return foreign is False or (actor is None and _first(app, aggregate_id) is not None)


def held_among(app: Any, aggregate_ids: Iterable[UUID]) -> set[UUID]:
    """Those of the records the bounding agency may see, each judged as ``held`` judges it; the
    first events of those the aggregate cache does not hold are read at once and kept, so a
    timeline of a thousand records costs one read, then none for the records it had."""
    actor = bound_actor()
    wanted = list(dict.fromkeys(aggregate_ids))
    cached = {each: _cached(app, each) for each in wanted} if actor else {}
    unread = [(each, 1) for each in wanted if cached.get(each) is None]
    firsts = {first.originator_id: first for first in events_at(app, unread)}
    if actor is None:
        return {each for each in wanted if each in firsts}
    return {
        each
        for each in wanted
        if _judged(app, each, actor, cached.get(each), firsts.get(each)) is False
    }


def check_named(app: Any, command: Any) -> None:
    """Refuses a command naming a record of another agency anywhere in its body (an aggregate's
    id, an NIP, nested too), before the handler reads anything else: whatever path the handler
    takes, it cannot act on another agency's records. What names nothing stored is left to the
    handler, which answers for it (an unknown NIP as another agency's, by ``Talenta.employee``)."""
    actor = bound_actor()
    if actor is None:
        return
    for key, value in _named(command):
        nip = key in ("nip", "nips")
        aggregate_id = employee_id(str(value)) if nip else value
        if isinstance(aggregate_id, UUID) and _foreign(app, aggregate_id, actor, nip):
            if nip:
                raise unknown_employee(actor, str(value))
            kind = type(_first(app, aggregate_id)).__qualname__.split(".")[0]
            raise OutsideAgency(actor, f"{kind} {value}", f"{kind} {value}")


def _cached(app: Any, aggregate_id: UUID) -> Any:
    """The record as the application's aggregate cache holds it, else None (not read since)."""
    cache = getattr(app.repository, "cache", None)
    if cache is None:
        return None
    try:
        return cache.get(aggregate_id)
    except KeyError:
        return None


def _first(app: Any, aggregate_id: UUID) -> Any:
    return next(iter(app.events.get(aggregate_id, limit=1)), None)


def _foreign(app: Any, aggregate_id: UUID, actor: Actor, employee: bool = False) -> bool | None:
    """Whether another agency holds the record; None when none is stored. The agency a record
    is created with is its agency for good, so its first event (or the record as the
    application's cache holds it) says it without rebuilding a round of thousands of events; an
    employee, who may move, is read whole, at once when ``employee`` says the id is an NIP's
    (the read the handler then makes of it costs nothing more: ``reading_once``)."""
    cached = _cached(app, aggregate_id)
    first = _first(app, aggregate_id) if cached is None and not employee else None
    return _judged(app, aggregate_id, actor, cached, first, employee)


def _judged(
    app: Any, aggregate_id: UUID, actor: Actor, cached: Any, first: Any, employee: bool = False
) -> bool | None:
    """``_foreign``'s answer from the record as the cache holds it, else its first event; an
    employee's (``employee``, or a first event that says so) from the employee read whole."""
    if cached is not None and not isinstance(cached, Employee):
        agency = agency_of(cached)
        return agency is not None and agency != actor.agency
    first = cached if cached is not None else first
    if first is None and not employee:
        return None
    if employee or isinstance(first, Employee | Employee.Enrolled):
        try:
            app.repository.get(aggregate_id)
        except OtherAgency:
            return True
        except AggregateNotFoundError:
            return None
        return False
    agency = getattr(first, "agency", None)
    return isinstance(agency, str) and bool(agency) and agency != actor.agency


def _named(value: Any, key: str = "") -> Iterator[tuple[str, Any]]:
    """The NIPs and ids of a command's typed fields (free-form mappings, such as an assessment's
    evidence, name no record)."""
    if isinstance(value, BaseModel):
        # An external candidate's command (its ``external`` source given) names an NIP that no
        # record of this store stands behind, and the handler reads none.
        external = getattr(value, "external", None) is not None
        for name in type(value).model_fields:
            if not (external and name in ("nip", "nips")):
                yield from _named(getattr(value, name), name)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _named(item, key)
    elif value is not None and (key in ("nip", "nips") or key.endswith("_id")):
        yield key, value


class BoundRepository(Repository[UUID]):
    """The library's repository, refusing a load of another agency's record inside a command."""

    def get(self, aggregate_id: UUID, **kwargs: Any) -> Any:
        found = super().get(aggregate_id, **kwargs)
        guard(found)
        return found

    def __contains__(self, item: UUID) -> bool:
        try:
            self.get(item)
        except AggregateNotFoundError:
            return False
        return True
