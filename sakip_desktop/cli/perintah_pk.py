"""`sakip pk`, `sakip iku`, `sakip iki`: Perjanjian Kinerja, IKU and IKI as files, headless."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import InputTidakSah
from ..services.pk import LayananPK
from . import jenis_argumen
from .umum import buka_database


def _tanggal(teks: str) -> date:
    try:
        return date.fromisoformat(teks.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"tanggal harus berformat TTTT-BB-HH (misalnya 2020-01-02), bukan {teks!r}"
        ) from None


def _kertas(teks: str) -> str:
    nilai = teks.strip().upper()
    if nilai in ("FOLIO", "F4"):
        return "F4"
    if nilai != "A4":
        raise argparse.ArgumentTypeError(f"kertas harus A4 atau F4, bukan {teks!r}")
    return nilai


def daftarkan(sub: Any) -> None:
    pk = sub.add_parser(
        "pk",
        help="cetak Perjanjian Kinerja (PDF) satu jabatan atau semua jabatan",
        description=(
            "Cetak PK tahun TAHUN: versi terakhir yang tersimpan, atau draf dari pohon kinerja "
            "bila belum ada. Jabatan tanpa pemangku dilaporkan dan tidak dicetak."
        ),
    )
    pk.add_argument("--year", type=jenis_argumen.tahun, required=True, metavar="TAHUN")
    pilih = pk.add_mutually_exclusive_group(required=True)
    pilih.add_argument("--jabatan", metavar="NAMA", help='nama jabatan, mis. "Kepala Dinas"')
    pilih.add_argument("--all", action="store_true", help="semua jabatan OPD (atau satu bidang)")
    pk.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="PATH",
        help="berkas PDF (satu jabatan atau --gabung) atau folder (--all)",
    )
    pk.add_argument("--kertas", type=_kertas, metavar="A4|F4", help="ukuran kertas")
    pk.add_argument("--gabung", action="store_true", help="semua PK dalam satu berkas PDF")
    pk.add_argument("--bidang", metavar="KODE", help="dengan --all: hanya satu bidang/unit")
    pk.add_argument("--tanggal", type=_tanggal, metavar="TTTT-BB-HH", help="tanggal draf")
    pk.add_argument("--tanpa-satuan", action="store_true", help="tanpa kolom Satuan")
    pk.add_argument("--opd", metavar="NAMA", help="nama atau singkatan OPD")
    pk.set_defaults(jalankan=_pk)

    for nama, bantuan in (
        ("iku", "dokumen Indikator Kinerja Utama (PDF/XLSX)"),
        ("iki", "Indikator Kinerja Individu satu jabatan (PDF/XLSX)"),
    ):
        p = sub.add_parser(nama, help=bantuan)
        p.add_argument("--year", type=jenis_argumen.tahun, required=True, metavar="TAHUN")
        if nama == "iki":
            p.add_argument("--jabatan", required=True, metavar="NAMA", help="nama jabatan")
        p.add_argument("--format", choices=["pdf", "xlsx"], default="pdf")
        p.add_argument("--out", required=True, type=Path, metavar="BERKAS")
        p.add_argument("--kertas", type=_kertas, metavar="A4|F4", help="ukuran kertas (PDF)")
        p.add_argument("--opd", metavar="NAMA", help="nama atau singkatan OPD")
        p.set_defaults(jalankan=_iku if nama == "iku" else _iki)


def _kemajuan(selesai: int, total: int, label: str) -> None:
    print(f"[{selesai}/{total}] {label}", file=sys.stderr)


def _pk(args: argparse.Namespace) -> int:
    if args.bidang and not args.all:
        raise InputTidakSah("--bidang hanya dipakai bersama --all.", field="bidang")
    satuan = False if args.tanpa_satuan else None
    with buka_database(args, boleh_buat=False) as db:
        layanan = LayananPK(db)
        if args.jabatan:
            jabatan_id = layanan.cari_jabatan(args.jabatan, opd=args.opd)
            hasil = layanan.cetak_jabatan(
                jabatan_id,
                args.year,
                args.out,
                tanggal=args.tanggal,
                kertas=args.kertas,
                kolom_satuan=satuan,
            )
            print(f"PK ditulis: {hasil}")
            return 0
        if not args.gabung and args.out.suffix.casefold() == ".pdf":
            raise InputTidakSah(
                f"--all menulis satu PDF per jabatan ke sebuah folder; {args.out} tampak seperti "
                "berkas. Beri folder, atau tambahkan --gabung untuk satu berkas.",
                field="out",
            )
        ringkas = layanan.cetak_massal(
            args.year,
            args.out,
            opd=args.opd,
            bidang=args.bidang,
            gabung=args.gabung,
            kertas=args.kertas,
            kolom_satuan=satuan,
            tanggal=args.tanggal,
            kemajuan=_kemajuan,
        )
        print(ringkas.ringkasan)
        for berkas in ringkas.berkas if args.gabung else []:
            print(f"Berkas: {berkas}")
        if not args.gabung and ringkas.berkas:
            print(f"Folder: {args.out}")
        return 0


def _iku(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        hasil = LayananPK(db).cetak_iku(
            args.year, args.out, format=args.format, opd=args.opd, kertas=args.kertas
        )
        print(f"IKU ditulis: {hasil}")
        return 0


def _iki(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        layanan = LayananPK(db)
        jabatan_id = layanan.cari_jabatan(args.jabatan, opd=args.opd)
        hasil = layanan.cetak_iki(
            jabatan_id, args.year, args.out, format=args.format, kertas=args.kertas
        )
        print(f"IKI ditulis: {hasil}")
        return 0
