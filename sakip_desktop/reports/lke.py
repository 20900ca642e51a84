"""The LKE worksheet with answers, scores and grade as a `TabelLaporan`, to PDF or XLSX.

Components and sub-components are group rows carrying their weight and score; each
criterion is a row with its answer, value, note and evidence links; the closing row holds
the total and the grade; last year's comparison is printed as notes.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ..angka import format_angka
from ..errors import InputTidakSah
from ..services.lke_isian import LembarTerisi
from ..services.tabel.dasar import (
    BarisTabel,
    JenisBaris,
    Kolom,
    SelKepala,
    SelTabel,
    TabelLaporan,
    sel_angka,
    sel_teks,
)


def _nilai(x: Decimal | None, *, tebal: bool = False) -> SelTabel:
    return sel_angka(x, desimal=2, tebal=tebal)


def tabel_lke(data: LembarTerisi, instansi: str) -> TabelLaporan:
    lb = data.lembar
    tabel = TabelLaporan(
        nama="lke",
        judul=["LEMBAR KERJA EVALUASI (LKE) AKUNTABILITAS KINERJA", f"TAHUN {data.tahun}"],
        instansi=instansi,
        periode=f"Evaluasi mandiri tahun {data.tahun} — {lb.nama}",
        kepala=[
            [
                SelKepala("Kode"),
                SelKepala("Komponen / Subkomponen / Kriteria"),
                SelKepala("Bobot"),
                SelKepala("Jawaban"),
                SelKepala("Nilai"),
                SelKepala("Catatan"),
                SelKepala("Bukti"),
            ]
        ],
        kolom=[
            Kolom(7),
            Kolom(52),
            Kolom(7, angka=True),
            Kolom(8),
            Kolom(8, angka=True),
            Kolom(30),
            Kolom(28),
        ],
        lanskap=True,
        tahun=data.tahun,
    )
    skor_k = {k.kode: k for k in data.skor.komponen}
    isian = {i.kode: i for i in data.isian}
    for k in lb.komponen:
        sk = skor_k[k.kode]
        tabel.baris.append(
            BarisTabel(
                [
                    sel_teks(k.kode, tebal=True),
                    sel_teks(k.nama.upper(), tebal=True),
                    _nilai(k.bobot, tebal=True),
                    sel_teks(""),
                    _nilai(sk.nilai, tebal=True),
                    sel_teks("", colspan=2),
                ],
                JenisBaris.GRUP,
            )
        )
        skor_s = {s.kode: s for s in sk.sub}
        for s in k.subkomponen:
            ss = skor_s[s.kode]
            tabel.baris.append(
                BarisTabel(
                    [
                        sel_teks(s.kode, tebal=True),
                        sel_teks(s.nama, tebal=True, indent=1),
                        _nilai(s.bobot, tebal=True),
                        sel_teks(""),
                        _nilai(ss.nilai, tebal=True),
                        sel_teks(f"{ss.terjawab} dari {ss.jumlah_kriteria} kriteria terjawab"),
                        sel_teks(""),
                    ],
                    JenisBaris.SUBTOTAL,
                )
            )
            for c in s.kriteria:
                i = isian[c.kode]
                nilai = lb.nilai_jawaban[i.jawaban] if i.jawaban else None
                tabel.baris.append(
                    BarisTabel(
                        [
                            sel_teks(c.kode),
                            sel_teks(c.uraian, indent=2),
                            sel_teks(""),
                            sel_teks(i.jawaban or "—"),
                            _nilai(nilai),
                            sel_teks(i.catatan),
                            sel_teks("\n".join(i.bukti) or None),
                        ]
                    )
                )
    tabel.baris.append(
        BarisTabel(
            [
                sel_teks(""),
                sel_teks(
                    f"NILAI AKHIR — PREDIKAT {data.skor.predikat} ({data.skor.uraian_predikat})",
                    tebal=True,
                ),
                _nilai(Decimal(100), tebal=True),
                sel_teks(""),
                _nilai(data.skor.total, tebal=True),
                sel_teks(
                    f"{data.skor.terjawab} dari {data.skor.jumlah_kriteria} kriteria terjawab",
                    colspan=2,
                ),
            ],
            JenisBaris.TOTAL,
        )
    )
    tabel.catatan = [
        f"Dasar: {lb.dasar}." if lb.dasar else lb.nama,
        "Y = 1, T = 0; A = 1; B = 0,75; C = 0,5; D = 0,25; E = 0. Nilai subkomponen = rata-rata "
        "nilai kriteria × bobot; kriteria belum terjawab bernilai 0.",
    ]
    if data.skor_lalu is not None:
        bagian = "; ".join(
            f"{b.nama} {format_angka(b.nilai_lalu, 2)} → {format_angka(b.nilai, 2)}"
            for b in data.banding
            if b.nilai_lalu is not None
        )
        tabel.catatan.append(
            f"Dibanding tahun {data.tahun - 1}: nilai {format_angka(data.skor_lalu.total, 2)} "
            f"({data.skor_lalu.predikat}) → {format_angka(data.skor.total, 2)} "
            f"({data.skor.predikat}). {bagian}."
        )
    else:
        tabel.catatan.append(f"Belum ada evaluasi tahun {data.tahun - 1} untuk dibandingkan.")
    return tabel


def tulis_lke(data: LembarTerisi, instansi: str, tujuan: Path) -> Path:
    """Write the worksheet as PDF or XLSX by the file's extension."""
    tabel = tabel_lke(data, instansi)
    tabel.periksa()
    akhiran = tujuan.suffix.lower()
    if akhiran == ".pdf":
        from .pdf_tabel import tulis_pdf

        tulis_pdf(tabel, tujuan)
    elif akhiran == ".xlsx":
        from .xlsx_tabel import tulis_xlsx

        tulis_xlsx(tabel, tujuan)
    else:
        raise InputTidakSah(
            f"Berkas keluaran harus .pdf atau .xlsx, bukan {tujuan.name!r}.", field="out"
        )
    return tujuan
