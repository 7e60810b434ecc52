"""A vacancy in the browser from its opening to the inauguration (madiun-2021 P23-28): the
caseworker opens it, the head of unit proposes pool members, the TPK sets the shortlist with its
members by office and its minutes (a board without its quorum refused with its article, nothing
written), the mayor picks, the caseworker records the inauguration, and the new position is on
the employee's record."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.integration.test_audit_scouting import enrolled
from tests.integration.test_scouting_promotion import BOARD, POSITION, A, B, C, decreed
from tests.web.conftest import Site
from tests.web.test_accessibility import check
from tests.web.test_signin import sign_in


@pytest.fixture(scope="module")
def pool(site: Site) -> None:
    """A, B and C in the pool at the administrator level, decreed on 2024-05-20."""
    enrolled(site.app)
    decreed(site.app)


def submit(page: Any, step: str) -> None:
    page.locator(f"#step-{step} button[type=submit]").click()


def state(page: Any) -> str | None:
    found: str | None = page.locator("dd.state").get_attribute("data-state")
    return found


def test_a_vacancy_runs_from_opening_to_the_inauguration(
    site: Site, browser: Any, pool: None, tmp_path: Path
) -> None:
    clerk = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(clerk, site, "siti")
    clerk.goto(f"{site.url}/vacancies")
    clerk.fill("#position", POSITION)
    clerk.fill("#unit", "Sekretariat Daerah")
    clerk.select_option("#level", "administrator")
    clerk.fill("#opened_on", "2025-03-01")
    clerk.click("form[action='/vacancies'] button[type=submit]")
    assert clerk.locator("h1").inner_text() == POSITION
    assert state(clerk) == "open"
    vacancy = clerk.url
    assert [f.get_attribute("id") for f in clerk.locator("form.step").all()] == ["step-inaugurate"]

    head = browser.new_page()
    sign_in(head, site, "kasetda")
    head.goto(vacancy)
    assert [f.get_attribute("id") for f in head.locator("form.step").all()] == [
        "step-propose_candidate"
    ]
    offered = head.locator("#pool-entries option").all()
    assert sorted(o.get_attribute("value") for o in offered) == [A, B, C]
    for nip in (A, B, C):
        head.fill("#propose-nip", nip)
        head.fill("#proposed_on", "2025-03-10")
        submit(head, "propose_candidate")
        assert head.locator("#step-propose_candidate .refusal").count() == 0
    assert head.locator("table.proposals tbody tr").count() == 3
    head.close()

    board = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(board, site, "sekda")
    board.goto(vacancy)

    def shortlist(members: int) -> None:
        board.fill("#tpk_decree", "188.45/20/401.012/2024")
        for member in BOARD[:members]:
            board.fill(f"#member-{member.office}", member.name)
        board.fill("#minutes_number", "BA/12/2025")
        board.fill("#minutes_date", "2025-04-02")
        for box in board.locator("#step-shortlist input[name=nips]").all():
            box.check()
        submit(board, "shortlist")

    # Two of five offices, the chair among them, are not the board's quorum (P8).
    shortlist(2)
    refused = board.locator("#step-shortlist .refusal")
    assert refused.count() == 1
    assert refused.locator("cite").inner_text().startswith("madiun-2021:P8")
    assert state(board) == "open", "nothing written"
    board.screenshot(path=str(tmp_path / "vacancy_refused.png"), full_page=True)
    assert board.input_value("#minutes_number") == "BA/12/2025", "the refused form kept"
    assert board.locator("#step-shortlist input[name=nips]:checked").count() == 3
    for member in BOARD[2:]:
        board.fill(f"#member-{member.office}", member.name)
    submit(board, "shortlist")
    assert board.locator("#step-shortlist .done").count() == 1
    assert state(board) == "shortlisted"
    members = board.locator("table.members tbody tr td:first-child").all_inner_texts()
    assert members[0] == "Sekretaris Daerah (ketua)" and len(members) == 5
    assert "BA/12/2025 (2025-04-02)" in board.locator("#tpk-session ~ dl").inner_text()
    board.close()

    mayor = browser.new_page()
    sign_in(mayor, site, "walikota")
    mayor.goto(vacancy)
    mayor.select_option("#pick-nip", B)
    mayor.fill("#decree_number", "821.2/88/2025")
    mayor.fill("#decree_date", "2025-04-10")
    submit(mayor, "pick")
    assert state(mayor) == "picked"
    mayor.close()

    clerk.goto(vacancy)
    clerk.fill("#inaugurated_on", "2025-05-02")
    submit(clerk, "inaugurate")
    assert state(clerk) == "filled"
    clerk.screenshot(path=str(tmp_path / "vacancy.png"), full_page=True)
    check(clerk)
    clerk.goto(f"{site.url}/vacancies")
    check(clerk)
    clerk.goto(f"{site.url}/staff/{B}")
    latest = clerk.locator("table.positions tbody tr").first.locator("td").all_inner_texts()
    assert latest[0] == POSITION and latest[3] == "2025-05-02"
    clerk.close()
