"""Rulebook B3: madiun-2021 stage-4 category (P15, D3) and final result (P18-19), in Decimal."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.rules.core import ReadingId, ReadingUse, RuleRefusal
from domain.rules.madiun_scoring import Category, final_result, score, stage_four

D3 = ReadingUse(id=ReadingId.D3, option="p18-thresholds")


@pytest.mark.parametrize(
    ("raw", "category", "proceeds"),
    [
        pytest.param("80", Category.MS, True, id="madiun-2021:P15(3) D3 80 is MS"),
        pytest.param("79.99", Category.MMS, True, id="madiun-2021:P15(3) D3 79.99 is MMS"),
        pytest.param("68", Category.MMS, True, id="madiun-2021:P15(3) D3 68 is MMS"),
        pytest.param("67.99", Category.KMS, False, id="madiun-2021:P15(4) D3 67.99 KMS stops"),
        pytest.param(0, Category.KMS, False, id="madiun-2021:P15(4) D3 zero"),
        pytest.param(100, Category.MS, True, id="madiun-2021:P15(3) D3 hundred"),
    ],
)
def test_stage_four(raw: str | int, category: Category, proceeds: bool) -> None:
    result = stage_four(raw)
    assert result.category is category
    assert result.proceeds is proceeds
    assert result.readings_used == (D3,)
    assert ("madiun-2021:P15(4)" in result.citations) is not proceeds


@pytest.mark.parametrize(
    ("potential", "technical", "final", "category", "passed", "article"),
    [
        pytest.param(
            "79.9",
            "80.1",
            "80",
            Category.MS,
            True,
            "P18(2)",
            id="madiun-2021:P19(2) 79.9+80.1=80 MS",
        ),
        pytest.param("80", "80", "80", Category.MS, True, "P18(2)", id="madiun-2021:P18(2) 80 MS"),
        pytest.param(
            "80", "79.98", "79.99", Category.MMS, True, "P18(3)", id="madiun-2021:P18(3) 79.99 MMS"
        ),
        pytest.param(
            "68", "68", "68", Category.MMS, True, "P18(3)", id="madiun-2021:P19(3) 68 passes"
        ),
        pytest.param(
            "68",
            "67.98",
            "67.99",
            Category.KMS,
            False,
            "P18(4)",
            id="madiun-2021:P19(3) 67.99 fails",
        ),
        pytest.param(
            "68",
            "67.99",
            "67.995",
            Category.KMS,
            False,
            "P18(4)",
            id="madiun-2021:P19(3) 67.995 not rounded up",
        ),
        pytest.param(
            "100", "0", "50", Category.KMS, False, "P18(4)", id="madiun-2021:P19(2) weights 50/50"
        ),
    ],
)
def test_final_result(
    potential: str, technical: str, final: str, category: Category, passed: bool, article: str
) -> None:
    result = final_result(potential, technical)
    assert isinstance(result.final_score, Decimal)
    assert result.final_score == Decimal(final)
    assert result.category is category
    assert result.passed is passed
    assert result.citations == (
        "madiun-2021:P19(2)",
        f"madiun-2021:{article}",
        "madiun-2021:P19(3)",
    )
    assert result.readings_used == (D3,)


def test_kms_at_stage_four_stops_before_the_final_score() -> None:
    with pytest.raises(RuleRefusal) as refused:
        final_result("67.99", "100")
    assert refused.value.code == "stopped-at-stage-4"
    assert refused.value.citation == "madiun-2021:P15(4)"


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(79.9, id="float refused"),
        pytest.param(True, id="bool refused"),
        pytest.param("-0.01", id="below 0"),
        pytest.param("100.01", id="above 100"),
        pytest.param("NaN", id="NaN"),
        pytest.param("abc", id="not a number"),
        pytest.param("79.999", id="three decimals refused, not rounded"),
    ],
)
def test_invalid_scores_are_refused(raw: object) -> None:
    with pytest.raises(RuleRefusal) as refused:
        score(raw)  # type: ignore[arg-type]
    assert refused.value.code == "invalid-score"
    assert " / " in str(refused.value)


scores = st.decimals(min_value=0, max_value=100, places=2)


@given(scores, scores)
def test_final_score_is_exact_and_between_the_two(potential: Decimal, technical: Decimal) -> None:
    if potential < Decimal("68"):
        return
    result = final_result(potential, technical)
    assert result.final_score * 2 == potential + technical
    assert min(potential, technical) <= result.final_score <= max(potential, technical)
    assert result.passed is (result.category is not Category.KMS)
