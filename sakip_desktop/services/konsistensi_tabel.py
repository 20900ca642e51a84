"""The konsistensi matrix and the budget comparison as printable `TabelLaporan`s.

A differing cell is printed bold with both values ("1,50% ≠ Renstra 1,28%"); agreeing cells
are plain. The findings are printed as notes under the matrix.
"""

from __future__ import annotations

from pathlib import Path

from ..domain import JenisNode
from .konsistensi import HasilKonsistensi
from .tabel.dasar import (
    BarisTabel,
    JenisBaris,
    Kolom,
    SelKepala,
    SelTabel,
    TabelLaporan,
    sel_rupiah,
    sel_teks,
)


def teks_sel_konsistensi(teks: str, acuan: str | None) -> str:
    return f"{teks} ≠ {acuan}" if acuan else teks


def tabel_konsistensi(h: HasilKonsistensi) -> TabelLaporan:
    """Indicator × document matrix of the year's targets, the findings as notes."""
    kolom_dok = list(h.kolom)
    tabel = TabelLaporan(
        nama="konsistensi",
        judul=[
            "KONSISTENSI MATRIK RENSTRA, IKU, PERJANJIAN KINERJA, IKI, RENJA, RKA, DPA",
            f"TAHUN {h.tahun}",
        ],
        instansi=h.opd,
        periode=f"Tahun {h.tahun}",
        kepala=[
            [
                SelKepala("No", rowspan=2),
                SelKepala("Kode", rowspan=2),
                SelKepala("Sasaran / Program / Kegiatan", rowspan=2),
                SelKepala("Indikator", rowspan=2),
                SelKepala(f"Target {h.tahun} menurut dokumen", colspan=len(kolom_dok)),
                SelKepala("Ket", rowspan=2),
            ],
            [SelKepala(label) for _k, label in kolom_dok],
        ],
        kolom=[
            Kolom(4),
            Kolom(8),
            Kolom(26),
            Kolom(30),
            *(Kolom(13) for _ in kolom_dok),
            Kolom(10),
        ],
        lanskap=True,
        tahun=h.tahun,
    )
    for i, b in enumerate(h.baris, start=1):
        sel: list[SelTabel] = [
            sel_teks(str(i)),
            sel_teks(b.kode),
            sel_teks(b.sasaran),
            sel_teks(b.indikator),
        ]
        for k, _label in kolom_dok:
            s = b.sel.get(k)
            if s is None:
                sel.append(sel_teks("—"))
                continue
            teks = teks_sel_konsistensi(s.teks, s.acuan)
            if s.catatan:
                teks += f" ({s.catatan})"
            sel.append(sel_teks(teks, tebal=s.beda))
        sel.append(sel_teks("Sesuai" if b.sepakat else "TIDAK SESUAI", tebal=not b.sepakat))
        tabel.baris.append(BarisTabel(sel))
    if h.temuan:
        tabel.catatan = [f"{n}. {t.pesan}" for n, t in enumerate(h.temuan, start=1)]
    else:
        tabel.catatan = ["Tidak ada perbedaan: semua dokumen konsisten."]
    tabel.catatan.append(
        "IKU dan IKI dicetak dari target yang berlaku (PK, bila tidak ada Renja, bila tidak ada "
        "Renstra); sel tebal berbeda dengan acuan (Renstra tahun berkenaan)."
    )
    return tabel


def tabel_konsistensi_anggaran(h: HasilKonsistensi) -> TabelLaporan:
    """Every budget line's pagu in Renja, RKA, DPA, after refocusing, and in the signed PK."""
    tabel = TabelLaporan(
        nama="konsistensi-anggaran",
        judul=["KONSISTENSI ANGGARAN RENJA, RKA, DPA DAN PERJANJIAN KINERJA", f"TAHUN {h.tahun}"],
        instansi=h.opd,
        periode=f"Tahun {h.tahun}",
        kepala=[
            [
                SelKepala("No"),
                SelKepala("Kode"),
                SelKepala("Program / Kegiatan / Sub Kegiatan"),
                SelKepala("Renja (Rp)"),
                SelKepala("RKA (Rp)"),
                SelKepala("DPA (Rp)"),
                SelKepala("DPA setelah refocusing (Rp)"),
                SelKepala("PK (Rp)"),
                SelKepala("Ket"),
            ]
        ],
        kolom=[
            Kolom(4),
            Kolom(14),
            Kolom(40),
            *(Kolom(15, angka=True) for _ in range(5)),
            Kolom(12),
        ],
        lanskap=True,
        tahun=h.tahun,
    )
    for i, a in enumerate(h.anggaran, start=1):
        indent = 0 if a.jenis_node is JenisNode.PROGRAM else 1
        tabel.baris.append(
            BarisTabel(
                [
                    sel_teks(str(i)),
                    sel_teks(a.kode),
                    sel_teks(a.uraian, indent=indent),
                    sel_rupiah(a.renja),
                    sel_rupiah(a.rka),
                    sel_rupiah(a.dpa),
                    sel_rupiah(a.dpa_akhir),
                    sel_rupiah(a.pk),
                    sel_teks("TIDAK SESUAI" if a.beda else "Sesuai", tebal=a.beda),
                ],
                JenisBaris.DATA,
            )
        )
    tabel.catatan = [
        "DPA setelah refocusing adalah pagu berlaku akhir tahun (DPA ditambah revisi yang "
        "dicatat); perbedaannya dengan DPA dijelaskan oleh revisi, bukan temuan."
    ]
    return tabel


def tulis_konsistensi(h: HasilKonsistensi, tujuan: Path) -> list[Path]:
    """Write the matrix (and the budget table) as PDF or XLSX, by the file's extension.

    An XLSX holds both tables as two sheets; a PDF gets the budget table beside it as
    ``<name>-anggaran.pdf``. Returns the files written.
    """
    from ..errors import InputTidakSah

    akhiran = tujuan.suffix.lower()
    matriks, anggaran = tabel_konsistensi(h), tabel_konsistensi_anggaran(h)
    if akhiran == ".pdf":
        from ..reports.pdf_tabel import tulis_pdf

        tulis_pdf(matriks, tujuan)
        kedua = tujuan.with_name(f"{tujuan.stem}-anggaran.pdf")
        tulis_pdf(anggaran, kedua)
        return [tujuan, kedua]
    if akhiran == ".xlsx":
        from openpyxl import Workbook

        from ..reports.xlsx_tabel import isi_lembar

        wb = Workbook()
        ws = wb.active
        ws.title = "Konsistensi target"
        isi_lembar(ws, matriks)
        isi_lembar(wb.create_sheet("Konsistensi anggaran"), anggaran)
        wb.properties.creator = "SAKIP Desktop"
        wb.save(str(tujuan))
        return [tujuan]
    raise InputTidakSah(
        f"Berkas keluaran harus .pdf atau .xlsx, bukan {tujuan.name!r}.", field="out"
    )
