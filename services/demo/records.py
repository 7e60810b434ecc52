"""The yearly appraisals, disciplinary penalties and certificates that go with a career."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

from services.demo.careers import Career

# SKP predicates from 2022 on, and how often each is given.
PREDICATES = (("Sangat Baik", 0.2), ("Baik", 0.7), ("Butuh Perbaikan", 0.08), ("Kurang", 0.02))
BEHAVIOUR = ("Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi")
FIRST_PREDICATE_YEAR = 2022  # PermenPANRB 6/2022; numeric scores before
FIRST_SCORED_YEAR = 2019
PENALTY_SHARE = 0.03
ANNULLED_SHARE = 0.1
# Structural staff keep a health certificate and an integrity statement ready for promotion
# rounds; others rarely have a recent one.
CERTIFIED_SHARE = {True: 0.8, False: 0.25}

_PENALTIES = (
    ("ringan", "Teguran tertulis", 0, 0, 0.6),
    ("sedang", "Pemotongan tunjangan kinerja 25% selama 6 bulan", 0, 6, 0.3),
    ("berat", "Penurunan jabatan setingkat lebih rendah selama 12 bulan", 1, 0, 0.1),
)
_REASONS = ("Tidak masuk kerja tanpa alasan yang sah", "Tidak menaati ketentuan jam kerja")


@dataclass(frozen=True, slots=True)
class Appraisal:
    year: int
    predicate: str = ""  # from 2022
    score: float = 0.0  # before 2022
    lowest: int = 0


@dataclass(frozen=True, slots=True)
class PenaltyRow:
    level: str
    kind: str
    start: date
    years: int
    months: int
    decree: str
    decree_date: date
    reason: str
    annulment: str


@dataclass(frozen=True, slots=True)
class Certificates:
    health: tuple[date, str, bool] | None
    integrity: tuple[date, bool] | None


def appraisals(rng: Random, career: Career, as_of: date) -> list[Appraisal]:
    """One per full year served, the latest for the year before ``as_of``."""
    rows: list[Appraisal] = []
    for year in range(max(career.appointed.year + 1, FIRST_SCORED_YEAR), as_of.year):
        if year >= FIRST_PREDICATE_YEAR:
            predicate = rng.choices(
                [name for name, _ in PREDICATES], [weight for _, weight in PREDICATES]
            )[0]
            rows.append(Appraisal(year, predicate=predicate))
        else:
            lowest = rng.randint(72, 92)
            rows.append(Appraisal(year, score=round(lowest + rng.uniform(0, 6), 2), lowest=lowest))
    return rows


def penalties(rng: Random, career: Career, as_of: date, number: int) -> list[PenaltyRow]:
    served = (as_of - career.appointed).days - 400
    if served <= 0 or rng.random() >= PENALTY_SHARE:
        return []
    level, kind, years, months, _ = rng.choices(_PENALTIES, [p[4] for p in _PENALTIES])[0]
    start = career.appointed + timedelta(days=365 + rng.randint(0, served))
    decree_date = start - timedelta(days=rng.randint(2, 10))
    annulment = f"862/{number:04d}/BTL/{start.year + 1}" if rng.random() < ANNULLED_SHARE else ""
    return [
        PenaltyRow(
            level,
            kind,
            start,
            years,
            months,
            f"862/{number:04d}/{decree_date.year}",
            decree_date,
            rng.choice(_REASONS),
            annulment,
        )
    ]


def certificates(rng: Random, career: Career, as_of: date, number: int) -> Certificates:
    structural = career.positions[-1].kind == "1"
    if rng.random() >= CERTIFIED_SHARE[structural] or career.status == "CPNS":
        return Certificates(None, None)
    # The latest certificate on file: some go back years, to an earlier promotion round.
    issued = as_of - timedelta(days=rng.randint(10, 1500))
    signed = as_of - timedelta(days=rng.randint(10, 1500))
    return Certificates(
        (issued, f"445/{number:05d}/{issued.year}", rng.random() < 0.9),
        (signed, rng.random() < 0.95),
    )
