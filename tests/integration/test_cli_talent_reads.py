"""`talenta talent show`: the talent read models from the command line, on both backends."""

from __future__ import annotations

import json
from datetime import date

from click.testing import CliRunner

from services.application import Talenta
from services.cli.main import main
from services.config import StoreConfig
from tests.integration.test_talent_succession import A, B, assess, staffed

AGENCY = "kota-binjai"


def show(store: StoreConfig, *args: str) -> str:
    result = CliRunner().invoke(
        main, ["talent", "show", *args, "--store", store.url, "--agency", AGENCY]
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_the_read_models_answer_on_the_command_line(app: Talenta, store: StoreConfig) -> None:
    staffed(app, AGENCY)
    assess(app, AGENCY, A, 5, date(2025, 3, 3))
    assess(app, AGENCY, A, 9, date(2025, 3, 10))
    assess(app, AGENCY, B, 8, date(2025, 3, 10))

    before = json.loads(show(store, "ninebox", "--on", "2025-03-05", "--json"))
    after = json.loads(show(store, "ninebox", "--on", "2025-03-12", "--json"))
    assert before["boxes"]["5"]["nips"] == [A]
    assert after["boxes"]["9"]["nips"] == [A]
    assert after["boxes"]["8"]["nips"] == [B]
    table = show(store, "ninebox", "--on", "2025-03-12").splitlines()
    assert table[0] == f"Nine-box per 2025-03-12 ({AGENCY}, WIB)"  # Binjai's dates are WIB days
    assert table[1].split() == ["Kotak", "Kategori", "Jumlah", "Pegawai"]
    (box_9,) = [line for line in table if line.startswith("9 ")]
    assert box_9.endswith(f"1       {A} Budi Santoso")  # the full name beside the NIP
    spreadsheet = show(store, "ninebox", "--on", "2025-03-12", "--csv").splitlines()
    assert spreadsheet[0] == "Kotak,Kategori,Jumlah,Pegawai"
    assert spreadsheet[1] == f"9,Kinerja di atas ekspektasi dan potensial tinggi,1,{A} Budi Santoso"
    priority = show(store, "priority", "--on", "2025-03-12", "--csv").splitlines()
    assert priority[0] == "NIP,Nama,Kotak,Unit kerja,Pengembangan,Tindak lanjut terbuka"
    assert priority[1].startswith(f"{A},Budi Santoso,9,")
    for read in ("plans", "groups", "pins", "monitoring-due"):
        assert show(store, read).splitlines()[1].startswith(("Rencana", "Periode", "NIP", "Jenis"))

    ranked = json.loads(show(store, "priority", "--on", "2025-03-12", "--json"))
    assert [row["nip"] for row in ranked][:2] == [A, B]
    assert json.loads(show(store, "pins", "--json")) == []
    assert json.loads(show(store, "plans", "--json")) == []
    due = json.loads(show(store, "monitoring-due", "--json"))
    assert (due["evaluations"], due["check_ins"]) == ([], [])
