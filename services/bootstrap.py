"""The one wiring point of the product: the store (the Talenta application over the event
store), the read models with the followers that keep them up to the log, and the clocks (the
Temporal worker and the relay), built here and shared by the command line, the HTTP API and the
worker. Tests and benchmarks may build their own."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from domain.agencies import AGENCIES
from projections.access import AccessProjection
from projections.audit import IndexFollower, subject_index
from projections.chain import ChainFollower, ChainView, chain_view
from projections.directory import DirectoryProjection, DirectoryView, directory_view
from projections.documents import DocumentView, document_view
from projections.follower import Follower
from projections.reminders import InboxProjection
from projections.scouting import ScoutingProjection
from projections.talent import TalentProjection
from services.application import Talenta
from services.config import StoreConfig
from services.settings import Settings

if TYPE_CHECKING:
    from temporalio.client import Client


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


@dataclass
class ReadModels:
    """Every read model of one application with its follower, for a process that answers many
    requests (the HTTP API, the embedded product)."""

    app: Talenta
    directory: DirectoryView
    documents: DocumentView
    chain: ChainView
    followers: list[Follower] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def of(cls, app: Talenta) -> ReadModels:
        directory, documents, chain = directory_view(app), document_view(app), chain_view(app)
        followers = [
            ChainFollower(app, chain),
            directory_follower(app, directory),
            Follower(app, ScoutingProjection(documents)),
            Follower(app, TalentProjection(documents)),
            Follower(app, InboxProjection(documents)),
            IndexFollower(app, subject_index(app)),
            Follower(app, AccessProjection(documents)),
        ]
        return cls(app, directory, documents, chain, followers)

    def refresh(self) -> int:
        """Brings every read model up to the log, so a reader sees its own writes."""
        with self._lock:
            return sum(follower.catch_up() for follower in self.followers)


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
