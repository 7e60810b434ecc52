"""Issuing a reminder's notice (by the system, when the delivery starts) and acknowledging it
(by a user of a role it is addressed to, in the notice's agency)."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from domain.agencies import get_agency
from domain.envelope import Actor, Basis, Envelope, Role
from domain.reminders.notice import Notice, notice_id
from services.application import NotFound, Talenta
from services.auth import same_agency
from services.commands import Command, Version
from services.permissions import allowed
from services.reminders.notices import compose

SYSTEM = Actor(id="talenta-reminders", role=Role.SYSTEM)
# Everyone a notice can be addressed to; the notice itself checks the role.
PEOPLE = tuple(role for role in Role if role is not Role.SYSTEM)


class IssueNotice(Command):
    reminder_id: UUID
    version: Version


class AcknowledgeNotice(Command):
    notice_id: UUID


def get_notice(app: Talenta, notice: UUID) -> Notice:
    try:
        found: Notice = app.repository.get(notice)
    except AggregateNotFoundError:
        raise NotFound.of(notice, "pemberitahuan", "notice") from None
    return found


@allowed(Role.SYSTEM)
def issue_notice(app: Talenta, command: IssueNotice, actor: Actor) -> Notice:
    """The reminder's notice, recorded the first time; issuing it again returns that one."""
    wanted = notice_id(command.reminder_id, command.version)
    if wanted in app.repository:
        return get_notice(app, wanted)
    draft = compose(app, command.reminder_id, command.version)
    pack = get_agency(draft.agency).pack_id
    stamp = Envelope(
        actor=actor,
        effective=get_agency(draft.agency).local_date(datetime.now(UTC)),
        basis=Basis(pack=pack, citations=tuple(draft.citations)),
    )
    notice = Notice(
        **draft.model_dump(mode="json", exclude={"deadline"}),
        deadline=draft.deadline,
        reminder=f"{command.reminder_id}/{command.version}",
        envelope=stamp.to_event(),
    )
    try:
        app.save(notice)
    except IntegrityError:  # issued meanwhile by another attempt
        return get_notice(app, wanted)
    return notice


@allowed(*PEOPLE)
def acknowledge_notice(app: Talenta, command: AcknowledgeNotice, actor: Actor) -> bool:
    """Records that ``actor`` has seen the notice; False when they acknowledged it before."""
    notice = get_notice(app, command.notice_id)
    same_agency(actor, notice.agency)
    stamp = Envelope(
        actor=actor,
        effective=get_agency(notice.agency).local_date(datetime.now(UTC)),
        basis=Basis(pack=get_agency(notice.agency).pack_id, citations=notice.citations),
    )
    if notice.acknowledge(stamp):
        app.save(notice)
        return True
    return False
