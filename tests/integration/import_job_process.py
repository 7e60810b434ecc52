"""A serving process's import, run on its own so that a test can kill it part-way:

    python -m tests.integration.import_job_process STORE_URL EXPORT_FOLDER

starts the import of the export (copied to an upload folder, as the page saves one) as a
caseworker's job, prints the job's id and its folder, and waits for it to end."""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from domain.envelope import Actor, Role
from services.application import Talenta
from services.config import StoreConfig
from services.importing.jobs import ImportJob, job_store
from services.web.import_jobs import ImportJobs, export_files, new_folder

CLERK = Actor(id="siti", role=Role.CASEWORKER, agency="kota-madiun")


def main(url: str, export: Path) -> None:
    app = Talenta(StoreConfig(url))
    folder = new_folder()
    for file in export.glob("*.csv"):
        shutil.copy(file, folder / file.name)
    job = ImportJob(owner="siti", agency=CLERK.agency, files=("data_utama.csv",))
    ImportJobs(job_store(app)).start(app, folder, export_files(folder), job, CLERK, None)
    print(job.id, folder, flush=True)
    while job.running:
        time.sleep(0.1)
    app.close()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
