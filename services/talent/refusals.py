"""What the refusals of the talent-cycle commands say where they belong to no aggregate: an
employee of another agency. The aggregates' own are in ``domain.talent.refusals``."""

from __future__ import annotations

from domain.talent.refusals import Catalogue, Said

CYCLE = Catalogue(
    {
        "other-agency-employee": Said(
            "other-agency-employee",
            "NIP {nip} pegawai {employer}, bukan {agency}",
            "NIP {nip} is an employee of {employer}, not {agency}",
        ),
    }
)
