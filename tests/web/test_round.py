"""A Madiun round of several candidates run in the browser by its roles, from opening to the pool
decree (madiun-2021 P11-20); a refusal shown beside its form with its citation and nothing
written; a user of another agency refused; the round board's structure kept as a picture."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any
from uuid import UUID

from domain.access import Refusal
from tests.web.conftest import Site
from tests.web.test_signin import sign_in

BUDI, SITI, ANDI = "197503122000031004", "198307252006042011", "196911201992031005"
HERE = Path(__file__).parent
STRUCTURE = HERE / "round_board.structure.json"
POOL_STRUCTURE = HERE / "pool.structure.json"


def step(page: Any, name: str, **fields: Any) -> None:
    form = page.locator(f"#step-{name}")
    for field, value in fields.items():
        target = form.locator(f"[name={field}]")
        if field == "documents":
            target.set_input_files(value)
        elif target.evaluate("e => e.tagName") == "SELECT":
            target.select_option(value)
        elif value == "on":
            target.check()
        else:
            target.fill(value)
    form.locator("button[type=submit]").click()


def refusal_in(page: Any, form: str) -> Any:
    return page.locator(f"#{form} .refusal")


def candidates(page: Any) -> dict[str, str]:
    rows = page.locator("table.board tbody tr")
    return {
        rows.nth(i).locator("td").nth(0).inner_text(): rows.nth(i).get_attribute("data-stage")
        for i in range(rows.count())
    }


def structure(page: Any) -> dict[str, Any]:
    return {
        "h1": page.locator("h1").count(),
        "h2": page.locator("main h2").all_inner_texts(),
        "board_columns": page.locator("table.board thead th").all_inner_texts(),
    }


def pool_structure(page: Any) -> dict[str, Any]:
    return {
        "h1": page.locator("h1").all_inner_texts(),
        "h2": page.locator("main h2").all_inner_texts(),
        "columns": page.locator("table.pool thead th").all_inner_texts(),
        "filters": page.locator("form.filters label").all_inner_texts(),
    }


def open_round(page: Any, site: Site) -> str:
    page.goto(f"{site.url}/rounds")
    page.fill("#name", "Talent Scouting Administrator 2025")
    page.select_option("#level", "administrator")
    for field, day in {
        "announcement": "2025-02-03",
        "registration_opens": "2025-02-05",
        "registration_closes": "2025-02-28",
        "potential_assessment": "2025-03-10",
        "technical_assessment": "2025-03-24",
        "result": "2025-04-07",
    }.items():
        page.fill(f"#{field}", day)
    page.fill("#requirements", "Pasal 10 ayat (1)")
    page.fill("#timing_and_procedure", "berkas ke Sekretariat atau website BKPSDM")
    page.fill("#stages", "enam tahap")
    page.fill("#other", "-")
    page.click("form[action='/rounds'] button[type=submit]")
    assert page.locator("h1").inner_text() == "Talent Scouting Administrator 2025"
    return str(page.url)


def test_a_round_runs_in_the_browser_from_opening_to_the_pool_decree(
    site: Site, browser: Any, tmp_path: Path
) -> None:
    clerk = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(clerk, site, "siti")
    board = open_round(clerk, site)
    step(clerk, "publish_round", circular_number="800/017/401.103/2025",
         website="https://bkpsdm.madiunkota.go.id", effective="2025-02-03")  # fmt: skip
    letter = tmp_path / "surat-lamaran.pdf"
    letter.write_bytes(b"%PDF-1.4 surat lamaran Budi")
    for nip, channel in ((BUDI, "direct"), (SITI, "direct"), (ANDI, "web")):
        documents = str(letter) if nip == BUDI else []
        step(clerk, "register_candidate", nip=nip, channel=channel, documents=documents,
             effective="2025-02-10")  # fmt: skip
        assert refusal_in(clerk, "step-register_candidate").count() == 0
    assert candidates(clerk) == {
        BUDI: "registered", SITI: "registered", ANDI: "pending-verification"
    }  # fmt: skip
    pinned = site.app.repository.get(_round_id(board)).candidates[BUDI].documents
    assert [(d.name, d.sha256) for d in pinned] == [
        ("surat-lamaran.pdf", hashlib.sha256(letter.read_bytes()).hexdigest())
    ]
    # Each registrant's head of unit recommends them (P13(2)), offered only their own unit's.
    for head_of_unit, nip in (("kabag", BUDI), ("kaban", SITI), ("kadis", ANDI)):
        head = browser.new_page()
        sign_in(head, site, head_of_unit)
        head.goto(board)
        assert [f.get_attribute("id") for f in head.locator("form.step").all()] == [
            "step-recommend_candidate"
        ]
        choices = head.locator("#step-recommend_candidate select option")
        assert [o.get_attribute("value") for o in choices.all()] == [nip]
        step(head, "recommend_candidate", nip=nip, effective="2025-02-12")
        assert refusal_in(head, "step-recommend_candidate").count() == 0
        assert "direkomendasikan" in head.locator(f"tr:has-text('{nip}')").inner_text()
        head.close()
    clerk.goto(board)
    step(clerk, "verify_documents", nip=ANDI, effective="2025-02-13")  # P13(3)
    assert refusal_in(clerk, "step-verify_documents").count() == 0
    assert candidates(clerk)[ANDI] == "registered"
    step(clerk, "close_registration", closed_on="2025-02-28", effective="2025-03-01")
    # Registering after the close is refused beside the form, with its article; nothing written.
    version = site.app.repository.get(_round_id(board)).version
    step(clerk, "register_candidate", nip="199005082015032002", channel="direct",
         effective="2025-03-02")  # fmt: skip
    refused = refusal_in(clerk, "step-register_candidate")
    assert refused.count() == 1
    in_view = (
        "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }"
    )
    assert refused.evaluate(in_view), "the page opens at the refusal, beside its form"
    assert refused.locator("cite").inner_text().startswith("madiun-2021:P")
    assert refused.locator("details p").get_attribute("lang") == "en"
    assert site.app.repository.get(_round_id(board)).version == version
    (recorded,) = [r for r in refusals(site) if r.command == "register_candidate"]
    assert (recorded.via, recorded.actor["id"], recorded.status) == ("web", "siti", 422)
    assert recorded.citation == refused.locator("cite").inner_text()
    assert len(candidates(clerk)) == 3
    # The language switch from the refused form's answer returns to the board.
    clerk.click("a.lang")
    assert clerk.locator("#board").inner_text() == "Round board"
    clerk.click("a.lang")
    assert clerk.locator("#board").inner_text() == "Papan putaran"

    step(clerk, "select_administratively", nip="*", documents_complete="on",
         effective="2025-03-03")  # fmt: skip
    assert candidates(clerk) == {
        BUDI: "administrative-passed",
        SITI: "administrative-failed",
        ANDI: "administrative-failed",
    }
    step(clerk, "announce_administrative_results", effective="2025-03-04")

    # The clerk is offered no score table: the assessors score (P15, P16(3)).
    assert clerk.locator("#scores-potential").count() == 0
    assessor = browser.new_page()
    sign_in(assessor, site, "asesor")
    assessor.goto(board)
    table = assessor.locator("#scores-potential")
    assert table.locator("tbody tr").count() == 1, "only who passed the selection is scored"
    table.locator("tbody input").fill("85")
    table.locator("[name=effective]").fill("2025-03-10")
    table.locator("button[type=submit]").click()
    assert assessor.locator("#scores-potential .done").count() == 1
    assert assessor.locator("#sheet-technical").count() == 0, "the written test is not theirs"
    assessor.close()
    # The external assessor uploads a sheet: the good row is recorded, the bad one reported.
    examiner = browser.new_page()
    sign_in(examiner, site, "penguji")
    examiner.goto(board)
    sheet = tmp_path / "teknis.csv"
    sheet.write_text(f"nip;nilai\n{BUDI};82,5\n{SITI};90\n")
    upload = examiner.locator("#sheet-technical")
    upload.locator("[name=sheet]").set_input_files(str(sheet))
    upload.locator("[name=effective]").fill("2025-03-24")
    upload.locator("button[type=submit]").click()
    upload = examiner.locator("#sheet-technical")
    assert upload.locator(".recorded").inner_text().endswith(": 1")
    assert upload.locator(".refusal").count() == 1
    assert upload.locator(".refusal cite").inner_text().startswith("madiun-2021:")
    assert "3: " in upload.inner_text(), "the bad row is named by its line"
    examiner.close()

    clerk.goto(board)
    step(clerk, "finalise_round", effective="2025-04-07")
    assert candidates(clerk)[BUDI] == "passed"
    # The report to the mayor is the scouting team's (P19(4)): siti switches role.
    assert clerk.locator("#step-report_to_mayor").count() == 0
    clerk.select_option("#role-switch", "scouting-team")
    clerk.click("form[action='/role'] button")
    clerk.goto(board)
    step(clerk, "report_to_mayor", report_number="800/045/401.103/2025", effective="2025-04-08")
    assert clerk.locator("#step-report_to_mayor .done").count() == 1
    assert clerk.locator("#step-decree_pool").count() == 0

    mayor = browser.new_page()
    sign_in(mayor, site, "walikota")
    mayor.goto(board)
    assert [f.get_attribute("id") for f in mayor.locator("form.step").all()] == ["step-decree_pool"]
    step(mayor, "decree_pool", decree_number="188.45/112/401.012/2025", decree_date="2025-04-14")
    assert "188.45/112/401.012/2025" in mayor.locator("dl.facts").inner_text()

    mayor.goto(f"{site.url}/pool")
    mayor.screenshot(path=str(tmp_path / "pool.png"), full_page=True)
    assert pool_structure(mayor) == json.loads(POOL_STRUCTURE.read_text())
    mayor.goto(f"{site.url}/pool?level=administrator")
    rows = mayor.locator("table.pool tbody tr")
    assert rows.count() == 1
    assert rows.first.locator("td").all_inner_texts()[::2] == [
        BUDI, "188.45/112/401.012/2025", "2028-04-14"
    ]  # fmt: skip
    mayor.goto(f"{site.url}/pool?level=administrator&on=2025-04-13")
    assert mayor.locator("table.pool").count() == 0, "the day before the decree: empty"
    mayor.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    mayor.click("button[data-print]")
    assert mayor.evaluate("() => window.printed") == 1, "the print button prints"
    # The entry on the expiry timeline: from its decree to its third anniversary (P22(1)).
    mayor.goto(f"{site.url}/expiry")
    assert mayor.locator("svg.timeline g.bar[data-kind=pool]").count() == 1
    assert "2025-04-14" in mayor.locator("table.spans").inner_text()
    assert "2028-04-14" in mayor.locator("table.spans").inner_text()
    mayor.close()

    clerk.goto(board)
    # The funnel: three registered, one through selection, both assessments, the pass and the pool.
    funnel = clerk.locator("svg.funnel g.step").all()
    assert [(g.get_attribute("data-step"), g.get_attribute("data-count")) for g in funnel] == [
        ("registered", "3"), ("selected", "1"), ("assessed", "1"), ("passed", "1"), ("pool", "1")
    ]  # fmt: skip
    clerk.screenshot(path=str(tmp_path / "round_board.png"), full_page=True)
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    sign_in(phone, site, "siti")
    phone.goto(board)
    phone.screenshot(path=str(tmp_path / "round_board_phone.png"), full_page=True)
    assert structure(phone) == json.loads(STRUCTURE.read_text())
    phone.close()
    assert structure(clerk) == json.loads(STRUCTURE.read_text())
    clerk.close()


def test_a_user_of_another_agency_is_refused(site: Site, browser: Any) -> None:
    clerk = browser.new_page()
    sign_in(clerk, site, "siti")
    board = open_round_if_none(clerk, site)
    clerk.close()
    stranger = browser.new_page()
    sign_in(stranger, site, "tamu")
    answer = stranger.goto(board)
    assert answer is not None and answer.status == 403
    assert stranger.locator(".refusal").get_attribute("data-code") == "other-agency"
    stranger.close()


def open_round_if_none(page: Any, site: Site) -> str:
    page.goto(f"{site.url}/rounds")
    listed = page.locator("main table a")
    if listed.count():
        return f"{site.url}{listed.first.get_attribute('href')}"
    return open_round(page, site)


def refusals(site: Site) -> list[Refusal.Refused]:
    notifications = site.app.recorder.select_notifications(start=1, limit=100_000)
    events = (site.app.mapper.to_domain_event(n) for n in notifications)
    return [event for event in events if isinstance(event, Refusal.Refused)]


def _round_id(board: str) -> UUID:
    return UUID(board.rstrip("/").rsplit("/", 1)[1])
