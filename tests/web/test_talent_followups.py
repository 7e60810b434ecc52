"""The second half of a Binjai talent cycle in the browser, over a cycle seeded through the
handlers up to a decreed succession group and ordered successors for a critical position: the
PPK's placement (a decree inaugurated before its date refused beside the form with its article,
nothing written), the yearly check-in the placement's monitoring makes due and late, the Sekolah
Kader eligibility shown requirement by requirement (binjai-2023 P25, reading D1), a box-9 pin and
its expiry on the timeline, each step offered only to its roles, and another agency refused."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from domain.envelope import Envelope, Role
from domain.personnel.aggregate import Employee
from domain.rules.calendar import add_years
from domain.rules.registry import pack_for
from domain.talent.placement import placement_id
from domain.talent.succession_values import Successor, TargetStatus
from domain.values import PositionLevel
from services.accounts import NewUser, create_user
from services.api import create_api
from services.api.context import Context
from services.application import Talenta
from services.config import StoreConfig
from services.talent.acquisition import DeclareCriticalPosition, declare_critical_position
from services.talent.succession import (
    DeclareTarget,
    OrderSuccessors,
    declare_target,
    order_successors,
)
from services.web.cycle import today
from services.web.settings import WebSettings
from tests.integration.test_talent_succession import actor, assess, nominated_in_group
from tests.unit.rules_builders import facts, nip_for, spell
from tests.web.conftest import PASSWORD, Site, served
from tests.web.test_accessibility import check
from tests.web.test_round import refusal_in, refusals, step
from tests.web.test_signin import sign_in

AGENCY = "kota-binjai"
UNIT = "Bappeda"
POSITION = "Kepala Bidang Perencanaan"
# NIP -> name, box
PEOPLE = {
    nip_for(date(1977, 1, 9)): ("Rina Marpaung", 9),
    nip_for(date(1977, 2, 9)): ("Dedi Siregar", 8),
    nip_for(date(1977, 3, 9)): ("Yusuf Lubis", 6),
    nip_for(date(1977, 4, 9)): ("Maya Ginting", 5),
}
RINA, DEDI, YUSUF, MAYA = PEOPLE
USERS: dict[str, tuple[str, Role]] = {
    "kasubid": (AGENCY, Role.CASEWORKER),
    "walikota-binjai": (AGENCY, Role.PPK),
    "asesor-binjai": (AGENCY, Role.ASSESSOR),
    "siti-madiun": ("kota-madiun", Role.CASEWORKER),
    "walikota-balikpapan": ("kota-balikpapan", Role.PPK),
}
TODAY = today(AGENCY)
# Far enough back that the first yearly check-in is past and the second not yet near.
BASE = TODAY - timedelta(days=520)
DECREE, INAUGURATED = BASE + timedelta(days=110), BASE + timedelta(days=113)


@dataclass(frozen=True)
class Cycle:
    site: Site
    plan_id: UUID


def enrolled(app: Talenta, agency: str, people: dict[str, tuple[str, int]], on: date) -> None:
    """Each person a supervisor of Bappeda since 2018."""
    stamp = Envelope(actor=actor(agency, Role.CASEWORKER), effective=on)
    app.save(
        *(
            Employee.enrol(
                facts(
                    nip=nip,
                    name=name,
                    agency=agency,
                    unit=UNIT,
                    positions=(spell(PositionLevel.SUPERVISOR, date(2018, 1, 2)),),
                ),
                stamp,
            )
            for nip, (name, _) in people.items()
        )
    )


def seeded(app: Talenta) -> UUID:
    """Four supervisors of Bappeda mapped in boxes 9, 8, 6 and 5; a critical position and its
    target; the PPK's group decree and nominations of boxes 9 and 8, ordered successors."""
    cycle = pack_for(AGENCY).cycle
    assert cycle is not None
    enrolled(app, AGENCY, PEOPLE, BASE)
    ppk = actor(AGENCY, Role.PPK)
    critical = declare_critical_position(
        app,
        DeclareCriticalPosition(
            agency=AGENCY,
            position=POSITION,
            unit=UNIT,
            level=PositionLevel.ADMINISTRATOR,
            characteristics={c.code: "RPJMD 2021-2026" for c in cycle.critical_characteristics},
            priority_rank=1,
            competency_standard="SKJ-BAPPEDA-01",
            decree_number="800/11/BKPSDM",
            decree_date=BASE + timedelta(days=1),
        ),
        ppk,
    )
    for nip, (_, box) in PEOPLE.items():
        assess(app, AGENCY, nip, box, BASE + timedelta(days=10))
    plan_id = declared(app, AGENCY, BASE + timedelta(days=20), critical)
    nominated_in_group(app, plan_id, (RINA, DEDI), BASE + timedelta(days=25))
    successors = tuple(
        Successor(nip=nip, projected_position=POSITION, projected_date=DECREE)
        for nip in (RINA, DEDI)
    )
    ordered = OrderSuccessors(
        plan_id=plan_id, ordered_on=BASE + timedelta(days=26), successors=successors
    )
    order_successors(app, ordered, ppk)
    return plan_id


def declared(app: Talenta, agency: str, on: date, critical: UUID | None = None) -> UUID:
    """The vacant target position declared by the talent team on ``on``: its plan."""
    target = DeclareTarget(
        agency=agency,
        position=POSITION,
        unit=UNIT,
        level=PositionLevel.ADMINISTRATOR,
        status=TargetStatus.VACANT,
        declared_on=on,
        critical_position_id=critical,
    )
    plan_id: UUID = declare_target(app, target, actor(agency, Role.TALENT_TEAM))
    return plan_id


@contextmanager
def serving(talenta: Talenta) -> Iterator[str]:
    """The product over ``talenta`` on a free port, with this module's users."""
    for username, (agency, role) in USERS.items():
        admin = actor(agency, Role.ADMINISTRATOR)
        new = NewUser(
            username=username, agency=agency, roles=frozenset({role}), unit="", password=PASSWORD
        )
        create_user(talenta, new, admin)
    api = create_api(Context.of(talenta), web=WebSettings(secret="c" * 64))
    try:
        with served(api) as url:
            yield url
    finally:
        talenta.close()


@pytest.fixture(scope="module")
def cycle_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cycle]:
    path = tmp_path_factory.mktemp("cycle") / "talenta.sqlite"
    talenta = Talenta(StoreConfig(f"sqlite:///{path}"))
    plan_id = seeded(talenta)
    with serving(talenta) as url:
        yield Cycle(Site(url, talenta), plan_id)


def seeded_balikpapan(app: Talenta) -> UUID:
    """Boxes 9 and 8 nominated by the talent team, its group decreed by the PPK (P16-17), and
    only box 8 ordered as the successor."""
    agency, start = "kota-balikpapan", TODAY - timedelta(days=100)
    people = {RINA: PEOPLE[RINA], DEDI: PEOPLE[DEDI]}
    enrolled(app, agency, people, start)
    for nip, (_, box) in people.items():
        assess(app, agency, nip, box, start + timedelta(days=10))
    plan_id = declared(app, agency, start + timedelta(days=20))
    nominated_in_group(app, plan_id, (RINA, DEDI), start + timedelta(days=25))
    only = Successor(nip=DEDI, projected_position=POSITION, projected_date=TODAY)
    ordered = OrderSuccessors(
        plan_id=plan_id, ordered_on=start + timedelta(days=26), successors=(only,)
    )
    order_successors(app, ordered, actor(agency, Role.PPK))
    return plan_id


@pytest.fixture(scope="module")
def balikpapan_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cycle]:
    path = tmp_path_factory.mktemp("balikpapan") / "talenta.sqlite"
    talenta = Talenta(StoreConfig(f"sqlite:///{path}"))
    plan_id = seeded_balikpapan(talenta)
    with serving(talenta) as url:
        yield Cycle(Site(url, talenta), plan_id)


def shot(page: Any, folder: Path, name: str) -> None:
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def test_a_binjai_cycle_is_placed_monitored_developed_and_awarded_in_the_browser(
    cycle_site: Cycle, browser: Any, tmp_path: Path
) -> None:
    site, plan = cycle_site.site, cycle_site.plan_id
    cycle = pack_for(AGENCY).cycle
    assert cycle is not None
    target = f"{site.url}/placement/{plan}"

    # The caseworker sees the plan but is offered no placement: the PPK decrees it (P31-32).
    clerk = browser.new_page()
    sign_in(clerk, site, "kasubid")
    clerk.goto(f"{site.url}/placement")
    check(clerk)
    assert clerk.locator("table.plans tbody tr").count() == 1
    clerk.click(f"a[href='/placement/{plan}']")
    assert clerk.locator("#step-place_talent").count() == 0
    orders = clerk.locator("table.successors tbody tr td:nth-child(3)").all_inner_texts()
    assert orders == ["Rina Marpaung", "Dedi Siregar"]
    assert "dapat dipertimbangkan" in clerk.locator("main").inner_text(), "Binjai P31(3)"

    mayor = browser.new_page()
    sign_in(mayor, site, "walikota-binjai")
    mayor.goto(target)
    check(mayor)
    # An inauguration before its decree is refused beside the form; nothing is written.
    step(mayor, "place_talent", nip=RINA, decree_number="821.2/45/2025",
         decree_date=str(DECREE), inaugurated_on=str(DECREE - timedelta(days=1)))  # fmt: skip
    refused = refusal_in(mayor, "step-place_talent")
    assert refused.count() == 1
    assert refused.get_attribute("data-code") == "inaugurated-before-decree"
    assert refused.locator("cite").inner_text() == cycle.placement_citation
    assert placement_id(plan, RINA) not in site.app.repository
    (recorded,) = [r for r in refusals(site) if r.command == "place_talent"]
    assert (recorded.via, recorded.actor["id"], recorded.status) == ("web", "walikota-binjai", 422)
    shot(mayor, tmp_path, "placement_refused")
    step(mayor, "place_talent", nip=RINA, decree_number="821.2/45/2025",
         decree_date=str(DECREE), inaugurated_on=str(INAUGURATED))  # fmt: skip
    assert mayor.locator("#step-place_talent").count() == 0, "the target is filled"
    assert "Rina Marpaung" in mayor.locator("#placed + dl").inner_text()
    assert placement_id(plan, RINA) in site.app.repository
    shot(mayor, tmp_path, "placement")
    placed = mayor.request.get(f"{site.url}/placement?format=csv")
    assert placed.headers["content-type"].startswith("text/csv")
    (row,) = csv.DictReader(io.StringIO(placed.text()))
    assert (row["nip"], row["decree_number"], row["critical"]) == (RINA, "821.2/45/2025", "true")

    # The placement into a critical position is monitored; its first check-in is late.
    clerk.goto(f"{site.url}/monitoring")
    check(clerk)
    first = clerk.locator("table.check-ins tbody tr")
    assert first.count() == 1
    assert first.get_attribute("data-overdue") == "true"
    assert str(add_years(INAUGURATED, 1)) in first.inner_text()
    assert "terlambat" in first.inner_text()
    shot(clerk, tmp_path, "monitoring_due")
    first.locator("textarea[name=notes]").fill("Kinerja tahun pertama sesuai target RPJMD")
    first.locator("button[type=submit]").click()
    assert clerk.locator(".done").count() == 1
    assert clerk.locator("table.check-ins").count() == 0, "nothing else due in 90 days"
    shot(clerk, tmp_path, "monitoring")
    # The PPK is offered the evaluation, not the check-in.
    mayor.goto(f"{site.url}/monitoring?days=1200")
    assert mayor.locator("form[action$='/record_check_in']").count() == 0
    assert mayor.locator("form[action$='/evaluate_monitoring']").count() == 1

    # Development: the list runs from the highest box down (P24(5)); the Sekolah Kader is
    # judged requirement by requirement, the institution's test still pending refusing it.
    clerk.goto(f"{site.url}/development")
    check(clerk)
    boxes = clerk.locator("table.priority tbody tr").evaluate_all(
        "rows => rows.map(r => r.dataset.box)"
    )
    assert boxes == ["9", "8", "6", "5"]
    exported = list(csv.DictReader(io.StringIO(clerk.request.get(
        f"{site.url}/development?format=csv").text())))  # fmt: skip
    assert [(row["nip"], row["box"]) for row in exported] == [
        (RINA, "9"), (DEDI, "8"), (YUSUF, "6"), (MAYA, "5")
    ]  # fmt: skip
    step(clerk, "enrol", nip=DEDI, programme="sekolah-kader", effective=str(TODAY))
    refused = refusal_in(clerk, "step-enrol")
    assert refused.get_attribute("data-code") == "sekolah-kader-ineligible"
    assert refused.locator("cite").inner_text() == "binjai-2023:P25(3)"
    outcomes = dict(
        clerk.locator("table.requirements tbody tr").evaluate_all(
            "rows => rows.map(r => [r.dataset.code, r.dataset.outcome])"
        )
    )
    assert outcomes == {
        "prospective-administrator": "met",
        "assessment-centre": "met",
        "succession-box": "met",
        "supervisor-experience": "met",
        "sekolah-kader-requirements": "met",
        "institution-test": "pending",
    }
    assert "D1" in clerk.locator("section[aria-labelledby=sekolah-kader]").inner_text()
    shot(clerk, tmp_path, "sekolah_kader_refused")
    step(clerk, "enrol", nip=DEDI, programme="sekolah-kader", institution_test="passed",
         effective=str(TODAY))  # fmt: skip
    assert clerk.locator("#step-enrol .done").count() == 1
    assert clerk.locator("p.verdict").get_attribute("data-eligible") == "True"
    dedi = clerk.locator(f"table.priority tbody tr:has-text('{DEDI}')")
    assert "Sekolah Kader" in dedi.inner_text()
    assert clerk.locator("#step-counsel").count() == 0, "counselling is the assessors'"
    shot(clerk, tmp_path, "development")
    assessor = browser.new_page()
    sign_in(assessor, site, "asesor-binjai")
    assessor.goto(f"{site.url}/development")
    options = assessor.locator("#counsel-nip option").evaluate_all("os => os.map(o => o.value)")
    assert options == [YUSUF], "counselling for boxes 3 and 6 (P27(2))"
    assert assessor.locator("#step-enrol").count() == 0
    assessor.close()

    # Awards: a pin for box 8 is refused with its article; box 9's holds for 2 years.
    mayor.goto(f"{site.url}/retention")
    check(mayor)
    decreed = TODAY - timedelta(days=30)
    step(mayor, "award", nip=DEDI, kind="pin", decree_number="800/90/2026",
         decree_date=str(decreed))  # fmt: skip
    refused = refusal_in(mayor, "step-award")
    assert refused.get_attribute("data-code") == "pin-box-9-only"
    assert refused.locator("cite").inner_text() == cycle.pin_citation
    step(mayor, "award", nip=RINA, kind="pin", decree_number="800/91/2026",
         decree_date=str(decreed))  # fmt: skip
    pin = mayor.locator("table.awards tbody tr[data-kind=pin]")
    assert pin.count() == 1
    assert str(add_years(decreed, 2)) in pin.inner_text()
    shot(mayor, tmp_path, "retention")
    mayor.close()
    # Rotation, enrichment and enlargement are the caseworker's or the talent team's (P28).
    clerk.goto(f"{site.url}/retention")
    assert clerk.locator("#step-award").count() == 0
    step(clerk, "record_retention", nip=DEDI, kind="rotation",
         detail="Dari Bidang Perencanaan ke Bidang Anggaran")  # fmt: skip
    assert clerk.locator("#step-record_retention .done").count() == 1
    measures = clerk.locator(f"table.members tbody tr:has-text('{DEDI}') td").last
    assert measures.inner_text().startswith("Rotasi: Dari Bidang Perencanaan ke Bidang Anggaran")

    # The expiry timeline draws the pin from its decree to its expiry, today marked.
    clerk.goto(f"{site.url}/expiry")
    check(clerk)
    bars = clerk.locator("svg.timeline g.bar[data-kind=pin]")
    assert bars.count() == 1
    assert bars.first.get_attribute("data-ended") == "false"
    assert "Rina Marpaung" in bars.first.text_content()
    assert clerk.locator("svg.timeline line.today").count() == 1
    assert str(add_years(decreed, 2)) in clerk.locator("table.spans").inner_text()
    shot(clerk, tmp_path, "expiry")
    # The yearly programme evaluation (P34(2)): this year's figures so far, on request.
    clerk.goto(f"{site.url}/monitoring")
    clerk.click("a[href*='figures=true']")
    year = clerk.locator(f"table.programme tr[data-year='{TODAY.year}'] td")
    figures = year.all_inner_texts()[2:]
    assert len(figures) == 4 and all(cell.isdigit() for cell in figures), figures
    clerk.close()

    # Every page of the cycle fits a phone; its wide tables scroll on their own.
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    sign_in(phone, site, "walikota-binjai")
    fits = "() => document.documentElement.scrollWidth <= window.innerWidth"
    for path in ("/development", "/retention", "/placement", target[len(site.url) :],
                 "/monitoring?days=1200", "/expiry"):  # fmt: skip
        phone.goto(f"{site.url}{path}")
        assert phone.evaluate(fits), path
    shot(phone, tmp_path, "expiry_phone")
    phone.close()

    # Another agency's user is refused the plan and offered no talent cycle of its own.
    stranger = browser.new_page()
    sign_in(stranger, site, "siti-madiun")
    answer = stranger.goto(target)
    assert answer is not None and answer.status == 403
    assert stranger.locator(".refusal").get_attribute("data-code") == "other-agency"
    assert POSITION not in stranger.locator("main").inner_text()
    assert stranger.locator("a[href='/placement']").count() == 0
    stranger.close()


def test_box_9_is_placed_directly_in_balikpapan_outside_the_successors(
    balikpapan_site: Cycle, browser: Any, tmp_path: Path
) -> None:
    site, plan = balikpapan_site.site, balikpapan_site.plan_id
    cycle = pack_for("kota-balikpapan").cycle
    assert cycle is not None
    mayor = browser.new_page()
    sign_in(mayor, site, "walikota-balikpapan")
    mayor.goto(f"{site.url}/placement/{plan}")
    check(mayor)
    assert "secara langsung" in mayor.locator("main").inner_text(), "Balikpapan P23(3)"
    offered = mayor.locator("#place-nip option").evaluate_all("os => os.map(o => o.value)")
    assert offered == [DEDI, RINA], "the successor, then box 9 outside the order"
    step(mayor, "place_talent", nip=RINA, decree_number="821/7/BKPSDM",
         decree_date=str(TODAY), inaugurated_on=str(TODAY))  # fmt: skip
    assert placement_id(plan, RINA) in site.app.repository
    mayor.goto(f"{site.url}/placement")
    placed = mayor.locator("table.placements tbody tr")
    assert placed.count() == 1
    assert "ditempatkan langsung" in placed.inner_text()
    shot(mayor, tmp_path, "placement_direct")
    mayor.close()
