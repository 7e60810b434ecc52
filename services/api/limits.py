"""The size of a request body: at most MAX_REQUEST_BYTES, counted as it arrives (a declared
Content-Length over it is refused before any of the body is read), so that no request can hold
the server's memory or load the permanent log with megabytes. Refused with 413 in the refusal
shape, and recorded like every refused command. The one larger body is an agency's personnel
export posted to the import page (UPLOAD_LIMITS): its files go to temporary files as they
arrive, never into memory or the log whole, and it has a limit of its own."""

from __future__ import annotations

from collections.abc import Mapping

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_REQUEST_BYTES = 1_000_000
# A province's SIASN export, its CSV files as they are or zipped.
MAX_IMPORT_BYTES = 200_000_000
UPLOAD_LIMITS: Mapping[str, int] = {"/import": MAX_IMPORT_BYTES}  # posts to these paths


class RequestTooLarge(HTTPException):
    # An HTTPException, which the framework lets pass while it reads a body.
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body exceeds {limit} bytes")
        self.limit = limit


class BoundedBody:
    def __init__(
        self,
        app: ASGIApp,
        limit: int = MAX_REQUEST_BYTES,
        uploads: Mapping[str, int] = UPLOAD_LIMITS,
    ) -> None:
        self.app = app
        self.limit = limit
        self.uploads = uploads

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit
        if scope["method"] == "POST":
            limit = self.uploads.get(scope["path"], limit)
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        over = not declared.isdigit() or int(declared) > limit
        received = 0

        async def bounded() -> Message:
            nonlocal received
            if over:
                raise RequestTooLarge(limit)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise RequestTooLarge(limit)
            return message

        await self.app(scope, bounded, send)
