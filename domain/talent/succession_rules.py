"""The succession group's definition (boxes 7-9 of the nine-box; Binjai P21, P22, P1(19);
Balikpapan P15, P1(15)): where the pack cites it and the check that a talent is in it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from domain.rules.ninebox import SUCCESSION_BOXES
from domain.rules.pack import RulePack
from domain.talent.errors import refuse
from domain.talent.mapping import Assessment


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
    raise refuse(
        "not-in-succession-boxes",
        f"NIP {nip} berada pada kotak {box or '-'} pada {day}; kelompok rencana suksesi "
        f"hanya kotak 7, 8 dan 9 ({articles})",
        f"NIP {nip} is in box {box or '-'} on {day}; the succession group holds boxes 7, "
        f"8 and 9 only ({articles})",
        citations[0] if citations else None,
    )


def in_group(nip: str, assessment: Assessment | None, pack: RulePack, day: date) -> int:
    """The box of ``nip`` on ``day``, refused unless it is 7, 8 or 9."""
    box = assessment.box if assessment is not None else None
    refuse_below_group(nip, box, day, succession_citations(pack))
    assert box is not None
    return box
