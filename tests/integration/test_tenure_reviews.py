"""The 5-year tenure review (madiun-2021:P25(3)) starts for every administrator and supervisor in
post, whatever brought them there: an approved mutation (P26) starts it from its decree, and an
import starts it for each holder already in post from the imported position history; nothing is
started twice, and a pack without the tenure clock starts none."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from domain.envelope import Actor, Role
from domain.scouting.mutation import TenureReview, tenure_review_due
from services.application import Talenta
from services.importing.files import PersonnelFiles
from services.importing.load import import_personnel
from tests.integration.test_scouting_promotion import (  # noqa: F401 (the fixture)
    AGENCY,
    MUTATED_TO,
    A,
    B,
    mutated,
    staffed,
)

SAMPLES = Path(__file__).parents[2] / "services" / "importing" / "samples"
CASEWORKER = Actor(id="siti", role=Role.CASEWORKER)


def review(app: Talenta, nip: str, position: str, since: date) -> TenureReview | None:
    found = tenure_review_due(nip, position, since).review_id
    return app.repository.get(found) if found in app.repository else None


@pytest.mark.usefixtures("staffed")
def test_an_approved_mutation_starts_the_holders_tenure_review(app: Talenta) -> None:
    mutated(app, A, approved=True)
    mutated(app, B, approved=False)

    started = review(app, A, MUTATED_TO, date(2025, 5, 20))
    assert started is not None
    assert (started.position, started.due_on) == (MUTATED_TO, date(2030, 5, 20))
    (event,) = app.repository.event_store.get(started.id)
    assert isinstance(event, TenureReview.TenureStarted)
    assert event.envelope["basis"]["citations"] == ["madiun-2021:P25(3)", "madiun-2021:P26(4)"]
    assert "D7" in event.envelope["basis"]["readings"]
    assert event.envelope["evidence"]["decree_number"] == "821/30/2025"
    assert review(app, B, MUTATED_TO, date(2025, 5, 20)) is None


def test_the_import_starts_a_review_for_every_holder_in_post_once(app: Talenta) -> None:
    files = PersonnelFiles.in_directory(SAMPLES)
    first = import_personnel(app, files, AGENCY, CASEWORKER, date(2026, 3, 2))
    again = import_personnel(app, files, AGENCY, CASEWORKER, date(2026, 3, 2))

    # Inaugurated (rw_jabatan tmtPelantikan), else the position's start (tmtJabatan).
    holders = [
        ("197503122000031004", "Kepala Bidang Bina Marga", date(2020, 1, 2), date(2025, 1, 2)),
        ("198307252006042011", "Kepala Subbagian Keuangan", date(2019, 7, 1), date(2024, 7, 1)),
        (
            "196911201992031005",
            "Sekretaris Dinas Komunikasi dan Informatika",
            date(2016, 1, 4),
            date(2021, 1, 4),
        ),
    ]
    for nip, position, since, due in holders:
        started = review(app, nip, position, since)
        assert started is not None, nip
        assert (started.agency, started.due_on) == (AGENCY, due), nip
        (event,) = app.repository.event_store.get(started.id)
        assert isinstance(event, TenureReview.TenureStarted)
        assert event.envelope["basis"]["citations"] == ["madiun-2021:P25(3)"]
        assert event.envelope["actor"]["role"] == Role.CASEWORKER
        assert event.envelope["evidence"]["documents"]
    assert (first.tenure_reviews, again.tenure_reviews, again.events) == (3, 0, 0)


def test_an_import_under_a_pack_without_the_tenure_clock_starts_none(app: Talenta) -> None:
    report = import_personnel(
        app, PersonnelFiles.in_directory(SAMPLES), "kota-binjai", CASEWORKER, date(2026, 3, 2)
    )
    assert report.created == 6
    assert report.tenure_reviews == 0
    assert review(app, "197503122000031004", "Kepala Bidang Bina Marga", date(2020, 1, 2)) is None
