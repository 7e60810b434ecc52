"""What the audit answers keep between fetches, on SQLite and PostgreSQL: stored events read once
by (aggregate, version), the agency check of many records at once judging each as one at a time
does, and the pool as it stood before a decision, kept while its memberships stand still and
rebuilt, to the same answer, once one of them moves."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

from domain.personnel.aggregate import employee_id
from domain.scouting.pool import membership_id
from services.agency_bounds import acting_as, held, held_among
from services.application import Talenta
from services.audit.why_scouting import why_pick
from services.scouting.vacancies import Inaugurate, inaugurate
from services.stored_events import events_at
from tests.integration.test_audit_scouting import AUDITOR, OUTSIDER, enrolled
from tests.integration.test_scouting_promotion import CASEWORKER, A, B, picked


def test_stored_events_are_read_once_and_kept(app: Talenta) -> None:
    enrolled(app)
    rows = [(employee_id(B), 1), (employee_id(A), 1), (uuid4(), 1)]
    first = events_at(app, rows)
    assert [(e.originator_id, e.originator_version) for e in first] == sorted(
        rows[:2], key=lambda row: row[0].int
    ), "by aggregate and version, nothing for a row naming nothing stored"
    again = events_at(app, reversed(rows))
    assert all(kept is read for kept, read in zip(again, first, strict=True))


def test_records_checked_at_once_are_judged_as_one_by_one(app: Talenta) -> None:
    enrolled(app)
    vacancy = picked(app)
    records = [vacancy, employee_id(B), membership_id(B, "administrator"), uuid4()]
    for actor in (AUDITOR, OUTSIDER):
        with acting_as(actor):
            one_by_one = {record for record in records if held(app, record)}
            assert held_among(app, records) == one_by_one
            assert held_among(app, records) == one_by_one  # the kept first events alike
    assert held_among(app, records) == {record for record in records if held(app, record)}
    with acting_as(AUDITOR):
        assert vacancy in held_among(app, records)
    with acting_as(OUTSIDER):
        assert held_among(app, records) == {membership_id(B, "administrator")}


def test_the_pool_before_a_pick_is_kept_until_a_membership_moves(app: Talenta) -> None:
    enrolled(app)
    vacancy = picked(app)
    first = why_pick(app, vacancy, AUDITOR)
    assert first.pool_before, "the pool the mayor picked from"
    again = why_pick(app, vacancy, AUDITOR)
    assert again == first
    assert again.pool_before[0] is first.pool_before[0], "kept, not replayed again"

    # The inauguration uses B's entry: a new version of B's membership, so the pool is
    # replayed again, and as it stood before the pick it is the same.
    inaugurate(app, Inaugurate(vacancy_id=vacancy, inaugurated_on=date(2025, 5, 2)), CASEWORKER)
    later = why_pick(app, vacancy, AUDITOR)
    assert later.pool_before == first.pool_before
    assert later.pool_before[0] is not first.pool_before[0]
    assert later.vacancy_before == first.vacancy_before
