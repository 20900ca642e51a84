"""`sakip konsistensi`, `sakip lkjip`, `sakip lke`: closing the SAKIP cycle, headless.

``sakip konsistensi`` exits with code 3 when any document disagrees (1 stays a user error),
so a script or CI job can stop on it.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ..angka import format_angka
from ..errors import InputTidakSah
from . import jenis_argumen
from .umum import buka_database, pelaku_cli

KODE_TIDAK_KONSISTEN = 3


def daftarkan(sub: Any) -> None:
    k = sub.add_parser(
        "konsistensi",
        help="periksa konsistensi target dan anggaran antardokumen (keluar 3 bila berbeda)",
        description=(
            "Bandingkan target setiap indikator di Renstra, IKU, PK, IKI dan Renja, pagu di "
            "Renja/RKA/DPA dan PK, baris PK terhadap pohon kinerja, serta kegiatan terhadap "
            "program Renstra. Kode keluar 3 bila ada temuan."
        ),
    )
    k.add_argument("--year", type=jenis_argumen.tahun, required=True, metavar="TAHUN")
    k.add_argument("--json", action="store_true", help="keluaran JSON")
    k.add_argument("--out", type=Path, metavar="BERKAS", help="ekspor matriks ke .pdf atau .xlsx")
    k.add_argument("--opd", metavar="NAMA", help="nama atau singkatan OPD")
    k.set_defaults(jalankan=_konsistensi)

    lk = sub.add_parser(
        "lkjip",
        help="susun draf LKjIP tahun TAHUN ke PDF atau DOCX",
        description="LKjIP sesuai PermenPANRB 53/2014 dengan narasi yang disimpan per tahun.",
    )
    lk.add_argument("--year", type=jenis_argumen.tahun, required=True, metavar="TAHUN")
    lk.add_argument("--out", type=Path, required=True, metavar="BERKAS.pdf|BERKAS.docx")
    lk.add_argument("--opd", metavar="NAMA", help="nama atau singkatan OPD")
    lk.set_defaults(jalankan=_lkjip)

    lke = sub.add_parser("lke", help="evaluasi mandiri LKE: skor, isian, saran, ekspor")
    perintah = lke.add_subparsers(dest="perintah_lke", metavar="PERINTAH", required=True)

    def dasar(p: Any, tahun: bool = True) -> None:
        if tahun:
            p.add_argument("--year", type=jenis_argumen.tahun, required=True, metavar="TAHUN")
        p.add_argument("--opd", metavar="NAMA", help="nama atau singkatan OPD")

    p = perintah.add_parser("skor", help="nilai per komponen, total dan predikat")
    dasar(p)
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(jalankan=_lke_skor)

    p = perintah.add_parser("daftar", help="kriteria dengan jawaban, catatan, bukti dan saran")
    dasar(p)
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(jalankan=_lke_daftar)

    p = perintah.add_parser("jawab", help="isi jawaban, catatan atau bukti satu kriteria")
    dasar(p)
    p.add_argument("--kriteria", required=True, metavar="KODE", help="mis. 1.a.3")
    p.add_argument("--jawaban", metavar="Y|T|A-E", help='"" untuk mengosongkan')
    p.add_argument("--catatan", metavar="TEKS")
    p.add_argument("--bukti", nargs="*", metavar="TAUTAN", help="tautan bukti (mengganti semua)")
    p.add_argument("--versi", metavar="KUNCI", help="versi lembar LKE (bawaan 88/2021)")
    p.set_defaults(jalankan=_lke_jawab)

    p = perintah.add_parser("saran", help="jawaban yang disarankan dari data program")
    dasar(p)
    p.add_argument("--terapkan", action="store_true", help="simpan saran pada kriteria kosong")
    p.add_argument("--timpa", action="store_true", help="dengan --terapkan: timpa jawaban")
    p.set_defaults(jalankan=_lke_saran)

    p = perintah.add_parser("ekspor", help="lembar LKE dengan nilai ke .pdf atau .xlsx")
    dasar(p)
    p.add_argument("--out", type=Path, required=True, metavar="BERKAS")
    p.set_defaults(jalankan=_lke_ekspor)

    p = perintah.add_parser("versi", help="versi lembar LKE yang tersedia")
    p.set_defaults(jalankan=_lke_versi)


def _cetak_json(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))


def _konsistensi(args: argparse.Namespace) -> int:
    from ..services.konsistensi import LayananKonsistensi
    from ..services.konsistensi_tabel import tulis_konsistensi

    with buka_database(args, boleh_buat=False) as db:
        h = LayananKonsistensi(db).periksa(args.year, args.opd)
    if args.out:
        for path in tulis_konsistensi(h, args.out):
            print(f"Disimpan: {path}")
    if args.json:
        _cetak_json(h.ke_dict())
    else:
        print(
            f"Konsistensi {h.opd} tahun {h.tahun}: {len(h.baris)} indikator, "
            f"{len(h.anggaran)} baris anggaran diperiksa."
        )
        if h.konsisten:
            print("Tidak ada perbedaan: semua dokumen konsisten.")
        else:
            print(f"{len(h.temuan)} temuan:")
            for i, t in enumerate(h.temuan, start=1):
                print(f"{i:>3}. [{t.jenis}] {t.pesan}")
    return 0 if h.konsisten else KODE_TIDAK_KONSISTEN


def _lkjip(args: argparse.Namespace) -> int:
    from ..services.lkjip import LayananLkjip

    akhiran = args.out.suffix.lower()
    if akhiran not in (".pdf", ".docx"):
        raise InputTidakSah(
            f"Berkas keluaran LKjIP harus .pdf atau .docx, bukan {args.out.name!r}.", field="out"
        )
    with buka_database(args, boleh_buat=False) as db:
        path = LayananLkjip(db).tulis(args.year, args.out, opd=args.opd)
    print(f"LKjIP {args.year} disimpan: {path}")
    return 0


def _lke_skor(args: argparse.Namespace) -> int:
    from ..services.lke_isian import LayananLke

    with buka_database(args, boleh_buat=False) as db:
        d = LayananLke(db).skor(args.year, args.opd)
    s = d.skor
    if args.json:
        obj = s.ke_dict()
        obj["tahun"] = args.year
        obj["tahun_lalu"] = (
            {"total": format_angka(d.skor_lalu.total, 2), "predikat": d.skor_lalu.predikat}
            if d.skor_lalu
            else None
        )
        _cetak_json(obj)
        return 0
    print(f"LKE {args.year} — {d.lembar.nama}")
    lalu = {b.kode: b.nilai_lalu for b in d.banding}
    for k in s.komponen:
        tambahan = (
            f"  (tahun lalu {format_angka(lalu[k.kode], 2)})"
            if lalu.get(k.kode) is not None
            else ""
        )
        print(
            f"{k.kode}. {k.nama:<45} {format_angka(k.nilai, 2):>6} / {format_angka(k.bobot)}"
            f"{tambahan}"
        )
        for sub in k.sub:
            print(
                f"   {sub.kode:<5} {format_angka(sub.nilai, 2):>6} / {format_angka(sub.bobot)}"
                f"  ({sub.terjawab}/{sub.jumlah_kriteria} terjawab)"
            )
    print(f"Nilai akhir: {format_angka(s.total, 2)} — predikat {s.predikat} ({s.uraian_predikat})")
    if d.skor_lalu is not None:
        print(
            f"Tahun {args.year - 1}: {format_angka(d.skor_lalu.total, 2)} ({d.skor_lalu.predikat})"
        )
    print(f"Terjawab {s.terjawab} dari {s.jumlah_kriteria} kriteria.")
    return 0


def _lke_daftar(args: argparse.Namespace) -> int:
    from ..services.lke_isian import LayananLke

    with buka_database(args, boleh_buat=False) as db:
        d = LayananLke(db).baca(args.year, args.opd)
    if args.json:
        _cetak_json(
            [
                {
                    "kode": i.kode,
                    "uraian": i.uraian,
                    "pilihan": "/".join(i.pilihan),
                    "jawaban": i.jawaban,
                    "catatan": i.catatan,
                    "bukti": list(i.bukti),
                    "saran": i.saran.jawaban if i.saran else None,
                    "saran_alasan": i.saran.bukti.uraian if i.saran else None,
                    "saran_bukti": list(i.saran.bukti.tautan) if i.saran else [],
                }
                for i in d.isian
            ]
        )
        return 0
    for i in d.isian:
        saran = f"  [saran {i.saran.jawaban}: {i.saran.bukti.uraian}]" if i.saran else ""
        print(f"{i.kode:<7} {i.jawaban or '—':<2} {i.uraian}{saran}")
    return 0


def _lke_jawab(args: argparse.Namespace) -> int:
    from ..services.lke_isian import LayananLke

    medan: dict[str, Any] = {}
    if args.jawaban is not None:
        medan["jawaban"] = args.jawaban or None
    if args.catatan is not None:
        medan["catatan"] = args.catatan
    if args.bukti is not None:
        medan["bukti"] = tuple(args.bukti)
    if not medan and args.versi is None:
        raise InputTidakSah("Beri --jawaban, --catatan atau --bukti.", field="jawaban")
    with buka_database(args) as db:
        pelaku = pelaku_cli(args, db)
        n = LayananLke(db).simpan(
            pelaku, args.year, {args.kriteria: medan}, opd=args.opd, versi_lke=args.versi
        )
        d = LayananLke(db).skor(args.year, args.opd)
    status = "disimpan" if n else "tidak berubah"
    print(
        f"Kriteria {args.kriteria} {status}. Nilai akhir {format_angka(d.skor.total, 2)} "
        f"({d.skor.predikat})."
    )
    return 0


def _lke_saran(args: argparse.Namespace) -> int:
    from ..services.lke_isian import LayananLke

    with buka_database(args, boleh_buat=args.terapkan) as db:
        layanan = LayananLke(db)
        if args.terapkan:
            n = layanan.terapkan_saran(
                pelaku_cli(args, db), args.year, opd=args.opd, timpa=args.timpa
            )
            print(f"{n} kriteria diisi dari bukti program.")
        d = layanan.baca(args.year, args.opd)
    for i in d.isian:
        if i.saran:
            print(
                f"{i.kode:<7} saran {i.saran.jawaban} (jawaban {i.jawaban or '—'}): "
                f"{i.saran.bukti.uraian}"
            )
    return 0


def _lke_ekspor(args: argparse.Namespace) -> int:
    from ..reports.lke import tulis_lke
    from ..services.konteks import pilih_opd
    from ..services.lke_isian import baca_lke

    with buka_database(args, boleh_buat=False) as db, db.baca() as sesi:
        opd = pilih_opd(sesi, args.opd)
        d = baca_lke(sesi, opd, args.year)
        nama = f"{opd.nama} {opd.pemda.nama}"
    print(f"Disimpan: {tulis_lke(d, nama, args.out)}")
    return 0


def _lke_versi(args: argparse.Namespace) -> int:
    from ..services.lke import daftar_lembar

    for lb in daftar_lembar():
        n = sum(1 for _ in lb.semua_kriteria())
        print(f"{lb.kunci:<24} {lb.nama} ({len(lb.komponen)} komponen, {n} kriteria)")
    return 0
