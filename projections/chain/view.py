"""The hash chain over the event log: one link per notification, in log order.

Every link is computed from the raw stored record, never from the decoded event, so that an
auditor can recompute it from the database alone:

    content_n = SHA-256(field(originator id) || int(version) || field(topic) || SHA-256(state))
    hash_n    = SHA-256(hash_{n-1} || int(notification id) || field(originator id)
                        || int(version) || field(topic) || SHA-256(state))

where ``int(x)`` is x as 8 bytes, big-endian and signed, ``field(s)`` is the UTF-8 bytes of s
preceded by their length as ``int``, the originator id is its canonical text (lower-case UUID
with hyphens), and hash_0 is 32 zero bytes. Hashes are stored and published as lower-case hex.
``content_n`` leaves the notification id out: it names a record wherever it stands, which is
how a record moved to another place in the log is recognised."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from hashlib import sha256

from eventsourcing.persistence import Notification, Tracking, TrackingRecorder

GENESIS = "0" * 64


@dataclass(frozen=True)
class Link:
    notification_id: int
    content: str
    hash: str


@dataclass(frozen=True)
class VersionBreak:
    """A record of an originator stored before the record of its previous version."""

    notification_id: int
    originator_id: str
    originator_version: int
    previous_version: int
    previous_id: int


def _int(value: int) -> bytes:
    return value.to_bytes(8, "big", signed=True)


def _field(text: str) -> bytes:
    data = text.encode()
    return _int(len(data)) + data


def _record(notification: Notification) -> bytes:
    return (
        _field(str(notification.originator_id))
        + _int(notification.originator_version)
        + _field(notification.topic)
        + sha256(notification.state).digest()
    )


def content_of(notification: Notification) -> str:
    return sha256(_record(notification)).hexdigest()


def chained(previous: str, notification: Notification) -> str:
    """hash_n from hash_{n-1} (hex) and the n-th record."""
    return sha256(
        bytes.fromhex(previous) + _int(notification.id) + _record(notification)
    ).hexdigest()


def link(previous: str, notification: Notification) -> Link:
    return Link(notification.id, content_of(notification), chained(previous, notification))


class ChainView(TrackingRecorder, ABC):
    """The ``chain`` table: (notification id, content, hash), one row per notification."""

    @abstractmethod
    def append(self, links: Sequence[Link], tracking: Tracking) -> None:
        """Stores the links and the tracking record in one transaction; IntegrityError when
        another follower stored any of them first."""

    @abstractmethod
    def head(self) -> Link | None:
        """The last link: the published head."""

    @abstractmethod
    def link(self, notification_id: int) -> Link | None: ...

    @abstractmethod
    def links(self, after: int, limit: int) -> list[Link]:
        """Up to ``limit`` links after notification ``after``, in log order."""

    @abstractmethod
    def chained_at(self, content: str) -> list[int]:
        """The notification ids whose link was made from a record with this content."""

    @abstractmethod
    def version_breaks(self, events_table: str) -> list[VersionBreak]:
        """Records of the log (``events_table`` in the same database) stored before the record
        of their originator's previous version, in log order."""
