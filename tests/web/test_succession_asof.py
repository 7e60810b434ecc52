"""The succession group and a succession plan read in the browser as they were recorded at a past
moment (binjai-2023 P21-22): before the PPK's decree the period's group is not decreed and the
target not declared; between two nominations the plan holds only the first; the end of today
shows everything. A past view offers no step, the language switch keeps its moment, a role that
does not read the auditors' answers is offered no picker and refused the address, and a
malformed date is refused."""

from __future__ import annotations

import time
from datetime import date, datetime
from pathlib import Path
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest

from domain.agencies import get_agency
from domain.envelope import Actor, Envelope, Role
from domain.personnel.aggregate import Employee
from domain.rules.ninebox import Performance, Potential
from domain.talent.succession_values import TargetStatus
from domain.values import PositionLevel
from services.accounts import NewUser, create_user
from services.talent.mapping import AssessEmployee, assess_employee
from services.talent.succession import (
    DeclareTarget,
    Nominate,
    SetGroup,
    declare_target,
    nominate,
    set_group,
)
from tests.unit.rules_builders import facts, nip_for, spell
from tests.web.conftest import PASSWORD, Site
from tests.web.test_accessibility import check
from tests.web.test_signin import sign_in

AGENCY = "kota-binjai"
UNIT = "Badan Perencanaan Pembangunan Daerah"
POSITION = "Sekretaris Bappeda"
A, B = (nip_for(date(1978, month, 9)) for month in (7, 8))
NAMES = {A: "Ayu Lestari", B: "Bambang Sitepu"}


def _now() -> datetime:
    """Now on the agency's clock, to the second, strictly between what was recorded before and
    what is recorded after."""
    time.sleep(1.1)
    moment = datetime.now(ZoneInfo(get_agency(AGENCY).time_zone)).replace(microsecond=0)
    time.sleep(1.1)
    return moment


@pytest.fixture(scope="module")
def moments(site: Site) -> tuple[UUID, datetime, datetime]:
    """Two Binjai supervisors in boxes 9 and 8; then the group decreed with both, a target
    declared and A nominated; then B nominated. The plan's id and the moments before the decree
    and between the nominations."""
    admin = Actor(id="admin", role=Role.ADMINISTRATOR, agency=AGENCY)
    for username, role, unit in (
        ("ppk-binjai", Role.PPK, ""),
        ("kabid-binjai", Role.HEAD_OF_UNIT, UNIT),
    ):
        new = NewUser(
            username=username, agency=AGENCY, roles=frozenset({role}), unit=unit, password=PASSWORD
        )
        create_user(site.app, new, admin)
    stamp = Envelope(actor=admin, effective=date(2025, 1, 2))
    people = [
        facts(
            nip=nip,
            name=name,
            agency=AGENCY,
            unit=UNIT,
            positions=(spell(PositionLevel.SUPERVISOR, date(2018, 1, 2)),),
        )
        for nip, name in NAMES.items()
    ]
    site.app.save(*(Employee.enrol(each, stamp) for each in people))
    assessor = Actor(id="asesor", role=Role.ASSESSOR, agency=AGENCY)
    for nip, performance in ((A, Performance.ABOVE), (B, Performance.MEETS)):
        assessed = AssessEmployee(
            agency=AGENCY,
            nip=nip,
            period="2025",
            assessed_on=date(2025, 3, 10),
            performance=performance,
            potential=Potential.HIGH,
            evidence={"assessment_centre": {"result": "4,2"}},
        )
        assess_employee(site.app, assessed, assessor)
    before_decree = _now()
    ppk = Actor(id="ppk-binjai", role=Role.PPK, agency=AGENCY)
    decreed = SetGroup(
        agency=AGENCY,
        period="2025",
        nips=(A, B),
        decree_number="800/3/2025",
        decree_date=date(2025, 4, 8),
    )
    set_group(site.app, decreed, ppk)
    target = DeclareTarget(
        agency=AGENCY,
        position=POSITION,
        unit=UNIT,
        level=PositionLevel.ADMINISTRATOR,
        status=TargetStatus.TO_BE_VACANT,
        declared_on=date(2025, 4, 2),
    )
    plan = declare_target(site.app, target, Actor(id="tim", role=Role.TALENT_TEAM, agency=AGENCY))
    for nip in (A, B):
        named = Nominate(
            plan_id=plan, nip=nip, nominated_on=date(2025, 4, 9), justification="kotak 8-9"
        )
        nominate(site.app, named, ppk)
        if nip == A:
            between = _now()
    return plan, before_decree, between


def read_as_of(page: Any, moment: datetime | None) -> None:
    """The page's picker set to ``moment`` (None: the end of today) and shown."""
    day = moment or datetime.now(ZoneInfo(get_agency(AGENCY).time_zone))
    page.fill("#as-of #on", day.strftime("%Y-%m-%d"))
    page.fill("#as-of #time", moment.strftime("%H:%M:%S") if moment else "")
    page.locator("#as-of button[type=submit]").click()


def test_the_group_and_a_plan_read_as_recorded_at_a_past_moment(
    site: Site, browser: Any, moments: tuple[UUID, datetime, datetime], tmp_path: Path
) -> None:
    plan, before_decree, between = moments
    ppk = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(ppk, site, "ppk-binjai")
    ppk.goto(f"{site.url}/succession")
    assert ppk.locator("form.step").count() == 1, "today: the PPK's decree is offered"

    read_as_of(ppk, before_decree)
    shown = ppk.locator(".as-of time").get_attribute("datetime")
    assert shown is not None and datetime.fromisoformat(shown) == before_decree
    assert ppk.locator(".undecreed[data-period='2025']").count() == 1
    assert ppk.locator("div.group").count() == 0
    assert ppk.locator("table.targets").count() == 0, "the target was not declared yet"
    assert ppk.locator("form.step").count() == 0, "a past view offers no step"
    assert ppk.input_value("#as-of #time") == before_decree.strftime("%H:%M:%S")

    read_as_of(ppk, None)
    group = ppk.locator("div.group[data-period='2025']")
    assert group.locator(".decree").inner_text() == "800/3/2025"
    assert group.locator("tbody tr").count() == 2
    targets = ppk.locator("table.targets tbody tr")
    assert targets.count() == 1 and POSITION in targets.inner_text()
    check(ppk)
    ppk.screenshot(path=str(tmp_path / "succession_asof.png"), full_page=True)
    ppk.click("a.lang")
    assert ppk.locator(".as-of").inner_text().startswith("Shown as recorded at")
    assert ppk.locator("div.group").count() == 1, "the switch keeps the moment"
    ppk.click("a.lang")

    ppk.goto(f"{site.url}/succession/plans/{plan}")
    assert [f.get_attribute("id") for f in ppk.locator("form.step").all()] == [
        "step-nominate",
        "step-order_successors",
    ]
    read_as_of(ppk, between)
    nominated = ppk.locator("table.nominations tbody tr")
    assert nominated.count() == 1 and NAMES[A] in nominated.inner_text()
    assert ppk.locator("form.step").count() == 0
    ppk.screenshot(path=str(tmp_path / "plan_asof.png"), full_page=True)
    check(ppk)
    read_as_of(ppk, None)
    assert ppk.locator("table.nominations tbody tr").count() == 2
    read_as_of(ppk, before_decree)
    assert ppk.locator(".undeclared").count() == 1
    assert ppk.locator("table.nominations").count() == 0
    assert ppk.locator("h1").inner_text() == POSITION
    ppk.locator(".as-of a").click()
    assert ppk.locator("form.step").count() == 2, "back to the present, the steps again"

    answer = ppk.goto(f"{site.url}/succession?on=kemarin")
    assert answer.status == 422
    ppk.close()


def test_a_role_that_reads_no_audit_answers_is_offered_no_past_view(
    site: Site, browser: Any, moments: tuple[UUID, datetime, datetime]
) -> None:
    plan = moments[0]
    head = browser.new_page()
    sign_in(head, site, "kabid-binjai")
    for address in ("/succession", f"/succession/plans/{plan}"):
        head.goto(f"{site.url}{address}")
        assert head.locator("#as-of").count() == 0, address
        answer = head.goto(f"{site.url}{address}?on=2025-04-08")
        assert answer.status == 403, address
        assert head.locator(".refusal").get_attribute("data-code") == "forbidden"
    head.close()
