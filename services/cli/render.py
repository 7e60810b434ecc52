"""What the command line prints: plain-text tables, and JSON rendered as the API renders it
(showing only the personal data the acting step's role may see)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

import click
from pydantic import TypeAdapter

from domain.rules.core import Message, Outcome
from domain.rules.ninebox import NineBoxPlacement
from domain.scouting.candidate import Candidate
from services.cli.step import shown_to_step
from services.eligibility import EmployeeEligibility
from services.web.messages import translator

MARKS = {Outcome.MET: "ya", Outcome.NOT_MET: "TIDAK", Outcome.PENDING: "tunda"}


def text(message: Message, language: str) -> str:
    return message.en if language == "en" else message.id


def columns(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A plain-text table: a header line, a rule, one line per row, columns padded to fit."""
    widths = [
        max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=False)
    ]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(f"{cell!s:{width}}" for cell, width in zip(cells, widths, strict=True))

    rule = "  ".join("-" * width for width in widths)
    return [line(headers).rstrip(), rule, *(line(row).rstrip() for row in rows)]


def csv_text(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().rstrip("\n")


def echo_rows(headers: Sequence[str], rows: Sequence[Sequence[str]], as_csv: bool) -> None:
    """The rows as a table with its headers, or as CSV (``--csv``) for a spreadsheet."""
    click.echo(csv_text(headers, rows) if as_csv else "\n".join(columns(headers, rows)))


ELIGIBILITY_HEADERS = {
    "id": ("NIP", "Nama", "Hasil", "Syarat tidak terpenuhi", "Tertunda"),
    "en": ("NIP", "Name", "Result", "Requirements not met", "Pending"),
}
VERDICTS = {
    "id": ("memenuhi syarat", "tidak memenuhi syarat", "tertunda"),
    "en": ("eligible", "not eligible", "pending"),
}


def eligibility_rows(checked: list[EmployeeEligibility], language: str) -> list[list[str]]:
    """One row per person: eligible, not (with the requirements not met) or pending (with those
    still waiting for data), each requirement by its name."""
    name = translator(language)
    eligible, not_eligible, pending = VERDICTS[language]
    rows = []
    for employee in checked:
        failed = [name(f"req_{r.code}") for r in employee.result.failures]
        waiting = [name(f"req_{r.code}") for r in employee.result.pending]
        verdict = eligible if employee.eligible else not_eligible if failed else pending
        rows.append([employee.nip, employee.name, verdict, ", ".join(failed), ", ".join(waiting)])
    return rows


def eligibility_summary(checked: list[EmployeeEligibility], language: str) -> str:
    eligible = sum(employee.eligible for employee in checked)
    return f"{eligible} dari/of {len(checked)} memenuhi syarat / eligible"


def eligibility_table(checked: list[EmployeeEligibility], language: str) -> list[str]:
    lines: list[str] = []
    for employee in checked:
        verdict = "MEMENUHI SYARAT" if employee.eligible else "TIDAK MEMENUHI SYARAT"
        if language == "en":
            verdict = "ELIGIBLE" if employee.eligible else "NOT ELIGIBLE"
        lines.append(f"{employee.nip}  {employee.name}: {verdict}")
        for requirement in employee.result.requirements:
            indent = "      " if requirement.part_of else "    "
            evidence = "; ".join(f"{k}={v}" for k, v in requirement.evidence.items())
            lines.append(
                f"{indent}[{MARKS[requirement.outcome]:5}] {requirement.code:18} "
                f"{requirement.citation:26} {text(requirement.message, language)}"
            )
            lines.append(f"{indent}        {evidence}")
        readings = ", ".join(f"{r.id}={r.option}" for r in employee.result.readings_used)
        lines.append(f"    bacaan/readings: {readings}")
    lines.append(eligibility_summary(checked, language))
    return lines


def placement_lines(pack_id: str, placement: NineBoxPlacement, language: str) -> list[str]:
    lines = [
        f"{pack_id}: kotak/box {placement.box} - {text(placement.category, language)}",
        f"  kelompok rencana suksesi / succession group: "
        f"{'ya/yes' if placement.succession_group else 'tidak/no'}",
        "  rekomendasi / recommendations:",
        *(f"    - {text(r.label, language)}" for r in placement.recommendations),
        f"  dasar/basis: {', '.join(placement.citations)}",
    ]
    if placement.readings_used:
        readings = ", ".join(f"{r.id}={r.option}" for r in placement.readings_used)
        lines.append(f"  bacaan/readings: {readings}")
    return lines


def echo_json(value: Any) -> None:
    """Dataclasses and pydantic models alike, as the API would render them."""
    data = shown_to_step(TypeAdapter(Any).dump_python(value, mode="json"))
    click.echo(json.dumps(data, indent=2))


def echo_candidate(candidate: Candidate, as_json: bool) -> None:
    if as_json:
        echo_json(candidate)
    else:
        click.echo(f"{candidate.nip}  {candidate.stage}")
