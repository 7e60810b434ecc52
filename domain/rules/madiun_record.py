"""madiun-2021 scouting eligibility: the rows of P10 read from the employee's record
(appraisals, discipline, health, integrity) and the age limit of P30(3)."""

from __future__ import annotations

from datetime import date, timedelta

from domain.personnel.facts import PersonnelFacts
from domain.rules.calendar import CLOCKS, ClockId, completed_years
from domain.rules.core import Citation, Message, ReadingId, RequirementResult, requirement
from domain.rules.pack import RulePack
from domain.values import Appraisal, AppraisalRating, Penalty, PositionLevel

MAX_AGE = 57
# Pre-2022 element scores: 76 and above is "baik" (PP 46/2011).
LOWEST_GOOD_ELEMENT_SCORE = 76
DUTY_STAMP_RUPIAH = 6000  # P10(1)(h), P10(2)(h) "bermaterai Rp.6.000,-"


def check_appraisals(
    facts: PersonnelFacts, on: date, citation: Citation, pack: RulePack
) -> RequirementResult:
    """Reading D5: by default the two calendar years before ``on``'s year, each at least Baik,
    a year without an appraisal pending; the alternative takes the two latest appraisals before
    that year. "Every element" (setiap unsur) also holds the lowest element score of a pre-2022
    appraisal, where one was recorded, to at least Baik."""
    reading = pack.reading(ReadingId.D5).chosen
    if reading == "two-calendar-years":
        years = (on.year - 2, on.year - 1)
        by_year = {a.year: a for a in facts.appraisals}
        found = [by_year[year] for year in years if year in by_year]
        missing = tuple(year for year in years if year not in by_year)
    else:
        found = facts.latest_appraisals(2, before=on)
        missing = ()
    shown = tuple(_appraisal_shown(a) for a in found)
    poor = tuple(a for a in found if not _good(a))
    met: bool | None
    if poor or (reading != "two-calendar-years" and len(found) < 2):
        met = False
    else:
        met = None if missing else True
    unmet = Message(
        id=f"penilaian kinerja 2 tahun terakhir tidak semuanya paling kurang Baik "
        f"({'; '.join(shown) or 'tidak ada'})",
        en=f"appraisals of the last 2 years not all at least Baik ({'; '.join(shown) or 'none'})",
    )
    if met is None:
        listed = ", ".join(str(year) for year in missing)
        unmet = Message(
            id=f"penilaian kinerja tahun {listed} belum tercatat; lengkapi sebelum seleksi",
            en=f"no appraisal recorded for {listed}; supply it before the selection",
        )
    return requirement(
        "appraisals",
        met,
        citation=citation,
        evidence={
            "appraisals": shown,
            "missing_years": missing,
            "reading": f"D5={reading}",
        },
        met_message=Message(
            id="penilaian kinerja 2 tahun terakhir paling kurang Baik",
            en="appraisals of the last 2 years at least Baik",
        ),
        unmet_message=unmet,
    )


def _good(appraisal: Appraisal) -> bool:
    return appraisal.rating.at_least(AppraisalRating.BAIK) and (
        appraisal.lowest_element_score is None
        or appraisal.lowest_element_score >= LOWEST_GOOD_ELEMENT_SCORE
    )


def _appraisal_shown(appraisal: Appraisal) -> str:
    lowest = appraisal.lowest_element_score
    element = f" (unsur terendah/lowest element {lowest})" if lowest is not None else ""
    return f"{appraisal.year}: {appraisal.rating}{element}"


def check_discipline(
    facts: PersonnelFacts, on: date, citation: Citation, pack: RulePack
) -> RequirementResult:
    """No open investigation, no moderate/severe penalty being served or ended under 1 year ago.

    Reading M5: by default the cool-off runs from the last day of the penalty (``Penalty.end``)
    for one calendar year (reading D7), so the employee may register on the first anniversary
    of that day; the alternative counts from the day after. Annulled penalties do not count.
    """
    cool_off = CLOCKS[ClockId.DISCIPLINARY_COOL_OFF]
    boundary = pack.reading(ReadingId.M5).chosen
    shift = timedelta(days=1 if boundary == "from-day-after" else 0)

    def free_from(penalty: Penalty) -> date:
        return cool_off.deadline(penalty.end + shift)

    investigations = [i for i in facts.investigations if i.open_on(on)]
    blocking = [
        p
        for p in facts.penalties
        if p.counts and p.level.is_moderate_or_severe and p.start <= on < free_from(p)
    ]
    shown = tuple(f"{p.level} {p.start}..{p.end} (boleh/may from {free_from(p)})" for p in blocking)
    return requirement(
        "discipline",
        not investigations and not blocking,
        citation=citation,
        evidence={
            "open_investigations": tuple(i.reference or str(i.opened) for i in investigations),
            "blocking_penalties": shown,
            "on": on,
            "reading": f"M5={boundary}",
        },
        met_message=Message(id="tidak ada hambatan disiplin", en="no disciplinary bar"),
        unmet_message=Message(
            id="sedang diperiksa atau belum 1 tahun setelah selesai hukuman disiplin sedang/berat",
            en="under investigation or less than 1 year after a moderate/severe penalty ended",
        ),
    )


def check_health(
    facts: PersonnelFacts,
    level: PositionLevel,
    on: date,
    citation: Citation,
    pack: RulePack,
    announced: date | None = None,
) -> RequirementResult:
    """A health certificate issued by ``on`` and, under reading M4, no earlier than the round's
    announcement date ``announced`` (no lower bound outside a round)."""
    certificate = facts.health_certificate
    # Only P10(1)(g) (administrator) asks for a government doctor.
    needs_government = level is PositionLevel.ADMINISTRATOR
    since = _since(pack, announced)
    present = certificate is not None and certificate.issued <= on
    met: bool | None = present
    unmet = Message(
        id="tidak ada surat keterangan sehat"
        + (" dari dokter pemerintah" if needs_government else ""),
        en="no health certificate" + (" from a government doctor" if needs_government else ""),
    )
    if present and certificate is not None and since is not None and certificate.issued < since:
        met = False
        unmet = Message(
            id=f"surat keterangan sehat bertanggal {certificate.issued}, sebelum pengumuman "
            f"putaran {since}",
            en=f"the health certificate of {certificate.issued} predates the round's "
            f"announcement of {since}",
        )
    elif present and needs_government and certificate is not None:
        # Unknown (SIASN does not record it) is pending until the caseworker checks the letter.
        met = certificate.government_doctor
        if met is None:
            unmet = Message(
                id="belum diketahui apakah surat keterangan sehat dari dokter pemerintah",
                en="not known whether the health certificate is from a government doctor",
            )
    return requirement(
        "health",
        met,
        citation=citation,
        evidence={
            "certificate": certificate.number if certificate else None,
            "issued": certificate.issued if certificate else None,
            "issued_from": since,
            "government_doctor": certificate.government_doctor if certificate else None,
            "government_doctor_required": needs_government,
            "reading": f"M4={pack.reading(ReadingId.M4).chosen}",
        },
        met_message=Message(id="surat keterangan sehat ada", en="health certificate present"),
        unmet_message=unmet,
    )


def check_integrity(
    facts: PersonnelFacts,
    on: date,
    citation: Citation,
    pack: RulePack,
    announced: date | None = None,
) -> RequirementResult:
    """Signed by ``on`` (and, under reading M4, no earlier than the announcement), on a duty
    stamp of at least Rp 6.000, acknowledged by the head of unit. The stamp duty has been
    Rp 10.000 since UU 10/2020, which satisfies "bermaterai Rp.6.000"; a stamp not recorded
    is pending until the caseworker checks the statement."""
    statement = facts.integrity_statement
    since = _since(pack, announced)
    met: bool | None
    if statement is None or statement.signed > on or not statement.acknowledged_by_head_of_unit:
        met = False
        unmet = Message(
            id="tidak ada pernyataan berintegritas yang diketahui Pimpinan Perangkat Daerah",
            en="no integrity statement acknowledged by the head of unit",
        )
    elif since is not None and statement.signed < since:
        met = False
        unmet = Message(
            id=f"pernyataan berintegritas bertanggal {statement.signed}, sebelum pengumuman "
            f"putaran {since}",
            en=f"the integrity statement of {statement.signed} predates the round's "
            f"announcement of {since}",
        )
    elif statement.duty_stamp_rupiah is None:
        met = None
        unmet = Message(
            id="meterai pernyataan berintegritas belum tercatat",
            en="the integrity statement's duty stamp is not recorded",
        )
    else:
        met = statement.duty_stamp_rupiah >= DUTY_STAMP_RUPIAH
        unmet = Message(
            id=f"meterai Rp {statement.duty_stamp_rupiah}, kurang dari Rp {DUTY_STAMP_RUPIAH}",
            en=f"a duty stamp of Rp {statement.duty_stamp_rupiah}, below Rp {DUTY_STAMP_RUPIAH}",
        )
    return requirement(
        "integrity",
        met,
        citation=citation,
        evidence={
            "signed": statement.signed if statement else None,
            "signed_from": since,
            "duty_stamp_rupiah": statement.duty_stamp_rupiah if statement else None,
            "acknowledged_by_head_of_unit": statement.acknowledged_by_head_of_unit
            if statement
            else None,
            "reading": f"M4={pack.reading(ReadingId.M4).chosen}",
        },
        met_message=Message(
            id="pernyataan berintegritas bermeterai diketahui Pimpinan Perangkat Daerah",
            en="integrity statement on a duty stamp, acknowledged by the head of unit",
        ),
        unmet_message=unmet,
    )


def _since(pack: RulePack, announced: date | None) -> date | None:
    """The first day a document may bear under reading M4."""
    if pack.reading(ReadingId.M4).chosen == "since-announcement":
        return announced
    return None


def check_age(facts: PersonnelFacts, on: date, citation: Citation) -> RequirementResult:
    age = completed_years(facts.birth_date, on)
    return requirement(
        "age",
        age <= MAX_AGE,
        citation=citation,
        evidence={"birth_date": facts.birth_date, "age": age, "on": on, "reading": "D4"},
        met_message=Message(id=f"usia {age} tahun", en=f"aged {age}"),
        unmet_message=Message(
            id=f"usia {age} tahun melebihi {MAX_AGE}", en=f"aged {age}, above {MAX_AGE}"
        ),
    )
