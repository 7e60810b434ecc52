"""A synthetic SIASN export: every employee with a main row and two grade-history rows."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

MAIN = ["nipBaru", "nama", "statusPegawai", "kedudukanPnsNama", "unorNama", "golRuangAkhir",
        "tmtGolAkhir"]  # fmt: skip
GRADES = ["nipBaru", "golongan", "pangkat", "tmtGolongan", "skNomor", "skTanggal"]


def nip(index: int) -> str:
    born = date(1960, 1, 1) + timedelta(days=index * 2)
    return f"{born:%Y%m%d}{born.year + 25}03{1 + index % 2}{1 + index % 999:03d}"


def write_export(folder: Path, count: int) -> list[str]:
    """Writes data_utama.csv and rw_golongan.csv into ``folder``; returns the NIPs in order."""
    folder.mkdir(parents=True, exist_ok=True)
    nips = [nip(index) for index in range(count)]
    with (
        (folder / "data_utama.csv").open("w", newline="") as main,
        (folder / "rw_golongan.csv").open("w", newline="") as grades,
    ):
        main_rows, grade_rows = csv.writer(main), csv.writer(grades)
        main_rows.writerow(MAIN)
        grade_rows.writerow(GRADES)
        for index, number in enumerate(nips):
            entry = int(number[8:12])
            main_rows.writerow(
                [
                    number,
                    f"Pegawai {index}",
                    "PNS",
                    "Aktif",
                    "Dinas A",
                    "III/b",
                    f"01-03-{entry + 4}",
                ]
            )
            grade_rows.writerow(
                [number, "III/a", "Penata Muda", f"01-03-{entry}", f"813/{index}/{entry}",
                 f"15-02-{entry}"]
            )  # fmt: skip
            grade_rows.writerow(
                [number, "III/b", "Penata Muda Tingkat I", f"01-03-{entry + 4}",
                 f"823/{index}/{entry + 4}", f"15-02-{entry + 4}"]
            )  # fmt: skip
    return nips
