"""`sakip export` (every printed table to PDF or XLSX) and `sakip anggaran` (budget per
sasaran: pagu, share, realization, % serapan)."""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..angka import format_persen, format_rupiah, format_tanggal
from ..errors import InputTidakSah
from ..kalkulasi import persentase
from ..services.anggaran import LayananAnggaran, RingkasanAnggaran
from ..services.tabel import DAFTAR_TABEL, buat_tabel
from . import jenis_argumen
from .tabel import tabel_teks
from .umum import buka_database

FORMAT = ("pdf", "xlsx")


def daftarkan(sub: Any) -> None:
    eks = sub.add_parser(
        "export",
        help="ekspor tabel laporan ke PDF atau XLSX",
        description="Ekspor tabel laporan (Renstra, IKU, Renja, Monitoring IKU, pengukuran, "
        "anggaran, rencana aksi, refocusing, risiko) ke PDF atau XLSX.",
    )
    eks.add_argument("tabel", nargs="?", metavar="TABEL", help="nama tabel (lihat --list)")
    eks.add_argument("--list", action="store_true", help="tampilkan daftar tabel lalu keluar")
    eks.add_argument("--year", type=jenis_argumen.tahun, metavar="TAHUN")
    eks.add_argument("--triwulan", type=jenis_argumen.triwulan, metavar="N")
    eks.add_argument("--format", choices=FORMAT, help="pdf atau xlsx (bawaan: dari akhiran --out)")
    eks.add_argument("--out", type=Path, metavar="BERKAS")
    eks.add_argument("--opd", metavar="NAMA", help="nama atau singkatan OPD")
    eks.set_defaults(jalankan=_export)

    ang = sub.add_parser(
        "anggaran", help="anggaran per sasaran: pagu, porsi, realisasi dan %% serapan"
    )
    ang.add_argument("--year", type=jenis_argumen.tahun, required=True, metavar="TAHUN")
    ang.add_argument("--triwulan", type=jenis_argumen.triwulan, metavar="N")
    ang.add_argument("--opd", metavar="NAMA", help="nama atau singkatan OPD")
    ang.add_argument(
        "--json", action="store_true", help="keluaran JSON (angka sebagai teks desimal)"
    )
    ang.set_defaults(jalankan=_anggaran)


def _daftar() -> str:
    lebar = max(len(n) for n in DAFTAR_TABEL)
    baris = []
    for nama, j in DAFTAR_TABEL.items():
        tw = " [--triwulan]" if j.pakai_triwulan else ""
        baris.append(f"{nama.ljust(lebar)}  {j.judul}: {j.keterangan}{tw}")
    return "\n".join(baris)


def _export(args: argparse.Namespace) -> int:
    if args.list:
        print(_daftar())
        return 0
    if not args.tabel:
        raise InputTidakSah("Sebutkan nama tabel, atau --list untuk daftarnya.", field="tabel")
    if args.year is None:
        raise InputTidakSah("Sebutkan tahun dengan --year.", field="year")
    if args.out is None:
        raise InputTidakSah("Sebutkan berkas tujuan dengan --out.", field="out")
    fmt = args.format or args.out.suffix.lower().lstrip(".")
    if fmt not in FORMAT:
        raise InputTidakSah(
            "Format tidak diketahui: pakai --format pdf atau --format xlsx "
            "(atau akhiran .pdf / .xlsx pada --out).",
            field="format",
        )
    if not args.out.parent.exists():
        raise InputTidakSah(f"Folder tujuan tidak ada: {args.out.parent}", field="out")
    with buka_database(args, boleh_buat=False) as db:
        tabel = buat_tabel(db, args.tabel, args.year, args.triwulan, args.opd)
    if fmt == "pdf":
        from ..reports.pdf_tabel import tulis_pdf

        tulis_pdf(tabel, args.out)
    else:
        from ..reports.xlsx_tabel import tulis_xlsx

        tulis_xlsx(tabel, args.out)
    print(f"{tabel.judul[0]} ({tabel.periode}) ditulis ke {args.out}")
    return 0


def _desimal(x: Decimal | None) -> str | None:
    """A decimal string with a dot: money without ".00" unless it has sen, percentages
    with their two places ("88.63")."""
    if x is None:
        return None
    if x == x.to_integral_value():
        return format(x.quantize(Decimal(1)), "f")
    return format(x, "f")


def _persen(x: Decimal | None) -> str | None:
    return None if x is None else format(x.quantize(Decimal("0.01")), "f")


def objek_json(r: RingkasanAnggaran) -> dict[str, Any]:
    """The budget summary as JSON-ready data (numbers as decimal strings)."""
    alokasi = [
        {
            "sasaran_kode": b.sasaran_kode,
            "sasaran": b.sasaran,
            "indikator_kode": b.indikator_kode,
            "indikator": b.indikator,
            "pagu": _desimal(b.pagu),
            "porsi": _persen(b.porsi),
            "realisasi_triwulan": [_desimal(x) for x in b.realisasi_triwulan],
            "realisasi": _desimal(b.realisasi),
            "serapan": _persen(b.serapan),
        }
        for b in r.baris
    ]
    sasaran = []
    for pertama, rows in r.per_sasaran():
        pagu = sum((b.pagu for b in rows), Decimal(0))
        terisi = [b.realisasi for b in rows if b.realisasi is not None]
        real = sum(terisi, Decimal(0)) if terisi else None
        sasaran.append(
            {
                "kode": pertama.sasaran_kode,
                "sasaran": pertama.sasaran,
                "pagu": _desimal(pagu),
                "porsi": _persen(persentase(pagu, r.total_pagu)),
                "realisasi": _desimal(real),
                "serapan": _persen(persentase(real, pagu)),
            }
        )
    return {
        "tahun": r.tahun,
        "triwulan": r.triwulan,
        "pagu_per_tanggal": r.per_tanggal.isoformat(),
        "alokasi": alokasi,
        "sasaran": sasaran,
        "jumlah": {
            "pagu": _desimal(r.total_pagu),
            "realisasi": _desimal(r.total_realisasi),
            "serapan": _persen(r.total_serapan),
        },
        "program_penunjang": [
            {
                "kode": p.kode,
                "program": p.uraian,
                "pagu": _desimal(p.pagu),
                "realisasi": _desimal(p.realisasi),
                "serapan": _persen(p.serapan),
            }
            for p in r.penunjang
        ],
        "jumlah_seluruh_pagu": _desimal(r.total_pagu_semua),
    }


def _anggaran(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        r = LayananAnggaran(db).ringkasan(args.year, args.triwulan, args.opd)
    if args.json:
        print(json.dumps(objek_json(r), ensure_ascii=False, indent=2))
        return 0
    periode = f"s.d. Triwulan {args.triwulan} " if args.triwulan else ""
    print(
        f"Anggaran per sasaran {periode}tahun {args.year} "
        f"(pagu berlaku {format_tanggal(r.per_tanggal)})"
    )
    kepala = ["Sasaran", "Indikator", "Pagu", "Porsi", "Realisasi", "Serapan"]
    isi = [
        [
            b.sasaran_kode or b.sasaran,
            b.indikator_kode or "(tanpa indikator)",
            format_rupiah(b.pagu),
            format_persen(b.porsi),
            format_rupiah(b.realisasi),
            format_persen(b.serapan),
        ]
        for b in r.baris
    ]
    isi.append(
        [
            "Jumlah",
            "",
            format_rupiah(r.total_pagu),
            format_persen(Decimal(100) if r.baris else None),
            format_rupiah(r.total_realisasi),
            format_persen(r.total_serapan),
        ]
    )
    for p in r.penunjang:
        isi.append(
            [
                "Penunjang",
                p.uraian,
                format_rupiah(p.pagu),
                "",
                format_rupiah(p.realisasi),
                format_persen(p.serapan),
            ]
        )
    print(tabel_teks(kepala, isi, kanan={2, 3, 4, 5}, lebar_maks=50))
    return 0
