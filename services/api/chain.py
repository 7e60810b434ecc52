"""Tamper evidence over HTTP: the chain's head, readable by every user, and the verification of
the log against the chain, for auditors and administrators."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from projections.chain import Head, Verification, head_of, verify
from services.api.auth import CurrentActor
from services.api.context import Ctx, FreshCtx
from services.audit.chain import may_verify

router = APIRouter(prefix="/audit/chain", tags=["audit"])


class ChainHead(BaseModel):
    head: Head | None  # None while the log is empty


@router.get("/head")
def chain_head(ctx: FreshCtx, actor: CurrentActor) -> ChainHead:
    """The published head hash (ID:HASH) of the whole log, to print on a decree. The chain
    covers every agency's records and reveals none of their content."""
    return ChainHead(head=head_of(ctx.chain))


@router.get("/verify")
def chain_verify(
    ctx: Ctx,  # verifying chains nothing: a record after the head is reported as unchained
    actor: CurrentActor,
    published: Annotated[list[str], Query(description="Published heads, ID:HASH")] = [],  # noqa: B006
) -> Verification:
    """Every edited, deleted, inserted or reordered record of the log, by notification id, and
    the records not yet chained or after the last published head (roles: administrator,
    auditor)."""
    may_verify(actor)
    heads = [Head.parse(text) for text in published]
    return verify(ctx.app, ctx.chain, heads)
