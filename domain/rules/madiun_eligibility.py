"""madiun-2021 scouting eligibility (P10, P30(3)): may an employee register for a round?

The entry point and the position rows of P10: status, experience, education and grade. The rows
on the employee's record (appraisals, discipline, health, integrity, age) are in
``madiun_record``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from domain.personnel.facts import EmploymentStatus, PersonnelFacts, PositionSpell
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
from domain.rules.madiun import LEVEL_NAMES, LEVELS, PACK, Level
from domain.rules.madiun_record import (
    check_age,
    check_appraisals,
    check_discipline,
    check_health,
    check_integrity,
)
from domain.rules.pack import RulePack
from domain.rules.service_time import days_served, required_days
from domain.values import EducationLevel, FunctionalGrade, PositionLevel


def check_scouting_eligibility(
    facts: PersonnelFacts,
    level: PositionLevel,
    on: date,
    agency: str,
    *,
    pack: RulePack = PACK,
    announced: date | None = None,
) -> EligibilityResult:
    """May this employee register for scouting toward ``level``, judged on ``on``?

    ``on`` is the round's registration closing date (reading D4); ``agency`` the agency id the
    round belongs to (e.g. ``kota-madiun``); ``announced`` the round's announcement date, the
    earliest date of its health certificate and integrity statement (reading M4), None outside
    a round. Every row of P10 and P30(3) is reported.
    """
    pack.ensure_in_force(on)
    rules = LEVELS.get(level)
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
        check_appraisals(facts, on, cite("e"), pack),
        check_discipline(facts, on, cite("f"), pack),
        check_health(facts, level, on, cite("g"), pack, announced),
        check_integrity(facts, on, cite("h"), pack, announced),
        check_age(facts, on, pack.cite("P30(3)")),
    )
    return EligibilityResult(
        requirements=requirements,
        readings_used=pack.uses(
            *((ReadingId.D2,) if level is PositionLevel.SUPERVISOR else (ReadingId.M8,)),
            ReadingId.D4,
            ReadingId.D5,
            ReadingId.D7,
            ReadingId.M4,
            ReadingId.M5,
        ),
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
    rules: Level,
    on: date,
    citation: Citation,
    pack: RulePack,
) -> tuple[RequirementResult, ...]:
    """P10(1)(b) / P10(2)(b): years in the lower position, or functional Ahli Muda with a grade."""
    served = days_served(facts, on, lambda s: s.level is rules.experience_level)
    needed = required_days(on, rules.experience_years)
    grade = facts.grade_on(on)
    lower = LEVEL_NAMES[rules.experience_level]
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
        # Reading M8, "pengalaman pada ... Ahli Muda": any spell held up to ``on`` is enough.
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
    facts: PersonnelFacts, rules: Level, on: date, citation: Citation
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


def _grade(facts: PersonnelFacts, rules: Level, on: date, citation: Citation) -> RequirementResult:
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
