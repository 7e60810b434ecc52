"""The talent-cycle steps the pages lacked, in the browser, over a Binjai cycle seeded through the
handlers (and a Balikpapan one): the PPK withdraws a critical position by decree (one dated before
its declaration refused beside the form with its article, nothing written) and the list shows it
withdrawn; the caseworker opens an employee's follow-up tasks (before the mapping refused, opening
again opening nothing twice) and closes them with their outcome (one closed meanwhile in another
window refused); and the home page counts what waits in the cycle for each role, each count a
link to its page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from domain.envelope import Role
from domain.rules.calendar import add_years
from domain.rules.registry import pack_for
from domain.talent.critical import CriticalPosition, critical_position_id
from domain.talent.development import development_id
from domain.talent.retention import AwardKind
from domain.values import PositionLevel
from services.accounts import NewUser, create_user
from services.application import Talenta
from services.config import StoreConfig
from services.talent.acquisition import DeclareCriticalPosition, declare_critical_position
from services.talent.development import OpenFollowUps, open_follow_ups
from services.talent.mapping import (
    AssessEmployee,
    CloseCampaign,
    OpenCampaign,
    assess_employee,
    close_campaign,
    open_campaign,
)
from services.talent.placement import PlaceTalent, place_talent
from services.talent.retention import AwardDecree, award
from tests.integration.test_talent_succession import CELLS, actor
from tests.unit.rules_builders import nip_for
from tests.web.conftest import PASSWORD, Site
from tests.web.test_accessibility import check
from tests.web.test_round import refusal_in, refusals, step
from tests.web.test_signin import sign_in
from tests.web.test_talent_followups import (
    AGENCY,
    BASE,
    DECREE,
    DEDI,
    INAUGURATED,
    MAYA,
    PEOPLE,
    POSITION,
    RINA,
    TODAY,
    UNIT,
    YUSUF,
    Cycle,
    enrolled,
    seeded,
    seeded_balikpapan,
    serving,
    shot,
)

BALIKPAPAN = "kota-balikpapan"
SARI = nip_for(date(1980, 5, 5))
# Mapped in box 9 long enough ago that her pin, decreed 2 years less 30 days ago, expires soon.
PIN_DECREED = add_years(TODAY, -2) + timedelta(days=30)


def pinned(app: Talenta) -> None:
    """Sari mapped in box 9 before her pin's decree, and the pin."""
    enrolled(app, AGENCY, {SARI: ("Sari Nasution", 9)}, PIN_DECREED - timedelta(days=60))
    performance, potential = CELLS[9]
    assess_employee(
        app,
        AssessEmployee(
            agency=AGENCY,
            nip=SARI,
            period=str(PIN_DECREED.year),
            assessed_on=PIN_DECREED - timedelta(days=30),
            performance=performance,
            potential=potential,
            evidence={"assessment_centre": {"intellectual": 4}},
        ),
        actor(AGENCY, Role.ASSESSOR),
    )
    decree = AwardDecree(
        agency=AGENCY, nip=SARI, kind=AwardKind.PIN, decree_number="800/7/2024",
        decree_date=PIN_DECREED,
    )  # fmt: skip
    award(app, decree, actor(AGENCY, Role.PPK))


def campaigned(app: Talenta) -> None:
    """Bappeda's mapping of this year open; the agency's of last year closed yesterday."""
    clerk = actor(AGENCY, Role.CASEWORKER)
    opened = TODAY - timedelta(days=5)
    for unit, period in ((UNIT, str(TODAY.year)), ("", str(TODAY.year - 1))):
        command = OpenCampaign(agency=AGENCY, unit=unit, period=period, opened_on=opened,
                               nips=tuple(PEOPLE))  # fmt: skip
        key = open_campaign(app, command, clerk)
    close_campaign(app, CloseCampaign(campaign_id=key, closed_on=TODAY - timedelta(days=1)), clerk)


@pytest.fixture(scope="module")
def gaps_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cycle]:
    """The Binjai cycle, Rina placed in the critical position (her first yearly check-in late),
    and Sari's pin expiring in 30 days."""
    path = tmp_path_factory.mktemp("gaps") / "talenta.sqlite"
    talenta = Talenta(StoreConfig(f"sqlite:///{path}"))
    plan_id = seeded(talenta)
    placed = PlaceTalent(plan_id=plan_id, nip=RINA, decree_number="821.2/45/2025",
                         decree_date=DECREE, inaugurated_on=INAUGURATED)  # fmt: skip
    place_talent(talenta, placed, actor(AGENCY, Role.PPK))
    pinned(talenta)
    campaigned(talenta)
    with serving(talenta) as url:
        yield Cycle(Site(url, talenta), plan_id)


def cycle_counts(page: Any) -> dict[str, int]:
    items = page.locator("ul.cycle-waiting li").evaluate_all(
        "items => items.map(i => [i.dataset.key, Number(i.dataset.count)])"
    )
    return dict(items)


def test_the_ppk_withdraws_a_critical_position_and_the_list_shows_it_withdrawn(
    gaps_site: Cycle, browser: Any, tmp_path: Path
) -> None:
    site = gaps_site.site
    cycle = pack_for(AGENCY).cycle
    assert cycle is not None
    key = critical_position_id(AGENCY, UNIT, POSITION)
    card = f"#position-{key}"

    # The caseworker reports to the ministry but is offered no withdrawal: the PPK decrees it.
    clerk = browser.new_page()
    sign_in(clerk, site, "kasubid")
    clerk.goto(f"{site.url}/critical-positions")
    assert clerk.locator(card).get_attribute("data-withdrawn") == "false"
    assert clerk.locator(f"#step-report-{key}").count() == 1
    assert clerk.locator(f"#step-withdraw-{key}").count() == 0

    mayor = browser.new_page()
    sign_in(mayor, site, "walikota-binjai")
    mayor.goto(f"{site.url}/critical-positions")
    check(mayor)
    # A withdrawal dated before the declaration is refused beside its form; nothing is written.
    step(mayor, f"withdraw-{key}", decree_number="800/99/BKPSDM", decree_date=str(BASE),
         reason="Tidak lagi strategis")  # fmt: skip
    refused = refusal_in(mayor, f"step-withdraw-{key}")
    assert refused.count() == 1
    assert refused.get_attribute("data-code") == "critical-position-not-in-force"
    assert refused.locator("cite").inner_text() == cycle.critical_decree_citation
    kept = mayor.locator(f"#step-withdraw-{key} [name=decree_number]")
    assert kept.input_value() == "800/99/BKPSDM", "the refused form keeps what it held"
    assert mayor.locator("#decree_number").input_value() == "", "the declaration's form does not"
    position = site.app.repository.get(key)
    assert isinstance(position, CriticalPosition) and position.withdrawn_on is None
    (recorded,) = [r for r in refusals(site) if r.command == "withdraw_critical_position"]
    assert (recorded.via, recorded.actor["id"], recorded.status) == ("web", "walikota-binjai", 422)
    shot(mayor, tmp_path, "withdraw_refused")

    step(mayor, f"withdraw-{key}", decree_number="800/99/BKPSDM", decree_date=str(TODAY),
         reason="Tidak lagi strategis")  # fmt: skip
    assert mayor.locator(".done").count() == 1
    withdrawn = mayor.locator(card)
    assert withdrawn.get_attribute("data-withdrawn") == "true"
    assert "Dicabut" in withdrawn.locator("h2").inner_text()
    assert withdrawn.locator("dd.withdrawal").inner_text() == f"800/99/BKPSDM ({TODAY})"
    assert mayor.locator(f"#step-withdraw-{key}").count() == 0
    position = site.app.repository.get(key)
    assert position.withdrawn_on == TODAY and not position.active_on(TODAY)
    check(mayor)
    shot(mayor, tmp_path, "withdrawn")

    # The day before, it was still in force, its withdrawal ahead; the caseworker may no longer
    # report it once withdrawn.
    clerk.goto(f"{site.url}/critical-positions?on={TODAY - timedelta(days=1)}")
    assert clerk.locator(card).get_attribute("data-withdrawn") == "false"
    assert "berlaku mulai tanggal itu" in clerk.locator(f"{card} dd.withdrawal").inner_text()
    clerk.goto(f"{site.url}/critical-positions")
    assert clerk.locator(f"#step-report-{key}").count() == 0
    clerk.close()
    mayor.close()


def test_the_caseworker_opens_and_closes_follow_ups_in_the_browser(
    gaps_site: Cycle, browser: Any, tmp_path: Path
) -> None:
    site = gaps_site.site
    pack = pack_for(AGENCY)
    assert pack.cycle is not None and pack.nine_box is not None
    tasks = "table.follow-ups tbody tr"
    clerk = browser.new_page()
    sign_in(clerk, site, "kasubid")
    clerk.goto(f"{site.url}/development")
    check(clerk)
    assert clerk.locator(tasks).count() == 0
    section = clerk.locator("section[aria-labelledby=follow-ups]")
    assert "Tidak ada tindak lanjut terbuka" in section.inner_text()

    # Before Yusuf's mapping there is no assessment to follow up: refused with its article.
    step(clerk, "open_follow_ups", nip=YUSUF, effective=str(BASE))
    refused = refusal_in(clerk, "step-open_follow_ups")
    assert refused.get_attribute("data-code") == "not-assessed"
    assert refused.locator("cite").inner_text() == pack.cycle.assessment_citation
    assert development_id(AGENCY, YUSUF) not in site.app.repository
    assert clerk.locator("#follow-effective").input_value() == str(BASE)
    shot(clerk, tmp_path, "follow_ups_refused")

    # Box 6's recommendations (Lampiran 2) become one task each; opening again opens none.
    step(clerk, "open_follow_ups", nip=YUSUF, effective=str(TODAY))
    expected = [str(r) for r in pack.nine_box.recommendations[6]]
    assert clerk.locator(tasks).count() == len(expected) == 3
    opened = clerk.locator("#step-open_follow_ups p.done")
    assert opened.inner_text() == "Tindak lanjut dibuka: 3"
    step(clerk, "open_follow_ups", nip=YUSUF, effective=str(TODAY))
    assert clerk.locator(tasks).count() == 3
    assert "dibuka: 0 · tugas penilaian ini sudah dibuka sebelumnya" in opened.inner_text()

    # Two windows on the same task: the first closes it, the second is told it is closed.
    first = clerk.locator(tasks).first.get_attribute("data-task")
    other = browser.new_page()
    sign_in(other, site, "kasubid")
    other.goto(f"{site.url}/development")
    step(clerk, f"close_follow_up-{first}", outcome="Ditempatkan sebagai Kasubbid Program")
    assert clerk.locator(tasks).count() == 2
    assert clerk.locator(f"tr[data-task='{first}']").count() == 0
    check(clerk)
    shot(clerk, tmp_path, "follow_ups")
    step(other, f"close_follow_up-{first}", outcome="Dibina kinerjanya")
    refused = other.locator("section[aria-labelledby=follow-ups] > .refusal")
    assert refused.get_attribute("data-code") == "follow-up-already-closed"
    assert refused.locator("cite").inner_text() == pack.cycle.follow_up_citation
    (record,) = [row for row in read_follow_ups(site, YUSUF) if str(row["task_id"]) == first]
    assert record["outcome"] == "Ditempatkan sebagai Kasubbid Program"
    shot(other, tmp_path, "follow_up_closed_meanwhile")
    other.close()
    clerk.close()

    # The assessor counsels; follow-ups are the caseworker's and the talent team's.
    assessor = browser.new_page()
    sign_in(assessor, site, "asesor-binjai")
    assessor.goto(f"{site.url}/development")
    assert assessor.locator("#step-open_follow_ups").count() == 0
    assert assessor.locator("form.close-follow-up").count() == 0
    assert assessor.locator(tasks).count() == 2, "listed, read-only"
    assessor.close()


def read_follow_ups(site: Site, nip: str) -> list[dict[str, Any]]:
    """The employee's follow-up tasks as the development record holds them."""
    record = site.app.repository.get(development_id(AGENCY, nip))
    return [task.model_dump() for task in record.follow_ups]


def open_tasks(site: Site) -> int:
    """The follow-up tasks open in the agency, as the development records hold them."""
    found = 0
    for nip in (*PEOPLE, SARI):
        key = development_id(AGENCY, nip)
        if key in site.app.repository:
            found += len(site.app.repository.get(key).open_tasks)
    return found


def test_the_home_page_counts_what_waits_in_the_cycle_for_each_role(
    gaps_site: Cycle, browser: Any, tmp_path: Path
) -> None:
    site = gaps_site.site
    opened = OpenFollowUps(agency=AGENCY, nip=MAYA, effective=TODAY)
    assert open_follow_ups(site.app, opened, actor(AGENCY, Role.CASEWORKER))
    clerk = browser.new_page()
    sign_in(clerk, site, "kasubid")
    clerk.goto(f"{site.url}/")
    check(clerk)
    # Rina's first yearly check-in is late; Sari's pin expires in 30 days.
    assert cycle_counts(clerk) == {
        "cycle_campaigns_open": 1,
        "cycle_follow_ups": open_tasks(site),
        "cycle_check_ins_late": 1,
        "cycle_check_ins_due": 0,
        "cycle_pins_expiring": 1,
    }
    late = clerk.locator("li[data-key=cycle_check_ins_late]")
    assert late.get_attribute("class") == "bad"
    assert "pemantauan tahunan terlambat" in late.inner_text()
    shot(clerk, tmp_path, "home_cycle")
    late.locator("a").click()
    clerk.wait_for_url("**/monitoring")  # and its load: the rows are counted at once below
    assert clerk.locator("table.check-ins tbody tr[data-overdue=true]").count() == 1
    clerk.goto(f"{site.url}/")
    clerk.locator("li[data-key=cycle_follow_ups] a").click()
    clerk.wait_for_url("**/development#follow-ups")
    assert clerk.locator("table.follow-ups tbody tr").count() == open_tasks(site)
    clerk.goto(f"{site.url}/")
    clerk.locator("li[data-key=cycle_pins_expiring] a").click()
    assert "Sari Nasution" in clerk.locator("svg.timeline g.bar[data-kind=pin]").text_content()
    clerk.click("a.lang")
    clerk.goto(f"{site.url}/")
    assert "yearly check-ins late" in clerk.locator("ul.cycle-waiting").inner_text()
    clerk.close()

    # The PPK evaluates and decrees pins: no follow-up or check-in is theirs.
    mayor = browser.new_page()
    sign_in(mayor, site, "walikota-binjai")
    mayor.goto(f"{site.url}/")
    assert cycle_counts(mayor) == {
        "cycle_evaluations_late": 0,
        "cycle_evaluations_due": 0,
        "cycle_pins_expiring": 1,
    }
    mayor.close()
    # The assessor maps: Bappeda's campaign is open, last year's closed.
    assessor = browser.new_page()
    sign_in(assessor, site, "asesor-binjai")
    assessor.goto(f"{site.url}/")
    assert cycle_counts(assessor) == {"cycle_campaigns_open": 1}
    assessor.locator("li[data-key=cycle_campaigns_open] a").click()
    assert assessor.url.endswith("/mapping")
    assessor.close()
    # Nothing of the cycle waits in an agency without one.
    stranger = browser.new_page()
    sign_in(stranger, site, "siti-madiun")
    stranger.goto(f"{site.url}/")
    assert stranger.locator("#cycle-waiting").count() == 0
    stranger.close()


@pytest.fixture(scope="module")
def balikpapan_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cycle]:
    """The Balikpapan cycle with a critical position of its six characteristics, and a
    caseworker of its own."""
    path = tmp_path_factory.mktemp("balikpapan-gaps") / "talenta.sqlite"
    talenta = Talenta(StoreConfig(f"sqlite:///{path}"))
    plan_id = seeded_balikpapan(talenta)
    cycle = pack_for(BALIKPAPAN).cycle
    assert cycle is not None
    declared = DeclareCriticalPosition(
        agency=BALIKPAPAN, position=POSITION, unit=UNIT, level=PositionLevel.ADMINISTRATOR,
        characteristics={c.code: "RPJMD 2021-2026" for c in cycle.critical_characteristics},
        priority_rank=1, competency_standard="SKJ-01", decree_number="800/3/BKPSDM",
        decree_date=TODAY - timedelta(days=90),
    )  # fmt: skip
    declare_critical_position(talenta, declared, actor(BALIKPAPAN, Role.PPK))
    clerk = NewUser(username="kasubid-balikpapan", agency=BALIKPAPAN,
                    roles=frozenset({Role.CASEWORKER}), unit="", password=PASSWORD)  # fmt: skip
    create_user(talenta, clerk, actor(BALIKPAPAN, Role.ADMINISTRATOR))
    with serving(talenta) as url:
        yield Cycle(Site(url, talenta), plan_id)


def test_balikpapan_withdraws_a_position_and_follows_up_box_8_in_the_browser(
    balikpapan_site: Cycle, browser: Any, tmp_path: Path
) -> None:
    site = balikpapan_site.site
    pack = pack_for(BALIKPAPAN)
    assert pack.cycle is not None and pack.nine_box is not None
    key = critical_position_id(BALIKPAPAN, UNIT, POSITION)
    mayor = browser.new_page()
    sign_in(mayor, site, "walikota-balikpapan")
    mayor.goto(f"{site.url}/critical-positions")
    assert mayor.locator(f"#position-{key} table.characteristics tbody tr").count() == 6
    step(mayor, f"withdraw-{key}", decree_number="800/40/BKPSDM", decree_date=str(TODAY))
    assert mayor.locator(f"#position-{key}").get_attribute("data-withdrawn") == "true"
    assert "800/40/BKPSDM" in mayor.locator(f"#position-{key} dd.withdrawal").inner_text()
    mayor.goto(f"{site.url}/development")
    assert mayor.locator("#step-open_follow_ups").count() == 0, "the PPK opens no follow-up"
    mayor.close()

    clerk = browser.new_page()
    sign_in(clerk, site, "kasubid-balikpapan")
    clerk.goto(f"{site.url}/development")
    step(clerk, "open_follow_ups", nip=DEDI, effective=str(TODAY - timedelta(days=200)))
    refused = refusal_in(clerk, "step-open_follow_ups")
    assert refused.get_attribute("data-code") == "not-assessed"
    assert refused.locator("cite").inner_text() == pack.cycle.assessment_citation
    step(clerk, "open_follow_ups", nip=DEDI, effective=str(TODAY))
    tasks = clerk.locator("table.follow-ups tbody tr")
    assert tasks.count() == len(pack.nine_box.recommendations[8]) == 4
    assert pack.cycle.follow_up_citation in clerk.locator("#follow-ups + p").inner_text()
    first = tasks.first.get_attribute("data-task")
    step(clerk, f"close_follow_up-{first}", outcome="Rotasi ke Bidang Anggaran")
    assert tasks.count() == 3
    shot(clerk, tmp_path, "balikpapan_follow_ups")
    clerk.goto(f"{site.url}/")
    assert cycle_counts(clerk)["cycle_follow_ups"] == 3
    clerk.close()
