"""Every answer leaves the API through here: its personal fields as the reader's role may see
them (services/personal_data.py), and a list as CSV when asked (``?format=csv`` or
``Accept: text/csv``), nested fields flattened into dotted columns."""

from __future__ import annotations

import csv
import io
import json
import types
from typing import Any, Union, get_args, get_origin

from fastapi import FastAPI
from fastapi.routing import APIRoute
from pydantic import BaseModel
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from domain.envelope import Actor
from services.personal_data import sees_full_record, shown

CSV = "text/csv"
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def is_list_route(route: APIRoute) -> bool:
    return "GET" in (route.methods or ()) and get_origin(route.response_model) is list


def wants_csv(scope: Scope) -> bool:
    query = scope.get("query_string", b"").decode("latin-1")
    headers = dict(scope.get("headers", []))
    return "format=csv" in query.split("&") or CSV in headers.get(b"accept", b"").decode()


def flatten(value: Any, prefix: str = "") -> dict[str, str]:
    """One row: nested objects into dotted columns, a list of plain values joined by "; ", a
    list of objects kept as JSON in its cell."""
    if isinstance(value, dict) and value:
        row: dict[str, str] = {}
        for key, inner in value.items():
            row.update(flatten(inner, f"{prefix}.{key}" if prefix else str(key)))
        return row
    column = prefix or "value"
    if isinstance(value, list):
        if all(not isinstance(item, dict | list) for item in value):
            return {column: "; ".join(_cell(item) for item in value)}
        return {column: json.dumps(value, ensure_ascii=False)}
    return {column: _cell(value) if value != {} else ""}


def model_columns(model: Any, prefix: str = "") -> list[str]:
    """The dotted columns of a list's row model, for the header of an empty list."""
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return [prefix or "value"]
    columns: list[str] = []
    for name, field in model.model_fields.items():
        inner = _model_in(field.annotation)
        dotted = f"{prefix}.{name}" if prefix else name
        columns.extend(model_columns(inner, dotted) if inner else [dotted])
    return columns


def to_csv(rows: list[Any], row_model: Any) -> str:
    flat = [flatten(row) for row in rows]
    columns = list(dict.fromkeys(key for row in flat for key in row)) or model_columns(row_model)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, restval="", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(flat)
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    # A spreadsheet runs a cell starting like a formula; what users typed must stay text.
    if text[:1] in FORMULA and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (Union, types.UnionType):
        found = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(found) == 1:
            return _model_in(found[0])
    return None


class ShapedAnswers:
    """ASGI middleware: holds a JSON answer back until it is complete, then filters it for the
    actor the route authenticated (kept on the request's state) and turns a list into CSV."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state: dict[str, Any] = scope.setdefault("state", {})
        started: list[Message] = []
        body: list[bytes] = []

        async def held(message: Message) -> None:
            if message["type"] == "http.response.start":
                started.append(message)
            elif message["type"] == "http.response.body":
                body.append(message.get("body", b""))
                if not message.get("more_body", False):
                    await self._answer(scope, state, started[0], b"".join(body), send)
            else:
                await send(message)

        await self.app(scope, receive, held)

    async def _answer(
        self, scope: Scope, state: dict[str, Any], start: Message, body: bytes, send: Send
    ) -> None:
        headers = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
        kind = dict(headers).get(b"content-type", b"")
        actor = state.get("actor")
        route = scope.get("route")
        exported = start["status"] == 200 and wants_csv(scope) and isinstance(route, APIRoute)
        if isinstance(actor, Actor) and kind.startswith(b"application/json") and body:
            if exported and isinstance(route, APIRoute):
                status, kind, body = _as_csv(route, shown(json.loads(body), actor.role))
                headers = [(k, v) for k, v in headers if k.lower() != b"content-type"]
                headers.append((b"content-type", kind))
                if status == 200:
                    saved_as = f'attachment; filename="{route.name}.csv"'
                    headers.append((b"content-disposition", saved_as.encode()))
                start = {**start, "status": status}
            elif not sees_full_record(actor.role):  # a full reader's answer stands as it was
                data = shown(json.loads(body), actor.role)
                body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
        headers.append((b"content-length", str(len(body)).encode()))
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": body, "more_body": False})


def _as_csv(route: APIRoute, data: Any) -> tuple[int, bytes, bytes]:
    if not (is_list_route(route) and isinstance(data, list)):
        refusal = {
            "code": "not-a-list",
            "message": "hanya daftar yang dapat diekspor sebagai CSV",
            "message_en": "only a list can be exported as CSV",
            "citation": "",
        }
        return 406, b"application/json", json.dumps(refusal).encode()
    (row_model,) = get_args(route.response_model)
    return 200, b"text/csv; charset=utf-8", to_csv(data, row_model).encode()


FORMAT = {
    "name": "format",
    "in": "query",
    "required": False,
    "description": "csv: the list as CSV (also with Accept: text/csv)",
    "schema": {"type": "string", "enum": ["csv"]},
}


def shape_answers(api: FastAPI) -> None:
    api.add_middleware(ShapedAnswers)
    described = api.openapi

    def openapi() -> dict[str, Any]:
        """The description, with the CSV form of each list route."""
        if api.openapi_schema is None:
            for operations in described()["paths"].values():
                answer = operations.get("get", {}).get("responses", {}).get("200", {})
                content = answer.get("content", {})
                if content.get("application/json", {}).get("schema", {}).get("type") == "array":
                    operations["get"].setdefault("parameters", []).append(FORMAT)
                    content[CSV] = {"schema": {"type": "string"}}
        return api.openapi_schema or described()

    api.openapi = openapi  # type: ignore[method-assign]
