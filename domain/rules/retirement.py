"""The retirement age (Batas Usia Pensiun, BUP) of a civil servant by the position held, and the
day its holder's position falls vacant: national rules a talent pack applies to forecast when a
critical or target position needs its successor.

PP 11/2017 on the management of PNS, as amended by PP 17/2020, Pasal 239(2): (a) 58 years for
administration officials (administrator, supervisor, executor: UU 5/2014 P14) and functional
officials Ahli Muda, Ahli Pertama and of the skill grades; (b) 60 years for senior executives
(JPT) and functional officials Ahli Madya; (c) 65 years for functional officials Ahli Utama.
Pasal 240 leaves to their own laws the BUP of functional positions a law sets (teachers,
lecturers, ...); those are not modelled: such a position is forecast by its grade under P239.

The day the position falls vacant: the holder serves through the end of the month in which the
BUP is reached, and is pensioned from the first day of the next month (TMT pensiun, as the
personnel agency computes it under UU 11/1969): born 1968-05-09 with a BUP of 58, the holder
reaches it on 2026-05-09, serves through 2026-05-31 and the position falls vacant on 2026-06-01.
One born on the first of a month is pensioned from the first of the next month too. The BUP is
reached on the birthday, 29 February on 28 February (reading D7's calendar years), so the month
never moves.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict

from domain.rules.calendar import add_years
from domain.rules.core import Citation, Message
from domain.values import FunctionalGrade, PositionLevel

_PP = "pp-11-2017"


class RetirementAge(BaseModel):
    model_config = ConfigDict(frozen=True)

    years: int
    citation: Citation


class RetirementRules(BaseModel):
    """The BUP per structural level and per functional grade, each with its article."""

    model_config = ConfigDict(frozen=True)

    structural: dict[PositionLevel, RetirementAge]
    functional: dict[FunctionalGrade, RetirementAge]
    # A functional position whose grade is recorded nowhere (neither on the record nor in its
    # title) is forecast at the lowest BUP of the functional grades: the earliest it can fall
    # vacant, so a gap is never hidden.
    unknown_grade: RetirementAge
    convention: Message

    def age_for(self, level: PositionLevel, grade: FunctionalGrade | None) -> RetirementAge:
        if level is not PositionLevel.FUNCTIONAL:
            return self.structural[level]
        return self.functional[grade] if grade is not None else self.unknown_grade


def bup_reached(born: date, age: RetirementAge) -> date:
    """The birthday on which the BUP is reached (29 February: 28 February)."""
    return add_years(born, age.years)


def vacates_on(born: date, age: RetirementAge) -> date:
    """The first day of the month after the one in which the BUP is reached: the pension's
    first day, the first the position is without its holder."""
    reached = bup_reached(born, age)
    return date(reached.year + reached.month // 12, reached.month % 12 + 1, 1)


_A = RetirementAge(years=58, citation=Citation(f"{_PP}:P239(2)(a)"))
_B = RetirementAge(years=60, citation=Citation(f"{_PP}:P239(2)(b)"))
_C = RetirementAge(years=65, citation=Citation(f"{_PP}:P239(2)(c)"))

NATIONAL_RETIREMENT = RetirementRules(
    structural={
        PositionLevel.JPT_UTAMA: _B,
        PositionLevel.JPT_MADYA: _B,
        PositionLevel.JPT_PRATAMA: _B,
        PositionLevel.ADMINISTRATOR: _A,
        PositionLevel.SUPERVISOR: _A,
        PositionLevel.EXECUTOR: _A,
    },
    functional={
        FunctionalGrade.PEMULA: _A,
        FunctionalGrade.TERAMPIL: _A,
        FunctionalGrade.MAHIR: _A,
        FunctionalGrade.PENYELIA: _A,
        FunctionalGrade.AHLI_PERTAMA: _A,
        FunctionalGrade.AHLI_MUDA: _A,
        FunctionalGrade.AHLI_MADYA: _B,
        FunctionalGrade.AHLI_UTAMA: _C,
    },
    unknown_grade=_A,
    convention=Message(
        id=(
            "Jabatan lowong mulai tanggal 1 bulan berikutnya setelah bulan pejabatnya mencapai "
            "Batas Usia Pensiun (TMT pensiun); BUP menurut PP 11/2017 jo. PP 17/2020 Pasal 239"
        ),
        en=(
            "The position falls vacant on the first day of the month after the one in which its "
            "holder reaches the retirement age (the pension's first day); ages under PP 11/2017 "
            "as amended by PP 17/2020, Pasal 239"
        ),
    ),
)
