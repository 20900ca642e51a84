"""`sakip cadangan`: list, make and restore backups; where they go and how many are kept.

`sakip backup --out FILE` (perintah_dasar) writes one copy to a chosen file; these commands
work with the backup folder of this PC (``cadangan.json`` in the data folder).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..angka import format_angka
from ..errors import DatabaseBermasalah, KesalahanPengguna
from ..services.otorisasi import wajib_pulihkan_cadangan, wajib_ubah_pengaturan
from ..services.pelaku import Pelaku
from ..services.pengguna import ada_pengguna
from ..storage import Database, url_bawaan
from ..storage.cadangan import (
    PengaturanCadangan,
    buat_cadangan,
    daftar_cadangan,
    info_cadangan,
    periksa_berkas,
    pulihkan,
    simpan_pengaturan_cadangan,
)
from ..storage.database import buat_url, folder_data
from ..storage.kunci_berkas import KunciBerkas
from .tabel import tabel_teks
from .umum import buka_database, pelaku_cli, pengaturan_cadangan

LABEL_PERISTIWA = {
    "buka": "otomatis (buka)",
    "tutup": "otomatis (tutup)",
    "manual": "manual",
    "sebelum-pulih": "sebelum pemulihan",
    "rusak": "berkas rusak",
}


def daftarkan(sub: Any) -> None:
    p = sub.add_parser("cadangan", help="daftar, buat dan pulihkan cadangan basis data")
    aksi = p.add_subparsers(dest="aksi_cadangan", metavar="AKSI", required=True)

    d = aksi.add_parser("daftar", help="cadangan di folder cadangan, terbaru dulu, dengan ukuran")
    d.add_argument("--folder", type=Path, metavar="FOLDER", help="folder lain untuk dilihat")
    d.set_defaults(jalankan=_daftar)

    b = aksi.add_parser("buat", help="buat cadangan bertanggal di folder cadangan")
    b.set_defaults(jalankan=_buat)

    r = aksi.add_parser("pulihkan", help="ganti basis data dengan isi cadangan (Administrator)")
    r.add_argument("berkas", type=Path, metavar="BERKAS")
    r.add_argument("--alasan", metavar="TEKS", help="dicatat di jejak audit hasil pemulihan")
    r.set_defaults(jalankan=_pulihkan)

    a = aksi.add_parser("atur", help="tampilkan atau ubah folder cadangan dan jumlah yang disimpan")
    a.add_argument("--folder", type=Path, metavar="FOLDER", help='"-" = folder bawaan')
    a.add_argument("--simpan", type=int, metavar="N", help="jumlah cadangan otomatis disimpan")
    a.set_defaults(jalankan=_atur)


def _path_db(args: argparse.Namespace) -> Path:
    url = buat_url(args.database) if args.database else url_bawaan(args.data_dir)
    with Database(url) as db:
        if db.path is None:
            raise KesalahanPengguna(
                "Cadangan otomatis dan pemulihan di sini untuk berkas SQLite. Basis data server "
                "dicadangkan dan dipulihkan dengan alat server (pg_dump/pg_restore); "
                "salinan SQLite-nya dapat dibuat dengan: sakip backup --out BERKAS"
            )
        return db.path


def _daftar(args: argparse.Namespace) -> int:
    pengaturan = pengaturan_cadangan(args)
    folder = args.folder or pengaturan.folder_untuk(_path_db(args))
    semua = daftar_cadangan(folder)
    if not semua:
        print(f"Belum ada cadangan di {folder}.")
        return 0
    baris = []
    for c in semua:
        cek = periksa_berkas(c.path)
        baris.append(
            [
                f"{c.waktu:%d-%m-%Y %H:%M:%S}",
                f"{format_angka(max(1, round(c.ukuran / 1024)))} KB",
                LABEL_PERISTIWA.get(c.peristiwa or "", "lain"),
                "baik" if cek.sah else f"tidak dapat dipakai: {cek.pesan}",
                c.path.name,
            ]
        )
    print(f"Cadangan di {folder} (terbaru dulu):")
    print(tabel_teks(["Waktu", "Ukuran", "Jenis", "Keadaan", "Berkas"], baris, kanan={1}))
    return 0


def _buat(args: argparse.Namespace) -> int:
    pengaturan = pengaturan_cadangan(args)
    with buka_database(args, boleh_buat=False) as db:
        if db.path is None:
            raise KesalahanPengguna("Untuk basis data server pakai: sakip backup --out BERKAS")
        hasil = buat_cadangan(db, pengaturan.folder_untuk(db.path), "manual")
    c = info_cadangan(hasil)
    print(f"Cadangan dibuat: {hasil} ({c.label})")
    return 0


def _pelaku_pulih(args: argparse.Namespace, path_db: Path) -> Pelaku | None:
    """The administrator restoring, when the current file opens and has accounts. A damaged
    file cannot say who may restore it: then anyone at this PC may (see docs/ancaman.md)."""
    if not path_db.exists() or not periksa_berkas(path_db, hanya_baca=False).sah:
        return None
    with Database(str(path_db)) as db:
        try:
            if not ada_pengguna(db):
                return None
        except DatabaseBermasalah:
            return None
        pelaku = pelaku_cli(args, db)
    wajib_pulihkan_cadangan(pelaku)
    return pelaku


def _pulihkan(args: argparse.Namespace) -> int:
    path_db = _path_db(args)
    berkas = args.berkas.expanduser()
    if not berkas.is_file():
        raise KesalahanPengguna(f"Berkas cadangan tidak ada: {berkas}")
    pengaturan = pengaturan_cadangan(args)
    with KunciBerkas(path_db) as kunci:
        pelaku = _pelaku_pulih(args, path_db)
        hasil = pulihkan(
            path_db,
            berkas,
            folder_pengaman=pengaturan.folder_untuk(path_db),
            kunci=kunci,
            pelaku=pelaku,
            alasan=args.alasan or "Pulihkan dari cadangan",
        )
    c = info_cadangan(hasil.cadangan)
    print(f"Basis data dipulihkan dari {hasil.cadangan} ({c.label}).")
    jumlah = hasil.pemeriksaan.jumlah or {}
    if jumlah:
        isi = ", ".join(f"{format_angka(n)} {t}" for t, n in jumlah.items())
        print(f"Isi: {isi}.")
    if hasil.pengaman is not None:
        print(f"Berkas sebelumnya disimpan sebagai: {hasil.pengaman}")
    return 0


def _atur(args: argparse.Namespace) -> int:
    lama = pengaturan_cadangan(args)
    if args.folder is None and args.simpan is None:
        path_db = _path_db(args)
        print(f"Folder cadangan: {lama.folder_untuk(path_db)}")
        print(f"Cadangan otomatis yang disimpan: {lama.simpan}")
        return 0
    with buka_database(args, boleh_buat=False) as db:
        pelaku = pelaku_cli(args, db)
    wajib_ubah_pengaturan(pelaku)
    folder = lama.folder
    if args.folder is not None:
        folder = None if str(args.folder) == "-" else args.folder.expanduser().resolve()
    baru = PengaturanCadangan(folder=folder, simpan=args.simpan or lama.simpan)
    simpan_pengaturan_cadangan(folder_data(args.data_dir), baru)
    print(f"Folder cadangan: {baru.folder or 'bawaan (folder cadangan di samping basis data)'}")
    print(f"Cadangan otomatis yang disimpan: {baru.simpan}")
    return 0
