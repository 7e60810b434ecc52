"""Readable names, Indonesian and English, for what the auditor's pages list by its code: each
recorded event (by its class name) and each rule a why runs again. The pages show the name with
the code beside it in small type, which is what an auditor quotes and searches for."""

from __future__ import annotations

# Event class name -> (Indonesian, English)
EVENTS: dict[str, tuple[str, str]] = {
    # Employees and their record
    # An employee enrolled, and an employee enrolled in a development programme: one name.
    "Enrolled": ("Didaftarkan", "Enrolled"),
    "RecordUpdated": ("Data pegawai diperbarui", "Employee record updated"),
    # Scouting rounds (madiun-2021)
    "Opened": ("Putaran dibuka", "Round opened"),
    "Published": ("Pengumuman diterbitkan", "Announcement published"),
    "Registered": ("Pendaftaran calon", "Candidate registered"),
    "Recommended": ("Rekomendasi kepala unit", "Head of unit's recommendation"),
    "DocumentsVerified": ("Berkas diverifikasi", "Documents verified"),
    "RegistrationClosed": ("Pendaftaran ditutup", "Registration closed"),
    "AdministrativelySelected": ("Seleksi administrasi", "Administrative selection"),
    "AdministrativeResultsAnnounced": (
        "Hasil seleksi administrasi diumumkan",
        "Administrative results announced",
    ),
    "PotentialAssessed": ("Nilai uji potensi", "Potential assessment scored"),
    "TechnicalAssessed": ("Nilai uji kompetensi teknis", "Technical assessment scored"),
    "ResultsFinalised": ("Hasil akhir ditetapkan", "Results finalised"),
    "ReportedToMayor": ("Laporan kepada Wali Kota", "Reported to the mayor"),
    "PoolDecreed": ("Keputusan kelompok rencana suksesi", "Pool decreed"),
    "ReminderSent": ("Pengingat dikirim", "Reminder sent"),
    # The pool
    "Started": ("Catatan dimulai", "Record started"),
    "EntryDecreed": ("Masuk kelompok rencana suksesi", "Pool entry decreed"),
    "EntryUsed": ("Keanggotaan dipakai untuk pengisian", "Pool entry used for a vacancy"),
    "EntryExpired": ("Masa keanggotaan berakhir", "Pool entry expired"),
    "ExpiryReminderSent": ("Pengingat akhir masa keanggotaan", "Expiry reminder sent"),
    # Vacancies
    "VacancyOpened": ("Lowongan dibuka", "Vacancy opened"),
    "CandidateProposed": ("Calon diusulkan", "Candidate proposed"),
    "Shortlisted": ("Daftar pendek oleh TPK", "Shortlist set by the board"),
    "Picked": ("Pilihan Wali Kota", "Picked by the mayor"),
    "PickLapsed": ("Pilihan gugur", "Pick lapsed"),
    "Inaugurated": ("Pelantikan", "Inaugurated"),
    # Mutation and tenure
    "MutationProposed": ("Mutasi diusulkan", "Mutation proposed"),
    "MutationRecommended": ("Mutasi direkomendasikan", "Mutation recommended"),
    "MutationDecided": ("Mutasi diputuskan", "Mutation decided"),
    "TenureStarted": ("Masa jabatan mulai dihitung", "Tenure started"),
    "TenureReminderSent": ("Pengingat masa jabatan", "Tenure reminder sent"),
    "TenureDecided": ("Keputusan masa jabatan", "Tenure decided"),
    # The talent cycle (binjai-2023, balikpapan-2022)
    "NeedsAnalysed": ("Analisis kebutuhan talenta", "Talent needs analysed"),
    "StrategySet": ("Strategi pemenuhan talenta", "Acquisition strategy set"),
    "Declared": ("Jabatan kritikal ditetapkan", "Critical position declared"),
    "Reported": ("Jabatan kritikal dilaporkan", "Critical position reported"),
    "Withdrawn": ("Jabatan kritikal dicabut", "Critical position withdrawn"),
    "CampaignOpened": ("Pemetaan talenta dibuka", "Mapping campaign opened"),
    "CampaignClosed": ("Pemetaan talenta ditutup", "Mapping campaign closed"),
    "Assessed": ("Penempatan pada kotak talenta", "Placed on the nine-box"),
    "GroupNominated": ("Kelompok dinominasikan", "Group nominated"),
    "GroupSet": ("Kelompok rencana suksesi ditetapkan", "Succession group set"),
    "TargetDeclared": ("Jabatan target ditetapkan", "Target position declared"),
    "Nominated": ("Nominasi suksesor", "Successor nominated"),
    "SuccessorsOrdered": ("Urutan suksesor ditetapkan", "Successors ordered"),
    "Filled": ("Jabatan target terisi", "Target position filled"),
    "Placed": ("Penempatan talenta", "Talent placed"),
    "SearchOpened": ("Pencarian talenta dibuka", "Talent search opened"),
    "SearchConcluded": ("Hasil pencarian talenta", "Talent search concluded"),
    "SearchDecided": ("Keputusan pencarian talenta", "Talent search decided"),
    "Counselled": ("Konseling kinerja", "Performance counselling"),
    "FollowUpOpened": ("Tindak lanjut dibuka", "Follow-up opened"),
    "FollowUpClosed": ("Tindak lanjut ditutup", "Follow-up closed"),
    "Awarded": ("Penghargaan diberikan", "Award given"),
    "PinExpired": ("Masa pin berakhir", "Pin expired"),
    "PinReminderSent": ("Pengingat masa pin", "Pin reminder sent"),
    "MonitoringStarted": ("Pemantauan dimulai", "Monitoring started"),
    "CheckInRecorded": ("Pemantauan berkala dicatat", "Check-in recorded"),
    "CheckInReminderSent": ("Pengingat pemantauan berkala", "Check-in reminder sent"),
    "EvaluationDue": ("Evaluasi jatuh tempo", "Evaluation due"),
    "EvaluationReminderSent": ("Pengingat evaluasi", "Evaluation reminder sent"),
    "Evaluated": ("Evaluasi dicatat", "Evaluated"),
    "ProgrammeEvaluated": ("Evaluasi program tahunan", "Yearly programme evaluated"),
    "RetentionRecorded": ("Retensi talenta dicatat", "Retention recorded"),
    # Reminders
    "Issued": ("Diterbitkan (pengingat atau token API)", "Issued (a notice or an API token)"),
    "Acknowledged": ("Pengingat dibaca", "Notice acknowledged"),
    "Delivered": ("Pengingat terkirim", "Notice delivered"),
    # Access and accounts
    "Read": ("Data pribadi dibaca", "Personal data read"),
    "Refused": ("Perintah ditolak", "Command refused"),
    "SignedIn": ("Masuk", "Signed in"),
    "SignedOut": ("Keluar", "Signed out"),
    "SignInFailed": ("Gagal masuk", "Sign-in failed"),
    "Attempted": ("Percobaan masuk dengan nama tak dikenal", "Sign-in with an unknown name"),
    "Disabled": ("Pengguna dinonaktifkan", "User disabled"),
    "PasswordReset": ("Kata sandi diganti", "Password reset"),
    "Granted": ("Peran diberikan", "Roles granted"),
    "Changed": ("Peran diubah", "Roles changed"),
    "Revoked": ("Token API dicabut", "API token revoked"),
}

# Rule a why runs again -> (Indonesian, English)
RULES: dict[str, tuple[str, str]] = {
    "scouting-eligibility": ("Persyaratan talent scouting", "Scouting requirements"),
    "final-result": ("Nilai akhir dan kategori", "Final score and category"),
    "entry-term": ("Masa berlaku keanggotaan", "Term of the pool entry"),
    "pool-entry-valid": ("Keanggotaan masih berlaku", "Pool entry still valid"),
    "promotion-consideration": ("Pertimbangan pengisian jabatan", "Promotion consideration"),
    "shortlist": ("Daftar pendek tiga calon", "Shortlist of three"),
    "pick": ("Pilihan satu dari tiga", "Pick of one of the three"),
    "nomination": ("Nominasi suksesor", "Successor nomination"),
    "in-succession-group": ("Termasuk kelompok rencana suksesi", "In the succession group"),
    "placement": ("Penempatan talenta", "Talent placement"),
    "search-opened": ("Pembukaan pencarian talenta", "Opening the talent search"),
    "search-concluded": ("Hasil pencarian talenta", "Concluding the talent search"),
    "search-decided": ("Keputusan pencarian talenta", "Deciding the talent search"),
}


def catalogue_labels(lang_index: int) -> dict[str, str]:
    """The labels as catalogue entries (``event_<Name>``, ``rule_<code>``) in one language."""
    return {
        **{f"event_{name}": pair[lang_index] for name, pair in EVENTS.items()},
        **{f"rule_{code}": pair[lang_index] for code, pair in RULES.items()},
    }
