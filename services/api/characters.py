"""Characters no request may carry, refused before anything else reads the request: a NUL, which
PostgreSQL can keep in no text or jsonb, so one stored in an event would make every read model
that copies it fail from then on; a lone UTF-16 surrogate (``\\ud800``), which JSON can escape but
no store can encode. The refusal is recorded, the request kept escaped."""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request

from domain.values import InvalidValue
from services.commands import SURROGATE

NUL = "\x00"


async def refuse_unstorable(request: Request) -> None:
    raw = await request.body()
    try:
        body: Any = json.loads(raw) if raw else None
    except ValueError:
        body = raw.decode("utf-8", "replace")  # the route answers malformed JSON itself
    texts = [
        t
        for value in (*request.path_params.values(), *request.query_params.multi_items(), body)
        for t in _texts(value)
    ]
    if any(NUL in text for text in texts):
        raise InvalidValue(
            "permintaan memuat karakter NUL (\\u0000), yang tidak dapat disimpan / the request "
            "holds a NUL character (\\u0000), which cannot be stored"
        )
    if any(SURROGATE.search(text) for text in texts):
        raise InvalidValue(
            "permintaan memuat surrogate UTF-16 tunggal (\\ud800-\\udfff), yang bukan karakter dan "
            "tidak dapat disimpan / the request holds a lone UTF-16 surrogate (\\ud800-\\udfff), "
            "which is no character and cannot be stored"
        )


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for key, item in value.items() for t in (*_texts(key), *_texts(item))]
    if isinstance(value, list | tuple):
        return [t for item in value for t in _texts(item)]
    return []
