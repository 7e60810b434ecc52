"""Characters no request may carry: PostgreSQL can keep no NUL in text or jsonb, so one stored in
an event would make every read model that copies it fail from then on. Refused before anything
else reads the request, so nothing is recorded."""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request

from domain.values import InvalidValue

NUL = "\x00"


async def refuse_nul(request: Request) -> None:
    raw = await request.body()
    try:
        body: Any = json.loads(raw) if raw else None
    except ValueError:
        body = raw.decode("utf-8", "replace")  # the route answers malformed JSON itself
    values = [*request.path_params.values(), *request.query_params.multi_items(), body]
    if any(_holds_nul(value) for value in values):
        raise InvalidValue(
            "permintaan memuat karakter NUL (\\u0000), yang tidak dapat disimpan / the request "
            "holds a NUL character (\\u0000), which cannot be stored"
        )


def _holds_nul(value: Any) -> bool:
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, dict):
        return any(_holds_nul(key) or _holds_nul(item) for key, item in value.items())
    if isinstance(value, list | tuple):
        return any(_holds_nul(item) for item in value)
    return False
