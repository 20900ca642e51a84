"""`sakip risiko` (the risk register and its matrix), `sakip proses` (the business process
outline mapped to the tree) and `sakip sop` (the SOP register).

The register's PDF/XLSX export is `sakip export risiko` (services/tabel), not repeated here.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ..angka import format_angka
from ..domain import JenisProses
from ..services.proses import LABEL_JENIS_PROSES, LayananProses, telusuri
from ..services.risiko import (
    LABEL_DAMPAK,
    LABEL_KEMUNGKINAN,
    SKALA_LEVEL_RISIKO,
    LayananRisiko,
    RingkasanRisiko,
    hitung_matriks,
)
from ..services.sop import LayananSop
from . import jenis_argumen
from .tabel import tabel_teks
from .umum import buka_database


def daftarkan(sub: Any) -> None:
    r = sub.add_parser(
        "risiko",
        help="register manajemen risiko dan peta risiko (kemungkinan × dampak)",
        description="Register risiko satu tahun dan jumlah risiko per sel peta risiko. "
        "Ekspor PDF/XLSX: sakip export risiko --year TAHUN --out BERKAS.",
    )
    r.add_argument("--year", type=jenis_argumen.tahun, required=True, metavar="TAHUN")
    r.add_argument("--opd", metavar="NAMA", help="nama atau singkatan OPD")
    r.add_argument("--json", action="store_true", help="keluaran JSON")
    r.set_defaults(jalankan=_risiko)

    p = sub.add_parser("proses", help="proses bisnis (manajemen, inti, pendukung) dan petanya")
    p.add_argument("--opd", metavar="NAMA", help="nama atau singkatan OPD")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.add_argument(
        "--out", type=Path, metavar="BERKAS", help="gambar peta proses inti ke BERKAS.pdf/.png"
    )
    p.add_argument("--kertas", choices=("A3", "A4"), default="A3", help="kertas PDF (A3)")
    p.set_defaults(jalankan=_proses)

    s = sub.add_parser("sop", help="register SOP (kepatuhan internal)")
    s.add_argument("--opd", metavar="NAMA", help="nama atau singkatan OPD")
    s.add_argument("--json", action="store_true", help="keluaran JSON")
    s.set_defaults(jalankan=_sop)


def _objek_risiko(r: RingkasanRisiko) -> dict[str, Any]:
    lv = r.level_risiko
    return {
        "id": str(r.id),
        "level": r.level,
        "node_kode": r.node_kode,
        "node": r.node_uraian,
        "pemilik": r.pemilik,
        "pernyataan": r.pernyataan,
        "penyebab": r.penyebab,
        "dampak": r.dampak,
        "pengendalian_ada": r.pengendalian_ada,
        "rencana_tindak": r.rencana_tindak,
        "kemungkinan": r.kemungkinan,
        "dampak_skala": r.dampak_skala,
        "skor": r.skor,
        "level_risiko": lv.label if lv else None,
        "penanggung_jawab": r.penanggung_jawab,
        "tenggat": r.tenggat.isoformat() if r.tenggat else None,
        "status": {str(tw): s.status.value for tw, s in sorted(r.status.items())},
    }


def _risiko(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        daftar = LayananRisiko(db).daftar(args.year, opd=args.opd)
    matriks = hitung_matriks(args.year, daftar)
    if args.json:
        hasil = {
            "tahun": args.year,
            "risiko": [_objek_risiko(r) for r in daftar],
            "matriks": [
                {"kemungkinan": k, "dampak": d, "jumlah": len(ids)}
                for (k, d), ids in sorted(matriks.sel.items())
            ],
            "per_level": matriks.per_level(),
            "belum_dinilai": len(matriks.belum_dinilai),
        }
        print(json.dumps(hasil, ensure_ascii=False, indent=2))
        return 0
    print(f"Register manajemen risiko tahun {args.year}: {len(daftar)} risiko")
    isi = []
    for no, r in enumerate(daftar, start=1):
        lv = r.level_risiko
        skala = f"{r.kemungkinan}×{r.dampak_skala}={r.skor}" if r.skor is not None else "—"
        isi.append(
            [
                str(no),
                str(r.level),
                r.pernyataan,
                r.pemilik or "—",
                skala,
                lv.label if lv else "belum dinilai",
                (s.status.label if (s := r.status_terakhir()) else "—"),
            ]
        )
    print(
        tabel_teks(
            ["No", "Lv", "Pernyataan risiko", "Pemilik", "K×D", "Level risiko", "Status"],
            isi,
            kanan={0, 1},
        )
    )
    print()
    print("Peta risiko (baris: kemungkinan 5→1; kolom: dampak 1→5; isi: jumlah risiko)")
    kepala = ["Kemungkinan", *(f"D{d}" for d in range(1, 6))]
    baris = [
        [f"{k} {LABEL_KEMUNGKINAN[k]}", *(str(matriks.jumlah(k, d) or "·") for d in range(1, 6))]
        for k in range(5, 0, -1)
    ]
    print(tabel_teks(kepala, baris, kanan={1, 2, 3, 4, 5}))
    print("Dampak: " + "; ".join(f"D{d} {LABEL_DAMPAK[d]}" for d in range(1, 6)))
    per_level = matriks.per_level()
    print(
        "Per level: "
        + ", ".join(
            f"{lv.label} ({lv.batas_bawah}–{lv.batas_atas}) {per_level[lv.label]}"
            for lv in SKALA_LEVEL_RISIKO
        )
        + (f"; belum dinilai {len(matriks.belum_dinilai)}" if matriks.belum_dinilai else "")
    )
    return 0


def _proses(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        if args.out is not None:
            from ..reports.pohon_pdf import tulis_berkas_pohon

            tata = LayananProses(db).tata_letak_peta(opd=args.opd, kertas=args.kertas)
            print(
                tulis_berkas_pohon(tata, args.out, kertas=args.kertas).replace(
                    "Diagram pohon kinerja", "Peta proses bisnis inti"
                )
            )
            return 0
        outline = LayananProses(db).outline(opd=args.opd)
    if args.json:
        hasil = {
            jenis.value: [
                {
                    "kedalaman": s.kedalaman,
                    "uraian": s.uraian,
                    "keterangan": s.keterangan,
                    "node_kode": s.node_kode,
                    "node": s.node_uraian,
                    "level": s.node_level,
                }
                for s in telusuri(akar)
            ]
            for jenis, akar in outline.items()
        }
        print(json.dumps(hasil, ensure_ascii=False, indent=2))
        return 0
    for jenis in JenisProses:
        print(LABEL_JENIS_PROSES[jenis])
        for s in telusuri(outline[jenis]):
            peta = ""
            if s.node_uraian:
                kode = f" {s.node_kode}" if s.node_kode else ""
                peta = f"  → level {s.node_level}{kode}: {s.node_uraian}"
            print(f"{'  ' * (s.kedalaman + 1)}• {s.uraian}{peta}")
    return 0


def _sop(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        daftar = LayananSop(db).daftar(opd=args.opd)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "judul": s.judul,
                        "nomor": s.nomor,
                        "tahun": s.tahun,
                        "unit": s.unit,
                        "status": s.status,
                        "proses": s.proses,
                        "node": s.node,
                        "berkas": s.nama_berkas,
                        "sha256": s.sha256,
                        "ukuran": s.ukuran,
                    }
                    for s in daftar
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    print(f"Register SOP (kepatuhan internal): {len(daftar)} SOP")
    isi = [
        [
            s.nomor or "—",
            s.judul,
            str(s.tahun) if s.tahun else "—",
            s.unit or "—",
            s.label_status,
            f"{s.nama_berkas} ({format_angka(s.ukuran)} bita)" if s.ada_berkas else "—",
        ]
        for s in daftar
    ]
    print(tabel_teks(["Nomor", "Judul", "Tahun", "Unit", "Status", "Dokumen"], isi))
    return 0
