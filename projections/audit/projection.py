"""Indexes every event of the log by what it is about (``subjects_of``), a batch of
notifications and its tracking record per transaction. The index needs only each event's stored
fields, so the follower decodes the stored state rather than rebuilding event objects."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NoReturn
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import IntegrityError, Notification, Tracking
from eventsourcing.projection import Projection

from projections.audit.subjects import names_employee, subjects_of, whole_subject
from projections.audit.view import Entry, SubjectIndex
from projections.follower import Follower


class AuditIndexProjection(Projection[SubjectIndex]):
    """Names the index's tracking key; events reach the index only through IndexFollower."""

    name = "audit-index"

    def process_event(self, domain_event: Any, tracking: Tracking) -> NoReturn:
        raise TypeError("the audit index is built from stored records by IndexFollower")


class IndexFollower(Follower):
    """Remembers how far it indexed, so that catching up when nothing is new costs one read
    of the log. Another follower of the index (another process) may be ahead: re-indexing is
    harmless (an entry already there is kept) and its tracking record refuses to go back, after
    which this one carries on from the tracked position."""

    def __init__(self, app: Application[UUID], index: SubjectIndex, batch_size: int = 500):
        super().__init__(app, AuditIndexProjection(index), batch_size)
        self.index = index
        self.known = 0

    def reset(self) -> None:
        """Forgets the index, to rebuild it from the start of the log."""
        self.index.reset(self.tracking_key)
        self.known = 0

    def catch_up(self) -> int:
        applied = 0
        start = self.known or self.position
        while True:
            notifications = self.app.recorder.select_notifications(
                start=start, limit=self.batch_size, inclusive_of_start=False
            )
            if not notifications:
                self.known = start
                return applied
            last = notifications[-1].id
            entries, owners = self._indexed(notifications)
            try:
                self.index.record(entries, owners, Tracking(self.tracking_key, last))
            except IntegrityError:
                start = self.position
                if start < last:
                    raise  # nobody indexed these: not a race, a real failure
                continue
            start = last
            applied += len(notifications)
            if len(notifications) < self.batch_size:
                self.known = start
                return applied

    def _indexed(
        self, notifications: Sequence[Notification]
    ) -> tuple[list[Entry], dict[UUID, str]]:
        found = [
            (n, *subjects_of(n.topic, _uuid(n.originator_id), n.originator_version, self._state(n)))
            for n in notifications
        ]
        created = {_uuid(n.originator_id): owner for n, owner, _ in found if owner is not None}
        later = {_uuid(n.originator_id) for n, _, _ in found} - created.keys()
        owners = {**self.index.owners(later), **created}
        entries: list[Entry] = []
        for notification, _, named in found:
            aggregate = _uuid(notification.originator_id)
            owner = owners.get(aggregate)
            if owner is not None:
                named = {*named, owner}
            elif not names_employee(named):
                named = {*named, whole_subject(aggregate)}
            entries.extend(
                (subject, aggregate, notification.originator_version) for subject in named
            )
        return entries, created

    def _state(self, notification: Notification) -> dict[str, Any]:
        mapper = self.app.mapper
        data = notification.state
        if mapper.cipher:
            data = mapper.cipher.decrypt(data)
        if mapper.compressor:
            data = mapper.compressor.decompress(data)
        state: dict[str, Any] = mapper.transcoder.decode(data)
        return state


def _uuid(value: UUID | str) -> UUID:
    return value if isinstance(value, UUID) else UUID(value)
