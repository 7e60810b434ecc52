"""Whose records a decision touched: every decision is its actor's agency's, about that agency's
employees (or an external candidate the agency profiled on its own evidence). A decision recorded
by an actor of another agency, or naming an employee another agency employs, is a breach whatever
else it rests on."""

from __future__ import annotations

from typing import Any

from domain.envelope import Envelope, Role
from domain.rules.core import Message, RuleRefusal
from domain.talent.mapping import TalentProfile
from services.audit.compliance_models import first_citation
from services.audit.compliance_roles import HANDLERS
from services.audit.compliance_state import Shadows


def ensure_own_agency(event: Any, shadows: Shadows, stamp: Envelope) -> None:
    """Refused when the decision's agency is not its actor's, or an employee it names (its
    NIP or NIPs) is employed by another agency, citing the first article it rests on. Judged
    on the decisions a command handler records, as their roles are."""
    if type(event) not in HANDLERS:
        return
    owner = shadows.agency_of(event)
    actor = stamp.actor
    if actor.role is not Role.SYSTEM and owner and actor.agency != owner:
        raise _refusal(
            f"{actor.id} dari instansi {actor.agency or '-'} mencatat keputusan instansi {owner}",
            f"{actor.id} of agency {actor.agency or '-'} recorded a decision of agency {owner}",
            stamp,
        )
    profile = shadows.get(event.originator_id, TalentProfile)
    if profile is not None and profile.external_source is not None:
        return  # an external candidate's own profile (Binjai P17, Balikpapan P13(1))
    for nip in _nips(event):
        facts = shadows.facts(nip)
        if facts is not None and owner and facts.agency != owner:
            raise _refusal(
                f"keputusan instansi {owner} atas NIP {nip}, pegawai instansi {facts.agency}",
                f"a decision of agency {owner} about NIP {nip}, an employee of {facts.agency}",
                stamp,
            )


def _nips(event: Any) -> list[str]:
    one = getattr(event, "nip", None)
    many = getattr(event, "nips", None)
    return ([str(one)] if isinstance(one, str) else []) + (
        [str(nip) for nip in many] if isinstance(many, list | tuple) else []
    )


def _refusal(indonesian: str, english: str, stamp: Envelope) -> RuleRefusal:
    return RuleRefusal("other-agency", Message(id=indonesian, en=english), first_citation(stamp))
