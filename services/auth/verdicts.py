"""The tokens a process has found authenticating, each with the versions of the records its
verdict rests on: the token's, its user's roles' and the person's of the same name (a disabled
person acts through no token). A later request with the same secret asks the store for those
versions in one query and judges again only when one has moved, so a revocation, a change of
roles or a disable saved by any process refuses the token at the next request, as without this;
an expiry is judged at every request from the time the token holds."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from services.auth.principal import Principal

# Tokens kept per process, least recently used dropped first: every caseworker of a province
# with a token or two each.
DEFAULT_MAXSIZE = 10_000


@dataclass(frozen=True)
class Verdict:
    """A principal as judged from these records at these versions (absent: not stored then)."""

    ids: tuple[UUID, ...]
    versions: dict[UUID, int]
    principal: Principal
    expires_at: datetime | None

    def holds(self, versions: dict[UUID, int], now: datetime) -> bool:
        return versions == self.versions and (self.expires_at is None or now < self.expires_at)


class Verdicts:
    def __init__(self, maxsize: int = DEFAULT_MAXSIZE) -> None:
        self._maxsize = maxsize
        self._held: OrderedDict[str, Verdict] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, token_hash: str) -> Verdict | None:
        with self._lock:
            found = self._held.get(token_hash)
            if found is not None:
                self._held.move_to_end(token_hash)
            return found

    def keep(self, token_hash: str, verdict: Verdict) -> None:
        with self._lock:
            self._held[token_hash] = verdict
            self._held.move_to_end(token_hash)
            while len(self._held) > self._maxsize:
                self._held.popitem(last=False)

    def drop(self, token_hash: str) -> None:
        with self._lock:
            self._held.pop(token_hash, None)
