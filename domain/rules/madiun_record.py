"""madiun-2021 scouting eligibility: the rows of P10 read from the employee's record
(appraisals, discipline, health, integrity) and the age limit of P30(3)."""

from __future__ import annotations

from datetime import date

from domain.personnel.facts import PersonnelFacts
from domain.rules.calendar import CLOCKS, ClockId, completed_years
from domain.rules.core import Citation, Message, ReadingId, RequirementResult, requirement
from domain.rules.pack import RulePack
from domain.values import AppraisalRating, PositionLevel

MAX_AGE = 57
# Pre-2022 element scores: 76 and above is "baik" (PP 46/2011).
LOWEST_GOOD_ELEMENT_SCORE = 76


def check_appraisals(
    facts: PersonnelFacts, on: date, citation: Citation, pack: RulePack
) -> RequirementResult:
    """Reading D5: the two most recent yearly appraisals (years before ``on``'s year), each at
    least Baik; "every element" (setiap unsur) also holds the lowest element score of a pre-2022
    appraisal, where one was recorded, to at least Baik."""
    latest = facts.latest_appraisals(2, before=on)
    good = len(latest) == 2 and all(
        a.rating.at_least(AppraisalRating.BAIK)
        and (a.lowest_element_score is None or a.lowest_element_score >= LOWEST_GOOD_ELEMENT_SCORE)
        for a in latest
    )
    shown = tuple(
        f"{a.year}: {a.rating}"
        + (
            f" (unsur terendah/lowest element {a.lowest_element_score})"
            if a.lowest_element_score is not None
            else ""
        )
        for a in latest
    )
    return requirement(
        "appraisals",
        good,
        citation=citation,
        evidence={"appraisals": shown, "reading": f"D5={pack.reading(ReadingId.D5).chosen}"},
        met_message=Message(
            id="penilaian kinerja 2 tahun terakhir paling kurang Baik",
            en="appraisals of the last 2 years at least Baik",
        ),
        unmet_message=Message(
            id=f"penilaian kinerja 2 tahun terakhir tidak semuanya paling kurang Baik "
            f"({'; '.join(shown) or 'tidak ada'})",
            en=f"appraisals of the last 2 years not all at least Baik "
            f"({'; '.join(shown) or 'none'})",
        ),
    )


def check_discipline(facts: PersonnelFacts, on: date, citation: Citation) -> RequirementResult:
    """No open investigation, no moderate/severe penalty being served or ended under 1 year ago.

    The cool-off runs from the last day of the penalty (``Penalty.end``) for one calendar year
    (reading D7): the employee may register on the first anniversary of that day.
    Annulled penalties do not count.
    """
    cool_off = CLOCKS[ClockId.DISCIPLINARY_COOL_OFF]
    investigations = [i for i in facts.investigations if i.open_on(on)]
    blocking = [
        p
        for p in facts.penalties
        if p.counts and p.level.is_moderate_or_severe and p.start <= on < cool_off.deadline(p.end)
    ]
    shown = tuple(
        f"{p.level} {p.start}..{p.end} (boleh/may from {cool_off.deadline(p.end)})"
        for p in blocking
    )
    return requirement(
        "discipline",
        not investigations and not blocking,
        citation=citation,
        evidence={
            "open_investigations": tuple(i.reference or str(i.opened) for i in investigations),
            "blocking_penalties": shown,
            "on": on,
        },
        met_message=Message(id="tidak ada hambatan disiplin", en="no disciplinary bar"),
        unmet_message=Message(
            id="sedang diperiksa atau belum 1 tahun setelah selesai hukuman disiplin sedang/berat",
            en="under investigation or less than 1 year after a moderate/severe penalty ended",
        ),
    )


def check_health(
    facts: PersonnelFacts, level: PositionLevel, on: date, citation: Citation
) -> RequirementResult:
    certificate = facts.health_certificate
    # Only P10(1)(g) (administrator) asks for a government doctor.
    needs_government = level is PositionLevel.ADMINISTRATOR
    present = certificate is not None and certificate.issued <= on
    met: bool | None = present
    unmet = Message(
        id="tidak ada surat keterangan sehat"
        + (" dari dokter pemerintah" if needs_government else ""),
        en="no health certificate" + (" from a government doctor" if needs_government else ""),
    )
    if present and needs_government and certificate is not None:
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
            "government_doctor": certificate.government_doctor if certificate else None,
            "government_doctor_required": needs_government,
        },
        met_message=Message(id="surat keterangan sehat ada", en="health certificate present"),
        unmet_message=unmet,
    )


def check_integrity(facts: PersonnelFacts, on: date, citation: Citation) -> RequirementResult:
    statement = facts.integrity_statement
    met = (
        statement is not None and statement.signed <= on and statement.acknowledged_by_head_of_unit
    )
    return requirement(
        "integrity",
        met,
        citation=citation,
        evidence={
            "signed": statement.signed if statement else None,
            "acknowledged_by_head_of_unit": statement.acknowledged_by_head_of_unit
            if statement
            else None,
        },
        met_message=Message(
            id="pernyataan berintegritas diketahui Pimpinan Perangkat Daerah",
            en="integrity statement acknowledged by the head of unit",
        ),
        unmet_message=Message(
            id="tidak ada pernyataan berintegritas yang diketahui Pimpinan Perangkat Daerah",
            en="no integrity statement acknowledged by the head of unit",
        ),
    )


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
