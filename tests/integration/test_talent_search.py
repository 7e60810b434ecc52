"""The talent search end to end on SQLite and PostgreSQL (binjai-2023 P23, balikpapan-2022 P19):
scripted on the command line (open, conclude, the PPK's decree), the new position in the
personnel record, its timeline and why, the API routes its handlers generate, and a decree of a
talent the search did not choose found by the compliance replay."""

from __future__ import annotations

import json
from datetime import date
from uuid import UUID

import pytest
from click.testing import CliRunner

from domain.envelope import Role
from domain.rules.registry import pack_for
from domain.talent.search import TalentSearch
from services.api.talent import router
from services.application import Talenta
from services.audit.compliance import replay
from services.audit.timeline import Subject, timeline
from services.audit.why_search import why_search
from services.cli.main import main
from services.config import StoreConfig
from services.envelopes import envelope
from services.permissions import Forbidden
from services.talent.search import DecideTalentSearch, decide_talent_search
from tests.integration.test_api_talent import Desk
from tests.integration.test_talent_succession import UNIT, A, B, actor, staffed

# Each pack's search article and the one its decree cites for a move across units.
CITED = {
    "binjai": ("binjai-2023:P23", "binjai-2023:P23"),
    "balikpapan": ("balikpapan-2022:P19", "balikpapan-2022:P23(2)"),
}


def talenta(store: StoreConfig, agency: str, *args: str) -> str:
    env = {"TALENTA_STORE": store.url, "TALENTA_AGENCY": agency, "TALENTA_ACTOR": "rina"}
    result = CliRunner().invoke(main, list(args), env=env)
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


def test_the_routes_are_generated_from_the_handlers() -> None:
    paths = {route.path for route in router.routes}  # type: ignore[attr-defined]
    assert {
        "/talent/open-talent-search",
        "/talent/conclude-talent-search",
        "/talent/decide-talent-search",
        "/talent/set-nominated-group",
    } <= paths


@pytest.mark.parametrize("city", ["binjai", "balikpapan"])
def test_a_search_is_scripted_audited_and_replayed(
    store: StoreConfig, app: Talenta, city: str
) -> None:
    agency = f"kota-{city}"
    search_article, cross_unit = CITED[city]
    staffed(app, agency)  # A and B in Bappeda
    search = talenta(
        store, agency, "talent", "search-open", "--position", "Kepala Bidang Tata Ruang",
        "--unit", "Dinas PUPR", "--level", "administrator", "--ground", "urgent",
        "--ground", "specific-expertise", "--expertise", "perencanaan tata ruang",
        "--justification", "pejabat pensiun mendadak", "--effective", "2025-03-03",
    )  # fmt: skip
    search_id = UUID(search)
    talenta(store, agency, "talent", "search-conclude", search, A, B, "--chosen", A,
            "--result", "A paling sesuai", "--effective", "2025-03-20")  # fmt: skip
    talenta(store, agency, "talent", "search-decide", search, A, "--follow-up",
            "mutation-rotation", "--decree", "821/7/2025",
            "--decree-date", "2025-04-01")  # fmt: skip

    facts = app.facts(A)
    assert (facts.unit, facts.positions[-1].title) == ("Dinas PUPR", "Kepala Bidang Tata Ruang")
    found: TalentSearch = app.repository.get(search_id)
    assert (found.chosen, found.decree_number) == (A, "821/7/2025")

    auditor = actor(agency, Role.AUDITOR)
    steps = timeline(app, Subject.SEARCH, search, auditor)
    assert [e.what for e in steps.events] == ["SearchOpened", "SearchConcluded", "SearchDecided"]
    assert search_article in steps.events[0].citations
    assert cross_unit in steps.events[-1].citations  # Bappeda to Dinas PUPR
    mine = timeline(app, Subject.EMPLOYEE, A, auditor)
    assert {"SearchConcluded", "SearchDecided"} <= {e.what for e in mine.events}
    why = why_search(app, search_id, auditor)
    assert [(r.rule, r.held) for r in why.rules] == [
        ("search-opened", True),
        ("search-concluded", True),
        ("search-decided", True),
    ]
    assert why.pack.on == date(2025, 4, 1) and why.follow_up == "mutation-rotation"
    answer = json.loads(talenta(store, agency, "audit", "why", "search", search, "--json"))
    assert answer["chosen"] == A

    with pytest.raises(Forbidden):  # the decree is the PPK's
        decide_talent_search(
            app,
            DecideTalentSearch(
                search_id=search_id,
                nip=B,
                follow_up="assignment",
                decree_number="821/8",
                decree_date=date(2025, 4, 2),
            ),
            actor(agency, Role.TALENT_TEAM),
        )
    assert replay(app, agency).breaches == []
    # Written past the command: B, whom the search did not choose, assigned by a second decree.
    found.trigger_event(
        TalentSearch.SearchDecided,
        nip=B,
        follow_up="assignment",
        from_unit=UNIT,
        decree_number="821/9/2025",
        decree_date=date(2025, 4, 2),
        envelope=envelope(
            actor(agency, Role.PPK), date(2025, 4, 2), pack_for(agency), search_article
        ).to_event(),
    )
    app.save(found)
    (breach,) = replay(app, agency).breaches
    assert (breach.code, breach.citation, breach.aggregate_id) == (
        "search-already-decided",
        search_article,
        search_id,
    )


def test_a_search_through_the_api_and_its_why_read_recorded(app: Talenta) -> None:
    """Each step a generated route in the role its handler declares; the auditor's why of the
    decree is a recorded read of the chosen talent's record."""
    desk = Desk(app, "kota-binjai")
    staffed(app, "kota-binjai")
    search = desk.do(
        Role.TALENT_TEAM,
        "open-talent-search",
        agency="kota-binjai",
        position="Kepala Bidang Tata Ruang",
        unit=UNIT,
        level="administrator",
        grounds=["urgent"],
        justification="pejabat pensiun mendadak",
        opened_on="2025-03-03",
    )
    concluded = {"search_id": search, "found": [A], "chosen": A, "result": "A"}
    desk.do(Role.TALENT_TEAM, "conclude-talent-search", **concluded, concluded_on="2025-03-20")
    again = desk.call(
        Role.TALENT_TEAM, "conclude-talent-search", {**concluded, "concluded_on": "2025-03-21"}
    )
    assert (again.status_code, again.json()["code"]) == (409, "search-already-concluded")
    decree = {"search_id": search, "nip": A, "follow_up": "special-assignment"}
    by_team = desk.call(
        Role.TALENT_TEAM,
        "decide-talent-search",
        {**decree, "decree_number": "821/3", "decree_date": "2025-04-01"},
    )
    assert by_team.status_code == 403
    desk.do(
        Role.PPK, "decide-talent-search", **decree, decree_number="821/3", decree_date="2025-04-01"
    )

    why = desk.get(Role.AUDITOR, f"/audit/why/search/{search}")
    assert (why["chosen"], why["follow_up"]) == (A, "special-assignment")
    assert all(rule["held"] for rule in why["rules"])
    reads = desk.get(Role.AUDITOR, f"/audit/reads?agency=kota-binjai&nip={A}")
    assert [row["via"] for row in reads] == ["GET /audit/why/search"]
