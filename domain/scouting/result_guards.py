"""The checks of a scouting round's stages 4-6 (potential and technical assessment, result and
report) and of the pool decree, each refusing with the article it would break.

Mixed into ScoutingRound above ``RoundGuards`` (stages 1-3); like them they read the round's state
only and never record anything.
"""

from __future__ import annotations

from datetime import date

from domain.envelope import Envelope
from domain.rules.madiun import PACK
from domain.scouting.candidate import AssessmentStage, Candidate
from domain.scouting.errors import refuse
from domain.scouting.guards import RoundGuards, ensure_new


class ResultGuards(RoundGuards):
    """Mixed into ScoutingRound; the attributes are declared on ``RoundGuards``."""

    def _assessable(self, nip: str, stage: AssessmentStage, envelope: Envelope) -> Candidate:
        self._ensure_not_finalised()
        candidate = self._candidate(nip)
        if stage is AssessmentStage.POTENTIAL:
            if not self.announced:
                raise refuse(
                    "administrative-results-not-announced",
                    "hasil seleksi administrasi belum diumumkan",
                    "the administrative results have not been announced",
                    "P14(3)",
                )
            if not candidate.administrative_passed:
                raise refuse(
                    "not-administratively-passed",
                    f"{candidate.nip} tidak lulus seleksi administrasi",
                    f"{candidate.nip} did not pass administrative selection",
                    "P14(4)",
                )
            ensure_new(candidate.potential_ref, envelope, candidate.nip, "P15(1)")
            return candidate
        if candidate.proceeds is None:
            raise refuse(
                "potential-not-assessed",
                f"nilai potensi {candidate.nip} belum dicatat",
                f"{candidate.nip} has no potential score yet",
                "P15(3)",
            )
        if not candidate.proceeds:
            raise refuse(
                "stopped-at-potential",
                f"{candidate.nip} berkategori KMS pada penilaian potensi; tidak dapat mengikuti "
                "tahap berikutnya",
                f"{candidate.nip} is KMS at the potential assessment and cannot go on",
                "P15(4)",
            )
        ensure_new(candidate.technical_ref, envelope, candidate.nip, "P16(3)")
        return candidate

    def _ensure_not_finalised(self) -> None:
        if self.finalised:
            raise refuse(
                "results-finalised",
                "hasil Talent Scouting sudah ditetapkan",
                "the scouting results are final already",
                "P19(1)",
            )

    def _ensure_finalisable(self) -> None:
        self._ensure_not_finalised()
        if not self.announced:
            raise refuse(
                "administrative-results-not-announced",
                "hasil seleksi administrasi belum diumumkan",
                "the administrative results have not been announced",
                "P14(3)",
            )
        if missing := self._lacking(AssessmentStage.POTENTIAL):
            raise refuse(
                "potential-scores-missing",
                f"nilai potensi belum dicatat untuk: {', '.join(missing)}",
                f"no potential score yet for: {', '.join(missing)}",
                "P15(1)",
            )
        if missing := self._lacking(AssessmentStage.TECHNICAL):
            raise refuse(
                "technical-scores-missing",
                f"nilai kompetensi teknis belum dicatat untuk: {', '.join(missing)}",
                f"no technical score yet for: {', '.join(missing)}",
                "P16(3)",
            )

    def _lacking(self, stage: AssessmentStage) -> tuple[str, ...]:
        """Who may be scored at ``stage`` and has no score yet."""
        if stage is AssessmentStage.POTENTIAL:
            due = [c for c in self._candidates.values() if c.administrative_passed]
            return tuple(sorted(c.nip for c in due if c.potential is None))
        due = [c for c in self._candidates.values() if c.proceeds]
        return tuple(sorted(c.nip for c in due if c.technical is None))

    def _ensure_reportable(self, report_number: str) -> None:
        if not self.finalised:
            raise refuse(
                "not-finalised",
                "hasil Talent Scouting belum ditetapkan",
                "the scouting results are not final yet",
                "P19(4)",
            )
        if self.report_number:
            raise refuse(
                "already-reported",
                f"hasil sudah dilaporkan kepada Walikota ({self.report_number})",
                f"the results were reported to the mayor already ({self.report_number})",
                "P19(4)",
            )
        if not report_number.strip():
            raise refuse(
                "report-number-missing",
                "nomor laporan kepada Walikota kosong",
                "the report to the mayor has no number",
                "P19(4)",
            )

    def _ensure_decreeable(self, decree_number: str, decree_date: date) -> None:
        """P20 follows P19: the results are final and reported to the mayor, and the decree is
        dated on or after them."""
        if not self.report_number:
            raise refuse(
                "not-reported",
                "hasil Talent Scouting belum ditetapkan dan dilaporkan kepada Walikota",
                "the scouting results have not been finalised and reported to the mayor",
                "P19(4)",
            )
        results_on = max(d for d in (self.finalised_on, self.reported_on) if d is not None)
        if decree_date < results_on:
            raise refuse(
                "decree-before-results",
                f"keputusan Talent Pool tanggal {decree_date} mendahului hasil dan laporan "
                f"tanggal {results_on}",
                f"the pool decree of {decree_date} precedes the results and report of {results_on}",
                "P20(2)",
            )
        if not decree_number.strip():
            raise refuse(
                "decree-number-missing",
                "nomor keputusan Talent Pool kosong",
                "the pool decree has no number",
                "P20(2)",
            )
        PACK.ensure_in_force(decree_date)
