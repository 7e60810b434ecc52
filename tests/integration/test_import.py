"""Importing exports into the event store: the same tests on SQLite and on PostgreSQL.

``app`` comes from tests/integration/conftest.py: a fresh store per test on each backend, the
PostgreSQL ones marked ``postgres``."""

from __future__ import annotations

import csv
import threading
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from click.testing import CliRunner

from domain.envelope import Actor, Role
from domain.personnel.aggregate import employee_id
from services.application import Talenta
from services.cli.main import main
from services.config import StoreConfig
from services.importing import ImportReport, PersonnelFiles, Progress, import_personnel

SAMPLES = Path(__file__).parents[2] / "services" / "importing" / "samples"
CASEWORKER = Actor(id="siti.bkpsdm", role=Role.CASEWORKER)
IMPORTED_ON = date(2025, 3, 3)


def _import(
    app: Talenta, files: PersonnelFiles, on_progress: Progress | None = None
) -> ImportReport:
    return import_personnel(app, files, "kota-madiun", CASEWORKER, IMPORTED_ON, on_progress)


def test_imports_the_samples_with_their_histories(app: Talenta) -> None:
    report = _import(app, PersonnelFiles.in_directory(SAMPLES))

    assert report.errors == []
    assert (report.created, report.updated, report.unchanged, report.events) == (6, 0, 0, 6)
    facts = app.facts("197503122000031004")
    assert facts.name == "Dr. Budi Santoso, S.T., M.T."
    assert facts.agency == "kota-madiun"
    assert [str(spell.grade) for spell in facts.grades][-2:] == ["III/d", "IV/a"]
    assert facts.position_on(date(2024, 1, 1)).title == "Kepala Bidang Bina Marga"  # type: ignore[union-attr]
    assert [a.year for a in facts.appraisals] == [2020, 2021, 2022, 2023, 2024]
    annulled = app.facts("198801152011011003").penalties[0]
    assert not annulled.counts
    assert app.facts("199005082015032002").investigations[0].open_on(IMPORTED_ON)


def test_each_import_event_carries_the_envelope(app: Talenta) -> None:
    _import(app, PersonnelFiles.in_directory(SAMPLES))

    (enrolled,) = app.events.get(app.employee("196911201992031005").id)
    envelope = enrolled.envelope  # type: ignore[attr-defined]
    assert envelope["actor"] == {"id": "siti.bkpsdm", "role": "caseworker", "agency": ""}
    assert envelope["effective"] == "2025-03-03"
    assert envelope["reason"].startswith("import data_utama.csv, rw_jabatan.csv")
    assert "instansiKerjaNama: Pemerintah Kota Madiun" in envelope["reason"]
    names = [document["name"] for document in envelope["evidence"]["documents"]]
    assert names[0] == "data_utama.csv" and len(names) == 7
    assert all(len(document["sha256"]) == 64 for document in envelope["evidence"]["documents"])


def test_reimporting_the_same_files_records_nothing(app: Talenta) -> None:
    files = PersonnelFiles.in_directory(SAMPLES)
    _import(app, files)
    before = app.recorder.max_notification_id()

    again = _import(app, files)

    assert app.recorder.max_notification_id() == before
    assert (again.created, again.updated, again.unchanged, again.events) == (0, 0, 6, 0)


def test_a_changed_row_records_only_the_changed_section(app: Talenta, tmp_path: Path) -> None:
    _import(app, PersonnelFiles(main=SAMPLES / "data_utama.csv"))
    changed = (SAMPLES / "data_utama.csv").read_text().replace("Kelurahan Demangan", "Kelurahan X")
    changed = changed.replace("Kecamatan Taman", "Kecamatan Kartoharjo")
    (tmp_path / "data_utama.csv").write_text(changed)

    report = _import(app, PersonnelFiles(main=tmp_path / "data_utama.csv"))

    assert (report.updated, report.unchanged, report.events) == (1, 5, 1)
    _enrolled, updated = app.events.get(employee_id("199005082015032002"))
    assert set(updated.changes) == {"unit", "positions"}  # type: ignore[attr-defined]
    assert app.facts("199005082015032002").unit == "Kecamatan Kartoharjo"


def test_bad_rows_are_reported_and_good_rows_stored(app: Talenta) -> None:
    report = _import(app, PersonnelFiles.in_directory(SAMPLES / "bad"))

    assert report.created == 1
    assert app.facts("198707222011012005").name == "Sri Wahyuni, S.Sos."
    lines = [(error.file, error.line) for error in report.errors]
    assert lines == [
        ("data_utama.csv", 3),
        ("data_utama.csv", 4),
        ("data_utama.csv", 5),
        ("data_utama.csv", 6),
        ("data_utama.csv", 7),
        ("data_utama.csv", 7),
        ("rw_hukdis.csv", 3),
        ("rw_hukdis.csv", 4),
    ]
    # Lines 3 to 7 refused, and line 2 for its penalty on rw_hukdis line 4: six of seven.
    assert (report.refused_employees, report.refused_rows) == (6, 7)
    assert all(" / " in str(error.message) for error in report.errors)


def test_an_import_under_another_agency_is_refused_per_employee(app: Talenta) -> None:
    files = PersonnelFiles(main=SAMPLES / "data_utama.csv")
    _import(app, files)

    report = import_personnel(app, files, "kota-binjai", CASEWORKER, IMPORTED_ON)

    assert report.events == 0 and report.refused_employees == 6
    assert "kota-madiun" in str(report.errors[0].message)


def test_a_large_import_completes_in_bounded_saves(app: Talenta, tmp_path: Path) -> None:
    """5,000 employees enrolled, then all updated: 5,000 events per import. A single huge save
    on PostgreSQL can hang, so each import runs in a thread that must finish in time."""
    path = tmp_path / "data_utama.csv"
    _write_employees(path, 5_000, unit="Dinas A")
    progress: list[tuple[int, int]] = []
    first = _within(
        120, lambda: _import(app, PersonnelFiles(main=path), on_progress=_record(progress))
    )
    _write_employees(path, 5_000, unit="Dinas B")
    second = _within(120, lambda: _import(app, PersonnelFiles(main=path)))

    assert (first.created, second.updated, first.events, second.events) == (5_000,) * 4
    assert progress[0] == (0, 5_000) and progress[-1] == (5_000, 5_000)
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)


def _record(progress: list[tuple[int, int]]) -> Progress:
    return lambda done, total: progress.append((done, total))


def _within(seconds: float, work: Callable[[], ImportReport]) -> ImportReport:
    results: list[ImportReport] = []
    failures: list[BaseException] = []

    def run() -> None:
        try:
            results.append(work())
        except BaseException as error:  # handed to the test thread below
            failures.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"import did not finish in {seconds} s"
    if failures:
        raise failures[0]
    return results[0]


def _write_employees(path: Path, count: int, unit: str) -> None:
    with path.open("w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(
            [
                "nipBaru",
                "nama",
                "statusPegawai",
                "kedudukanPnsNama",
                "unorNama",
                "golRuangAkhir",
                "tmtGolAkhir",
            ]
        )
        for index in range(count):
            born = date(1970, 1, 1) + timedelta(days=index * 2)
            nip = f"{born:%Y%m%d}{born.year + 25}03{1 + index % 2}{1 + index % 999:03d}"
            writer.writerow(
                [nip, f"Pegawai {index}", "PNS", "Aktif", unit, "III/a", f"01-03-{born.year + 25}"]
            )


def test_a_main_file_only_reimport_keeps_the_histories(app: Talenta) -> None:
    _import(app, PersonnelFiles.in_directory(SAMPLES))
    nips = ["197503122000031004", "198801152011011003", "199005082015032002"]
    before = {nip: app.facts(nip) for nip in nips}
    last = app.recorder.max_notification_id()

    report = _import(app, PersonnelFiles(main=SAMPLES / "data_utama.csv"))

    assert report.errors == []
    assert (report.updated, report.unchanged, report.events) == (0, 6, 0)
    assert app.recorder.max_notification_id() == last
    for nip in nips:
        after = app.facts(nip)
        for section in ("penalties", "appraisals", "investigations", "grades", "positions"):
            assert getattr(after, section) == getattr(before[nip], section), (nip, section)


def test_a_reimport_replaces_only_the_sections_it_carries(app: Talenta, tmp_path: Path) -> None:
    """Without the health/integrity columns the stored certificate and statement stay; with
    rw_skp22 alone the pre-2022 appraisals stay; a given file replaces its section whole."""
    _import(app, PersonnelFiles.in_directory(SAMPLES))
    main = tmp_path / "data_utama.csv"
    with (SAMPLES / "data_utama.csv").open(newline="") as source, main.open("w") as target:
        rows = list(csv.DictReader(source))
        kept = [
            name
            for name in rows[0]
            if not any(part in name.lower() for part in ("dokter", "pakta"))
        ]
        writer = csv.DictWriter(target, kept, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    skp22 = tmp_path / "rw_skp22.csv"
    skp22.write_text("nipBaru,tahun,kuadranKinerja\n197503122000031004,2024,Baik\n")
    hukdis = tmp_path / "rw_hukdis.csv"
    hukdis.write_text("nipBaru,jenisTingkatHukumanId,hukumanTanggal\n")
    budi = app.facts("197503122000031004")

    report = _import(app, PersonnelFiles(main=main, performance=skp22, penalties=hukdis))

    assert report.errors == []
    after = app.facts("197503122000031004")
    assert after.health_certificate == budi.health_certificate is not None
    assert after.integrity_statement == budi.integrity_statement is not None
    assert [(a.year, a.rating) for a in after.appraisals] == [
        (a.year, a.rating) for a in budi.appraisals if a.year < 2022
    ] + [(2024, "Baik")]
    assert app.facts("199005082015032002").penalties == ()  # the given (empty) file replaces


def test_a_cell_over_the_limit_refuses_its_row_and_the_rest_imports(
    app: Talenta, tmp_path: Path
) -> None:
    main = tmp_path / "data_utama.csv"
    _write_employees(main, 3, "Bagian Umum")
    lines = main.read_text().splitlines()
    # Line 3: the second employee's name one character past the limit, inside quotes that span
    # a line break, as a pasted document would be.
    name = '"' + "A" * 65_536 + "\n" + "B" * 65_536 + '"'
    cells = lines[2].split(",")
    lines[2] = ",".join([cells[0], name, *cells[2:]])
    main.write_text("\n".join(lines) + "\n")

    report = _import(app, PersonnelFiles(main=main))

    assert report.created == 2
    (error,) = report.errors
    assert (error.file, error.line, error.nip) == ("data_utama.csv", 3, cells[0])
    assert "131,073 characters, more than the limit of 131,072" in str(error.reason)
    assert "nama:" in str(error.reason)
    assert app.facts(lines[3].split(",")[0]).name == "Pegawai 2"  # the row after it, stored


def test_the_command_line_counts_refused_employees_and_refused_rows(store: StoreConfig) -> None:
    result = CliRunner().invoke(
        main, ["--init", "import", "kota-madiun", str(SAMPLES / "bad"), "--store", store.url]
    )

    assert result.exit_code == 1
    summary = result.output.splitlines()[-1]
    assert "1 baru/created, " in summary
    assert "6 pegawai ditolak/employees refused, 7 baris ditolak/rows refused" in summary
