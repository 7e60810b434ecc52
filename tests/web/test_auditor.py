"""The auditor's pages in the browser: why the mayor's pick stands (madiun-2021:P24 angka 5),
with every rule run again, the pool as it stood and the events up to it, downloadable as CSV and
recorded as a read of the candidates' data; why the shortlist; a subject's timeline; the
compliance replay; the chain's head and its verification; and a role without them refused."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from domain.access import PersonalDataRead
from tests.integration.test_audit_scouting import enrolled
from tests.integration.test_scouting_promotion import POSITION, A, B, C, picked
from tests.web.conftest import Site
from tests.web.test_accessibility import check
from tests.web.test_signin import sign_in


@pytest.fixture(scope="module")
def vacancy(site: Site) -> UUID:
    """A, B and C proposed and shortlisted for the Kepala Bagian Umum, B picked by the mayor."""
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


def test_an_auditor_reads_why_the_mayor_picked(
    site: Site, browser: Any, vacancy: UUID, tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, site, "inspektur")
    page.click("nav a[href='/auditor']")
    page.screenshot(path=str(tmp_path / "auditor.png"), full_page=True)
    row = page.locator("table.vacancies tbody tr", has_text=POSITION)
    row.locator(f"a[href='/auditor/why/pick/{vacancy}']").click()
    assert page.locator("h1").inner_text() == f"Mengapa pilihan ini: {POSITION}"
    page.screenshot(path=str(tmp_path / "why_pick.png"), full_page=True)
    check(page)
    decision = page.locator("section[aria-labelledby=decision] dl").inner_text()
    assert "Picked" in decision and "walikota" in decision
    assert "madiun-2021:P24 angka 5" in decision
    assert "821.2/88/2025" in decision, "the pick's decree as evidence"
    candidates = page.locator("table.why-candidates tbody tr")
    assert candidates.count() == 3
    assert page.locator("tr[data-picked=True] td").first.inner_text() == B
    rules = page.locator("table.rules tbody tr")
    assert rules.count() >= 1
    assert all(c.startswith("madiun-2021:") for c in rules.locator("cite").all_inner_texts())
    assert page.locator("table.rules tr[data-held=False]").count() == 0, "a lawful pick"
    assert page.locator("section[aria-labelledby=pool-then] tbody tr").count() == 3
    assert sorted(reads(site, "web GET /auditor/why/pick")) == [
        ("inspektur", nip) for nip in sorted((A, B, C))
    ], "judging the candidates again reads their data"

    link = page.locator("section[aria-labelledby=chain-of-events] a[download]")
    answer = page.request.get(f"{site.url}{link.get_attribute('href')}")
    assert answer.headers["content-type"].startswith("text/csv")
    exported = list(csv.DictReader(io.StringIO(answer.text())))
    assert exported[-1]["what"] == "Picked"
    assert exported[-1]["actor.id"] == "walikota"

    page.click("a.lang")
    assert page.locator("h1").inner_text() == f"Why this pick: {POSITION}"
    page.click("a.lang")
    page.goto(f"{site.url}/auditor/why/shortlist/{vacancy}")
    assert page.locator("h1").inner_text() == f"Mengapa daftar pendek ini: {POSITION}"
    assert "Shortlisted" in page.locator("section[aria-labelledby=decision]").inner_text()
    page.close()


def test_an_auditor_reads_why_a_pool_entry_stands(
    site: Site, browser: Any, vacancy: UUID, tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, site, "inspektur")
    page.goto(f"{site.url}/pool?level=administrator&on=2025-04-01")
    page.locator("table.pool tbody tr", has_text=B).locator("a").click()
    assert page.locator("h1").inner_text() == (f"Mengapa masuk kelompok rencana suksesi: {B}")
    page.screenshot(path=str(tmp_path / "why_entry.png"), full_page=True)
    check(page)
    decision = page.locator("section[aria-labelledby=decision] dl").inner_text()
    assert "800/55/2024" in decision and "walikota" in decision
    assert page.locator("table.rules tbody tr").count() >= 1
    assert page.locator("table.rules tr[data-held=False]").count() == 0
    cells = page.locator("#chain-of-events ~ div table tbody td[data-what]")
    assert cells.last.get_attribute("data-what") == "EntryDecreed"
    assert cells.last.inner_text() == "Masuk kelompok rencana suksesi\nEntryDecreed", (
        "the event by its readable name, its code beside it"
    )
    assert ("inspektur", B) in reads(site, "web GET /auditor/why/pool-entry")
    page.close()


def test_an_auditor_reads_a_timeline_the_compliance_replay_and_the_chain(
    site: Site, browser: Any, vacancy: UUID, tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, site, "inspektur")
    page.goto(f"{site.url}/auditor")
    page.select_option("#subject", "employee")
    page.fill("#key", B)
    page.click("form[action='/auditor/timeline'] button[type=submit]")
    cells = page.locator("table.timeline tbody td[data-what]")
    steps = [cells.nth(i).get_attribute("data-what") for i in range(cells.count())]
    assert {"Enrolled", "CandidateProposed", "Shortlisted", "Picked"} <= set(steps)
    assert "Pilihan Wali Kota\nPicked" in cells.all_inner_texts()
    assert ("inspektur", B) in reads(site, "web GET /auditor/timeline/employee")

    page.goto(f"{site.url}/auditor/compliance")
    page.screenshot(path=str(tmp_path / "compliance.png"), full_page=True)
    check(page)
    assert int(page.locator("dd.checked").inner_text()) >= 1
    shown = int(page.locator("dd.breach-count").inner_text())
    answer = page.request.get(f"{site.url}/auditor/compliance?format=csv")
    assert answer.headers["content-type"].startswith("text/csv")
    assert len(list(csv.DictReader(io.StringIO(answer.text())))) == shown

    page.goto(f"{site.url}/auditor/chain")
    head = page.locator("code.head").inner_text()
    number, _, digest = head.partition(":")
    assert number.isdigit() and len(digest) == 64
    page.fill("#published", head)
    page.click("section[aria-labelledby=verify] button[type=submit]")
    page.screenshot(path=str(tmp_path / "chain.png"), full_page=True)
    assert page.locator(".verdict").get_attribute("data-ok") == "True"
    check(page)
    page.goto(f"{site.url}/auditor")
    check(page)
    page.close()


def test_an_assessor_has_no_auditors_pages(site: Site, browser: Any, vacancy: UUID) -> None:
    page = browser.new_page()
    sign_in(page, site, "asesor")
    assert page.locator("nav a[href='/auditor']").count() == 0
    answer = page.goto(f"{site.url}/auditor/why/pick/{vacancy}")
    assert answer is not None and answer.status == 403
    assert page.locator(".refusal").get_attribute("data-code") == "forbidden"
    page.close()
