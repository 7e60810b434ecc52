"""The labels of the talent search's pages and of the succession pages read as of a past
moment, in Indonesian and English, merged into the catalogue."""

from __future__ import annotations

# key -> (Indonesian, English)
LABELS: dict[str, tuple[str, str]] = {
    "talent_search": ("Pencarian Talenta", "Talent search"),
    "talent_searches": ("Pencarian Talenta", "Talent searches"),
    "talent_search_intro": (
        "Bila Talenta dibutuhkan dalam waktu cepat dan/atau dengan keahlian/kompetensi tertentu, "
        "dilakukan pencarian Talenta yang ditindaklanjuti dengan mutasi/rotasi antar Perangkat "
        "Daerah atau penempatan melalui penugasan atau penugasan khusus.",
        "When talent is needed fast and/or with a specific expertise, a talent search is made, "
        "followed by a mutation/rotation between units or a placement by assignment or special "
        "assignment.",
    ),
    "search_stage_open": ("Sedang dicari", "Searching"),
    "search_stage_concluded": ("Hasil dicatat, menunggu keputusan", "Concluded, awaiting decree"),
    "search_stage_decided": ("Ditindaklanjuti dengan keputusan", "Followed by a decree"),
    "no_searches": ("Tidak ada pencarian pada tahap ini.", "No search at this stage."),
    "search_ground_urgent": ("Dibutuhkan dalam waktu cepat", "Needed fast"),
    "search_ground_specific-expertise": (
        "Dibutuhkan keahlian/kompetensi tertentu",
        "A specific expertise needed",
    ),
    "search_expertise": (
        "Keahlian/kompetensi yang dicari",
        "The expertise sought",
    ),
    "search_follow_up_mutation-rotation": ("Mutasi/rotasi", "Mutation/rotation"),
    "search_follow_up_assignment": ("Penugasan", "Assignment"),
    "search_follow_up_special-assignment": ("Penugasan khusus", "Special assignment"),
    "search_concluded_on": ("Hasil dicatat pada", "Concluded on"),
    "search_found_nips": (
        "NIP Talenta yang ditemukan, satu per baris",
        "NIPs of the talents found, one per line",
    ),
    "search_chosen_nip": (
        "NIP Talenta yang dipilih (kosongkan bila tidak ada yang sesuai)",
        "NIP of the talent chosen (empty when none fits)",
    ),
    "search_none_chosen": ("Tidak ada yang sesuai", "None fits"),
    "search_result": ("Uraian hasil pencarian", "Account of the search's result"),
    "search_from_unit": ("Dari unit kerja", "From the unit"),
    "search_awaits_result": (
        "Menunggu hasil pencarian dari tim manajemen talenta atau BKPSDM.",
        "Awaiting the search's result from the talent team or the personnel agency.",
    ),
    "search_awaits_decree": ("Menunggu keputusan PPK.", "Awaiting the PPK's decree."),
    "search_over": (
        "Pencarian ini selesai; tidak ada langkah lagi.",
        "This search is over; no step is left.",
    ),
    "step_open_talent_search": ("Buka pencarian Talenta", "Open a talent search"),
    "step_conclude_talent_search": ("Catat hasil pencarian", "Record the search's result"),
    "step_decide_talent_search": (
        "Keputusan PPK: tindak lanjut pencarian",
        "PPK decree: the search's follow-up",
    ),
    "asof_heading": ("Keadaan pada waktu lampau", "As it stood at a past moment"),
    "asof_time": ("Pukul (kosongkan untuk akhir hari)", "Time (empty for the end of the day)"),
    "asof_hint": (
        "Seperti yang tercatat pada saat itu: keputusan yang dicatat kemudian belum tampak.",
        "As recorded at that moment: decisions recorded later do not show.",
    ),
    "asof_shown": ("Ditampilkan seperti tercatat pada", "Shown as recorded at"),
    "asof_now": ("Kembali ke keadaan sekarang", "Back to the present"),
    "asof_group_none": (
        "Kelompok periode ini belum ditetapkan pada saat itu.",
        "The group of this period was not decreed yet at that moment.",
    ),
    "asof_plan_none": (
        "Jabatan target ini belum ditetapkan pada saat itu.",
        "This target position was not declared yet at that moment.",
    ),
}
ID = {key: indonesian for key, (indonesian, _) in LABELS.items()}
EN = {key: english for key, (_, english) in LABELS.items()}
