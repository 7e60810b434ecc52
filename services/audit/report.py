"""Printable audit reports (print-ready HTML): a vacancy's pick and a nomination, with their
trail, the rules and citations applied, the flags, and the chain's head hash to print on the
decree. Personal data appears as the reader's role may see it, and the report is a full-record
read of each person in it (services/personal_data.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template

from domain.envelope import Actor
from domain.scouting.vacancy import Vacancy
from projections.chain import Head
from services.application import EmployeeNotFound, Talenta
from services.audit.events import AuditEvent
from services.audit.nomination import audit_nomination
from services.audit.pick import audit_pick
from services.jsonable import jsonable_encoder
from services.personal_data import shown
from services.personal_data_reads import record_reads

# The chain's head once it has caught up with the log: the caller owns the chain's follower.
ChainHead = Callable[[], Head | None]

TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,  # every value comes from the log, which holds what users typed
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def vacancy_report(
    app: Talenta,
    chain_head: ChainHead,
    vacancy_id: UUID,
    reader: Actor,
    via: str,
    templates: Environment = TEMPLATES,
) -> str:
    """``templates``: where "base.html" frames the report (the web's pages frame it their way)."""
    audit = audit_pick(app, vacancy_id, reader)
    vacancy: Vacancy = app.repository.get(vacancy_id)
    # The board that drew up the shortlist, as its minutes record it (madiun-2021:P8, P24).
    session = vacancy.shortlisted.session if vacancy.shortlisted else None
    nips = [candidate.nip for candidate in audit.candidates]
    events = [*audit.timeline, *(e for c in audit.candidates for e in c.events)]
    return _render(
        templates.get_template("vacancy.html"),
        app,
        chain_head,
        reader,
        via,
        audit=audit,
        agency=audit.agency,
        nips=nips,
        session=session,
        citations=_citations(events),
        flags=audit.flags,
        title=f"Laporan Audit Pengisian Jabatan / Vacancy Audit Report: {audit.position}",
    )


def nomination_report(
    app: Talenta,
    chain_head: ChainHead,
    plan_id: UUID,
    nip: str,
    reader: Actor,
    via: str,
    templates: Environment = TEMPLATES,
) -> str:
    audit = audit_nomination(app, plan_id, nip, reader)
    events = [audit.nomination, *audit.assessment_events, *audit.plan_timeline]
    return _render(
        templates.get_template("nomination.html"),
        app,
        chain_head,
        reader,
        via,
        audit=audit,
        agency=audit.agency,
        nips=[audit.nip],
        citations=_citations(events),
        flags=[],
        title=f"Laporan Audit Nominasi / Nomination Audit Report: {audit.target_position}",
    )


def _render(
    template: Template,
    app: Talenta,
    chain_head: ChainHead,
    reader: Actor,
    via: str,
    *,
    audit: Any,
    agency: str,
    nips: list[str],
    **fields: Any,
) -> str:
    record_reads(app, reader, agency, nips, via)
    head = chain_head()  # after this report's own reads: the printed head covers them
    return template.render(
        audit=shown(jsonable_encoder(audit), reader.role),
        names=shown(_names(app, nips), reader.role),
        regulation=audit.regulation,
        pack=audit.pack,
        agency=agency,
        head=str(head) if head else None,
        reader=reader,
        printed_at=datetime.now(UTC).isoformat(timespec="seconds"),
        **fields,
    )


def _names(app: Talenta, nips: Iterable[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for nip in nips:
        try:
            found[nip] = app.facts(nip).name
        except EmployeeNotFound:  # a talent of another record keeper still has its NIP shown
            found[nip] = ""
    return found


def _citations(events: Iterable[AuditEvent]) -> list[str]:
    return sorted({citation for event in events for citation in event.citations})
