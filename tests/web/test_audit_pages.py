"""The auditor's pages of the talent cycle and the printable reports in the browser: why a
nomination, a placement and a talent search stand in Binjai (binjai-2023:P22, P31-33, P23), each
rule run again and named in Indonesian beside its code; the nomination's and the vacancy's audit
reports (the TPK's members, madiun-2021:P8) and the report of a round to the mayor
(madiun-2021:P19(4)) as pages to print; the refused commands and the reads of personal data as
lists with CSV; the compliance replay as of a chosen date."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from domain.access import PersonalDataRead
from domain.envelope import Actor, Role
from services.accounts import NewUser, create_user
from services.audit.refusals import record_refusal
from services.permissions import roles_of
from services.personal_data_reads import record_reads
from services.talent.search import (
    ConcludeTalentSearch,
    DecideTalentSearch,
    OpenTalentSearch,
    conclude_talent_search,
    decide_talent_search,
    open_talent_search,
)
from tests.integration.test_audit_scouting import enrolled
from tests.integration.test_audit_talent import POSITION, Cycle, cycle
from tests.integration.test_scouting_promotion import BOARD, picked
from tests.integration.test_talent_succession import A, B
from tests.web.conftest import PASSWORD, Site
from tests.web.test_accessibility import check
from tests.web.test_signin import sign_in

BINJAI = "kota-binjai"
SEARCHED = "Kepala Bidang Tata Ruang"


@dataclass(frozen=True)
class Binjai:
    cycle: Cycle
    search: UUID


def acting(agency: str, handler: Any) -> Actor:
    return Actor(id="uji", role=sorted(roles_of(handler))[0], agency=agency)


@pytest.fixture(scope="module")
def binjai(site: Site) -> Binjai:
    """The talent cycle of Binjai (B placed from the plan's order B, A) and a search that chose
    A; and an auditor of Binjai to read them."""
    admin = Actor(id="admin", role=Role.ADMINISTRATOR, agency=BINJAI)
    user = NewUser(
        username="pemeriksa",
        agency=BINJAI,
        roles=frozenset({Role.AUDITOR}),
        unit="",
        password=PASSWORD,
    )
    create_user(site.app, user, admin)
    app = site.app
    made = cycle(app, "binjai")
    opened = OpenTalentSearch(
        agency=BINJAI,
        position=SEARCHED,
        unit="Dinas PUPR",
        level="administrator",
        grounds=("urgent",),
        justification="pejabat pensiun mendadak",
        opened_on=date(2025, 7, 1),
    )
    search = open_talent_search(app, opened, acting(BINJAI, open_talent_search))
    concluded = ConcludeTalentSearch(
        search_id=search,
        found=(A,),
        chosen=A,
        result="A paling sesuai",
        concluded_on=date(2025, 7, 8),
    )
    conclude_talent_search(app, concluded, acting(BINJAI, conclude_talent_search))
    decided = DecideTalentSearch(
        search_id=search,
        nip=A,
        follow_up="mutation-rotation",
        decree_number="821/7/2025",
        decree_date=date(2025, 7, 15),
    )
    decide_talent_search(app, decided, acting(BINJAI, decide_talent_search))
    return Binjai(made, search)


@pytest.fixture(scope="module")
def vacancy(site: Site) -> UUID:
    enrolled(site.app)
    return picked(site.app)


def reads(site: Site, via: str) -> list[tuple[str, str]]:
    notifications = site.app.recorder.select_notifications(start=1, limit=100_000)
    events = (site.app.mapper.to_domain_event(n) for n in notifications)
    return [
        (e.actor["id"], e.nip)
        for e in events
        if isinstance(e, PersonalDataRead.Read) and e.via == via
    ]


def rules(page: Any) -> dict[str, tuple[str, str]]:
    """Each rule run again: its code -> (its cell's text, held)."""
    rows = page.locator("table.rules tbody tr")
    found = {}
    for i in range(rows.count()):
        cell = rows.nth(i).locator("td[data-rule]")
        found[cell.get_attribute("data-rule")] = (
            cell.inner_text(),
            rows.nth(i).get_attribute("data-held"),
        )
    return found


def test_an_auditor_reads_why_a_nomination_a_placement_and_a_search_stand(
    site: Site, browser: Any, binjai: Binjai, tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, site, "pemeriksa")
    page.click("nav a[href='/auditor']")
    plan = page.locator("table.plans tbody tr", has_text=POSITION)
    plan.locator(f"a[href='/auditor/why/nomination/{binjai.cycle.plan}/{A}']").click()
    assert page.locator("h1").inner_text() == f"Mengapa nominasi ini: {A}"
    page.screenshot(path=str(tmp_path / "why_nomination.png"), full_page=True)
    check(page)
    decision = page.locator("section[aria-labelledby=decision] dl").inner_text()
    assert "Nominasi suksesor" in decision and "Nominated" in decision
    assert "Kotak 9" in decision, "the nine-box the nomination rested on"
    judged = rules(page)
    assert judged["nomination"] == ("Nominasi suksesor\nnomination", "True")
    assert judged["in-succession-group"][1] == "True"
    assert ("pemeriksa", A) in reads(site, "web GET /auditor/why/nomination")
    link = page.locator("section[aria-labelledby=chain-of-events] a[download]")
    exported = list(
        csv.DictReader(
            io.StringIO(page.request.get(f"{site.url}{link.get_attribute('href')}").text())
        )
    )
    assert exported[-1]["what"] == "Nominated"

    page.click("a[href^='/auditor/reports/nomination/']")
    assert "Laporan Audit Nominasi" in page.locator("h1").inner_text()
    assert A in page.locator("main").inner_text()
    page.screenshot(path=str(tmp_path / "nomination_report.png"), full_page=True)
    assert page.locator("button[data-print]").count() == 1, "printed by the site's own script"

    page.goto(f"{site.url}/auditor")
    page.click(f"a[href='/auditor/why/placement/{binjai.cycle.placement}']")
    assert page.locator("h1").inner_text() == f"Mengapa penempatan ini: {B}"
    page.screenshot(path=str(tmp_path / "why_placement.png"), full_page=True)
    check(page)
    assert page.locator("dd.order").inner_text() == "1 / 2", "B first of the order B, A"
    assert "821/1" in page.locator("section[aria-labelledby=decision]").inner_text()
    assert rules(page)["placement"] == ("Penempatan talenta\nplacement", "True")

    page.goto(f"{site.url}/auditor")
    page.fill("#search-id", str(binjai.search))
    page.click("form[action='/auditor/why/search'] button[type=submit]")
    assert page.locator("h1").inner_text() == f"Mengapa pencarian talenta ini: {SEARCHED}"
    page.screenshot(path=str(tmp_path / "why_search.png"), full_page=True)
    check(page)
    assert page.locator("dd.chosen").inner_text() == A
    assert [code for code, (_, held) in rules(page).items() if held == "True"] == [
        "search-opened",
        "search-concluded",
        "search-decided",
    ]
    whats = page.locator("table.timeline td[data-what]").all_inner_texts()
    assert whats[0] == "Pencarian talenta dibuka\nSearchOpened"
    assert ("pemeriksa", A) in reads(site, "web GET /auditor/why/search")

    page.click("a.lang")
    assert page.locator("h1").inner_text() == f"Why this talent search: {SEARCHED}"
    assert page.locator("td[data-rule=search-decided]").inner_text() == (
        "Deciding the talent search\nsearch-decided"
    )
    page.click("a.lang")


def test_another_agencys_auditor_reads_no_why_of_binjai(
    site: Site, browser: Any, binjai: Binjai
) -> None:
    page = browser.new_page()
    sign_in(page, site, "inspektur")  # Madiun's
    answer = page.goto(f"{site.url}/auditor/why/placement/{binjai.cycle.placement}")
    assert answer is not None and answer.status == 403
    assert page.locator(".refusal").count() == 1


def test_the_vacancy_report_and_the_report_to_the_mayor_print(
    site: Site, browser: Any, vacancy: UUID, tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, site, "inspektur")
    page.goto(f"{site.url}/auditor")
    page.click(f"a[href='/auditor/reports/vacancy/{vacancy}']")
    answer_headers = page.request.get(page.url).headers
    assert "frame-ancestors 'none'" in answer_headers["content-security-policy"]
    page.screenshot(path=str(tmp_path / "vacancy_report.png"), full_page=True)
    text = page.locator("main").inner_text()
    assert "Laporan Audit Pengisian Jabatan" in page.locator("h1").inner_text()
    assert all(member.name in text for member in BOARD), "the TPK's members"
    assert "BA/12/2025" in text and "821.2/88/2025" in text
    assert page.locator("p.head").count() == 1, "the chain head to print on the decree"

    page.goto(f"{site.url}/auditor")
    page.locator("a", has_text="Laporan kepada Wali Kota").first.click()
    assert page.locator("h1").inner_text().startswith("Laporan kepada Wali Kota: ")
    page.screenshot(path=str(tmp_path / "mayor_report.png"), full_page=True)
    check(page)
    assert page.locator("dd.report-number").inner_text() == "800/201/2024"
    rows = page.locator("table.mayor-report tbody tr")
    assert rows.count() == 3
    assert rows.locator("td.final").all_inner_texts() == ["80.0 (Memenuhi Syarat (MS)) · lulus"] * 3
    page.emulate_media(media="print")
    assert page.locator("nav").is_hidden() and page.locator("button[data-print]").is_hidden()


def test_refusals_and_reads_are_listed_and_exported(
    site: Site, browser: Any, tmp_path: Path
) -> None:
    app = site.app
    clerk = Actor(id="siti", role=Role.CASEWORKER, agency="kota-madiun")
    for command in ("open_round", "pick"):
        record_refusal(
            app,
            clerk,
            command,
            "web",
            {},
            422,
            "not-eligible",
            "madiun-2021:P10(1)",
            "tidak memenuhi",
            "not eligible",
        )
    mayor = Actor(id="walikota", role=Role.PPK, agency="kota-madiun")
    record_reads(app, mayor, "kota-madiun", ["197503122000031004"], "web GET /staff/{nip}")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, site, "inspektur")
    page.goto(f"{site.url}/auditor")
    page.click("a[href='/auditor/refusals']")
    page.screenshot(path=str(tmp_path / "refusals.png"), full_page=True)
    check(page)
    assert page.locator("table.refusals tbody tr[data-code=not-eligible]").count() >= 2
    page.fill("#command", "pick")
    page.click("form[action='/auditor/refusals'] button[type=submit]")
    listed = page.locator("table.refusals tbody tr")
    assert listed.count() >= 1
    assert set(listed.locator("td:nth-child(3)").all_inner_texts()) == {"pick"}
    link = page.locator("a[download]")
    exported = list(
        csv.DictReader(
            io.StringIO(page.request.get(f"{site.url}{link.get_attribute('href')}").text())
        )
    )
    assert {row["command"] for row in exported} == {"pick"}
    assert exported[0]["citation"] == "madiun-2021:P10(1)"

    listed.first.locator("a").click()
    assert page.locator("h1").inner_text() == "Penolakan: pick"
    page.screenshot(path=str(tmp_path / "refusal.png"), full_page=True)
    check(page)
    assert "madiun-2021:P10(1)" in page.locator("dl.facts").inner_text()
    assert page.locator("dd.rerun").get_attribute("data-outcome") == "not-evaluated", (
        "a refusal made through the pages is not run again, as one through the command line"
    )

    page.goto(f"{site.url}/auditor/reads?nip=197503122000031004")
    page.screenshot(path=str(tmp_path / "reads.png"), full_page=True)
    check(page)
    rows = page.locator("table.reads tbody tr")
    assert any("web GET /staff/{nip}" in row for row in rows.all_inner_texts())
    link = page.locator("a[download]")
    exported = list(
        csv.DictReader(
            io.StringIO(page.request.get(f"{site.url}{link.get_attribute('href')}").text())
        )
    )
    assert {row["nip"] for row in exported} == {"197503122000031004"}
    assert ("walikota", "web GET /staff/{nip}") in {(r["actor.id"], r["via"]) for r in exported}

    sign_in(page, site, "walikota")  # the mayor reads neither list
    answer = page.goto(f"{site.url}/auditor/refusals")
    assert answer is not None and answer.status == 403


def test_the_compliance_replay_judges_its_deadlines_as_of_a_chosen_date(
    site: Site, browser: Any, tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, site, "inspektur")
    page.goto(f"{site.url}/auditor/compliance")
    page.fill("#on", "2025-01-31")
    page.click("form[action='/auditor/compliance'] button[type=submit]")
    assert page.url.endswith("/auditor/compliance?on=2025-01-31")
    page.screenshot(path=str(tmp_path / "compliance_as_of.png"), full_page=True)
    assert page.locator("dl.facts").inner_text().count("2025-01-31 23:59:59") == 1
    assert page.locator("#on").input_value() == "2025-01-31"
    link = page.locator("a[download]").get_attribute("href")
    assert link == "/auditor/compliance?on=2025-01-31&format=csv"
