"""Word pools for names, titles and units: Indonesian as personnel exports spell them."""

from __future__ import annotations

MALE_NAMES = (
    "Budi", "Agus", "Andi", "Bambang", "Dedi", "Eko", "Fajar", "Hendra", "Irwan", "Joko",
    "Kurniawan", "Lukman", "Muhammad", "Nur", "Rudi", "Slamet", "Teguh", "Wahyu", "Yusuf", "Zainal",
    "Arif", "Bayu", "Dimas", "Gilang", "Hadi", "Imam", "Rizki", "Sigit", "Taufik", "Yoga",
)  # fmt: skip
FEMALE_NAMES = (
    "Siti", "Dewi", "Ani", "Dian", "Endang", "Fitri", "Indah", "Kartika", "Lestari", "Maya",
    "Nurul", "Putri", "Rina", "Sri", "Tri", "Umi", "Wulan", "Yuni", "Ratna", "Wati",
    "Ayu", "Eka", "Intan", "Lina", "Mega", "Novi", "Rahma", "Sari", "Tuti", "Vivi",
)  # fmt: skip
FAMILY_NAMES = (
    "Santoso", "Rahmawati", "Wijaya", "Saputra", "Hidayat", "Kusuma", "Pratama", "Nugroho",
    "Setiawan", "Lestari", "Susanto", "Purnomo", "Hartono", "Wibowo", "Sulistyo", "Handayani",
    "Permana", "Firmansyah", "Utami", "Maharani", "Siregar", "Nasution", "Harahap", "Lubis",
    "Hasibuan", "Sembiring", "Ginting", "Tarigan", "Sitepu", "Daulay",
)  # fmt: skip

# Back titles by education level code.
BACK_TITLES = {
    "D3": ("A.Md.", "A.Md.Kep.", "A.Md.Keb."),
    "D4": ("S.Tr.Kes.", "S.ST."),
    "S1": ("S.E.", "S.Sos.", "S.T.", "S.H.", "S.Kom.", "S.Pd.", "S.Kep."),
    "S2": ("S.E., M.M.", "S.Sos., M.Si.", "S.T., M.T.", "S.H., M.H.", "S.Pd., M.Pd."),
    "S3": ("S.E., M.M.", "S.Sos., M.Si.", "S.T., M.T."),
}
PROGRAMMES = {
    "SD": ("Sekolah Dasar",),
    "SMP": ("SLTP",),
    "SMA": ("SMA IPA", "SMA IPS", "SMK Akuntansi", "SMK Teknik"),
    "D3": ("Diploma III Keperawatan", "Diploma III Akuntansi", "Diploma III Kebidanan"),
    "D4": ("Diploma IV Kesehatan", "Diploma IV Teknik"),
    "S1": ("Ilmu Administrasi Negara", "Ekonomi Manajemen", "Teknik Sipil", "Ilmu Hukum",
           "Pendidikan", "Keperawatan", "Teknik Informatika"),
    "S2": ("Magister Manajemen", "Magister Administrasi Publik", "Magister Teknik Sipil",
           "Magister Hukum"),
    "S3": ("Doktor Ilmu Administrasi", "Doktor Ilmu Ekonomi"),
}  # fmt: skip
# How each level code is written in tkPendidikanTerakhir, as SIASN spells it.
LEVEL_WORDING = {
    "SD": "SD",
    "SMP": "SLTP",
    "SMA": "SLTA",
    "D3": "Diploma III",
    "D4": "Diploma IV",
    "S1": "S-1/Sarjana",
    "S2": "S-2",
    "S3": "S-3/Doktor",
}

OFFICES = (
    "Sekretariat Daerah", "Sekretariat DPRD", "Inspektorat", "Badan Perencanaan Pembangunan Daerah",
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "Badan Pengelolaan Keuangan Daerah",
    "Badan Pendapatan Daerah", "Dinas Pendidikan", "Dinas Kesehatan", "Dinas Sosial",
    "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas Perumahan dan Kawasan Permukiman",
    "Dinas Perhubungan", "Dinas Lingkungan Hidup", "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Komunikasi dan Informatika", "Dinas Koperasi dan Usaha Mikro",
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Dinas Pariwisata",
    "Dinas Kepemudaan dan Olahraga", "Dinas Perdagangan", "Dinas Ketahanan Pangan",
    "Dinas Pertanian", "Dinas Tenaga Kerja", "Dinas Perpustakaan dan Kearsipan",
    "Satuan Polisi Pamong Praja", "Badan Penanggulangan Bencana Daerah",
    "Badan Kesatuan Bangsa dan Politik", "Rumah Sakit Umum Daerah", "Dinas Pemadam Kebakaran",
)  # fmt: skip
DIVISIONS = (
    "Perencanaan", "Pelayanan", "Pengembangan", "Pengendalian", "Pembinaan", "Data dan Informasi",
    "Sarana dan Prasarana", "Pengawasan", "Pemberdayaan", "Penataan",
)  # fmt: skip
SECTIONS = ("Umum dan Kepegawaian", "Keuangan", "Program", "Evaluasi", "Kerja Sama", "Teknis")
FUNCTIONAL_TITLES = (
    "Analis Kebijakan", "Perencana", "Auditor", "Analis Sumber Daya Manusia Aparatur",
    "Pranata Komputer", "Arsiparis", "Pustakawan", "Perawat", "Bidan", "Guru", "Penyuluh Pertanian",
)  # fmt: skip
EXECUTOR_TITLES = (
    "Pengadministrasi Umum", "Pengelola Keuangan", "Pengolah Data", "Pengadministrasi Perkantoran",
    "Pengelola Barang Milik Negara", "Analis Perencanaan", "Penata Laporan Keuangan",
    "Pengemudi", "Caraka", "Petugas Keamanan",
)  # fmt: skip
