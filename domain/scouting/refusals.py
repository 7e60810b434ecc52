"""What each refusal of the scouting steps says, by name, per aggregate: its code, its message in
Indonesian and English (templates the refusing guard fills) and the madiun-2021 article it rests
on. The aggregates hold the guards; these catalogues hold their words."""

from __future__ import annotations

from dataclasses import dataclass

from domain.rules.core import Message
from domain.scouting.errors import ScoutingRefusal, refuse


@dataclass(frozen=True)
class Said:
    code: str
    id: str
    en: str
    # None: the refusal rests on no article, or on one the refusing guard names (the article of
    # the step it guards, or of the requirement that failed).
    article: str | None = None


class Catalogue(dict[str, Said]):
    def refused(
        self, name: str, /, *, article: str | None = None, **values: object
    ) -> ScoutingRefusal:
        """The refusal ``name``, its messages filled with ``values``, citing ``article`` when
        the guard names one, else the catalogue's."""
        said = self[name]
        return refuse(
            said.code, said.id.format(**values), said.en.format(**values), article or said.article
        )


def of_candidate(nip: str, refused: ScoutingRefusal) -> ScoutingRefusal:
    """``refused`` said of the candidate ``nip``, among the several a step judges."""
    return ScoutingRefusal(
        refused.code,
        Message(id=f"NIP {nip}: {refused.message.id}", en=f"NIP {nip}: {refused.message.en}"),
        refused.citation,
    )


VACANCY = Catalogue(
    {
        "level-not-in-scope": Said(
            "level-not-in-scope",
            "promosi dari Talent Pool hanya untuk jabatan Administrator dan Pengawas, bukan "
            "{level}",
            "promotion from the pool fills administrator and supervisor positions only, not "
            "{level}",
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
            "usul promosi untuk jabatan pada {unit} diajukan oleh Kepala Perangkat Daerah "
            "tersebut, "
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
            "pilihan NIP {nip} gugur {lapse.lapsed_on}: entri Talent Pool berakhir "
            "{lapse.expired_on}",
            "the pick of NIP {nip} lapsed on {lapse.lapsed_on}: the pool entry expired on "
            "{lapse.expired_on}",
            "P22(1)",
        ),
        "pick-before-lapse": Said(
            "pick-before-lapse",
            "keputusan {decree_date} mendahului gugurnya pilihan sebelumnya ({lapse.lapsed_on})",
            "the decree of {decree_date} precedes the lapse of the previous pick "
            "({lapse.lapsed_on})",
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
            "entri Talent Pool NIP {nip} masih berlaku pada {on} (sampai sebelum "
            "{entry.expires_on}); "
            "pilihan tidak gugur",
            "NIP {nip}'s pool entry still holds on {on} (until before {entry.expires_on}); the "
            "pick "
            "has not lapsed",
            "P22(1)",
        ),
        "inaugurated-before-decree": Said(
            "inaugurated-before-decree",
            "pelantikan {inaugurated_on} sebelum keputusan {decreed}",
            "inauguration on {inaugurated_on} precedes the decree of {decreed}",
            "P27(1)",
        ),
        # P30(5) failed: the words are the requirement's own, the article the first failed one's.
        "serving-penalty": Said("serving-penalty", "{reasons}", "{reasons_en}", "P30(5)"),
        "poor-performance": Said("poor-performance", "{reasons}", "{reasons_en}", "P30(5)"),
        "not-considerable": Said("not-considerable", "{reasons}", "{reasons_en}", "P30(5)"),
    }
)

ROUND = Catalogue(
    {
        "not-recommended": Said(
            "not-recommended",
            "{nip} belum mendapat rekomendasi Pimpinan Perangkat Daerah",
            "{nip} has no recommendation from the head of unit yet",
            "P13(2)",
        ),
        "not-registered": Said(
            "not-registered",
            "{key} tidak terdaftar pada putaran ini",
            "{key} is not registered in this round",
            "P13(1)",
        ),
        "already-published": Said(
            "already-published",
            "putaran sudah diumumkan dengan Surat Edaran {circular_number}",
            "the round was published already by circular {circular_number}",
            "P12(2)",
        ),
        "publication-incomplete": Said(
            "publication-incomplete",
            "pengumuman resmi memerlukan Surat Edaran dan website resmi BKPSDM",
            "an official announcement needs both a circular and the BKPSDM website",
            "P12(2)",
        ),
        "not-published": Said(
            "not-published",
            "putaran belum diumumkan secara resmi",
            "the round has not been officially announced yet",
            "P12(2)",
        ),
        "registration-not-open": Said(
            "registration-not-open",
            "pendaftaran dibuka {registration_opens}",
            "registration opens on {registration_opens}",
            "P13(1)",
        ),
        "registration-closed": Said(
            "registration-closed",
            "pendaftaran ditutup {closed_on}",
            "registration closed on {closed_on}",
            "P13(1)",
        ),
        "already-registered": Said(
            "already-registered",
            "{nip} sudah terdaftar pada putaran ini",
            "{nip} is already registered in this round",
            "P13(1)",
        ),
        "already-in-pool": Said(
            "already-in-pool",
            "{nip} masih tercatat dalam Talent Pool yang berlaku",
            "{nip} holds a talent pool entry that is still valid",
            "P22(2)",
        ),
        "already-selected": Said(
            "already-selected",
            "seleksi administrasi {nip} sudah dilakukan",
            "{nip} has been through administrative selection already",
            "P14(1)",
        ),
        "already-recommended": Said(
            "already-recommended",
            "{nip} sudah direkomendasikan",
            "{nip} is already recommended",
            "P13(2)",
        ),
        "nothing-to-verify": Said(
            "nothing-to-verify",
            "berkas {nip} tidak menunggu verifikasi (pendaftaran langsung atau sudah diverifikasi)",
            "{nip}'s documents await no verification (direct registration or verified already)",
            "P13(3)",
        ),
        "before-closing-date": Said(
            "before-closing-date",
            "pendaftaran dijadwalkan ditutup {registration_closes}",
            "registration is scheduled to close on {registration_closes}",
            "P13(1)",
        ),
        "registration-open": Said(
            "registration-open",
            "pendaftaran belum ditutup",
            "registration has not been closed",
            "P14(1)",
        ),
        "administrative-results-announced": Said(
            "administrative-results-announced",
            "hasil seleksi administrasi sudah diumumkan",
            "the administrative results have been announced",
            "P14(3)",
        ),
        "documents-not-verified": Said(
            "documents-not-verified",
            "berkas pendaftaran web {nip} belum diverifikasi",
            "the web registration of {nip} has no verified documents yet",
            "P13(3)",
        ),
        "already-announced": Said(
            "already-announced",
            "hasil seleksi administrasi sudah diumumkan",
            "the administrative results have been announced already",
            "P14(3)",
        ),
        "selection-incomplete": Said(
            "selection-incomplete",
            "belum diseleksi administrasi: {nips}",
            "not through administrative selection yet: {nips}",
            "P14(3)",
        ),
        "potential-not-assessed": Said(
            "potential-not-assessed",
            "nilai potensi {nip} belum dicatat",
            "{nip} has no potential score yet",
            "P15(3)",
        ),
        "stopped-at-potential": Said(
            "stopped-at-potential",
            "{nip} berkategori KMS pada penilaian potensi; tidak dapat mengikuti tahap berikutnya",
            "{nip} is KMS at the potential assessment and cannot go on",
            "P15(4)",
        ),
        "results-finalised": Said(
            "results-finalised",
            "hasil Talent Scouting sudah ditetapkan",
            "the scouting results are final already",
            "P19(1)",
        ),
        "administrative-results-not-announced": Said(
            "administrative-results-not-announced",
            "hasil seleksi administrasi belum diumumkan",
            "the administrative results have not been announced",
            "P14(3)",
        ),
        "potential-scores-missing": Said(
            "potential-scores-missing",
            "nilai potensi belum dicatat untuk: {nips}",
            "no potential score yet for: {nips}",
            "P15(1)",
        ),
        "technical-scores-missing": Said(
            "technical-scores-missing",
            "nilai kompetensi teknis belum dicatat untuk: {nips}",
            "no technical score yet for: {nips}",
            "P16(3)",
        ),
        "not-finalised": Said(
            "not-finalised",
            "hasil Talent Scouting belum ditetapkan",
            "the scouting results are not final yet",
            "P19(4)",
        ),
        "already-reported": Said(
            "already-reported",
            "hasil sudah dilaporkan kepada Walikota ({report_number})",
            "the results were reported to the mayor already ({report_number})",
            "P19(4)",
        ),
        "report-number-missing": Said(
            "report-number-missing",
            "nomor laporan kepada Walikota kosong",
            "the report to the mayor has no number",
            "P19(4)",
        ),
        "not-reported": Said(
            "not-reported",
            "hasil Talent Scouting belum ditetapkan dan dilaporkan kepada Walikota",
            "the scouting results have not been finalised and reported to the mayor",
            "P19(4)",
        ),
        "decree-before-results": Said(
            "decree-before-results",
            "keputusan Talent Pool tanggal {decree_date} mendahului hasil dan laporan tanggal "
            "{results_on}",
            "the pool decree of {decree_date} precedes the results and report of {results_on}",
            "P20(2)",
        ),
        "decree-number-missing": Said(
            "decree-number-missing",
            "nomor keputusan Talent Pool kosong",
            "the pool decree has no number",
            "P20(2)",
        ),
        "not-administratively-passed": Said(
            "not-administratively-passed",
            "{nip} tidak lulus seleksi administrasi",
            "{nip} did not pass administrative selection",
            "P14(4)",
        ),
        "already-recorded": Said(
            "already-recorded",
            "sudah dicatat untuk {nip} (peristiwa {recorded}); untuk koreksi isi "
            "corrects={recorded}",
            "already recorded for {nip} (event {recorded}); to correct it, set corrects={recorded}",
        ),
        "pool-already-decreed": Said(
            "pool-already-decreed",
            "Talent Pool putaran ini sudah ditetapkan dengan keputusan "
            "{decree.decree_number} tanggal {decree.decree_date}",
            "this round's talent pool was decreed already by decree "
            "{decree.decree_number} of {decree.decree_date}",
            "P20(2)",
        ),
    }
)


MUTATION = Catalogue(
    {
        "level-not-in-scope": Said(
            "level-not-in-scope",
            "mutasi diatur untuk jabatan Administrator dan Pengawas, bukan {level}",
            "mutation covers administrator and supervisor positions, not {level}",
            "P25(1)",
        ),
        "tenure-decided": Said(
            "tenure-decided",
            "perpanjangan jabatan sudah diputuskan",
            "the tenure review is already decided",
            "P25(3)",
        ),
        "tenure-not-due": Said(
            "tenure-not-due",
            "belum 5 tahun dalam jabatan; peninjauan mulai {due_on}",
            "not yet 5 years in the position; the review is due on {due_on}",
            "P25(3)",
        ),
        "wrong-stage": Said(
            "wrong-stage",
            "usul mutasi pada tahap {state}, langkah ini untuk tahap {expected}",
            "the mutation is {state}; this step needs {expected}",
        ),
    }
)


PLAN = Catalogue(
    {
        "level-not-in-scope": Said(
            "level-not-in-scope",
            "Talent Scouting hanya untuk jabatan Administrator dan Pengawas, bukan {level}",
            "scouting is for administrator and supervisor positions only, not {level}",
            "P10",
        ),
        "schedule-out-of-order": Said(
            "schedule-out-of-order",
            "jadwal tahapan tidak berurutan: {shown}",
            "the stages are scheduled out of order: {shown}",
            "P11",
        ),
        "no-scouting-in-pack": Said(
            "no-scouting-in-pack",
            "{regulation} tidak mengatur talent scouting",
            "{regulation} has no talent scouting",
        ),
        "announcement-incomplete": Said(
            "announcement-incomplete",
            "pengumuman belum memuat: {shown}",
            "the announcement lacks: {shown}",
            "P12(3)",
        ),
    }
)


POOL = Catalogue(
    {
        "entry-not-passed": Said(
            "entry-not-passed",
            "NIP {nip} tidak lulus Talent Scouting {round} (nilai akhir di bawah 68 atau tidak "
            "sampai tahap akhir) namun ditetapkan dalam Talent Pool",
            "NIP {nip} did not pass scouting round {round} (final score below 68 or stopped "
            "earlier) yet was decreed into the pool",
            "P19(3)",
        ),
        "entry-already-used": Said(
            "entry-already-used",
            "entri Talent Pool sudah dipakai untuk pelantikan {inaugurated_on}",
            "the pool entry was already used for the inauguration on {inaugurated_on}",
            "P23(2)",
        ),
        "entry-not-yet-decreed": Said(
            "entry-not-yet-decreed",
            "entri Talent Pool baru berlaku sejak {decree_date}, bukan {day}",
            "the pool entry holds from {decree_date}, not on {day}",
            "P20(2)",
        ),
        "entry-expired": Said(
            "entry-expired",
            "entri Talent Pool (keputusan {decree_number}) berakhir {expires_on}; tidak berlaku "
            "pada {day}",
            "the pool entry (decree {decree_number}) expired on {expires_on}; not valid on {day}",
            "P22(1)",
        ),
        "entry-already-decreed": Said(
            "entry-already-decreed",
            "NIP {nip} sudah tercatat dengan keputusan {decree_number}",
            "NIP {nip} is already listed by decree {decree_number}",
            "P20(2)",
        ),
        "already-in-pool": Said(
            "already-in-pool",
            "NIP {nip} masih dalam Talent Pool (keputusan {decree_number}, berlaku sampai "
            "sebelum {expires_on}); boleh ikut lagi setelah berakhir",
            "NIP {nip} is still in the talent pool (decree {decree_number}, valid until before "
            "{expires_on}); may re-enter once it expires",
            "P22(2)",
        ),
        "pool-term-overlap": Said(
            "pool-term-overlap",
            "masa berlaku {decree_date} s.d. sebelum {expires_on} bertumpang tindih dengan entri "
            "Talent Pool NIP {nip} (keputusan {decree_number}, {held_from} s.d. sebelum "
            "{held_until})",
            "the term {decree_date} until before {expires_on} overlaps NIP {nip}'s pool entry "
            "(decree {decree_number}, {held_from} until before {held_until})",
            "P22(2)",
        ),
        "entry-not-yet-expired": Said(
            "entry-not-yet-expired",
            "entri Talent Pool berlaku sampai sebelum {expires_on}, belum berakhir pada "
            "{expired_on}",
            "the pool entry is valid until before {expires_on}, not expired on {expired_on}",
            "P22(1)",
        ),
        "unknown-entry": Said(
            "unknown-entry",
            "NIP {nip} tidak memiliki entri Talent Pool {entry_id}",
            "NIP {nip} has no pool entry {entry_id}",
        ),
        "decree-moment-mismatch": Said(
            "decree-moment-mismatch",
            "saat berlaku {effective_at} bukan pada tanggal keputusan {decree_date}",
            "the effective moment {effective_at} is not on the decree date {decree_date}",
            "P20(2)",
        ),
        "no-passed-candidates": Said(
            "no-passed-candidates",
            "tidak ada peserta yang lulus Talent Scouting untuk ditetapkan",
            "no candidate passed scouting, nothing to decree",
            "P20(1)",
        ),
    }
)


TPK = Catalogue(
    {
        "tpk-member-twice": Said(
            "tpk-member-twice",
            "satu orang tercatat lebih dari sekali dalam Tim Penilai Kinerja: {names}",
            "one person listed more than once on the board: {names}",
            "P8(2)",
        ),
        "tpk-office-twice": Said(
            "tpk-office-twice",
            "satu jabatan diduduki lebih dari satu orang: {offices}",
            "one office filled by more than one person: {offices}",
            "P8(2)",
        ),
        "tpk-chair": Said(
            "tpk-chair",
            "sidang Tim Penilai Kinerja dipimpin Sekretaris Daerah selaku ketua; tidak hadir",
            "the board session is chaired by the regional secretary, who is not listed",
            "P8(2)(a)",
        ),
        "tpk-deputy-letter": Said(
            "tpk-deputy-letter",
            "wakil tanpa surat penunjukan: {names}",
            "a deputy without a letter of assignment: {names}",
            "P8(2)",
        ),
        "tpk-quorum": Said(
            "tpk-quorum",
            "Tim Penilai Kinerja terdiri dari lima jabatan; tidak hadir: {absent}",
            "the board is the five offices; absent: {absent}",
            "P8(2)",
        ),
        "tpk-too-few": Said(
            "tpk-quorum",
            "hadir {count} dari 5 jabatan, kurang dari {majority}",
            "{count} of the 5 offices sat, fewer than {majority}",
            "P8(2)",
        ),
        "tpk-even": Said(
            "tpk-even",
            "Tim Penilai Kinerja harus berjumlah ganjil, tercatat {count} anggota",
            "the performance review board must have an odd number of members, got {count}",
            "P8(2)",
        ),
    }
)
