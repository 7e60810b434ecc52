"""The caseworker's command-line checks, run as a caseworker would run them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from domain.rules.registry import PACKS
from services.cli.main import main

SAMPLES = Path(__file__).parents[2] / "services" / "importing" / "samples"
BUDI, SITI, HENDRA, RINA = (
    "197503122000031004",
    "198307252006042011",
    "196911201992031005",
    "199702142024032001",
)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def eligibility_json(level: str, *extra: str) -> dict[str, dict[str, object]]:
    code, output = run(
        "eligibility", "kota-madiun", "--level", level, "--on", "2025-03-01",
        "--csv", str(SAMPLES), "--json", *extra,
    )  # fmt: skip
    assert code == 0, output
    return {row["nip"]: row for row in json.loads(output[output.index("[") :])}


def failed(row: dict[str, object]) -> set[str]:
    requirements = row["result"]["requirements"]  # type: ignore[index]
    return {r["code"] for r in requirements if r["outcome"] != "met" and not r["part_of"]}


def test_eligibility_from_a_csv_lists_every_failed_requirement_of_each_employee() -> None:
    checked = eligibility_json("administrator")

    assert failed(checked[BUDI]) == set()
    assert failed(checked[SITI]) == {"grade", "health", "integrity"}
    # Hendra's certificate does not say whether a government doctor issued it: pending.
    assert failed(checked[HENDRA]) == {"appraisals", "health"}
    assert {"status", "experience", "grade"} <= failed(checked[RINA])


def test_eligibility_reports_every_requirement_with_its_citation_and_readings() -> None:
    row = eligibility_json("supervisor")[SITI]
    result = row["result"]

    citations = {r["code"]: r["citation"] for r in result["requirements"]}  # type: ignore[index]
    assert citations["status"] == "madiun-2021:P10(2)(a)"
    assert citations["age"] == "madiun-2021:P30(3)"
    assert len({r["code"] for r in result["requirements"]}) >= 9  # type: ignore[index]
    readings = {r["id"]: r["option"] for r in result["readings_used"]}  # type: ignore[index]
    assert readings["D4"] == "registration-closing-date"
    assert readings["D2"] == "alternatives"


def test_eligibility_says_in_one_line_per_person_which_requirements_failed() -> None:
    code, output = run(
        "eligibility", "kota-madiun", "--level", "administrator", "--on", "2025-03-01",
        "--csv", str(SAMPLES),
    )  # fmt: skip
    assert code == 0, output
    header, _, *rows, total = output.strip().splitlines()
    assert header.split()[:3] == ["NIP", "Nama", "Hasil"]
    lines = {row.split()[0]: row for row in rows}
    assert set(lines) == {BUDI, SITI, HENDRA, RINA, *lines} and len(lines) == 6
    assert lines[BUDI].endswith("Dr. Budi Santoso, S.T., M.T.  memenuhi syarat")
    assert "tidak memenuhi syarat  pangkat/golongan, kesehatan, integritas" in lines[SITI]
    # Hendra's appraisals fail; his health certificate waits for data (pending)
    assert lines[HENDRA].split("tidak memenuhi syarat")[1].split() == [
        "penilaian",
        "kinerja",
        "kesehatan",
    ]
    assert total == "1 dari/of 6 memenuhi syarat / eligible"


def test_eligibility_table_names_the_grade_required_with_its_rank_title() -> None:
    code, output = run(
        "eligibility", "kota-madiun", "--level", "administrator", "--on", "2025-03-01",
        "--csv", str(SAMPLES), "--detail",
    )  # fmt: skip
    assert code == 0, output
    assert "golongan III/c di bawah III/d (Penata Tingkat I)" in output
    assert "madiun-2021:P10(1)(d)" in output
    assert "1 dari/of 6 memenuhi syarat / eligible" in output


def test_eligibility_in_an_agency_without_scouting_is_refused() -> None:
    code, output = run(
        "eligibility", "kota-binjai", "--level", "administrator", "--on", "2025-03-01",
        "--csv", str(SAMPLES),
    )  # fmt: skip
    assert code == 1
    assert "has no talent scouting" in output


@pytest.mark.parametrize(
    ("pack", "performance", "potential", "box", "recommendation"),
    [
        pytest.param("binjai-2023", "above-expectation", "middle", 7, "Rotasi/Pengayaan jabatan",
                     id="binjai-2023:Lampiran 2 box 7 job enrichment"),
        pytest.param("balikpapan-2022", "above-expectation", "middle", 7,
                     "Rotasi/Perluasan jabatan", id="balikpapan-2022:Lampiran II box 7"),
        pytest.param("binjai-2023", "below-expectation", "high", 6, "Konseling kinerja",
                     id="binjai-2023:Lampiran 2 box 6 counselling"),
        pytest.param("kota-balikpapan", "below-expectation", "high", 6,
                     "Pengembangan kompetensi", id="balikpapan-2022:Lampiran II box 6 development"),
    ],
)  # fmt: skip
def test_ninebox_places_ratings_with_the_packs_recommendations(
    pack: str, performance: str, potential: str, box: int, recommendation: str
) -> None:
    code, output = run("ninebox", pack, "--performance", performance, "--potential", potential)

    assert code == 0, output
    assert f"kotak/box {box} " in output
    assert f"- {recommendation}" in output


def test_ninebox_json_carries_box_citations_and_readings() -> None:
    code, output = run(
        "ninebox", "binjai-2023", "--performance", "meets-expectation", "--potential", "high",
        "--json",
    )  # fmt: skip
    placement = json.loads(output)

    assert code == 0
    assert placement["box"] == 8
    assert placement["succession_group"] is True
    assert "binjai-2023:Lampiran 1" in placement["citations"]
    assert placement["readings_used"] == [{"id": "D6", "option": "grid-position"}]


def test_ninebox_for_a_decision_before_the_pack_is_in_force_is_refused() -> None:
    args = ("ninebox", "balikpapan-2022", "--performance", "above-expectation", "--potential",
            "high", "--on")  # fmt: skip
    code, output = run(*args, "2024-12-31")
    assert code == 1
    assert "balikpapan-2022:P28" in output
    assert run(*args, "2025-01-01")[0] == 0


def test_ninebox_is_refused_for_madiun_which_has_none() -> None:
    code, output = run(
        "ninebox", "madiun-2021", "--performance", "above-expectation", "--potential", "high"
    )
    assert code == 1
    assert "nine-box" in output.lower() or "sembilan" in output.lower()


def test_packs_lists_each_pack_with_its_readings() -> None:
    code, output = run("packs", "--lang", "en")
    assert code == 0
    for expected in ("binjai-2023", "balikpapan-2022", "madiun-2021", "D1 = a-and-b-or-c"):
        assert expected in output
    # Every reading of every pack, with its default and its options.
    for pack in PACKS.values():
        for reading in pack.readings:
            options = ", ".join(reading.options)
            assert f"  {reading.id} = {reading.chosen}: " in output, reading.id
            assert f"[{options}]" in output
    assert "C1 = grade-equivalent" in output and "C2 = box9-outside-group" in output
    assert "M2 = strict: " in output and "D5 = two-calendar-years: " in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(("employees", "kota-madiun", "--store", "mysql://x/y"), "TALENTA_STORE",
                     id="a store that is neither SQLite nor PostgreSQL"),
        pytest.param(("eligibility", "madiun-2021", "--level", "administrator", "--on",
                      "2025-03-01", "--csv", str(SAMPLES)), "unknown agency",
                     id="a pack id where an agency is expected"),
        pytest.param(("ninebox", "surabaya-2020", "--performance", "above-expectation",
                      "--potential", "high"), "surabaya-2020", id="an unknown pack"),
    ],
)  # fmt: skip
def test_a_refused_command_prints_one_clear_line_without_a_traceback(
    args: tuple[str, ...], message: str
) -> None:
    code, output = run(*args)
    assert code == 1
    assert output.startswith("Error: ")
    assert message in output
    assert "Traceback" not in output
