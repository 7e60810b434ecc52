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

Verifying never chains: the chain is built only by its follower (ChainFollower), so a record
after the chain's head is reported as not yet chained, with the first such id, rather than
chained and then found to match. Chaining cannot tell a record appended by writing straight into
the database from an event the product saved: once the follower has chained it, only a head
published before it was written tells it apart. So a published head proves that the records up
to its id are exactly those it was computed over (none edited, deleted, inserted or moved) and
nothing about the records after it, which are reported, counted from the last published head
given, as vouched for by no published head."""

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
                f"kepala rantai harus ID:HASH (64 heksa): {text!r}",
                f"a chain head must be ID:HASH (64 hex digits): {text!r}",
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
    ok: bool  # no problem found; records after the head or a published head are not problems
    head: Head | None
    checked: int  # records checked against their links
    unchained: int  # records after the head, not yet chained
    unchained_from: int | None  # the first of them
    published_through: int | None  # the last published head given that is still in the chain
    since_published: int | None  # records after it, chained or not: no published head covers
    problems: list[Problem]

    def notes(self) -> list[str]:
        """The records the verdict does not vouch for, a line for each kind."""
        found = []
        if self.unchained:
            found.append(
                f"{self.unchained} rekaman sejak id {self.unchained_from} belum dirantai: tidak "
                f"dapat dinilai / {self.unchained} records from id {self.unchained_from} not yet "
                "chained: they cannot be judged"
            )
        if self.since_published:
            found.append(
                f"{self.since_published} rekaman setelah kepala terbitan terakhir "
                f"{self.published_through}: tidak dijamin kepala terbitan mana pun / "
                f"{self.since_published} records after the last published head "
                f"{self.published_through}: no published head vouches for them"
            )
        return found


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
    published = list(published)
    problems: list[Problem] = list(_published(view, published))
    standing = {p.notification_id for p in problems}
    through = max(
        (h.notification_id for h in published if h.notification_id not in standing), default=None
    )
    checked = unchained = since = 0
    unchained_from: int | None = None
    previous = GENESIS  # the stored hash of the last link passed
    records, links = _log(app, page), _chain(view, page, last)
    record, link = next(records, None), next(links, None)
    while record is not None or link is not None:
        if link is not None and (record is None or link.notification_id < record.id):
            problems.append(_problem(ProblemKind.DELETED, link.notification_id))
            previous, link = link.hash, next(links, None)
        elif record is not None and (link is None or record.id < link.notification_id):
            since += _after(record, through)
            if record.id < last:
                problems.append(_problem(ProblemKind.INSERTED, record.id))
            else:
                unchained += 1
                unchained_from = record.id if unchained_from is None else unchained_from
            record = next(records, None)
        else:
            assert record is not None and link is not None
            since += _after(record, through)
            checked += 1
            if chained(previous, record) != link.hash:
                problems.append(_mismatch(view, record, link))
            previous, record, link = link.hash, next(records, None), next(links, None)
    problems.extend(_version_breaks(app, view, problems))
    problems.sort(key=lambda problem: (problem.notification_id, problem.kind))
    return Verification(
        ok=not problems,
        head=None if head is None else Head(notification_id=last, hash=head.hash),
        checked=checked,
        unchained=unchained,
        unchained_from=unchained_from,
        published_through=through,
        since_published=None if through is None else since,
        problems=problems,
    )


def _after(record: Notification, through: int | None) -> int:
    return int(through is not None and record.id > through)


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
