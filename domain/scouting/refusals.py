"""What each refusal of a vacancy's steps says, by name: its code, its message in Indonesian and
English (templates the refusing guard fills) and the madiun-2021 article it rests on. The
aggregate holds the guards; this catalogue holds their words."""

from __future__ import annotations

from dataclasses import dataclass

from domain.scouting.errors import ScoutingRefusal, refuse


@dataclass(frozen=True)
class Said:
    code: str
    id: str
    en: str
    article: str


VACANCY = {
    "level-not-in-scope": Said(
        "level-not-in-scope",
        "promosi dari Talent Pool hanya untuk jabatan Administrator dan Pengawas, bukan {level}",
        "promotion from the pool fills administrator and supervisor positions only, not {level}",
        "P23(1)",
    ),
    "camat-is-administrator": Said(
        "camat-is-administrator",
        "Camat adalah jabatan Administrator",
        "a Camat (sub-district head) is an administrator position",
        "P30(2)",
    ),
    "not-head-of-vacancy-unit": Said(
        "not-head-of-vacancy-unit",
        "usul promosi untuk jabatan pada {unit} diajukan oleh Kepala Perangkat Daerah tersebut, "
        "bukan oleh pimpinan {proposer}",
        "a proposal for a position in {unit} is made by that unit's head, not by the head of "
        "{proposer_en}",
        "P24 angka 1",
    ),
    "already-proposed": Said(
        "already-proposed",
        "NIP {nip} sudah diusulkan untuk jabatan ini",
        "NIP {nip} is already proposed for this position",
        "P24 angka 1",
    ),
    "not-pool-member": Said(
        "not-pool-member",
        "NIP {nip} tidak masuk dalam Daftar Talent Pool",
        "NIP {nip} is not in the talent pool",
        "P23(2)",
    ),
    "level-mismatch": Said(
        "level-mismatch",
        "NIP {nip} masuk Talent Pool {entry.level}, jabatan ini {level}",
        "NIP {nip} is in the {entry.level} pool, this position is {level}",
        "P23(2)",
    ),
    "other-agency-entry": Said(
        "other-agency-entry",
        "entri Talent Pool NIP {nip} (keputusan {entry.decree_number}) milik {entry.agency}, "
        "jabatan ini milik {agency}",
        "NIP {nip}'s pool entry (decree {entry.decree_number}) belongs to {entry.agency}, this "
        "position to {agency}",
        "P23(2)",
    ),
    "camat-not-qualified": Said(
        "camat-not-qualified",
        "Camat harus berijazah diploma/sarjana pemerintahan atau bersertifikat profesi "
        "keparamongprajaan{why}",
        "a Camat needs a government-science diploma or degree or the keparamongprajaan "
        "certificate{why_en}",
        "P30(2)",
    ),
    "not-proposed": Said(
        "not-proposed",
        "tidak diusulkan Kepala Perangkat Daerah: {nips}",
        "not proposed by the head of unit: {nips}",
        "P24 angka 3",
    ),
    "shortlist-size": Said(
        "shortlist-size",
        "pertimbangan Tim Penilai Kinerja memuat {size} PNS berbeda, tercatat {count}",
        "the board considers {size} distinct candidates, got {count}",
        "P24 angka 4",
    ),
    "shortlist-short": Said(
        "shortlist-short",
        "pertimbangan Tim Penilai Kinerja sejumlah {size} PNS per kekosongan Jabatan, tercatat "
        "{count}; jabatan tetap kosong atau diisi dengan cara lain yang sah",
        "the board puts forward {size} candidates per vacancy, got {count}; the vacancy stays "
        "open or is filled another lawful way",
        "P24 angka 4",
    ),
    "shortlist-unjustified": Said(
        "shortlist-short",
        "kurang dari {size} PNS hanya dengan alasan tertulis",
        "fewer than {size} candidates only with a written justification",
        "P24 angka 4",
    ),
    "not-shortlisted": Said(
        "not-shortlisted",
        "NIP {nip} tidak termasuk 3 PNS pertimbangan Tim Penilai Kinerja",
        "NIP {nip} is not among the board's shortlisted candidates",
        "P24 angka 5",
    ),
    "pick-lapsed": Said(
        "pick-lapsed",
        "pilihan NIP {nip} gugur {lapse.lapsed_on}: entri Talent Pool berakhir {lapse.expired_on}",
        "the pick of NIP {nip} lapsed on {lapse.lapsed_on}: the pool entry expired on "
        "{lapse.expired_on}",
        "P22(1)",
    ),
    "pick-before-lapse": Said(
        "pick-before-lapse",
        "keputusan {decree_date} mendahului gugurnya pilihan sebelumnya ({lapse.lapsed_on})",
        "the decree of {decree_date} precedes the lapse of the previous pick ({lapse.lapsed_on})",
        "P24 angka 5",
    ),
    "wrong-stage": Said(
        "wrong-stage",
        "langkah {step} hanya pada tahap {expected}; jabatan ini pada tahap {state}",
        "{step} is allowed at stage {expected} only; this vacancy is {state}",
        "P24",
    ),
    "pick-not-lapsed": Said(
        "pick-not-lapsed",
        "entri Talent Pool NIP {nip} masih berlaku pada {on} (sampai sebelum {entry.expires_on}); "
        "pilihan tidak gugur",
        "NIP {nip}'s pool entry still holds on {on} (until before {entry.expires_on}); the pick "
        "has not lapsed",
        "P22(1)",
    ),
    "inaugurated-before-decree": Said(
        "inaugurated-before-decree",
        "pelantikan {inaugurated_on} sebelum keputusan {decreed}",
        "inauguration on {inaugurated_on} precedes the decree of {decreed}",
        "P27(1)",
    ),
}


def refused(name: str, **values: object) -> ScoutingRefusal:
    """The refusal ``name`` of the catalogue, its messages filled with ``values``."""
    said = VACANCY[name]
    return refuse(said.code, said.id.format(**values), said.en.format(**values), said.article)
