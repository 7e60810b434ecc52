"""Every list on the auditor's pages downloads as CSV through the page's own link, in the API's
columns and with the rows the page shows: the vacancies, succession plans and rounds of the
auditor's index; a pick's candidates and the pool as it stood; the chain's problems; the record
a refused command named; the vacancy report's steps and candidates and the nomination report's
trail; and the compliance replay's breaches, the same as a fresh replay of the whole log."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import pytest

from domain.envelope import Actor, Role
from services.accounts import NewUser, create_user
from services.audit.compliance import replay
from services.audit.refusals import record_refusal
from tests.integration.test_audit_scouting import enrolled
from tests.integration.test_audit_talent import Cycle, cycle
from tests.integration.test_compliance import assessment_of_another_agencys_employee
from tests.integration.test_scouting_promotion import B, picked
from tests.web.conftest import PASSWORD, Site
from tests.web.test_signin import sign_in

MADIUN, BINJAI = "kota-madiun", "kota-binjai"


@dataclass(frozen=True)
class Seeded:
    vacancy: UUID  # Madiun's, B picked by the mayor
    binjai: Cycle  # Binjai's talent cycle, read by its auditor "pemeriksa"


@pytest.fixture(scope="module")
def seeded(site: Site) -> Seeded:
    app = site.app
    enrolled(app)
    vacancy = picked(app)
    admin = Actor(id="admin", role=Role.ADMINISTRATOR, agency=BINJAI)
    auditor = NewUser(
        username="pemeriksa",
        agency=BINJAI,
        roles=frozenset({Role.AUDITOR}),
        unit="",
        password=PASSWORD,
    )
    create_user(app, auditor, admin)
    made = cycle(app, "binjai")
    assessment_of_another_agencys_employee(app)  # a breach of Binjai, written past the commands
    return Seeded(vacancy, made)


def downloaded(page: Any, site: Site, link: str) -> list[dict[str, str]]:
    """The CSV behind the page's download link ``link`` (a CSS selector), as rows by header."""
    href = page.locator(link).get_attribute("href")
    answer = page.request.get(f"{site.url}{href}")
    assert answer.status == 200
    assert answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in answer.headers["content-disposition"]
    return list(csv.DictReader(io.StringIO(answer.text())))


def test_the_auditor_index_lists_download_as_csv(site: Site, browser: Any, seeded: Seeded) -> None:
    page = browser.new_page()
    sign_in(page, site, "inspektur")
    page.goto(f"{site.url}/auditor")
    vacancies = downloaded(page, site, "section[aria-labelledby=vacancies] a[download]")
    assert {"vacancy_id", "position", "unit", "level", "state"} <= set(vacancies[0])
    assert len(vacancies) == page.locator("table.vacancies tbody tr").count()
    assert str(seeded.vacancy) in {row["vacancy_id"] for row in vacancies}
    rounds = downloaded(page, site, "section[aria-labelledby=audit-rounds] a[download]")
    assert {"round_id", "name", "level"} <= set(rounds[0])
    assert len(rounds) == page.locator("section[aria-labelledby=audit-rounds] tbody tr").count()
    plans = downloaded(page, site, "section[aria-labelledby=audit-plans] a[download]")
    assert plans == [], "Madiun keeps no succession plan"

    sign_in(page, site, "pemeriksa")
    page.goto(f"{site.url}/auditor")
    plans = downloaded(page, site, "section[aria-labelledby=audit-plans] a[download]")
    assert {"plan_id", "position", "unit", "nominations"} <= set(plans[0])
    assert [row["plan_id"] for row in plans] == [str(seeded.binjai.plan)]
    assert len(plans) == page.locator("table.plans tbody tr").count()
    answer = page.request.get(f"{site.url}/auditor?format=csv&list=nothing")
    assert answer.status == 422, "a list the page does not have"
    page.close()


def test_a_picks_candidates_and_the_pool_then_download_as_csv(
    site: Site, browser: Any, seeded: Seeded
) -> None:
    page = browser.new_page()
    sign_in(page, site, "inspektur")
    page.goto(f"{site.url}/auditor/why/pick/{seeded.vacancy}")
    candidates = downloaded(page, site, "section[aria-labelledby=why-candidates] a[download]")
    assert {"nip", "shortlisted", "picked", "pool_entry.decree_number"} <= set(candidates[0])
    assert len(candidates) == page.locator("table.why-candidates tbody tr").count() == 3
    assert [row["nip"] for row in candidates if row["picked"] == "true"] == [B]
    pool = downloaded(page, site, "section[aria-labelledby=pool-then] a[download]")
    assert {"nip", "level", "decree_number", "expires_on"} <= set(pool[0])
    assert len(pool) == page.locator("section[aria-labelledby=pool-then] tbody tr").count() == 3
    assert {row["nip"] for row in pool} == {row["nip"] for row in candidates}
    page.close()


def test_the_chains_problems_download_as_csv(site: Site, browser: Any, seeded: Seeded) -> None:
    page = browser.new_page()
    sign_in(page, site, "inspektur")
    page.goto(f"{site.url}/auditor/chain")
    page.fill("#published", "1:" + "0" * 64)  # a head never published by this chain
    page.click("section[aria-labelledby=verify] button[type=submit]")
    assert page.locator(".verdict").get_attribute("data-ok") == "False"
    problems = downloaded(page, site, "section[aria-labelledby=verify] a[download]")
    assert {"notification_id", "kind", "message", "message_en"} <= set(problems[0])
    assert len(problems) == page.locator("table.problems tbody tr").count()
    assert ("1", "published") in {(row["notification_id"], row["kind"]) for row in problems}
    page.close()


def test_the_record_a_refused_command_named_downloads_as_csv(
    site: Site, browser: Any, seeded: Seeded
) -> None:
    mayor = Actor(id="walikota", role=Role.PPK, agency=MADIUN)
    body = {"vacancy_id": str(seeded.vacancy)}
    refused = ("wrong-state", "madiun-2021:P27", "belum dipilih", "not picked yet")
    record_refusal(site.app, mayor, "inaugurate", "web", body, 409, *refused)
    page = browser.new_page()
    sign_in(page, site, "inspektur")
    page.goto(f"{site.url}/auditor/refusals?command=inaugurate")
    page.locator("table.refusals tbody tr a").first.click()
    events = downloaded(page, site, "section[aria-labelledby=trail-1] a[download]")
    assert {"recorded_at", "what", "actor.id", "citations"} <= set(events[0])
    assert len(events) == page.locator("section[aria-labelledby=trail-1] tbody tr").count()
    assert events[-1]["what"] == "Picked" and events[-1]["actor.id"] == "walikota"
    page.close()


def test_the_reports_lists_download_as_csv(site: Site, browser: Any, seeded: Seeded) -> None:
    page = browser.new_page()
    sign_in(page, site, "inspektur")
    page.goto(f"{site.url}/auditor/reports/vacancy/{seeded.vacancy}")
    steps = downloaded(page, site, "p.csv a[href$='list=trail']")
    assert {"recorded_at", "what", "actor.id", "citations"} <= set(steps[0])
    assert [row["what"] for row in steps][-1] == "Picked"
    candidates = downloaded(page, site, "p.csv a[href$='list=candidates']")
    assert {"nip", "shortlisted", "picked"} <= set(candidates[0])
    assert [row["nip"] for row in candidates if row["picked"] == "true"] == [B]

    sign_in(page, site, "pemeriksa")
    page.goto(f"{site.url}/auditor")
    page.locator("table.plans a[href^='/auditor/reports/nomination/']").first.click()
    trail = downloaded(page, site, "p.csv a[download]")
    assert {"recorded_at", "what", "actor.id", "citations"} <= set(trail[0])
    assert trail[0]["what"] == "Nominated"
    assert {"Assessed", "SuccessorsOrdered"} <= {row["what"] for row in trail}
    page.close()


def test_the_compliance_page_shows_and_exports_a_fresh_replays_breaches(
    site: Site, browser: Any, seeded: Seeded
) -> None:
    page = browser.new_page()
    sign_in(page, site, "pemeriksa")
    page.goto(f"{site.url}/auditor/compliance")
    fresh = replay(site.app, BINJAI)
    assert fresh.breaches, "the history holds a breach"
    rows = page.locator("table.breaches tbody tr")
    shown = [
        (int(rows.nth(i).locator("td").first.inner_text()), rows.nth(i).get_attribute("data-code"))
        for i in range(rows.count())
    ]
    assert shown == [(b.notification_id, b.code) for b in fresh.breaches]
    assert int(page.locator("dd.checked").inner_text()) == fresh.checked
    replayed = page.locator("dd.replayed")
    head = site.app.recorder.max_notification_id()
    assert replayed.get_attribute("data-position") == replayed.get_attribute("data-head")
    assert int(replayed.get_attribute("data-position") or 0) <= (head or 0)
    assert page.locator("p.behind").count() == 0, "caught up: nothing said to be missing"

    exported = downloaded(page, site, "a[download]")
    assert {"notification_id", "event", "code", "citation", "actor.id"} <= set(exported[0])
    assert [(int(r["notification_id"]), r["code"]) for r in exported] == shown
    assert [r["citation"] for r in exported] == [b.citation or "" for b in fresh.breaches]
    page.close()
