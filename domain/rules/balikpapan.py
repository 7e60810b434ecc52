"""balikpapan-2022: Peraturan Wali Kota Balikpapan No. 12/2022, Manajemen Talenta ASN.

Signed 2022-08-22, in force only from 2025-01-01 (P28).
"""

from __future__ import annotations

from datetime import date

from domain.rules.calendar import ClockId
from domain.rules.core import Citation
from domain.rules.ninebox import LOWER_BOXES, NineBoxRules
from domain.rules.ninebox import Recommendation as R
from domain.rules.pack import RulePack
from domain.rules.readings import D7

PACK = RulePack(
    id="balikpapan-2022",
    title="Manajemen Talenta Aparatur Sipil Negara",
    regulation="Peraturan Wali Kota Balikpapan Nomor 12 Tahun 2022",
    signed=date(2022, 8, 22),
    in_force=date(2025, 1, 1),
    in_force_citation=Citation("balikpapan-2022:P28"),
    time_zone="Asia/Makassar",
    readings=(D7,),
    clocks=(ClockId.MONITORING,),
    nine_box=NineBoxRules(
        recommendations={
            9: (R.PROMOTE_AND_RETAIN, R.SUCCESSION_GROUP_REGIONAL_NATIONAL, R.AWARD),
            8: (
                R.RETAIN,
                R.SUCCESSION_GROUP_REGIONAL,
                R.ROTATION_OR_JOB_ENLARGEMENT,
                R.PERFORMANCE_COACHING,
            ),
            7: (
                R.RETAIN,
                R.SUCCESSION_GROUP_REGIONAL,
                R.ROTATION_OR_JOB_ENLARGEMENT,
                R.COMPETENCY_DEVELOPMENT,
                R.STUDY_ASSIGNMENT,
            ),
            6: (R.SUITABLE_PLACEMENT, R.PERFORMANCE_COACHING, R.COMPETENCY_DEVELOPMENT),
            **LOWER_BOXES,
        },
        grid_citation=Citation("balikpapan-2022:Lampiran I"),
        recommendations_citation=Citation("balikpapan-2022:Lampiran II"),
        succession_citations=(Citation("balikpapan-2022:P15"), Citation("balikpapan-2022:P1(15)")),
    ),
)
