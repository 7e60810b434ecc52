"""Madiun end to end (issue 3) on PostgreSQL and a real Temporal dev server, through the HTTP API
with a token per role: a round of sixteen candidates covering every eligibility failure and every
score boundary, closed by its clock, through to the pool decree; a vacancy with three proposals,
a shortlist of three and the mayor's pick, and its audit answer; and a pool entry decreed three
years ago less a few seconds that expires during the test."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

import httpx
from fastapi.testclient import TestClient

from domain.envelope import Actor, Envelope, Role
from domain.personnel.aggregate import Employee
from domain.personnel.facts import EducationEntry, GradeSpell, IntegrityStatement, PersonnelFacts
from domain.rules.madiun_scoring import Category
from domain.scouting.pool import PoolMembership, membership_id
from domain.scouting.round import ScoutingRound, round_id
from domain.values import (
    Appraisal,
    AppraisalRating,
    EducationLevel,
    Grade,
    Investigation,
    PositionLevel,
)
from infra.temporal import TemporalEnv
from services.api import create_api
from services.api.commands import route_name
from services.api.context import Context
from services.api.scouting import COMMANDS
from services.application import Talenta
from services.auth import token_store
from services.scouting.pool import PoolDecree, decree_entries
from services.settings import Settings
from tests.e2e.support import WIB, three_years_before, wait_until
from tests.unit.rules_builders import facts, spell
from workflows.scouting_clocks import HANDLERS, rules
from workflows.worker import running_clocks

RULES = rules(Settings())  # the default lead times
AGENCY = "kota-madiun"
# Clock workflow ids derive from domain ids: names and numbers of this run's own keep them apart
# from any other test's clocks on the session's dev server.
RUN = uuid4().hex[:6]
ROUND_NAME = f"Talent Scouting Administrator 2024 ({RUN})"
LEVEL = PositionLevel.ADMINISTRATOR
SCHEDULE = {
    "announcement": "2024-02-01",
    "registration_opens": "2024-02-05",
    "registration_closes": "2024-03-15",  # long past: the round's clock closes it at once
    "potential_assessment": "2024-04-01",
    "technical_assessment": "2024-04-22",
    "result": "2024-05-06",
}
ANNOUNCEMENT = {
    "requirements": "Pasal 10 ayat (1) dan Pasal 30 ayat (3)",
    "timing_and_procedure": "5 Februari - 15 Maret 2024, berkas ke Sekretariat atau website BKPSDM",
    "stages": "enam tahapan Pasal 11",
    "other": "biaya dibebankan pada APBD",
}
DOCUMENTS = [{"name": "berkas.pdf", "sha256": "c" * 64}]
# Who acts in each role; each gets a token of its own.
PEOPLE = {
    Role.CASEWORKER: "siti.bkpsdm",
    Role.HEAD_OF_UNIT: "kepala.setda",
    Role.ASSESSOR: "asesor.potensi",
    Role.EXTERNAL_ASSESSOR: "penguji.luar",
    Role.SCOUTING_TEAM: "ketua.tim",
    Role.PPK: "walikota",
    Role.TPK_MEMBER: "sekda",
    Role.AUDITOR: "inspektorat",
}
# The head of unit's token carries the unit holding the vacancy (madiun-2021:P24 angka 1).
UNITS = {Role.HEAD_OF_UNIT: "Sekretariat Daerah"}
CASEWORKER, HEAD, ASSESSOR, EXTERNAL = (
    Role.CASEWORKER,
    Role.HEAD_OF_UNIT,
    Role.ASSESSOR,
    Role.EXTERNAL_ASSESSOR,
)
TEAM, MAYOR, TPK, AUDITOR = Role.SCOUTING_TEAM, Role.PPK, Role.TPK_MEMBER, Role.AUDITOR


def nip(sequence: int, born: date = date(1975, 6, 1)) -> str:
    return f"{born:%Y%m%d}{born.year + 25}011{sequence:03d}"


# Potential and technical scores at each boundary of P15 and P19.
SCORED = {
    nip(1): ("67.99", None),  # KMS at the potential assessment: stops (P15(4))
    nip(2): ("68", "67.98"),  # final 67.99: fails (P19(3))
    nip(3): ("68", "68"),  # final 68: passes, MMS
    nip(4): ("79.99", "79.99"),  # final 79.99: MMS
    nip(5): ("80", "80"),  # final 80: MS (P18(2))
}
KMS, FAILING, PASS_MARK, HIGH_MMS, MS = SCORED
WEB, INCOMPLETE = nip(6), nip(7)  # WEB registers online; INCOMPLETE's documents are not
WEB_SCORES = ("80.5", "55.5")  # final 68: passes
# One failed requirement each (P10(1), P30(3)), keyed by the requirement's code.
INELIGIBLE: dict[str, tuple[str, dict[str, Any]]] = {
    "status": (nip(11), {"active": False}),
    "experience": (nip(12), {"positions": (spell(PositionLevel.EXECUTOR, date(2005, 1, 1)),)}),
    "education": (nip(13), {"education": (EducationEntry(level=EducationLevel.D3, year=1996),)}),
    "grade": (nip(14), {"grades": (GradeSpell(grade=Grade("III/c"), start=date(2019, 4, 1)),)}),
    "appraisals": (
        nip(15),
        {
            "appraisals": (
                Appraisal(year=2022, rating=AppraisalRating.BAIK),
                Appraisal(year=2023, rating=AppraisalRating.BUTUH_PERBAIKAN),
            )
        },
    ),
    "discipline": (nip(16), {"investigations": (Investigation(opened=date(2024, 1, 8)),)}),
    "health": (nip(17), {"health_certificate": None}),
    "integrity": (
        nip(18),
        {
            "integrity_statement": IntegrityStatement(
                signed=date(2024, 3, 1), acknowledged_by_head_of_unit=False
            )
        },
    ),
    "age": (nip(19, born=date(1966, 3, 1)), {}),
}
FAILS = {each: code for code, (each, _) in INELIGIBLE.items()}
CANDIDATES = [*SCORED, WEB, INCOMPLETE, *FAILS]
EXPIRING = nip(21)  # in the pool by a decree three years ago less a few seconds
OUTSIDER = nip(22)  # never in the pool
EXPIRING_DECREE = f"800/31/{RUN}/2023"
POOL_DECREE = (f"800/55/{RUN}/2024", "2024-05-20")  # the pool holds until 2027-05-20
BOARD = [
    {"name": "Sekretaris Daerah", "office": "sekda"},
    {"name": "Kepala BKPSDM", "office": "kepala-bkpsdm"},
    {"name": "Inspektur", "office": "inspektur"},
    {"name": "Asisten Pemerintahan", "office": "asisten-pemerintahan-kesra"},
    {"name": "Asisten Administrasi", "office": "asisten-administrasi-pembangunan-umum"},
]


def employees() -> list[PersonnelFacts]:
    plain = [facts(nip=each) for each in (*SCORED, WEB, INCOMPLETE, EXPIRING, OUTSIDER)]
    return plain + [facts(nip=each, **changes) for each, changes in INELIGIBLE.values()]


class Api:
    """The HTTP API as each role's person calls it; calls run in a thread, so the clocks on the
    test's event loop keep running meanwhile."""

    def __init__(self, app: Talenta) -> None:
        self.client = TestClient(create_api(Context.of(app)))
        tokens = token_store(app)
        self.secrets = {
            role: tokens.create_token(person, AGENCY, {role}, unit=UNITS.get(role, ""))[1]
            for role, person in PEOPLE.items()
        }

    def _headers(self, role: Role) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.secrets[role]}", "X-Talenta-Role": role}

    async def post(self, role: Role, route: str, body: dict[str, Any]) -> httpx.Response:
        return await asyncio.to_thread(
            self.client.post, f"/scouting/{route}", json=body, headers=self._headers(role)
        )

    async def do(self, role: Role, route: str, body: dict[str, Any]) -> Any:
        answer = await self.post(role, route, body)
        assert answer.status_code == 200, (route, answer.json())
        return answer.json()["result"]

    async def refused(
        self,
        role: Role,
        route: str,
        body: dict[str, Any],
        code: str,
        citation: str,
        status: int = 422,
    ) -> dict[str, Any]:
        answer = await self.post(role, route, body)
        refusal: dict[str, Any] = answer.json()
        assert answer.status_code == status, (route, refusal)
        assert (refusal["code"], refusal["citation"]) == (code, citation), refusal
        assert refusal["message"] and refusal["message_en"]
        return refusal

    async def get(self, path: str, params: dict[str, str] | None = None) -> Any:
        """Read models and the audit answer, as the auditor reads them."""
        answer = await asyncio.to_thread(
            self.client.get, path, params=params, headers=self._headers(AUDITOR)
        )
        assert answer.status_code == 200, (path, answer.json())
        return answer.json()

    async def board(self, round_id: str) -> dict[str, Any]:
        return dict(await self.get(f"/scouting/rounds/{round_id}"))

    async def stages(self, round_id: str) -> dict[str, list[str]]:
        board = await self.board(round_id)
        return {stage: [c["nip"] for c in rows] for stage, rows in board["stages"].items() if rows}

    async def pool(self, on: date | None = None) -> list[str]:
        params = {"agency": AGENCY, "level": str(LEVEL)}
        if on is not None:
            params["on"] = on.isoformat()
        return [row["nip"] for row in await self.get("/scouting/pool", params)]


def round_step(scouting: str, effective: str, **fields: Any) -> dict[str, Any]:
    return {"round_id": scouting, "effective": effective, **fields}


async def register_everyone(api: Api) -> str:
    """Opened, published and every candidate registered, before the clocks run."""
    scouting = await api.do(
        TEAM,
        "open-round",
        {
            "agency": AGENCY,
            "level": LEVEL,
            "name": ROUND_NAME,
            "schedule": SCHEDULE,
            "announcement": ANNOUNCEMENT,
            "effective": "2024-02-01",
            "reason": "kebutuhan organisasi (P5)",
        },
    )
    assert scouting == str(round_id(AGENCY, LEVEL, ROUND_NAME))
    publication = {
        "circular_number": "800/117/401.103/2024",
        "website": "https://bkpsdm.madiunkota.go.id/talent-scouting-2024",
    }
    await api.do(CASEWORKER, "publish-round", round_step(scouting, "2024-02-01", **publication))
    for each in CANDIDATES:
        registration = round_step(
            scouting,
            "2024-02-12",
            nip=each,
            channel="web" if each == WEB else "direct",
            documents=DOCUMENTS,
        )
        await api.do(CASEWORKER, "register-candidate", registration)
    again = round_step(scouting, "2024-02-13", nip=MS, channel="direct")
    # The step recorded already: a conflict, as if another caseworker had saved it meanwhile.
    await api.refused(
        CASEWORKER, "register-candidate", again, "already-registered", cite("P13(1)"), 409
    )
    unrecommended = round_step(scouting, "2024-02-13", nip=WEB)
    await api.refused(TEAM, "verify-documents", unrecommended, "not-recommended", cite("P13(2)"))
    for each in CANDIDATES:
        await api.do(HEAD, "recommend-candidate", round_step(scouting, "2024-02-13", nip=each))
    assert await api.stages(scouting) == {
        "pending-verification": [WEB],
        "registered": sorted(set(CANDIDATES) - {WEB}),
    }
    await api.do(TEAM, "verify-documents", round_step(scouting, "2024-02-14", nip=WEB))
    return str(scouting)


def cite(article: str) -> str:
    return f"madiun-2021:{article}"


async def select_and_assess(api: Api, scouting: str) -> None:
    for each in CANDIDATES:
        selection = round_step(
            scouting, "2024-03-18", nip=each, documents_complete=each != INCOMPLETE
        )
        await api.do(TEAM, "select-administratively", selection)
    await api.do(TEAM, "announce-administrative-results", round_step(scouting, "2024-03-20"))
    board = await api.board(scouting)
    assert board["administrative_results_announced"]
    failed = {c["nip"]: c["administrative"] for c in board["stages"]["administrative-failed"]}
    assert set(failed) == {*FAILS, INCOMPLETE}
    for each, code in FAILS.items():
        assert [f["code"] for f in failed[each]["failed"]] == [code], each
        assert all(f["citation"].startswith("madiun-2021:P") for f in failed[each]["failed"])
    assert [f["code"] for f in failed[INCOMPLETE]["failed"]] == ["documents-incomplete"]
    assert sorted(c["nip"] for c in board["stages"]["administrative-passed"]) == [*SCORED, WEB]

    for each, (potential, _) in {**SCORED, WEB: WEB_SCORES}.items():
        score = round_step(scouting, "2024-04-01", nip=each, score=potential)
        await api.do(ASSESSOR, "record-potential", score)
    ineligible = round_step(scouting, "2024-04-01", nip=nip(11), score="90")
    await api.refused(
        ASSESSOR, "record-potential", ineligible, "not-administratively-passed", cite("P14(4)")
    )
    stages = await api.stages(scouting)
    assert stages["stopped-at-potential"] == [KMS]
    assert stages["potential-assessed"] == sorted({*SCORED, WEB} - {KMS})
    for each, (_, technical) in {**SCORED, WEB: WEB_SCORES}.items():
        score = round_step(scouting, "2024-04-22", nip=each, score=technical or "90")
        if each == KMS:  # KMS stops the candidate: any later step is refused
            await api.refused(
                EXTERNAL, "record-technical", score, "stopped-at-potential", cite("P15(4)")
            )
        else:
            await api.do(EXTERNAL, "record-technical", score)
    assert (await api.stages(scouting))["technical-assessed"] == sorted({*SCORED, WEB} - {KMS})


async def finish(api: Api, scouting: str) -> None:
    passed = await api.do(TEAM, "finalise-round", round_step(scouting, "2024-05-06"))
    assert passed == [PASS_MARK, HIGH_MMS, MS, WEB]
    report = round_step(scouting, "2024-05-06", report_number="800/201/401.103/2024")
    await api.do(TEAM, "report-to-mayor", report)
    board = await api.board(scouting)
    assert board["finalised"] and board["report_number"] == "800/201/401.103/2024"
    rows = {c["nip"]: c for rows in board["stages"].values() for c in rows}
    finals = {n: (Decimal(r["final"]["score"]), r["final"]["category"], r["final"]["passed"])
              for n, r in rows.items() if r["final"]}  # fmt: skip
    assert finals == {
        FAILING: (Decimal("67.99"), Category.KMS, False),
        PASS_MARK: (Decimal("68"), Category.MMS, True),
        HIGH_MMS: (Decimal("79.99"), Category.MMS, True),
        MS: (Decimal("80"), Category.MS, True),
        WEB: (Decimal("68"), Category.MMS, True),
    }
    stopped = rows[KMS]["potential"]
    assert (Decimal(stopped["score"]), stopped["category"], stopped["proceeds"]) == (
        Decimal("67.99"),
        Category.KMS,
        False,
    )
    assert rows[MS]["recommended"] and rows[WEB]["verified"] and rows[WEB]["channel"] == "web"
    assert {stage: len(rows) for stage, rows in board["stages"].items() if rows} == {
        "administrative-failed": 10,
        "stopped-at-potential": 1,
        "passed": 4,
        "failed": 1,
    }

    number, day = POOL_DECREE
    decree = {"round_id": scouting, "decree_number": number, "decree_date": day}
    entries = await api.do(MAYOR, "decree-pool", decree)
    assert [(e["nip"], e["expires_on"]) for e in entries] == [
        (each, "2027-05-20") for each in sorted((PASS_MARK, HIGH_MMS, MS, WEB))
    ]


async def promote(api: Api) -> str:
    """A vacancy, three proposals by the head of unit, the board's shortlist, the mayor's pick
    of MS, the inauguration; refusals on the way."""
    opening = {
        "agency": AGENCY,
        "position": "Kepala Bagian Umum",
        "unit": "Sekretariat Daerah",
        "level": LEVEL,
        "opened_on": "2025-03-01",
    }
    vacancy = str(await api.do(CASEWORKER, "open-vacancy", opening))
    for each in (PASS_MARK, HIGH_MMS, MS):
        proposal = {"vacancy_id": vacancy, "nip": each, "proposed_on": "2025-03-10"}
        await api.do(HEAD, "propose-candidate", proposal)
    stranger = {"vacancy_id": vacancy, "nip": OUTSIDER, "proposed_on": "2025-03-10"}
    await api.refused(HEAD, "propose-candidate", stranger, "not-pool-member", cite("P23(2)"))
    listing = {
        "vacancy_id": vacancy,
        "tpk_decree": "188.45/20/401.012/2025",
        "members": BOARD,
        "minutes_number": "BA/12/2025",
        "minutes_date": "2025-04-02",
        "nips": [PASS_MARK, HIGH_MMS, MS],
    }
    incomplete = {**listing, "members": BOARD[:4]}
    await api.refused(TPK, "shortlist", incomplete, "tpk-quorum", cite("P8(2)"))
    await api.do(TPK, "shortlist", listing)
    choice = {
        "vacancy_id": vacancy,
        "nip": MS,
        "decree_number": "821.2/88/401.012/2025",
        "decree_date": "2025-04-10",
        "reason": "nilai tertinggi (MS)",
    }
    await api.refused(MAYOR, "pick", {**choice, "nip": WEB}, "not-shortlisted", cite("P24 angka 5"))
    await api.do(MAYOR, "pick", choice)
    await api.do(CASEWORKER, "inaugurate", {"vacancy_id": vacancy, "inaugurated_on": "2025-04-14"})

    row = await api.get(f"/scouting/vacancies/{vacancy}")
    assert (row["state"], row["inaugurated_on"]) == ("filled", "2025-04-14")
    assert [(p["nip"], p["by"]) for p in row["proposals"]] == [
        (each, PEOPLE[HEAD]) for each in (PASS_MARK, HIGH_MMS, MS)
    ]
    assert row["shortlist"]["nips"] == [PASS_MARK, HIGH_MMS, MS]
    assert row["shortlist"]["minutes_number"] == "BA/12/2025" and not row["shortlist"]["short"]
    assert (row["pick"]["nip"], row["pick"]["decree_number"]) == (MS, "821.2/88/401.012/2025")
    return vacancy


async def check_audit(api: Api, vacancy: str) -> None:
    audit = await api.get(f"/scouting/vacancies/{vacancy}/audit")
    assert (audit["agency"], audit["position"], audit["pack"]) == (
        AGENCY,
        "Kepala Bagian Umum",
        "madiun-2021",
    )
    assert audit["flags"] == []
    timeline = {event["what"]: event for event in audit["timeline"]}
    assert {"CandidateProposed", "Shortlisted", "Picked", "Inaugurated"} <= set(timeline)
    assert timeline["Shortlisted"]["evidence"]["minutes_number"] == "BA/12/2025"
    assert timeline["Picked"]["evidence"]["decree_number"] == "821.2/88/401.012/2025"
    assert timeline["Picked"]["actor"]["id"] == PEOPLE[MAYOR]
    assert cite("P24 angka 5") in timeline["Picked"]["citations"]
    trails = {trail["nip"]: trail for trail in audit["candidates"]}
    assert set(trails) == {PASS_MARK, HIGH_MMS, MS}
    picked = trails[MS]
    assert picked["picked"] and picked["shortlisted"] and picked["entry_valid_when_proposed"]
    assert picked["pool_entry"]["decree_number"] == POOL_DECREE[0]
    assert picked["pool_entry"]["used"]["inaugurated_on"] == "2025-04-14"
    assert picked["eligibility"] is not None
    deciding = {r["code"]: r["outcome"] for r in picked["eligibility"]["requirements"]
                if r["part_of"] is None}  # fmt: skip
    assert deciding == {code: "met" for code in INELIGIBLE}
    result = picked["result"]
    assert (Decimal(result["final"]), result["category"], result["passed"]) == (
        Decimal("80"),
        Category.MS,
        True,
    )
    steps = [event["what"] for event in picked["events"]]
    for expected in (
        "Registered",
        "Recommended",
        "AdministrativelySelected",
        "PotentialAssessed",
        "TechnicalAssessed",
        "ResultsFinalised",
        "EntryDecreed",
        "EntryUsed",
        "CandidateProposed",
    ):
        assert expected in steps, expected
    for event in picked["events"]:
        assert event["actor"]["id"] and event["actor"]["role"], event
        assert event["citations"] and all(c.startswith("madiun-2021:") for c in event["citations"])
    recommended = next(e for e in picked["events"] if e["what"] == "Recommended")
    assert recommended["actor"] == {
        "id": PEOPLE[HEAD],
        "role": HEAD,
        "agency": AGENCY,
        "unit": UNITS[HEAD],
    }
    chosen = next(e for e in picked["events"] if e["what"] == "Picked")
    assert chosen["reason"] == "nilai tertinggi (MS)"


def decree_expiring(app: Talenta, seconds: float) -> date:
    """EXPIRING's entry, decreed three years ago less ``seconds``; returns its expiry date."""
    effective_at = three_years_before(datetime.now(UTC) + timedelta(seconds=seconds))
    decree = PoolDecree(
        decree_number=EXPIRING_DECREE,
        decree_date=effective_at.astimezone(WIB).date(),
        effective_at=effective_at,
    )
    earlier = round_id(AGENCY, LEVEL, "Talent Scouting Administrator 2023")
    mayor = Actor(id=PEOPLE[MAYOR], role=Role.PPK, agency=AGENCY)
    (entry,) = decree_entries(app, [EXPIRING], LEVEL, AGENCY, earlier, decree, mayor)
    return entry.expires_on


async def expiring_row(api: Api, on: date) -> dict[str, Any] | None:
    rows = await api.get("/scouting/pool", {"agency": AGENCY, "on": on.isoformat()})
    return next((row for row in rows if row["nip"] == EXPIRING), None)


def expired_by_clock(app: Talenta) -> list[PoolMembership.EntryExpired]:
    events = app.repository.event_store.get(membership_id(EXPIRING, LEVEL))
    return [e for e in events if isinstance(e, PoolMembership.EntryExpired)]


async def test_a_madiun_round_runs_end_to_end_through_the_api_with_its_clocks(
    pg_app: Talenta, temporal_env: TemporalEnv
) -> None:
    app = pg_app
    stamp = Envelope(
        actor=Actor(id=PEOPLE[CASEWORKER], role=Role.CASEWORKER, agency=AGENCY),
        effective=date(2024, 1, 15),
        reason="impor SIASN",
    )
    app.save_bounded(Employee.enrol(each, stamp) for each in employees())
    api = Api(app)
    scouting = await register_everyone(api)
    assert (await api.board(scouting))["registration_closed_on"] is None

    async with asyncio.timeout(90), running_clocks(app, temporal_env.client, RULES, HANDLERS):
        # Registration closed on 15 March 2024: the round's clock closes it as soon as it runs.
        await wait_until(
            lambda: app.repository.get(UUID(scouting)).closed_on is not None, 20, "closing"
        )
        expires_on = decree_expiring(app, seconds=8)
        # The clock fires today (in Madiun): the entry's last day in the pool was yesterday.
        today, yesterday = expires_on, expires_on - timedelta(days=1)
        assert await expiring_row(api, yesterday) is not None
        assert not expired_by_clock(app)
        board = await api.board(scouting)
        assert board["registration_closed_on"] == "2024-03-16"  # at the end of 15 March
        closing = next(
            e
            for e in app.repository.event_store.get(UUID(scouting))
            if isinstance(e, ScoutingRound.RegistrationClosed)
        )
        assert Envelope.from_event(closing.envelope).actor.role is Role.SYSTEM
        late = round_step(scouting, "2024-03-10", nip=EXPIRING, channel="direct")
        await api.refused(
            CASEWORKER, "register-candidate", late, "registration-closed", cite("P13(1)")
        )
        audited = round_step(scouting, "2024-03-18", nip=KMS, documents_complete=True)
        for route in [route_name(handler) for handler in COMMANDS]:
            body = audited if route == "select-administratively" else {}
            forbidden = await api.post(AUDITOR, route, body)
            assert (forbidden.status_code, forbidden.json()["code"]) == (403, "forbidden"), route

        await select_and_assess(api, scouting)
        await finish(api, scouting)
        vacancy = await promote(api)
        await check_audit(api, vacancy)
        assert await api.pool() == sorted((PASS_MARK, HIGH_MMS, WEB))  # MS was appointed
        assert await api.pool(date(2025, 4, 13)) == sorted((PASS_MARK, HIGH_MMS, MS, WEB, EXPIRING))

        # EXPIRING's entry expires on its clock, three years to the second after its decree.
        await wait_until(lambda: bool(expired_by_clock(app)), 30, "the entry's expiry")
        (expired,) = expired_by_clock(app)
        assert expired.expired_on == expires_on
        assert Envelope.from_event(expired.envelope).actor.role is Role.SYSTEM
        assert EXPIRING not in await api.pool()
        assert EXPIRING in await api.pool(yesterday)
        row = await expiring_row(api, yesterday)
        assert row is not None
        assert (row["decree_number"], row["expired_on"]) == (EXPIRING_DECREE, str(today))

        second = {
            "agency": AGENCY,
            "position": "Kepala Bagian Keuangan",
            "unit": "Sekretariat Daerah",
            "level": LEVEL,
            "opened_on": today.isoformat(),
        }
        other = await api.do(CASEWORKER, "open-vacancy", second)
        expired_proposal = {"vacancy_id": other, "nip": EXPIRING, "proposed_on": str(today)}
        await api.refused(
            HEAD, "propose-candidate", expired_proposal, "entry-expired", cite("P22(1)")
        )
        used = {"vacancy_id": other, "nip": MS, "proposed_on": str(today)}
        await api.refused(HEAD, "propose-candidate", used, "entry-already-used", cite("P23(2)"))
