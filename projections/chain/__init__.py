"""Tamper evidence: a hash chain over the event log, its published head, and verification of
the log against it."""

from __future__ import annotations

from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.sqlite import SQLiteFactory

from projections.chain.follower import ChainFollower
from projections.chain.postgres import PostgresChainView
from projections.chain.sqlite import SQLiteChainView
from projections.chain.verify import Head, Problem, ProblemKind, Verification, head_of, verify
from projections.chain.view import GENESIS, ChainView, Link


def chain_view(app: Application[UUID]) -> ChainView:
    """The chain in the application's own database, whichever backend it is."""
    sqlite = isinstance(app.factory, SQLiteFactory)
    view_class = SQLiteChainView if sqlite else PostgresChainView
    return app.factory.tracking_recorder(view_class)  # type: ignore[return-value]


__all__ = [
    "GENESIS",
    "ChainFollower",
    "ChainView",
    "Head",
    "Link",
    "Problem",
    "ProblemKind",
    "Verification",
    "chain_view",
    "head_of",
    "verify",
]
