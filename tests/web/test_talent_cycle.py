"""A Binjai talent cycle in the browser, from a critical position to a nomination and the
ordered successors (binjai-2023 P13-29): the PPK declares the critical position (one
characteristic left unjustified refused with its article, nothing written), the caseworker
reports it, the talent team analyses the needs and the PPK sets the strategy; the team opens a
unit's mapping campaign, the assessor enters one assessment by the form and the others by a
sheet (a bad row reported by line); the nine-box grid counts them per box and a box lists its
employees with the pack's recommendations; the PPK decrees the group, the team declares the
target, the PPK nominates and orders the successors. Another agency's user is refused. In
Balikpapan the talent team nominates and proposes the group the PPK then decrees."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from domain.envelope import Actor, Envelope, Role
from domain.personnel.aggregate import Employee
from domain.rules.ninebox import Performance, Potential
from domain.rules.registry import pack_for
from domain.talent.succession_values import TargetStatus
from domain.values import PositionLevel
from services.accounts import NewUser, create_user
from services.talent.mapping import AssessEmployee, assess_employee
from services.talent.succession import DeclareTarget, declare_target
from tests.unit.rules_builders import facts, nip_for, spell
from tests.web.conftest import PASSWORD, Site
from tests.web.test_accessibility import check
from tests.web.test_signin import sign_in

AGENCY = "kota-binjai"
UNIT = "Badan Perencanaan Pembangunan Daerah"
A, B, C, D = (nip_for(date(1977, month, 9)) for month in (1, 2, 3, 4))
NAMES = {A: "Ayu Lestari", B: "Bambang Sitepu", C: "Citra Ginting", D: "Dedi Tarigan"}
POSITION = "Kepala Bappeda"
USERS = {
    "ppk-binjai": (Role.PPK,),
    "tim-binjai": (Role.TALENT_TEAM,),
    "asesor-binjai": (Role.ASSESSOR,),
}


@pytest.fixture(scope="module")
def binjai(site: Site) -> None:
    """Four Binjai supervisors, three of them in the planning agency, and its people."""
    stamp = Envelope(
        actor=Actor(id="setup", role=Role.CASEWORKER, agency=AGENCY), effective=date(2025, 1, 2)
    )
    employees = [
        facts(
            nip=nip,
            name=NAMES[nip],
            agency=AGENCY,
            unit=UNIT if nip != D else "Dinas Kesehatan",
            positions=(spell(PositionLevel.SUPERVISOR, date(2018, 1, 2)),),
        )
        for nip in (A, B, C, D)
    ]
    site.app.save(*(Employee.enrol(each, stamp) for each in employees))
    admin = Actor(id="admin", role=Role.ADMINISTRATOR, agency=AGENCY)
    for username, roles in USERS.items():
        new = NewUser(
            username=username, agency=AGENCY, roles=frozenset(roles), unit="", password=PASSWORD
        )
        create_user(site.app, new, admin)


def step_ids(page: Any) -> list[str | None]:
    return [form.get_attribute("id") for form in page.locator("form.step").all()]


def submit(page: Any, form: str) -> None:
    page.locator(f"#{form} button[type=submit]").click()


def declare_critical_position(site: Site, browser: Any) -> None:
    cycle = pack_for(AGENCY).cycle
    assert cycle is not None and len(cycle.critical_characteristics) == 4
    ppk = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(ppk, site, "ppk-binjai")
    ppk.goto(f"{site.url}/critical-positions")
    assert step_ids(ppk) == ["step-declare_critical_position"]
    ppk.fill("#position", POSITION)
    ppk.fill("#unit", UNIT)
    ppk.select_option("#level", "jpt-pratama")
    *justified, left_out = cycle.critical_characteristics
    for item in justified:
        ppk.fill(f"#characteristic-{item.code}", f"RPJMD 2025-2029: {item.code}")
    ppk.fill("#priority_rank", "1")
    ppk.fill("#competency_standard", "SKJ Bappeda 01")
    ppk.fill("#decree_number", "800/1/2025")
    ppk.fill("#decree_date", "2025-02-03")
    submit(ppk, "step-declare_critical_position")
    refused = ppk.locator("#step-declare_critical_position .refusal")
    assert refused.count() == 1
    assert refused.get_attribute("data-code") == "characteristic-missing"
    assert refused.locator("cite").inner_text() == left_out.citation == "binjai-2023:P13(3)(d)"
    assert ppk.locator("section.critical").count() == 0, "nothing written"
    assert ppk.input_value("#decree_number") == "800/1/2025", "the refused form kept"
    ppk.fill(f"#characteristic-{left_out.code}", "mempercepat pelayanan publik")
    submit(ppk, "step-declare_critical_position")
    section = ppk.locator("section.critical")
    assert section.count() == 1
    assert section.locator("h2").inner_text() == f"1. {POSITION}"
    assert section.locator("table.characteristics tbody tr").count() == 4
    ppk.close()

    clerk = browser.new_page()
    sign_in(clerk, site, "tamu")
    clerk.goto(f"{site.url}/critical-positions")
    assert step_ids(clerk)[0].startswith("step-report-")  # type: ignore[union-attr]
    clerk.locator("form.step input[name=letter_number]").fill("B/7/BKPSDM/2025")
    clerk.locator("form.step input[name=letter_date]").fill("2025-02-10")
    clerk.locator("form.step button[type=submit]").click()
    assert clerk.locator("dd.reported").inner_text() == "B/7/BKPSDM/2025 (2025-02-10)"
    check(clerk)
    clerk.close()


def plan_the_needs(site: Site, browser: Any) -> None:
    team = browser.new_page()
    sign_in(team, site, "tim-binjai")
    team.goto(f"{site.url}/talent-plans?period=2025-2029")
    assert step_ids(team) == ["step-analyse_needs"]
    team.fill("#analysed_on", "2025-02-12")
    team.fill("#basis", "RPJMD Kota Binjai 2025-2029")
    team.locator("#step-analyse_needs input[type=number]").fill("1")
    team.fill("#functions", "Perencanaan;2;analis")
    submit(team, "step-analyse_needs")
    needs = team.locator("table.needs tbody tr").all_inner_texts()
    assert len(needs) == 2 and POSITION in needs[0]
    team.close()
    ppk = browser.new_page()
    sign_in(ppk, site, "ppk-binjai")
    ppk.goto(f"{site.url}/talent-plans?period=2025-2029")
    assert step_ids(ppk) == ["step-set_strategy"]
    ppk.check("#step-set_strategy input[value=build-internal]")
    ppk.fill("#strategy-decree_number", "800/2/2025")
    ppk.fill("#strategy-decree_date", "2025-02-14")
    submit(ppk, "step-set_strategy")
    assert ppk.locator("ul.mechanisms li").count() == 1
    check(ppk)
    ppk.close()


def decree_group(ppk: Any, site: Site, nips: tuple[str, ...], decree_number: str) -> None:
    """The PPK's decree of the 2025 succession group of ``nips``, from the succession page."""
    ppk.goto(f"{site.url}/succession")
    assert step_ids(ppk) == ["step-set_group"]
    ppk.fill("#group-period", "2025")
    for nip in nips:
        ppk.check(f"#step-set_group input[value='{nip}']")
    ppk.fill("#group-decree_number", decree_number)
    ppk.fill("#group-decree_date", "2025-04-08")
    submit(ppk, "step-set_group")


def map_the_unit(site: Site, browser: Any, tmp_path: Path) -> str:
    """The campaign's address, A in box 9 by the form, B in 8 and C in 6 by the sheet."""
    team = browser.new_page()
    sign_in(team, site, "tim-binjai")
    team.goto(f"{site.url}/mapping")
    team.select_option("#unit", UNIT)
    team.fill("#period", "2025")
    team.fill("#opened_on", "2025-03-01")
    submit(team, "step-open_campaign")
    campaign = team.url
    assert team.locator("h1").inner_text().endswith("· 2025")
    assert team.locator(".assessed").inner_text() == "0"

    assessor = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(assessor, site, "asesor-binjai")
    assessor.goto(campaign)
    assert step_ids(assessor) == ["step-assess_employee", "step-assess_sheet"]
    assert assessor.locator("#progress").count() == 0, "the report is not the assessor's"
    assessor.fill("#assess-nip", A)
    assessor.select_option("#performance", "above-expectation")
    assessor.select_option("#potential", "high")
    assessor.fill("#assessed_on", "2025-03-10")
    assessor.fill("#evidence-assessment_centre", "4,2")
    submit(assessor, "step-assess_employee")
    assert assessor.locator("#step-assess_employee .done").count() == 1
    sheet = tmp_path / "penilaian.csv"
    sheet.write_text(
        "nip,performance,potential,assessed_on\n"
        f"{B},meets-expectation,high,2025-03-10\n"
        f"{C},below-expectation,high,2025-03-10\n"
        f"{D},sometimes,high,2025-03-10\n"
    )
    assessor.set_input_files("#sheet", str(sheet))
    submit(assessor, "step-assess_sheet")
    assert assessor.locator(".sheet-recorded strong").all_inner_texts() == ["2", "1"]
    bad = assessor.locator("table.sheet-refused tbody tr")
    assert bad.count() == 1 and bad.locator("td").first.inner_text() == "4"
    assert "baris tidak sah" in bad.inner_text(), "the row's reason in Indonesian"
    assessor.screenshot(path=str(tmp_path / "campaign_sheet.png"), full_page=True)
    check(assessor)
    assessor.close()

    team.goto(campaign)
    assert team.locator(".assessed").inner_text() == "3"
    assert NAMES[A] in team.locator("table.top-talents").inner_text()
    team.close()
    return str(campaign)


def read_the_grid(site: Site, browser: Any, tmp_path: Path) -> None:
    ppk = browser.new_page(viewport={"width": 1280, "height": 1000})
    sign_in(ppk, site, "ppk-binjai")
    ppk.goto(f"{site.url}/ninebox")
    ppk.select_option("#unit", UNIT)
    ppk.select_option("#period", "2025")
    ppk.locator("form.filters button[type=submit]").click()
    counts = {
        int(box.get_attribute("data-box")): int(box.get_attribute("data-count"))
        for box in ppk.locator("svg a.box").all()
    }
    assert counts == {1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 1, 7: 0, 8: 1, 9: 1}
    assert ppk.locator("svg a.box[data-box='9'] text.count").text_content() == "1"
    assert ppk.locator(".total").inner_text() == "3"
    ppk.locator("svg a.box[data-box='9']").click()
    listed = ppk.locator("table.box-employees tbody tr")
    assert listed.count() == 1
    assert NAMES[A] in listed.inner_text()
    assert "Dipromosikan dan dipertahankan" in ppk.locator("ul.recommendations").inner_text()
    ppk.screenshot(path=str(tmp_path / "ninebox.png"), full_page=True)
    exported = ppk.request.get(site.url + str(ppk.locator("a[download]").get_attribute("href")))
    lines = exported.text().splitlines()
    assert lines[0].startswith("box,nip,name") and len(lines) == 4
    assert lines[1].startswith(f"9,{A},{NAMES[A]}")
    check(ppk)
    # The grid as it stood before the assessments: empty.
    ppk.fill("#on", "2025-03-09")
    ppk.locator("form.filters button[type=submit]").click()
    assert ppk.locator(".total").inner_text() == "0"
    ppk.close()


def decree_and_nominate(site: Site, browser: Any, tmp_path: Path) -> str:
    """The plan's address, A nominated by the PPK and ordered first."""
    team = browser.new_page()
    sign_in(team, site, "tim-binjai")
    team.goto(f"{site.url}/succession")
    assert step_ids(team) == ["step-declare_target"], "Binjai's team sets no group"
    team.select_option("#critical_position_id", label=f"{POSITION} ({UNIT})")
    team.select_option("#target-status", "to-be-vacant")
    team.fill("#declared_on", "2025-04-02")
    submit(team, "step-declare_target")
    plan = team.url
    assert team.locator("h1").inner_text() == POSITION
    assert step_ids(team) == [], "Binjai's PPK nominates (P22), and no one is nominated yet"
    team.close()

    ppk = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(ppk, site, "ppk-binjai")
    decree_group(ppk, site, (A, B), "800/3/2025")
    group = ppk.locator("div.group[data-period='2025']")
    assert group.locator(".decree").inner_text() == "800/3/2025"
    assert group.locator("tbody tr").count() == 2
    ppk.goto(plan)
    assert step_ids(ppk) == ["step-nominate"]
    ppk.fill("#nominate-nip", A)
    ppk.fill("#nominated_on", "2025-04-09")
    ppk.fill("#nominate-justification", "kinerja dan potensial tertinggi")
    submit(ppk, "step-nominate")
    rows = ppk.locator("table.nominations tbody tr")
    assert rows.count() == 1 and "ppk-binjai" in rows.inner_text()
    ppk.locator("table.order input[type=number]").fill("1")
    ppk.locator("table.order input[type=date]").fill("2026-01-05")
    ppk.fill("#ordered_on", "2025-04-10")
    submit(ppk, "step-order_successors")
    ordered = ppk.locator("table.successors tbody tr td").all_inner_texts()
    assert ordered[0] == "1" and ordered[3:] == [POSITION, "2026-01-05"]
    ppk.screenshot(path=str(tmp_path / "succession_plan.png"), full_page=True)
    check(ppk)
    ppk.close()
    return str(plan)


def test_a_binjai_cycle_runs_from_a_critical_position_to_ordered_successors(
    site: Site, browser: Any, binjai: None, tmp_path: Path
) -> None:
    declare_critical_position(site, browser)
    plan_the_needs(site, browser)
    campaign = map_the_unit(site, browser, tmp_path)
    read_the_grid(site, browser, tmp_path)
    plan = decree_and_nominate(site, browser, tmp_path)

    other = browser.new_page()
    sign_in(other, site, "siti")  # Madiun's caseworker
    for address in (campaign, plan):
        answer = other.goto(address)
        assert answer.status == 403, address
        assert other.locator(".refusal").count() == 1
    other.goto(f"{site.url}/")
    assert other.locator("a[href='/ninebox']").count() == 0, "Madiun runs no talent cycle"
    other.close()


BALIKPAPAN = "kota-balikpapan"
E, F = (nip_for(date(1980, month, 9)) for month in (1, 2))


@pytest.fixture(scope="module")
def balikpapan(site: Site) -> UUID:
    """Two Balikpapan supervisors mapped in boxes 9 and 8, a target position, and the talent
    team's and the PPK's users; the target plan's id."""
    admin = Actor(id="admin", role=Role.ADMINISTRATOR, agency=BALIKPAPAN)
    for username, role in (("tim-balikpapan", Role.TALENT_TEAM), ("ppk-balikpapan", Role.PPK)):
        new = NewUser(
            username=username,
            agency=BALIKPAPAN,
            roles=frozenset({role}),
            unit="",
            password=PASSWORD,
        )
        create_user(site.app, new, admin)
    stamp = Envelope(actor=admin, effective=date(2025, 1, 2))
    people = [
        facts(nip=nip, name=name, agency=BALIKPAPAN, unit="BPKPD")
        for nip, name in ((E, "Eka Putri"), (F, "Fajar Nugroho"))
    ]
    site.app.save(*(Employee.enrol(each, stamp) for each in people))
    assessor = Actor(id="asesor", role=Role.ASSESSOR, agency=BALIKPAPAN)
    for nip, performance in ((E, Performance.ABOVE), (F, Performance.MEETS)):
        assessed = AssessEmployee(
            agency=BALIKPAPAN,
            nip=nip,
            period="2025",
            assessed_on=date(2025, 3, 10),
            performance=performance,
            potential=Potential.HIGH,
            evidence={"assessment_centre": {"result": "4"}},
        )
        assess_employee(site.app, assessed, assessor)
    target = DeclareTarget(
        agency=BALIKPAPAN,
        position="Kepala Bidang Anggaran",
        unit="BPKPD",
        level=PositionLevel.ADMINISTRATOR,
        status=TargetStatus.VACANT,
        declared_on=date(2025, 4, 2),
    )
    team = Actor(id="tim", role=Role.TALENT_TEAM, agency=BALIKPAPAN)
    return declare_target(site.app, target, team)


def test_balikpapans_team_nominates_and_proposes_the_group_the_ppk_then_decrees(
    site: Site, browser: Any, balikpapan: UUID
) -> None:
    ppk = browser.new_page()
    sign_in(ppk, site, "ppk-balikpapan")
    ppk.goto(f"{site.url}/critical-positions")
    cited = ppk.locator("#step-declare_critical_position fieldset cite").all_inner_texts()
    assert cited == [f"balikpapan-2022:P9(3)({letter})" for letter in "abcdef"]
    ppk.goto(f"{site.url}/succession/plans/{balikpapan}")
    assert step_ids(ppk) == [], "Balikpapan's team nominates (P16(1)), not the PPK"

    team = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(team, site, "tim-balikpapan")
    team.goto(f"{site.url}/succession/plans/{balikpapan}")
    assert step_ids(team) == ["step-nominate"]
    for nip in (E, F):
        team.fill("#nominate-nip", nip)
        team.fill("#nominated_on", "2025-04-07")
        team.fill("#nominate-justification", "kotak 8-9")
        submit(team, "step-nominate")
    assert team.locator("table.nominations tbody tr").count() == 2
    team.goto(f"{site.url}/succession")
    assert step_ids(team) == ["step-set_nominated_group", "step-declare_target"]
    team.fill("#team-period", "2025")
    team.check(f"#step-set_nominated_group input[value='{balikpapan}:{E}']")
    team.fill("#decided_on", "2025-04-07")
    team.fill("#reference", "BA/TMT/1/2025")
    submit(team, "step-set_nominated_group")
    assert team.locator("#step-set_nominated_group .done").count() == 1
    team.goto(f"{site.url}/ninebox")
    team.click("a.lang")
    assert team.locator("h1").inner_text() == "The nine-box grid"
    assert team.locator("svg a.box[data-box='9']").get_attribute("data-count") == "1"
    check(team)
    team.close()

    # P16(2), P17(3): the PPK decrees from the team's group; F is not in it.
    decree_group(ppk, site, (E, F), "800/9/2025")
    refused = ppk.locator("#step-set_group .refusal")
    assert refused.count() == 1
    assert refused.locator("cite").inner_text() == "balikpapan-2022:P16(2)"
    assert ppk.locator("div.group").count() == 0, "nothing written"
    ppk.uncheck(f"#step-set_group input[value='{F}']")
    submit(ppk, "step-set_group")
    group = ppk.locator("div.group[data-period='2025']")
    assert group.locator("tbody tr").count() == 1 and "Eka Putri" in group.inner_text()
    ppk.close()
