"""The succession coverage forecast of an agency, read from the read models: the critical
positions in force and the open target positions (projections/talent), who holds each on the day
(the directory's latest position spell of each employee, in one query; a holder's record only
when that spell starts after the day), the plan's successors with their membership of the latest
decreed group and their box on the day. The forecast itself is the pure
domain/talent/coverage.py."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from domain.agencies import get_agency
from domain.envelope import Actor, Role
from domain.personnel.facts import PositionSpell
from domain.rules.cycle import functional_grade_of
from domain.rules.registry import pack_for
from domain.rules.retirement import NATIONAL_RETIREMENT, RetirementRules
from domain.talent.coverage import CoverageForecast, PlannedSuccessor, Seat, forecast
from domain.values import FunctionalGrade, InvalidValue, Nip, PositionLevel
from projections import talent as read
from projections.directory import DirectoryView
from projections.documents import DocumentView
from projections.talent.profiles import PROFILES, ProfileRow
from projections.talent.succession import PlanRow
from services.agency_bounds import bounded
from services.application import Talenta
from services.auth import same_agency
from services.permissions import Forbidden

# Who reads the forecast: those preparing and deciding succession, and those auditing it. It
# shows when each holder retires, which the NIP's birth date tells: roles that see birth dates.
READERS = frozenset(
    {
        Role.CASEWORKER,
        Role.TALENT_TEAM,
        Role.PPK,
        Role.AUTHORISED_OFFICIAL,
        Role.AUDITOR,
        Role.ADMINISTRATOR,
    }
)
MAX_HORIZON_MONTHS = 120
# The calendar ends in 9999: a forecast, its horizon and its chart need ten years and more after.
LATEST_DAY = date(9989, 1, 1)


@bounded
def coverage_forecast(
    app: Talenta,
    documents: DocumentView,
    directory: DirectoryView,
    agency: str,
    on: date | None,
    horizon_months: int,
    actor: Actor,
) -> CoverageForecast:
    """As of ``on``, else today in the agency's own time zone."""
    if actor.role not in READERS:
        raise Forbidden("read-coverage-forecast", actor, READERS)
    same_agency(actor, agency)
    day = on or get_agency(agency).local_date(datetime.now(UTC))
    if day >= LATEST_DAY:
        raise InvalidValue(
            f"tanggal {day} di luar jangkauan proyeksi (sebelum {LATEST_DAY})",
            f"day {day} is beyond the forecast's reach (before {LATEST_DAY})",
        )
    seats = _seats(app, documents, directory, agency, day)
    return forecast(agency, seats, day, horizon_months, retirement_of(agency))


def retirement_of(agency: str) -> RetirementRules:
    """The agency's pack's retirement ages. A pack without the talent cycle (Madiun) declares no
    critical or target position, so its forecast is empty; the national ages stand for it."""
    cycle = pack_for(get_agency(agency).id).cycle
    return cycle.retirement if cycle is not None else NATIONAL_RETIREMENT


def people(found: CoverageForecast) -> list[str]:
    """The NIPs whose retirement the forecast dates: holders and successors."""
    nips = {row.incumbent for row in found.rows if row.incumbent}
    nips |= {s.nip for row in found.rows for s in row.successors}
    return sorted(nips)


def _seats(
    app: Talenta, documents: DocumentView, directory: DirectoryView, agency: str, on: date
) -> list[Seat]:
    critical = {(c.unit, c.position): c for c in read.critical_positions(documents, agency, on)}
    plans = {
        (p.unit, p.position): p
        for p in read.succession_plans(documents, agency)
        if p.filled_by is None and p.declared_on <= on
    }
    keys = critical.keys() | plans.keys()
    holders = _holders(app, directory, agency, on, {position for _, position in keys})
    group = _decreed_group(documents, agency, on)
    boxes = _boxes(documents, agency, on, plans.values())
    seats = []
    for key in sorted(keys):
        unit, position = key
        plan = plans.get(key)
        level = critical[key].level if key in critical else plans[key].level
        held = [holder for holder in holders.get(position, []) if holder.unit == unit]
        seats.append(
            Seat(
                position=position,
                unit=unit,
                level=level,
                functional_grade=_grade(level, position, held),
                critical=key in critical,
                target=plan is not None,
                incumbents=tuple(holder.nip for holder in held),
                successors=_successors(plan, group, boxes, on),
            )
        )
    return seats


@dataclass(frozen=True)
class Holder:
    nip: Nip
    unit: str  # of the position held, else of the record
    spell: PositionSpell


def _holders(
    app: Talenta, directory: DirectoryView, agency: str, on: date, positions: set[str]
) -> dict[str, list[Holder]]:
    """Each position's holders on ``on``: those whose latest position it is, and who hold it on
    the day (that spell, or an earlier one of the same title)."""
    found: dict[str, list[Holder]] = {}
    for latest in directory.latest_spells(agency, positions):
        spell: PositionSpell | None = latest.spell
        if latest.spell.start > on:
            # Which spell was held on the day only the whole history tells: a forecast as of
            # the past, or a spell recorded ahead of its start.
            spell = app.facts(latest.nip).position_on(on)
        elif latest.spell.end is not None and latest.spell.end <= on:
            spell = None
        if spell is not None and spell.title == latest.spell.title:
            holder = Holder(Nip(latest.nip), spell.unit or latest.unit, spell)
            found.setdefault(spell.title, []).append(holder)
    return found


def _grade(level: PositionLevel, position: str, held: list[Holder]) -> FunctionalGrade | None:
    """A functional position's grade: as its holder's record gives it, else from its title."""
    if level is not PositionLevel.FUNCTIONAL:
        return None
    for holder in held:
        grade = functional_grade_of(holder.spell)
        if grade is not None:
            return grade
    try:
        return FunctionalGrade.parse(position)
    except InvalidValue:
        return None


def _decreed_group(documents: DocumentView, agency: str, on: date) -> frozenset[str]:
    """The members of the latest succession group decreed by ``on``."""
    decreed = [g for g in read.succession_groups(documents, agency) if g.decree_date <= on]
    latest = max(decreed, key=lambda g: (g.decree_date, g.period), default=None)
    return frozenset(m.nip for m in latest.members) if latest else frozenset()


def _boxes(
    documents: DocumentView, agency: str, on: date, plans: Iterable[PlanRow]
) -> dict[str, int]:
    """The box on ``on`` of every successor of the plans, read in one pass over the profiles."""
    wanted = {s.nip for plan in plans for s in plan.successors}
    boxes = {}
    for document in documents.list(PROFILES, agency):
        if document["nip"] not in wanted:
            continue  # parsed only for the successors: an agency maps thousands
        assessment = ProfileRow.model_validate(document).in_force(on)
        if assessment is not None:
            boxes[document["nip"]] = assessment.box
    return boxes


def _successors(
    plan: PlanRow | None, group: frozenset[str], boxes: dict[str, int], on: date
) -> tuple[PlannedSuccessor, ...]:
    if plan is None or (plan.ordered_on is not None and plan.ordered_on > on):
        return ()
    return tuple(
        PlannedSuccessor(
            nip=Nip(successor.nip),
            order=successor.order,
            in_group=successor.nip in group,
            box=boxes.get(successor.nip),
        )
        for successor in plan.successors
    )
