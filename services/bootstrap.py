"""The one wiring point of the product: the store (the Talenta application over the event
store), the read models with the followers that keep them up to the log, and the clocks (the
Temporal worker and the relay), built here and shared by the command line, the HTTP API and the
worker. Tests and benchmarks may build their own."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventsourcing.persistence import IntegrityError, Tracking

from domain.agencies import AGENCIES
from projections.access import AccessProjection
from projections.audit import IndexFollower, subject_index
from projections.chain import ChainFollower, ChainView, chain_view
from projections.directory import DirectoryProjection, DirectoryView, directory_view
from projections.documents import DocumentView, document_view
from projections.follower import Follower, poll
from projections.reminders import InboxProjection
from projections.scouting import ScoutingProjection
from projections.talent import TalentProjection
from projections.talent.searches import TalentSearchProjection
from projections.talent.waiting import WaitingProjection
from services.application import Talenta
from services.audit.compliance_kept import KeptCompliance
from services.config import StoreConfig
from services.settings import Settings

if TYPE_CHECKING:
    from temporalio.client import Client

# How often a reader waiting for its own writes asks how far the following process has come.
OWN_WRITES_POLL = 0.005
# Seconds a follower lets writes gather after a catch-up: under a steady stream of commands each
# catch-up then applies a batch of them, its queries and transactions shared, instead of one
# event at a time. A reader of its own writes in the following process never waits for it (it
# catches up itself: ``before_read``); in a watching one it may wait this much longer.
FOLLOW_GATHER = 0.05


def open_store(store: StoreConfig | str | None = None) -> Talenta:
    """The application over ``store`` (a URL or its config), else the one TALENTA_STORE names."""
    return Talenta(StoreConfig(store) if isinstance(store, str) else store)


@contextmanager
def store_opened(store: StoreConfig | str | None = None) -> Iterator[Talenta]:
    """The application over ``store`` for one step, closed after it."""
    app = open_store(store)
    try:
        yield app
    finally:
        app.close()


def directory_follower(app: Talenta, view: DirectoryView) -> Follower:
    return Follower(app, DirectoryProjection(view))


def fresh_directory(app: Talenta) -> DirectoryView:
    """The employee directory, caught up with the log."""
    view = directory_view(app)
    directory_follower(app, view).catch_up()
    return view


def fresh_chain(app: Talenta) -> ChainView:
    """The hash chain, caught up with the log."""
    view = chain_view(app)
    ChainFollower(app, view).catch_up()
    return view


def fresh_inbox(app: Talenta) -> DocumentView:
    """The document views with the reminder inbox caught up with the log."""
    view = document_view(app)
    Follower(app, InboxProjection(view)).catch_up()
    return view


# New events beyond which every follower catches up, rather than those their topics name:
# reading them all to learn their topics would cost more than the followers' own queries.
WAKE_LIMIT = 100


@dataclass
class ReadModels:
    """Every read model of one application with its follower, for a process that answers many
    requests (the HTTP API, the embedded product).

    One catch-up runs at a time. A reader never waits for another's catch-up to answer what the
    read models hold, except to see its own writes: each principal's last write is kept as the
    log's head when it was answered (``wrote``), and that principal's reads wait until the read
    models reach it (``before_read``). Followed in the background (``follow``, as `talenta
    serve` runs), readers leave catching up to the follower; watched (``watch``, an API process
    of several), another process follows and says how far it has come, and readers wait for it;
    otherwise a reader catches up itself when no catch-up is under way."""

    app: Talenta
    directory: DirectoryView
    documents: DocumentView
    chain: ChainView
    followers: list[Follower] = field(default_factory=list)
    # How long a read waits for its own writes before answering what there is; its answer says
    # the position it read at, so a reader can tell.
    own_writes_wait: float = 10.0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _position: int = 0
    _written: dict[str, int] = field(default_factory=dict)
    _written_lock: threading.Lock = field(default_factory=threading.Lock)
    _following: bool = False
    # Another process follows and publishes its position (``watch``); this one only reads.
    _watching: bool = False
    # The compliance replay kept up to the log, followed apart from the read models above.
    compliance: KeptCompliance = field(init=False)

    def __post_init__(self) -> None:
        self.compliance = KeptCompliance(self.app)

    @classmethod
    def of(cls, app: Talenta) -> ReadModels:
        directory, documents, chain = directory_view(app), document_view(app), chain_view(app)
        followers = [
            ChainFollower(app, chain),
            directory_follower(app, directory),
            Follower(app, ScoutingProjection(documents)),
            Follower(app, TalentProjection(documents)),
            Follower(app, TalentSearchProjection(documents)),
            Follower(app, InboxProjection(documents)),
            IndexFollower(app, subject_index(app)),
            Follower(app, AccessProjection(documents)),
            Follower(app, WaitingProjection(documents)),
        ]
        return cls(app, directory, documents, chain, followers)

    @property
    def position(self) -> int:
        """The notification id every read model holds everything up to (0 before the first
        catch-up of this process)."""
        return self._position

    def refresh(self) -> int:
        """Brings every read model up to the log, after any catch-up under way; returns how
        many events it applied."""
        with self._lock:
            return self._catch_up()

    def _catch_up(self) -> int:
        # The head is read first: the log is appended in notification-id order (the store
        # locks the table to insert), so once every follower is done, all up to it is applied.
        head = self.app.recorder.max_notification_id() or 0
        if 0 < head <= self._position:
            return 0  # nothing new: spares each follower its two queries at every poll
        applied = sum(follower.catch_up() for follower in self._concerned(head))
        self._position = max(self._position, head)
        if self._following:
            self._publish(head)
        return applied

    def _concerned(self, head: int) -> list[Follower]:
        """The followers whose projections read an event after this process's position: one
        of a topic that only a few read (a recorded read of personal data, on every auditor's
        page) spares the others their queries. All of them when much is new, or before the
        first catch-up."""
        if not self._position:
            return self.followers
        new = self.app.recorder.select_notifications(
            start=self._position, limit=WAKE_LIMIT, stop=head, inclusive_of_start=False
        )
        if len(new) >= WAKE_LIMIT:
            return self.followers
        topics = {notification.topic for notification in new}
        return [
            follower
            for follower in self.followers
            # No topics: the projection reads every event (the hash chain, the audit index).
            if not follower.projector.topics or topics.intersection(follower.projector.topics)
        ]

    @property
    def _published_key(self) -> str:
        return f"read-models@{self.app.name}"

    def _publish(self, head: int) -> None:
        """Records that every read model holds the log up to ``head``, for the API processes
        that leave following to this one (``watch``)."""
        with contextlib.suppress(IntegrityError):  # another follower published as far already
            self.documents.insert_tracking(Tracking(self._published_key, head))

    def published(self) -> int:
        """How far the read models hold the log, as the process following them last said."""
        return self.documents.max_tracking_id(self._published_key) or 0

    def watch(self, stop: threading.Event, interval: float = 0.2) -> threading.Thread:
        """Leaves following the read models to another process (``follow`` there), and keeps
        the position they hold as that process publishes it, in a thread of its own until
        ``stop`` is set: this process spends nothing on applying events, and a reader waiting
        for its own writes waits for that process."""
        self._watching = True

        def step() -> int:
            before, self._position = self._position, max(self._position, self.published())
            return self._position - before

        thread = threading.Thread(
            target=poll, args=(step, stop, interval), name="read-models-watch", daemon=True
        )
        thread.start()
        self.compliance.follow(stop, interval)  # kept in each process's memory, not in rows
        return thread

    def follow(
        self, stop: threading.Event, interval: float = 0.2, gather: float = FOLLOW_GATHER
    ) -> threading.Thread:
        """Keeps the read models up to the log in a thread of its own until ``stop`` is set;
        from now on readers leave catching up to it."""
        self._following = True
        thread = threading.Thread(
            target=poll,
            args=(self.refresh, stop, interval, gather),
            name="read-models",
            daemon=True,
        )
        thread.start()
        self.compliance.follow(stop, interval)
        return thread

    def wrote(self, principal: str, at: int | None = None) -> int:
        """Notes that ``principal`` has just written up to notification id ``at`` (by default
        the log's head, asked of the store): its reads from now on see the log up to it.
        Returns that notification id."""
        head = at if at is not None else self.app.recorder.max_notification_id() or 0
        with self._written_lock:
            self._written[principal] = max(self._written.get(principal, 0), head)
        return head

    def before_read(self, principal: str | None) -> int:
        """Readies the read models for a read by ``principal`` (None for no one known); returns
        the position the read answers at."""
        wanted = self._written.get(principal, 0) if principal is not None else 0
        if wanted > self._position and self._watching:
            self._await_published(wanted)
        elif wanted > self._position:
            if self._lock.acquire(timeout=self.own_writes_wait):
                try:
                    if wanted > self._position:  # the catch-up waited for may have reached it
                        self._catch_up()
                finally:
                    self._lock.release()
        elif not (self._following or self._watching) and self._lock.acquire(blocking=False):
            try:
                self._catch_up()
            finally:
                self._lock.release()
        return self._position

    def _await_published(self, wanted: int) -> None:
        deadline = time.monotonic() + self.own_writes_wait
        while True:
            self._position = max(self._position, self.published())
            if self._position >= wanted or time.monotonic() >= deadline:
                return
            time.sleep(OWN_WRITES_POLL)


@asynccontextmanager
async def clocks(app: Talenta, client: Client, settings: Settings) -> AsyncIterator[None]:
    """Every clock the product keeps, running while the context is open: the yearly schedules,
    the worker and the relay, with the agencies' settings."""
    # Imported here: the command line builds its store here too, and loads Temporal only for
    # the commands that run clocks.
    from workflows.catalog import HANDLERS, WORKFLOWS, rules
    from workflows.worker import running_clocks
    from workflows.yearly_schedule import ensure_yearly_schedules

    await ensure_yearly_schedules(client, AGENCIES)
    async with running_clocks(
        app, client, rules(settings), HANDLERS, workflows=WORKFLOWS, settings=settings
    ):
        yield
