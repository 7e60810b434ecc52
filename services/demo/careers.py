"""One employee's career, drawn from a seeded random source: birth, appointment and NIP, education,
grades and positions that agree with each other and with the date the export is taken."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random

from domain.values import PositionLevel
from domain.values.grade import ORDER
from domain.values.nip import MIN_APPOINTMENT_AGE
from services.demo.names import (
    BACK_TITLES,
    EXECUTOR_TITLES,
    FAMILY_NAMES,
    FEMALE_NAMES,
    FUNCTIONAL_TITLES,
    MALE_NAMES,
    PROGRAMMES,
)
from services.demo.units import Slot

# The grade a CPNS starts in for the education they were appointed with (PP 99/2000 as amended).
ENTRY_GRADE = {
    "SD": "I/a",
    "SMP": "I/c",
    "SMA": "II/a",
    "D3": "II/c",
    "D4": "III/a",
    "S1": "III/a",
    "S2": "III/b",
    "S3": "III/c",
}
# The highest grade regular promotion reaches for an education level.
CEILING = {
    "SD": "II/a",
    "SMP": "II/c",
    "SMA": "III/b",
    "D3": "III/c",
    "D4": "III/d",
    "S1": "III/d",
    "S2": "IV/a",
    "S3": "IV/b",
}
# Structural positions open higher grades (promotion by position).
LEVEL_CEILING = {PositionLevel.ADMINISTRATOR: "IV/b", PositionLevel.JPT_PRATAMA: "IV/d"}
# The youngest one can complete each level.
GRADUATION_AGE = {"SD": 12, "SMP": 15, "SMA": 18, "D3": 21, "D4": 22, "S1": 22, "S2": 24, "S3": 28}
EDUCATION_ORDER = ("SD", "SMP", "SMA", "D3", "D4", "S1", "S2", "S3")
PROMOTION_YEARS = 4  # regular promotion: at least four years in a grade
RETIREMENT_AGE = 58
YEAR = 365.25

_EDUCATION: dict[PositionLevel, tuple[tuple[str, float], ...]] = {
    PositionLevel.JPT_PRATAMA: (("S2", 0.8), ("S3", 0.2)),
    PositionLevel.ADMINISTRATOR: (("S1", 0.5), ("S2", 0.5)),
    PositionLevel.SUPERVISOR: (("D3", 0.2), ("S1", 0.6), ("S2", 0.2)),
    PositionLevel.FUNCTIONAL: (("D3", 0.25), ("D4", 0.1), ("S1", 0.55), ("S2", 0.1)),
    PositionLevel.EXECUTOR: (("SD", 0.03), ("SMP", 0.05), ("SMA", 0.5), ("D3", 0.17), ("S1", 0.25)),
}
# Years of service by level: structural posts need the grades that come with service.
_SERVICE = {
    PositionLevel.JPT_PRATAMA: (20, 32),
    PositionLevel.ADMINISTRATOR: (13, 30),
    PositionLevel.SUPERVISOR: (8, 30),
    PositionLevel.FUNCTIONAL: (2, 34),
    PositionLevel.EXECUTOR: (2, 34),
}
_FUNCTIONAL_GRADES = (
    ("III/a", "Ahli Pertama"),
    ("III/c", "Ahli Muda"),
    ("IV/a", "Ahli Madya"),
    ("IV/d", "Ahli Utama"),
)
_SKILL_GRADES = (
    ("II/a", "Pemula"),
    ("II/c", "Terampil"),
    ("III/a", "Mahir"),
    ("III/c", "Penyelia"),
)


@dataclass(frozen=True, slots=True)
class Spell:
    kind: str  # SIASN jenisJabatan: 1 struktural, 2 fungsional, 4 pelaksana
    echelon: str
    title: str
    unit: str
    start: date
    functional: str = ""  # jabatanFungsionalNama for functional spells


@dataclass(slots=True)
class Career:
    nip: str
    name: str
    front_title: str
    back_title: str
    born: date
    male: bool
    status: str  # PNS, CPNS or PPPK
    appointed: date  # TMT CPNS (or the PPPK contract)
    education: str  # the highest level's code
    programme: str
    graduated: int
    entry_education: str  # the level appointed with
    level: PositionLevel
    unit: str
    grades: list[tuple[str, date]] = field(default_factory=list)
    positions: list[Spell] = field(default_factory=list)


class Careers:
    """Draws careers for slots; NIPs are unique within one generator."""

    def __init__(self, rng: Random, as_of: date) -> None:
        self.rng = rng
        self.as_of = as_of
        self._sequences: dict[str, int] = {}

    def draw(self, slot: Slot) -> Career:
        rng = self.rng
        level = slot.level
        status = "PNS"
        if level in (PositionLevel.FUNCTIONAL, PositionLevel.EXECUTOR):
            status = rng.choices(("PNS", "CPNS", "PPPK"), (0.88, 0.04, 0.08))[0]
        education = _pick(rng, _EDUCATION[level])
        later = education in ("S2", "S3") and rng.random() < 0.5
        entry = "S1" if later else education
        youngest = max(MIN_APPOINTMENT_AGE + 1, GRADUATION_AGE[entry] + 1)
        appointment_age = rng.randint(youngest, youngest + 8)
        low, high = _SERVICE[level]
        service = {"CPNS": 0.0, "PPPK": float(rng.randint(1, 4))}.get(status)
        if service is None:
            service = rng.uniform(low, high)
        # Nobody in active service reaches retirement age: shorten service, then start younger.
        # Two years of margin cover the days drawn within the birth year and before appointment.
        oldest = RETIREMENT_AGE - 2
        service = min(service, oldest - appointment_age)
        if service < low and status == "PNS":
            appointment_age = max(youngest, oldest - low)
            service = float(low)
        appointed = _first_of_month(self.as_of - timedelta(days=int(service * YEAR) + 30))
        born = appointed - timedelta(days=int(appointment_age * YEAR) + rng.randint(0, 364))
        if later:
            graduated = rng.randint(
                appointed.year + 2, max(appointed.year + 2, self.as_of.year - 1)
            )
            graduated = min(graduated, self.as_of.year - 1)
            if graduated <= appointed.year:
                education, later = entry, False
        if not later:
            graduated = max(born.year + GRADUATION_AGE[entry], appointed.year - rng.randint(1, 3))
        male = rng.random() < 0.55
        nip = self._nip(born, appointed, male, status == "PPPK")
        first = rng.choice(MALE_NAMES if male else FEMALE_NAMES)
        career = Career(
            nip=nip,
            name=f"{first} {rng.choice(FAMILY_NAMES)}",
            front_title="Dr." if education == "S3" else "",
            back_title=rng.choice(BACK_TITLES[education]) if education in BACK_TITLES else "",
            born=born,
            male=male,
            status=status,
            appointed=appointed,
            education=education,
            programme=rng.choice(PROGRAMMES[education]),
            graduated=graduated,
            entry_education=entry,
            level=level,
            unit=slot.unit,
        )
        if status != "PPPK":
            career.grades = self._grades(career)
        career.positions = self._positions(career, slot)
        return career

    def _nip(self, born: date, appointed: date, male: bool, pppk: bool) -> str:
        month = "21" if pppk else f"{appointed.month:02d}"
        prefix = f"{born:%Y%m%d}{appointed.year:04d}{month}{1 if male else 2}"
        sequence = self._sequences.get(prefix, 0) + 1
        if sequence > 999:
            raise OverflowError(f"more than 999 NIPs share the prefix {prefix}")
        self._sequences[prefix] = sequence
        return f"{prefix}{sequence:03d}"

    def _grades(self, career: Career) -> list[tuple[str, date]]:
        rank = ORDER.index(ENTRY_GRADE[career.entry_education])
        ceiling = max(
            ORDER.index(CEILING[career.education]),
            ORDER.index(LEVEL_CEILING.get(career.level, "I/a")),
        )
        grades = [(ORDER[rank], career.appointed)]
        start = career.appointed
        while rank < ceiling:
            # Promotions take effect on 1 April or 1 October, four or five years apart.
            years = PROMOTION_YEARS + (1 if self.rng.random() < 0.3 else 0)
            start = _promotion_period(start, years)
            if start > self.as_of:
                break
            rank += 1
            grades.append((ORDER[rank], start))
        return grades

    def _positions(self, career: Career, slot: Slot) -> list[Spell]:
        rng = self.rng
        start = career.appointed
        span = (self.as_of - start).days
        first = Spell("4", "", rng.choice(EXECUTOR_TITLES), slot.unit, start)
        if slot.level is PositionLevel.EXECUTOR:
            return [first]
        if slot.level is PositionLevel.FUNCTIONAL:
            return [self._functional(career, slot, start)]
        steps = {
            PositionLevel.SUPERVISOR: (0.6,),
            PositionLevel.ADMINISTRATOR: (0.3, 0.65),
            PositionLevel.JPT_PRATAMA: (0.2, 0.45, 0.8),
        }[slot.level]
        spells = [first]
        earlier = (
            Spell("1", "IV.a", f"Kepala Seksi {rng.choice(EXECUTOR_TITLES)}", slot.unit, start),
            Spell("1", "III.a", f"Kepala Bidang {slot.unit}", slot.unit, start),
        )
        for index, share in enumerate(steps):
            day = _first_of_month(start + timedelta(days=int(span * share)))
            if index == len(steps) - 1:
                spells.append(Spell("1", slot.echelon, slot.title, slot.unit, day))
            else:
                spell = earlier[index]
                spells.append(Spell("1", spell.echelon, spell.title, slot.unit, day))
        return spells

    def _functional(self, career: Career, slot: Slot, start: date) -> Spell:
        grade = career.grades[-1][0] if career.grades else ENTRY_GRADE[career.education]
        expert = career.education in ("D4", "S1", "S2", "S3")
        ladder = _FUNCTIONAL_GRADES if expert else _SKILL_GRADES
        jenjang = ladder[0][1]
        for lowest, name in ladder:
            if ORDER.index(grade) >= ORDER.index(lowest):
                jenjang = name
        title = f"{self.rng.choice(FUNCTIONAL_TITLES)} {jenjang}"
        return Spell("2", "", title, slot.unit, start, functional=title)


def _pick(rng: Random, weighted: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([value for value, _ in weighted], [weight for _, weight in weighted])[0]


def _promotion_period(since: date, years: int) -> date:
    """The first promotion period (1 April or 1 October) at least ``years`` after ``since``, a
    first of the month."""
    due = since.replace(year=since.year + years)
    if due.month <= 4:
        return date(due.year, 4, 1)
    if due.month <= 10:
        return date(due.year, 10, 1)
    return date(due.year + 1, 4, 1)


def _first_of_month(day: date) -> date:
    return day.replace(day=1)
