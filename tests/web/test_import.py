"""The import page in the browser: a caseworker uploads the agency's export (its CSV files, or a
zip of them), watches the progress bar run to its end, reads the counts and every refused row
with its file, line and reason, and downloads them as CSV; the good rows are stored. An upload
that is not an export, and an import by someone who is not a caseworker, are refused beside the
form and recorded, and nothing is imported."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

from domain.access import Refusal
from services.bootstrap import fresh_directory
from services.importing.jobs import INTERRUPTED, ImportJob, Phase, job_store
from tests.web.conftest import SAMPLES, Site
from tests.web.test_accessibility import check
from tests.web.test_signin import sign_in

HEADER = (
    "nipBaru,nama,tglLahir,jenisKelamin,statusPegawai,kedudukanPnsNama,instansiKerjaNama,"
    "unorNama,jenisJabatan,jabatanNama,tmtJabatan,golRuangAkhir,tmtGolAkhir,"
    "tkPendidikanTerakhir,pendidikanTerakhirNama,tahunLulus,tmtCpns"
)
MANY = 450  # three of the importer's batches, so that the bar moves on its way


def many_employees(path: Path) -> Path:
    """An export of MANY employees born on one day, appointed in one month, told by the NIP's
    serial number."""
    rows = [
        f"19830725200605{2}{n:03d},Pegawai Uji {n},25-07-1983,F,PNS,Aktif,Pemerintah Kota Madiun,"
        f"Dinas Sosial,4,Pengelola Data,01-02-2015,III/b,01-04-2014,S-1/Sarjana,Sosiologi,2005,"
        "01-05-2006"
        for n in range(1, MANY + 1)
    ]
    path.write_text("\n".join([HEADER, *rows]) + "\n")
    return path


def refusals(site: Site) -> list[Refusal]:
    notifications = site.app.recorder.select_notifications(start=1, limit=100_000)
    events = (site.app.mapper.to_domain_event(n) for n in notifications)
    return [
        site.app.repository.get(e.originator_id)
        for e in events
        if isinstance(e, Refusal.Refused) and e.command == "import_personnel"
    ]


def finished(page: Any) -> Any:
    report = page.locator("#import-progress[data-phase=done]")
    report.wait_for(timeout=60_000)
    return report


def counts(page: Any) -> dict[str, int]:
    items = page.locator(".import-counts li")
    return {
        items.nth(i).get_attribute("data-count"): int(items.nth(i).locator(".figure").inner_text())
        for i in range(items.count())
    }


def test_a_caseworker_imports_an_export_and_watches_it_run(
    site: Site, browser: Any, tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, site, "siti")
    page.click("nav a[href='/import']")
    assert page.locator("h1").inner_text() == "Impor data pegawai"
    check(page)
    page.screenshot(path=str(tmp_path / "import.png"), full_page=True)

    polls: list[str] = []
    page.on("request", lambda r: polls.append(r.url) if r.url.endswith("/progress") else None)
    page.set_input_files("#files", str(many_employees(tmp_path / "data_utama.csv")))
    page.click("form[action='/import'] button[type=submit]")
    page.locator("#import-progress").wait_for()
    page.screenshot(path=str(tmp_path / "import_running.png"), full_page=True)
    report = finished(page)
    assert polls, "the page asked for the progress while the import ran"
    bar = report.locator("progress")
    assert bar.get_attribute("value") == bar.get_attribute("max") == str(MANY)
    assert counts(page)["created"] == MANY
    assert counts(page)["refused_rows"] == 0
    assert page.locator(".done", has_text="Tidak ada baris yang ditolak").count() == 1
    page.screenshot(path=str(tmp_path / "import_done.png"), full_page=True)
    directory = fresh_directory(site.app)  # the good rows are stored
    names = {row.name for row in directory.rows("kota-madiun")}
    assert {f"Pegawai Uji {n}" for n in range(1, MANY + 1)} <= names


def test_refused_rows_are_listed_with_file_line_and_reason_and_downloadable(
    site: Site, browser: Any, tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, site, "siti")
    # The samples as their files, several at once: already imported by the site, so unchanged.
    page.goto(f"{site.url}/import")
    page.set_input_files("#files", sorted(str(p) for p in SAMPLES.glob("*.csv")))
    page.click("form[action='/import'] button[type=submit]")
    finished(page)
    assert counts(page) | {"rows_read": 0} == {
        "rows_read": 0,
        "created": 0,
        "updated": 0,
        "unchanged": 6,
        "refused_employees": 0,
        "refused_rows": 0,
    }

    # The bad sample as a zip, its files inside a folder of the zip.
    bundle = tmp_path / "ekspor.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        for file in (SAMPLES / "bad").glob("*.csv"):
            archive.write(file, f"ekspor/{file.name}")
    page.goto(f"{site.url}/import")
    page.set_input_files("#files", str(bundle))
    page.click("form[action='/import'] button[type=submit]")
    finished(page)
    page.screenshot(path=str(tmp_path / "import_report.png"), full_page=True)
    check(page)
    assert counts(page)["refused_rows"] == 7
    assert counts(page)["refused_employees"] == 6
    rows = page.locator("table.refused-rows tbody tr")
    assert rows.count() == 8, "one line per reason: row 7 has two"
    first = rows.first.locator("td").all_inner_texts()
    assert first[:3] == ["data_utama.csv", "3", "198001012005011001"]
    assert first[3].startswith("tanggal lahir 1980-01-02 tidak sesuai NIP")

    link = page.locator("a[download]", has_text="Unduh CSV")
    answer = page.request.get(f"{site.url}{link.get_attribute('href')}")
    assert answer.headers["content-type"].startswith("text/csv")
    exported = list(csv.DictReader(io.StringIO(answer.text())))
    assert len(exported) == 8
    assert {row["file"] for row in exported} == {"data_utama.csv", "rw_hukdis.csv"}
    assert exported[0]["line"] == "3"
    assert exported[0]["message_en"].startswith("birth date does not match NIP")

    page.click("a.lang")
    assert (
        page.locator("table.refused-rows tbody tr td")
        .nth(3)
        .inner_text()
        .startswith("birth date does not match NIP")
    )


def test_an_upload_that_is_no_export_is_refused_and_recorded(
    site: Site, browser: Any, tmp_path: Path
) -> None:
    page = browser.new_page()
    sign_in(page, site, "siti")
    page.goto(f"{site.url}/import")
    history = tmp_path / "rw_jabatan.csv"
    history.write_text((SAMPLES / "rw_jabatan.csv").read_text())
    before = len(refusals(site))
    page.set_input_files("#files", str(history))
    page.click("form[action='/import'] button[type=submit]")
    refusal = page.locator(".refusal[data-code=invalid-upload]")
    assert "tidak ada data_utama" in refusal.inner_text()
    assert str(tmp_path) not in refusal.inner_text()
    recorded = refusals(site)[before:]
    assert [(r.via, r.code, r.body["files"]) for r in recorded] == [
        ("web", "invalid-upload", ["rw_jabatan.csv"])
    ]

    page.set_input_files("#files", str(tmp_path / "rw_jabatan.csv"))
    (tmp_path / "catatan.txt").write_text("bukan ekspor")
    page.set_input_files("#files", str(tmp_path / "catatan.txt"))
    page.click("form[action='/import'] button[type=submit]")
    assert "catatan.txt" in page.locator(".refusal[data-code=invalid-upload]").inner_text()


def test_only_a_caseworker_imports(site: Site, browser: Any) -> None:
    page = browser.new_page()
    sign_in(page, site, "inspektur")
    assert page.locator("nav a[href='/import']").count() == 0
    page.goto(f"{site.url}/import")
    before = len(refusals(site))
    page.set_input_files("#files", str(SAMPLES / "simpeg" / "data_utama.csv"))
    page.click("form[action='/import'] button[type=submit]")
    assert page.locator(".refusal[data-code=forbidden]").count() == 1
    recorded = refusals(site)[before:]
    assert [(r.actor["id"], r.status) for r in recorded] == [("inspektur", 403)]
    names = {row.name for row in fresh_directory(site.app).rows("kota-madiun")}
    assert "Eko Purnomo" not in names, "nothing imported"


def test_an_import_cut_off_by_a_restart_is_shown_as_interrupted(site: Site, browser: Any) -> None:
    """As a process serving the store tells a job whose own process stopped part-way."""
    job = ImportJob(
        owner="siti",
        agency="kota-madiun",
        files=("data_utama.csv",),
        phase=Phase.INTERRUPTED,
        done=200,
        total=450,
        failure=INTERRUPTED,
    )
    assert job_store(site.app).create(job)
    page = browser.new_page()
    sign_in(page, site, "siti")
    page.goto(f"{site.url}/import/{job.id}")
    shown = page.locator("#import-progress[data-phase=interrupted] .refusal")
    assert shown.get_attribute("data-code") == "import-interrupted"
    assert shown.inner_text().startswith("Impor terputus: impor terputus karena server berhenti")
    assert page.locator("#import-progress[hx-get]").count() == 0, "it polls no more"
    page.goto(f"{site.url}/import")
    assert page.locator(".notice", has_text="sedang berjalan").count() == 0, "the agency is free"
