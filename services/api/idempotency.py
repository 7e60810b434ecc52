"""The `Idempotency-Key` header of a command: the same key from the same user answers the first
outcome (marked `Idempotent-Replayed: true`) instead of running the command again; the key's
claim and answer are kept by services.idempotency."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Header, Request
from starlette.concurrency import run_in_threadpool

from domain.rules.core import Message
from domain.values import InvalidValue
from services.api.auth import CurrentActor
from services.idempotency import MAX_KEY, IdempotencyStore, fingerprint

HEADER = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"


class Replayed(Exception):
    def __init__(self, status: int, answer: dict[str, Any]) -> None:
        super().__init__(status)
        self.status = status
        self.answer = answer


class KeyRefused(Exception):
    def __init__(self, status: int, code: str, message: Message) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message


REUSED = Message(
    id="kunci idempoten ini sudah dipakai pengguna ini untuk permintaan lain; pakai kunci baru",
    en="this idempotency key was used by this user for another request; use a new key",
)
PENDING = Message(
    id="permintaan dengan kunci idempoten ini sedang berjalan atau berhenti sebelum menjawab, "
    "jadi hasilnya tidak diketahui; periksa datanya, lalu kirim dengan kunci baru bila perlu",
    en="a request with this idempotency key is under way or stopped before it answered, so its "
    "outcome is unknown; check the record, then send it with a new key if needed",
)


IdempotencyKey = Annotated[
    str | None,
    Header(
        alias=HEADER,
        description="Sent again with the same request, answers its first outcome "
        f"(1 to {MAX_KEY} printable ASCII characters).",
    ),
]


async def idempotent(request: Request, actor: CurrentActor, key: IdempotencyKey = None) -> None:
    """Claims the request's key for this user, or answers what the key holds already."""
    if key is None:
        return
    if not (0 < len(key) <= MAX_KEY and key.isascii() and key.isprintable()):
        raise InvalidValue(
            f"header {HEADER} harus 1 sampai {MAX_KEY} karakter ASCII yang tercetak",
            f"the {HEADER} header must be 1 to {MAX_KEY} printable ASCII characters",
        )
    route = request.scope["route"]
    request_id = fingerprint(route.name, await request.body())
    store: IdempotencyStore = request.app.state.idempotency
    held = await run_in_threadpool(store.claim, actor.id, key, request_id)
    if held is None:
        request.state.idempotency = (actor.id, key)
        return
    if held.request != request_id:
        raise KeyRefused(422, "idempotency-key-reused", REUSED)
    if held.status is None or held.answer is None:
        raise KeyRefused(409, "idempotency-key-pending", PENDING)
    raise Replayed(held.status, held.answer)


def settle(request: Request, status: int, answer: dict[str, Any]) -> None:
    """Keeps ``answer`` as the outcome of the key the request claimed, if it claimed one; a lost
    race to save changed nothing, so its key is freed for the retry instead."""
    claimed: tuple[str, str] | None = getattr(request.state, "idempotency", None)
    if claimed is None:
        return
    store: IdempotencyStore = request.app.state.idempotency
    if status == 409 and answer.get("code") == "conflict":
        store.release(*claimed)
    else:
        store.settle(*claimed, status, answer)
    request.state.idempotency = None
