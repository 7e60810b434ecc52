"""Tamper evidence, on SQLite and PostgreSQL: the hash chain over the event log, its published
head, and `verify` finding each record edited, deleted, inserted or reordered by SQL written
straight into the store's own database."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any
from uuid import uuid4

import psycopg
import pytest
from click.testing import CliRunner
from eventsourcing.persistence import IntegrityError, Tracking
from fastapi.testclient import TestClient
from psycopg import sql

from domain.envelope import Envelope, Role
from projections.chain import (
    ChainFollower,
    ChainView,
    Head,
    Link,
    ProblemKind,
    Verification,
    chain_view,
    head_of,
    verify,
)
from services.api import create_api
from services.api.context import Context
from services.application import Talenta
from services.auth import token_store
from services.cli.main import main
from services.config import StoreConfig
from tests.integration.test_talent_succession import A, B, actor, assess, staffed

AGENCY = "kota-binjai"


class Database:
    """The store's own database, written to behind the application's back."""

    def __init__(self, store: StoreConfig, app: Talenta) -> None:
        self.store = store
        self.sqlite = store.backend == "sqlite"
        self.table: str = app.recorder.events_table_name  # type: ignore[attr-defined]
        self.id = "rowid" if self.sqlite else "notification_id"

    @contextmanager
    def cursor(self) -> Iterator[Any]:
        if self.sqlite:
            connection = sqlite3.connect(self.store.eventsourcing_env()["SQLITE_DBNAME"])
            try:
                with connection:
                    yield connection.cursor()
            finally:
                connection.close()
        else:
            with psycopg.connect(self.store.url) as pg, pg.cursor() as cursor:
                yield cursor

    def run(self, statement: str, *params: Any) -> None:
        """``statement`` with {table} and {id} filled in and ? as the placeholder."""
        with self.cursor() as cursor:
            self._execute(cursor, statement, params)

    def row(self, notification_id: int) -> dict[str, Any]:
        with self.cursor() as cursor:
            self._execute(
                cursor,
                "SELECT originator_id, originator_version, topic, state FROM {table} WHERE {id}=?",
                (notification_id,),
            )
            found = cursor.fetchone()
        assert found is not None
        names = ("originator_id", "originator_version", "topic", "state")
        return dict(zip(names, found, strict=True))

    def swap(self, first: int, second: int) -> None:
        """Swaps two rows' contents: each moves to the other's place in the log."""
        with self.cursor() as cursor:
            for old, new in ((first, -1), (second, first), (-1, second)):
                self._execute(cursor, "UPDATE {table} SET {id}=? WHERE {id}=?", (new, old))

    def insert(self, notification_id: int, row: dict[str, Any]) -> None:
        self.run(
            "INSERT INTO {table} (originator_id, originator_version, topic, state, {id}) "
            "VALUES (?, ?, ?, ?, ?)",
            row["originator_id"],
            row["originator_version"],
            row["topic"],
            row["state"],
            notification_id,
        )

    def _execute(self, cursor: Any, statement: str, params: Sequence[Any]) -> None:
        if self.sqlite:
            cursor.execute(statement.format(table=self.table, id=self.id), params)
        else:
            query = sql.SQL(statement.replace("?", "%s")).format(
                table=sql.Identifier(self.table), id=sql.Identifier(self.id)
            )
            cursor.execute(query, params)


@pytest.fixture
def chain(app: Talenta) -> ChainView:
    """A log of some ten records (employees and their assessments) and its chain."""
    staffed(app, AGENCY)
    for nip, box in ((A, 9), (B, 8), (A, 6)):
        assess(app, AGENCY, nip, box, date(2025, 3, 10))
    view = chain_view(app)
    ChainFollower(app, view).catch_up()
    return view


@pytest.fixture
def db(store: StoreConfig, app: Talenta) -> Database:
    return Database(store, app)


def problems(verification: Verification) -> list[tuple[ProblemKind, int]]:
    return [(problem.kind, problem.notification_id) for problem in verification.problems]


def last_id(app: Talenta) -> int:
    return app.recorder.max_notification_id() or 0


def test_a_clean_log_verifies_and_its_head_moves_only_with_the_log(
    app: Talenta, chain: ChainView
) -> None:
    last = last_id(app)
    assert last >= 8
    clean = verify(app, chain)
    assert clean.ok
    assert clean.problems == []
    assert clean.checked == last
    assert clean.unchained == 0
    head = head_of(chain)
    assert head is not None
    assert clean.head == head
    assert head.notification_id == last
    assert len(head.hash) == 64

    # Stable: following again, or from another view of the same database, changes nothing.
    assert ChainFollower(app, chain).catch_up() == 0
    assert ChainFollower(app, chain_view(app)).catch_up() == 0
    assert head_of(chain) == head
    assert verify(app, chain, published=[head]).ok

    # A new event moves it; until chained, the new record is counted, not judged.
    assess(app, AGENCY, B, 5, date(2025, 3, 11))
    waiting = verify(app, chain)
    assert waiting.ok
    assert waiting.unchained == last_id(app) - last
    ChainFollower(app, chain).catch_up()
    moved = head_of(chain)
    assert moved is not None
    assert moved.notification_id == last_id(app)
    assert moved.hash != head.hash
    # The head printed earlier is still part of the chain.
    assert verify(app, chain, published=[head]).ok


def test_an_edited_record_is_found(app: Talenta, chain: ChainView, db: Database) -> None:
    db.run("UPDATE {table} SET state=? WHERE {id}=?", b'{"nip":"forged"}', 5)
    assert problems(verify(app, chain)) == [(ProblemKind.EDITED, 5)]


def test_an_edited_topic_is_found(app: Talenta, chain: ChainView, db: Database) -> None:
    db.run("UPDATE {table} SET topic=topic || 'x' WHERE {id}=?", 3)
    assert problems(verify(app, chain)) == [(ProblemKind.EDITED, 3)]


def test_a_deleted_record_is_found(app: Talenta, chain: ChainView, db: Database) -> None:
    db.run("DELETE FROM {table} WHERE {id}=?", 6)
    assert problems(verify(app, chain)) == [(ProblemKind.DELETED, 6)]
    db.run("DELETE FROM {table} WHERE {id}=?", last_id(app))  # the head's own record
    found = problems(verify(app, chain))
    assert found[0] == (ProblemKind.DELETED, 6)
    assert found[1][0] is ProblemKind.DELETED
    assert len(found) == 2


def forged(db: Database, like: int) -> dict[str, Any]:
    """A record like the one at ``like``, of an aggregate that never existed."""
    return {**db.row(like), "originator_id": str(uuid4())}


# PostgreSQL only: a SQLite log has no gaps (rowids are dense); the next test covers SQLite.
@pytest.mark.postgres
@pytest.mark.parametrize("store", ["postgres"], indirect=True)
def test_a_record_inserted_into_a_gap_in_the_log_is_found(
    store: StoreConfig, app: Talenta, db: Database
) -> None:
    staffed(app, AGENCY)
    # A write refused for a conflict (someone saved the employee first) spends a notification
    # id on PostgreSQL: the gap a forger would fill.
    first, second = app.employee(A), app.employee(A)
    stamp = Envelope(actor=actor(AGENCY, Role.CASEWORKER), effective=date(2025, 2, 1))
    assert first.update(first.facts.model_copy(update={"name": "Satu"}), stamp)
    assert second.update(second.facts.model_copy(update={"name": "Dua"}), stamp)
    app.save(first)
    with pytest.raises(IntegrityError):
        app.save(second)
    gap = last_id(app) + 1
    assess(app, AGENCY, A, 9, date(2025, 3, 10))
    assert last_id(app) > gap
    view = chain_view(app)
    ChainFollower(app, view).catch_up()
    assert verify(app, view).ok

    db.insert(gap, forged(db, 2))
    assert problems(verify(app, view)) == [(ProblemKind.INSERTED, gap)]


def test_a_record_inserted_in_the_middle_by_moving_the_rest_up_is_found(
    app: Talenta, chain: ChainView, db: Database
) -> None:
    last = last_id(app)
    for number in range(last, 6, -1):  # from the top, so no id is taken twice
        db.run("UPDATE {table} SET {id}=? WHERE {id}=?", number + 1, number)
    db.insert(7, forged(db, 2))
    found = problems(verify(app, chain))
    # The forged record is at 7; every moved record is found where it does not belong.
    assert found == [
        (ProblemKind.EDITED, 7),
        *((ProblemKind.REORDERED, number) for number in range(8, last + 1)),
    ]
    assert verify(app, chain).unchained == 1  # the old head's record, now past the head


def test_a_record_inserted_before_the_first_is_found(
    app: Talenta, chain: ChainView, db: Database
) -> None:
    # Id 0 is below where the library's readers start: unseen by every read model.
    db.insert(0, forged(db, 2))
    assert problems(verify(app, chain)) == [(ProblemKind.INSERTED, 0)]


def test_two_swapped_records_are_found(app: Talenta, chain: ChainView, db: Database) -> None:
    # Enrolments of two employees: each originator's versions stay in order.
    db.swap(2, 3)
    verification = verify(app, chain)
    assert problems(verification) == [(ProblemKind.REORDERED, 2), (ProblemKind.REORDERED, 3)]
    assert "chained at id 3" in verification.problems[0].message_en


def test_two_versions_of_one_aggregate_swapped_are_found(
    app: Talenta, chain: ChainView, db: Database
) -> None:
    # A's talent profile: assessed twice (boxes 9, then 6).
    rows = [(number, db.row(number)) for number in range(1, last_id(app) + 1)]
    versions = next(
        [number for number, row in rows if row["originator_id"] == originator]
        for originator in (row["originator_id"] for _, row in rows)
        if sum(row["originator_id"] == originator for _, row in rows) > 1
    )
    db.swap(versions[0], versions[1])
    assert problems(verify(app, chain)) == [
        (ProblemKind.REORDERED, versions[0]),
        (ProblemKind.REORDERED, versions[1]),
    ]


def test_a_rewritten_chain_is_found_by_the_published_head(
    store: StoreConfig, app: Talenta, chain: ChainView, db: Database
) -> None:
    published = head_of(chain)
    assert published is not None
    # A forger edits a record and rebuilds the whole chain to match: the log verifies against
    # the new chain, but not against the head printed on a decree before.
    db.run("UPDATE {table} SET state=? WHERE {id}=?", b'{"nip":"forged"}', 5)
    with db.cursor() as cursor:
        cursor.execute("DELETE FROM chain")
        cursor.execute(
            "DELETE FROM " + ("tracking" if db.sqlite else chain.tracking_table_name)  # type: ignore[attr-defined]
        )
    ChainFollower(app, chain).catch_up()
    assert verify(app, chain).ok
    assert problems(verify(app, chain, published=[published])) == [
        (ProblemKind.PUBLISHED, published.notification_id)
    ]


def test_a_changed_chain_is_told_from_a_changed_record(
    app: Talenta, chain: ChainView, db: Database
) -> None:
    with db.cursor() as cursor:
        placeholder = "?" if db.sqlite else "%s"
        cursor.execute(
            f"UPDATE chain SET hash={placeholder} WHERE notification_id={placeholder}",
            ("ab" * 32, 4),
        )
    # Link 4 no longer follows from its record; link 5 no longer follows from link 4.
    assert problems(verify(app, chain)) == [(ProblemKind.BROKEN, 4), (ProblemKind.BROKEN, 5)]


def test_followers_racing_chain_each_record_once(app: Talenta, chain: ChainView) -> None:
    before = last_id(app)
    assess(app, AGENCY, B, 5, date(2025, 3, 11))
    assess(app, AGENCY, A, 6, date(2025, 3, 12))
    views = [chain_view(app) for _ in range(4)]
    barrier = threading.Barrier(len(views))
    applied: list[int] = []

    def follow(view: ChainView) -> None:
        barrier.wait()
        applied.append(ChainFollower(app, view, batch_size=1).catch_up())

    threads = [threading.Thread(target=follow, args=(view,)) for view in views]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    verification = verify(app, chain)
    assert verification.ok, verification.problems
    assert verification.checked == last_id(app)
    assert sum(applied) == last_id(app) - before  # each new record chained by one of them


def test_a_follower_whose_batch_a_shorter_one_overlapped_meanwhile_carries_on(
    app: Talenta, chain: ChainView, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = last_id(app)
    for day in (11, 12, 13):
        assess(app, AGENCY, B, 5, date(2025, 3, day))
    late, other = chain_view(app), chain_view(app)
    append = late.append
    overlapped: list[int] = []

    def after_another_chained_the_first(links: Sequence[Link], tracking: Tracking) -> None:
        # Another process's follower, with a smaller batch, chains the first record meanwhile.
        if not overlapped:
            first = links[0]
            other.append([first], Tracking(tracking.application_name, first.notification_id))
            overlapped.append(first.notification_id)
        append(links, tracking)

    monkeypatch.setattr(late, "append", after_another_chained_the_first)
    applied = ChainFollower(app, late).catch_up()
    verification = verify(app, chain)
    assert overlapped == [before + 1]
    assert verification.ok, verification.problems
    assert verification.checked == last_id(app)
    assert applied == last_id(app) - before - 1  # the rest, after the other's one


def run(store: StoreConfig, *args: str) -> Any:
    return CliRunner().invoke(main, ["chain", *args, "--store", store.url])


def test_the_command_line_prints_the_head_and_verifies(
    store: StoreConfig, app: Talenta, db: Database
) -> None:
    staffed(app, AGENCY)
    head = run(store, "head")
    assert head.exit_code == 0, head.output
    printed = Head.parse(head.output)
    assert printed.notification_id == last_id(app)

    clean = run(store, "verify", "--published", str(printed))
    assert clean.exit_code == 0, clean.output
    assert "INTACT" in clean.output

    db.run("UPDATE {table} SET state=? WHERE {id}=?", b"{}", 2)
    db.run("DELETE FROM {table} WHERE {id}=?", 3)
    tampered = run(store, "verify")
    assert tampered.exit_code == 1
    lines = tampered.output.splitlines()
    assert lines[0].startswith("2 edited: ")
    assert lines[1].startswith("3 deleted: ")
    assert "2 MASALAH / PROBLEMS" in lines[2]

    refused = run(store, "verify", "--published", "12:nothex")
    assert refused.exit_code == 2
    assert "ID:HASH" in refused.output


def test_the_api_publishes_the_head_to_all_and_verifies_for_auditors(
    app: Talenta, db: Database
) -> None:
    staffed(app, AGENCY)
    client = TestClient(create_api(Context.of(app)))
    tokens = token_store(app)
    roles = [Role.CASEWORKER, Role.AUDITOR, Role.ADMINISTRATOR, Role.TALENT_TEAM]
    secret = {role: tokens.create_token(f"{role}@x", AGENCY, [role])[1] for role in roles}
    other = tokens.create_token("caseworker@madiun", "kota-madiun", [Role.CASEWORKER])[1]

    def get(token: str, path: str, **params: Any) -> Any:
        return client.get(path, params=params, headers={"Authorization": f"Bearer {token}"})

    assert get("", "/audit/chain/head").status_code == 401
    head = get(other, "/audit/chain/head")  # any agency's user: it reveals no content
    assert head.status_code == 200
    published = Head.model_validate(head.json()["head"])
    assert published.notification_id == last_id(app)  # caught up on read

    for role in (Role.AUDITOR, Role.ADMINISTRATOR):
        answer = get(secret[role], "/audit/chain/verify", published=str(published))
        assert answer.status_code == 200
        assert answer.json()["ok"] is True
    for role in (Role.CASEWORKER, Role.TALENT_TEAM):
        answer = get(secret[role], "/audit/chain/verify")
        assert answer.status_code == 403
        assert answer.json()["code"] == "forbidden"
    bad = get(secret[Role.AUDITOR], "/audit/chain/verify", published="1:2")
    assert bad.status_code == 422
    assert bad.json()["code"] == "invalid-value"

    db.run("UPDATE {table} SET state=? WHERE {id}=?", b"{}", 2)
    tampered = get(secret[Role.AUDITOR], "/audit/chain/verify").json()
    assert tampered["ok"] is False
    assert [(p["kind"], p["notification_id"]) for p in tampered["problems"]] == [("edited", 2)]

    # Verifying chains nothing: a record appended after the head stays reported as unchained.
    forged_at = last_id(app) + 1
    db.insert(forged_at, forged(db, 3))
    for _ in range(2):
        appended = get(secret[Role.AUDITOR], "/audit/chain/verify", published=str(published))
        assert (appended.json()["unchained"], appended.json()["unchained_from"]) == (1, forged_at)
        assert appended.json()["since_published"] == 1


def test_a_record_appended_after_the_head_is_reported_not_chained_by_verifying(
    store: StoreConfig, app: Talenta, chain: ChainView, db: Database
) -> None:
    published = head_of(chain)
    assert published is not None
    forged_at = last_id(app) + 1
    db.insert(forged_at, forged(db, 2))

    answer = run(store, "verify", "--published", str(published), "--json")
    assert answer.exit_code == 0, answer.output
    found = Verification.model_validate_json(answer.output)
    assert (found.unchained, found.unchained_from) == (1, forged_at)
    assert (found.published_through, found.since_published) == (published.notification_id, 1)
    assert head_of(chain) == published  # verifying chained nothing
    printed = run(store, "verify", "--published", str(published)).output
    assert f"1 records from id {forged_at} not yet chained" in printed

    # Once the follower has chained it, as a running server does, the record is no longer told
    # from an event the product saved; the published head still does not vouch for it.
    ChainFollower(app, chain).catch_up()
    after = verify(app, chain, published=[published])
    assert after.ok and after.unchained == 0
    assert (after.published_through, after.since_published) == (published.notification_id, 1)
    assert "no published head vouches" in run(store, "verify", "--published", str(published)).output


def test_a_published_head_no_longer_in_the_chain_vouches_for_nothing(
    app: Talenta, chain: ChainView
) -> None:
    first = head_of(chain)
    assert first is not None
    assess(app, AGENCY, B, 5, date(2025, 3, 11))
    ChainFollower(app, chain).catch_up()
    gone = Head(notification_id=first.notification_id + 1, hash="ab" * 32)

    found = verify(app, chain, published=[first, gone])
    assert problems(found) == [(ProblemKind.PUBLISHED, gone.notification_id)]
    assert found.published_through == first.notification_id
    assert found.since_published == last_id(app) - first.notification_id
    assert verify(app, chain).since_published is None  # no published head given
