"""The compliance replay kept up to the log, so the auditor's page answers from what it has found
instead of replaying the whole history on each request.

The replay cannot be kept as rows like the other read models: it judges each decision on every
aggregate rebuilt as it stood then (``compliance_state``), a state that lives in memory only. So
each process keeps its own, from the log's start on its first catch-up, and resumes it from the
last event it judged; since the kept replay is the same fold as a fresh one (``Replay``), what it
has found up to a position is what a fresh replay finds up to it. Readers never wait for it: each
page of the log it judges ends in a ``Standing`` they share, which says its position and time."""

from __future__ import annotations

import threading
from datetime import datetime

from projections.follower import poll
from services.application import Talenta
from services.audit.compliance import PAGE, Replay, Standing, notifications_after
from services.audit.compliance_models import ComplianceReport


class KeptCompliance:
    def __init__(self, app: Talenta) -> None:
        self.app = app
        self.following = False
        self._lock = threading.Lock()
        self._replay = Replay()
        self._standing = self._replay.standing()
        self._reading = False

    @property
    def standing(self) -> Standing:
        return self._standing

    @property
    def reading(self) -> bool:
        """Whether a catch-up is still reading through a backlog of the log (full pages), as
        on its first run: what has been found so far is not all there is."""
        return self._reading

    def catch_up(self) -> int:
        """Judges everything recorded after the last event judged; returns how many events it
        read. The lock is held a page at a time, so a follower and a reader asking for the head
        take turns rather than one waiting for the whole log."""
        applied = 0
        while True:
            with self._lock:
                page = notifications_after(self.app, self._replay.position)
                try:
                    for notification in page:
                        event = self.app.mapper.to_domain_event(notification)
                        self._replay.take(notification.id, event)
                except Exception:
                    # An event taken halfway leaves a state no fresh replay has: start over.
                    self._replay = Replay()
                    self._reading = True
                    raise
                if page:
                    self._standing = self._replay.standing()
                self._reading = len(page) == PAGE
            applied += len(page)
            if len(page) < PAGE:
                return applied

    def follow(self, stop: threading.Event, interval: float = 0.2) -> threading.Thread:
        """Keeps the replay up to the log in a thread of its own until ``stop`` is set, apart
        from the other read models' catch-up (its first one reads the whole log); from now on
        the page leaves catching up to it."""
        self.following = True
        thread = threading.Thread(
            target=poll, args=(self.catch_up, stop, interval), name="compliance", daemon=True
        )
        thread.start()
        return thread

    def report(self, agency: str | None, as_of: datetime | None, fresh: bool) -> ComplianceReport:
        """The breaches found so far: up to the log's head when ``fresh`` or when no follower
        keeps the replay, else as the follower left them (the report says where and when)."""
        if fresh or not self.following:
            self.catch_up()
        return self._standing.report(agency, as_of)
