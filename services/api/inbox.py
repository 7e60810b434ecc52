"""The reminder inbox over HTTP: the current user's notices (their agency, addressed to their
role), and acknowledging one, recorded with the user as its actor."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query
from pydantic import BaseModel

from projections.reminders import InboxItem, inbox
from services.api.auth import CurrentActor
from services.api.context import Ctx, FreshCtx
from services.reminders.commands import AcknowledgeNotice, acknowledge_notice

router = APIRouter(prefix="/inbox", tags=["reminders"])


class Acknowledgement(BaseModel):
    notice_id: UUID
    recorded: bool  # False when this user had acknowledged it already


@router.get("")
def my_inbox(
    ctx: FreshCtx,
    actor: CurrentActor,
    acknowledged: Annotated[
        bool | None, Query(description="Only notices this user has (not) acknowledged")
    ] = None,
) -> list[InboxItem]:
    """Reminders of the user's agency addressed to the user's role, soonest deadline first."""
    return inbox(ctx.documents, actor.agency, actor.role, actor.id, acknowledged)


@router.post("/{notice_id}/acknowledge")
def acknowledge(ctx: Ctx, actor: CurrentActor, notice_id: UUID) -> Acknowledgement:
    """Records that the user has seen the notice; acknowledging again records nothing."""
    recorded = acknowledge_notice(ctx.app, AcknowledgeNotice(notice_id=notice_id), actor)
    return Acknowledgement(notice_id=notice_id, recorded=recorded)
