"""`sakip rencana impor|ekspor`: bring a Renstra in from T-C.27 (xlsx/xls) or the data format,
and write it back out."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from ..errors import InputTidakSah, KesalahanPengguna
from ..services.tc27 import (
    ImporDitolak,
    PeranKolom,
    PerluKonfirmasi,
    baca_pemetaan,
    ekspor_tc27,
    impor_rencana,
    pratinjau_impor,
    simpan_pemetaan,
)
from ..services.tulis_data import ekspor_data
from . import jenis_argumen
from .umum import buka_database, pelaku_cli

LABEL_JUMLAH = {
    "renstra": "Renstra",
    "tujuan": "tujuan",
    "sasaran": "sasaran",
    "program": "program",
    "kegiatan": "kegiatan",
    "sub_kegiatan": "sub kegiatan",
    "indikator": "indikator",
    "indikator_diubah": "indikator diubah",
    "node_diubah": "node diubah",
    "target": "target",
    "pagu": "pagu",
}


def daftarkan(sub: Any) -> None:
    rencana = sub.add_parser("rencana", help="impor dan ekspor Renstra (T-C.27 atau berkas data)")
    aksi = rencana.add_subparsers(dest="aksi_rencana", metavar="AKSI", required=True)

    imp = aksi.add_parser(
        "impor",
        help="impor Renstra dari tabel T-C.27 (.xlsx, .xls) atau berkas data (.yaml)",
        description="Tampilkan pratinjau lalu impor dalam satu transaksi (semua atau tidak sama "
        "sekali). Berkas yang sama diimpor ulang tidak mengubah apa pun.",
    )
    imp.add_argument("berkas", type=Path, metavar="BERKAS")
    imp.add_argument(
        "--opd", metavar="NAMA", help="OPD tujuan (nama atau singkatan); baru jika belum ada"
    )
    imp.add_argument("--singkatan", metavar="TEKS", help="singkatan OPD baru (mis. Dinkes)")
    imp.add_argument(
        "--pemda",
        metavar="NAMA",
        help="pemda OPD baru (bawaan: dari judul tabel, atau satu-satunya pemda di basis data)",
    )
    imp.add_argument(
        "--lembar",
        metavar="NAMA",
        help="lembar kerja yang dibaca (bawaan: yang pertama berjudul kolom T-C.27)",
    )
    imp.add_argument(
        "--kolom",
        action="append",
        default=[],
        metavar="HURUF=PERAN[:TAHUN]",
        help="pemetaan kolom, mis. C=kode, H=target:2017, I=pagu:2017 (boleh diulang); "
        f"peran: {', '.join(p.value for p in PeranKolom)}",
    )
    imp.add_argument(
        "--simpan-pemetaan",
        action="store_true",
        help="ingat pemetaan --kolom untuk berkas lain dengan susunan kolom yang sama",
    )
    imp.add_argument("--dry-run", action="store_true", help="hanya pratinjau; tidak menulis")
    imp.add_argument("--ya", action="store_true", help="terapkan perbedaan ke Renstra yang ada")
    imp.set_defaults(jalankan=_impor)

    eks = aksi.add_parser("ekspor", help="tulis Renstra ke T-C.27 (.xlsx) atau berkas data (.yaml)")
    eks.add_argument("--opd", metavar="NAMA", help="nama atau singkatan OPD")
    eks.add_argument("--format", choices=("xlsx", "yaml"), required=True, dest="bentuk")
    eks.add_argument("--out", type=Path, required=True, metavar="BERKAS")
    eks.add_argument(
        "--year",
        type=jenis_argumen.tahun,
        metavar="TAHUN",
        help="Renstra yang memuat tahun ini (bawaan: yang terbaru)",
    )
    eks.set_defaults(jalankan=_ekspor)


_KOLOM = re.compile(r"([A-Za-z]{1,3})\s*=\s*([a-z_]+)(?::(\d{4}))?")


def _pemetaan(args: argparse.Namespace, db: Any) -> Any:
    if not args.kolom:
        if args.simpan_pemetaan:
            raise KesalahanPengguna("--simpan-pemetaan memerlukan --kolom.")
        return None
    pemetaan = baca_pemetaan(db, args.berkas, lembar=args.lembar)
    for teks in args.kolom:
        m = _KOLOM.fullmatch(teks.strip())
        if m is None:
            raise InputTidakSah(f"--kolom {teks!r}: tulis HURUF=PERAN atau HURUF=PERAN:TAHUN.")
        try:
            peran = PeranKolom(m[2])
        except ValueError:
            sah = ", ".join(p.value for p in PeranKolom)
            raise InputTidakSah(
                f"--kolom {teks!r}: peran {m[2]!r} tidak dikenal ({sah})."
            ) from None
        pemetaan.atur(m[1], peran, int(m[3]) if m[3] else None)
    return pemetaan


def _impor(args: argparse.Namespace) -> int:
    with buka_database(args) as db:
        pemetaan = _pemetaan(args, db)
        if args.simpan_pemetaan:
            simpan_pemetaan(db, pelaku_cli(args, db), pemetaan)
            print(
                f"Pemetaan kolom disimpan untuk berkas berbentuk sama (bentuk {pemetaan.bentuk})."
            )
        if args.dry_run:
            prat = pratinjau_impor(
                db, args.berkas, opd=args.opd, pemetaan=pemetaan, lembar=args.lembar
            )
            print(prat.teks())
            if prat.jumlah_data:
                print(_teks_jumlah(prat.jumlah_data))
            if not prat.bisa_diimpor:
                print(f"Berkas tidak dapat diimpor: {len(prat.galat)} masalah.", file=sys.stderr)
                return 1
            print("Uji coba (--dry-run): tidak ada yang ditulis.")
            return 0
        try:
            hasil = impor_rencana(
                db,
                pelaku_cli(args, db),
                args.berkas,
                opd=args.opd,
                singkatan=args.singkatan,
                pemda=args.pemda,
                pemetaan=pemetaan,
                lembar=args.lembar,
                konfirmasi=args.ya,
            )
        except PerluKonfirmasi as exc:
            print(exc.pratinjau.teks())
            print(
                f"Kesalahan: {exc.pesan} Jalankan lagi dengan --ya untuk menerapkannya.",
                file=sys.stderr,
            )
            return 1
        except ImporDitolak as exc:
            print(exc.pratinjau.teks())
            print(
                f"Kesalahan: {exc.pratinjau.nama_berkas} tidak diimpor; tidak ada yang ditulis.",
                file=sys.stderr,
            )
            return 1
        for m in hasil.pratinjau.peringatan:
            print(m)
        if not hasil.berubah:
            print(
                f"Tidak ada perubahan: {hasil.pratinjau.opd_nama} sudah memuat isi "
                f"{args.berkas.name}."
            )
            return 0
        print(
            f"Rencana dari {args.berkas.name} diimpor ke {hasil.pratinjau.opd_nama}: "
            f"{_teks_jumlah(hasil.jumlah)}."
        )
        return 0


def _teks_jumlah(jumlah: dict[str, int]) -> str:
    bagian = [f"{n} {LABEL_JUMLAH.get(k, k.replace('_', ' '))}" for k, n in jumlah.items() if n]
    return ", ".join(bagian) or "tidak ada"


def _ekspor(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        akhiran = {"xlsx": ".xlsx", "yaml": (".yaml", ".yml")}[args.bentuk]
        if not args.out.name.lower().endswith(akhiran):
            raise InputTidakSah(
                f"--out {args.out.name}: untuk --format {args.bentuk} gunakan "
                f"akhiran {akhiran if isinstance(akhiran, str) else '.yaml'}."
            )
        if args.bentuk == "xlsx":
            hasil = ekspor_tc27(db, args.out, opd=args.opd, tahun=args.year)
            print(f"Tabel T-C.27 ditulis: {hasil}")
        else:
            hasil = ekspor_data(db, args.out, opd=args.opd, tahun=args.year)
            print(f"Berkas data (sakip-data/1) ditulis: {hasil}")
        return 0
