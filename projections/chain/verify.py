"""Verifying the event log against its hash chain, page by page.

Each stored record is checked against its own link, chained from the stored hash of the link
before it, so every tampered record is named on its own rather than everything after the first:

- edited: the record at a chained id no longer gives its link's hash;
- reordered: the record at a chained id is one the chain knows at another id (records swapped
  or moved), or a record is stored before its originator's previous version;
- deleted: a chained id is missing from the log;
- inserted: a record before the head that the chain does not know;
- broken: the record matches its link's content but not its hash: the chain itself was changed;
- published: a head printed earlier (e.g. on a decree) is no longer in the chain.

Records after the head are not yet chained (written since the chain last caught up): they are
counted, not judged. A record appended after the head by writing straight into the database
cannot be told from a new event by the chain: the published heads fix what came before."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from enum import StrEnum
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import Notification
from eventsourcing.postgres import PostgresAggregateRecorder
from eventsourcing.sqlite import SQLiteAggregateRecorder
from pydantic import BaseModel

from domain.values import InvalidValue
from projections.chain.view import GENESIS, ChainView, Link, chained, content_of

PAGE = 1000
FIRST = -(2**63)  # below every id, forged ones included
LAST_ID = 2**63 - 1


class ProblemKind(StrEnum):
    EDITED = "edited"
    DELETED = "deleted"
    INSERTED = "inserted"
    REORDERED = "reordered"
    BROKEN = "broken"
    PUBLISHED = "published"


class Head(BaseModel):
    notification_id: int
    hash: str

    @classmethod
    def parse(cls, text: str) -> Head:
        """``ID:HASH``, as `talenta chain head` prints it."""
        number, separator, digest = text.strip().partition(":")
        # The log numbers its records from 1 as signed 64-bit integers.
        numbered = (
            number.isascii()
            and number.isdigit()
            and len(number) <= len(str(LAST_ID))
            and 0 < int(number) <= LAST_ID
        )
        if not (separator and numbered and _is_hash(digest)):
            raise InvalidValue(
                f"kepala rantai harus ID:HASH (64 heksa): {text!r} / "
                f"a chain head must be ID:HASH (64 hex digits): {text!r}"
            )
        return cls(notification_id=int(number), hash=digest.lower())

    def __str__(self) -> str:
        return f"{self.notification_id}:{self.hash}"


class Problem(BaseModel):
    kind: ProblemKind
    notification_id: int
    message: str
    message_en: str

    def __str__(self) -> str:
        return f"{self.notification_id} {self.kind}: {self.message} / {self.message_en}"


class Verification(BaseModel):
    ok: bool
    head: Head | None
    checked: int  # records checked against their links
    unchained: int  # records after the head, not yet chained
    problems: list[Problem]


def head_of(view: ChainView) -> Head | None:
    found = view.head()
    return None if found is None else Head(notification_id=found.notification_id, hash=found.hash)


def verify(
    app: Application[UUID], view: ChainView, published: Iterable[Head] = (), page: int = PAGE
) -> Verification:
    """Re-reads the whole log and the whole chain, a page at a time, and reports every problem
    with the notification id it is found at."""
    head = view.head()
    last = head.notification_id if head else 0
    problems: list[Problem] = []
    checked = unchained = 0
    previous = GENESIS  # the stored hash of the last link passed
    records, links = _log(app, page), _chain(view, page, last)
    record, link = next(records, None), next(links, None)
    while record is not None or link is not None:
        if link is not None and (record is None or link.notification_id < record.id):
            problems.append(_problem(ProblemKind.DELETED, link.notification_id))
            previous, link = link.hash, next(links, None)
        elif record is not None and (link is None or record.id < link.notification_id):
            if record.id < last:
                problems.append(_problem(ProblemKind.INSERTED, record.id))
            else:
                unchained += 1
            record = next(records, None)
        else:
            assert record is not None and link is not None
            checked += 1
            if chained(previous, record) != link.hash:
                problems.append(_mismatch(view, record, link))
            previous, record, link = link.hash, next(records, None), next(links, None)
    problems.extend(_version_breaks(app, view, problems))
    problems.extend(_published(view, published))
    problems.sort(key=lambda problem: (problem.notification_id, problem.kind))
    return Verification(
        ok=not problems,
        head=None if head is None else Head(notification_id=last, hash=head.hash),
        checked=checked,
        unchained=unchained,
        problems=problems,
    )


def _log(app: Application[UUID], page: int) -> Iterator[Notification]:
    # From the very first row, not after 0 as the library's readers do: a row forged at id 0 or
    # below is unseen by every follower, yet read with its aggregate.
    position: int | None = None
    while True:
        notifications = app.recorder.select_notifications(
            start=position, limit=page, inclusive_of_start=False
        )
        yield from notifications
        if len(notifications) < page:
            return
        position = notifications[-1].id


def _chain(view: ChainView, page: int, last: int) -> Iterator[Link]:
    """The links up to ``last``, the head when verifying began (a link chained meanwhile is
    left for the next verification, as its record is)."""
    position = FIRST
    while True:
        links = view.links(position, page)
        for each in links:
            if each.notification_id > last:
                return
            yield each
        if len(links) < page:
            return
        position = links[-1].notification_id


def _mismatch(view: ChainView, record: Notification, link: Link) -> Problem:
    content = content_of(record)
    if content == link.content:
        return _problem(ProblemKind.BROKEN, record.id)
    elsewhere = [number for number in view.chained_at(content) if number != record.id]
    if elsewhere:
        places = ", ".join(str(number) for number in elsewhere)
        return Problem(
            kind=ProblemKind.REORDERED,
            notification_id=record.id,
            message=f"rekaman di sini adalah rekaman yang dirantai pada id {places}",
            message_en=f"the record here is the one chained at id {places}",
        )
    return _problem(ProblemKind.EDITED, record.id)


def _version_breaks(
    app: Application[UUID], view: ChainView, found: list[Problem]
) -> Iterator[Problem]:
    reordered = {p.notification_id for p in found if p.kind is ProblemKind.REORDERED}
    recorder = app.recorder
    assert isinstance(recorder, SQLiteAggregateRecorder | PostgresAggregateRecorder)
    for broken in view.version_breaks(recorder.events_table_name):
        if broken.notification_id in reordered:
            continue
        yield Problem(
            kind=ProblemKind.REORDERED,
            notification_id=broken.notification_id,
            message=(
                f"versi {broken.originator_version} dari {broken.originator_id} tercatat sebelum "
                f"versi {broken.previous_version} (id {broken.previous_id})"
            ),
            message_en=(
                f"version {broken.originator_version} of {broken.originator_id} is recorded "
                f"before version {broken.previous_version} (id {broken.previous_id})"
            ),
        )


def _published(view: ChainView, published: Iterable[Head]) -> Iterator[Problem]:
    for head in published:
        found = view.link(head.notification_id)
        if found is not None and found.hash == head.hash:
            continue
        now = found.hash if found else "tidak ada / none"
        yield Problem(
            kind=ProblemKind.PUBLISHED,
            notification_id=head.notification_id,
            message=f"kepala terbitan {head.hash} tidak lagi di rantai (kini {now})",
            message_en=f"the published head {head.hash} is no longer in the chain (now {now})",
        )


MESSAGES = {
    ProblemKind.EDITED: (
        "rekaman diubah: isinya tidak lagi cocok dengan hash rantainya",
        "record edited: its content no longer matches its chained hash",
    ),
    ProblemKind.DELETED: (
        "rekaman yang dirantai hilang dari log",
        "a chained record is missing from the log",
    ),
    ProblemKind.INSERTED: (
        "rekaman disisipkan: tidak dikenal rantai, padahal sebelum kepala",
        "record inserted: before the head, yet unknown to the chain",
    ),
    ProblemKind.BROKEN: (
        "rantai sendiri diubah: rekaman cocok, tautannya tidak",
        "the chain itself was changed: the record matches, its link does not",
    ),
}


def _problem(kind: ProblemKind, notification_id: int) -> Problem:
    message, message_en = MESSAGES[kind]
    return Problem(
        kind=kind, notification_id=notification_id, message=message, message_en=message_en
    )


def _is_hash(text: str) -> bool:
    return len(text) == 64 and all(c in "0123456789abcdefABCDEF" for c in text)
