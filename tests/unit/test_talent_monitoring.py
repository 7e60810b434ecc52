"""Monitoring after placement in a critical position, both packs: yearly check-ins, the evaluation
due on the 3rd anniversary (29 Feb → 28 Feb), outcomes per pack, the clock's idempotent steps; the
yearly programme evaluation only where the pack sets one."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from domain.envelope import Actor, Envelope, Role
from domain.rules import balikpapan, binjai
from domain.rules.cycle import CycleRules, MonitoringOutcome
from domain.talent.errors import TalentRefusal
from domain.talent.evaluation import ProgrammeEvaluation, ProgrammeReport
from domain.talent.monitoring import Monitoring, monitoring_id

PACKS = {"binjai-2023": binjai.CYCLE, "balikpapan-2022": balikpapan.CYCLE}
NIP = "198001012005011001"
MAYOR = Actor(id="walikota", role=Role.PPK, agency="kota-x")
SYSTEM = Actor(id="talenta-clock", role=Role.SYSTEM)


def stamp(on: date, actor: Actor = MAYOR) -> Envelope:
    return Envelope(actor=actor, effective=on)


def started(pack: str, on: date = date(2025, 3, 5)) -> Monitoring:
    return Monitoring.start(uuid4(), NIP, "kota-x", on, PACKS[pack], stamp(on))


@pytest.mark.parametrize(
    ("case", "inaugurated", "check_ins", "due"),
    [
        ("D7 3 years", date(2025, 3, 5), [date(2026, 3, 5), date(2027, 3, 5)], date(2028, 3, 5)),
        ("D7 29 Feb", date(2024, 2, 29), [date(2025, 2, 28), date(2026, 2, 28)], date(2027, 2, 28)),
    ],
)
def test_check_ins_at_each_anniversary_and_the_evaluation_due_at_the_end(
    case: str, inaugurated: date, check_ins: list[date], due: date
) -> None:
    monitoring = started("binjai-2023", inaugurated)
    assert list(monitoring.check_ins) == check_ins, case
    assert monitoring.evaluation_due == due, case
    assert monitoring.id == monitoring_id(monitoring.placement_id)


@pytest.mark.parametrize(
    ("case", "pack", "outcome"),
    [
        ("binjai-2023:P33(3) outcome promotion", "binjai-2023", MonitoringOutcome.PROMOTION),
        ("binjai-2023:P33(3) outcome equivalent", "binjai-2023",
         MonitoringOutcome.EQUIVALENT_POSITION),
        ("balikpapan-2022:P25(4) outcome board", "balikpapan-2022",
         MonitoringOutcome.PERFORMANCE_BOARD),
        ("balikpapan-2022:P25(4) outcome development", "balikpapan-2022",
         MonitoringOutcome.FURTHER_DEVELOPMENT),
    ],
)  # fmt: skip
def test_outcomes_the_pack_provides(case: str, pack: str, outcome: MonitoringOutcome) -> None:
    monitoring = started(pack)
    monitoring.evaluate(outcome, "baik", PACKS[pack], stamp(monitoring.evaluation_due))
    assert monitoring.outcome is outcome, case
    assert isinstance(monitoring.collect_events()[-1], Monitoring.Evaluated)


@pytest.mark.parametrize(
    ("case", "pack", "outcome", "citation"),
    [
        ("binjai-2023:P33(3) no board", "binjai-2023", MonitoringOutcome.PERFORMANCE_BOARD,
         "binjai-2023:P33(3)"),
        ("balikpapan-2022:P25(4) no promotion", "balikpapan-2022", MonitoringOutcome.PROMOTION,
         "balikpapan-2022:P25(4)"),
    ],
)  # fmt: skip
def test_outcomes_the_pack_does_not_provide_are_refused(
    case: str, pack: str, outcome: MonitoringOutcome, citation: str
) -> None:
    monitoring = started(pack)
    with pytest.raises(TalentRefusal) as refused:
        monitoring.evaluate(outcome, "", PACKS[pack], stamp(monitoring.evaluation_due))
    assert (refused.value.code, refused.value.citation) == ("outcome-not-in-pack", citation), case


@pytest.mark.parametrize(
    ("case", "pack", "inaugurated", "on", "accepted"),
    [
        ("binjai-2023:P33(2) 2nd anniversary", "binjai-2023", date(2025, 3, 5), date(2027, 3, 5),
         False),
        ("binjai-2023:P33(2) day before the 3rd", "binjai-2023", date(2025, 3, 5),
         date(2028, 3, 4), False),
        ("binjai-2023:P33(2) 3rd anniversary", "binjai-2023", date(2025, 3, 5), date(2028, 3, 5),
         True),
        ("balikpapan-2022:P25(3) 2nd anniversary", "balikpapan-2022", date(2025, 3, 5),
         date(2027, 3, 5), False),
        ("balikpapan-2022:P25(3) day before the 3rd", "balikpapan-2022", date(2025, 3, 5),
         date(2028, 3, 4), False),
        ("balikpapan-2022:P25(3) 3rd anniversary", "balikpapan-2022", date(2025, 3, 5),
         date(2028, 3, 5), True),
        ("binjai-2023:P33(2) D7 29 Feb, 27 Feb", "binjai-2023", date(2024, 2, 29),
         date(2027, 2, 27), False),
        ("binjai-2023:P33(2) D7 29 Feb, 28 Feb", "binjai-2023", date(2024, 2, 29),
         date(2027, 2, 28), True),
    ],
)  # fmt: skip
def test_the_final_evaluation_waits_for_the_3_years_to_run(
    case: str, pack: str, inaugurated: date, on: date, accepted: bool
) -> None:
    cycle: CycleRules = PACKS[pack]
    monitoring = started(pack, inaugurated)
    outcome = cycle.monitoring_outcomes[0]
    if accepted:
        monitoring.evaluate(outcome, "", cycle, stamp(on))
        assert monitoring.outcome is outcome, case
        return
    with pytest.raises(TalentRefusal) as early:
        monitoring.evaluate(outcome, "", cycle, stamp(on))
    assert (early.value.code, early.value.citation) == (
        "evaluation-too-early",
        cycle.monitoring_citation,
    ), case
    assert str(monitoring.evaluation_due) in str(early.value), case
    assert monitoring.outcome is None, case


@pytest.mark.parametrize("pack", list(PACKS))
def test_a_monitoring_is_evaluated_once(pack: str) -> None:
    cycle: CycleRules = PACKS[pack]
    monitoring = started(pack)
    outcome = cycle.monitoring_outcomes[0]
    monitoring.evaluate(outcome, "", cycle, stamp(date(2028, 3, 5)))
    with pytest.raises(TalentRefusal) as twice:
        monitoring.evaluate(outcome, "", cycle, stamp(date(2028, 3, 6)))
    assert twice.value.code == "already-evaluated"


def test_check_ins_once_per_year_within_the_term() -> None:
    cycle = binjai.CYCLE
    monitoring = started("binjai-2023")
    monitoring.record_check_in(1, "on track", cycle, stamp(date(2026, 3, 5)))
    assert monitoring.checked_in == {1: "on track"}
    for year, code in ((1, "check-in-already-recorded"), (3, "no-such-check-in")):
        with pytest.raises(TalentRefusal) as refused:
            monitoring.record_check_in(year, "", cycle, stamp(date(2026, 3, 6)))
        assert (refused.value.code, refused.value.citation) == (code, "binjai-2023:P33(2)")


def test_the_clocks_steps_are_recorded_once_and_not_after_the_evaluation() -> None:
    cycle = balikpapan.CYCLE
    monitoring = started("balikpapan-2022")
    on = date(2026, 2, 3)
    assert monitoring.remind_check_in(1, "check-in-1-30d", stamp(on, SYSTEM))
    assert not monitoring.remind_check_in(1, "check-in-1-30d", stamp(on, SYSTEM))
    monitoring.record_check_in(1, "", cycle, stamp(date(2026, 3, 5)))
    assert not monitoring.remind_check_in(1, "check-in-1-7d", stamp(on, SYSTEM))
    with pytest.raises(TalentRefusal) as early:
        monitoring.mark_due(date(2028, 3, 4), cycle, stamp(on, SYSTEM))
    assert early.value.code == "evaluation-not-yet-due"
    assert monitoring.mark_due(date(2028, 3, 5), cycle, stamp(on, SYSTEM))
    assert not monitoring.mark_due(date(2028, 3, 5), cycle, stamp(on, SYSTEM))
    assert monitoring.remind_evaluation("overdue-7d", stamp(date(2028, 3, 12), SYSTEM))
    assert not monitoring.remind_evaluation("overdue-7d", stamp(date(2028, 3, 12), SYSTEM))
    monitoring.evaluate(MonitoringOutcome.FURTHER_DEVELOPMENT, "", cycle, stamp(date(2028, 3, 13)))
    assert not monitoring.remind_evaluation("overdue-14d", stamp(date(2028, 3, 19), SYSTEM))
    kinds = [type(e).__name__ for e in monitoring.collect_events()]
    assert kinds == [
        "MonitoringStarted",
        "CheckInReminderSent",
        "CheckInRecorded",
        "EvaluationDue",
        "EvaluationReminderSent",
        "Evaluated",
    ]


def test_yearly_programme_evaluation_only_where_the_pack_sets_one() -> None:
    report = ProgrammeReport(boxes={"BPKPD": {"9": 2}}, placements=1, monitoring_due=1)
    done = ProgrammeEvaluation.evaluate(
        "kota-binjai", 2025, report, binjai.CYCLE, stamp(date(2025, 12, 31), SYSTEM)
    )
    assert done.report == report
    with pytest.raises(TalentRefusal) as refused:
        ProgrammeEvaluation.evaluate(
            "kota-balikpapan", 2025, report, balikpapan.CYCLE, stamp(date(2025, 12, 31), SYSTEM)
        )
    assert refused.value.code == "no-yearly-evaluation"
