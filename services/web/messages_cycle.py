"""The labels of the talent-cycle pages (critical positions, the talent plan, mapping and the
nine-box, succession), in Indonesian and English, merged into the catalogue."""

from __future__ import annotations

# key -> (Indonesian, English)
LABELS: dict[str, tuple[str, str]] = {
    "no_talent_cycle": (
        "Peraturan instansi ini tidak mengatur siklus manajemen talenta.",
        "This agency's regulation has no talent-management cycle.",
    ),
    "critical_positions": ("Jabatan kritikal", "Critical positions"),
    "critical_position": ("Jabatan kritikal", "Critical position"),
    "no_critical_positions": (
        "Tidak ada jabatan kritikal yang berlaku.",
        "No critical position in force.",
    ),
    "priority_rank": ("Skala prioritas", "Priority rank"),
    "competency_standard": ("Standar Kompetensi Jabatan", "Competency standard"),
    "report_to_ministry": ("Laporan ke KemenPANRB", "Report to the ministry"),
    "not_reported": ("Belum dilaporkan", "Not reported yet"),
    "characteristic": ("Karakteristik", "Characteristic"),
    "characteristics_justified": (
        "Karakteristik jabatan kritikal, masing-masing dengan alasannya",
        "The characteristics of a critical position, each with its justification",
    ),
    "letter_number": ("Nomor surat", "Letter number"),
    "letter_date": ("Tanggal surat", "Letter date"),
    "step_declare_critical_position": ("Tetapkan jabatan kritikal", "Declare a critical position"),
    "step_report_critical_position": ("Laporkan ke KemenPANRB", "Report to the ministry"),
    "step_withdraw_critical_position": ("Cabut jabatan kritikal", "Withdraw the critical position"),
    "withdrawn": ("Dicabut", "Withdrawn"),
    "withdrawal": ("Pencabutan", "Withdrawal"),
    "withdrawal_ahead": ("berlaku mulai tanggal itu", "in force from that date"),
    # The follow-up tasks of the development page.
    "follow_ups_hint": (
        "Setiap rekomendasi kotak talenta hasil pemetaan menjadi tugas tindak lanjut, ditutup "
        "dengan hasilnya.",
        "Each recommendation of a mapped employee's box becomes a follow-up task, closed with "
        "its outcome.",
    ),
    "open_follow_ups_hint": (
        "Membuka tugas untuk setiap rekomendasi dari penilaian yang berlaku pada tanggal itu; "
        "tugas yang sudah dibuka tidak dibuka lagi.",
        "Opens a task for each recommendation of the assessment in force on that date; a task "
        "already opened is not opened again.",
    ),
    "step_open_follow_ups": ("Buka tindak lanjut", "Open the follow-ups"),
    "step_close_follow_up": ("Tutup tindak lanjut", "Close the follow-up"),
    "follow_up_outcome": ("Hasil tindak lanjut", "Outcome"),
    "follow_ups_opened": ("Tindak lanjut dibuka", "Follow-ups opened"),
    "follow_ups_none_new": (
        "tugas penilaian ini sudah dibuka sebelumnya",
        "the tasks of this assessment were opened before",
    ),
    "no_open_follow_ups": ("Tidak ada tindak lanjut terbuka.", "No open follow-up."),
    # What waits in the talent cycle, on the home page.
    "cycle_waiting": ("Menunggu dalam siklus talenta", "Waiting in the talent cycle"),
    "cycle_campaigns_open": ("pemetaan talenta berjalan", "mapping campaigns open"),
    "cycle_follow_ups": ("tindak lanjut terbuka", "open follow-ups"),
    "cycle_check_ins_late": ("pemantauan tahunan terlambat", "yearly check-ins late"),
    "cycle_check_ins_due": (
        "pemantauan tahunan jatuh tempo dalam 90 hari",
        "yearly check-ins due within 90 days",
    ),
    "cycle_evaluations_late": ("evaluasi 3 tahun terlambat", "3-year evaluations late"),
    "cycle_evaluations_due": (
        "evaluasi 3 tahun jatuh tempo dalam 90 hari",
        "3-year evaluations due within 90 days",
    ),
    "cycle_pins_expiring": (
        "pin kotak 9 berakhir dalam 90 hari",
        "box-9 pins expiring within 90 days",
    ),
    "talent_plan": ("Kebutuhan dan strategi akuisisi", "Needs and acquisition strategy"),
    "period": ("Periode", "Period"),
    "needs_analysis": ("Analisis kebutuhan Talenta", "Talent needs analysis"),
    "no_needs_analysis": (
        "Kebutuhan Talenta periode ini belum dianalisis.",
        "The talent needs of this period are not analysed yet.",
    ),
    "analysed_on": ("Dianalisis pada", "Analysed on"),
    "plan_basis": ("Dasar (RPJMD/RPJPD)", "Basis (regional plans)"),
    "plan_basis_lines": (
        "Dasar (RPJMD/RPJPD), satu per baris",
        "Basis (regional plans), one per line",
    ),
    "need_for": ("Kebutuhan untuk", "Needed for"),
    "note": ("Catatan", "Note"),
    "needs_per_critical_position": (
        "Jumlah Talenta yang dibutuhkan per jabatan kritikal",
        "Talents needed per critical position",
    ),
    "needs_per_function": (
        "Kebutuhan per fungsi, satu per baris: fungsi;jumlah;catatan",
        "Needs per function, one per line: function;count;note",
    ),
    "acquisition_strategy": ("Strategi akuisisi", "Acquisition strategy"),
    "no_strategy": ("Strategi akuisisi belum ditetapkan.", "No acquisition strategy set yet."),
    "mechanisms": ("Mekanisme", "Mechanisms"),
    "step_analyse_needs": ("Analisis kebutuhan Talenta", "Analyse the talent needs"),
    "step_set_strategy": ("Tetapkan strategi akuisisi", "Set the acquisition strategy"),
    "mapping": ("Pemetaan Talenta", "Talent mapping"),
    "campaigns": ("Pemetaan", "Mapping campaigns"),
    "campaign": ("Pemetaan", "Mapping"),
    "no_campaigns": ("Belum ada pemetaan.", "No mapping campaign yet."),
    "whole_agency": ("Seluruh instansi", "The whole agency"),
    "scope": ("Pegawai yang dipetakan", "Employees in scope"),
    "find_campaign": ("Buka pemetaan", "Go to the campaign"),
    "step_open_campaign": ("Buka pemetaan", "Open a mapping campaign"),
    "step_close_campaign": ("Tutup pemetaan", "Close the campaign"),
    "progress": ("Kemajuan", "Progress"),
    "assessed": ("Sudah dinilai", "Assessed"),
    "not_yet_assessed": ("Belum dinilai", "Not assessed yet"),
    "box9_per_unit": ("Talenta kotak 9 per unit kerja", "Box-9 talents per unit"),
    "talents_box9": ("Talenta kotak 9", "Box-9 talents"),
    "no_box9": ("Belum ada Talenta di kotak 9.", "Nobody in box 9 yet."),
    "step_assess_employee": ("Catat penilaian", "Record an assessment"),
    "step_assess_sheet": ("Unggah lembar penilaian (CSV)", "Upload an assessment sheet (CSV)"),
    "assess_sheet_help": (
        "Satu baris per pegawai: nip,performance,potential,assessed_on[,period]; "
        "performance above-expectation, meets-expectation atau below-expectation; "
        "potential high, middle atau low.",
        "One row per employee: nip,performance,potential,assessed_on[,period]; performance "
        "above-expectation, meets-expectation or below-expectation; potential high, middle or "
        "low.",
    ),
    "rows_refused": ("Baris ditolak", "Rows refused"),
    "line": ("Baris", "Line"),
    "performance": ("Kinerja", "Performance"),
    "potential_level": ("Potensial", "Potential"),
    "assessed_on": ("Dinilai pada", "Assessed on"),
    "assessment_evidence": ("Bukti penilaian", "Evidence of the assessment"),
    "evidence_assessment_centre": ("Assessment center", "Assessment centre"),
    "evidence_competency_test": ("Uji kompetensi", "Competency test"),
    "evidence_track_record": ("Rekam jejak", "Track record"),
    "evidence_other": ("Lainnya", "Other"),
    "assessment_documents": ("Berkas laporan penilaian", "Assessment report files"),
    "ninebox": ("Kotak Manajemen Talenta (nine-box)", "The nine-box grid"),
    "ninebox_caption": (
        "Jumlah pegawai per kotak: kinerja (baris) menurut potensial (kolom). Pilih kotak untuk "
        "melihat pegawainya.",
        "Employees per box: performance (rows) by potential (columns). Choose a box to list "
        "its employees.",
    ),
    "ninebox_nav": ("Kotak Talenta", "Nine-box"),
    "box": ("Kotak", "Box"),
    "employees_lower": ("pegawai", "employees"),
    "all_periods": ("Semua periode", "All periods"),
    "mapped_total": ("Jumlah dipetakan", "Mapped"),
    "performance_axis": ("Kinerja", "Performance"),
    "potential_axis": ("Potensial", "Potential"),
    "recommendations": ("Rekomendasi tindak lanjut", "Follow-up recommendations"),
    "box_empty": ("Kotak ini kosong.", "This box is empty."),
    "per_unit": ("Per unit kerja", "Per unit"),
    "nobody_mapped": ("Belum ada pegawai yang dipetakan.", "Nobody mapped yet."),
    "succession": ("Suksesi", "Succession"),
    "succession_groups": ("Kelompok rencana suksesi", "Succession groups"),
    "no_groups": ("Belum ada kelompok yang ditetapkan.", "No group decreed yet."),
    "group_members": ("Anggota (kotak 7-9)", "Members (boxes 7-9)"),
    "no_box789": ("Belum ada pegawai di kotak 7-9.", "Nobody in boxes 7-9 yet."),
    "other_nips": ("NIP lain, satu per baris", "Other NIPs, one per line"),
    "step_set_group": ("Keputusan PPK: kelompok rencana suksesi", "PPK decree: succession group"),
    "step_set_nominated_group": (
        "Usulan tim: kelompok dari nominasi",
        "The team's proposal: the group from the nominations",
    ),
    "decided_on": ("Diputuskan pada", "Decided on"),
    "target_positions": ("Jabatan target", "Target positions"),
    "no_targets": ("Belum ada jabatan target.", "No target position yet."),
    "target_status": ("Keadaan jabatan", "Status of the position"),
    "target_vacant": ("lowong", "vacant"),
    "target_to-be-vacant": ("akan lowong", "to fall vacant"),
    "not_critical": ("— bukan jabatan kritikal —", "— not a critical position —"),
    "target_from_critical": (
        "Jabatan, unit dan jenjang yang dikosongkan diambil dari jabatan kritikal yang dipilih.",
        "A position, unit or level left empty is taken from the critical position chosen.",
    ),
    "level_of_critical": ("— jenjang jabatan kritikal —", "— the critical position's level —"),
    "declared_on": ("Ditetapkan pada", "Declared on"),
    "step_declare_target": ("Tetapkan jabatan target", "Declare a target position"),
    "filled_by": ("Diisi oleh", "Filled by"),
    "nominations": ("Nominasi", "Nominations"),
    "no_nominations": ("Belum ada nominasi.", "No nomination yet."),
    "nominated_on": ("Dinominasikan pada", "Nominated on"),
    "nominated_by": ("Dinominasikan oleh", "Nominated by"),
    "step_nominate": ("Nominasikan Talenta", "Nominate a talent"),
    "succession_plan": ("Rencana suksesi", "Succession plan"),
    "successors": ("Suksesor", "Successors"),
    "no_successors": ("Urutan suksesor belum ditetapkan.", "No successors ordered yet."),
    "order": ("Urutan", "Order"),
    "ordered_on": ("Diurutkan pada", "Ordered on"),
    "projected_position": ("Proyeksi jabatan", "Projected position"),
    "projected_date": ("Proyeksi waktu", "Projected date"),
    "step_order_successors": ("Tetapkan urutan suksesor", "Order the successors"),
}
ID = {key: indonesian for key, (indonesian, _) in LABELS.items()}
EN = {key: english for key, (_, english) in LABELS.items()}
