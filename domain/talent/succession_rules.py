"""The succession group's rules: its definition (boxes 7-9 of the nine-box; Binjai P21, P22,
P1(19); Balikpapan P15, P1(15)), who may be a talent (Binjai P1(12)), membership of the group a
period's decree set (Binjai P22, P29(3), P32; Balikpapan P16(2), P17(3)), and the target one
level higher or critical (Binjai P1(15))."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from domain.rules.core import Citation, ReadingId
from domain.rules.cycle import CycleRules, position_rank
from domain.rules.ninebox import SUCCESSION_BOXES
from domain.rules.pack import RulePack
from domain.talent.mapping import Assessment
from domain.talent.refusals import SUCCESSION_RULES
from domain.talent.succession_values import DecreedGroup, TalentFacts
from domain.values import PositionLevel

# Targets of "jabatan pimpinan tinggi dan jabatan administrasi" (Binjai P1(15)).
TARGET_LEVELS = (
    PositionLevel.JPT_UTAMA,
    PositionLevel.JPT_MADYA,
    PositionLevel.JPT_PRATAMA,
    PositionLevel.ADMINISTRATOR,
    PositionLevel.SUPERVISOR,
)


def succession_citations(pack: RulePack) -> tuple[str, ...]:
    """Where the pack defines the succession group as boxes 7-9 (Binjai P21, P22, P1(19);
    Balikpapan P15, P1(15))."""
    if pack.nine_box is None:
        raise ValueError(f"{pack.id} runs the talent cycle without a nine-box")
    return pack.nine_box.succession_citations


def refuse_below_group(nip: str, box: int | None, day: date, citations: Sequence[str]) -> None:
    """Refused unless ``box`` is 7, 8 or 9, citing the group's definition (the first article,
    every article in the message)."""
    if box in SUCCESSION_BOXES:
        return
    articles = ", ".join(citations)
    raise SUCCESSION_RULES.refused(
        "not-in-succession-boxes",
        citations[0] if citations else None,
        nip=nip,
        box=box or "-",
        day=day,
        articles=articles,
    )


def in_group(nip: str, assessment: Assessment | None, pack: RulePack, day: date) -> int:
    """The box of ``nip`` on ``day``, refused unless it is 7, 8 or 9."""
    box = assessment.box if assessment is not None else None
    refuse_below_group(nip, box, day, succession_citations(pack))
    assert box is not None
    return box


def ensure_talent_status(nip: str, talent: TalentFacts, cycle: CycleRules, step: str) -> None:
    """Refused when the pack's talents are of other employment statuses (Binjai P1(12): PNS
    only; CPNS and PPPK are mapped, P17, but are not talents). ``step``: what is refused, in
    Indonesian and English ("ditetapkan dalam kelompok/decreed into the group")."""
    if cycle.talent_statuses is None or talent.status in cycle.talent_statuses:
        return
    allowed = ", ".join(cycle.talent_statuses)
    step_id, _, step_en = step.partition("/")
    raise SUCCESSION_RULES.refused(
        "not-a-talent",
        cycle.talent_citation,
        nip=nip,
        status=talent.status,
        allowed=allowed,
        talent_citation=cycle.talent_citation,
        step_id=step_id,
        step_en=step_en,
    )


def ensure_in_decreed_group(
    nip: str, period: str, group: DecreedGroup | None, citation: Citation, what: str
) -> None:
    """Refused unless ``nip`` is a member of ``group``, the group recorded for ``period`` (None:
    none recorded). ``what``: which record, "keputusan PPK/the PPK's decree"."""
    what_id, _, what_en = what.partition("/")
    if group is None:
        raise SUCCESSION_RULES.refused(
            "no-decreed-group", citation, period=period, what_id=what_id, nip=nip, what_en=what_en
        )
    if nip not in group.members:
        raise SUCCESSION_RULES.refused(
            "not-in-decreed-group",
            citation,
            nip=nip,
            period=period,
            what_id=what_id,
            reference=group.reference,
            what_en=what_en,
        )


def ensure_target_level(
    nip: str,
    talent: TalentFacts,
    target_level: PositionLevel,
    critical: bool,
    pack: RulePack,
    cycle: CycleRules,
) -> None:
    """A target is a JPT or administration position one level above the talent's, or a
    critical position (Binjai P1(15)); a functional position ranks by reading C1."""
    citation = cycle.target_level_citation
    if citation is None or critical:
        return
    option = pack.reading(ReadingId.C1).chosen
    held = position_rank(talent.level, talent.functional_grade, option)
    wanted = position_rank(target_level, None, option) if target_level in TARGET_LEVELS else None
    if held is not None and wanted == held + 1:
        return
    position = f"{talent.level or '-'}" + (
        f" {talent.functional_grade}" if talent.functional_grade else ""
    )
    raise SUCCESSION_RULES.refused(
        "target-not-one-level-up",
        citation,
        target_level=target_level,
        nip=nip,
        position=position,
        option=option,
    )


def direct_needs_group(pack: RulePack) -> bool:
    """Whether a box-9 talent placed directly must be in the decreed group: reading C2, where
    the pack places box 9 directly (Balikpapan P23(3))."""
    if all(reading.id is not ReadingId.C2 for reading in pack.readings):
        return False
    return pack.reading(ReadingId.C2).chosen == "decreed-group"
