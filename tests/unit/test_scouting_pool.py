"""PoolMembership: entries decreed for 3 calendar years, reminders, expiry and use."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid5

import pytest

from domain.envelope import Actor, Envelope, Role
from domain.scouting.errors import ScoutingRefusal
from domain.scouting.pool import PoolMembership, entry_id, membership_id
from domain.values import PositionLevel

NIP = "197506012000011001"
ADMIN = PositionLevel.ADMINISTRATOR
ROUND = UUID("00000000-0000-0000-0000-000000000001")
VACANCY = UUID("00000000-0000-0000-0000-000000000002")
PPK = Envelope(
    actor=Actor(id="walikota", role=Role.PPK, agency="kota-madiun"), effective=date(2024, 2, 29)
)
SYSTEM = Envelope(actor=Actor(id="clock", role=Role.SYSTEM), effective=date(2027, 2, 28))


def member(decree_date: date = date(2024, 2, 29), number: str = "800/1/2024") -> PoolMembership:
    membership = PoolMembership.start(NIP, ADMIN, PPK)
    membership.decree_entry(NIP, ADMIN, "kota-madiun", ROUND, number, decree_date, PPK)
    return membership


def only_entry(membership: PoolMembership) -> UUID:
    (entry,) = membership.entries
    return entry.entry_id


def test_ids_derive_from_nip_level_and_decree_number() -> None:
    membership = member()

    assert membership.id == membership_id("19750601 200001 1 001", "administrator")
    assert (
        only_entry(membership)
        == uuid5(membership.id, "800/1/2024")
        == entry_id(membership.id, "800/1/2024")
    )
    assert membership_id(NIP, PositionLevel.SUPERVISOR) != membership.id


@pytest.mark.parametrize(
    ("decreed", "expires"),
    [
        pytest.param(
            date(2024, 2, 29), date(2027, 2, 28), id="madiun-2021:P22(1) D7 29 Feb decree"
        ),
        pytest.param(
            date(2023, 2, 28), date(2026, 2, 28), id="madiun-2021:P22(1) D7 28 Feb decree"
        ),
        pytest.param(date(2022, 7, 15), date(2025, 7, 15), id="madiun-2021:P22(1) 3 years"),
    ],
)
def test_an_entry_expires_on_the_third_anniversary_and_holds_the_day_before(
    decreed: date, expires: date
) -> None:
    membership = member(decreed)
    (entry,) = membership.entries

    assert entry.expires_on == expires
    assert membership.valid_on(decreed)
    assert membership.valid_on(date.fromordinal(expires.toordinal() - 1))
    assert not membership.valid_on(expires)
    assert not membership.valid_on(date.fromordinal(decreed.toordinal() - 1))
    assert membership.entry_valid_on(expires) is None


def test_the_decree_event_carries_the_contract_fields() -> None:
    membership = member()
    started, decreed = membership.collect_events()

    assert isinstance(started, PoolMembership.Started)
    assert isinstance(decreed, PoolMembership.EntryDecreed)
    assert (decreed.nip, decreed.level, decreed.agency) == (NIP, "administrator", "kota-madiun")
    assert (decreed.round_id, decreed.decree_number) == (ROUND, "800/1/2024")
    assert (decreed.decree_date, decreed.expires_on) == (date(2024, 2, 29), date(2027, 2, 28))
    assert decreed.envelope["actor"]["role"] == "ppk"


@pytest.mark.parametrize(
    ("second", "number", "code"),
    [
        pytest.param(
            date(2026, 1, 5), "800/9/2026", "already-in-pool", id="madiun-2021:P22(2) still valid"
        ),
        pytest.param(
            date(2027, 2, 27),
            "800/2/2027",
            "already-in-pool",
            id="madiun-2021:P22(2) last valid day",
        ),
        pytest.param(
            date(2022, 1, 3),
            "800/7/2022",
            "pool-term-overlap",
            id="madiun-2021:P22(2) an earlier-dated decree whose term runs into the entry",
        ),
        pytest.param(
            date(2024, 2, 28),
            "800/8/2024",
            "pool-term-overlap",
            id="madiun-2021:P22(2) a decree the day before the entry",
        ),
        pytest.param(
            date(2027, 3, 1),
            "800/1/2024",
            "entry-already-decreed",
            id="madiun-2021:P20(2) same decree twice",
        ),
    ],
)
def test_a_second_entry_is_refused_while_one_holds(second: date, number: str, code: str) -> None:
    membership = member()

    with pytest.raises(ScoutingRefusal) as refused:
        membership.decree_entry(NIP, ADMIN, "kota-madiun", ROUND, number, second, PPK)

    assert refused.value.code == code
    assert refused.value.citation is not None
    assert refused.value.citation.split("(")[0] in {"madiun-2021:P22", "madiun-2021:P20"}
    assert len(membership.entries) == 1


@pytest.mark.parametrize(
    ("decreed", "first_use", "second", "number"),
    [
        pytest.param(
            date(2025, 1, 10),
            None,
            date(2022, 1, 10),
            "800/3/2022",
            id="madiun-2021:P22(2) an earlier term ending the day before the entry",
        ),
        pytest.param(
            date(2024, 2, 29),
            date(2025, 1, 2),
            date(2025, 1, 2),
            "800/1/2025",
            id="madiun-2021:P22(2) a new term from the inauguration that used the entry",
        ),
    ],
)
def test_a_term_that_shares_no_day_with_an_entry_is_decreed(
    decreed: date, first_use: date | None, second: date, number: str
) -> None:
    membership = member(decreed)
    if first_use is not None:
        membership.use(only_entry(membership), VACANCY, first_use, PPK)

    membership.decree_entry(NIP, ADMIN, "kota-madiun", ROUND, number, second, PPK)

    assert len(membership.entries) == 2


def test_after_expiry_the_employee_may_enter_again() -> None:
    membership = member()
    membership.decree_entry(NIP, ADMIN, "kota-madiun", ROUND, "800/2/2027", date(2027, 2, 28), PPK)

    assert [e.decree_number for e in membership.entries] == ["800/1/2024", "800/2/2027"]
    assert membership.entry_valid_on(date(2028, 1, 1)) == membership.entries[1]


def test_reminders_are_recorded_once_per_lead_time() -> None:
    membership = member()
    entry = only_entry(membership)

    assert membership.remind_expiry(entry, 30, SYSTEM)
    assert not membership.remind_expiry(entry, 30, SYSTEM)
    assert membership.remind_expiry(entry, 7, SYSTEM)
    sent = [
        e for e in membership.collect_events() if isinstance(e, PoolMembership.ExpiryReminderSent)
    ]
    assert [(e.entry_id, e.lead_days) for e in sent] == [(entry, 30), (entry, 7)]


def test_expiry_is_recorded_once_and_refused_before_the_expiry_date() -> None:
    membership = member()
    entry = only_entry(membership)

    with pytest.raises(ScoutingRefusal) as early:
        membership.expire(entry, date(2027, 2, 27), SYSTEM)
    assert early.value.code == "entry-not-yet-expired"
    assert str(early.value.citation) == "madiun-2021:P22(1)"

    assert membership.expire(entry, date(2027, 2, 28), SYSTEM)
    assert not membership.expire(entry, date(2027, 3, 1), SYSTEM)
    assert membership.entry(entry).expired_on == date(2027, 2, 28)
    assert not membership.remind_expiry(entry, 1, SYSTEM)


def test_a_used_entry_does_not_expire() -> None:
    membership = member()
    entry = only_entry(membership)
    membership.use(entry, VACANCY, date(2025, 1, 2), PPK)

    assert not membership.expire(entry, date(2027, 2, 28), SYSTEM)
    assert membership.entry(entry).used is not None
    assert membership.entry(entry).expired_on is None
    assert not membership.valid_on(date(2025, 1, 2))
    assert membership.valid_on(date(2025, 1, 1))


@pytest.mark.parametrize(
    ("first_use", "second_use", "code"),
    [
        pytest.param(
            None,
            date(2027, 2, 28),
            "entry-expired",
            id="madiun-2021:P22(1) inauguration on expiry day",
        ),
        pytest.param(
            None,
            date(2024, 2, 28),
            "entry-not-yet-decreed",
            id="madiun-2021:P20(2) before the decree",
        ),
        pytest.param(
            date(2025, 1, 2),
            date(2025, 6, 1),
            "entry-already-used",
            id="madiun-2021:P23(2) used twice",
        ),
    ],
)
def test_use_is_refused_outside_the_entry_or_twice(
    first_use: date | None, second_use: date, code: str
) -> None:
    membership = member()
    entry = only_entry(membership)
    if first_use is not None:
        membership.use(entry, VACANCY, first_use, PPK)

    with pytest.raises(ScoutingRefusal) as refused:
        membership.use(entry, VACANCY, second_use, PPK)

    assert refused.value.code == code


def test_use_on_the_last_valid_day_is_recorded() -> None:
    membership = member()
    entry = only_entry(membership)
    membership.collect_events()

    membership.use(entry, VACANCY, date(2027, 2, 27), PPK)

    (used,) = membership.collect_events()
    assert isinstance(used, PoolMembership.EntryUsed)
    assert (used.entry_id, used.vacancy_id, used.inaugurated_on) == (
        entry,
        VACANCY,
        date(2027, 2, 27),
    )


def test_an_unknown_entry_is_refused() -> None:
    with pytest.raises(ScoutingRefusal) as refused:
        member().expire(UUID(int=9), date(2030, 1, 1), SYSTEM)

    assert refused.value.code == "unknown-entry"


def test_replay_rebuilds_entries_and_reminders() -> None:
    membership = member()
    entry = only_entry(membership)
    membership.remind_expiry(entry, 30, SYSTEM)
    membership.use(entry, VACANCY, date(2025, 1, 2), PPK)
    events = membership.collect_events()

    copy: PoolMembership | None = None
    for domain_event in events:
        copy = domain_event.mutate(copy)

    assert copy is not None
    assert copy.entries == membership.entries
    assert not copy.remind_expiry(entry, 30, SYSTEM)
