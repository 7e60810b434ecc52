"""Employees in the browser: the search by NIP or name, the employee's page with the record, the
position history and the timeline, and the scouting eligibility check showing every requirement
with its result, evidence and citation (madiun-2021:P10); the personal-data filter by role, and
a full-record read by a non-caseworker recorded."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from domain.access import PersonalDataRead
from tests.web.conftest import Site
from tests.web.test_signin import sign_in

BUDI, DEWI = "197503122000031004", "199005082015032002"


def search(page: Any, site: Site, query: str) -> list[str]:
    page.goto(f"{site.url}/staff")
    page.fill("#q", query)
    page.click("form[role=search] button[type=submit]")
    return page.locator("table.employees tbody td:first-child").all_inner_texts()


def requirements(page: Any) -> dict[str, str | None]:
    rows = page.locator("table.requirements tbody tr").all()
    return {row.get_attribute("data-code"): row.get_attribute("data-outcome") for row in rows}


def check(page: Any, level: str, on: str) -> None:
    page.select_option("#level", level)
    page.fill("#on", on)
    page.click("#check button[type=submit]")


def reads_of(site: Site, nip: str) -> list[str]:
    notifications = site.app.recorder.select_notifications(start=1, limit=100_000)
    events = (site.app.mapper.to_domain_event(n) for n in notifications)
    return [e.actor["id"] for e in events if isinstance(e, PersonalDataRead.Read) and e.nip == nip]


def test_a_caseworker_finds_an_employee_and_checks_their_eligibility(
    site: Site, browser: Any, tmp_path: Path
) -> None:
    clerk = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(clerk, site, "siti")
    assert search(clerk, site, "budi") == [BUDI]
    assert search(clerk, site, "1975 0312") == [BUDI], "an NIP typed with spaces"
    assert search(clerk, site, "tidak ada orang ini") == []
    clerk.screenshot(path=str(tmp_path / "employees_none.png"))
    search(clerk, site, "")
    clerk.screenshot(path=str(tmp_path / "employees.png"), full_page=True)
    assert clerk.locator("table.employees tbody tr").count() == 6
    csv_link = clerk.locator("a[download]").get_attribute("href")
    answer = clerk.request.get(f"{site.url}{csv_link}")
    assert answer.headers["content-type"].startswith("text/csv")
    exported = list(csv.DictReader(io.StringIO(answer.text())))
    assert len(exported) == 6 and {"nip", "name", "unit"} <= set(exported[0])

    search(clerk, site, "Budi")
    clerk.click(f"a[href='/staff/{BUDI}']")
    assert clerk.locator("h1").inner_text() == "Dr. Budi Santoso, S.T., M.T."
    history = clerk.locator("table.positions tbody tr td:first-child").all_inner_texts()
    assert history == [
        "Kepala Bidang Bina Marga",
        "Kepala Seksi Pembangunan Jalan",
        "Pengadministrasi Umum",
    ], "the position history, the latest first"
    assert clerk.locator("table.timeline tbody tr").count() >= 1, "the enrolment at least"
    timeline_csv = clerk.locator("section[aria-labelledby=timeline] a[download]")
    answer = clerk.request.get(f"{site.url}{timeline_csv.get_attribute('href')}")
    events = list(csv.DictReader(io.StringIO(answer.text())))
    assert events[0]["what"] == "Enrolled"
    check(clerk, "administrator", "2025-02-10")
    clerk.screenshot(path=str(tmp_path / "employee.png"), full_page=True)
    found = requirements(clerk)
    assert {"age", "grade", "discipline", "appraisals"} <= set(found)
    assert set(found.values()) <= {"met", "not-met", "pending"}
    cited = clerk.locator("table.requirements tbody cite").all_inner_texts()
    assert len(cited) == len(found) and all(c.startswith("madiun-2021:P") for c in cited)
    assert found["discipline"] == "met"
    evidence = clerk.locator("tr[data-code=grade] td").nth(2).inner_text()
    assert "IV/a" in evidence, "the grade judged is shown as evidence"

    clerk.goto(f"{site.url}/staff/{DEWI}?level=administrator&on=2025-02-10")
    assert requirements(clerk)["discipline"] == "not-met", "a penalty and an open investigation"
    assert clerk.locator(".verdict").get_attribute("data-eligible") == "False"
    assert clerk.locator("table.penalties tbody tr").count() == 1
    clerk.click("a.lang")
    assert clerk.locator("#eligibility").inner_text() == "Talent scouting eligibility"
    assert clerk.locator("tr[data-code=discipline] td").nth(1).inner_text() == "not met"
    clerk.click("a.lang")
    assert reads_of(site, DEWI) == [], "the caseworker keeps the record: no recorded read"
    clerk.close()
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    sign_in(phone, site, "siti")
    phone.goto(f"{site.url}/staff/{BUDI}?level=administrator&on=2025-02-10")
    phone.screenshot(path=str(tmp_path / "employee_phone.png"), full_page=True)
    fits = "() => document.documentElement.scrollWidth <= window.innerWidth"
    assert phone.evaluate(fits), "the page fits a phone; wide tables scroll on their own"
    phone.close()


def test_a_head_of_unit_sees_no_birth_date_nor_discipline(site: Site, browser: Any) -> None:
    head = browser.new_page()
    sign_in(head, site, "kabag")
    head.goto(f"{site.url}/staff/{DEWI}?level=administrator&on=2025-02-10")
    found = requirements(head)
    assert found["discipline"] == "withheld" and found["age"] == "withheld"
    assert head.locator("tr[data-code=discipline] td").nth(2).inner_text() == ""
    assert head.locator(".verdict").get_attribute("data-eligible") == "None"
    assert head.locator("table.penalties").count() == 0
    assert head.locator("#timeline").count() == 0, "the audit timeline is not theirs"
    head.close()
    assert reads_of(site, DEWI) == []


def test_an_external_assessor_sees_no_nip_and_the_mayors_read_is_recorded(
    site: Site, browser: Any
) -> None:
    examiner = browser.new_page()
    sign_in(examiner, site, "penguji")
    assert search(examiner, site, "19750312") == [], "digits they may not see find no one"
    assert search(examiner, site, "Budi") == ["***************004"]
    assert examiner.locator("table.employees a").count() == 0
    examiner.close()
    mayor = browser.new_page()
    sign_in(mayor, site, "walikota")
    mayor.goto(f"{site.url}/staff/{BUDI}")
    assert mayor.locator("h1").inner_text() == "Dr. Budi Santoso, S.T., M.T."
    assert reads_of(site, BUDI) == ["walikota"]
    answer = mayor.goto(f"{site.url}/staff/199912312020121001")
    assert answer is not None and answer.status == 403, "answered as another agency's NIP"
    assert mayor.locator(".refusal").get_attribute("data-code") == "other-agency"
    answer = mayor.goto(f"{site.url}/staff/12345")
    assert answer is not None and answer.status == 404
    mayor.close()
