"""The readings of rulebook Part D: passages the regulations leave open, with their defaults.

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
        "two-calendar-years": Message(
            id="dua tahun kalender sebelum tahun tanggal penutupan, masing-masing paling kurang "
            "Baik; tahun yang tidak ada menunggu dilengkapi",
            en="the two calendar years before the year of the closing date, each at least Baik; "
            "a missing year is pending",
        ),
        "two-latest-ratings": Message(
            id="dua predikat tahunan terakhir, masing-masing paling kurang Baik",
            en="the two most recent yearly ratings, each at least Baik",
        ),
    },
    chosen="two-calendar-years",
    documentation=(
        "'Dalam 2 (dua) tahun terakhir' names a period, not a count of appraisals: for a round "
        "closing in 2025 the years are 2023 and 2024, and a 2021 or 2022 rating does not stand "
        "in for them. A year without a recorded appraisal is pending (the caseworker supplies "
        "it), never skipped. The alternative takes the two latest appraisals before the year of "
        "the date, whatever their years. Since PermenPANRB 6/2022 an appraisal has one rating; "
        "for older years P10(e)'s 'setiap unsur' is read from the element scores: the lowest "
        "recorded element must be at least 76 (Baik, PP 46/2011)."
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
    "madiun-2021:P10(1)(f), P10(2)(f), P22(1), P25(3)",
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


# The talent cycle's readings (binjai-2023, balikpapan-2022).

C1 = Reading(
    id=ReadingId.C1,
    text='binjai-2023:P1(15) "setingkat lebih tinggi", P25(1) "calon Pejabat Administrator"',
    question=Message(
        id="Pada tingkat mana jabatan fungsional berada untuk jabatan target dan Sekolah Kader?",
        en="At which level does a functional position stand for target positions and the cadre "
        "school?",
    ),
    options={
        "grade-equivalent": Message(
            id="setara jenjangnya: Ahli Pertama = Pengawas, Ahli Muda = Administrator, Ahli Madya "
            "= JPT Pratama; jenjang keterampilan tanpa padanan",
            en="as its grade: Ahli Pertama = supervisor, Ahli Muda = administrator, Ahli Madya = "
            "JPT Pratama; skill grades have no equivalent",
        ),
        "no-equivalent": Message(
            id="jabatan fungsional tanpa padanan: hanya jabatan kritis menjadi targetnya; Sekolah "
            "Kader hanya bagi Pengawas",
            en="functional positions have no equivalent: only a critical position is their "
            "target; the cadre school is for supervisors only",
        ),
    },
    chosen="grade-equivalent",
    documentation=(
        "The regulation ranks only structural positions. The national equalisation of "
        "administrative positions into functional ones sets Administrator = Ahli Muda and "
        "Pengawas = Ahli Pertama (and JPT Pratama is held from Ahli Madya), so a functional "
        "holder is one level below the position its grade equals one level up. Skill grades "
        "(Pemula to Penyelia) have no equivalent: their targets must be critical."
    ),
)

C2 = Reading(
    id=ReadingId.C2,
    text='balikpapan-2022:P23(3) "kotak 9 dapat ditempatkan secara langsung", P15(2)(b), P17(3)',
    question=Message(
        id="Apakah Talenta kotak 9 yang ditempatkan langsung harus termasuk kelompok yang "
        "ditetapkan PPK?",
        en="Must a box-9 talent placed directly be in the group the PPK decreed?",
    ),
    options={
        "box9-outside-group": Message(
            id="tidak: kotak 9 dan/atau Kelompok Rencana Suksesi (P15(2)(b))",
            en="no: box 9 and/or the succession group (P15(2)(b))",
        ),
        "decreed-group": Message(
            id="ya: setiap penempatan berdasarkan kelompok yang ditetapkan (P17(3))",
            en="yes: every placement rests on the decreed group (P17(3))",
        ),
    },
    chosen="box9-outside-group",
    documentation=(
        "P15(2)(b) opens placement to talents 'yang termasuk dalam kotak 9 dan/atau Kelompok "
        "Rencana Suksesi' and P23(3) places box 9 directly, outside the plan's order; reading "
        "the direct placement as still bound to the decree would leave P23(3) nothing beyond "
        "P23(1). Every other placement rests on the decreed group in both packs."
    ),
)


# madiun-2021 readings beyond Part D: questions the second reading of the text left open, and
# readings the code applied before they were named.

M1 = Reading(
    id=ReadingId.M1,
    text='madiun-2021:P8(2) "berjumlah ganjil, terdiri dari" five offices',
    question=Message(
        id="Siapa yang harus hadir agar sidang Tim Penilai Kinerja sah?",
        en="Who must sit for a session of the performance review board to be valid?",
    ),
    options={
        "all-offices": Message(
            id="kelima jabatan P8(2) huruf a-e, masing-masing oleh pejabatnya atau wakil dengan "
            "surat penunjukan",
            en="all five offices of P8(2)(a)-(e), each by its holder or a deputy with a letter",
        ),
        "majority-with-chair": Message(
            id="Sekretaris Daerah dan sekurang-kurangnya 3 dari 5 jabatan, berjumlah ganjil",
            en="the regional secretary and at least 3 of the 5 offices, an odd number",
        ),
    },
    chosen="all-offices",
    documentation=(
        "P8(2) composes the board of five named offices and gives no quorum; the board's "
        "consideration (P24 angka 3-4) is the board's, so every office sits. An office whose "
        "holder cannot attend may be filled by a deputy whose letter of assignment is recorded. "
        "The alternative accepts a majority of the offices with the chair, still odd in number."
    ),
)

M2 = Reading(
    id=ReadingId.M2,
    text='madiun-2021:P24 angka 4-5 "sejumlah 3 (tiga) orang per kekosongan Jabatan"',
    question=Message(
        id="Bolehkah Tim Penilai Kinerja mempertimbangkan kurang dari 3 PNS?",
        en="May the board put forward fewer than 3 candidates?",
    ),
    options={
        "strict": Message(
            id="tepat 3 PNS; kurang dari 3 ditolak", en="exactly 3; fewer than 3 refused"
        ),
        "relaxed": Message(
            id="1-3 PNS; kurang dari 3 hanya dengan alasan tertulis, ditandai untuk audit",
            en="1-3; fewer than 3 only with a written justification, flagged for audit",
        ),
    },
    chosen="strict",
    documentation=(
        "Angka 4 reports 3 candidates per vacancy and angka 5 has the mayor pick 1 of the 3: "
        "with fewer eligible pool members the vacancy stays open or is filled another lawful "
        "way. The relaxed option accepts 1 or 2 with a written justification and flags the "
        "shortlist as short."
    ),
)

M3 = Reading(
    id=ReadingId.M3,
    text='madiun-2021:P13(2) "Pimpinan Perangkat Daerah memberikan rekomendasi"',
    question=Message(
        id="Apakah rekomendasi Pimpinan Perangkat Daerah syarat seleksi administrasi?",
        en="Is the head of unit's recommendation a condition of administrative selection?",
    ),
    options={
        "required": Message(
            id="wajib sebelum seleksi administrasi; pendaftar website sebelum verifikasi berkas",
            en="required before administrative selection; web registrants before verification",
        ),
        "recorded": Message(
            id="dicatat bila ada, tidak wajib", en="recorded when given, not required"
        ),
    },
    chosen="required",
    documentation=(
        "P13(2) gives the recommendation to those who meet the requirements: it is part of the "
        "registration the selection judges (P14(1) 'kelengkapan persyaratan administrasi'). A "
        "web registrant's documents are verified once the recommendation is among them "
        "(P13(3)). The alternative records a recommendation without requiring it."
    ),
)

M4 = Reading(
    id=ReadingId.M4,
    text="madiun-2021:P10(1)(g)-(h), P10(2)(g)-(h) (health certificate, integrity statement)",
    question=Message(
        id="Sejak kapan surat keterangan sehat dan pernyataan berintegritas berlaku?",
        en="From when do the health certificate and the integrity statement count?",
    ),
    options={
        "since-announcement": Message(
            id="diterbitkan/ditandatangani tidak lebih awal dari tanggal pengumuman putaran",
            en="issued or signed no earlier than the round's announcement date",
        ),
        "any-date": Message(
            id="tanggal berapa pun sampai tanggal penilaian", en="any date up to the date judged"
        ),
    },
    chosen="since-announcement",
    documentation=(
        "Both documents are attached to the registration for the round ('melampirkan'); a "
        "certificate of health speaks of the holder's health when it was issued, so one older "
        "than the round does not show it. The integrity statement also needs its duty stamp of "
        "Rp 6.000 and the head of unit's acknowledgement recorded. A check outside a round "
        "(no announcement date) applies no lower bound and says so."
    ),
)

M5 = Reading(
    id=ReadingId.M5,
    text='madiun-2021:P10(1)(f), P10(2)(f) "paling singkat 1 (satu) tahun setelah selesai '
    'menjalani hukuman"',
    question=Message(
        id="Dari hari mana satu tahun setelah selesai hukuman dihitung?",
        en="From which day does the year after the penalty run?",
    ),
    options={
        "from-last-day": Message(
            id="dari hari terakhir hukuman: boleh mendaftar pada ulang tahun pertama hari itu",
            en="from the penalty's last day: may register on that day's first anniversary",
        ),
        "from-day-after": Message(
            id="dari hari sesudah hari terakhir hukuman", en="from the day after the last day"
        ),
    },
    chosen="from-last-day",
    documentation=(
        "The penalty's last day is the day it ends ('selesai'); the year counts from it under "
        "D7. The alternative counts from the first day no longer under the penalty, a day later."
    ),
)

M6 = Reading(
    id=ReadingId.M6,
    text="madiun-2021:P22(2) (registering again while a pool entry holds)",
    question=Message(
        id="Bolehkah PNS yang entri Talent Pool-nya masih berlaku mendaftar lagi?",
        en="May an employee whose pool entry still holds register again?",
    ),
    options={
        "refused": Message(
            id="ditolak selama entri pada jenjang yang sama berlaku",
            en="refused while an entry at the same level holds",
        ),
    },
    chosen="refused",
    documentation=(
        "P22(2) opens scouting again to those whose entry expired without appointment; read a "
        "contrario, an entry that still holds bars a new registration at its level."
    ),
)

M7 = Reading(
    id=ReadingId.M7,
    text='madiun-2021:P30(5)(b) "hasil penilaian kinerja ... kurang/buruk"',
    question=Message(
        id="Kapan kinerja anggota Talent Pool kurang/buruk?",
        en="When is a pool member's performance poor?",
    ),
    options={
        "latest-kurang-or-worse": Message(
            id="predikat tahunan terakhir Kurang atau Sangat Kurang; tanpa predikat bukan buruk",
            en="the latest yearly rating is Kurang or Sangat Kurang; none is not poor",
        ),
    },
    chosen="latest-kurang-or-worse",
    documentation=(
        "'Kurang' is a rating of PermenPANRB 6/2022 and 'buruk' below it (Sangat Kurang); "
        "'Butuh Perbaikan' sits above both. The latest appraisal before the date is the one "
        "that describes the member now."
    ),
)

M8 = Reading(
    id=ReadingId.M8,
    text='madiun-2021:P10(1)(b) "pengalaman pada ... Jabatan Fungsional jenjang Ahli Muda"',
    question=Message(
        id="Pengalaman Ahli Muda berapa lama dan kapan?",
        en="How long and when must the Ahli Muda experience be?",
    ),
    options={
        "any-past-spell": Message(
            id="pernah menduduki Ahli Muda (berapa pun lamanya) sampai tanggal penilaian",
            en="any spell as Ahli Muda, of any length, up to the date judged",
        ),
    },
    chosen="any-past-spell",
    documentation=(
        "P10(1)(b) gives a length for supervisor experience only; for Ahli Muda it asks "
        "experience ('pengalaman pada') with grade III/d, unlike P10(2)(b)'s 'sedang "
        "menduduki'. Any spell up to the date counts."
    ),
)
