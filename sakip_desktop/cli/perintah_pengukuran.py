"""Measurement commands: `sakip target`, `sakip realisasi`, `sakip peringatan`.

Each writing command is one transaction through the same services as the window, acting
as ``pelaku_cli`` (``--user``), and prints one Indonesian line saying what happened.
"""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal
from typing import Any

from ..angka import AngkaTidakSah, format_persen, parse_angka
from ..domain import DokumenTarget, JenisIndikator
from ..errors import InputTidakSah
from ..kalkulasi import NAMA_TRIWULAN
from ..model import Indikator
from ..services.capaian import tabel_capaian
from ..services.indikator import cari_indikator, teks_nilai, transaksi
from ..services.konteks import pilih_opd
from ..services.peringatan import peringatan_dini
from ..services.realisasi import (
    ajukan,
    buka_kembali,
    cari_realisasi,
    daftar_entri,
    label_periode,
    simpan_realisasi_rinci,
    verifikasi,
)
from ..services.target import (
    LABEL_DOKUMEN,
    nilai_target_dari_teks,
    riwayat_target,
    simpan_target_rinci,
    teks_target,
)
from . import jenis_argumen
from .tabel import tabel_teks
from .umum import buka_database, pelaku_cli


def _triwulan_target(teks: str) -> int:
    """0 (or "tahunan") for the yearly target, else a quarter 1–4."""
    if teks.strip().casefold() in {"0", "tahunan", "tahun"}:
        return 0
    return jenis_argumen.triwulan(teks)


def _tanggal(teks: str) -> date:
    try:
        return date.fromisoformat(teks.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"tanggal harus berformat TTTT-BB-HH (misalnya 2020-05-10), bukan {teks!r}"
        ) from None


def _umum(p: argparse.ArgumentParser, *, triwulan_wajib: bool = True) -> None:
    p.add_argument("--kode", required=True, metavar="KODE_INDIKATOR", help="misalnya IKU.1")
    p.add_argument("--year", type=jenis_argumen.tahun, required=True, metavar="TAHUN")
    if triwulan_wajib:
        p.add_argument("--triwulan", type=jenis_argumen.triwulan, required=True, metavar="N")
    p.add_argument("--opd", metavar="NAMA", help="nama atau singkatan OPD")


def daftarkan(sub: Any) -> None:
    target = sub.add_parser("target", help="ubah atau lihat target indikator")
    t_sub = target.add_subparsers(dest="aksi_target", metavar="AKSI", required=True)
    t_set = t_sub.add_parser(
        "set",
        help="tetapkan, ubah atau hapus satu target",
        description=(
            "Tetapkan target satu indikator untuk satu tahun (atau satu triwulan) pada satu "
            "dokumen. Dokumen bawaan: renja (target kerja tahunan dinas); pilih pk untuk "
            "target yang ditandatangani di Perjanjian Kinerja, renstra untuk target lima "
            "tahunan. Nilai ditulis dalam format Indonesia (1,30) atau sebagai rentang "
            "(95,92–96,89); indikator predikat memakai teks (WTP)."
        ),
    )
    _umum(t_set, triwulan_wajib=False)
    t_set.add_argument(
        "--triwulan",
        type=_triwulan_target,
        default=0,
        metavar="N",
        help="1–4 untuk target triwulan; bawaan 0 = target tahunan",
    )
    isi = t_set.add_mutually_exclusive_group(required=True)
    isi.add_argument("--nilai", metavar="V", help='angka Indonesia ("1,30"), rentang atau predikat')
    isi.add_argument("--hapus", action="store_true", help="hapus target yang berlaku")
    t_set.add_argument(
        "--dokumen",
        choices=[d.value for d in DokumenTarget],
        default=DokumenTarget.RENJA.value,
        help="renstra | renja | pk (bawaan: renja)",
    )
    t_set.add_argument("--alasan", metavar="TEKS", help="alasan perubahan (masuk jejak audit)")
    t_set.add_argument(
        "--perubahan",
        action="store_true",
        help="catat sebagai perubahan dokumen (baris baru, yang lama disimpan); perlu --alasan",
    )
    t_set.add_argument("--nomor-dokumen", metavar="NOMOR", help="nomor dokumen perubahan")
    t_set.set_defaults(jalankan=_target_set)

    t_riw = t_sub.add_parser("riwayat", help="riwayat target satu indikator dan tahun")
    _umum(t_riw, triwulan_wajib=False)
    t_riw.add_argument("--triwulan", type=_triwulan_target, metavar="N")
    t_riw.add_argument("--dokumen", choices=[d.value for d in DokumenTarget])
    t_riw.set_defaults(jalankan=_target_riwayat)

    real = sub.add_parser("realisasi", help="isi, ajukan, verifikasi realisasi triwulan")
    r_sub = real.add_subparsers(dest="aksi_realisasi", metavar="AKSI", required=True)
    r_set = r_sub.add_parser(
        "set",
        help="isi realisasi satu indikator untuk satu triwulan",
        description=(
            "Isi realisasi triwulan. Indikator persentase peningkatan/penyelesaian diisi "
            "dengan dua angka mentah (--komponen A B) dan persentasenya dihitung; indikator "
            "lain dengan --nilai (format Indonesia, misalnya 1.234,5)."
        ),
    )
    _umum(r_set)
    r_isi = r_set.add_mutually_exclusive_group(required=True)
    r_isi.add_argument("--nilai", metavar="V", help="nilai realisasi (atau predikat)")
    r_isi.add_argument("--komponen", nargs=2, metavar=("A", "B"), help="dua angka mentah")
    r_isi.add_argument("--hapus", action="store_true", help="kosongkan realisasi triwulan ini")
    r_set.add_argument("--catatan", metavar="TEKS", help="catatan bukti")
    r_set.add_argument("--keterangan", metavar="TEKS", help='kolom "Ket" tabel pengukuran')
    r_set.add_argument("--sumber-data", metavar="TEKS")
    r_set.set_defaults(jalankan=_realisasi_set)

    for nama, bantuan, fungsi in (
        ("ajukan", "ajukan realisasi untuk diverifikasi", _realisasi_ajukan),
        ("verifikasi", "verifikasi realisasi yang diajukan", _realisasi_verifikasi),
        ("buka", "buka kembali realisasi menjadi draf (wajib --alasan)", _realisasi_buka),
    ):
        p = r_sub.add_parser(nama, help=bantuan)
        _umum(p)
        if nama == "buka":
            p.add_argument("--alasan", metavar="TEKS", help="alasan membuka kembali (wajib)")
        p.set_defaults(jalankan=fungsi)

    r_daftar = r_sub.add_parser("daftar", help="daftar isian realisasi satu triwulan")
    r_daftar.add_argument("--year", type=jenis_argumen.tahun, required=True, metavar="TAHUN")
    r_daftar.add_argument("--triwulan", type=jenis_argumen.triwulan, required=True, metavar="N")
    r_daftar.add_argument("--opd", metavar="NAMA")
    r_daftar.set_defaults(jalankan=_realisasi_daftar)

    per = sub.add_parser("peringatan", help="peringatan dini: target terancam dan isian kosong")
    per.add_argument("--year", type=jenis_argumen.tahun, required=True, metavar="TAHUN")
    per.add_argument(
        "--tanggal", type=_tanggal, metavar="TTTT-BB-HH", help="hari acuan (bawaan: hari ini)"
    )
    per.add_argument("--opd", metavar="NAMA")
    per.set_defaults(jalankan=_peringatan)


# --- target ------------------------------------------------------------------------------------


def _target_set(args: argparse.Namespace) -> int:
    with buka_database(args) as db:
        pelaku = pelaku_cli(args, db)
        with transaksi(db, pelaku, args.alasan) as sesi:
            ind = cari_indikator(sesi, pilih_opd(sesi, args.opd), args.kode, tahun=args.year)
            nilai = None if args.hapus else nilai_target_dari_teks(ind, args.nilai)
            hasil = simpan_target_rinci(
                sesi,
                pelaku,
                ind.id,
                args.year,
                args.triwulan,
                DokumenTarget(args.dokumen),
                nilai,
                alasan=args.alasan,
                nomor_dokumen=args.nomor_dokumen,
                perubahan=args.perubahan,
            )
        print(hasil.pesan)
        if hasil.peringatan:
            print(f"Perhatian: {hasil.peringatan}")
        return 0


def _target_riwayat(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db, db.baca() as sesi:
        ind = cari_indikator(sesi, pilih_opd(sesi, args.opd), args.kode, tahun=args.year)
        riwayat = riwayat_target(
            sesi,
            ind.id,
            args.year,
            triwulan=args.triwulan,
            dokumen=DokumenTarget(args.dokumen) if args.dokumen else None,
        )
        print(f"Riwayat target {ind.kode} tahun {args.year}: {ind.nama}")
        if not riwayat:
            print("Belum ada target.")
            return 0
        isi = [
            [
                LABEL_DOKUMEN[r.dokumen],
                "Tahunan" if r.triwulan == 0 else NAMA_TRIWULAN[r.triwulan - 1],
                str(r.perubahan_ke),
                teks_target(r.nilai, ind.satuan),
                "ya" if r.berlaku else "",
                r.dibuat_oleh or r.diubah_oleh or "—",
                r.diubah_pada.date().isoformat(),
                r.alasan or "",
                r.nomor_dokumen or "",
            ]
            for r in riwayat
        ]
        kepala = ["Dokumen", "Periode", "Ke", "Nilai", "Berlaku", "Oleh", "Diubah", "Alasan"]
        print(tabel_teks([*kepala, "Nomor"], isi, kanan={2, 3}))
        return 0


# --- realisasi ---------------------------------------------------------------------------------


def _angka(teks: str, field: str) -> Decimal:
    try:
        return parse_angka(teks, nama_field=field)
    except AngkaTidakSah as exc:
        raise InputTidakSah(exc.pesan, field=field) from None


def _isian(ind: Indikator, args: argparse.Namespace) -> dict[str, Any]:
    """The service's keyword arguments from --nilai / --komponen / --hapus."""
    if args.hapus:
        return {}
    if args.komponen is not None:
        a, b = (_angka(x, "komponen") for x in args.komponen)
        return {"komponen": (a, b)}
    if ind.jenis is JenisIndikator.PREDIKAT:
        return {"nilai_teks": args.nilai}
    if ind.jenis.dari_komponen:
        raise InputTidakSah(
            f"{ind.kode} ({ind.jenis.label.lower()}) diisi dengan dua angka mentah: "
            f"--komponen A B (A = {ind.label_komponen_a or 'komponen A'}; "
            f"B = {ind.label_komponen_b or 'komponen B'}).",
            field="komponen",
        )
    return {"nilai": _angka(args.nilai, "nilai")}


def _realisasi_set(args: argparse.Namespace) -> int:
    with buka_database(args) as db:
        pelaku = pelaku_cli(args, db)
        with transaksi(db, pelaku) as sesi:
            opd = pilih_opd(sesi, args.opd)
            ind = cari_indikator(sesi, opd, args.kode, tahun=args.year)
            ind_id = ind.id
            # Notes not given on the command line stay as they are (--hapus empties all).
            lama = cari_realisasi(sesi, ind.id, args.year, args.triwulan)
            teks = {
                k: None if args.hapus else getattr(args, k) or getattr(lama, k, None)
                for k in ("catatan", "keterangan", "sumber_data")
            }
            hasil = simpan_realisasi_rinci(
                sesi, pelaku, ind.id, args.year, args.triwulan, **_isian(ind, args), **teks
            )
        print(hasil.pesan)
        with db.baca() as sesi:
            opd = pilih_opd(sesi, args.opd)
            for b in tabel_capaian(sesi, opd, args.year, args.triwulan):
                if b.indikator_id != ind_id:
                    continue
                tahunan = (
                    f"{format_persen(b.capaian_tahunan)} terhadap target tahunan "
                    f"{teks_target(b.target_tahunan, b.satuan)}"
                )
                if b.capaian is not None:
                    tw = NAMA_TRIWULAN[args.triwulan - 1]
                    print(
                        f"Capaian {tw}: {format_persen(b.capaian)} terhadap target "
                        f"{teks_target(b.target, b.satuan)}; {tahunan}."
                    )
                elif b.capaian_tahunan is not None:
                    print(f"Capaian: {tahunan}.")
        return 0


def _status(args: argparse.Namespace, aksi: str) -> int:
    with buka_database(args) as db:
        pelaku = pelaku_cli(args, db)
        alasan = getattr(args, "alasan", None)
        with transaksi(db, pelaku, alasan) as sesi:
            ind = cari_indikator(sesi, pilih_opd(sesi, args.opd), args.kode, tahun=args.year)
            kepala = f"Realisasi {ind.kode} {label_periode(args.year, args.triwulan)}"
            if aksi == "ajukan":
                berubah = ajukan(sesi, pelaku, ind.id, args.year, args.triwulan)
                pesan = "diajukan untuk diverifikasi" if berubah else "sudah diajukan"
            elif aksi == "verifikasi":
                berubah = verifikasi(sesi, pelaku, ind.id, args.year, args.triwulan)
                pesan = f"diverifikasi oleh {pelaku.label}" if berubah else "sudah diverifikasi"
            else:
                berubah = buka_kembali(sesi, pelaku, ind.id, args.year, args.triwulan, alasan or "")
                pesan = (
                    f"dibuka kembali menjadi draf (alasan: {alasan.strip()})"
                    if berubah and alasan
                    else "masih draf"
                )
        print(f"{kepala} {pesan}." + ("" if berubah else " Tidak ada yang berubah."))
        return 0


def _realisasi_ajukan(args: argparse.Namespace) -> int:
    return _status(args, "ajukan")


def _realisasi_verifikasi(args: argparse.Namespace) -> int:
    return _status(args, "verifikasi")


def _realisasi_buka(args: argparse.Namespace) -> int:
    return _status(args, "buka")


def _realisasi_daftar(args: argparse.Namespace) -> int:
    with buka_database(args, boleh_buat=False) as db:
        pelaku = pelaku_cli(args, db)
        with db.baca() as sesi:
            entri = daftar_entri(sesi, pelaku, pilih_opd(sesi, args.opd), args.year, args.triwulan)
        tw = NAMA_TRIWULAN[args.triwulan - 1]
        print(f"Realisasi {tw} {args.year}")
        isi = []
        for e in entri:
            real = e.nilai_teks or teks_nilai(e.nilai, e.satuan)
            isi.append(
                [
                    e.kode,
                    e.indikator,
                    teks_nilai(e.target_triwulan, e.satuan),
                    real,
                    format_persen(e.capaian),
                    format_persen(e.capaian_tahunan),
                    e.status.label if e.status else "—",
                ]
            )
        kepala = ["Kode", "Indikator", f"Target {tw}", "Realisasi", "Capaian", "Thd tahun"]
        print(tabel_teks([*kepala, "Status"], isi, kanan={2, 3, 4, 5}, lebar_maks=50))
        return 0


def _peringatan(args: argparse.Namespace) -> int:
    hari_ini = args.tanggal or date.today()
    with buka_database(args, boleh_buat=False) as db, db.baca() as sesi:
        daftar = peringatan_dini(sesi, pilih_opd(sesi, args.opd), args.year, hari_ini=hari_ini)
    if not daftar:
        print(f"Tidak ada peringatan untuk tahun {args.year} per {hari_ini.isoformat()}.")
        return 0
    meleset = [p for p in daftar if p.jenis == "meleset"]
    kosong = [p for p in daftar if p.jenis == "belum_diisi"]
    print(f"Peringatan dini tahun {args.year} per {hari_ini.isoformat()}")
    if meleset:
        print(f"Target terancam tidak tercapai ({len(meleset)}):")
        for p in meleset:
            print(f"  • {p.pesan}")
    if kosong:
        print(f"Realisasi belum diisi ({len(kosong)}):")
        for p in kosong:
            print(f"  • {p.pesan}")
    return 0
