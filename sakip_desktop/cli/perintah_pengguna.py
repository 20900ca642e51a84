"""`sakip pengguna`: accounts (Administrator), one's own password, the idle-lock time.

Passwords never go on the command line: the acting user's comes from SAKIP_PASSWORD or
the first line of standard input, a new one from SAKIP_NEW_PASSWORD or the next line (or
is typed twice at a terminal). Without a new password ``tambah`` and ``reset`` generate a
temporary one, printed once, that must be changed at the first log-in.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..domain import Peran
from ..errors import InputTidakSah, KesalahanPengguna
from ..services.otorisasi import LABEL_PERAN, peran_dari_teks
from ..services.pengguna import (
    InfoPengguna,
    ada_pengguna,
    atur_waktu_kunci_layar,
    buat_administrator_pertama,
    daftar_pengguna,
    ganti_sandi,
    masuk,
    reset_sandi,
    tambah_pengguna,
    ubah_pengguna,
    waktu_kunci_layar,
)
from .tabel import tabel_teks
from .umum import baca_sandi, baca_sandi_baru, buka_database, pelaku_cli


def daftarkan(sub: Any) -> None:
    p = sub.add_parser("pengguna", help="akun pengguna, peran dan sandi")
    aksi = p.add_subparsers(dest="aksi_pengguna", metavar="AKSI", required=True)

    t = aksi.add_parser(
        "tambah",
        help="tambah akun (Administrator); pada basis data tanpa akun: administrator pertama",
    )
    t.add_argument("--username", required=True, metavar="NAMA")
    t.add_argument(
        "--peran",
        required=True,
        metavar="PERAN",
        help="administrator, perencana, kepala_dinas, kabid, kasi, staf, pembaca",
    )
    t.add_argument("--jabatan", metavar="JABATAN", help='nama jabatan, mis. "Kepala Bidang …"')
    t.add_argument("--nama", metavar="NAMA_LENGKAP")
    t.set_defaults(jalankan=_tambah)

    d = aksi.add_parser("daftar", help="daftar akun (Administrator)")
    d.add_argument("--json", action="store_true", help="keluaran JSON")
    d.set_defaults(jalankan=_daftar)

    u = aksi.add_parser("ubah", help="ubah peran, jabatan, nama atau status akun (Administrator)")
    u.add_argument("--username", required=True, metavar="NAMA")
    u.add_argument("--peran", metavar="PERAN")
    u.add_argument("--jabatan", metavar="JABATAN", help='"-" untuk melepas jabatan')
    u.add_argument("--nama", metavar="NAMA_LENGKAP")
    status = u.add_mutually_exclusive_group()
    status.add_argument("--aktif", dest="aktif", action="store_true", default=None)
    status.add_argument("--nonaktif", dest="aktif", action="store_false")
    u.set_defaults(jalankan=_ubah)

    s = aksi.add_parser("sandi", help="ganti sandi sendiri (--user)")
    s.set_defaults(jalankan=_sandi)

    r = aksi.add_parser("reset", help="atur ulang sandi pengguna lain (Administrator)")
    r.add_argument("--username", required=True, metavar="NAMA")
    r.set_defaults(jalankan=_reset)

    k = aksi.add_parser("kunci-layar", help="tampilkan atau atur menit diam sebelum layar dikunci")
    k.add_argument("--menit", type=int, metavar="N", help="0 = tidak pernah (Administrator)")
    k.set_defaults(jalankan=_kunci_layar)


def _teks_akun(info: InfoPengguna) -> str:
    jabatan = f", jabatan {info.jabatan}" if info.jabatan else ""
    return f"{info.username} ({info.label_peran}{jabatan})"


def _cetak_sementara(username: str, sandi: str | None) -> None:
    if sandi is not None:
        print(f"Sandi sementara untuk {username}: {sandi}")
        print("Berikan kepada pemilik akun; sandi itu wajib diganti saat masuk pertama.")


def _tambah(args: argparse.Namespace) -> int:
    peran = peran_dari_teks(args.peran)
    with buka_database(args) as db:
        if not ada_pengguna(db):
            if peran is not Peran.ADMINISTRATOR:
                raise InputTidakSah(
                    "Basis data belum memiliki akun: akun pertama harus Administrator "
                    "(--peran administrator)."
                )
            if args.jabatan:
                print("Catatan: --jabatan diabaikan untuk administrator pertama.")
            sandi = baca_sandi("Sandi administrator baru: ")
            info = buat_administrator_pertama(db, args.username, sandi, nama=args.nama)
            print(f"Administrator pertama dibuat: {_teks_akun(info)}.")
            print(f"Perintah yang mengubah data kini memerlukan --user {info.username}.")
            return 0
        pelaku = pelaku_cli(args, db)
        sandi_baru = baca_sandi_baru(f"Sandi untuk {args.username}: ", wajib=False)
        info, sementara = tambah_pengguna(
            db, pelaku, args.username, peran, sandi=sandi_baru, jabatan=args.jabatan, nama=args.nama
        )
        print(f"Pengguna ditambahkan: {_teks_akun(info)}.")
        _cetak_sementara(info.username, sementara)
        return 0


def _daftar(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        akun = daftar_pengguna(db, pelaku_cli(args, db))
        if args.json:
            print(
                json.dumps(
                    [
                        {
                            "username": a.username,
                            "nama": a.nama,
                            "peran": a.peran.value,
                            "jabatan": a.jabatan,
                            "aktif": a.aktif,
                            "harus_ganti_sandi": a.harus_ganti_sandi,
                        }
                        for a in akun
                    ],
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return 0
        if not akun:
            print("Belum ada pengguna. Buat administrator pertama dengan: sakip pengguna tambah")
            return 0
        baris = [
            [
                a.username,
                a.nama or "—",
                LABEL_PERAN[a.peran],
                a.jabatan or "—",
                ("aktif" if a.aktif else "nonaktif")
                + (", wajib ganti sandi" if a.harus_ganti_sandi else ""),
            ]
            for a in akun
        ]
        print(tabel_teks(["Username", "Nama", "Peran", "Jabatan", "Status"], baris))
        return 0


def _ubah(args: argparse.Namespace) -> int:
    ubahan: dict[str, Any] = {}
    if args.peran:
        ubahan["peran"] = peran_dari_teks(args.peran)
    if args.jabatan is not None:
        ubahan["jabatan"] = None if args.jabatan.strip() == "-" else args.jabatan
    if args.nama is not None:
        ubahan["nama"] = args.nama
    if args.aktif is not None:
        ubahan["aktif"] = args.aktif
    with buka_database(args, boleh_buat=False) as db:
        info = ubah_pengguna(db, pelaku_cli(args, db), args.username, **ubahan)
        status = "aktif" if info.aktif else "nonaktif"
        print(f"Pengguna diubah: {_teks_akun(info)}, {status}.")
        return 0


def _sandi(args: argparse.Namespace) -> int:
    if not args.user:
        raise KesalahanPengguna("Sebutkan akun dengan --user NAMA (sandi lama dari stdin).")
    with buka_database(args, boleh_buat=False) as db:
        lama = baca_sandi(f"Sandi lama {args.user}: ")
        hasil = masuk(db, args.user, lama)
        baru = baca_sandi_baru()
        assert baru is not None
        ganti_sandi(db, hasil.pelaku, lama, baru)
        print(f"Sandi {hasil.pelaku.username} diganti.")
        return 0


def _reset(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        pelaku = pelaku_cli(args, db)
        sandi_baru = baca_sandi_baru(f"Sandi baru untuk {args.username}: ", wajib=False)
        sementara = reset_sandi(db, pelaku, args.username, sandi_baru)
        print(f"Sandi {args.username.strip().casefold()} diatur ulang.")
        _cetak_sementara(args.username.strip().casefold(), sementara)
        return 0


def _kunci_layar(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=args.menit is not None) as db:
        if args.menit is not None:
            atur_waktu_kunci_layar(db, pelaku_cli(args, db), args.menit)
        menit = waktu_kunci_layar(db)
        teks = "tidak pernah" if menit == 0 else f"setelah {menit} menit tanpa aktivitas"
        print(f"Kunci layar: {teks}.")
        return 0
