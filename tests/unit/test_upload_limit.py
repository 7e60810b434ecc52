"""The body limit: 1 MB for every request, but the import page's upload has a larger limit of
its own, still counted as the body arrives."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from services.api.limits import (
    MAX_IMPORT_BYTES,
    MAX_REQUEST_BYTES,
    UPLOAD_LIMITS,
    BoundedBody,
    RequestTooLarge,
)


async def read(request: Request) -> PlainTextResponse:
    return PlainTextResponse(str(len(await request.body())))


async def too_large(request: Request, error: Exception) -> PlainTextResponse:
    assert isinstance(error, RequestTooLarge)
    return PlainTextResponse(str(error.limit), status_code=413)


def client(uploads: dict[str, int]) -> TestClient:
    routes = [Route(path, read, methods=["POST"]) for path in ("/import", "/commands")]
    app = Starlette(routes=routes, exception_handlers={RequestTooLarge: too_large})
    return TestClient(BoundedBody(app, uploads=uploads))


def test_the_import_upload_has_a_larger_limit_of_its_own() -> None:
    assert UPLOAD_LIMITS == {"/import": MAX_IMPORT_BYTES}
    assert MAX_IMPORT_BYTES > MAX_REQUEST_BYTES
    body = b"x" * (MAX_REQUEST_BYTES + 1)
    answered = client({"/import": 2 * MAX_REQUEST_BYTES}).post("/import", content=body)
    assert (answered.status_code, answered.text) == (200, str(len(body)))


def test_a_body_over_its_limit_is_refused_on_either_path() -> None:
    body = b"x" * (MAX_REQUEST_BYTES + 1)
    other = client({"/import": 2 * MAX_REQUEST_BYTES}).post("/commands", content=body)
    assert (other.status_code, other.text) == (413, str(MAX_REQUEST_BYTES))
    upload = client({"/import": 100}).post("/import", content=b"x" * 101)
    assert (upload.status_code, upload.text) == (413, "100")


def test_an_upload_sent_in_pieces_is_counted_as_it_arrives() -> None:
    def pieces() -> object:
        yield from (b"x" * 60, b"x" * 60)

    answered = client({"/import": 100}).post("/import", content=pieces())  # no Content-Length
    assert (answered.status_code, answered.text) == (413, "100")
