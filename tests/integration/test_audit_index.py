"""The auditors' subject index on SQLite and PostgreSQL: each employee's own aggregates and every
event naming them, each aggregate's references, an agency's pool per level; rebuilt from the log
to the same rows."""

from __future__ import annotations

from domain.personnel.aggregate import employee_id
from domain.scouting.pool import membership_id
from domain.scouting.vacancy import Vacancy
from projections.audit import IndexFollower, pool_subject, subject_index, whole_subject
from services.application import Talenta
from services.scouting.pool import membership_of
from tests.integration.test_audit_scouting import ADMINISTRATOR, inaugurated, round_of
from tests.integration.test_scouting_promotion import AGENCY, A, B, C, D


def test_the_index_finds_each_subjects_events_and_rebuilds_the_same(app: Talenta) -> None:
    vacancy, _ = inaugurated(app)
    index = subject_index(app)
    follower = IndexFollower(app, index, batch_size=7)  # batches end mid-save
    applied = follower.catch_up()
    scouting = round_of(app, B)
    subjects = [
        B,
        D,
        str(vacancy),
        str(scouting),
        pool_subject(AGENCY, ADMINISTRATOR),
        whole_subject(scouting),
    ]
    before = {subject: index.rows(subject) for subject in subjects}

    assert applied == app.recorder.max_notification_id()
    mine = {aggregate for aggregate, _ in before[B]}
    # B's own record (every version), B's membership, the round and the vacancy naming B.
    employee = app.employee(B)
    assert [(employee.id, v) for v in range(1, employee.version + 1)] == [
        row for row in before[B] if row[0] == employee.id
    ]
    assert {employee_id(B), membership_id(B, ADMINISTRATOR), vacancy, round_of(app, B)} <= mine
    assert employee_id(A) not in mine
    assert {aggregate for aggregate, _ in before[D]} == {employee_id(D)}
    # The vacancy is named by the pool entry used for its inauguration.
    membership = membership_of(app, B, ADMINISTRATOR)
    assert membership is not None
    assert [a for a, _ in before[str(vacancy)]] == [membership.id]
    assert {a for a, _ in before[pool_subject(AGENCY, ADMINISTRATOR)]} == {
        membership_id(nip, ADMINISTRATOR) for nip in (A, B, C)
    }
    # The round as a whole: its opening and the steps naming no one, none of B's own.
    whole = {v for _, v in before[whole_subject(scouting)]}
    assert 1 in whole
    assert not whole & {v for a, v in before[B] if a == scouting}
    # An employee's own aggregates are indexed under the NIP only.
    assert index.rows(whole_subject(employee.id)) == []
    vacancy_versions = [v for a, v in before[B] if a == vacancy]
    found: Vacancy = app.repository.get(vacancy)
    assert len(vacancy_versions) < found.version  # the opening names no one

    follower.reset()
    assert index.rows(B) == []
    assert follower.catch_up() == applied
    assert {subject: index.rows(subject) for subject in subjects} == before
