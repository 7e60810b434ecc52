"""The follower applies a batch of events per transaction to the document and directory views:
one tracking record per batch, the batch's own writes visible to its later events, nothing of a
failed batch written, and a batch computed while another follower moved on thrown away."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from eventsourcing.persistence import Tracking
from eventsourcing.projection import Projection
from eventsourcing.utils import get_topic

from domain.personnel.aggregate import Employee
from projections.directory import DirectoryProjection, directory_view
from projections.documents import DocumentView, document_view
from projections.follower import Follower
from services.application import Talenta
from tests.integration.test_store import envelope, facts

AGENCY = "kota-madiun"
COUNTS = "test-counts"


class Counting(Projection[DocumentView]):
    """Counts each employee's events in a document it reads back and rewrites on every event,
    and notes the position committed (as another thread sees it) when each event arrives."""

    name = "test-counting"
    topics = (get_topic(Employee.Enrolled), get_topic(Employee.RecordUpdated))

    def __init__(self, view: DocumentView, fail_at: int | None = None) -> None:
        super().__init__(view)
        self.fail_at = fail_at
        self.committed: list[int] = []
        self.listed: list[int] = []

    def process_event(self, domain_event: Any, tracking: Tracking) -> None:
        self.committed.append(
            elsewhere(lambda: self.view.max_tracking_id(tracking.application_name) or 0)
        )
        if tracking.notification_id == self.fail_at:
            raise RuntimeError("the projection failed")
        key = str(domain_event.originator_id)
        counted = self.view.get(COUNTS, key) or {"events": 0}
        self.view.put(COUNTS, key, AGENCY, {"events": counted["events"] + 1, "key": key}, tracking)
        self.listed.append(len(self.view.list(COUNTS, AGENCY)))


def elsewhere(read: Any) -> Any:
    """What ``read`` returns in another thread (another API request), outside any batch."""
    found: list[Any] = []
    reader = threading.Thread(target=lambda: found.append(read()))
    reader.start()
    reader.join(10)
    return found[0]


def counts(view: DocumentView) -> dict[str, int]:
    return {document["key"]: document["events"] for document in view.list(COUNTS, AGENCY)}


def enrol_and_update(app: Talenta, employees: int) -> None:
    """Each employee's enrolment then an update: two events per employee, in that order."""
    app.save(*(Employee.enrol(facts(n), envelope()) for n in range(1, employees + 1)))
    updated = []
    for n in range(1, employees + 1):
        employee = app.employee(facts(n).nip)
        employee.update(facts(n, unit="Inspektorat"), envelope())
        updated.append(employee)
    app.save(*updated)


def test_a_batch_commits_once_with_the_tracking_record_of_its_last_event(app: Talenta) -> None:
    enrol_and_update(app, 4)  # notifications 1-8
    view = document_view(app)
    projection = Counting(view)
    follower = Follower(app, projection, batch_size=3)

    assert follower.catch_up() == 8

    # Nothing is committed inside a batch; each batch moves the position once, to its end.
    assert projection.committed == [0, 0, 0, 3, 3, 3, 6, 6]
    assert follower.position == 8
    assert sorted(counts(view).values()) == [2, 2, 2, 2]


def test_a_batch_reads_its_own_writes_and_other_readers_do_not(app: Talenta) -> None:
    enrol_and_update(app, 3)  # 1-3 enrol, 4-6 update the same three employees
    view = document_view(app)
    projection = Counting(view)
    seen_elsewhere: list[dict[str, int]] = []
    original = projection.process_event

    def watched(domain_event: Any, tracking: Tracking) -> None:
        original(domain_event, tracking)
        seen_elsewhere.append(elsewhere(lambda: counts(view)))

    projection.process_event = watched  # type: ignore[method-assign]

    assert Follower(app, projection, batch_size=500).catch_up() == 6

    # The updates found the enrolments' documents of the same batch: each counted twice.
    assert sorted(counts(view).values()) == [2, 2, 2]
    assert projection.listed == [1, 2, 3, 3, 3, 3]
    assert seen_elsewhere == [{}] * 6


def test_a_failure_mid_batch_writes_nothing_of_it_and_the_follower_resumes(
    app: Talenta,
) -> None:
    enrol_and_update(app, 4)  # notifications 1-8
    view = document_view(app)
    follower = Follower(app, Counting(view, fail_at=5), batch_size=3)

    with pytest.raises(RuntimeError, match="the projection failed"):
        follower.catch_up()

    # Batch 1-3 committed; of batch 4-6 not even event 4's update of a counted document.
    assert follower.position == 3
    assert sorted(counts(view).values()) == [1, 1, 1]

    resumed = Follower(app, Counting(view), batch_size=3)
    assert resumed.catch_up() == 5
    assert resumed.position == 8
    assert sorted(counts(view).values()) == [2, 2, 2, 2]


class LateFollower(Follower):
    """Reads its position once, then ``meanwhile`` happens (another follower of the same view
    commits a batch) before this one's batch is read and applied."""

    def __init__(self, *args: Any, meanwhile: Callable[[], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.meanwhile = meanwhile
        self.reads = 0

    @property
    def position(self) -> int:
        self.reads += 1
        stale = super().position
        if self.reads == 1:
            self.meanwhile()
        return stale


def update(app: Talenta, n: int) -> None:
    employee = app.employee(facts(n).nip)
    employee.update(facts(n, unit="Inspektorat"), envelope())
    app.save(employee)


def test_a_batch_computed_while_another_follower_moved_on_is_thrown_away(app: Talenta) -> None:
    app.save(*(Employee.enrol(facts(n), envelope()) for n in (1, 2)))  # notifications 1-2
    view = document_view(app)
    assert Follower(app, Counting(view)).catch_up() == 2
    update(app, 1)  # notification 3

    def rival_applies_3_then_4_is_recorded() -> None:
        assert Follower(app, Counting(view)).catch_up() == 1
        update(app, 2)

    late = LateFollower(app, Counting(view), meanwhile=rival_applies_3_then_4_is_recorded)

    # The late batch 3-4 read the first employee's document as the rival left it (after 3) and
    # would count 3 twice; its end (4) is past the rival's (3), yet it is refused because the
    # position moved from where it started. It then applies 4 alone.
    assert late.catch_up() == 1
    assert late.position == 4
    assert sorted(counts(view).values()) == [2, 2]


class FailingDirectory(DirectoryProjection):
    name = DirectoryProjection.name

    def process_event(self, domain_event: Any, tracking: Tracking) -> None:
        super().process_event(domain_event, tracking)
        if tracking.notification_id == 6:
            raise RuntimeError("the projection failed")


def test_the_directory_applies_batches_atomically(app: Talenta) -> None:
    enrol_and_update(app, 4)  # 1-4 enrol in BKPSDM, 5-8 move to Inspektorat
    view = directory_view(app)

    with pytest.raises(RuntimeError, match="the projection failed"):
        Follower(app, FailingDirectory(view), batch_size=4).catch_up()
    assert Follower(app, DirectoryProjection(view)).position == 4
    assert {row.unit for row in view.rows(AGENCY)} == {"BKPSDM"}
    assert elsewhere(lambda: len(view.rows(AGENCY))) == 4

    follower = Follower(app, DirectoryProjection(view), batch_size=4)
    assert follower.catch_up() == 4
    assert follower.position == 8
    rows = view.rows(AGENCY)
    assert [row.nip for row in rows] == [facts(n).nip for n in range(1, 5)]
    assert {(row.unit, row.grade, row.position) for row in rows} == {
        ("Inspektorat", "III/d", "Kasubbag Umum")
    }
