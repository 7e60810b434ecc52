"""What a step derives by rule (an expiry, a box, a category, a result) recorded as the rules in
force give it: the recorded event beside the one its command, run again, would record."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from eventsourcing.domain import Aggregate
from pydantic_core import to_jsonable_python

from domain.envelope import Envelope
from domain.rules.core import Message, RuleRefusal
from domain.rules.pack import RulePack
from domain.scouting.pool import PoolMembership
from domain.scouting.round import ScoutingRound
from domain.talent.mapping import TalentProfile
from domain.talent.placement import Placement
from domain.talent.retention import Award
from domain.talent.succession import SuccessionPlan
from services.audit.compliance_models import first_citation


def _article(article: str) -> Callable[[RulePack], str | None]:
    return lambda pack: pack.cite(article)


def _grid(pack: RulePack) -> str | None:
    return pack.nine_box.grid_citation if pack.nine_box else None


def _group(pack: RulePack) -> str | None:
    return pack.nine_box.succession_citations[0] if pack.nine_box else None


def _placement(pack: RulePack) -> str | None:
    return pack.cycle.placement_citation if pack.cycle else None


def _award(pack: RulePack) -> str | None:
    return (pack.cycle.pin_citation or pack.cycle.awards_citation) if pack.cycle else None


# Per event, the fields its command computes rather than takes from the caller, and the article
# that computes them (None: the first the recomputed event cites).
DERIVED: dict[type[Any], tuple[tuple[str, ...], Callable[[RulePack], str | None] | None]] = {
    ScoutingRound.AdministrativelySelected: (("passed",), _article("P14(1)")),
    ScoutingRound.PotentialAssessed: (("score", "category", "proceeds"), None),
    ScoutingRound.ResultsFinalised: (("results",), _article("P19(3)")),
    PoolMembership.EntryDecreed: (("expires_on",), _article("P22(1)")),
    TalentProfile.Assessed: (("box", "category", "recommendations"), _grid),
    SuccessionPlan.Nominated: (("box",), _group),
    Placement.Placed: (("box", "direct"), _placement),
    Award.Awarded: (("box", "expires_on"), _award),
}
_SHOWN = 160  # characters of a value shown in a message


def ensure_as_recorded(recorded: Any, rerun: Aggregate | None, pack: RulePack) -> None:
    """Refused when a derived field of ``recorded`` differs from what the command run again on
    the same state (``rerun``, holding the event it would record) derives."""
    fields, cite = DERIVED.get(type(recorded), ((), None))
    pending = rerun.pending_events if rerun is not None else []
    if not fields or not pending or type(pending[-1]) is not type(recorded):
        return
    again: Any = pending[-1]
    differing = [
        (name, _value(recorded, name), _value(again, name))
        for name in fields
        if _value(recorded, name) != _value(again, name)
    ]
    if not differing:
        return
    shown = [(name, _shown(was), _shown(due)) for name, was, due in differing]
    raise RuleRefusal(
        "recorded-differs",
        Message(
            id="; ".join(f"tercatat {n} = {was}, aturan memberi {due}" for n, was, due in shown),
            en="; ".join(f"recorded {n} = {was}, the rules give {due}" for n, was, due in shown),
        ),
        cite(pack) if cite else first_citation(Envelope.from_event(again.envelope)),
    )


def _value(event: Any, name: str) -> Any:
    return to_jsonable_python(getattr(event, name))


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= _SHOWN else f"{text[:_SHOWN]}…"
