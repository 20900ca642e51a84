"""Importing a filled template (templat_excel.py): all or nothing, every error at once.

The file is read whole (XLSX through openpyxl, old XLS through xlrd), every row is checked
and written through the same services as the window (`simpan_target`, `simpan_realisasi`)
inside ONE transaction. Those services check everything before they change anything, so a
refused value leaves the session as it was and the remaining rows are still checked (no
savepoints: on SQLite, pysqlite's RELEASE of a first SAVEPOINT commits the transaction).
Any error — a text in a number cell, an unknown code, a row of another bidang, a year
outside the plan, a duplicate row, or a refusal by a service (bounds, permission, a closed
quarter) — is collected with its sheet, row and column, and
the transaction is rolled back: nothing is written. A dry run rolls back too, after
counting what would be new, changed and unchanged. The same file imported twice changes
nothing the second time, because the services treat an equal value as no change.

Files that Excel and LibreOffice write are tolerated: numbers stored as text ("1,28",
"2.700", even a machine "1.28" when it cannot be a thousands group), cells formatted as
percentages, merged cells (their value counts for every cell they cover), empty rows, and
columns moved around (they are found by their header).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..angka import AngkaTidakSah, parse_angka, parse_rentang
from ..domain import DokumenTarget, JenisIndikator
from ..errors import KesalahanPengguna
from ..kalkulasi import NilaiTarget
from ..model import Indikator, NodeKinerja, Opd, Renstra, Target, UnitKerja
from ..storage import Database
from . import templat_excel as T
from .indikator import teks_nilai, transaksi
from .konteks import pilih_opd
from .otorisasi import unit_node
from .pelaku import Pelaku
from .realisasi import cari_realisasi, simpan_realisasi
from .target import simpan_target, teks_target

# --- results -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class KesalahanImpor:
    """One problem, where it is: sheet, 1-based row, column header (and letter)."""

    lembar: str
    baris: int | None
    kolom: str | None
    alasan: str
    huruf: str | None = None

    def teks(self) -> str:
        letak = [f"lembar {self.lembar}"]
        if self.baris is not None:
            letak.append(f"baris {self.baris}")
        if self.kolom:
            letak.append(f"kolom {self.kolom}" + (f" ({self.huruf})" if self.huruf else ""))
        return f"{', '.join(letak)}: {self.alasan}"


class ImporGagal(KesalahanPengguna):
    """The file was refused; ``kesalahan`` lists every problem found. Nothing was written."""

    def __init__(self, berkas: str, kesalahan: list[KesalahanImpor]) -> None:
        self.berkas = berkas
        self.kesalahan = kesalahan
        n = len(kesalahan)
        super().__init__(
            f"Impor {berkas} dibatalkan: {n} kesalahan, tidak ada data yang disimpan.\n"
            + self.laporan()
        )

    def laporan(self) -> str:
        """The error report, one line per problem (what the dialog shows and saves)."""
        return "\n".join(f"{i}. {k.teks()}" for i, k in enumerate(self.kesalahan, start=1))


BARU, BERUBAH, DIHAPUS, TETAP = "baru", "berubah", "dihapus", "tetap"


@dataclass(frozen=True)
class PerubahanImpor:
    """One value of the file and what importing it does."""

    lembar: str
    baris: int
    kode: str
    apa: str
    """"Target Renja tahun 2020", "Realisasi TW I 2020"."""
    lama: str
    baru: str
    jenis: str
    """baru | berubah | dihapus | tetap."""


@dataclass
class HasilImpor:
    """The preview (``diterapkan`` False) or the outcome of an import."""

    berkas: str
    jenis: str
    tahun: int | None
    triwulan: int | None
    perubahan: list[PerubahanImpor] = field(default_factory=list)
    diterapkan: bool = False

    def jumlah(self, jenis: str) -> int:
        return sum(1 for p in self.perubahan if p.jenis == jenis)

    @property
    def ringkasan(self) -> str:
        return (
            f"{self.jumlah(BARU)} baru, {self.jumlah(BERUBAH)} berubah, "
            f"{self.jumlah(DIHAPUS)} dihapus, {self.jumlah(TETAP)} tetap"
        )


# --- reading any workbook into plain grids -----------------------------------------------------


@dataclass
class Lembar:
    """A sheet as plain values (1-based rows and columns), merged cells filled in."""

    nama: str
    sel: dict[tuple[int, int], Any]
    format: dict[tuple[int, int], str]
    baris_maks: int
    kolom_maks: int
    tersembunyi: bool = False

    def nilai(self, r: int, c: int) -> Any:
        return self.sel.get((r, c))


def _baca_xlsx(path: Path) -> list[Lembar]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, data_only=True)
    except Exception as exc:  # zip or XML damage: a user error, said plainly
        raise KesalahanPengguna(
            f"Berkas {path.name} tidak dapat dibaca sebagai buku kerja Excel: {exc}"
        ) from None
    hasil = []
    for ws in wb.worksheets:
        sel: dict[tuple[int, int], Any] = {}
        fmt: dict[tuple[int, int], str] = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    sel[(c.row, c.column)] = c.value
                    fmt[(c.row, c.column)] = c.number_format or ""
        for rng in ws.merged_cells.ranges:
            kiri_atas = sel.get((rng.min_row, rng.min_col))
            for r in range(rng.min_row, rng.max_row + 1):
                for k in range(rng.min_col, rng.max_col + 1):
                    if kiri_atas is not None:
                        sel[(r, k)] = kiri_atas
                        fmt[(r, k)] = fmt.get((rng.min_row, rng.min_col), "")
        hasil.append(
            Lembar(ws.title, sel, fmt, ws.max_row, ws.max_column, ws.sheet_state != "visible")
        )
    wb.close()
    return hasil


def _baca_xls(path: Path) -> list[Lembar]:
    try:
        import xlrd
    except ImportError:  # pragma: no cover - xlrd is a dependency
        raise KesalahanPengguna(
            "Berkas .xls lama memerlukan paket xlrd. Simpan ulang sebagai .xlsx."
        ) from None
    try:
        buku = xlrd.open_workbook(str(path), formatting_info=True)
    except Exception as exc:
        raise KesalahanPengguna(
            f"Berkas {path.name} tidak dapat dibaca sebagai .xls: {exc}"
        ) from None
    hasil = []
    for sh in buku.sheets():
        sel: dict[tuple[int, int], Any] = {}
        for r in range(sh.nrows):
            for c in range(sh.ncols):
                cell = sh.cell(r, c)
                if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    continue
                v: Any = cell.value
                if cell.ctype == xlrd.XL_CELL_DATE:
                    v = xlrd.xldate.xldate_as_datetime(v, buku.datemode)
                elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                    v = bool(v)
                elif cell.ctype == xlrd.XL_CELL_ERROR:
                    v = None
                if v is not None and v != "":
                    sel[(r + 1, c + 1)] = v
        for r0, r1, c0, c1 in sh.merged_cells:
            kiri_atas = sel.get((r0 + 1, c0 + 1))
            for r in range(r0, r1):
                for c in range(c0, c1):
                    if kiri_atas is not None:
                        sel[(r + 1, c + 1)] = kiri_atas
        hasil.append(Lembar(sh.name, sel, {}, sh.nrows, sh.ncols, sh.visibility != 0))
    return hasil


def baca_buku(path: Path) -> list[Lembar]:
    """Every sheet of an .xlsx/.xlsm or .xls file as plain values."""
    if not path.exists():
        raise KesalahanPengguna(f"Berkas tidak ada: {path}")
    akhiran = path.suffix.lower()
    if akhiran in (".xlsx", ".xlsm"):
        return _baca_xlsx(path)
    if akhiran == ".xls":
        return _baca_xls(path)
    raise KesalahanPengguna(
        f"Berkas {path.name} bukan buku kerja Excel (.xlsx atau .xls). "
        "Simpan templat yang sudah diisi sebagai .xlsx."
    )


# --- cell values ----------------------------------------------------------------------------------

_MESIN = re.compile(r"[+-]?\d+\.(\d{1,2}|\d{4,})")
"""A machine decimal such as "1.28" (a thousands group has exactly three digits)."""


class _SelSalah(Exception):
    def __init__(self, alasan: str) -> None:
        super().__init__(alasan)
        self.alasan = alasan


def _kosong(v: Any) -> bool:
    return v is None or (isinstance(v, str) and v.strip() in ("", "—", "-"))


def _desimal_float(x: float) -> Decimal:
    d = Decimal(repr(x))
    if d.as_tuple().exponent < -8:  # type: ignore[operator]
        d = d.quantize(Decimal("1e-8")).normalize()
    return d


def angka_sel(v: Any, fmt: str = "") -> Decimal | None:
    """A cell as a number: real numbers, numbers stored as text (Indonesian or machine
    format), a percentage-formatted cell (0,0128 shown as 1,28% is 1,28)."""
    if _kosong(v):
        return None
    if isinstance(v, bool | datetime | date):
        raise _SelSalah(f"'{v}' bukan angka.")
    if isinstance(v, int):
        d = Decimal(v)
    elif isinstance(v, float):
        d = _desimal_float(v)
    else:
        teks = str(v).strip()
        try:
            return parse_angka(teks)
        except AngkaTidakSah as exc:
            polos = teks.replace("\xa0", "").replace(" ", "")
            if _MESIN.fullmatch(polos):
                return Decimal(polos)
            raise _SelSalah(exc.pesan) from None
    if "%" in fmt:
        d = (d * 100).normalize()
    return d


def teks_sel(v: Any) -> str | None:
    if _kosong(v):
        return None
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _bulat_sel(v: Any, apa: str) -> int:
    try:
        d = angka_sel(v)
    except _SelSalah:
        d = None
    if d is None or d != d.to_integral_value():
        raise _SelSalah(f"{apa} harus bilangan bulat, bukan '{v}'.")
    return int(d)


# --- the sheet with its header -----------------------------------------------------------------


def _norm(teks: Any) -> str:
    return " ".join(str(teks).split()).casefold() if teks is not None else ""


@dataclass
class TabelData:
    lembar: Lembar
    baris_kepala: int
    kolom: dict[str, int]
    """Header name (as in templat_excel) → 1-based column."""

    def nilai(self, r: int, nama: str) -> Any:
        c = self.kolom.get(nama)
        return self.lembar.nilai(r, c) if c else None

    def format(self, r: int, nama: str) -> str:
        c = self.kolom.get(nama)
        return self.lembar.format.get((r, c), "") if c else ""

    def huruf(self, nama: str) -> str | None:
        from openpyxl.utils import get_column_letter

        c = self.kolom.get(nama)
        return get_column_letter(c) if c else None

    def baris(self) -> Iterator[int]:
        yield from range(self.baris_kepala + 1, self.lembar.baris_maks + 1)


def _cari_kepala(lembar: Lembar, wajib: list[str], semua: list[str]) -> TabelData | None:
    for r in range(1, min(lembar.baris_maks, 30) + 1):
        isi = {
            _norm(lembar.nilai(r, c)): c
            for c in range(1, lembar.kolom_maks + 1)
            if lembar.nilai(r, c) is not None
        }
        if _norm(T.KODE) in isi:
            kolom = {n: isi[_norm(n)] for n in semua if _norm(n) in isi}
            if all(n in kolom for n in wajib):
                return TabelData(lembar, r, kolom)
            return None
    return None


def _meta(buku: list[Lembar]) -> dict[str, str]:
    for lb in buku:
        if lb.nama == T.LEMBAR_META:
            return {
                str(lb.nilai(r, 1)): teks_sel(lb.nilai(r, 2)) or ""
                for r in range(1, lb.baris_maks + 1)
                if lb.nilai(r, 1) is not None
            }
    return {}


def _kenali(buku: list[Lembar], meta: dict[str, str], berkas: str) -> tuple[str, TabelData]:
    """Which template this is (target or realisasi) and its data table."""
    syarat = {
        "target": (
            [T.KODE, T.TAHUN, T.DOKUMEN, T.TARGET_TAHUN],
            [n for n, _, _ in T.KOLOM_TARGET],
            T.LEMBAR_TARGET,
        ),
        "realisasi": (
            [T.KODE, T.TAHUN, T.TRIWULAN, T.NILAI],
            [n for n, _, _ in T.KOLOM_REALISASI],
            T.LEMBAR_REALISASI,
        ),
    }
    urutan = [meta["jenis"]] if meta.get("jenis") in syarat else []
    urutan += [j for j in syarat if j not in urutan]
    for jenis in urutan:
        wajib, semua, nama = syarat[jenis]
        calon = sorted(
            (lb for lb in buku if lb.nama != T.LEMBAR_META),
            key=lambda lb: (lb.nama != nama, lb.tersembunyi),
        )
        for lb in calon:
            tabel = _cari_kepala(lb, wajib, semua)
            if tabel is not None:
                return jenis, tabel
    pertama = next((lb.nama for lb in buku if lb.nama != T.LEMBAR_META), "?")
    raise ImporGagal(
        berkas,
        [
            KesalahanImpor(
                pertama,
                None,
                None,
                "berkas ini bukan templat SAKIP: tidak ada lembar Target atau Realisasi dengan "
                f"kolom '{T.KODE}'. Buat templat dengan 'sakip template' lalu isi.",
            )
        ],
    )


_DOKUMEN = {
    "renstra": DokumenTarget.RENSTRA,
    "renja": DokumenTarget.RENJA,
    "renja / rkt": DokumenTarget.RENJA,
    "rkt": DokumenTarget.RENJA,
    "pk": DokumenTarget.PK,
    "perjanjian kinerja": DokumenTarget.PK,
}
_ROMAWI = ("I", "II", "III", "IV")


@dataclass
class _Konteks:
    sesi: Session
    pelaku: Pelaku
    opd: Opd
    tabel: TabelData
    bidang: UnitKerja | None
    cakupan: set[uuid.UUID] | None
    kesalahan: list[KesalahanImpor] = field(default_factory=list)
    perubahan: list[PerubahanImpor] = field(default_factory=list)
    _indikator: dict[int, tuple[Renstra, dict[str, Indikator]] | None] = field(default_factory=dict)

    def salah(self, r: int | None, kolom: str | None, alasan: str) -> None:
        self.kesalahan.append(
            KesalahanImpor(
                self.tabel.lembar.nama, r, kolom, alasan, self.tabel.huruf(kolom) if kolom else None
            )
        )

    def indikator(self, tahun: int) -> tuple[Renstra, dict[str, Indikator]] | None:
        if tahun not in self._indikator:
            renstra = self.sesi.scalar(
                select(Renstra).where(
                    Renstra.opd_id == self.opd.id,
                    Renstra.tahun_awal <= tahun,
                    Renstra.tahun_akhir >= tahun,
                )
            )
            if renstra is None:
                self._indikator[tahun] = None
            else:
                inds = self.sesi.scalars(
                    select(Indikator)
                    .join(NodeKinerja, Indikator.node_id == NodeKinerja.id)
                    .where(NodeKinerja.renstra_id == renstra.id)
                )
                self._indikator[tahun] = (renstra, {i.kode.casefold(): i for i in inds})
        return self._indikator[tahun]

    def periode(self) -> str:
        daftar = self.sesi.scalars(
            select(Renstra).where(Renstra.opd_id == self.opd.id).order_by(Renstra.tahun_awal)
        ).all()
        return ", ".join(r.label for r in daftar) or "—"

    def cari(self, r: int, tahun_mentah: Any, kode_mentah: Any) -> tuple[Indikator, int] | None:
        """The row's indicator and year, or None after recording why not."""
        kode = teks_sel(kode_mentah)
        if not kode:
            self.salah(r, T.KODE, "kode indikator kosong; baris ini tidak dapat dikenali.")
            return None
        try:
            tahun = _bulat_sel(tahun_mentah, "Tahun")
        except _SelSalah as exc:
            self.salah(r, T.TAHUN, exc.alasan)
            return None
        rencana = self.indikator(tahun)
        if rencana is None:
            self.salah(
                r,
                T.TAHUN,
                f"tahun {tahun} di luar periode Renstra {self.opd.singkatan or self.opd.nama} "
                f"({self.periode()}).",
            )
            return None
        renstra, per_kode = rencana
        ind = per_kode.get(kode.casefold())
        if ind is None:
            self.salah(
                r, T.KODE, f"kode indikator '{kode}' tidak dikenal di Renstra {renstra.label}."
            )
            return None
        if self.cakupan is not None:
            unit = unit_node(self.sesi, ind.node)
            if unit not in self.cakupan:
                assert self.bidang is not None
                pemilik = self.sesi.get(UnitKerja, unit) if unit else None
                self.salah(
                    r,
                    T.KODE,
                    f"indikator {ind.kode} milik {pemilik.nama if pemilik else 'unit lain'}, "
                    f"bukan {self.bidang.nama}: templat ini untuk {self.bidang.nama} saja.",
                )
                return None
        return ind, tahun


def _kosong_baris(tabel: TabelData, r: int) -> bool:
    return all(_kosong(tabel.nilai(r, n)) for n in tabel.kolom)


def _nilai_target(v: Any, fmt: str, ind: Indikator) -> NilaiTarget | None:
    if _kosong(v):
        return None
    if ind.jenis is JenisIndikator.PREDIKAT and isinstance(v, str):
        return NilaiTarget(teks=v.strip())
    try:
        return NilaiTarget(angka_sel(v, fmt))
    except _SelSalah as salah:
        try:
            lo, hi = parse_rentang(str(v))
        except AngkaTidakSah:
            raise salah from None
        return NilaiTarget(lo, hi)


def _target_berlaku(
    sesi: Session, ind: Indikator, tahun: int, tw: int, dok: DokumenTarget
) -> Target | None:
    return sesi.scalar(
        select(Target)
        .where(
            Target.indikator_id == ind.id,
            Target.tahun == tahun,
            Target.triwulan == tw,
            Target.dokumen == dok,
        )
        .order_by(Target.perubahan_ke.desc())
        .limit(1)
    )


def _jenis(berubah: bool, ada: bool, kosong: bool) -> str:
    if not berubah:
        return TETAP
    if not ada:
        return BARU
    return DIHAPUS if kosong else BERUBAH


def _teks_t(t: Target | None, satuan: str) -> str:
    if t is None:
        return "—"
    return teks_target(NilaiTarget(t.nilai, t.nilai_maks, t.nilai_teks), satuan)


def _impor_target(k: _Konteks) -> None:
    tabel = k.tabel
    sudah: dict[tuple[uuid.UUID, int, DokumenTarget], int] = {}
    kolom_nilai = [(0, T.TARGET_TAHUN)] + [
        (tw, nama) for tw, nama in enumerate(T.TARGET_TW, start=1) if nama in tabel.kolom
    ]
    for r in tabel.baris():
        if _kosong_baris(tabel, r):
            continue
        hasil = k.cari(r, tabel.nilai(r, T.TAHUN), tabel.nilai(r, T.KODE))
        if hasil is None:
            continue
        ind, tahun = hasil
        dok_teks = _norm(tabel.nilai(r, T.DOKUMEN))
        dok = _DOKUMEN.get(dok_teks)
        if dok is None:
            k.salah(
                r,
                T.DOKUMEN,
                f"dokumen '{teks_sel(tabel.nilai(r, T.DOKUMEN)) or ''}' tidak dikenal; "
                "pilih renstra, renja atau pk.",
            )
            continue
        kunci = (ind.id, tahun, dok)
        if kunci in sudah:
            k.salah(
                r,
                T.KODE,
                f"baris ganda: {ind.kode} dokumen {dok.value} tahun {tahun} sudah ada di baris "
                f"{sudah[kunci]}.",
            )
            continue
        sudah[kunci] = r
        nilai: list[tuple[int, str, NilaiTarget | None]] = []
        for tw, nama in kolom_nilai:
            try:
                nilai.append(
                    (tw, nama, _nilai_target(tabel.nilai(r, nama), tabel.format(r, nama), ind))
                )
            except _SelSalah as exc:
                k.salah(r, nama, exc.alasan)
        if len(nilai) != len(kolom_nilai):
            continue
        nomor = teks_sel(tabel.nilai(r, T.NOMOR_DOKUMEN))
        alasan = teks_sel(tabel.nilai(r, T.ALASAN))
        for tw, nama, v in nilai:
            lama = _target_berlaku(k.sesi, ind, tahun, tw, dok)
            lama_teks = _teks_t(lama, ind.satuan)
            try:
                berubah = simpan_target(
                    k.sesi,
                    k.pelaku,
                    ind.id,
                    tahun,
                    tw,
                    dok,
                    v,
                    alasan=alasan,
                    nomor_dokumen=nomor,
                )
            except KesalahanPengguna as exc:
                k.salah(r, nama, exc.pesan)
                continue
            periode = f"tahun {tahun}" if tw == 0 else f"TW {_ROMAWI[tw - 1]} {tahun}"
            k.perubahan.append(
                PerubahanImpor(
                    tabel.lembar.nama,
                    r,
                    ind.kode,
                    f"Target {dok.value} {periode}",
                    lama_teks,
                    teks_target(v, ind.satuan),
                    _jenis(berubah, lama is not None, v is None),
                )
            )


_KOLOM_FIELD = {
    "komponen": T.KOMPONEN_A,
    "nilai": T.NILAI,
    "nilai_teks": T.NILAI,
    "tahun": T.TAHUN,
    "triwulan": T.TRIWULAN,
}


def _teks_r(sesi: Session, ind: Indikator, tahun: int, tw: int) -> str:
    r = cari_realisasi(sesi, ind.id, tahun, tw)
    if r is None:
        return "—"
    if r.nilai_teks:
        return r.nilai_teks
    return teks_nilai(r.nilai, ind.satuan)


def _impor_realisasi(k: _Konteks) -> None:
    tabel = k.tabel
    sudah: dict[tuple[uuid.UUID, int, int], int] = {}
    for r in tabel.baris():
        if _kosong_baris(tabel, r):
            continue
        hasil = k.cari(r, tabel.nilai(r, T.TAHUN), tabel.nilai(r, T.KODE))
        if hasil is None:
            continue
        ind, tahun = hasil
        try:
            tw = _bulat_sel(tabel.nilai(r, T.TRIWULAN), "Triwulan")
            if not 1 <= tw <= 4:
                raise _SelSalah(f"Triwulan harus 1–4, bukan {tw}.")
        except _SelSalah as exc:
            k.salah(r, T.TRIWULAN, exc.alasan)
            continue
        kunci = (ind.id, tahun, tw)
        if kunci in sudah:
            k.salah(
                r,
                T.KODE,
                f"baris ganda: {ind.kode} triwulan {tw} tahun {tahun} sudah ada di baris "
                f"{sudah[kunci]}.",
            )
            continue
        sudah[kunci] = r
        salah_awal = len(k.kesalahan)
        nilai: Decimal | None = None
        nilai_teks: str | None = None
        komponen: tuple[Any, Any] | None = None
        if ind.jenis is JenisIndikator.PREDIKAT:
            nilai_teks = teks_sel(tabel.nilai(r, T.NILAI))
        else:
            try:
                nilai = angka_sel(tabel.nilai(r, T.NILAI), tabel.format(r, T.NILAI))
            except _SelSalah as exc:
                k.salah(r, T.NILAI, exc.alasan)
        ab = []
        for nama in (T.KOMPONEN_A, T.KOMPONEN_B):
            try:
                ab.append(angka_sel(tabel.nilai(r, nama)))
            except _SelSalah as exc:
                k.salah(r, nama, exc.alasan)
                ab.append(None)
        if len(k.kesalahan) > salah_awal:
            continue
        if ab[0] is not None or ab[1] is not None:
            komponen = (ab[0], ab[1])
            if ind.jenis.dari_komponen:
                nilai = None  # the value is computed from the counts; a stale copy is ignored
        ada = cari_realisasi(k.sesi, ind.id, tahun, tw) is not None
        lama = _teks_r(k.sesi, ind, tahun, tw)
        kosong = nilai is None and nilai_teks is None and komponen is None
        try:
            berubah = simpan_realisasi(
                k.sesi,
                k.pelaku,
                ind.id,
                tahun,
                tw,
                nilai=nilai,
                komponen=komponen,
                nilai_teks=nilai_teks,
                catatan=teks_sel(tabel.nilai(r, T.CATATAN)),
                keterangan=teks_sel(tabel.nilai(r, T.KETERANGAN)),
                sumber_data=teks_sel(tabel.nilai(r, T.SUMBER_DATA)),
            )
        except KesalahanPengguna as exc:
            kolom = _KOLOM_FIELD.get(getattr(exc, "field", None) or "", T.NILAI)
            if kolom == T.NILAI and ind.jenis.dari_komponen:
                kolom = T.KOMPONEN_A
            k.salah(r, kolom, exc.pesan)
            continue
        k.perubahan.append(
            PerubahanImpor(
                tabel.lembar.nama,
                r,
                ind.kode,
                f"Realisasi TW {_ROMAWI[tw - 1]} {tahun}",
                lama,
                _teks_r(k.sesi, ind, tahun, tw),
                _jenis(berubah, ada, kosong),
            )
        )


class _Batal(Exception):
    """Rolls back a dry run."""


def impor_excel(
    db: Database,
    pelaku: Pelaku,
    berkas: str | Path,
    *,
    dry_run: bool = False,
    opd: str | None = None,
) -> HasilImpor:
    """Import a filled template; with ``dry_run`` only the preview, nothing is kept.

    Raises:
        ImporGagal: the file has errors (all of them listed); nothing was written.
        KesalahanPengguna: the file cannot be read at all.
    """
    path = Path(berkas)
    buku = baca_buku(path)
    meta = _meta(buku)
    jenis, tabel = _kenali(buku, meta, path.name)
    hasil = HasilImpor(
        path.name,
        jenis,
        int(meta["tahun"]) if meta.get("tahun", "").isdigit() else None,
        int(meta["triwulan"]) if meta.get("triwulan", "").isdigit() else None,
    )
    try:
        with transaksi(db, pelaku, alasan=f"Impor Excel {path.name}") as sesi:
            o = pilih_opd(sesi, opd or meta.get("opd") or None)
            bidang = None
            cakupan = None
            if meta.get("bidang"):
                bidang = T.unit_bidang(sesi, o, meta["bidang"])
                cakupan = T.subpohon_unit(sesi, bidang.id)
            k = _Konteks(sesi, pelaku, o, tabel, bidang, cakupan)
            if jenis == "target":
                _impor_target(k)
            else:
                _impor_realisasi(k)
            hasil.perubahan = k.perubahan
            if k.kesalahan:
                raise ImporGagal(path.name, k.kesalahan)
            if dry_run:
                raise _Batal
    except _Batal:
        return hasil
    hasil.diterapkan = True
    return hasil


class LayananImpor:
    """Preview and apply an Excel import for the window and the CLI."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def pratinjau(self, pelaku: Pelaku, berkas: str | Path, opd: str | None = None) -> HasilImpor:
        return impor_excel(self.db, pelaku, berkas, dry_run=True, opd=opd)

    def terapkan(self, pelaku: Pelaku, berkas: str | Path, opd: str | None = None) -> HasilImpor:
        return impor_excel(self.db, pelaku, berkas, opd=opd)
