"""The compliance replay: one pass over the whole event log, in order, re-judging every
decision under the pack in force on its effective date with the readings its envelope records,
through the rules the commands themselves apply; then the clocks' deadlines passed unrecorded.

Each decision is judged on the state its command saw: the aggregates it touches are rebuilt as
the log is read (``compliance_state``) and the step is run again on a copy; a refusal is a breach.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.persistence import Notification
from pydantic import BaseModel, ConfigDict, ValidationError

from domain.envelope import Actor, Envelope, Role
from domain.rules.core import Message, RuleRefusal
from domain.rules.pack import RulePack
from domain.rules.registry import pack_in_force
from domain.talent.retention import Award
from services.application import Talenta
from services.audit import (
    compliance_followup,
    compliance_rounds,
    compliance_scouting,
    compliance_talent,
)
from services.audit.compliance_agency import ensure_own_agency
from services.audit.compliance_derived import ensure_as_recorded
from services.audit.compliance_models import Breach, ComplianceReport, Seen, first_citation
from services.audit.compliance_roles import HANDLERS, ensure_role
from services.audit.compliance_state import Judge, Shadows
from services.audit.compliance_talent import HeldPin
from services.auth import same_agency
from services.permissions import allowed

if TYPE_CHECKING:
    from services.audit.compliance_kept import KeptCompliance

PAGE = 500  # notifications read per query
JUDGES: dict[type[Any], tuple[Judge, ...]] = {
    **compliance_rounds.JUDGES,
    **compliance_scouting.JUDGES,
    **compliance_talent.JUDGES,
    **compliance_followup.JUDGES,
}


class ComplianceQuery(BaseModel):
    model_config = ConfigDict(frozen=True)

    agency: str
    # The moment deadlines are judged against (default: now); a pin expired before it must
    # have its expiry recorded.
    as_of: datetime | None = None


@allowed(Role.AUDITOR, Role.ADMINISTRATOR)
def compliance_report(
    app: Talenta,
    query: ComplianceQuery,
    actor: Actor,
    kept: KeptCompliance | None = None,
    fresh: bool = True,
) -> ComplianceReport:
    """The replay for the actor's own agency only: run now over the whole log, or the one
    ``kept`` up to the log (caught up to its head first when ``fresh``)."""
    same_agency(actor, query.agency)
    if kept is None:
        return replay(app, query.agency, query.as_of)
    return kept.report(query.agency, query.as_of, fresh)


def replay(
    app: Talenta, agency: str | None = None, as_of: datetime | None = None
) -> ComplianceReport:
    """Every breach in the log (of ``agency``'s decisions, or every agency's when None)."""
    fold = Replay(agency)
    for notification in _notifications(app):
        fold.take(notification.id, app.mapper.to_domain_event(notification))
    return fold.standing().report(agency, as_of)


@dataclass(frozen=True)
class Standing:
    """What the replay found in the log up to ``position``, fixed when it got there: readers
    share it while the replay reads on."""

    position: int
    replayed_at: datetime
    checked: Mapping[str, int]  # decisions re-judged, per agency
    breaches: tuple[Breach, ...]  # in log order
    pins: tuple[HeldPin, ...]

    def report(self, agency: str | None, as_of: datetime | None) -> ComplianceReport:
        """``agency``'s breaches (every agency's when None), the pins judged at ``as_of``
        (default now)."""
        moment = as_of or datetime.now(UTC)
        breaches = [each for each in self.breaches if agency is None or each.agency == agency]
        held = (pin for pin in self.pins if agency is None or pin.agency == agency)
        for pin, refusal in compliance_talent.unexpired_pins(held, moment):
            seen = pin.awarded.model_copy(update={"effective": pin.expires_on})
            breaches.append(Breach.of(seen, refusal))
        checked = sum(self.checked.values()) if agency is None else self.checked.get(agency, 0)
        return ComplianceReport(
            agency=agency,
            as_of=moment,
            checked=checked,
            breaches=breaches,
            position=self.position,
            replayed_at=self.replayed_at,
        )


class Replay:
    """The replay as a fold over the log, event by event in log order: a fresh replay and one
    kept up to the log (``compliance_kept``) are the same fold, the kept one resumed where it
    stopped. ``agency``: judge only its decisions (None: every agency's); the state is rebuilt
    from every event either way."""

    def __init__(self, agency: str | None = None) -> None:
        self.agency = agency
        self.position = 0
        self._shadows = Shadows()
        self._awards: dict[UUID, Seen] = {}
        self._breaches: list[Breach] = []
        self._checked: dict[str, int] = {}

    def take(self, notification_id: int, event: Any) -> None:
        stamp = _envelope(event)
        if stamp is not None:
            owner = self._shadows.agency_of(event)
            seen = Seen.of(notification_id, event, owner, stamp)
            if isinstance(event, Award.Awarded):
                self._awards[event.originator_id] = seen
            if _decision(event, stamp) and (self.agency is None or owner == self.agency):
                self._checked[owner] = self._checked.get(owner, 0) + 1
                self._breaches.extend(
                    Breach.of(seen, refusal) for refusal in judge(event, self._shadows, stamp)
                )
        self._shadows.apply(event)
        self.position = notification_id

    def standing(self) -> Standing:
        held = (
            HeldPin.of(seen, self._shadows.get(award, Award))
            for award, seen in self._awards.items()
        )
        return Standing(
            position=self.position,
            replayed_at=datetime.now(UTC),
            checked=dict(self._checked),
            breaches=tuple(self._breaches),
            pins=tuple(pin for pin in held if pin is not None),
        )


def judge(event: Any, shadows: Shadows, stamp: Envelope) -> Iterator[RuleRefusal]:
    """The refusals the rules in force on the decision's date give it: the pack not yet in
    force (nothing else is judged then), a role its handler does not allow, another agency's
    actor or employee, each rule its command applies. A record not taken under a pack gives none."""
    if not _decision(event, stamp):
        return
    pack = _pack(event, shadows, stamp)
    if isinstance(pack, RuleRefusal):
        yield pack
        return
    try:
        ensure_role(event, stamp)
    except RuleRefusal as refused:
        yield refused
    try:
        ensure_own_agency(event, shadows, stamp)
    except RuleRefusal as refused:
        yield refused
    if pack is None:
        return
    for rule in JUDGES.get(type(event), ()):
        try:
            ensure_as_recorded(event, rule(event, shadows, pack, stamp), pack)
        except RuleRefusal as refused:
            yield refused
        except (ValueError, LookupError, AssertionError, TypeError) as error:
            # Only a record written past the commands gets here; the auditor is told it could
            # not be judged rather than the replay stopping.
            yield RuleRefusal(
                "not-judgeable",
                Message(
                    id=f"keputusan ini tidak dapat dinilai ulang: {error}",
                    en=f"this decision cannot be re-judged: {error}",
                ),
                first_citation(stamp),
            )


def _decision(event: Any, stamp: Envelope) -> bool:
    """Taken under a pack: its envelope names one, or the replay judges its kind (a personnel
    import names none and is not judged)."""
    return bool(stamp.basis.pack or stamp.basis.citations) or (
        type(event) in JUDGES or type(event) in HANDLERS
    )


def _pack(event: Any, shadows: Shadows, stamp: Envelope) -> RulePack | RuleRefusal | None:
    """The pack in force on the effective date with the envelope's readings, a refusal when it
    is not in force then; the agency's pack whatever the envelope names, else the pack it
    names, and None when it has neither."""
    named = stamp.basis.pack or next(
        (cited.split(":", 1)[0] for cited in stamp.basis.citations), ""
    )
    owner = shadows.agency_of(event) or named
    if not owner:
        return None
    try:
        pack = pack_in_force(owner, stamp.effective)
        return pack.with_readings(**stamp.basis.readings)
    except RuleRefusal as refused:
        return refused


def _envelope(event: Any) -> Envelope | None:
    raw = getattr(event, "envelope", None)
    if not raw:
        return None
    try:
        return Envelope.from_event(raw)
    except ValidationError:
        return None


def _notifications(app: Talenta) -> Iterator[Any]:
    position = 0
    while True:
        page = notifications_after(app, position)
        yield from page
        if len(page) < PAGE:
            return
        position = page[-1].id


def notifications_after(app: Talenta, position: int) -> Sequence[Notification]:
    """The next page of the log after notification id ``position``."""
    return app.recorder.select_notifications(start=position, limit=PAGE, inclusive_of_start=False)
