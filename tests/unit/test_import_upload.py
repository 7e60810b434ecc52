"""The uploaded export saved for the importer: CSV files under their own names, a zip's CSV
files taken out of it whatever folders it holds them in, and refusals for anything else."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from services.web import import_jobs
from services.web.import_jobs import UploadRefused, export_files, save_export


def zipped(members: dict[str, bytes]) -> io.BytesIO:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    out.seek(0)
    return out


def test_a_zips_csv_files_are_saved_flat_and_nothing_else(tmp_path: Path) -> None:
    bundle = zipped(
        {
            "ekspor/data_utama.csv": b"nipBaru\n",
            "../../rw_jabatan.csv": b"nipBaru\n",
            "__MACOSX/ekspor/._data_utama.csv": b"junk",
            "ekspor/catatan.txt": b"-",
        }
    )
    names = save_export([("C:\\unduhan\\ekspor.zip", bundle)], tmp_path)
    assert names == ("data_utama.csv", "rw_jabatan.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data_utama.csv", "rw_jabatan.csv"]
    assert export_files(tmp_path).positions == tmp_path / "rw_jabatan.csv"


@pytest.mark.parametrize(
    ("uploads", "refusal"),
    [
        ([("catatan.txt", b"-")], "catatan.txt: bukan berkas CSV atau zip"),
        ([("a.zip", b"not a zip")], "a.zip: bukan zip yang utuh"),
        ([("a.zip", zipped({"x.txt": b"-"}).read())], "a.zip: tidak berisi berkas CSV"),
        ([("data_utama.csv", b"a"), ("data_utama.csv", b"b")], "diunggah dua kali"),
        ([], "tidak ada berkas yang diunggah"),
    ],
)
def test_what_is_no_export_is_refused(
    tmp_path: Path, uploads: list[tuple[str, bytes]], refusal: str
) -> None:
    with pytest.raises(UploadRefused, match=refusal):
        save_export([(name, io.BytesIO(content)) for name, content in uploads], tmp_path)


def test_a_zip_unpacking_past_its_bound_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_jobs, "MAX_UNZIPPED_BYTES", 1000)
    bundle = zipped({"data_utama.csv": b"0" * 5000})  # a few dozen bytes zipped
    with pytest.raises(UploadRefused, match="the zip unpacks to more than 1000 bytes"):
        save_export([("ekspor.zip", bundle)], tmp_path)


def test_a_folder_without_the_main_record_is_refused_without_naming_it(tmp_path: Path) -> None:
    (tmp_path / "rw_jabatan.csv").write_text("nipBaru\n")
    with pytest.raises(UploadRefused) as refused:
        export_files(tmp_path)
    assert "data_utama" in str(refused.value) and str(tmp_path) not in str(refused.value)
