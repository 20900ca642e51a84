"""`sakip template` (an Excel template to fill) and `sakip import` (read it back, all or
nothing, with a preview of what changes)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..errors import InputTidakSah
from ..services.impor_excel import BARU, BERUBAH, DIHAPUS, HasilImpor, ImporGagal, impor_excel
from ..services.templat_excel import LayananTemplat
from . import jenis_argumen
from .umum import buka_database, pelaku_cli


def daftarkan(sub: Any) -> None:
    tpl = sub.add_parser(
        "template",
        help="buat templat Excel target atau realisasi untuk diisi bidang",
        description="Tulis templat Excel: target setahun, atau realisasi satu triwulan; "
        "seluruh OPD atau satu bidang.",
    )
    tpl.add_argument("jenis", choices=("target", "realisasi"), help="target atau realisasi")
    tpl.add_argument("--year", type=jenis_argumen.tahun, required=True, metavar="TAHUN")
    tpl.add_argument("--triwulan", type=jenis_argumen.triwulan, metavar="N")
    tpl.add_argument("--bidang", metavar="KODE", help="kode bidang, misalnya PK (bawaan: semua)")
    tpl.add_argument("--out", type=Path, required=True, metavar="BERKAS.xlsx")
    tpl.add_argument("--opd", metavar="NAMA", help="nama atau singkatan OPD")
    tpl.set_defaults(jalankan=_template)

    imp = sub.add_parser(
        "import",
        help="impor templat Excel yang sudah diisi (semua atau tidak sama sekali)",
        description="Baca templat yang sudah diisi, tampilkan pratinjau (baru/berubah/tetap) "
        "lalu simpan; satu kesalahan saja membatalkan semuanya.",
    )
    imp.add_argument("berkas", type=Path, metavar="BERKAS", help=".xlsx (atau .xls lama)")
    imp.add_argument("--dry-run", action="store_true", help="pratinjau saja, tidak menyimpan")
    imp.add_argument(
        "--laporan",
        type=Path,
        metavar="BERKAS.txt",
        help="simpan daftar kesalahan ke berkas ini bila impor ditolak",
    )
    imp.add_argument("--opd", metavar="NAMA", help="nama atau singkatan OPD")
    imp.set_defaults(jalankan=_import)


def _template(args: argparse.Namespace) -> int:
    if args.out.suffix.lower() != ".xlsx":
        raise InputTidakSah(
            "Templat ditulis sebagai .xlsx: akhiri --out dengan .xlsx.", field="out"
        )
    if not args.out.parent.exists():
        raise InputTidakSah(f"Folder tujuan tidak ada: {args.out.parent}", field="out")
    with buka_database(args, boleh_buat=False) as db:
        n = LayananTemplat(db).tulis(
            args.jenis,
            args.year,
            args.out,
            triwulan=args.triwulan,
            bidang=args.bidang,
            opd=args.opd,
        )
    print(f"Templat {args.jenis} tahun {args.year} ({n} baris) ditulis ke {args.out}")
    return 0


def cetak_pratinjau(hasil: HasilImpor) -> None:
    periode = f" triwulan {hasil.triwulan}" if hasil.triwulan else ""
    tahun = f" tahun {hasil.tahun}" if hasil.tahun else ""
    print(f"Pratinjau impor {hasil.berkas} ({hasil.jenis}{periode}{tahun}): {hasil.ringkasan}")
    for p in hasil.perubahan:
        if p.jenis in (BARU, BERUBAH, DIHAPUS):
            print(f"  baris {p.baris:>4}  {p.kode:<8} {p.apa}: {p.lama} → {p.baru} ({p.jenis})")


def _import(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        pelaku = pelaku_cli(args, db)
        try:
            hasil = impor_excel(db, pelaku, args.berkas, dry_run=args.dry_run, opd=args.opd)
        except ImporGagal as gagal:
            if args.laporan:
                args.laporan.write_text(gagal.pesan + "\n", encoding="utf-8")
            raise
    cetak_pratinjau(hasil)
    if hasil.diterapkan:
        print(f"Disimpan atas nama {pelaku.label}.")
    else:
        print("Tidak ada yang disimpan (--dry-run).")
    return 0
