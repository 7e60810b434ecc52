"""The home page for the mayor (PPK): a pool entry expiring within 90 days, its reminder in the
inbox, acknowledged with one click (htmx swaps the notice in place) and recorded as an event
carrying the user; counts at a glance; and the same page for an assessor without the notice."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import uuid4

from domain.envelope import Actor, Role
from domain.reminders.notice import Notice
from domain.scouting.pool import PoolMembership, membership_id
from domain.values import PositionLevel
from services.reminders.commands import SYSTEM, IssueNotice, issue_notice
from services.scouting.pool import PoolDecree, RemindExpiry, decree_entries, remind_expiry
from services.scouting.vacancies import OpenVacancy, open_vacancy
from tests.web.conftest import Site
from tests.web.test_signin import sign_in

SITI = "198307252006042011"
MAYOR = Actor(id="walikota", role=Role.PPK, agency="kota-madiun")


def three_years_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 3)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 3, day=28)


def expiring_entry_with_reminder(site: Site) -> Notice:
    """SITI's pool entry, decreed so that it expires 30 days from today, and its reminder."""
    expires = date.today() + timedelta(days=30)
    decree = PoolDecree(decree_number="188.45/7/2023", decree_date=three_years_before(expires))
    (entry,) = decree_entries(
        site.app, [SITI], PositionLevel.SUPERVISOR, "kota-madiun", uuid4(), decree, MAYOR
    )
    membership = membership_id(SITI, PositionLevel.SUPERVISOR)
    reminder = RemindExpiry(
        membership_id=membership,
        entry_id=entry.entry_id,
        lead_days=30,
        on=entry.expires_on - timedelta(days=30),
    )
    assert remind_expiry(site.app, reminder, SYSTEM)
    (sent,) = [
        event
        for event in site.app.repository.event_store.get(membership)
        if isinstance(event, PoolMembership.ExpiryReminderSent)
    ]
    command = IssueNotice(reminder_id=membership, version=sent.originator_version)
    return issue_notice(site.app, command, SYSTEM)


def test_the_mayor_sees_what_waits_and_acknowledges_a_reminder(site: Site, browser: Any) -> None:
    notice = expiring_entry_with_reminder(site)
    assert Role.PPK in notice.roles
    page = browser.new_page()
    sign_in(page, site, "walikota")
    assert page.locator(".counts li").all_inner_texts() == [
        "6\nPegawai",
        "0\nPutaran berjalan",
        "1\nAnggota kelompok rencana suksesi",
        "0\nLowongan terbuka",
    ]
    expiring = page.locator("section[aria-labelledby=expiring] tbody tr")
    assert expiring.count() == 1
    assert expiring.locator("td").first.inner_text() == SITI
    notices = page.locator("ul.notices li")
    assert notices.count() == 1
    page.evaluate("() => { window.stayed = true; }")  # gone if the page were reloaded
    notices.locator("button").click()
    page.locator("ul.notices li.seen").wait_for()
    assert page.locator("ul.notices li.seen").inner_text().endswith("Sudah dibaca")
    assert page.evaluate("() => window.stayed === true"), "htmx swapped the notice in place"
    acknowledged = list(site.app.repository.event_store.get(notice.id))[-1]
    assert isinstance(acknowledged, Notice.Acknowledged)
    assert acknowledged.envelope["actor"]["id"] == "walikota"
    page.reload()
    assert page.locator("ul.notices li.seen").count() == 1, "read stays read"
    page.close()


def test_an_assessor_has_no_pool_reminder(site: Site, browser: Any) -> None:
    page = browser.new_page()
    sign_in(page, site, "asesor")
    assert page.locator("ul.notices li").count() == 0
    assert page.locator("section[aria-labelledby=inbox] .quiet").inner_text() == (
        "Tidak ada pengingat yang menunggu."
    )
    page.close()


def test_an_open_vacancy_waits_on_the_caseworker_not_yet_on_the_mayor(
    site: Site, browser: Any
) -> None:
    clerk = Actor(id="siti", role=Role.CASEWORKER, agency="kota-madiun")
    opened = OpenVacancy(
        agency="kota-madiun",
        position="Kepala Bagian Umum",
        unit="Sekretariat Daerah",
        level=PositionLevel.ADMINISTRATOR,
        opened_on=date.today(),
    )
    open_vacancy(site.app, opened, clerk)
    page = browser.new_page()
    sign_in(page, site, "siti")
    waiting = page.locator("section[aria-labelledby=waiting] tbody tr")
    assert waiting.all_inner_texts() == [
        "Kepala Bagian Umum\tSekretariat Daerah\tmenunggu daftar pendek"
    ]
    page.close()
    mayor = browser.new_page()
    sign_in(mayor, site, "walikota")
    assert mayor.locator("section[aria-labelledby=waiting] tbody tr").count() == 0
    assert mayor.locator(".counts li").last.inner_text() == "1\nLowongan terbuka"
    mayor.close()
