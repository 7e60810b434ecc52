"""What the routes work with: the application and its read models, kept on the FastAPI app."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request

from projections.access import AccessProjection
from projections.chain import ChainFollower, ChainView, chain_view
from projections.directory import DirectoryProjection, DirectoryView, directory_view
from projections.documents import DocumentView, document_view
from projections.follower import Follower
from projections.reminders import InboxProjection
from projections.scouting import ScoutingProjection
from projections.talent import TalentProjection
from services.application import Talenta
from services.audit.timeline import index_follower


@dataclass
class Context:
    app: Talenta
    directory: DirectoryView
    documents: DocumentView
    chain: ChainView
    followers: list[Follower] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def of(cls, app: Talenta) -> Context:
        directory, documents, chain = directory_view(app), document_view(app), chain_view(app)
        followers = [
            ChainFollower(app, chain),
            Follower(app, DirectoryProjection(directory)),
            Follower(app, ScoutingProjection(documents)),
            Follower(app, TalentProjection(documents)),
            Follower(app, InboxProjection(documents)),
            index_follower(app),
            Follower(app, AccessProjection(documents)),
        ]
        return cls(app, directory, documents, chain, followers)

    def refresh(self) -> int:
        """Brings every read model up to the log, so a reader sees its own writes."""
        with self._lock:
            return sum(follower.catch_up() for follower in self.followers)


def context(request: Request) -> Context:
    found: Context = request.app.state.context
    return found


def fresh_context(request: Request) -> Context:
    found = context(request)
    found.refresh()
    return found


# Module level: FastAPI resolves postponed annotations against module globals (as in
# services/api/auth.py).
Ctx = Annotated[Context, Depends(context)]
# For routes reading a read model: caught up with the log first.
FreshCtx = Annotated[Context, Depends(fresh_context)]
