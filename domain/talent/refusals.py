"""What each refusal of the talent-cycle steps says, by name, per aggregate: its code and its
message in Indonesian and English (templates the refusing guard fills). The article differs per
pack, so the guard names it with the refusal. The aggregates hold the guards; these catalogues
hold their words."""

from __future__ import annotations

from dataclasses import dataclass

from domain.talent.errors import TalentRefusal, refuse


@dataclass(frozen=True)
class Said:
    code: str
    id: str
    en: str


class Catalogue(dict[str, Said]):
    def refused(self, name: str, citation: str | None = None, **values: object) -> TalentRefusal:
        """The refusal ``name``, citing ``citation``, its messages filled with ``values``."""
        said = self[name]
        return refuse(said.code, said.id.format(**values), said.en.format(**values), citation)


CAMPAIGN = Catalogue(
    {
        "empty-scope": Said(
            "empty-scope",
            "pemetaan Talenta mencakup seluruh pegawai unit; tidak ada pegawai dalam cakupan",
            "mapping covers every employee of the unit; the scope is empty",
        ),
        "campaign-not-open": Said(
            "campaign-not-open",
            "pemetaan dibuka {opened_on}, ditutup {closed}; tidak dapat ditutup pada {closed_on}",
            "the campaign opened {opened_on}, closed {closed}; it cannot close on {closed_on}",
        ),
        "campaign-exists": Said(
            "campaign-exists",
            "pemetaan {scope} periode {period} sudah dibuka",
            "the mapping of {scope} for {period} is already open",
        ),
    }
)

CRITICAL = Catalogue(
    {
        "no-talent-cycle-in-pack": Said(
            "no-talent-cycle-in-pack",
            "{regulation} tidak mengatur siklus manajemen talenta",
            "{regulation} has no talent-management cycle",
        ),
        "unknown-characteristic": Said(
            "unknown-characteristic",
            "karakteristik tidak dikenal {pack_id}: {codes}",
            "characteristics {pack_id} does not list: {codes}",
        ),
        "level-not-critical": Said(
            "level-not-critical",
            "jabatan kritikal ditetapkan untuk JPT Pratama, administrasi dan fungsional, bukan "
            "{level}",
            "critical positions are JPT Pratama, administration and functional ones, not {level}",
        ),
        "priority-rank": Said(
            "priority-rank",
            "skala prioritas dimulai dari 1, bukan {priority_rank}",
            "the priority rank starts at 1, not {priority_rank}",
        ),
        "decree-incomplete": Said(
            "decree-incomplete",
            "PPK menetapkan jabatan kritikal beserta Standar Kompetensi Jabatan dengan keputusan "
            "bernomor",
            "the PPK sets the critical position with its competency standard by a numbered decree",
        ),
        "critical-position-not-in-force": Said(
            "critical-position-not-in-force",
            "{position} bukan jabatan kritikal pada {day} (ditetapkan {decree_date}, dicabut "
            "{withdrawn_on})",
            "{position} is not a critical position on {day} (set {decree_date}, withdrawn "
            "{withdrawn_on})",
        ),
        "characteristic-missing": Said(
            "characteristic-missing",
            "jabatan kritikal harus memenuhi karakteristik '{id}' dengan alasannya",
            "a critical position must meet '{en}', with its justification",
        ),
        "already-declared": Said(
            "already-declared",
            "{position} ({unit}) sudah ditetapkan sebagai jabatan kritikal",
            "{position} ({unit}) is already a critical position",
        ),
    }
)

DEVELOPMENT = Catalogue(
    {
        "no-talent-cycle-in-pack": Said(
            "no-talent-cycle-in-pack",
            "{regulation} tidak mengatur pengembangan Talenta",
            "{regulation} sets no talent development",
        ),
        "method-for-corporate-university": Said(
            "method-for-corporate-university",
            "metode (pelatihan, pembimbingan, praktek kerja lapangan) wajib untuk Corporate "
            "University dan hanya untuknya; program: {programme}",
            "a method (training, coaching-mentoring, field-practice) is required for the "
            "corporate university and only there; programme: {programme}",
        ),
        "counselling-box": Said(
            "counselling-box",
            "{regulation}: konseling kinerja oleh Asesor hanya untuk kotak {boxes}; kotak "
            "pegawai: {box}",
            "{regulation}: assessors give performance counselling to boxes {boxes} only; the "
            "employee's box: {box}",
        ),
        "counselling-by-assessor": Said(
            "counselling-by-assessor",
            "konseling kinerja diberikan oleh Asesor Tim Manajemen Talenta",
            "performance counselling is given by the talent team's assessors",
        ),
        "counselling-notes-missing": Said(
            "counselling-notes-missing",
            "catat hasil konseling kinerja",
            "record what the counselling covered",
        ),
        "not-assessed": Said(
            "not-assessed",
            "NIP {nip} belum dipetakan pada {on}",
            "NIP {nip} was not mapped by {on}",
        ),
    }
)

EVALUATION = Catalogue(
    {
        "no-yearly-evaluation": Said(
            "no-yearly-evaluation",
            "peraturan yang berlaku tidak mengatur evaluasi tahunan penyelenggaraan",
            "the pack in force sets no yearly programme evaluation",
        ),
    }
)

FOLLOW_UPS = Catalogue(
    {
        "unknown-follow-up": Said(
            "unknown-follow-up",
            "NIP {nip} tidak memiliki tindak lanjut {task}",
            "NIP {nip} has no follow-up {task}",
        ),
        "follow-up-already-closed": Said(
            "follow-up-already-closed",
            "tindak lanjut {task_id} sudah ditutup pada {closed_on}",
            "follow-up {task_id} was already closed on {closed_on}",
        ),
        "follow-up-outcome-missing": Said(
            "follow-up-outcome-missing",
            "catat hasil tindak lanjut",
            "record the follow-up's outcome",
        ),
        "follow-up-closed-before-opened": Said(
            "follow-up-closed-before-opened",
            "tindak lanjut {task_id} dibuka pada {opened_on}; tidak dapat ditutup sebelumnya",
            "follow-up {task_id} was opened on {opened_on}; it cannot be closed before",
        ),
    }
)

MAPPING = Catalogue(
    {
        "assessment-evidence": Said(
            "assessment-evidence",
            "potensial ditentukan melalui {expected}; tercatat {given}",
            "the potential level comes from {expected}; got {given}",
        ),
        "reassessment-backdated": Said(
            "reassessment-backdated",
            "penilaian ulang periode {period} ({on}) mendahului penilaian yang digantikannya "
            "({assessed_on})",
            "the re-assessment for {period} ({on}) precedes the one it supersedes ({assessed_on})",
        ),
        "not-assessable": Said(
            "not-assessable",
            "NIP {nip} tidak aktif atau tidak memiliki jabatan pada {on}",
            "NIP {nip} is not active or holds no position on {on}",
        ),
        "not-external": Said(
            "not-external",
            "NIP {nip} pegawai instansi ini; dinilai dari data kepegawaiannya",
            "NIP {nip} is an employee of this agency, assessed from their record",
        ),
        "external-unit-and-level": Said(
            "external-unit-and-level",
            "kandidat eksternal dinilai untuk unit dan jenjang jabatan yang disebutkan",
            "an external candidate is assessed for a unit and a level the request names",
        ),
    }
)

MONITORING = Catalogue(
    {
        "no-such-check-in": Said(
            "no-such-check-in",
            "pemantauan tahunan ke-{year} tidak ada (1 sampai {recorded})",
            "there is no yearly check-in {year} (1 to {recorded})",
        ),
        "check-in-already-recorded": Said(
            "check-in-already-recorded",
            "pemantauan tahun ke-{year} sudah dicatat",
            "the check-in of year {year} is already recorded",
        ),
        "outcome-not-in-pack": Said(
            "outcome-not-in-pack",
            "hasil {outcome} tidak diatur; yang diatur: {allowed}",
            "outcome {outcome} is not provided for; provided: {allowed}",
        ),
        "evaluation-too-early": Said(
            "evaluation-too-early",
            "evaluasi akhir setelah {years} tahun pemantauan, sejak {evaluation_due}, bukan "
            "{effective}",
            "the final evaluation comes after the {years} years of monitoring, from "
            "{evaluation_due}, not {effective}",
        ),
        "evaluation-not-yet-due": Said(
            "evaluation-not-yet-due",
            "evaluasi jatuh tempo {evaluation_due}, belum pada {due_on}",
            "the evaluation falls due on {evaluation_due}, not yet on {due_on}",
        ),
        "already-evaluated": Said(
            "already-evaluated",
            "pemantauan NIP {nip} sudah dievaluasi ({outcome})",
            "the monitoring of NIP {nip} is already evaluated ({outcome})",
        ),
    }
)

NOMINATED_GROUP = Catalogue(
    {
        "no-nominated-group-step": Said(
            "no-nominated-group-step",
            "{regulation}: PPK menetapkan kelompok rencana suksesi sendiri ({group_citation}); "
            "tidak ada penetapan kelompok dari nominasi",
            "{regulation}: the PPK decrees the succession group itself ({group_citation}); there "
            "is no group set from the nominations",
        ),
        "wrong-group-nominator": Said(
            "wrong-group-nominator",
            "kelompok dari nominasi ditetapkan {nominator}, bukan {role}",
            "the group from the nominations is set by the {nominator}, not the {role}",
        ),
        "group-not-from-nominations": Said(
            "group-not-from-nominations",
            "kelompok ditetapkan berdasarkan nominasi, masing-masing sekali, sampai {on}; tanpa "
            "nominasi: {missing}",
            "the group is set from nominations, each talent once, made by {on}; without a "
            "nomination: {missing}",
        ),
        "nominated-group-exists": Said(
            "nominated-group-exists",
            "kelompok dari nominasi periode {period} sudah ditetapkan",
            "the group from the nominations for {period} is already set",
        ),
    }
)

PLACEMENT = Catalogue(
    {
        "not-a-successor": Said(
            "not-a-successor",
            "NIP {nip} (kotak {box}) bukan suksesor dalam Rencana Suksesi jabatan target",
            "NIP {nip} (box {box}) is not a successor in the target position's plan",
        ),
        "box9-only-considered": Said(
            "box9-only-considered",
            "NIP {nip} (kotak 9) hanya dapat dipertimbangkan; harus termasuk suksesor dalam "
            "Rencana Suksesi",
            "NIP {nip} (box 9) may only be considered; must be a successor in the plan",
        ),
        "inaugurated-before-decree": Said(
            "inaugurated-before-decree",
            "pelantikan {inaugurated_on} sebelum keputusan {decree_date}",
            "inauguration on {inaugurated_on} precedes the decree of {decree_date}",
        ),
        "not-assessed": Said(
            "not-assessed",
            "NIP {nip} belum dipetakan pada kotak manajemen talenta",
            "NIP {nip} has not been mapped on the nine-box",
        ),
        "inauguration-moment-mismatch": Said(
            "inauguration-moment-mismatch",
            "saat pelantikan {effective_at} bukan pada tanggal pelantikan {on}",
            "the inauguration moment {effective_at} is not on the inauguration date {on}",
        ),
        "already-placed": Said(
            "already-placed",
            "NIP {nip} sudah ditempatkan pada {position}",
            "NIP {nip} is already placed in {position}",
        ),
    }
)

PLANNING = Catalogue(
    {
        "needs-analysis-first": Said(
            "needs-analysis-first",
            "strategi akuisisi didasarkan pada analisis kebutuhan Talenta; periode {period} "
            "belum dianalisis",
            "the acquisition strategy rests on the talent needs analysis; period {period} has none",
        ),
        "bad-period": Said(
            "bad-period",
            "periode ditulis YYYY atau YYYY-YYYY, bukan {period!r}",
            "a period reads YYYY or YYYY-YYYY, not {period!r}",
        ),
        "needs-analysis-incomplete": Said(
            "needs-analysis-incomplete",
            "analisis kebutuhan Talenta didasarkan pada RPJMD/RPJPD dan menyebut kebutuhan per "
            "jabatan kritikal atau fungsi",
            "the needs analysis rests on the regional mid/long-term plans and lists needs per "
            "critical position or function",
        ),
        "strategy-mechanisms": Said(
            "strategy-mechanisms",
            "strategi akuisisi memakai satu atau lebih dari {listed}; tercatat {chosen}",
            "the acquisition strategy uses one or more of {listed}; got {chosen}",
        ),
        "needs-analysis-first-2": Said(
            "needs-analysis-first",
            "strategi akuisisi ({decree_date}) mendahului analisis kebutuhan Talenta "
            "({analysed_on})",
            "the acquisition strategy ({decree_date}) precedes the needs analysis ({analysed_on})",
        ),
        "already-analysed": Said(
            "already-analysed",
            "kebutuhan Talenta periode {period} sudah dianalisis",
            "the talent needs of {period} are already analysed",
        ),
        "critical-position-not-in-force": Said(
            "critical-position-not-in-force",
            "{position} bukan jabatan kritikal {agency} pada {on}",
            "{position} is not a critical position of {agency} on {on}",
        ),
    }
)

RETENTION = Catalogue(
    {
        "pin-still-valid": Said(
            "pin-still-valid",
            "pin NIP {nip} (keputusan {decree}) berakhir {expires_on}, namun pada {today} belum "
            "tercatat berakhir dan masih tampak berlaku",
            "NIP {nip}'s pin (decree {decree}) expired on {expires_on}, yet on {today} no expiry "
            "is recorded and it still reads as valid",
        ),
        "no-talent-cycle-in-pack": Said(
            "no-talent-cycle-in-pack",
            "{regulation} tidak mengatur penghargaan Talenta",
            "{regulation} sets no talent awards",
        ),
        "award-outside-succession-group": Said(
            "award-outside-succession-group",
            "penghargaan Talenta hanya bagi Kelompok Rencana Suksesi (kotak 7-9); kotak pada "
            "{decree_date}: {box}",
            "talent awards go to the succession group (boxes 7-9) only; box on {decree_date}: "
            "{box}",
        ),
        "pin-box-9-only": Said(
            "pin-box-9-only",
            "pin/lencana hanya bagi PNS pada kotak 9; kotak pada {decree_date}: {box}",
            "the pin/badge is for box 9 only; box on {decree_date}: {box}",
        ),
        "retention-detail-missing": Said(
            "retention-detail-missing",
            "uraikan langkah retensi (jabatan asal dan tujuan, tugas yang ditambahkan)",
            "describe the retention measure (positions from and to, duties added)",
        ),
        "award-does-not-expire": Said(
            "award-does-not-expire",
            "penghargaan {kind} (keputusan {decree_number}) tidak berbatas waktu",
            "the {kind} award (decree {decree_number}) has no expiry",
        ),
        "pin-not-yet-expired": Said(
            "pin-not-yet-expired",
            "pin berlaku sampai sebelum {expires_on}, belum berakhir pada {expired_on}",
            "the pin is valid until before {expires_on}, not expired on {expired_on}",
        ),
        "decree-moment-mismatch": Said(
            "decree-moment-mismatch",
            "saat berlaku {effective_at} bukan pada tanggal keputusan {decree_date}",
            "the effective moment {effective_at} is not on the decree date {decree_date}",
        ),
    }
)

SEARCH = Catalogue(
    {
        "search-grounds-missing": Said(
            "search-grounds-missing",
            "pencarian Talenta dilakukan bila Talenta dibutuhkan dalam waktu cepat dan/atau "
            "dengan keahlian/kompetensi tertentu: sebutkan alasannya",
            "a talent search is made when talent is needed fast and/or with a specific "
            "expertise: state which, and why",
        ),
        "search-expertise-missing": Said(
            "search-expertise-missing",
            "sebutkan keahlian/kompetensi tertentu yang dicari",
            "name the specific expertise sought",
        ),
        "search-already-concluded": Said(
            "search-already-concluded",
            "pencarian Talenta sudah disimpulkan pada {concluded_on}",
            "the talent search was concluded on {concluded_on}",
        ),
        "search-result-missing": Said(
            "search-result-missing",
            "hasil pencarian dicatat sejak {opened_on}, dengan uraiannya",
            "the search's result is recorded from {opened_on}, with its account",
        ),
        "search-choice-not-found": Said(
            "search-choice-not-found",
            "Talenta terpilih ({pick}) harus salah satu yang ditemukan, masing-masing sekali",
            "the talent chosen ({pick}) must be one of those found, each listed once",
        ),
        "search-already-decided": Said(
            "search-already-decided",
            "pencarian Talenta sudah ditindaklanjuti dengan keputusan {decree_number}",
            "the talent search was already followed by decree {decree_number}",
        ),
        "search-not-chosen": Said(
            "search-not-chosen",
            "NIP {nip} bukan Talenta yang dipilih hasil pencarian ({chosen})",
            "NIP {nip} is not the talent the search chose ({chosen_en})",
        ),
        "search-decree-early": Said(
            "search-decree-early",
            "keputusan {decree_date} mendahului hasil pencarian {concluded_on}",
            "the decree of {decree_date} precedes the search's result of {concluded_on}",
        ),
    }
)

SUCCESSION = Catalogue(
    {
        "wrong-group-setter": Said(
            "wrong-group-setter",
            "kelompok rencana suksesi ditetapkan {group_setter}, bukan {role}",
            "the succession group is set by the {group_setter}, not the {role}",
        ),
        "empty-group": Said(
            "empty-group",
            "kelompok rencana suksesi memuat paling sedikit satu Talenta",
            "the succession group holds at least one talent",
        ),
        "wrong-nominator": Said(
            "wrong-nominator",
            "nominasi Talenta oleh {nominator}, bukan {role}",
            "talents are nominated by the {nominator}, not the {role}",
        ),
        "justification-missing": Said(
            "justification-missing",
            "nominasi memerlukan alasan",
            "a nomination needs its justification",
        ),
        "already-nominated": Said(
            "already-nominated",
            "NIP {nip} sudah dinominasikan untuk {position}",
            "NIP {nip} is already nominated for {position}",
        ),
        "successors-not-nominated": Said(
            "successors-not-nominated",
            "rencana suksesi memuat Talenta yang dinominasikan, masing-masing sekali, dengan "
            "proyeksi sejak {on}; tidak dinominasikan: {strangers}, proyeksi lampau: {early}",
            "the plan lists nominated talents, each once, projected from {on}; not nominated: "
            "{strangers}, projected in the past: {early}",
        ),
        "target-filled": Said(
            "target-filled",
            "{position} ({unit}) sudah diisi oleh NIP {filled_by}",
            "{position} ({unit}) is already filled by NIP {filled_by}",
        ),
        "group-exists": Said(
            "group-exists",
            "kelompok rencana suksesi periode {period} sudah ditetapkan",
            "the succession group for {period} is already set",
        ),
        "target-exists": Said(
            "target-exists",
            "{position} ({unit}) sudah menjadi jabatan target",
            "{position} ({unit}) is already a target position",
        ),
        "critical-position-mismatch": Said(
            "critical-position-mismatch",
            "jabatan kritikal {critical.position} ({critical.unit}, {critical.level}) bukan "
            "jabatan target {target.position} ({target.unit}, {target.level})",
            "the critical position {critical.position} ({critical.unit}, {critical.level}) "
            "is not the target {target.position} ({target.unit}, {target.level})",
        ),
        "critical-position-not-in-force": Said(
            "critical-position-not-in-force",
            "{position} bukan jabatan kritikal pada {on}",
            "{position} is not a critical position on {on}",
        ),
    }
)

SUCCESSION_RULES = Catalogue(
    {
        "not-in-succession-boxes": Said(
            "not-in-succession-boxes",
            "NIP {nip} berada pada kotak {box} pada {day}; kelompok rencana suksesi hanya kotak "
            "7, 8 dan 9 ({articles})",
            "NIP {nip} is in box {box} on {day}; the succession group holds boxes 7, 8 and 9 "
            "only ({articles})",
        ),
        "not-a-talent": Said(
            "not-a-talent",
            "NIP {nip} berstatus {status}; Talenta adalah {allowed} ({talent_citation}), "
            "sehingga tidak dapat {step_id}",
            "NIP {nip} is a {status}; a talent is a {allowed} ({talent_citation}), so may not be "
            "{step_en}",
        ),
        "target-not-one-level-up": Said(
            "target-not-one-level-up",
            "jabatan target ({target_level}) bukan jabatan kritis dan bukan jabatan pimpinan "
            "tinggi atau administrasi setingkat lebih tinggi dari jabatan NIP {nip} ({position}; "
            "bacaan C1={option})",
            "the target ({target_level}) is not critical and not a JPT or administration "
            "position one level above NIP {nip}'s ({position}; reading C1={option})",
        ),
        "no-decreed-group": Said(
            "no-decreed-group",
            "kelompok rencana suksesi periode {period} belum ditetapkan ({what_id}); NIP {nip} "
            "tidak termasuk kelompok yang ditetapkan",
            "no succession group is recorded for {period} ({what_en}); NIP {nip} is in no "
            "decreed group",
        ),
        "not-in-decreed-group": Said(
            "not-in-decreed-group",
            "NIP {nip} tidak termasuk kelompok rencana suksesi periode {period} ({what_id} "
            "{reference})",
            "NIP {nip} is not in the succession group of {period} ({what_en} {reference})",
        ),
    }
)
