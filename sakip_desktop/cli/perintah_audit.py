"""`sakip audit`: list the audit trail, filtered, as a table, JSON, CSV or XLSX."""

from __future__ import annotations

import argparse
import json
import re
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from ..angka import format_angka
from ..services.audit import (
    SaringAudit,
    cari_jejak,
    cari_unit,
    ekspor_csv,
    ekspor_xlsx,
    hitung_jejak,
)
from .tabel import tabel_teks
from .umum import buka_database

BATAS_TAMPIL = 200


def tanggal(teks: str) -> date:
    """YYYY-MM-DD, or DD-MM-YYYY / DD/MM/YYYY as written in Indonesia."""
    t = teks.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", t):
            return date.fromisoformat("-".join(f"{int(x):02d}" for x in t.split("-")))
        cocok = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", t)
        if cocok:
            return date(int(cocok[3]), int(cocok[2]), int(cocok[1]))
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(
        f"tanggal {teks!r} tidak sah (contoh: 2020-03-31 atau 31-03-2020)"
    )


def _uuid(teks: str) -> uuid.UUID:
    try:
        return uuid.UUID(teks.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"ID rekaman {teks!r} tidak sah") from None


def daftarkan(sub: Any) -> None:
    p = sub.add_parser("audit", help="tampilkan jejak audit: siapa mengubah apa, kapan, mengapa")
    p.add_argument("--since", type=tanggal, metavar="TANGGAL", help="mulai tanggal (termasuk)")
    p.add_argument("--until", type=tanggal, metavar="TANGGAL", help="sampai tanggal (termasuk)")
    p.add_argument(
        "--user", dest="saring_user", metavar="NAMA", help="hanya perubahan pengguna ini"
    )
    p.add_argument("--tabel", metavar="TABEL", help="mis. target, realisasi, pengguna")
    p.add_argument(
        "--bidang", metavar="KODE", help="kode atau nama bidang/seksi (termasuk seksinya)"
    )
    p.add_argument("--rekaman", type=_uuid, metavar="ID", help="riwayat satu rekaman")
    p.add_argument("--aksi", metavar="AKSI", help="tambah, ubah, hapus, buka-kunci …")
    p.add_argument("--cari", metavar="TEKS", help="teks pada field, nilai atau alasan")
    p.add_argument(
        "--limit", type=int, metavar="N", help=f"paling banyak N baris (tabel: {BATAS_TAMPIL})"
    )
    keluaran = p.add_mutually_exclusive_group()
    keluaran.add_argument("--json", action="store_true", help="keluaran JSON")
    keluaran.add_argument("--csv", type=Path, metavar="BERKAS", help="ekspor ke CSV")
    keluaran.add_argument("--xlsx", type=Path, metavar="BERKAS", help="ekspor ke Excel")
    p.set_defaults(jalankan=_audit)


def _audit(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        saring = SaringAudit(
            pengguna=args.saring_user,
            unit_id=cari_unit(db, args.bidang) if args.bidang else None,
            tabel=args.tabel,
            rekaman_id=args.rekaman,
            aksi=args.aksi,
            sejak=args.since,
            sampai=args.until,
            cari=args.cari,
        )
        tabel_layar = not (args.json or args.csv or args.xlsx)
        batas = args.limit if args.limit is not None else (BATAS_TAMPIL if tabel_layar else None)
        baris = cari_jejak(db, saring, batas=batas or None, terbaru_dulu=args.rekaman is None)
        if args.json:
            print(json.dumps([b.sebagai_dict() for b in baris], ensure_ascii=False, indent=2))
            return 0
        if args.csv or args.xlsx:
            tujuan = ekspor_csv(baris, args.csv) if args.csv else ekspor_xlsx(baris, args.xlsx)
            print(f"Jejak audit diekspor: {tujuan} ({format_angka(len(baris))} baris)")
            return 0
        if not baris:
            print("Tidak ada jejak audit yang cocok.")
            return 0
        isi = [
            [
                b.waktu_lokal.strftime("%d-%m-%Y %H:%M:%S"),
                b.pengguna or "—",
                b.label_aksi,
                b.label_tabel,
                b.rekaman or "—",
                b.field or "",
                b.nilai_lama or "",
                b.nilai_baru or "",
                b.alasan or "",
            ]
            for b in baris
        ]
        kepala = [
            "Waktu",
            "Pengguna",
            "Aksi",
            "Tabel",
            "Rekaman",
            "Field",
            "Lama",
            "Baru",
            "Alasan",
        ]
        print(tabel_teks(kepala, isi, lebar_maks=40))
        total = hitung_jejak(db, saring)
        if total > len(baris):
            print(
                f"Menampilkan {format_angka(len(baris))} dari {format_angka(total)} baris "
                "(terbaru dulu); pakai --limit, --since atau --json untuk semuanya."
            )
        return 0
