"""The steps of a Madiun round offered on its board (madiun-2021 P11-20): for each, the handler
that takes it (whose ``@allowed`` roles decide who is offered the form), the form's fields, and
how the form becomes the handler's command."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from domain.envelope import Role
from services.permissions import roles_of
from services.scouting import pool, rounds

Handler = Callable[..., Any]


@dataclass(frozen=True)
class Field:
    name: str
    label: str  # a key of the message catalogue
    kind: str = "text"  # an <input> type, or "candidate", "channel", "checkbox", "file"


@dataclass(frozen=True)
class Step:
    handler: Handler
    fields: tuple[Field, ...]
    build: Callable[[UUID, dict[str, Any]], Any]
    per_candidate: bool = False  # "every candidate waiting" takes it for each in turn

    @property
    def uploads(self) -> bool:
        return any(field.kind == "file" for field in self.fields)

    @property
    def name(self) -> str:
        return self.handler.__name__

    def offered_to(self, role: Role) -> bool:
        return role in roles_of(self.handler)


EFFECTIVE = Field("effective", "effective", "date")
NIP = Field("nip", "nip", "candidate")
# Uploaded files are pinned by their SHA-256 in the event; the files are kept elsewhere.
DOCUMENTS = Field("documents", "documents", "file")


def _step(round_id: UUID, form: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"round_id": round_id, "effective": form.get("effective"), **extra}


STEPS: tuple[Step, ...] = (
    Step(
        rounds.publish_round,
        (
            Field("circular_number", "circular_number"),
            Field("website", "website", "url"),
            EFFECTIVE,
        ),
        lambda rid, f: rounds.PublishRound(
            **_step(rid, f, circular_number=f.get("circular_number"), website=f.get("website"))
        ),
    ),
    Step(
        rounds.register_candidate,
        (Field("nip", "nip"), Field("channel", "channel", "channel"), DOCUMENTS, EFFECTIVE),
        lambda rid, f: rounds.RegisterCandidate(
            **_step(rid, f, nip=f.get("nip"), channel=f.get("channel"), documents=f["documents"])
        ),
    ),
    Step(
        rounds.recommend_candidate,
        (NIP, EFFECTIVE),
        lambda rid, f: rounds.CandidateStep(**_step(rid, f, nip=f.get("nip"))),
    ),
    Step(
        rounds.verify_documents,
        (NIP, EFFECTIVE),
        lambda rid, f: rounds.CandidateStep(**_step(rid, f, nip=f.get("nip"))),
    ),
    Step(
        rounds.close_registration,
        (Field("closed_on", "closed_on", "date"), EFFECTIVE),
        lambda rid, f: rounds.CloseRegistration(**_step(rid, f, closed_on=f.get("closed_on"))),
    ),
    Step(
        rounds.select_administratively,
        (NIP, Field("documents_complete", "documents_complete", "checkbox"), EFFECTIVE),
        lambda rid, f: rounds.SelectAdministratively(
            **_step(
                rid, f, nip=f.get("nip"), documents_complete=f.get("documents_complete") == "on"
            )
        ),
        per_candidate=True,
    ),
    Step(
        rounds.announce_administrative_results,
        (EFFECTIVE,),
        lambda rid, f: rounds.RoundStep(**_step(rid, f)),
    ),
    Step(
        rounds.finalise_round,
        (EFFECTIVE,),
        lambda rid, f: rounds.RoundStep(**_step(rid, f)),
    ),
    Step(
        rounds.report_to_mayor,
        (Field("report_number", "report_number"), EFFECTIVE),
        lambda rid, f: rounds.ReportToMayor(**_step(rid, f, report_number=f.get("report_number"))),
    ),
    Step(
        pool.decree_pool,
        (
            Field("decree_number", "decree_number"),
            Field("decree_date", "decree_date", "date"),
            Field("documents", "signed_decree", "file"),
        ),
        lambda rid, f: pool.DecreePool(
            round_id=rid,
            decree_number=f.get("decree_number"),
            decree_date=f.get("decree_date"),
            documents=f["documents"],
        ),
    ),
)
BY_NAME = {step.name: step for step in STEPS}

# Score entry, a table for a whole stage: the stage's candidates and who scores them.
SCORES: dict[str, tuple[Handler, str]] = {
    "potential": (rounds.record_potential, "administrative-passed"),
    "technical": (rounds.record_technical, "potential-assessed"),
}
