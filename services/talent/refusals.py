"""What the refusals of the talent-cycle commands say where they belong to no aggregate: the pack
that runs no cycle, and an employee of another agency. The aggregates' own are in
``domain.talent.refusals``."""

from __future__ import annotations

from domain.talent.refusals import Catalogue, Said

CYCLE = Catalogue(
    {
        "no-talent-cycle-in-pack": Said(
            "no-talent-cycle-in-pack",
            "{regulation} tidak mengatur siklus manajemen talenta",
            "{regulation} has no talent-management cycle",
        ),
        "other-agency-employee": Said(
            "other-agency-employee",
            "NIP {nip} pegawai {employer}, bukan {agency}",
            "NIP {nip} is an employee of {employer}, not {agency}",
        ),
    }
)
