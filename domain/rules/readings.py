"""The readings: passages the regulations leave open, with their defaults.

Each pack carries the readings that concern it; evaluations report the option they applied.
Every option listed here is implemented; readings considered and rejected are in the docs.
"""

from __future__ import annotations

from domain.rules.core import Message, Reading, ReadingId

D1 = Reading(
    id=ReadingId.D1,
    text='binjai-2023:P25(2) "a; b; dan/atau c"',
    question=Message(
        id="Bagaimana menggabungkan syarat a, b dan c Sekolah Kader?",
        en="How do requirements a, b and c of the cadre school combine?",
    ),
    options={
        "a-and-b-or-c": Message(id="a dan (b atau c)", en="(a) and ((b) or (c))"),
        "all": Message(id="a dan b dan c", en="(a) and (b) and (c)"),
        "any": Message(id="a atau b atau c", en="(a) or (b) or (c)"),
    },
    chosen="a-and-b-or-c",
    documentation=(
        "The list joins a and b with ';' and b and c with 'dan/atau'. The assessment centre is "
        "what places a talent on the grid, so it stays required; 'dan/atau' lets either the box "
        "(7-9) or two years as supervisor suffice."
    ),
)

D2 = Reading(
    id=ReadingId.D2,
    text="madiun-2021:P10(2)(b) (no conjunction between the two experiences)",
    question=Message(
        id="Apakah pengalaman Pelaksana 4 tahun dan Ahli Muda III/c syarat bersama atau pilihan?",
        en="Are 4 years as executor and current Ahli Muda III/c joint or alternative?",
    ),
    options={
        "alternatives": Message(
            id="dua pilihan, seperti P10(1)(b)", en="two alternatives, as in P10(1)(b)"
        ),
        "both": Message(id="keduanya wajib", en="both required"),
    },
    chosen="alternatives",
    documentation=(
        "P10(1)(b) joins the same two kinds of experience with 'atau'; an executor cannot at the "
        "same time hold a functional position, so requiring both would exclude nearly everyone."
    ),
)

D3 = Reading(
    id=ReadingId.D3,
    text="madiun-2021:P15(2) (categories of stage 4 without thresholds)",
    question=Message(
        id="Ambang kategori MS/MMS/KMS pada tahap penilaian potensi?",
        en="Thresholds of the MS/MMS/KMS categories at the potential stage?",
    ),
    options={
        "p18-thresholds": Message(
            id="sama dengan P18: MS >= 80, MMS >= 68, KMS < 68",
            en="as P18: MS >= 80, MMS >= 68, KMS < 68",
        ),
    },
    chosen="p18-thresholds",
    documentation=(
        "P15(2) names the same three categories as P18(1) without numbers; P18(2-4) is the only "
        "scale the regulation gives. Rejected: leaving the category to the assessor's report, "
        "which the software could not check."
    ),
)

D4 = Reading(
    id=ReadingId.D4,
    text='madiun-2021:P30(3) "usia paling tinggi 57 tahun"',
    question=Message(
        id="Pada tanggal berapa usia paling tinggi 57 tahun diukur?",
        en="On which date is the age limit of 57 measured?",
    ),
    options={
        "registration-closing-date": Message(
            id="tanggal penutupan pendaftaran putaran", en="the round's registration closing date"
        ),
    },
    chosen="registration-closing-date",
    documentation=(
        "All eligibility of a round is judged on one date, the registration closing date, so that "
        "every registrant is judged alike; callers pass that date as ``on``. Age is completed "
        "years (57 passes through the day before the 58th birthday). Rejected: the announcement "
        "date or the pool decree date."
    ),
)

D5 = Reading(
    id=ReadingId.D5,
    text='madiun-2021:P10(1)(e), P10(2)(e) "dalam 2 (dua) tahun terakhir"',
    question=Message(
        id="Penilaian mana yang dihitung sebagai 2 tahun terakhir?",
        en="Which appraisals count as the last 2 years?",
    ),
    options={
        "two-latest-ratings": Message(
            id="dua predikat tahunan terakhir, masing-masing paling kurang Baik",
            en="the two most recent yearly ratings, each at least Baik",
        ),
    },
    chosen="two-latest-ratings",
    documentation=(
        "The two latest yearly appraisals before the year of the date judged, whatever their "
        "years (a missing year is not filled by an older one's absence). Since PermenPANRB 6/2022 "
        "an appraisal has one rating; for older years P10(e)'s 'setiap unsur' is read from the "
        "element scores: the lowest recorded element must be at least 76 (Baik, PP 46/2011)."
    ),
)

D6 = Reading(
    id=ReadingId.D6,
    text="binjai-2023:Lampiran 1-2 (labels of boxes 8, 6, 5, 3)",
    question=Message(
        id="Label kategori kotak 8, 6, 5, 3 yang keliru di Lampiran?",
        en="The wrong category labels of boxes 8, 6, 5, 3 in the Lampiran?",
    ),
    options={
        "grid-position": Message(
            id="posisi pada kotak menentukan kategori", en="the grid position decides the category"
        ),
    },
    chosen="grid-position",
    documentation=(
        "The Lampiran labels boxes 8, 6, 5, 3 'potensial rendah' although their column is high "
        "(8, 6) or middle (5, 3); the grid and Balikpapan's identical table agree on the column. "
        "The wrong label is never shown."
    ),
)

D7 = Reading(
    id=ReadingId.D7,
    text='"n tahun" lengths: binjai-2023:P30(2)(a), P33(2); balikpapan-2022:P25(3); '
    "madiun-2021:P10(1)(f), P22(1), P25(3)",
    question=Message(id="Kapan masa n tahun berakhir?", en="When does a length of n years end?"),
    options={
        "calendar-years": Message(
            id="berakhir pada ulang tahun ke-n (29 Feb -> 28 Feb), berlaku s.d. sehari sebelumnya",
            en="expires on the n-th anniversary (29 Feb -> 28 Feb), valid through the day before",
        ),
    },
    chosen="calendar-years",
    documentation=(
        "Indonesian decrees count years by the calendar. Rejected: 365-day years (drift with leap "
        "years) and 29 Feb -> 1 Mar (would lengthen a validity beyond n years)."
    ),
)
