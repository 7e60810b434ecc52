"""The size of a request body: at most MAX_REQUEST_BYTES, counted as it arrives (a declared
Content-Length over it is refused before any of the body is read), so that no request can hold
the server's memory or load the permanent log with megabytes. Refused with 413 in the refusal
shape, and recorded like every refused command."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_REQUEST_BYTES = 1_000_000


class RequestTooLarge(HTTPException):
    # An HTTPException, which the framework lets pass while it reads a body.
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body exceeds {limit} bytes")
        self.limit = limit


class BoundedBody:
    def __init__(self, app: ASGIApp, limit: int = MAX_REQUEST_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        over = not declared.isdigit() or int(declared) > self.limit
        received = 0

        async def bounded() -> Message:
            nonlocal received
            if over:
                raise RequestTooLarge(self.limit)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise RequestTooLarge(self.limit)
            return message

        await self.app(scope, bounded, send)
