"""A Binjai talent search in the browser (binjai-2023 P23): the talent team opens it from the
succession page (a specific expertise left unnamed refused with its article, nothing written),
records the talents found and the one chosen, and the PPK decrees the mutation that moves the
chosen talent into the position sought (a talent the search did not choose refused). Each form
is offered only to the role that takes the step and only while the search awaits it; the list
shows the search at each of its stages; another agency's user is refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from domain.envelope import Actor, Envelope, Role
from domain.personnel.aggregate import Employee
from domain.values import PositionLevel
from services.accounts import NewUser, create_user
from tests.unit.rules_builders import facts, nip_for, spell
from tests.web.conftest import PASSWORD, Site
from tests.web.test_accessibility import check
from tests.web.test_signin import sign_in

AGENCY = "kota-binjai"
BAPPEDA = "Badan Perencanaan Pembangunan Daerah"
PUPR = "Dinas Pekerjaan Umum dan Penataan Ruang"
POSITION = "Kepala Bidang Tata Ruang"
A, B = (nip_for(date(1979, month, 9)) for month in (5, 6))
NAMES = {A: "Ayu Lestari", B: "Bambang Sitepu"}
USERS = {"tim-binjai": Role.TALENT_TEAM, "ppk-binjai": Role.PPK, "inspektur-binjai": Role.AUDITOR}


@pytest.fixture(scope="module")
def binjai(site: Site) -> None:
    """Two Binjai administrators of the planning agency, and the talent team, the PPK and an
    auditor of Binjai."""
    stamp = Envelope(
        actor=Actor(id="setup", role=Role.CASEWORKER, agency=AGENCY), effective=date(2025, 1, 2)
    )
    people = [
        facts(
            nip=nip,
            name=name,
            agency=AGENCY,
            unit=BAPPEDA,
            positions=(spell(PositionLevel.ADMINISTRATOR, date(2019, 1, 2)),),
        )
        for nip, name in NAMES.items()
    ]
    site.app.save(*(Employee.enrol(each, stamp) for each in people))
    admin = Actor(id="admin", role=Role.ADMINISTRATOR, agency=AGENCY)
    for username, role in USERS.items():
        new = NewUser(
            username=username, agency=AGENCY, roles=frozenset({role}), unit="", password=PASSWORD
        )
        create_user(site.app, new, admin)


def step_ids(page: Any) -> list[str | None]:
    return [form.get_attribute("id") for form in page.locator("form.step").all()]


def submit(page: Any, form: str) -> None:
    page.locator(f"#{form} button[type=submit]").click()


def listed(page: Any, stage: str) -> list[str]:
    return page.locator(f"section[data-stage='{stage}'] table.searches tbody tr").all_inner_texts()


def open_the_search(site: Site, team: Any) -> str:
    """The search's address, opened from the succession page."""
    team.goto(f"{site.url}/succession")
    team.locator("a[href='/talent-search']").first.click()
    assert team.locator("h1").inner_text() == "Pencarian Talenta"
    assert step_ids(team) == ["step-open_talent_search"]
    team.fill("#search-position", POSITION)
    team.fill("#search-unit", PUPR)
    team.select_option("#search-level", "administrator")
    team.check("#step-open_talent_search input[value=specific-expertise]")
    team.fill("#search-justification", "pejabat pensiun mendadak")
    team.fill("#search-opened_on", "2025-03-03")
    submit(team, "step-open_talent_search")
    refused = team.locator("#step-open_talent_search .refusal")
    assert refused.count() == 1
    assert refused.get_attribute("data-code") == "search-expertise-missing"
    assert refused.locator("cite").inner_text() == "binjai-2023:P23"
    assert listed(team, "open") == [], "nothing written"
    assert team.input_value("#search-justification") == "pejabat pensiun mendadak"
    assert team.is_checked("#step-open_talent_search input[value=specific-expertise]")
    team.fill("#search-expertise", "perencanaan tata ruang")
    submit(team, "step-open_talent_search")
    assert team.locator("h1").inner_text() == f"Pencarian Talenta: {POSITION}"
    assert team.locator(".stage").get_attribute("data-stage") == "open"
    assert "perencanaan tata ruang" in team.locator("dd.grounds").inner_text()
    return str(team.url).split("?")[0]


def test_a_talent_search_is_opened_concluded_and_decreed_in_the_browser(
    site: Site, browser: Any, binjai: None, tmp_path: Path
) -> None:
    team = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(team, site, "tim-binjai")
    search = open_the_search(site, team)
    assert step_ids(team) == ["step-conclude_talent_search"], "the PPK's decree is not the team's"
    team.fill("#found", f"{A}\n{B}")
    team.fill("#chosen", A)
    team.fill("#result", "Ayu paling sesuai")
    team.fill("#concluded_on", "2025-03-20")
    submit(team, "step-conclude_talent_search")
    assert team.locator("#outcome .done").count() == 1
    assert team.locator(".stage").get_attribute("data-stage") == "concluded"
    assert team.locator("dd.found").inner_text() == f"{A} {NAMES[A]}; {B} {NAMES[B]}"
    assert step_ids(team) == [], "concluded: nothing is left for the team"
    assert team.locator(".awaiting").inner_text() == "Menunggu keputusan PPK."
    team.goto(f"{site.url}/talent-search")
    assert len(listed(team, "concluded")) == 1 and listed(team, "open") == []
    team.screenshot(path=str(tmp_path / "talent_searches.png"), full_page=True)
    check(team)
    team.close()

    ppk = browser.new_page(viewport={"width": 1280, "height": 1000})
    sign_in(ppk, site, "ppk-binjai")
    ppk.goto(f"{site.url}/talent-search")
    assert step_ids(ppk) == [], "the PPK opens no search"
    ppk.goto(search)
    assert step_ids(ppk) == ["step-decide_talent_search"]
    assert ppk.input_value("#decide-nip") == A, "the chosen talent offered"
    ppk.fill("#decide-nip", B)
    ppk.select_option("#follow_up", "mutation-rotation")
    ppk.fill("#decide-decree_number", "821/7/2025")
    ppk.fill("#decide-decree_date", "2025-04-01")
    submit(ppk, "step-decide_talent_search")
    refused = ppk.locator("#step-decide_talent_search .refusal")
    assert refused.get_attribute("data-code") == "search-not-chosen"
    assert refused.locator("cite").inner_text() == "binjai-2023:P23"
    assert ppk.locator(".stage").get_attribute("data-stage") == "concluded", "nothing written"
    assert ppk.input_value("#decide-decree_number") == "821/7/2025", "the refused form kept"
    ppk.screenshot(path=str(tmp_path / "talent_search_refused.png"), full_page=True)
    ppk.fill("#decide-nip", A)
    submit(ppk, "step-decide_talent_search")
    assert ppk.locator("#outcome .done").count() == 1
    assert ppk.locator(".stage").get_attribute("data-stage") == "decided"
    assert ppk.locator("dd.decree").inner_text() == "821/7/2025 (2025-04-01)"
    assert ppk.locator("dd.follow-up").inner_text() == "Mutasi/rotasi"
    assert step_ids(ppk) == []
    assert ppk.locator(".awaiting").inner_text() == "Pencarian ini selesai; tidak ada langkah lagi."
    ppk.screenshot(path=str(tmp_path / "talent_search.png"), full_page=True)
    check(ppk)
    ppk.click("a.lang")
    assert ppk.locator("h1").inner_text() == f"Talent search: {POSITION}"
    assert ppk.locator("dd.follow-up").inner_text() == "Mutation/rotation"
    ppk.close()

    moved = site.app.facts(A)
    assert (moved.unit, moved.positions[-1].title) == (PUPR, POSITION)
    assert site.app.facts(B).unit == BAPPEDA

    auditor = browser.new_page()
    sign_in(auditor, site, "inspektur-binjai")
    auditor.goto(f"{site.url}/talent-search")
    assert [row.split("\t")[0] for row in listed(auditor, "decided")] == [POSITION]
    exported = auditor.request.get(f"{site.url}/talent-search?format=csv").text().splitlines()
    assert exported[0].startswith("search_id,agency,position,unit,level,grounds")
    assert len(exported) == 2 and POSITION in exported[1] and "821/7/2025" in exported[1]
    auditor.locator("section[data-stage='decided'] a").click()
    auditor.locator(f"a[href='/auditor/why/search/{search.rsplit('/', 1)[1]}']").click()
    assert auditor.locator("dd.chosen").inner_text() == A
    auditor.close()

    other = browser.new_page()
    sign_in(other, site, "siti")  # Madiun's caseworker
    answer = other.goto(search)
    assert answer.status == 403 and other.locator(".refusal").count() == 1
    assert other.locator("a[href='/talent-search']").count() == 0, "Madiun runs no talent cycle"
    other.close()


def test_a_step_the_role_is_not_offered_is_refused_when_posted(
    site: Site, browser: Any, binjai: None
) -> None:
    """The form is not shown to the PPK, and a post made without it is refused as the API
    refuses it: the opening is the team's or a caseworker's (P23), and nothing is written."""
    ppk = browser.new_page()
    sign_in(ppk, site, "ppk-binjai")
    ppk.goto(f"{site.url}/talent-search")
    before = ppk.locator("table.searches tbody tr").count()
    csrf = ppk.locator("form[action='/signout'] input[name=csrf]").input_value()
    answer = ppk.request.post(
        f"{site.url}/talent-search",
        multipart={
            "csrf": csrf,
            "position": "Sekretaris Dinas",
            "unit": PUPR,
            "level": "administrator",
            "grounds": "urgent",
            "justification": "segera",
            "opened_on": "2025-05-02",
        },
    )
    assert answer.status == 403
    shown = browser.new_page()
    shown.set_content(answer.text())
    assert shown.locator("#outcome .refusal").get_attribute("data-code") == "forbidden"
    shown.close()
    ppk.reload()
    assert ppk.locator("table.searches tbody tr").count() == before
    ppk.close()
