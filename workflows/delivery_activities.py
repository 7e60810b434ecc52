"""The delivery workflow's activities: issue the notice, send it over one channel. The worker's
settings name each agency's channels and their secrets, which never enter the workflow's
history or the event log."""

from __future__ import annotations

from temporalio import activity

from services.application import Talenta
from services.reminders.commands import SYSTEM, IssueNotice, issue_notice
from services.reminders.delivery import deliver
from services.settings import Settings
from workflows.delivery import DeliveryInput, IssuedNotice, Sending


class DeliveryActivities:
    def __init__(self, app: Talenta, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    @activity.defn(name="issue_notice")
    def issue_notice(self, delivery: DeliveryInput) -> IssuedNotice:
        command = IssueNotice(reminder_id=delivery.reminder_id, version=delivery.version)
        notice = issue_notice(self.app, command, SYSTEM)
        return IssuedNotice(notice_id=notice.id, channels=self.settings.of(notice.agency).channels)

    @activity.defn(name="deliver_notice")
    def deliver_notice(self, sending: Sending) -> bool:
        attempt = activity.info().attempt
        return deliver(self.app, self.settings, sending.notice_id, sending.channel, SYSTEM, attempt)
