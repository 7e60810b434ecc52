"""Long trails on the auditor's pages: an employee read hundreds of times has a timeline of
hundreds of events (each read is on it), and the reads list grows alike. A page shows the latest
first, a link shows more until the whole trail is on it, and the CSV always holds all of it."""

from __future__ import annotations

import csv
import io
from typing import Any

from domain.envelope import Actor, Role
from services.personal_data_reads import record_reads
from services.web.auditor import SHOWN
from tests.web.conftest import Site
from tests.web.test_signin import sign_in

BUDI = "197503122000031004"
AGENCY = "kota-madiun"


def _csv_rows(page: Any, site: Site, href: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(page.request.get(f"{site.url}{href}").text())))


def test_a_long_timeline_shows_the_latest_events_and_more_on_asking(
    site: Site, browser: Any
) -> None:
    reader = Actor(id="pemeriksa-lain", role=Role.AUDITOR, agency=AGENCY)
    record_reads(site.app, reader, AGENCY, [BUDI] * (SHOWN + 30), "test: many reads")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, site, "inspektur")
    page.goto(f"{site.url}/auditor/timeline?subject=employee&key={BUDI}")
    rows = page.locator("table.timeline tbody tr")
    assert rows.count() == SHOWN
    total = int(page.locator(".latest .total").inner_text())
    assert total > SHOWN + 30  # the reads, the record's own events, this very page's read
    everything = _csv_rows(page, site, page.locator("a[download]").get_attribute("href") or "")
    assert len(everything) >= total
    # The page shows the latest: its last row is the CSV's last event before this page's read.
    shown = page.locator("table.timeline tbody td[data-what]").all()
    assert shown[-1].get_attribute("data-what") == "Read"
    assert shown[0].get_attribute("data-what") == everything[total - SHOWN]["what"]

    page.click("a.more")
    assert f"latest={2 * SHOWN}" in page.url
    # Two more reads since: the first page's and the CSV's.
    assert page.locator("table.timeline tbody tr").count() == total + 2 == len(everything) + 1
    assert page.locator("a.more").count() == 0, "the whole trail is on the page"
    page.close()


def test_the_reads_list_shows_the_latest_reads_and_more_on_asking(site: Site, browser: Any) -> None:
    reader = Actor(id="pemeriksa-lain", role=Role.AUDITOR, agency=AGENCY)
    record_reads(site.app, reader, AGENCY, [BUDI] * (SHOWN + 5), "test: listed reads")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, site, "inspektur")
    page.goto(f"{site.url}/auditor/reads?nip={BUDI}")
    rows = page.locator("table.reads tbody tr")
    assert rows.count() == SHOWN
    total = int(page.locator(".listed").inner_text())
    assert total >= SHOWN + 5
    exported = _csv_rows(page, site, page.locator("a[download]").get_attribute("href") or "")
    assert len(exported) == total
    shown = SHOWN
    while page.locator("a.more").count():
        page.click("a.more")
        shown += SHOWN
        assert page.locator("table.reads tbody tr").count() == min(shown, total)
    assert page.locator("table.reads tbody tr").count() == total
    page.close()
