"""Awards: one document per award decree, a pin with its expiry, the reminders its clock sent and
the expiry it recorded; the pins valid on any day."""

from __future__ import annotations

from datetime import date
from functools import singledispatch
from uuid import UUID

from eventsourcing.persistence import Tracking
from eventsourcing.utils import get_topic
from pydantic import BaseModel

from domain.talent.retention import Award, AwardKind
from projections.documents import DocumentView
from projections.documents.models import load, save

AWARDS = "awards"


class AwardRow(BaseModel):
    award_id: UUID
    agency: str
    nip: str
    kind: AwardKind
    box: int  # on the decree date
    detail: str
    decree_number: str
    decree_date: date
    expires_on: date | None  # a pin: its first day no longer valid
    expired_on: date | None = None
    reminders: list[int] = []  # lead days of the reminders sent

    def valid_on(self, day: date) -> bool:
        """``Award.valid_on`` (from the decree, through the day before the expiry), and not
        after an expiry the clock recorded."""
        return (
            self.decree_date <= day
            and (self.expires_on is None or day < self.expires_on)
            and (self.expired_on is None or day < self.expired_on)
        )


def valid_pins(view: DocumentView, agency: str, on: date) -> list[AwardRow]:
    """The pins valid on ``on``, the soonest to expire first."""
    rows = (AwardRow.model_validate(document) for document in view.list(AWARDS, agency))
    pins = [row for row in rows if row.kind is AwardKind.PIN and row.valid_on(on)]
    return sorted(pins, key=lambda row: (row.expires_on or date.max, row.nip))


def awards(view: DocumentView, agency: str) -> list[AwardRow]:
    """Every award decree of the agency, of any kind, the latest decree first."""
    rows = (AwardRow.model_validate(document) for document in view.list(AWARDS, agency))
    return sorted(rows, key=lambda row: (row.decree_date, row.nip), reverse=True)


def project_award(view: DocumentView, event: Award.Event, tracking: Tracking) -> None:
    if isinstance(event, Award.Awarded):
        row = AwardRow(
            award_id=event.originator_id,
            agency=event.agency,
            nip=event.nip,
            kind=AwardKind(event.kind),
            box=event.box,
            detail=event.detail,
            decree_number=event.decree_number,
            decree_date=event.decree_date,
            expires_on=event.expires_on,
        )
    else:
        row = load(view, AWARDS, event.originator_id, AwardRow)
        _change(event, row)
    save(view, AWARDS, row.award_id, row.agency, row, tracking)


@singledispatch
def _change(event: Award.Event, row: AwardRow) -> None:
    raise TypeError(f"the awards do not follow {type(event).__qualname__}")


@_change.register
def _(event: Award.PinReminderSent, row: AwardRow) -> None:
    row.reminders.append(event.lead_days)


@_change.register
def _(event: Award.PinExpired, row: AwardRow) -> None:
    row.expired_on = event.expired_on


AWARD_TOPICS = (
    get_topic(Award.Awarded),
    *(get_topic(cls) for cls in _change.registry if cls is not object),
)
