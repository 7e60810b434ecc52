"""The compliance replay kept up to the log, on SQLite and PostgreSQL: as the log grows with
breaches of several agencies, what it has found equals what a fresh replay of the whole log
finds, for each agency and for all; followed in the background it says how far it has read, and
asked for the log's head (as the API asks) it is a fresh replay's answer again."""

from __future__ import annotations

import threading
import time
from typing import Any

from domain.envelope import Actor, Role
from services.application import Talenta
from services.audit.compliance import ComplianceQuery, compliance_report, replay
from services.audit.compliance_kept import KeptCompliance
from services.audit.compliance_models import ComplianceReport
from services.bootstrap import ReadModels
from tests.integration.test_compliance import (
    AS_OF,
    BALIKPAPAN,
    BINJAI,
    MADIUN,
    assessment_of_another_agencys_employee,
    pick_outside_the_shortlist,
    pin_left_valid_after_its_expiry,
)

AGENCIES = (MADIUN, BINJAI, BALIKPAPAN, None)


def same(report: ComplianceReport) -> dict[str, Any]:
    """The report but the moment its replay reached its position."""
    return report.model_dump(exclude={"replayed_at"})


def head(app: Talenta) -> int:
    return app.recorder.max_notification_id() or 0


def assert_as_fresh(kept: KeptCompliance, app: Talenta) -> None:
    for agency in AGENCIES:
        assert same(kept.report(agency, AS_OF, fresh=False)) == same(replay(app, agency, AS_OF))


def test_the_kept_replay_finds_what_a_fresh_replay_finds_as_the_log_grows(app: Talenta) -> None:
    kept = KeptCompliance(app)
    assert kept.report(MADIUN, AS_OF, fresh=False).breaches == []

    pick_outside_the_shortlist(app)
    kept.catch_up()
    assert kept.standing.position == head(app)
    assert not kept.reading, "caught up: no backlog left to read"
    assert [b.code for b in kept.report(MADIUN, AS_OF, fresh=False).breaches] == ["not-shortlisted"]
    assert_as_fresh(kept, app)

    pin_left_valid_after_its_expiry(app)
    assessment_of_another_agencys_employee(app)
    assert kept.catch_up() > 0
    binjai = kept.report(BINJAI, AS_OF, fresh=False)
    assert [b.code for b in binjai.breaches] == ["other-agency", "pin-still-valid"]
    assert binjai.checked > 0
    assert_as_fresh(kept, app)
    assert kept.catch_up() == 0, "nothing judged twice"
    assert_as_fresh(kept, app)


def test_a_followed_replay_says_how_far_it_has_read_and_the_api_gets_the_head(
    app: Talenta,
) -> None:
    pick_outside_the_shortlist(app)
    models = ReadModels.of(app)
    stop = threading.Event()
    models.follow(stop, interval=0.05)
    try:
        deadline = time.monotonic() + 60
        while models.compliance.standing.position < head(app):
            assert time.monotonic() < deadline, "the follower did not reach the log's head"
            time.sleep(0.05)
    finally:
        stop.set()
    assert_as_fresh(models.compliance, app)
    reached = models.compliance.standing.position
    time.sleep(0.2)  # the follower's last poll has ended

    pin_left_valid_after_its_expiry(app)
    auditor = Actor(id="inspektur", role=Role.AUDITOR, agency=BINJAI)
    query = ComplianceQuery(agency=BINJAI, as_of=AS_OF)
    as_it_stands = compliance_report(app, query, auditor, models.compliance, fresh=False)
    assert (as_it_stands.position, as_it_stands.breaches) == (reached, []), (
        "a page reads the replay as its follower left it, and says where"
    )
    answered = compliance_report(app, query, auditor, models.compliance, fresh=True)
    assert answered.position == head(app) > reached
    assert [b.code for b in answered.breaches] == ["pin-still-valid"]
    assert same(answered) == same(replay(app, BINJAI, AS_OF))
