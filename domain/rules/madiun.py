"""madiun-2021: Peraturan Walikota Madiun No. 48/2021, talent scouting and the talent pool.

Holds the pack (no nine-box; readings D2-D5, D7 and M1-M8; clocks) and the per-level
thresholds of P10.
The scouting requirements (P10, P30(3)) are in ``madiun_eligibility`` and ``madiun_record``,
consideration of a pool member for promotion (P30(5)) and the Camat qualification (P30(2)) in
``madiun_promotion``, scoring of stages 4-6 in ``madiun_scoring``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.rules.calendar import ClockId
from domain.rules.core import Citation, Message
from domain.rules.pack import RulePack
from domain.rules.readings import D2, D3, D4, D5, D7, M1, M2, M3, M4, M5, M6, M7, M8
from domain.values import EducationLevel, Grade, PositionLevel

PACK = RulePack(
    id="madiun-2021",
    title="Pengisian Jabatan Administrator dan Pengawas melalui Penyiapan Kader Potensial",
    regulation="Peraturan Walikota Madiun Nomor 48 Tahun 2021",
    signed=date(2021, 11, 12),
    in_force=date(2021, 11, 12),
    in_force_citation=Citation("madiun-2021:P31"),
    time_zone="Asia/Jakarta",
    readings=(D2, D3, D4, D5, D7, M1, M2, M3, M4, M5, M6, M7, M8),
    clocks=(ClockId.POOL_ENTRY, ClockId.TENURE, ClockId.DISCIPLINARY_COOL_OFF),
)


@dataclass(frozen=True)
class Level:
    """The per-level thresholds of P10(1) (administrator) and P10(2) (supervisor)."""

    paragraph: str
    experience_level: PositionLevel
    experience_years: int
    functional_grade: Grade
    education: EducationLevel
    grade: Grade


LEVELS = {
    PositionLevel.ADMINISTRATOR: Level(
        "P10(1)", PositionLevel.SUPERVISOR, 3, Grade("III/d"), EducationLevel.S1, Grade("III/d")
    ),
    PositionLevel.SUPERVISOR: Level(
        "P10(2)", PositionLevel.EXECUTOR, 4, Grade("III/c"), EducationLevel.D3, Grade("III/b")
    ),
}

LEVEL_NAMES = {
    PositionLevel.ADMINISTRATOR: Message(id="Administrator", en="administrator"),
    PositionLevel.SUPERVISOR: Message(id="Pengawas", en="supervisor"),
    PositionLevel.EXECUTOR: Message(id="Pelaksana", en="executor"),
}
