"""The navigation of the SAKIP cycle: sections, pages, and what each page will hold."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntriHalaman:
    kunci: str
    judul: str
    bagian: str
    uraian: str
    """What the page holds (shown while its capability is being built)."""


HALAMAN: tuple[EntriHalaman, ...] = (
    EntriHalaman(
        "pohon",
        "Pohon Kinerja / Renstra",
        "Perencanaan",
        "Pohon kinerja dari visi sampai tugas staf, dengan indikator dan target.",
    ),
    EntriHalaman(
        "iku",
        "Indikator Kinerja Utama",
        "Perencanaan",
        "Daftar IKU per sasaran strategis: rumus/penjelasan, sumber data, penanggung "
        "jawab dan target tiap tahun Renstra; cetak dokumen IKU ke PDF dan Excel.",
    ),
    EntriHalaman(
        "renja",
        "Renja",
        "Perencanaan",
        "Rencana kerja tahunan: sasaran → program → kegiatan dengan indikator, target "
        "dan anggaran tahun terpilih; ekspor ke PDF dan Excel.",
    ),
    EntriHalaman(
        "pk",
        "Perjanjian Kinerja",
        "Perencanaan",
        "Perjanjian Kinerja setiap jabatan (Eselon II, III, IV dan staf) disusun dari "
        "pohon kinerja: draf, tanda tangan, PK perubahan, cetak sesuai PermenPANRB "
        "53/2014, cetak massal.",
    ),
    EntriHalaman(
        "realisasi",
        "Realisasi",
        "Pengukuran",
        "Isian realisasi per triwulan untuk indikator unit Anda, dengan komponen "
        "perhitungan, bukti dukung, capaian langsung terlihat, lalu diajukan dan "
        "diverifikasi Kabid.",
    ),
    EntriHalaman(
        "monitoring",
        "Monitoring IKU",
        "Pengukuran",
        "Tabel Monitoring IKU: target TW I–IV, realisasi TW I–IV, capaian dan tindak "
        "lanjut; pengukuran capaian Eselon II dan III; rencana aksi.",
    ),
    EntriHalaman(
        "dashboard",
        "Dasbor",
        "Pengukuran",
        "Ringkasan tahun berjalan: capaian per sasaran per triwulan, pita capaian, "
        "serapan anggaran dan peringatan dini indikator yang tertinggal.",
    ),
    EntriHalaman(
        "laporan",
        "Tabel & ekspor",
        "Pelaporan",
        "Cetak dan ekspor semua tabel SAKIP (PDF dan Excel).",
    ),
    EntriHalaman(
        "evaluasi",
        "Konsistensi, LKjIP & LKE",
        "Pelaporan",
        "Konsistensi antardokumen, narasi dan cetak LKjIP, evaluasi mandiri LKE.",
    ),
    EntriHalaman(
        "risiko",
        "Manajemen Risiko",
        "Manajemen Risiko",
        "Register risiko per tingkat pohon kinerja, peta risiko kemungkinan × dampak, "
        "proses bisnis dan SOP.",
    ),
    EntriHalaman(
        "organisasi",
        "Organisasi",
        "Organisasi",
        "Unit kerja, jabatan dengan atasannya, pegawai dan pemangku jabatan (termasuk Plt./Plh.).",
    ),
    EntriHalaman(
        "pengaturan",
        "Pengaturan",
        "Pengaturan",
        "Pengguna dan peran, pita capaian, kertas dan kop PK, cadangan dan pemulihan, "
        "koneksi basis data, kunci layar.",
    ),
    EntriHalaman(
        "periode",
        "Kunci Periode",
        "Pengaturan",
        "Tutup dan buka kembali triwulan (realisasi) dan tahun (target), dengan alasan "
        "yang tercatat di jejak audit.",
    ),
    EntriHalaman(
        "audit",
        "Jejak Audit",
        "Pengaturan",
        "Setiap perubahan: siapa, kapan, rekaman, kolom, nilai lama dan baru, alasan; "
        "saring per pengguna, bidang, rekaman dan tanggal; ekspor.",
    ),
)

KUNCI_HALAMAN = tuple(h.kunci for h in HALAMAN)


def entri(kunci: str) -> EntriHalaman:
    for h in HALAMAN:
        if h.kunci == kunci:
            return h
    raise KeyError(kunci)
