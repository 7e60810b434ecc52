"""A NUL character in a personnel export (issue 6, found beside the API fuzzing): PostgreSQL keeps
none in text, so an employee stored with one would stop the directory read model for everyone.
The row is refused with its file, line and column; the other rows are stored and read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from domain.envelope import Actor, Role
from services.api.context import Context
from services.application import Talenta
from services.importing import PersonnelFiles, import_personnel
from tests.faults.conftest import NewStore

HEADER = "nipBaru,nama,statusPegawai,kedudukanPnsNama,unorNama,golRuangAkhir,tmtGolAkhir\n"
GOOD, BAD = "197001012000031001", "197002022000032002"


def test_a_nul_in_an_export_refuses_its_row_and_the_read_models_keep_working(
    pg_stores: NewStore, tmp_path: Path
) -> None:
    export = tmp_path / "data_utama.csv"
    export.write_text(
        HEADER
        + f"{GOOD},Budi,PNS,Aktif,Dinas A,III/a,01-03-2000\n"
        + f"{BAD},Siti\x00,PNS,Aktif,Dinas A,III/a,01-03-2000\n"
    )
    with Talenta(pg_stores()) as app:
        caseworker = Actor(id="impor", role=Role.CASEWORKER, agency="kota-madiun")
        report = import_personnel(
            app, PersonnelFiles(main=export), "kota-madiun", caseworker, date(2025, 3, 3)
        )
        context = Context.of(app)
        context.refresh()

        assert (report.created, report.events) == (1, 1)
        assert [(e.line, e.nip) for e in report.errors] == [(3, BAD)]
        assert "nama: memuat karakter NUL / holds a NUL character" in str(report.errors[0])
        assert [row.nip for row in context.directory.rows("kota-madiun")] == [GOOD]
