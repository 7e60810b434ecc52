"""What the routes work with: the application and its read models, kept on the FastAPI app,
and how fresh a read of the read models is."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.api.auth import CurrentActor
from services.application import noting_saves
from services.bootstrap import ReadModels

# The application and its read models, as the product wires them (services/bootstrap.py).
Context = ReadModels

# The notification id every read model held when the answer was read: a read answers from the
# read models as they are, and its own writes are always in it.
READ_POSITION = "X-Talenta-Read-Position"
_SAFE = frozenset({"GET", "HEAD", "OPTIONS"})


def context(request: Request) -> Context:
    found: Context = request.app.state.context
    return found


def _principal(state: dict[str, Any]) -> str | None:
    """Who sent the request: the API's actor, else the web interface's signed-in user."""
    actor = state.get("actor")
    if actor is not None:
        return str(actor.id)
    session = state.get("web_session")
    username = getattr(session, "username", None)
    return None if username is None else str(username)


async def _context(request: Request) -> Context:
    """``context`` as a dependency: waiting on nothing, it runs on the event loop rather than in
    a worker thread."""
    return context(request)


def fresh_context(request: Request) -> Context:
    """The read models, holding at least every write of the request's sender."""
    found = context(request)
    request.state.read_position = found.before_read(_principal(request.scope.get("state", {})))
    return found


def _read_context(request: Request, actor: CurrentActor) -> Context:
    found = context(request)
    request.state.read_position = found.before_read(actor.id)
    return found


# Module level: FastAPI resolves postponed annotations against module globals (as in
# services/api/auth.py).
Ctx = Annotated[Context, Depends(_context)]
# For routes reading a read model: as they are, with every write of the reader in them.
FreshCtx = Annotated[Context, Depends(_read_context)]


class ReadYourWrites:
    """Marks the end of every request that may write (any method but GET, HEAD and OPTIONS) as
    its sender's last write, before the answer goes out, so the sender's next read sees it; and
    says in each answer read from the read models where they stood. The request's own saves say
    where its writes end in the log; a request that saved nothing through the application is
    marked at the log's head, as the store gives it."""

    def __init__(self, app: ASGIApp, context: Context) -> None:
        self.app = app
        self.context = context

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        writes = scope["method"] not in _SAFE

        async def answered(message: Message) -> None:
            if message["type"] == "http.response.start":
                state = scope.get("state", {})
                principal = _principal(state)
                if writes and principal is not None and saves:
                    self.context.wrote(principal, max(saves))
                elif writes and principal is not None:  # no save noted: the log's head
                    await run_in_threadpool(self.context.wrote, principal)
                position = state.get("read_position")
                if position is not None:
                    headers = [*message.get("headers", []), _header(position)]
                    message = {**message, "headers": headers}
            await send(message)

        with noting_saves() as saves:
            await self.app(scope, receive, answered)


def _header(position: int) -> tuple[bytes, bytes]:
    return READ_POSITION.lower().encode(), str(position).encode()
