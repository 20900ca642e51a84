"""`sakip kunci`: close and reopen quarters, lock and unlock a year's targets."""

from __future__ import annotations

import argparse
from typing import Any

from ..services.kunci import (
    StatusKunci,
    buka_target_tahun,
    buka_triwulan,
    kunci_target_tahun,
    status_kunci,
    tutup_triwulan,
)
from . import jenis_argumen
from .umum import buka_database, pelaku_cli


def daftarkan(sub: Any) -> None:
    p = sub.add_parser("kunci", help="tutup/buka triwulan dan kunci/buka target tahunan")
    aksi = p.add_subparsers(dest="aksi_kunci", metavar="AKSI", required=True)

    def perintah(
        nama: str, bantuan: str, *, triwulan: bool, alasan: bool
    ) -> argparse.ArgumentParser:
        a = aksi.add_parser(nama, help=bantuan)
        a.add_argument("--year", type=jenis_argumen.tahun, required=True, metavar="TAHUN")
        if triwulan:
            a.add_argument("--triwulan", type=jenis_argumen.triwulan, required=True, metavar="N")
        if alasan:
            a.add_argument("--alasan", required=True, metavar="TEKS", help="dicatat di jejak audit")
        a.add_argument("--opd", metavar="NAMA", help="nama atau singkatan OPD")
        return a

    perintah(
        "tutup-triwulan", "tutup triwulan: realisasinya terkunci", triwulan=True, alasan=False
    ).set_defaults(jalankan=_tutup_triwulan)
    perintah(
        "buka-triwulan", "buka kembali triwulan (dengan alasan)", triwulan=True, alasan=True
    ).set_defaults(jalankan=_buka_triwulan)
    perintah("kunci-target", "kunci target tahun itu", triwulan=False, alasan=False).set_defaults(
        jalankan=_kunci_target
    )
    perintah(
        "buka-target", "buka kunci target tahun itu (dengan alasan)", triwulan=False, alasan=True
    ).set_defaults(jalankan=_buka_target)
    perintah("status", "tampilkan kunci tahun itu", triwulan=False, alasan=False).set_defaults(
        jalankan=_status
    )


def teks_status(s: StatusKunci) -> str:
    target = "dikunci" if s.target_dikunci else "terbuka"
    if s.triwulan_ditutup == 0:
        tw = "belum ada triwulan yang ditutup"
    elif s.triwulan_ditutup == 1:
        tw = "triwulan I ditutup"
    else:
        tw = f"triwulan I–{('I', 'II', 'III', 'IV')[s.triwulan_ditutup - 1]} ditutup"
    return f"Tahun {s.tahun}: target {target}; {tw}."


def _tutup_triwulan(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        s = tutup_triwulan(db, pelaku_cli(args, db), args.year, args.triwulan, args.opd)
        print(teks_status(s))
        return 0


def _buka_triwulan(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        s = buka_triwulan(db, pelaku_cli(args, db), args.year, args.triwulan, args.alasan, args.opd)
        print(teks_status(s))
        return 0


def _kunci_target(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        s = kunci_target_tahun(db, pelaku_cli(args, db), args.year, args.opd)
        print(teks_status(s))
        return 0


def _buka_target(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        s = buka_target_tahun(db, pelaku_cli(args, db), args.year, args.alasan, args.opd)
        print(teks_status(s))
        return 0


def _status(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        print(teks_status(status_kunci(db, args.year, args.opd)))
        return 0
