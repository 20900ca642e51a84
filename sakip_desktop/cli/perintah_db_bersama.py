"""Commands for an office with many PCs: copy a database to a server (and back), test a
connection, and exchange files (paket) for PCs off the network.

    sakip db copy --from URL --to URL
    sakip db tes URL
    sakip paket ekspor [--bidang KODE] [--semua] --out FILE
    sakip paket impor FILE [--dry-run]
    sakip paket konflik
    sakip paket selesaikan ID --pakai paket|lokal --alasan TEKS
    sakip paket riwayat

Exit codes: 0 done; 1 refused or failed (message on stderr); 2 imported, but conflicts are
left for a person (``sakip paket konflik``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..angka import format_angka
from ..errors import DatabaseBermasalah, InputTidakSah
from ..services import paket
from ..storage import Database, buat_url
from ..storage.konflik_versi import tampil_nilai
from ..storage.migrasi import tingkatkan
from ..storage.salin import salin_isi
from ..storage.server import uji_koneksi
from .tabel import tabel_teks
from .umum import buka_database, pelaku_cli

KELUAR_KONFLIK = 2


def _subparser_db(sub: Any) -> Any:
    """The ``db`` group made by perintah_dasar (or a new one), to add ``copy`` to it."""
    db = sub.choices.get("db") or sub.add_parser("db", help="kelola basis data")
    for aksi in db._actions:
        if isinstance(aksi, argparse._SubParsersAction):
            return aksi
    return db.add_subparsers(dest="aksi_db", metavar="AKSI", required=True)


def daftarkan(sub: Any) -> None:
    db_sub = _subparser_db(sub)
    salin = db_sub.add_parser(
        "copy",
        help="salin seluruh basis data (dengan riwayat) ke basis data kosong, lalu verifikasi",
        description="Salin setiap baris, termasuk jejak audit, dari satu basis data ke basis "
        "data lain yang kosong (SQLite ↔ PostgreSQL), lalu bandingkan jumlah baris dan "
        "checksum setiap tabel.",
    )
    salin.add_argument("--from", dest="dari", required=True, metavar="URL_ATAU_PATH")
    salin.add_argument("--to", dest="ke", required=True, metavar="URL_ATAU_PATH")
    salin.set_defaults(jalankan=_db_copy)
    tes = db_sub.add_parser("tes", help="uji sambungan ke basis data (server atau berkas)")
    tes.add_argument("url", metavar="URL")
    tes.set_defaults(jalankan=_db_tes)

    pk = sub.add_parser("paket", help="pertukaran berkas paket antar-PC tanpa jaringan")
    pk_sub = pk.add_subparsers(dest="aksi_paket", metavar="AKSI", required=True)
    eks = pk_sub.add_parser("ekspor", help="ekspor perubahan bidang sejak pertukaran terakhir")
    eks.add_argument("--bidang", metavar="KODE", help="kode unit (bawaan: unit jabatan Anda)")
    eks.add_argument(
        "--semua", action="store_true", help="kirim seluruh rekaman bidang, bukan hanya perubahan"
    )
    eks.add_argument("--out", required=True, type=Path, metavar="BERKAS")
    eks.set_defaults(jalankan=_ekspor)
    imp = pk_sub.add_parser("impor", help="impor paket: pratinjau, terapkan, laporkan konflik")
    imp.add_argument("berkas", type=Path, metavar="BERKAS")
    imp.add_argument("--dry-run", action="store_true", help="hanya pratinjau, tidak mengubah")
    imp.set_defaults(jalankan=_impor)
    kon = pk_sub.add_parser("konflik", help="daftar konflik yang menunggu keputusan")
    kon.set_defaults(jalankan=_konflik)
    sel = pk_sub.add_parser("selesaikan", help="putuskan satu konflik (dengan alasan)")
    sel.add_argument("id", metavar="ID", help="id konflik (awalannya cukup)")
    sel.add_argument("--pakai", required=True, choices=["paket", "lokal"])
    sel.add_argument("--alasan", required=True)
    sel.set_defaults(jalankan=_selesaikan)
    riw = pk_sub.add_parser("riwayat", help="log paket yang dikirim dan diterima")
    riw.set_defaults(jalankan=_riwayat)


# --- db copy / tes -------------------------------------------------------------------------


def _buka_sumber(teks: str) -> Database:
    db = Database(buat_url(teks))
    if db.path is not None and not db.path.exists():
        db.tutup()
        raise DatabaseBermasalah(f"Basis data sumber tidak ada: {db.path}")
    return db


def _db_copy(args: argparse.Namespace) -> int:
    with _buka_sumber(args.dari) as sumber, Database(buat_url(args.ke)) as tujuan:
        if sumber.url == tujuan.url:
            raise InputTidakSah("Sumber dan tujuan sama.", field="to")
        tingkatkan(sumber)

        def kemajuan(tabel: str, i: int, n: int) -> None:
            print(f"\r  {i}/{n} {tabel:<40}", end="", file=sys.stderr, flush=True)

        hasil = salin_isi(sumber, tujuan, kemajuan=kemajuan if sys.stderr.isatty() else None)
        baris = [
            (nama, format_angka(n), hasil.sidik[nama].sha256[:12])
            for nama, n in hasil.jumlah.items()
            if n
        ]
        print(tabel_teks(["Tabel", "Baris", "Checksum"], baris, kanan={1}))
        print(
            f"Disalin {format_angka(hasil.total_baris)} baris dari {sumber.label} ke "
            f"{tujuan.label}. Verifikasi: {len(hasil.jumlah)} tabel, jumlah baris dan "
            "checksum sama."
        )
    return 0


def _db_tes(args: argparse.Namespace) -> int:
    hasil = uji_koneksi(buat_url(args.url))
    print(hasil.pesan, file=sys.stdout if hasil.berhasil else sys.stderr)
    return 0 if hasil.berhasil else 1


# --- paket ---------------------------------------------------------------------------------


def _ekspor(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        pelaku = pelaku_cli(args, db)
        hasil = paket.ekspor_paket(db, pelaku, args.out, bidang=args.bidang, semua=args.semua)
    sejak = f" sejak {hasil.sejak:%d-%m-%Y %H.%M} UTC" if hasil.sejak else " (semua rekaman)"
    print(f"Paket {hasil.path} untuk {hasil.lingkup_label}{sejak}:")
    for tabel, n in hasil.jumlah.items():
        if n:
            print(f"  {tabel}: {format_angka(n)} rekaman")
    print(f"Jumlah {format_angka(hasil.total)} rekaman. SHA-256 berkas: {hasil.sha256}")
    return 0


LABEL_STATUS = {
    "terapkan": "diterapkan",
    "gabung": "digabung",
    "sama": "sudah sama",
    "lokal-lebih-baru": "di sini lebih baru",
    "konflik": "KONFLIK",
}


def _cetak_impor(hasil: paket.HasilImpor, coba: bool) -> None:
    print(f"Paket dari {hasil.pengirim} ({hasil.lingkup_label}), dibuat {hasil.dibuat_pada[:16]}")
    if hasil.sudah_diimpor is not None:
        print(
            f"Paket ini sudah diimpor pada {hasil.sudah_diimpor:%d-%m-%Y %H.%M}; "
            "tidak ada yang diubah."
        )
    for e in hasil.entri:
        if e.status in ("sama",):
            continue
        status = LABEL_STATUS[e.status]
        if coba and e.mengubah:
            status = "akan " + (
                "ditambah" if e.aksi == "tambah" else "dihapus" if e.aksi == "hapus" else "diubah"
            )
        print(f"  [{status}] {e.label}")
        for f, (lokal, dari_paket) in e.perubahan.items():
            print(f"      {f}: {tampil_nilai(lokal)} → {tampil_nilai(dari_paket)}")
        if e.sebab:
            print(f"      {e.sebab}")
    sama = len(hasil.dengan_status("sama"))
    print(
        f"Ringkasan: {hasil.jumlah_berubah} {'akan berubah' if coba else 'berubah'}, "
        f"{sama} sudah sama, {len(hasil.konflik)} konflik."
    )


def _impor(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        pelaku = pelaku_cli(args, db)
        hasil = paket.impor_paket(db, pelaku, args.berkas, coba=args.dry_run)
    _cetak_impor(hasil, args.dry_run)
    if args.dry_run:
        print("Pratinjau saja (--dry-run): basis data tidak diubah.")
        return KELUAR_KONFLIK if hasil.konflik else 0
    if hasil.konflik_terbuka:
        print(
            f"{hasil.konflik_terbuka} konflik menunggu keputusan: sakip paket konflik, lalu "
            "sakip paket selesaikan ID --pakai paket|lokal --alasan TEKS",
            file=sys.stderr,
        )
        return KELUAR_KONFLIK
    return 0


def _konflik(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        daftar = paket.daftar_konflik(db)
    if not daftar:
        print("Tidak ada konflik yang menunggu.")
        return 0
    for k in daftar:
        print(f"{str(k.id)[:8]}  {k.label}  (paket dari {k.pengirim})")
        lokal_oleh = k.diubah_lokal_oleh or "?"
        for f in k.nilai_paket:
            print(
                f"    {f}: di sini {tampil_nilai(k.nilai_lokal.get(f))} ({lokal_oleh}), "
                f"di paket {tampil_nilai(k.nilai_paket[f])}"
            )
    return KELUAR_KONFLIK


def _selesaikan(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        cocok = [k for k in paket.daftar_konflik(db) if str(k.id).startswith(args.id.lower())]
        if len(cocok) != 1:
            raise InputTidakSah(
                f"Konflik {args.id!r} {'tidak ditemukan' if not cocok else 'tidak unik'}.",
                field="id",
            )
        pelaku = pelaku_cli(args, db)
        pilihan = "pakai-paket" if args.pakai == "paket" else "tetap-lokal"
        info = paket.selesaikan_konflik(db, pelaku, cocok[0].id, pilihan, args.alasan)
    hasil = "nilai paket dipakai" if pilihan == "pakai-paket" else "nilai di sini dipertahankan"
    print(f"{info.label}: {hasil}.")
    return 0


def _riwayat(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        baris = paket.riwayat_pertukaran(db)
    print(
        tabel_teks(
            ["Waktu (UTC)", "Arah", "Lingkup", "Pengirim", "Rekaman", "Diterapkan", "Konflik"],
            [
                (
                    f"{b.waktu:%d-%m-%Y %H.%M}",
                    b.arah,
                    b.lingkup_label or "",
                    b.pengirim or "",
                    format_angka(b.jumlah_rekaman),
                    format_angka(b.jumlah_diterapkan),
                    format_angka(b.jumlah_konflik),
                )
                for b in baris
            ],
            kanan={4, 5, 6},
        )
    )
    return 0
