"""What the pages keep of the read models per position, on SQLite and PostgreSQL: an agency's
staff and rounds are read once and shared while their projection stands still, and read again as
soon as it moves, whichever process moved it; and a recorded read of personal data wakes only
the read models that follow such reads, while the auditors still list it."""

from __future__ import annotations

import shutil
from pathlib import Path

from fastapi import FastAPI, Request

from domain.envelope import Actor, Role
from projections.documents import DocumentView
from projections.follower import Follower
from projections.scouting.projection import ScoutingProjection
from services.api.context import Context
from services.application import Talenta
from services.importing import PersonnelFiles, import_personnel
from services.personal_data_reads import list_reads, record_reads
from services.web.kept_reads import kept, logged, talent
from services.web.names import staff_of

SAMPLES = Path(__file__).parents[2] / "services" / "importing" / "samples"
AGENCY = "kota-madiun"
CLERK = Actor(id="clerk", role=Role.CASEWORKER, agency=AGENCY)
AUDITOR = Actor(id="irban", role=Role.AUDITOR, agency=AGENCY)
BUDI = "197503122000031004"


class Counted(Follower):
    """A follower that counts its catch-ups."""

    def __init__(self, follower: Follower) -> None:
        super().__init__(follower.app, follower.projector)
        self.caught_up = 0

    def catch_up(self) -> int:
        self.caught_up += 1
        return super().catch_up()


def _imported(app: Talenta, folder: Path) -> None:
    import_personnel(app, PersonnelFiles.in_directory(folder), AGENCY, CLERK)


def test_the_staff_is_read_once_per_directory_position_and_again_when_it_moves(
    app: Talenta, tmp_path: Path
) -> None:
    _imported(app, SAMPLES)
    models = Context.of(app)
    models.refresh()
    first = staff_of(models, AGENCY)
    assert len(first.rows) == 6 and first.names[BUDI] == "Dr. Budi Santoso, S.T., M.T."
    assert staff_of(models, AGENCY) is first  # shared, not read again

    # An event the directory does not follow moves the read models but not the directory.
    record_reads(app, AUDITOR, AGENCY, [BUDI], "test")
    models.refresh()
    assert staff_of(models, AGENCY) is first

    _imported(app, SAMPLES / "candidates")
    assert staff_of(models, AGENCY) is first  # the read models have not caught up yet
    models.refresh()
    assert len(staff_of(models, AGENCY).rows) == 8

    # Another process's follower writes the shared table first; this one applies nothing of
    # it, yet its staff follows as soon as its position moves.
    renamed = tmp_path / "renamed"
    shutil.copytree(SAMPLES, renamed)
    table = renamed / "data_utama.csv"
    table.write_text(table.read_text().replace("Budi Santoso", "Budi Santosa"))
    _imported(app, renamed)
    Context.of(app).refresh()
    models.refresh()
    assert staff_of(models, AGENCY).names[BUDI] == "Dr. Budi Santosa, S.T., M.T."


def test_a_kept_answer_is_computed_again_only_when_its_projection_moves(app: Talenta) -> None:
    _imported(app, SAMPLES)
    models = Context.of(app)
    models.refresh()
    scouting, position = kept(models, ScoutingProjection)
    computed: list[int] = []

    def compute() -> int:
        computed.append(position)
        return len(computed)

    assert scouting.answer(position, "answer", compute) == 1
    assert scouting.answer(position, "answer", compute) == 1
    _imported(app, SAMPLES / "candidates")  # the directory moves; the scouting model does not
    models.refresh()
    _, moved = kept(models, ScoutingProjection)
    assert moved > position
    assert scouting.answer(moved, "answer", compute) == 1
    assert len(computed) == 1


def test_a_recorded_read_wakes_only_the_read_models_that_follow_reads(app: Talenta) -> None:
    _imported(app, SAMPLES)
    models = Context.of(app)
    models.refresh()
    # Every follower but the hash chain's and the audit index's, which read each event.
    counted = {
        index: Counted(follower)
        for index, follower in enumerate(models.followers)
        if follower.projector.topics
    }
    for index, follower in counted.items():
        models.followers[index] = follower
    access = [f for f in counted.values() if f.tracking_key.startswith("access")]
    assert len(access) == 1 and len(counted) == 7

    assert record_reads(app, AUDITOR, AGENCY, [BUDI], "test") == 1
    models.refresh()
    assert {f.tracking_key.split("@")[0]: f.caught_up for f in counted.values()} == {
        "access": 1,
        "directory-2": 0,
        "scouting": 0,
        "talent": 0,
        "talent-search": 0,
        "inbox": 0,
        "cycle-waiting": 0,
    }
    (read,) = list_reads(models.documents, AGENCY, BUDI)
    assert read.via == "test"
    assert models.position == app.recorder.max_notification_id()

    _imported(app, SAMPLES / "candidates")
    models.refresh()
    directory = [f for f in counted.values() if f.tracking_key.startswith("directory")]
    assert directory[0].caught_up == 1
    assert len(staff_of(models, AGENCY).rows) == 8


def _page_request(models: Context) -> Request:
    """A page's request as the web's routes get it: the site's read models in its state."""
    site = FastAPI()
    site.state.context = models
    return Request({"type": "http", "app": site, "state": {}, "headers": []})


def test_a_talent_list_is_kept_while_the_talent_projection_stands_still(app: Talenta) -> None:
    _imported(app, SAMPLES)
    models = Context.of(app)
    models.refresh()
    request = _page_request(models)
    asked: list[str] = []

    def reader(documents: DocumentView, agency: str) -> tuple[str, ...]:
        asked.append(agency)
        return (agency,)

    first = talent(request, reader, AGENCY)
    assert talent(request, reader, AGENCY) is first
    assert talent(request, reader, "kota-binjai") == ("kota-binjai",)
    _imported(app, SAMPLES / "candidates")  # the directory moves; the talent model does not
    models.refresh()
    assert talent(request, reader, AGENCY) is first
    assert asked == [AGENCY, "kota-binjai"]


def test_an_answer_from_the_event_store_is_computed_again_after_any_new_event(
    app: Talenta,
) -> None:
    _imported(app, SAMPLES)
    models = Context.of(app)
    models.refresh()
    request = _page_request(models)
    computed: list[int] = []

    def compute() -> int:
        computed.append(models.position)
        return len(computed)

    assert logged(request, "answer", compute) == 1
    assert logged(request, "answer", compute) == 1
    record_reads(app, AUDITOR, AGENCY, [BUDI], "test")  # followed by no page's read model
    models.refresh()
    assert logged(request, "answer", compute) == 2
    assert computed[1] > computed[0]
