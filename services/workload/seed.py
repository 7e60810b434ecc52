"""Years of talent scouting for a generated Madiun agency, driven through the real command
handlers: each year a round for administrator posts (opened, published, every supervisor
registered, selected against the pack's requirements, scored, finalised, reported, its pool
decreed) and a vacancy filled from the pool (proposed, shortlisted, picked, inaugurated)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from random import Random
from typing import Any
from uuid import UUID

from domain.envelope import Actor, Envelope, Role
from domain.personnel.facts import IntegrityStatement
from domain.scouting.round import ScoutingRound
from domain.scouting.tpk import TpkMember, TpkOffice
from domain.values import PositionLevel
from services.application import Talenta
from services.scouting import pool, rounds, vacancies

AGENCY = "kota-madiun"
AGENCY_NAME = "Pemerintah Kota Madiun"
LEVEL = PositionLevel.ADMINISTRATOR
BOARD = tuple(TpkMember(name=f"Pejabat {office.value}", office=office) for office in TpkOffice)


VACANCY_UNIT = "Sekretariat Daerah"


def demo_actor(role: Role) -> Actor:
    """The head of unit heads the unit of every demo vacancy (madiun-2021:P24 angka 1)."""
    unit = VACANCY_UNIT if role is Role.HEAD_OF_UNIT else ""
    return Actor(id=f"demo.{role.value}", role=role, agency=AGENCY, unit=unit)


@dataclass
class SeedReport:
    rounds: int = 0
    registered: int = 0
    pooled: int = 0
    inaugurated: list[str] = field(default_factory=list)


def seed_scouting(
    app: Talenta, supervisors: list[str], years: range, seed: int, log: Callable[[str], None]
) -> SeedReport:
    """``supervisors``: the NIPs that may register for administrator posts."""
    rng = Random(seed)
    report = SeedReport()
    # A pool entry holds for three years (P22(2)): its holder does not register again meanwhile,
    # nor does anyone already inaugurated.
    pooled: set[str] = set()
    for year in years:
        candidates = [nip for nip in supervisors if nip not in pooled]
        round_id = _round(app, year, candidates, rng, report)
        scouting: ScoutingRound = app.repository.get(round_id)
        passed = list(scouting.passed_nips)
        log(f"{year}: {len(candidates)} registered, {len(passed)} passed")
        if not passed:
            continue
        decree = pool.DecreePool(
            round_id=round_id, decree_number=f"188.45/{year}/DEMO", decree_date=date(year, 4, 14)
        )
        entries = pool.decree_pool(app, decree, demo_actor(Role.PPK))
        report.pooled += len(entries)
        pooled.update(entry.nip for entry in entries)
        inaugurated = _vacancy(app, year, [entry.nip for entry in entries][:3], rng)
        if inaugurated is not None:
            report.inaugurated.append(inaugurated)
    return report


def _round(app: Talenta, year: int, nips: list[str], rng: Random, report: SeedReport) -> UUID:
    caseworker = demo_actor(Role.CASEWORKER)
    opened = rounds.open_round(
        app,
        rounds.OpenRound(
            agency=AGENCY,
            level=LEVEL,
            name=f"Talent Scouting Administrator {year}",
            schedule={
                "announcement": date(year, 2, 1),
                "registration_opens": date(year, 2, 5),
                "registration_closes": date(year, 2, 28),
                "potential_assessment": date(year, 3, 10),
                "technical_assessment": date(year, 3, 24),
                "result": date(year, 4, 7),
            },
            announcement={
                "requirements": "Pasal 10 ayat (1)",
                "timing_and_procedure": "berkas ke Sekretariat atau website BKPSDM",
                "stages": "enam tahapan Pasal 11",
                "other": "-",
            },
            effective=date(year, 2, 1),
        ),
        caseworker,
    )
    report.rounds += 1
    step: dict[str, Any] = {"round_id": opened}
    rounds.publish_round(
        app,
        rounds.PublishRound(
            **step,
            effective=date(year, 2, 1),
            circular_number=f"800/{year}/401.103",
            website="https://bkpsdm.madiunkota.go.id",
        ),
        caseworker,
    )
    for nip in nips:
        _papers_for_the_round(app, nip, date(year, 2, 10), caseworker)
        command = rounds.RegisterCandidate(
            **step, effective=date(year, 2, 10), nip=nip, channel="direct"
        )
        rounds.register_candidate(app, command, caseworker)
        recommendation = rounds.CandidateStep(**step, effective=date(year, 2, 12), nip=nip)
        rounds.recommend_candidate(app, recommendation, demo_actor(Role.HEAD_OF_UNIT))
        report.registered += 1
    closing = date(year, 2, 28)
    rounds.close_registration(
        app, rounds.CloseRegistration(**step, effective=closing, closed_on=closing), caseworker
    )
    for nip in nips:
        selection = rounds.SelectAdministratively(
            **step, effective=date(year, 3, 3), nip=nip, documents_complete=True
        )
        rounds.select_administratively(app, selection, caseworker)
    rounds.announce_administrative_results(
        app, rounds.RoundStep(**step, effective=date(year, 3, 4)), caseworker
    )
    scouting: ScoutingRound = app.repository.get(opened)
    for nip in scouting.missing_scores("potential"):
        score = Decimal(rng.randint(60, 95))
        potential = rounds.RecordScore(**step, effective=date(year, 3, 10), nip=nip, score=score)
        rounds.record_potential(app, potential, demo_actor(Role.ASSESSOR))
    scouting = app.repository.get(opened)
    for nip in scouting.missing_scores("technical"):
        score = Decimal(rng.randint(60, 95))
        technical = rounds.RecordScore(**step, effective=date(year, 3, 24), nip=nip, score=score)
        rounds.record_technical(app, technical, demo_actor(Role.EXTERNAL_ASSESSOR))
    rounds.finalise_round(app, rounds.RoundStep(**step, effective=date(year, 4, 7)), caseworker)
    rounds.report_to_mayor(
        app,
        rounds.ReportToMayor(**step, effective=date(year, 4, 8), report_number=f"800/{year}/RPT"),
        demo_actor(Role.SCOUTING_TEAM),
    )
    return opened


def _papers_for_the_round(app: Talenta, nip: str, day: date, actor: Actor) -> None:
    """A registrant with papers on file hands in a health certificate and an integrity
    statement (on a Rp 10.000 duty stamp) of the registration day: papers older than the
    round's announcement do not count (madiun-2021 reading M4)."""
    employee = app.employee(nip)
    facts = employee.facts
    if facts.health_certificate is None or facts.integrity_statement is None:
        return
    health = facts.health_certificate.model_copy(update={"issued": day})
    integrity = IntegrityStatement(
        signed=day,
        acknowledged_by_head_of_unit=facts.integrity_statement.acknowledged_by_head_of_unit,
        duty_stamp_rupiah=10000,
    )
    changed = facts.model_copy(
        update={"health_certificate": health, "integrity_statement": integrity}
    )
    if employee.update(changed, Envelope(actor=actor, effective=day, reason="berkas putaran")):
        app.save(employee)


def _vacancy(app: Talenta, year: int, nips: list[str], rng: Random) -> str | None:
    """None when fewer than 3 passed: the board puts forward 3 per vacancy (P24 angka 4)."""
    if len(nips) < 3:
        return None
    vacancy = vacancies.open_vacancy(
        app,
        vacancies.OpenVacancy(
            agency=AGENCY,
            position=f"Kepala Bagian Umum {year}",
            unit=VACANCY_UNIT,
            level=LEVEL,
            opened_on=date(year, 5, 2),
        ),
        demo_actor(Role.CASEWORKER),
    )
    for nip in nips:
        command = vacancies.ProposeCandidate(
            vacancy_id=vacancy, nip=nip, proposed_on=date(year, 5, 5)
        )
        vacancies.propose_candidate(app, command, demo_actor(Role.HEAD_OF_UNIT))
    vacancies.shortlist(
        app,
        vacancies.ShortlistCandidates(
            vacancy_id=vacancy,
            tpk_decree="188.45/TPK/DEMO",
            members=BOARD,
            minutes_number=f"800/{year}/BA-TPK",
            minutes_date=date(year, 5, 12),
            nips=tuple(nips),
        ),
        demo_actor(Role.TPK_MEMBER),
    )
    chosen = rng.choice(nips)
    vacancies.pick(
        app,
        vacancies.PickCandidate(
            vacancy_id=vacancy,
            nip=chosen,
            decree_number=f"821.2/{year}/DEMO",
            decree_date=date(year, 5, 20),
        ),
        demo_actor(Role.PPK),
    )
    vacancies.inaugurate(
        app,
        vacancies.Inaugurate(vacancy_id=vacancy, inaugurated_on=date(year, 5, 26)),
        demo_actor(Role.CASEWORKER),
    )
    return chosen
