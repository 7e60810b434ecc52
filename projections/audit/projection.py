"""Indexes every event of the log by what it is about (``subjects_of``)."""

from __future__ import annotations

from typing import Any

from eventsourcing.persistence import Tracking
from eventsourcing.projection import Projection

from projections.audit.subjects import subjects_of
from projections.audit.view import SubjectIndex


class AuditIndexProjection(Projection[SubjectIndex]):
    name = "audit-index"
    topics = ()  # every event: a timeline leaves nothing out

    def process_event(self, domain_event: Any, tracking: Tracking) -> None:
        owner, subjects = subjects_of(domain_event)
        self.view.record(
            domain_event.originator_id,
            domain_event.originator_version,
            subjects,
            owner,
            tracking,
        )
