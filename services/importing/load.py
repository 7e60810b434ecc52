"""Storing parsed employees: enrol the new, update the changed, leave the unchanged alone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from eventsourcing.domain import Aggregate
from eventsourcing.persistence import InterfaceError, OperationalError

from domain.agencies import get_agency
from domain.bilingual import Bilingual, Message, said
from domain.envelope import Actor, Envelope, Evidence, Role
from domain.personnel.aggregate import Employee
from domain.personnel.facts import PersonnelFacts
from services.application import Talenta, chunks
from services.importing.files import PersonnelFiles
from services.importing.parse import Origin, ParseResult, parse_personnel
from services.importing.partial import Conflict, complete
from services.importing.report import ImportReport, RowError
from services.importing.tenure import keeps_tenure, tenure_reviews

Progress = Callable[[int, int], None]  # (employees done, employees to do)

# Employees read, decided and saved per round: bounds memory and paces progress reports. On a
# backend saving more at once (Talenta.events_per_save), rounds grow up to LARGE_CHUNK.
CHUNK = 200
LARGE_CHUNK = 1_000


class ImportInterrupted(Bilingual, RuntimeError):
    """The store failed part-way (e.g. the database restarted). Every save is atomic, so the
    employees stored so far are whole, and importing the same files again completes the rest."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__(
            Message(
                id=f"impor terhenti: penyimpanan tidak dapat dijangkau setelah {done} dari "
                f"{total} pegawai diproses; tidak ada data setengah tersimpan, impor ulang "
                "berkas yang sama untuk menyelesaikannya",
                en=f"import interrupted: the store could not be reached after {done} of {total} "
                "employees; nothing is half-saved, import the same files again to complete it",
            )
        )
        self.done = done
        self.total = total


class ImportNotAllowed(Bilingual, PermissionError):
    """The actor's role may not import."""


def may_import(actor: Actor) -> None:
    """Only a caseworker of the personnel agency imports its export."""
    if actor.role is not Role.CASEWORKER:
        raise ImportNotAllowed(
            Message(
                id=f"impor hanya oleh caseworker (bukan {actor.role})",
                en=f"only a caseworker may import (got {actor.role})",
            )
        )


def import_personnel(
    app: Talenta,
    files: PersonnelFiles,
    agency: str,
    actor: Actor,
    effective: date | None = None,
    on_progress: Progress | None = None,
) -> ImportReport:
    """Checks every row before saving anything, then saves in bounded batches, each employee's
    events atomically. A failure part-way leaves whole employees saved; importing the same files
    again completes the rest and records nothing for those already saved."""
    may_import(actor)
    parsed = parse_personnel(files, agency)
    report = ImportReport(
        rows_read=parsed.rows_read,
        refused_employees=parsed.refused,
        errors=list(parsed.errors),
        documents=parsed.documents,
    )
    # Rule dates are calendar dates in the agency's own time zone, not the server's.
    effective = effective or get_agency(agency).local_date(datetime.now(UTC))
    total = len(parsed.facts)
    if on_progress is not None:
        on_progress(0, total)
    done = 0
    tenure = keeps_tenure(agency)
    # One envelope per agency name the rows give: the same for every employee it covers.
    envelopes: dict[str, Envelope] = {}
    for batch in chunks(parsed.facts, max(CHUNK, min(app.events_per_save, LARGE_CHUNK))):
        try:
            changed: list[Aggregate] = []
            held: list[PersonnelFacts] = []  # as stored once the batch is saved
            # Whether each is stored already, and as what: one query for the whole batch.
            stored = app.employees_among(str(facts.nip) for facts in batch)
            for facts in batch:
                origin = parsed.origins[str(facts.nip)]
                envelope = envelopes.get(origin.agency_name)
                if envelope is None:
                    envelope = _envelope(parsed, origin, actor, effective)
                    envelopes[origin.agency_name] = envelope
                employee, kept = _apply(
                    stored.get(str(facts.nip)), facts, parsed, origin, envelope, report
                )
                if employee is not None:
                    changed.append(employee)
                if tenure and kept is not None:
                    held.append(kept)
            # Which holders' reviews exist already: one query for the whole batch.
            reviews = tenure_reviews(app, held, actor, effective, parsed.documents)
            report.events += app.save_bounded(changed)
            report.tenure_reviews += app.save_bounded(reviews)
        except (OperationalError, InterfaceError) as error:
            # Raised once the library's own retries gave up on the connection.
            raise ImportInterrupted(done, total) from error
        done += len(batch)
        if on_progress is not None:
            on_progress(done, total)
    return report


def _apply(
    employee: Employee | None,
    facts: PersonnelFacts,
    parsed: ParseResult,
    origin: Origin,
    envelope: Envelope,
    report: ImportReport,
) -> tuple[Employee | None, PersonnelFacts | None]:
    """The employee (as stored, None for one not stored yet) with pending events, or None when
    nothing is to be saved; and the facts its tenure review is judged on (as stored once
    saved, the import's own for one unchanged), None for one refused."""
    if employee is None:
        report.created += 1
        return Employee.enrol(facts, envelope), facts
    held_by = employee.record.get("agency")
    if held_by != facts.agency:
        # A transfer between agencies is a decision of its own, not a side effect of an import
        # run under the wrong --agency.
        report.refused_employees += 1
        report.errors.append(
            RowError(
                origin.file,
                origin.line,
                Message(
                    id=f"pegawai terdaftar pada instansi {held_by}, bukan {facts.agency}",
                    en=f"employee is recorded under agency {held_by}, not {facts.agency}",
                ),
                str(facts.nip),
            )
        )
        return None, None
    try:
        # Sections whose file or columns this import lacks keep their stored values.
        completed = complete(employee.facts, facts, parsed.sources)
    except Conflict as conflict:
        report.refused_employees += 1
        report.errors.append(RowError(origin.file, origin.line, said(conflict), str(facts.nip)))
        return None, None
    if employee.update(completed, envelope):
        report.updated += 1
        return employee, completed
    report.unchanged += 1
    return None, facts


def _envelope(parsed: ParseResult, origin: Origin, actor: Actor, effective: date) -> Envelope:
    reason = "import " + ", ".join(document.name for document in parsed.documents)
    if origin.agency_name:
        reason += f"; instansiKerjaNama: {origin.agency_name}"
    return Envelope(
        actor=actor,
        effective=effective,
        reason=reason,
        evidence=Evidence(documents=parsed.documents),
    )
