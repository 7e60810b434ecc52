"""What no request may carry, refused before anything else reads the request: a NUL, which
PostgreSQL can keep in no text or jsonb, so one stored in an event would make every read model
that copies it fail from then on; a lone UTF-16 surrogate (``\\ud800``), which JSON can escape but
no store can encode; JSON nested deeper than any command, which would exhaust the stack of
whatever walks it. The refusal is recorded, the request kept escaped."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from fastapi import Request

from domain.values import InvalidValue
from services.commands import SURROGATE

NUL = "\x00"
MAX_DEPTH = 32  # objects and arrays within each other; no command nests more than a few


async def refuse_unstorable(request: Request) -> None:
    raw = await request.body()
    try:
        body: Any = json.loads(raw) if raw else None
    except (ValueError, RecursionError):
        body = None  # the route answers malformed JSON itself
    if too_deep(body):
        raise InvalidValue(
            f"permintaan bersarang lebih dari {MAX_DEPTH} tingkat",
            f"the request nests objects and arrays more than {MAX_DEPTH} levels deep",
        )
    values = [*request.path_params.values(), *request.query_params.multi_items(), body]
    texts = list(_texts(values))
    if any(NUL in text for text in texts):
        raise InvalidValue(
            "permintaan memuat karakter NUL (\\u0000), yang tidak dapat disimpan",
            "the request holds a NUL character (\\u0000), which cannot be stored",
        )
    if any(SURROGATE.search(text) for text in texts):
        raise InvalidValue(
            "permintaan memuat surrogate UTF-16 tunggal (\\ud800-\\udfff), yang bukan karakter dan "
            "tidak dapat disimpan",
            "the request holds a lone UTF-16 surrogate (\\ud800-\\udfff), "
            "which is no character and cannot be stored",
        )


def too_deep(value: Any) -> bool:
    """Whether JSON ``value`` nests objects and arrays deeper than MAX_DEPTH."""
    return any(depth > MAX_DEPTH for depth, _ in _walk(value))


def _texts(value: Any) -> Iterator[str]:
    for _, item in _walk(value):
        if isinstance(item, str):
            yield item


def _walk(value: Any) -> Iterator[tuple[int, Any]]:
    """Every value inside ``value``, keys included, with its depth; without recursion, and no
    deeper than one past MAX_DEPTH, so that no nesting can exhaust the stack."""
    pending: list[tuple[int, Any]] = [(0, value)]
    while pending:
        depth, item = pending.pop()
        yield depth, item
        if depth > MAX_DEPTH:
            continue
        if isinstance(item, dict):
            pending.extend((depth + 1, part) for pair in item.items() for part in pair)
        elif isinstance(item, list | tuple):
            pending.extend((depth + 1, part) for part in item)
