"""madiun-2021: Peraturan Walikota Madiun No. 48/2021, talent scouting and the talent pool.

Holds the pack (no nine-box; readings D2-D5, D7; clocks) and the eligibility rules: scouting
(P10, P30(3)), consideration of a pool member for promotion (P30(5)) and the Camat
qualification (P30(2)). Scoring of stages 4-6 is in ``madiun_scoring``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from domain.personnel.facts import EmploymentStatus, PersonnelFacts, PositionSpell
from domain.rules.calendar import CLOCKS, ClockId, completed_years
from domain.rules.core import (
    Citation,
    EligibilityResult,
    Message,
    ReadingId,
    RequirementResult,
    RuleRefusal,
    all_met,
    any_met,
    requirement,
)
from domain.rules.pack import RulePack
from domain.rules.readings import D2, D3, D4, D5, D7
from domain.rules.service_time import days_served, required_days
from domain.values import (
    AppraisalRating,
    EducationLevel,
    FunctionalGrade,
    Grade,
    PositionLevel,
)

PACK = RulePack(
    id="madiun-2021",
    title="Pengisian Jabatan Administrator dan Pengawas melalui Penyiapan Kader Potensial",
    regulation="Peraturan Walikota Madiun Nomor 48 Tahun 2021",
    signed=date(2021, 11, 12),
    in_force=date(2021, 11, 12),
    in_force_citation=Citation("madiun-2021:P31"),
    time_zone="Asia/Jakarta",
    readings=(D2, D3, D4, D5, D7),
    clocks=(ClockId.POOL_ENTRY, ClockId.TENURE, ClockId.DISCIPLINARY_COOL_OFF),
)

MAX_AGE = 57
# Pre-2022 element scores: 76 and above is "baik" (PP 46/2011).
LOWEST_GOOD_ELEMENT_SCORE = 76


@dataclass(frozen=True)
class _Level:
    """The per-level thresholds of P10(1) (administrator) and P10(2) (supervisor)."""

    paragraph: str
    experience_level: PositionLevel
    experience_years: int
    functional_grade: Grade
    education: EducationLevel
    grade: Grade


_LEVELS = {
    PositionLevel.ADMINISTRATOR: _Level(
        "P10(1)", PositionLevel.SUPERVISOR, 3, Grade("III/d"), EducationLevel.S1, Grade("III/d")
    ),
    PositionLevel.SUPERVISOR: _Level(
        "P10(2)", PositionLevel.EXECUTOR, 4, Grade("III/c"), EducationLevel.D3, Grade("III/b")
    ),
}

_LEVEL_NAMES = {
    PositionLevel.ADMINISTRATOR: Message(id="Administrator", en="administrator"),
    PositionLevel.SUPERVISOR: Message(id="Pengawas", en="supervisor"),
    PositionLevel.EXECUTOR: Message(id="Pelaksana", en="executor"),
}


def check_scouting_eligibility(
    facts: PersonnelFacts,
    level: PositionLevel,
    on: date,
    agency: str,
    *,
    pack: RulePack = PACK,
) -> EligibilityResult:
    """May this employee register for scouting toward ``level``, judged on ``on``?

    ``on`` is the round's registration closing date (reading D4); ``agency`` the agency id the
    round belongs to (e.g. ``kota-madiun``). Every row of P10 and P30(3) is reported.
    """
    pack.ensure_in_force(on)
    rules = _LEVELS.get(level)
    if rules is None:
        raise RuleRefusal(
            "level-not-in-scope",
            Message(
                id=f"Talent Scouting hanya untuk jabatan Administrator dan Pengawas, bukan {level}",
                en=f"scouting is for administrator and supervisor positions only, not {level}",
            ),
            pack.cite("P10"),
        )
    cite = _citer(pack, rules.paragraph)
    requirements = (
        _status(facts, agency, on, cite("a")),
        *_experience(facts, level, rules, on, cite("b"), pack),
        _education(facts, rules, on, cite("c")),
        _grade(facts, rules, on, cite("d")),
        _appraisals(facts, on, cite("e"), pack),
        _discipline(facts, on, cite("f")),
        _health(facts, level, on, cite("g")),
        _integrity(facts, on, cite("h")),
        _age(facts, on, pack.cite("P30(3)")),
    )
    return EligibilityResult(
        requirements=requirements,
        readings_used=pack.uses(ReadingId.D2, ReadingId.D4, ReadingId.D5, ReadingId.D7)
        if level is PositionLevel.SUPERVISOR
        else pack.uses(ReadingId.D4, ReadingId.D5, ReadingId.D7),
    )


def _citer(pack: RulePack, paragraph: str) -> Callable[[str], Citation]:
    return lambda letter: pack.cite(f"{paragraph}({letter})")


def _status(facts: PersonnelFacts, agency: str, on: date, citation: Citation) -> RequirementResult:
    return requirement(
        "status",
        facts.status is EmploymentStatus.PNS and facts.active and facts.agency == agency,
        citation=citation,
        evidence={
            "status": facts.status,
            "active": facts.active,
            "agency": facts.agency,
            "round_agency": agency,
            "on": on,
        },
        met_message=Message(id="PNS aktif Pemerintah Kota", en="active PNS of the city"),
        unmet_message=Message(
            id=f"bukan PNS aktif {agency} ({facts.status}, aktif: {facts.active}, "
            f"instansi: {facts.agency})",
            en=f"not an active PNS of {agency} ({facts.status}, active: {facts.active}, "
            f"agency: {facts.agency})",
        ),
    )


def _experience(
    facts: PersonnelFacts,
    level: PositionLevel,
    rules: _Level,
    on: date,
    citation: Citation,
    pack: RulePack,
) -> tuple[RequirementResult, ...]:
    """P10(1)(b) / P10(2)(b): years in the lower position, or functional Ahli Muda with a grade."""
    served = days_served(facts, on, lambda s: s.level is rules.experience_level)
    needed = required_days(on, rules.experience_years)
    grade = facts.grade_on(on)
    lower = _LEVEL_NAMES[rules.experience_level]
    years = rules.experience_years
    by_service = requirement(
        "experience-in-position",
        served >= needed,
        citation=citation,
        evidence={
            "position_level": rules.experience_level,
            "days_served": served,
            "required_days": needed,
            "on": on,
        },
        met_message=Message(
            id=f"pengalaman {lower.id} paling singkat {years} tahun",
            en=f"at least {years} years as {lower.en}",
        ),
        unmet_message=Message(
            id=f"pengalaman {lower.id} kurang dari {years} tahun ({served} dari {needed} hari)",
            en=f"less than {years} years as {lower.en} ({served} of {needed} days)",
        ),
        part_of="experience",
    )
    if level is PositionLevel.ADMINISTRATOR:
        # "pengalaman pada ... Ahli Muda": having held it up to ``on`` is enough.
        spells: list[PositionSpell] = [s for s, _ in facts.position_spells(on) if _ahli_muda(s)]
        functional = bool(spells)
        held = spells[-1].title if spells else None
        combine = any_met
    else:
        # "sedang menduduki": Ahli Muda must be the position held on ``on``.
        current = facts.position_on(on)
        functional = current is not None and _ahli_muda(current)
        held = current.title if current is not None else None
        combine = any_met if pack.reading(ReadingId.D2).chosen == "alternatives" else all_met
    functional_met = functional and grade is not None and grade >= rules.functional_grade
    by_function = requirement(
        "experience-functional",
        functional_met,
        citation=citation,
        evidence={
            "ahli_muda_position": held,
            "grade": grade,
            "required_grade": rules.functional_grade,
            "on": on,
        },
        met_message=Message(
            id=f"Jabatan Fungsional Ahli Muda dan sudah {rules.functional_grade}",
            en=f"functional Ahli Muda with grade {rules.functional_grade}",
        ),
        unmet_message=Message(
            id=f"bukan Jabatan Fungsional Ahli Muda dengan golongan {rules.functional_grade}",
            en=f"not functional Ahli Muda with grade {rules.functional_grade}",
        ),
        part_of="experience",
    )
    combined = requirement(
        "experience",
        combine((by_service.outcome, by_function.outcome)),
        citation=citation,
        evidence={
            "in_position": by_service.outcome,
            "functional": by_function.outcome,
            "combined_by": "or" if combine is any_met else "and",
        },
        met_message=Message(id="syarat pengalaman terpenuhi", en="experience requirement met"),
        unmet_message=Message(
            id="syarat pengalaman tidak terpenuhi", en="experience requirement not met"
        ),
    )
    return by_service, by_function, combined


def _ahli_muda(spell: PositionSpell) -> bool:
    return (
        spell.level is PositionLevel.FUNCTIONAL
        and spell.functional_grade is FunctionalGrade.AHLI_MUDA
    )


def _education(
    facts: PersonnelFacts, rules: _Level, on: date, citation: Citation
) -> RequirementResult:
    highest = facts.highest_education(by=on)
    return requirement(
        "education",
        highest is not None and highest.at_least(rules.education),
        citation=citation,
        evidence={"highest_education": highest, "required": rules.education},
        met_message=Message(
            id=f"pendidikan {highest} memenuhi", en=f"education {highest} is sufficient"
        ),
        unmet_message=Message(
            id=f"pendidikan {highest or '-'} di bawah {_education_name(rules.education)}",
            en=f"education {highest or '-'} below {_education_name(rules.education)}",
        ),
    )


def _education_name(level: EducationLevel) -> str:
    # D4 shares S1's rank, so "at least S1" reads "S1/D4" to the user as P10(1)(c) does.
    return "S1/D4" if level is EducationLevel.S1 else str(level)


def _grade(facts: PersonnelFacts, rules: _Level, on: date, citation: Citation) -> RequirementResult:
    grade = facts.grade_on(on)
    return requirement(
        "grade",
        grade is not None and grade >= rules.grade,
        citation=citation,
        evidence={"grade": grade, "required": rules.grade, "on": on},
        met_message=Message(id=f"golongan {grade} memenuhi", en=f"grade {grade} is sufficient"),
        unmet_message=Message(
            id=f"golongan {grade or '-'} di bawah {rules.grade} ({rules.grade.rank_title})",
            en=f"grade {grade or '-'} below {rules.grade} ({rules.grade.rank_title})",
        ),
    )


def _appraisals(
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


def _discipline(facts: PersonnelFacts, on: date, citation: Citation) -> RequirementResult:
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


def _health(
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


def _integrity(facts: PersonnelFacts, on: date, citation: Citation) -> RequirementResult:
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


def _age(facts: PersonnelFacts, on: date, citation: Citation) -> RequirementResult:
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


def check_promotion_consideration(
    facts: PersonnelFacts, on: date, *, pack: RulePack = PACK
) -> EligibilityResult:
    """P30(5): may a pool member be considered for promotion on ``on``?

    Poor performance ("kurang/buruk") is read as a most recent yearly rating of Kurang or
    Sangat Kurang; no rating at all is not poor.
    """
    pack.ensure_in_force(on)
    serving = [p for p in facts.penalties if p.level.is_moderate_or_severe and p.serving_on(on)]
    latest = facts.latest_appraisals(1, before=on)
    poor = bool(latest) and not latest[0].rating.at_least(AppraisalRating.BUTUH_PERBAIKAN)
    return EligibilityResult(
        requirements=(
            requirement(
                "not-serving-penalty",
                not serving,
                citation=pack.cite("P30(5)(a)"),
                evidence={
                    "serving": tuple(f"{p.level} {p.start}..{p.end}" for p in serving),
                    "on": on,
                },
                met_message=Message(
                    id="tidak sedang menjalani hukuman disiplin sedang/berat",
                    en="not serving a moderate/severe disciplinary penalty",
                ),
                unmet_message=Message(
                    id="sedang menjalani hukuman disiplin sedang/berat",
                    en="serving a moderate/severe disciplinary penalty",
                ),
            ),
            requirement(
                "performance-not-poor",
                not poor,
                citation=pack.cite("P30(5)(b)"),
                evidence={"latest_appraisal": tuple(f"{a.year}: {a.rating}" for a in latest)},
                met_message=Message(id="kinerja tidak kurang/buruk", en="performance not poor"),
                unmet_message=Message(id="kinerja kurang/buruk", en="poor performance"),
            ),
        ),
        readings_used=(),
    )


def check_camat_qualification(
    facts: PersonnelFacts, *, has_governance_certificate: bool, pack: RulePack = PACK
) -> RequirementResult:
    """P30(2) with UU 23/2014 P224(2): a Camat needs a diploma/degree in government science
    (ilmu pemerintahan) or a civil-service governance (keparamongprajaan) certificate."""
    diplomas = tuple(
        f"{e.level} {e.programme}"
        for e in facts.education
        if e.level.at_least(EducationLevel.D1) and "pemerintahan" in e.programme.lower()
    )
    return requirement(
        "camat-qualification",
        bool(diplomas) or has_governance_certificate,
        citation=pack.cite("P30(2)"),
        evidence={
            "government_science_diplomas": diplomas,
            "governance_certificate": has_governance_certificate,
        },
        met_message=Message(
            id="menguasai pengetahuan teknis pemerintahan",
            en="has technical knowledge of government",
        ),
        unmet_message=Message(
            id="tidak ada ijazah pemerintahan atau sertifikat keparamongprajaan",
            en="no government-science diploma nor governance certificate",
        ),
    )
