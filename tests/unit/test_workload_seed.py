"""`talenta demo seed`: a generated agency's years of scouting through the real commands."""

from __future__ import annotations

from pathlib import Path

from domain.envelope import Role
from domain.scouting.pool import membership_id
from domain.scouting.round import ScoutingRound, round_id
from domain.values import PositionLevel
from services.application import Talenta
from services.config import StoreConfig
from services.demo import careers, write_agency
from services.demo.seed import AGENCY, AGENCY_NAME, LEVEL, demo_actor, seed_scouting
from services.importing import PersonnelFiles, import_personnel

EMPLOYEES, SEED = 600, 3


def test_a_year_of_scouting_pools_the_passed_and_inaugurates_one_of_them(tmp_path: Path) -> None:
    write_agency(tmp_path, EMPLOYEES, SEED, AGENCY_NAME)
    app = Talenta(StoreConfig(f"sqlite:///{tmp_path / 'store.sqlite'}"))
    try:
        files = PersonnelFiles.in_directory(tmp_path)
        import_personnel(app, files, AGENCY, demo_actor(Role.CASEWORKER))
        supervisors = [
            c.nip
            for c in careers(EMPLOYEES, SEED)
            if c.level is PositionLevel.SUPERVISOR and c.status == "PNS"
        ]
        lines: list[str] = []
        report = seed_scouting(app, supervisors, range(2025, 2026), SEED, lines.append)

        assert report.rounds == 1 and report.registered == len(supervisors)
        scouting: ScoutingRound = app.repository.get(
            round_id(AGENCY, LEVEL, "Talent Scouting Administrator 2025")
        )
        assert report.pooled == len(scouting.passed_nips) > 0
        for nip in scouting.passed_nips:
            assert membership_id(nip, LEVEL) in app.repository
        assert report.inaugurated and report.inaugurated[0] in scouting.passed_nips
        assert lines == [f"2025: {len(supervisors)} registered, {report.pooled} passed"]
    finally:
        app.close()
