"""Foundation commands: db upgrade, demo, pohon, capaian, backup."""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..angka import format_angka, format_persen, format_rentang
from ..kalkulasi import NilaiTarget
from ..services.capaian import BarisCapaian, LayananCapaian
from ..services.demo import muat_demo
from ..services.konteks import pilih_opd, renstra_untuk
from ..services.pohon import muat_pohon, telusuri
from ..storage.cadangan import cadangkan
from ..storage.migrasi import status_skema
from . import jenis_argumen
from .tabel import tabel_teks
from .umum import buka_database


def daftarkan(sub: Any) -> None:
    db = sub.add_parser("db", help="kelola basis data")
    db_sub = db.add_subparsers(dest="aksi_db", metavar="AKSI", required=True)
    up = db_sub.add_parser("upgrade", help="buat basis data atau tingkatkan skemanya")
    up.set_defaults(jalankan=_db_upgrade)

    demo = sub.add_parser("demo", help="muat data demo Disnaker Kabupaten Lamongan")
    demo.add_argument(
        "--replace", action="store_true", help="hapus semua data yang ada lalu muat demo"
    )
    demo.set_defaults(jalankan=_demo)

    pohon = sub.add_parser("pohon", help="tampilkan pohon kinerja sebagai teks berindentasi")
    pohon.add_argument("--year", type=jenis_argumen.tahun, metavar="TAHUN")
    pohon.add_argument("--opd", metavar="NAMA", help="nama atau singkatan OPD")
    pohon.add_argument("--dari", metavar="KODE", help="mulai dari node berkode ini (S.1, 2.07.01)")
    pohon.add_argument(
        "--out", type=Path, metavar="BERKAS", help="gambar diagram ke BERKAS.pdf atau BERKAS.png"
    )
    pohon.add_argument("--kertas", choices=("A3", "A4"), default="A3", help="kertas PDF (A3)")
    pohon.set_defaults(jalankan=_pohon)

    cap = sub.add_parser("capaian", help="tabel target, realisasi dan capaian setiap indikator")
    cap.add_argument("--year", type=jenis_argumen.tahun, required=True, metavar="TAHUN")
    cap.add_argument("--triwulan", type=jenis_argumen.triwulan, metavar="N")
    cap.add_argument("--opd", metavar="NAMA", help="nama atau singkatan OPD")
    cap.add_argument("--json", action="store_true", help="keluaran JSON")
    cap.set_defaults(jalankan=_capaian)

    bak = sub.add_parser("backup", help="salinan basis data yang konsisten walau sedang dipakai")
    bak.add_argument("--out", required=True, metavar="BERKAS", type=Path)
    bak.set_defaults(jalankan=_backup)


def _db_upgrade(args: argparse.Namespace) -> int:
    with buka_database(args) as db:
        status = status_skema(db)
        print(f"Basis data siap (skema {status.revisi}): {db.label}")
        return 0


def _demo(args: argparse.Namespace) -> int:
    with buka_database(args) as db:
        ringkasan = muat_demo(db, ganti=args.replace)
        j = ringkasan.jumlah
        print(
            "Data demo Disnaker Kabupaten Lamongan dimuat: "
            f"{j.get('node_kinerja', 0)} node pohon kinerja, {j.get('indikator', 0)} indikator, "
            f"{j.get('target', 0)} target, {j.get('realisasi', 0)} realisasi, "
            f"{j.get('jabatan', 0)} jabatan, {j.get('risiko', 0)} risiko."
        )
        return 0


def _teks_target(t: NilaiTarget | None, satuan: str) -> str:
    if t is None or (t.nilai is None and t.teks is None):
        return "—"
    if t.teks is not None:
        return t.teks
    if t.nilai_maks is not None:
        return format_rentang(t.nilai, t.nilai_maks, satuan)
    return _dengan_satuan(t.nilai, satuan)


def _dengan_satuan(x: Decimal | None, satuan: str) -> str:
    if x is None:
        return "—"
    if satuan.strip() == "%":
        return format_persen(x)
    return f"{format_angka(x)} {satuan}".strip()


def _pohon(args: argparse.Namespace) -> int:
    from datetime import date

    from ..services.diagram_pohon import pohon_dari

    with buka_database(args, boleh_buat=False) as db:
        tahun = args.year or date.today().year
        if args.out is not None:  # the diagram (services/diagram_pohon, reports/pohon_pdf)
            from ..reports.pohon_pdf import tulis_berkas_pohon
            from ..services.diagram_pohon import LayananDiagramPohon

            tata = LayananDiagramPohon(db).tata_letak(tahun, args.dari, opd=args.opd)
            print(tulis_berkas_pohon(tata, args.out, kertas=args.kertas))
            return 0
        with db.baca() as sesi:
            opd = pilih_opd(sesi, args.opd)
            renstra = renstra_untuk(sesi, opd, tahun)
            from sqlalchemy import select

            from ..model import Target
            from ..services.capaian import target_berlaku

            targets: dict[Any, list[Target]] = {}
            for t in sesi.scalars(select(Target).where(Target.tahun == tahun)):
                targets.setdefault(t.indikator_id, []).append(t)
            print(f"Pohon kinerja {opd.nama} — Renstra {renstra.label}, target tahun {tahun}")
            for s in telusuri(pohon_dari(muat_pohon(sesi, renstra), args.dari)):
                n = s.node
                awal = "  " * s.kedalaman
                kode = f" [{n.kode}]" if n.kode else ""
                pemilik = f" — {n.pemilik.nama}" if n.pemilik else ""
                print(f"{awal}{n.jenis.label}{kode}: {n.uraian}{pemilik}")
                for ind in n.indikator:
                    t = target_berlaku(targets.get(ind.id, [])).tahunan
                    print(f"{awal}    • {ind.kode} {ind.nama}: {_teks_target(t, ind.satuan)}")
        return 0


def _json_angka(x: Decimal | None) -> str | None:
    """A decimal string with a dot; stored values lose the database's trailing zeros
    (5.1500 → "5.15"), computed capaian keep their two places ("100.00")."""
    if x is None:
        return None
    if x.as_tuple().exponent < -2:  # type: ignore[operator]
        x = x.normalize()
        if x.as_tuple().exponent > 0:  # type: ignore[operator]
            x = x.quantize(Decimal(1))
    return format(x, "f")


def _json_target(t: NilaiTarget | None) -> Any:
    if t is None:
        return None
    if t.teks is not None:
        return t.teks
    if t.nilai_maks is not None:
        return {"min": _json_angka(t.nilai), "maks": _json_angka(t.nilai_maks)}
    return _json_angka(t.nilai)


def _objek_json(b: BarisCapaian, triwulan: int | None) -> dict[str, Any]:
    obj: dict[str, Any] = {
        "kode": b.kode,
        "level": b.level,
        "sasaran": b.sasaran,
        "indikator": b.indikator,
        "satuan": b.satuan,
        "target": _json_target(b.target),
        "realisasi": b.realisasi_teks if b.realisasi_teks is not None else _json_angka(b.realisasi),
        "capaian": _json_angka(b.capaian),
        "kategori": b.band.label if b.band else None,
    }
    if triwulan is not None:
        obj["target_tahunan"] = _json_target(b.target_tahunan)
        obj["capaian_tahunan"] = _json_angka(b.capaian_tahunan)
    return obj


def _capaian(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        baris = LayananCapaian(db).tabel(args.year, args.triwulan, args.opd)
        if args.json:
            print(
                json.dumps(
                    [_objek_json(b, args.triwulan) for b in baris], ensure_ascii=False, indent=2
                )
            )
            return 0
        periode = f"Triwulan {args.triwulan} " if args.triwulan else ""
        print(f"Capaian kinerja {periode}tahun {args.year}")
        kepala = ["Kode", "Indikator", "Target", "Realisasi", "Capaian"]
        if args.triwulan:
            kepala += ["Target tahun", "Capaian thd tahun"]
        isi = []
        for b in baris:
            real = b.realisasi_teks or _dengan_satuan(b.realisasi, b.satuan)
            r = [
                b.kode,
                b.indikator,
                _teks_target(b.target, b.satuan),
                real,
                format_persen(b.capaian),
            ]
            if args.triwulan:
                r += [_teks_target(b.target_tahunan, b.satuan), format_persen(b.capaian_tahunan)]
            isi.append(r)
        print(tabel_teks(kepala, isi, kanan={2, 3, 4, 5, 6}))
        return 0


def _backup(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        hasil = cadangkan(db, args.out)
        ukuran = hasil.stat().st_size
        print(f"Cadangan ditulis: {hasil} ({format_angka(ukuran)} bita)")
        return 0
