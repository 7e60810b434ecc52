"""The round board's candidates as round.html shows them, worded once per page in its language:
the template writes each line out instead of looking up its labels, the candidate's stage (a
judgement of the domain's rule at each read) and its name per cell, a board having about 130
candidates and each candidate list of a form repeating them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from uuid import UUID

from domain.bilingual import Message
from domain.scouting.candidate import Stage
from projections.scouting import CandidateRow, RoundBoard
from projections.scouting.rounds import FailedRequirement

Words = Callable[[str], str]


@dataclass(frozen=True)
class BoardLine:
    """One candidate's row of the board; an empty text is a result not recorded yet."""

    stage: str
    nip: str  # as the user's role may see it
    name: str
    channel: str
    verified: bool
    recommended: bool
    stage_label: str
    administrative: str
    failed: tuple[tuple[str, str], ...]  # each requirement not met, worded, with its citation
    potential: str
    technical: str
    final: str


@dataclass(frozen=True)
class Choice:
    """A candidate offered by a form's list."""

    nip: str
    shown: str
    name: str


@dataclass(frozen=True)
class ScoreLine:
    """A candidate's row of a stage's score table."""

    shown: str
    name: str
    key: str  # the score field's name


@dataclass(frozen=True)
class Wording:
    """The page's language: ``t`` looks a label up, ``said`` picks a message's own words."""

    t: Words
    said: Callable[[Message], str]
    shown: Words  # the NIP as the user's role may see it
    names: Mapping[str, str]

    def line(self, stage: str, row: CandidateRow) -> BoardLine:
        t, said = self.t, self.said
        admin, potential, final = row.administrative, row.potential, row.final
        return BoardLine(
            stage=stage,
            nip=self.shown(row.nip),
            name=self.names.get(row.nip, ""),
            channel=t(f"channel_{row.channel}"),
            verified=row.verified,
            recommended=row.recommended,
            stage_label=t(f"stage_{stage}"),
            administrative=(t("passed") if admin.passed else t("not_passed")) if admin else "",
            failed=tuple(self._failed(each) for each in admin.failed) if admin else (),
            potential=f"{potential.score} ({said(potential.category.label)})" if potential else "",
            technical="" if row.technical is None else str(row.technical),
            final=(
                f"{final.score} ({said(final.category.label)}) · "
                + (t("passed") if final.passed else t("not_passed"))
                if final
                else ""
            ),
        )

    def _failed(self, failed: FailedRequirement) -> tuple[str, str]:
        key = f"req_{failed.code}"
        worded = self.t(key)
        return (worded if worded != key else failed.code, failed.citation)

    def choice(self, row: CandidateRow) -> Choice:
        return Choice(row.nip, self.shown(row.nip), self.names.get(row.nip, ""))

    def score_line(
        self, round_id: UUID, row: CandidateRow, key: Callable[[UUID, str], str]
    ) -> ScoreLine:
        return ScoreLine(self.shown(row.nip), self.names.get(row.nip, ""), key(round_id, row.nip))


def board_lines(board: RoundBoard, stages: tuple[Stage, ...], wording: Wording) -> list[BoardLine]:
    """Every candidate of the board, stage by stage in ``stages``' order."""
    return [wording.line(str(stage), row) for stage in stages for row in board.stages[stage]]
