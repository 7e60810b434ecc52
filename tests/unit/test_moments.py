"""Where reminders fall ahead of a deadline, and what happens to one that fell due unseen."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from services.settings import DEFAULT_LEADS
from workflows.moments import reminders


def test_each_lead_still_ahead_gives_a_reminder_in_time_order() -> None:
    deadline = datetime.now(UTC) + timedelta(days=100)
    keys = [m.key for m in reminders(deadline, "kota-madiun", "remind", DEFAULT_LEADS)]
    assert keys == ["remind-90d", "remind-30d", "remind-7d"]


def test_only_reminders_still_ahead_are_kept_while_one_is_left() -> None:
    deadline = datetime.now(UTC) + timedelta(days=20)
    found = reminders(deadline, "kota-madiun", "remind", DEFAULT_LEADS)
    assert [(m.key, m.lead_days) for m in found] == [("remind-7d", 7)]


def test_the_last_reminder_missed_while_no_clock_ran_is_sent_at_once_not_lost() -> None:
    deadline = datetime.now(UTC) + timedelta(days=3)
    (late,) = reminders(deadline, "kota-madiun", "remind", DEFAULT_LEADS)
    assert (late.key, late.lead_days) == ("remind-7d", 7)
    assert late.at <= datetime.now(UTC)


def test_nothing_is_reminded_once_the_deadline_has_passed() -> None:
    assert (
        reminders(datetime.now(UTC) - timedelta(seconds=1), "kota-madiun", "remind", DEFAULT_LEADS)
        == []
    )


def test_the_reminder_carries_the_agencys_calendar_date() -> None:
    deadline = datetime(2030, 1, 10, 17, 30, tzinfo=UTC)  # 00:30 on 11 January in Jakarta
    (last, *_) = reversed(reminders(deadline, "kota-madiun", "remind", DEFAULT_LEADS))
    assert last.on.isoformat() == "2030-01-04"
