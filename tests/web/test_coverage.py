"""The coverage forecast page in the browser: the Binjai caseworker reads the forecast on
2026-01-05 over 24 months; the head of Bappeda, retiring (BUP 60, pp-11-2017:P239(2)(b)) on
2026-07-01 with no ready successor, is flagged in the table and drawn red on the timeline; the
secretary, retiring within the horizon too but with a successor from box 9 in the decreed group,
is not; a shorter horizon leaves the head's retirement outside it. The table downloads as CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from tests.integration.coverage_cases import DIVISION, HEAD, HEAD_NIP, SECRETARY, coverage_agency
from tests.web.conftest import Site
from tests.web.test_accessibility import check
from tests.web.test_signin import sign_in


@pytest.fixture(scope="module")
def agency(site: Site) -> None:
    coverage_agency(site.app)


def flagged(page: Any, position: str) -> str | None:
    found: str | None = page.locator(f"tr[data-position='{position}']").get_attribute(
        "data-flagged"
    )
    return found


def test_the_page_flags_the_position_retiring_without_a_ready_successor(
    site: Site, browser: Any, agency: None, tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, site, "tamu")
    page.goto(f"{site.url}/")
    page.click("nav a[href='/coverage']")
    page.fill("#on", "2026-01-05")
    page.fill("#horizon", "24")
    page.click("form[action='/coverage'] button[type=submit]")
    assert page.locator("h1").inner_text() == "Proyeksi suksesi"
    assert page.locator("#flagged-count").inner_text() == "1"

    assert flagged(page, HEAD) == "true"
    assert flagged(page, SECRETARY) == "false"
    assert flagged(page, DIVISION) == "false"
    head = page.locator(f"tr[data-position='{HEAD}']")
    assert "2026-07-01" in head.inner_text() and "pp-11-2017:P239(2)(b)" in head.inner_text()
    assert HEAD_NIP in head.inner_text()
    secretary = page.locator(f"tr[data-position='{SECRETARY}']")
    assert secretary.locator("td.ready").inner_text() == "1"
    assert "siap, kotak 9" in secretary.inner_text()

    # The timeline: one row per position, the flagged one red, with its retirement point.
    bars = page.locator("svg.timeline g.bar")
    assert bars.count() == 3
    red = page.locator("svg.timeline g.bar.flagged")
    assert red.count() == 1
    assert HEAD in (red.locator("title").text_content() or "")
    assert red.locator("circle.retires").get_attribute("fill") == "#a4161a"
    covered = bars.nth(1).locator("circle.retires")
    assert covered.get_attribute("fill") == "#0b5cad"
    # The retirement points fall in time order, the later to the right.
    points = [float(c.get_attribute("cx")) for c in page.locator("circle.retires").all()]
    assert points == sorted(points) and points[0] < float(
        page.locator("line.horizon").get_attribute("x1")
    )
    check(page)
    page.screenshot(path=str(tmp_path / "coverage.png"), full_page=True)

    exported = page.request.get(f"{site.url}/coverage?horizon=24&on=2026-01-05&format=csv")
    assert exported.headers["content-type"].startswith("text/csv")
    lines = list(csv.DictReader(io.StringIO(exported.text())))
    assert [(line["position"], line["flagged"]) for line in lines] == [
        (HEAD, "true"),
        (SECRETARY, "false"),
        (DIVISION, "false"),
    ]

    # Three months ahead (to 2026-04-05) the head's retirement on 2026-07-01 is not within.
    page.fill("#horizon", "3")
    page.click("form[action='/coverage'] button[type=submit]")
    assert page.locator("#flagged-count").inner_text() == "0"
    assert flagged(page, HEAD) == "false"
    page.click("a.lang")
    assert page.locator("h1").inner_text() == "Succession coverage"
    assert page.locator("#horizon").input_value() == "3", "the language switch keeps the query"
    page.close()

    phone = browser.new_page(viewport={"width": 390, "height": 844})
    sign_in(phone, site, "tamu")
    phone.goto(f"{site.url}/coverage?horizon=24&on=2026-01-05")
    phone.screenshot(path=str(tmp_path / "coverage_phone.png"), full_page=True)
    fits = "() => document.documentElement.scrollWidth <= window.innerWidth"
    assert phone.evaluate(fits), "the page fits a phone; the chart and the table scroll"
    phone.close()


def test_a_role_that_may_not_read_it_is_refused_with_the_roles_that_may(
    site: Site, browser: Any, agency: None
) -> None:
    page = browser.new_page()
    sign_in(page, site, "asesor")
    answer = page.goto(f"{site.url}/coverage")
    assert answer is not None and answer.status == 403
    assert "talent-team" in page.locator(".refusal").inner_text()
    page.close()
