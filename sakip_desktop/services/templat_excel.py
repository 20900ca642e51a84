"""Excel templates a bidang fills in: the targets of a year, or one quarter's realizations.

A template lists the indicators of the agency (or of one bidang) with their codes and what
is stored now; key columns are locked, the cells to fill are yellow, a drop-down offers the
planning documents, and a "Petunjuk" sheet explains how to fill it. A hidden sheet records
what the template is for (kind, year, quarter, agency, bidang), so `impor_excel` can check a
filled file against it. The column layout here is the contract with impor_excel.py.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..angka import format_angka
from ..domain import URUTAN_DOKUMEN_UKUR, DokumenTarget, JenisIndikator, JenisUnit
from ..errors import InputTidakSah, TidakDitemukan
from ..model import Indikator, NodeKinerja, Opd, Realisasi, Target, UnitKerja
from ..storage import Database
from .capaian import target_berlaku
from .indikator import satuan_cacah
from .konteks import pilih_opd, renstra_untuk
from .otorisasi import unit_node
from .pohon import muat_pohon, telusuri

FORMAT_TEMPLAT = "sakip-templat/1"
LEMBAR_META = "_sakip"
LEMBAR_PETUNJUK = "Petunjuk"
LEMBAR_TARGET = "Target"
LEMBAR_REALISASI = "Realisasi"
BARIS_KEPALA = 4
"""Header row of the data sheet; data start below it (the importer also finds it by name)."""

KODE = "Kode Indikator"
TAHUN = "Tahun"
TRIWULAN = "Triwulan"
DOKUMEN = "Dokumen"
TARGET_TAHUN = "Target Tahun"
TARGET_TW = ("Target TW I", "Target TW II", "Target TW III", "Target TW IV")
NOMOR_DOKUMEN = "Nomor Dokumen"
ALASAN = "Alasan Perubahan"
NILAI = "Nilai"
KOMPONEN_A = "Komponen A"
KOMPONEN_B = "Komponen B"
CATATAN = "Catatan / Bukti"
KETERANGAN = "Keterangan"
SUMBER_DATA = "Sumber Data"

KOLOM_TARGET = (
    (KODE, 13, False),
    ("Indikator", 42, False),
    ("Satuan", 10, False),
    ("Sasaran / Program / Kegiatan", 36, False),
    ("Bidang", 24, False),
    (TAHUN, 7, False),
    (DOKUMEN, 10, True),
    (TARGET_TAHUN, 13, True),
    *((t, 11, True) for t in TARGET_TW),
    (NOMOR_DOKUMEN, 18, True),
    (ALASAN, 28, True),
)
"""(header, width, filled by the user)."""

KOLOM_REALISASI = (
    (KODE, 13, False),
    ("Indikator", 42, False),
    ("Satuan", 10, False),
    ("Jenis", 16, False),
    ("Bidang", 24, False),
    (TAHUN, 7, False),
    (TRIWULAN, 9, False),
    ("Target Triwulan", 11, False),
    ("Target Tahun", 11, False),
    (NILAI, 12, True),
    (KOMPONEN_A, 13, True),
    (KOMPONEN_B, 13, True),
    ("Hasil Hitung", 11, False),
    (CATATAN, 30, True),
    (KETERANGAN, 26, True),
    (SUMBER_DATA, 22, True),
    ("Status", 12, False),
)

PILIHAN_DOKUMEN = tuple(d.value for d in DokumenTarget)
SARAN_KETERANGAN = (
    "Realisasi Sesuai Kebutuhan",
    "Realisasi Sesuai Target",
    "Realisasi Belum Sesuai Target",
    "Realisasi Melebihi Target",
)
_KUNING = "FFF2CC"
_ABU = "E7E6E6"


@dataclass(frozen=True)
class BarisIndikator:
    """An indicator in a template's scope, with the unit that answers for it."""

    indikator: Indikator
    node: NodeKinerja
    bidang: str | None


def unit_bidang(sesi: Session, opd: Opd, kode: str) -> UnitKerja:
    """The unit with code ``kode`` (any case), e.g. "PK" for Bidang Pelatihan Kerja."""
    unit = sesi.scalar(
        select(UnitKerja).where(UnitKerja.opd_id == opd.id, UnitKerja.kode.ilike(kode.strip()))
    )
    if unit is None:
        kode_ada = sesi.scalars(
            select(UnitKerja.kode)
            .where(
                UnitKerja.opd_id == opd.id,
                UnitKerja.jenis.in_([JenisUnit.BIDANG, JenisUnit.SEKRETARIAT]),
            )
            .order_by(UnitKerja.urutan)
        ).all()
        raise TidakDitemukan(
            f"Bidang dengan kode {kode!r} tidak ada. "
            f"Kode yang ada: {', '.join(filter(None, kode_ada))}."
        )
    return unit


def subpohon_unit(sesi: Session, unit_id: uuid.UUID) -> set[uuid.UUID]:
    anak: dict[uuid.UUID | None, list[uuid.UUID]] = {}
    for uid, pid in sesi.execute(select(UnitKerja.id, UnitKerja.parent_id)).all():
        anak.setdefault(pid, []).append(uid)
    hasil: set[uuid.UUID] = set()
    antrean = [unit_id]
    while antrean:
        u = antrean.pop()
        if u not in hasil:
            hasil.add(u)
            antrean.extend(anak.get(u, []))
    return hasil


def nama_bidang(sesi: Session, unit_id: uuid.UUID | None) -> str | None:
    """The bidang (or sekretariat) a unit belongs to, else the unit's own name."""
    unit = sesi.get(UnitKerja, unit_id) if unit_id else None
    asal = unit
    while unit is not None:
        if unit.jenis in (JenisUnit.BIDANG, JenisUnit.SEKRETARIAT):
            return unit.nama
        unit = unit.parent
    return asal.nama if asal else None


def indikator_lingkup(
    sesi: Session, opd: Opd, tahun: int, bidang: UnitKerja | None
) -> list[BarisIndikator]:
    """The agency's indicators in tree order (its own plan, not the regency's), or those of
    one bidang and its seksi."""
    renstra = renstra_untuk(sesi, opd, tahun)
    cakupan = subpohon_unit(sesi, bidang.id) if bidang is not None else None
    hasil = []
    for s in telusuri(muat_pohon(sesi, renstra)):
        if s.node.renstra_id != renstra.id:
            continue
        unit = unit_node(sesi, s.node)
        if cakupan is not None and unit not in cakupan:
            continue
        for ind in s.node.indikator:
            hasil.append(BarisIndikator(ind, s.node, nama_bidang(sesi, unit)))
    return hasil


def _format_nilai(satuan: str | None) -> str:
    return "#,##0" if satuan_cacah(satuan) else "#,##0.00"


def _nilai_sel(t: Target | None) -> Any:
    """A stored target as the cell shows it: a number, a range or predicate as text."""
    if t is None:
        return None
    if t.nilai_teks:
        return t.nilai_teks
    if t.nilai_maks is not None:
        return f"{format_angka(t.nilai)}–{format_angka(t.nilai_maks)}"
    return t.nilai


def _berlaku(baris: list[Target]) -> Target | None:
    return max(baris, key=lambda t: t.perubahan_ke) if baris else None


def _siapkan_lembar(ws: Any, judul: str, kolom: tuple[tuple[str, float, bool], ...]) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    ws["A1"] = judul
    ws["A1"].font = Font(name="Arial", bold=True, size=12)
    ws["A2"] = (
        "Isi hanya sel berwarna kuning; kolom lain terkunci. Baca lembar Petunjuk. "
        "Angka boleh memakai koma desimal (1,28)."
    )
    ws["A2"].font = Font(name="Arial", italic=True, size=9)
    tipis = Side(style="thin", color="808080")
    for c, (nama, lebar, isi) in enumerate(kolom, start=1):
        sel = ws.cell(BARIS_KEPALA, c, nama)
        sel.font = Font(name="Arial", bold=True, size=10)
        sel.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sel.fill = PatternFill("solid", fgColor=_KUNING if isi else "DCE3EF")
        sel.border = Border(left=tipis, right=tipis, top=tipis, bottom=tipis)
        ws.column_dimensions[get_column_letter(c)].width = lebar
    ws.row_dimensions[BARIS_KEPALA].height = 30
    ws.freeze_panes = ws.cell(BARIS_KEPALA + 1, 3)
    ws.print_title_rows = f"{BARIS_KEPALA}:{BARIS_KEPALA}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _isi_sel(ws: Any, r: int, c: int, nilai: Any, *, isi: bool, fmt: str | None = None) -> Any:
    from openpyxl.styles import Alignment, Font, PatternFill, Protection

    sel = ws.cell(r, c, nilai)
    sel.font = Font(name="Arial", size=10)
    sel.alignment = Alignment(vertical="top")
    if isi:
        sel.protection = Protection(locked=False)
        sel.fill = PatternFill("solid", fgColor=_KUNING)
    if fmt:
        sel.number_format = fmt
    return sel


def _kunci(ws: Any) -> None:
    """Protect the sheet (no password): key columns cannot be typed over by accident, yet
    a user may still sort, filter and resize."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.autoFilter = False
    ws.protection.sort = False


def _meta(wb: Any, **isi: Any) -> None:
    ws = wb.create_sheet(LEMBAR_META)
    for r, (k, v) in enumerate({"format": FORMAT_TEMPLAT, **isi}.items(), start=1):
        ws.cell(r, 1, k)
        ws.cell(r, 2, "" if v is None else str(v))
    ws.sheet_state = "veryHidden"


def _petunjuk(wb: Any, baris: list[str]) -> None:
    from openpyxl.styles import Alignment, Font

    ws = wb.create_sheet(LEMBAR_PETUNJUK)
    ws.column_dimensions["A"].width = 110
    for r, teks in enumerate(baris, start=1):
        sel = ws.cell(r, 1, teks)
        sel.alignment = Alignment(wrap_text=True, vertical="top")
        sel.font = Font(name="Arial", size=10, bold=r == 1)


PETUNJUK_UMUM = [
    "Angka boleh ditulis sebagai angka atau teks, dengan koma desimal (1,28) atau titik "
    "ribuan (2.700). Persentase ditulis sebagai angka persennya: 1,28 berarti 1,28%.",
    "Sel kosong berarti tidak ada nilai (bukan nol). Mengosongkan sel yang tadinya berisi "
    "akan menghapus nilai itu saat diimpor.",
    "Jangan mengubah kode indikator, tahun atau triwulan. Baris boleh diurutkan atau dihapus; "
    "baris yang dihapus tidak diubah.",
    "Impor bersifat semua-atau-tidak-sama-sekali: bila ada satu kesalahan, tidak ada yang "
    "disimpan, dan semua kesalahan ditampilkan sekaligus dengan lembar, baris dan kolomnya.",
    "Sebelum disimpan, pratinjau menunjukkan berapa nilai baru, berubah dan tetap "
    "(sakip import BERKAS --dry-run). Mengimpor berkas yang sama dua kali tidak mengubah apa pun.",
]


def tulis_templat_target(
    sesi: Session, opd: Opd, tahun: int, bidang: UnitKerja | None, tujuan: str | Path | IO[bytes]
) -> int:
    """Write the targets template of ``tahun``; returns the number of rows."""
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation

    daftar = indikator_lingkup(sesi, opd, tahun, bidang)
    ids = [b.indikator.id for b in daftar]
    per_ind: dict[uuid.UUID, list[Target]] = {}
    for t in sesi.scalars(
        select(Target).where(Target.indikator_id.in_(ids), Target.tahun == tahun)
    ):
        per_ind.setdefault(t.indikator_id, []).append(t)
    wb = Workbook()
    ws = wb.active
    ws.title = LEMBAR_TARGET
    lingkup = bidang.nama if bidang else f"{opd.nama} {opd.pemda.nama}"
    _siapkan_lembar(ws, f"TEMPLAT TARGET TAHUN {tahun} — {lingkup}", KOLOM_TARGET)
    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(PILIHAN_DOKUMEN) + '"',
        allow_blank=False,
        showErrorMessage=True,
        errorTitle="Dokumen tidak dikenal",
        error="Pilih renstra, renja atau pk.",
    )
    ws.add_data_validation(dv)
    r = BARIS_KEPALA + 1
    for b in daftar:
        ind = b.indikator
        targets = per_ind.get(ind.id, [])
        dokumen = [d for d in reversed(URUTAN_DOKUMEN_UKUR) if any(t.dokumen == d for t in targets)]
        if not dokumen:
            dokumen = [DokumenTarget.PK if b.node.jenis.level == 5 else DokumenTarget.RENJA]
        fmt = _format_nilai(ind.satuan)
        for dok in dokumen:
            milik = [t for t in targets if t.dokumen == dok]
            per_tw = {tw: _berlaku([t for t in milik if t.triwulan == tw]) for tw in range(5)}
            tahunan = per_tw[0]
            kiri = [
                ind.kode,
                ind.nama,
                ind.satuan,
                f"{b.node.jenis.label}: {b.node.uraian}",
                b.bidang,
                tahun,
            ]
            for c, v in enumerate(kiri, start=1):
                _isi_sel(ws, r, c, v, isi=False)
            _isi_sel(ws, r, 7, dok.value, isi=True)
            dv.add(ws.cell(r, 7))
            for tw in range(5):
                _isi_sel(ws, r, 8 + tw, _nilai_sel(per_tw[tw]), isi=True, fmt=fmt)
            _isi_sel(ws, r, 13, tahunan.nomor_dokumen if tahunan else None, isi=True)
            _isi_sel(ws, r, 14, None, isi=True)
            r += 1
    _kunci(ws)
    ws.auto_filter.ref = f"A{BARIS_KEPALA}:N{max(r - 1, BARIS_KEPALA)}"
    _petunjuk(
        wb,
        [
            f"Petunjuk pengisian templat target tahun {tahun}",
            "Setiap baris adalah satu indikator dalam satu dokumen perencanaan (renstra, renja, "
            "pk). Kolom Target Tahun berisi target tahunan; Target TW I–IV target triwulan "
            "menurut aturan agregasi indikatornya.",
            "Untuk dokumen lain, salin baris lalu ganti Dokumen (pilihan: renstra, renja, pk). "
            "Satu indikator hanya boleh muncul sekali per dokumen.",
            "Target rentang ditulis 95,92–96,89; target predikat ditulis teksnya (WTP, BB).",
            "Nomor Dokumen dan Alasan Perubahan boleh diisi; alasan dicatat di jejak audit.",
            *PETUNJUK_UMUM,
        ],
    )
    _meta(
        wb,
        jenis="target",
        tahun=tahun,
        triwulan=None,
        opd=opd.nama,
        bidang=bidang.kode if bidang else None,
        dibuat=datetime.now().isoformat(timespec="seconds"),
    )
    wb.save(tujuan if not isinstance(tujuan, Path) else str(tujuan))
    return r - BARIS_KEPALA - 1


def tulis_templat_realisasi(
    sesi: Session,
    opd: Opd,
    tahun: int,
    triwulan: int,
    bidang: UnitKerja | None,
    tujuan: str | Path | IO[bytes],
) -> int:
    """Write the realizations template of one quarter; returns the number of rows."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    daftar = indikator_lingkup(sesi, opd, tahun, bidang)
    ids = [b.indikator.id for b in daftar]
    targets: dict[uuid.UUID, list[Target]] = {}
    for t in sesi.scalars(
        select(Target).where(Target.indikator_id.in_(ids), Target.tahun == tahun)
    ):
        targets.setdefault(t.indikator_id, []).append(t)
    realisasi = {
        r.indikator_id: r
        for r in sesi.scalars(
            select(Realisasi).where(
                Realisasi.indikator_id.in_(ids),
                Realisasi.tahun == tahun,
                Realisasi.triwulan == triwulan,
            )
        )
    }
    wb = Workbook()
    ws = wb.active
    ws.title = LEMBAR_REALISASI
    lingkup = bidang.nama if bidang else f"{opd.nama} {opd.pemda.nama}"
    romawi = ("I", "II", "III", "IV")[triwulan - 1]
    _siapkan_lembar(
        ws, f"TEMPLAT REALISASI TRIWULAN {romawi} TAHUN {tahun} — {lingkup}", KOLOM_REALISASI
    )
    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(SARAN_KETERANGAN) + '"',
        allow_blank=True,
        showErrorMessage=False,
    )
    ws.add_data_validation(dv)
    abu = PatternFill("solid", fgColor=_ABU)
    r = BARIS_KEPALA + 1
    for b in daftar:
        ind = b.indikator
        tb = target_berlaku(targets.get(ind.id, []))
        rl = realisasi.get(ind.id)
        fmt = _format_nilai(ind.satuan)
        target_tahun = (
            tb.tahunan.nilai
            if tb.tahunan and tb.tahunan.nilai_maks is None
            else (tb.tahunan.teks if tb.tahunan else None)
        )
        kiri = [
            ind.kode,
            ind.nama,
            ind.satuan,
            ind.jenis.label,
            b.bidang,
            tahun,
            triwulan,
            tb.triwulan[triwulan - 1],
            target_tahun,
        ]
        for c, v in enumerate(kiri, start=1):
            _isi_sel(ws, r, c, v, isi=False, fmt=fmt if c in (8, 9) else None)
        turunan = ind.jenis.dari_komponen
        nilai: Any = None
        if rl is not None and not turunan:  # a derived value shows in "Hasil Hitung"
            nilai = rl.nilai_teks if ind.jenis is JenisIndikator.PREDIKAT else rl.nilai
        _isi_sel(ws, r, 10, nilai, isi=not turunan, fmt=fmt)
        for c, v in ((11, rl.komponen_a if rl else None), (12, rl.komponen_b if rl else None)):
            sel = _isi_sel(ws, r, c, v, isi=turunan, fmt="#,##0")
            if turunan:
                label = ind.label_komponen_a if c == 11 else ind.label_komponen_b
                sel.comment = Comment(
                    label or ("Komponen A" if c == 11 else "Komponen B"), "SAKIP Desktop"
                )
            else:
                sel.fill = abu
        if turunan:
            a, bb = f"K{r}", f"L{r}"
            rumus = (
                f"({a}-{bb})/{bb}*100"
                if (ind.jenis is JenisIndikator.PERSENTASE_PENINGKATAN)
                else f"{a}/{bb}*100"
            )
            _isi_sel(
                ws,
                r,
                13,
                f'=IF(AND(ISNUMBER({a}),ISNUMBER({bb}),{bb}<>0),ROUND({rumus},2),"")',
                isi=False,
                fmt="#,##0.00",
            )
            ws.cell(r, 10).fill = abu
        for c, v in (
            (14, rl.catatan if rl else None),
            (15, rl.keterangan if rl else None),
            (16, rl.sumber_data if rl else ind.sumber_data),
        ):
            _isi_sel(ws, r, c, v, isi=True)
        dv.add(ws.cell(r, 15))
        _isi_sel(ws, r, 17, rl.status.label if rl else None, isi=False)
        r += 1
    _kunci(ws)
    ws.auto_filter.ref = f"A{BARIS_KEPALA}:Q{max(r - 1, BARIS_KEPALA)}"
    _petunjuk(
        wb,
        [
            f"Petunjuk pengisian templat realisasi Triwulan {romawi} tahun {tahun}",
            "Indikator berjenis persentase peningkatan atau penyelesaian diisi dengan dua angka "
            "mentah di Komponen A dan Komponen B (arti masing-masing ada di komentar selnya); "
            "persentasenya dihitung sendiri (kolom Hasil Hitung). Indikator lain diisi di "
            "kolom Nilai.",
            "Indikator predikat (misalnya opini WTP) diisi teks predikatnya di kolom Nilai.",
            "Catatan / Bukti berisi keterangan bukti dukung; Keterangan muncul di tabel pengukuran "
            "eselon (kolom Ket).",
            "Realisasi yang sudah diajukan atau diverifikasi, atau triwulan yang sudah ditutup, "
            "tidak dapat diubah lewat impor: buka kembali dahulu di aplikasi.",
            *PETUNJUK_UMUM,
        ],
    )
    _meta(
        wb,
        jenis="realisasi",
        tahun=tahun,
        triwulan=triwulan,
        opd=opd.nama,
        bidang=bidang.kode if bidang else None,
        dibuat=datetime.now().isoformat(timespec="seconds"),
    )
    wb.save(tujuan if not isinstance(tujuan, Path) else str(tujuan))
    return r - BARIS_KEPALA - 1


class LayananTemplat:
    """Writes templates for the window and the CLI."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def tulis(
        self,
        jenis: str,
        tahun: int,
        tujuan: str | Path | IO[bytes],
        *,
        triwulan: int | None = None,
        bidang: str | None = None,
        opd: str | None = None,
    ) -> int:
        """Write a "target" or "realisasi" template; returns the number of rows written."""
        with self.db.baca() as sesi:
            o = pilih_opd(sesi, opd)
            unit = unit_bidang(sesi, o, bidang) if bidang else None
            if jenis == "target":
                if triwulan is not None:
                    raise InputTidakSah(
                        "Templat target memuat target tahunan dan keempat triwulan sekaligus; "
                        "hapus --triwulan.",
                        field="triwulan",
                    )
                return tulis_templat_target(sesi, o, tahun, unit, tujuan)
            if jenis == "realisasi":
                if triwulan is None or not 1 <= triwulan <= 4:
                    raise InputTidakSah(
                        "Templat realisasi dibuat per triwulan: sebutkan --triwulan 1–4.",
                        field="triwulan",
                    )
                return tulis_templat_realisasi(sesi, o, tahun, triwulan, unit, tujuan)
            raise InputTidakSah(f"Jenis templat {jenis!r} tidak dikenal (target atau realisasi).")
