"""What an event is about, for the auditors' index: the employees it names and the aggregates it
refers to, found by field name so that a new event type is indexed without a change here."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any
from uuid import UUID

from eventsourcing.utils import get_topic

from domain.scouting.pool import PoolMembership

_NIP = re.compile(r"^\d{18}$")
# Fields holding a list of NIPs (a shortlist, the administrative results, a campaign's scope,
# a reminder's addressees) and the one mapping keyed by NIP (a round's final results).
_NIP_LISTS = frozenset({"nips", "passed_nips", "scope"})
_NIP_KEYED = frozenset({"results"})
# The decision envelope names the actor, never a subject; the stamp names nothing.
_SKIPPED = frozenset({"envelope", "timestamp", "originator_topic"})
_ENTRY_DECREED = get_topic(PoolMembership.EntryDecreed)


def pool_subject(agency: str, level: str) -> str:
    """The subject under which an agency's pool entries for one level are indexed."""
    return f"pool:{agency}:{level}"


def whole_subject(aggregate: UUID) -> str:
    """The subject under which an aggregate's events about it as a whole are indexed: those of
    an aggregate no employee owns that name no employee (a round's opening, its report)."""
    return f"whole:{aggregate}"


def names_employee(subjects: Iterable[str]) -> bool:
    return any(_NIP.match(subject) for subject in subjects)


def subjects_of(
    topic: str, aggregate: UUID, version: int, fields: Mapping[str, Any]
) -> tuple[str | None, set[str]]:
    """The NIP whose own record the event creates (an aggregate made by an event with a ``nip``
    field belongs to that employee: the record, profile, memberships, placements...), and
    everything the event names: NIPs and the ids of other aggregates, as strings. ``fields``:
    the event's stored state."""
    named = {subject for key, value in fields.items() for subject in _walk(value, key)}
    named.discard(str(aggregate))
    owner = fields.get("nip") if version == 1 else None
    if topic == _ENTRY_DECREED:
        named.add(pool_subject(fields["agency"], fields["level"]))
    return (owner if isinstance(owner, str) and _NIP.match(owner) else None), named


def _walk(value: Any, key: str = "") -> Iterator[str]:
    if key in _SKIPPED:
        return
    if isinstance(value, Mapping):
        if key in _NIP_KEYED:
            yield from (k for k in value if isinstance(k, str) and _NIP.match(k))
        for name, item in value.items():
            yield from _walk(item, str(name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _walk(item, key)
    elif key == "nip" or key in _NIP_LISTS:
        if isinstance(value, str) and _NIP.match(value):
            yield value
    elif key.endswith("_id") and value:
        found = _uuid(value)
        if found is not None:
            yield str(found)


def _uuid(value: Any) -> UUID | None:
    if isinstance(value, UUID):
        return value
    try:
        return UUID(str(value))
    except ValueError:
        return None
